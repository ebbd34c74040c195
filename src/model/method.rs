//! How a trial's spectral radius is obtained, and which ensembles each way samples exactly.

use super::error::{ConfigError, Param};
use super::Ensemble;
use serde::{Deserialize, Serialize};

/// How a trial's spectral radius is obtained. A manifest records it by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Method {
    /// Sample the full matrix and compute all its eigenvalues (faer).
    Dense,
    /// Sample the exact Hessenberg form of a Ginibre matrix (same eigenvalues) and run only the
    /// Hessenberg QR iteration, skipping the O(n^3) reduction.
    Hessenberg,
    /// Kostlan: the squared moduli of complex Ginibre are independent `Gamma(k,1)/n`, those of
    /// quaternion Ginibre `Gamma(2k,1)/2n`; O(n).
    Kostlan,
}

impl Method {
    pub const NAMES: [&'static str; 3] = ["dense", "hessenberg", "kostlan"];

    pub fn parse(name: &str) -> Option<Method> {
        match name {
            "dense" => Some(Method::Dense),
            "hessenberg" => Some(Method::Hessenberg),
            "kostlan" => Some(Method::Kostlan),
            _ => None,
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Method::Dense => "dense",
            Method::Hessenberg => "hessenberg",
            Method::Kostlan => "kostlan",
        }
    }

    /// Whether this method samples the exact law of `ensemble`'s spectrum.
    pub fn supports(&self, ensemble: Ensemble) -> bool {
        match self {
            Method::Dense => true,
            // The Hessenberg model rests on the unitary/orthogonal invariance of Gaussian entries.
            Method::Hessenberg => {
                matches!(ensemble, Ensemble::ComplexGinibre | Ensemble::RealGinibre)
            }
            Method::Kostlan => ensemble.kostlan_law(1).is_some(),
        }
    }
}

impl From<Method> for String {
    fn from(m: Method) -> String {
        m.name().into()
    }
}

impl TryFrom<String> for Method {
    type Error = String;
    fn try_from(name: String) -> Result<Self, String> {
        Method::parse(&name).ok_or_else(|| format!("unknown method '{name}'"))
    }
}

impl std::str::FromStr for Method {
    type Err = ConfigError;
    fn from_str(name: &str) -> Result<Self, ConfigError> {
        Method::parse(name).ok_or_else(|| {
            ConfigError::new(
                Param::Method,
                format!(
                    "unknown method '{name}'; choose from {}",
                    Method::NAMES.join(", ")
                ),
            )
        })
    }
}
