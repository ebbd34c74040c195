//! The real floating-point types matrices are computed in, one per [`Precision`].

use crate::model::Precision;

/// A real floating-point type matrices are computed in.
pub trait Real: faer::traits::RealField + Copy + Send + Sync + PartialOrd + 'static {
    const PRECISION: Precision;
    fn from_f64(x: f64) -> Self;
    fn to_f64(self) -> f64;
}

impl Real for f64 {
    const PRECISION: Precision = Precision::F64;
    fn from_f64(x: f64) -> Self {
        x
    }
    fn to_f64(self) -> f64 {
        self
    }
}

impl Real for f32 {
    const PRECISION: Precision = Precision::F32;
    fn from_f64(x: f64) -> Self {
        x as f32
    }
    fn to_f64(self) -> f64 {
        self as f64
    }
}
