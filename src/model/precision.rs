//! The floating-point precision a trial's matrix is sampled and diagonalised in, and the rule
//! that decides when a computed eigenvalue lies outside the unit circle (docs/math/precision.md).

use super::error::{ConfigError, Param};
use serde::{Deserialize, Serialize};

/// `--precision`: double (the default) or single, the precision recurrent weights have in
/// practice. A manifest records it by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Precision {
    F64,
    F32,
}

/// The constant `c` of the tolerance `c sqrt(n) u` at the unit circle (docs/math/precision.md).
pub const OUTSIDE_TOLERANCE_FACTOR: f64 = 32.0;

impl Precision {
    pub const NAMES: [&'static str; 2] = ["f64", "f32"];

    pub fn parse(name: &str) -> Option<Precision> {
        match name {
            "f64" => Some(Precision::F64),
            "f32" => Some(Precision::F32),
            _ => None,
        }
    }

    /// The smallest and largest scale of the numbers a draw computes with (a scale factor times
    /// the ensemble's natural radius) at which every entry, eigenvalue and squared modulus stays
    /// a normal number of this precision, with room for sums over `n <= 10^9` entries and
    /// `10^12` trials: `[1e-100, 1e100]` in double precision (squares within `1e+-200`, sums
    /// below `1e221`, against the range `1e+-308`), `[1e-10, 1e10]` in single precision (squares
    /// within `1e+-20`, sums over a dense matrix's `n^2` entries below `1e30`, against
    /// `1e+-38`). Outside it a draw underflows to zeros or overflows to infinities, and its
    /// radius means nothing (docs/math/precision.md).
    pub fn scale_range(&self) -> (f64, f64) {
        match self {
            Precision::F64 => (1e-100, 1e100),
            Precision::F32 => (1e-10, 1e10),
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
    /// unit circle: `32 sqrt(n) u`. Moduli that are exactly 1 (Haar orthogonal) come out within
    /// `17 sqrt(n) u` of 1 over 10^6 matrices at the worst width measured, and their tail puts
    /// `32` out of reach of any run's size; no less random matrix's count moves by more than the
    /// bound stated in docs/math/precision.md.
    pub fn outside_tolerance(&self, n: usize) -> f64 {
        OUTSIDE_TOLERANCE_FACTOR * (n as f64).sqrt() * self.unit_roundoff()
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

impl std::str::FromStr for Precision {
    type Err = ConfigError;
    fn from_str(name: &str) -> Result<Self, ConfigError> {
        Precision::parse(name).ok_or_else(|| {
            ConfigError::new(
                Param::Precision,
                format!(
                    "unknown precision '{name}'; choose from {}",
                    Precision::NAMES.join(", ")
                ),
            )
        })
    }
}
