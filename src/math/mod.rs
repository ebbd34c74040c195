//! The mathematics: laws of the spectral radius, quadrature and statistics. Nothing here imports
//! from the rest of the crate, so every formula can be read and tested on its own; each module
//! names the page of `docs/math/` that states what it implements.

pub mod asymptotics;
pub mod determinant;
pub mod exact_law;
pub mod explosion;
pub mod kostlan;
pub mod modulus_law;
pub mod quadrature;
pub mod radius_law;
pub mod real_density;
pub mod real_ginibre;
pub mod ring;
pub mod roots;
pub mod special;
pub mod stats;
