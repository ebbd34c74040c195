//! Drawing random matrices and what is measured of them: one draw of an ensemble (and the
//! Hessenberg model), eigenvalues, the per-trial random streams, the radius samplers with the one
//! parallel trial loop, and the linear-RNN propagator. Imports only [`crate::model`],
//! [`crate::math`] and [`crate::error`].

pub mod draw;
pub mod real;
pub mod rng;
pub mod rnn;
pub mod spectrum;
pub mod trials;
