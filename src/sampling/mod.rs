//! Drawing random matrices and what is measured of them: the ensembles and the Hessenberg model,
//! eigenvalues, the per-trial random streams, the radius samplers with the one parallel trial
//! loop, and the linear-RNN propagator. Imports only [`crate::math`] and [`crate::error`].

pub mod ensemble;
pub mod precision;
pub mod rng;
pub mod rnn;
pub mod spectrum;
pub mod trials;
