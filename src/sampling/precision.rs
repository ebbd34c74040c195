//! The floating-point precision a trial's matrix is sampled and diagonalised in, and the rule
//! that decides when a computed eigenvalue lies outside the unit circle (docs/math/precision.md).

use serde::{Deserialize, Serialize};

/// `--precision`: double (the default) or single, the precision recurrent weights have in
/// practice. A manifest records it by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Precision {
    F64,
    F32,
}

impl Precision {
    pub const NAMES: [&'static str; 2] = ["f64", "f32"];

    pub fn parse(name: &str) -> Option<Precision> {
        match name {
            "f64" => Some(Precision::F64),
            "f32" => Some(Precision::F32),
            _ => None,
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Precision::F64 => "f64",
            Precision::F32 => "f32",
        }
    }

    /// The unit roundoff `u`: `2^-53` in double, `2^-24` in single precision.
    pub fn unit_roundoff(&self) -> f64 {
        match self {
            Precision::F64 => f64::EPSILON / 2.0,
            Precision::F32 => f32::EPSILON as f64 / 2.0,
        }
    }

    /// How far above 1 a computed modulus of an `n x n` matrix must lie to count as outside the
    /// unit circle: `16 sqrt(n) u`. Moduli that are exactly 1 (Haar orthogonal) come out within
    /// this of 1, and no less random matrix's count moves by more than the bound stated in
    /// docs/math/precision.md.
    pub fn outside_tolerance(&self, n: usize) -> f64 {
        16.0 * (n as f64).sqrt() * self.unit_roundoff()
    }
}

impl From<Precision> for String {
    fn from(p: Precision) -> String {
        p.name().into()
    }
}

impl TryFrom<String> for Precision {
    type Error = String;
    fn try_from(name: String) -> Result<Self, String> {
        Precision::parse(&name).ok_or_else(|| format!("unknown precision '{name}'"))
    }
}

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
