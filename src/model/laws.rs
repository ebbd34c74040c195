//! The one way to reach an exact law: [`exact`] says, for every ensemble and width, whether a
//! law is known and evaluated there, and every path (the jobs' `exact_*` columns, `exact:P`,
//! `theory`, the explosion prediction, the density overlay, Python) asks it.

use super::ensemble::Ensemble;
use crate::math::exact_law::ExactLaw;
use crate::math::modulus_law::ModulusLaw;
use crate::math::real_density::RealEigenDensity;
use crate::math::ring::RingLaw;
use std::fmt;

/// The largest width at which the real-Ginibre law is evaluated: its accuracy is established up
/// to here (docs/math/real_ginibre.md), and its cost grows as `n^2` per evaluation beyond.
pub const REAL_EXACT_MAX_N: usize = 4096;

/// Why an ensemble has no exact law of the spectral radius at a width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NoExactLaw {
    /// No exact law is known for the ensemble (orthogonal's `rho = 1` admits no calibration).
    Unknown(Ensemble),
    /// The law is known but evaluated only up to `max`.
    Beyond {
        ensemble: Ensemble,
        n: usize,
        max: usize,
    },
    /// A ring with `r_min = r_max`: every modulus equals `r_max`, the radius is a point mass.
    PointMass { radius: f64 },
}

impl fmt::Display for NoExactLaw {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoExactLaw::Unknown(e) => write!(
                f,
                "{} has none (complex-ginibre, real-ginibre, quaternion-ginibre and diag-uniform \
                 do)",
                e.name()
            ),
            NoExactLaw::Beyond { ensemble, n, max } => write!(
                f,
                "the exact {} law is evaluated up to n = {max}, where its accuracy is \
                 established, and n = {n} is beyond",
                ensemble.name()
            ),
            NoExactLaw::PointMass { radius } => write!(
                f,
                "a ring with r_min = r_max has every modulus at {radius}: its radius is a point \
                 mass, with no law to calibrate on"
            ),
        }
    }
}

/// The exact law of `rho` of `ensemble` at width `n`, unscaled, or why there is none.
pub fn exact(ensemble: Ensemble, n: usize) -> Result<ExactLaw, NoExactLaw> {
    if let Some(law) = ensemble.kostlan_law(n) {
        return Ok(ExactLaw::kostlan(law));
    }
    match ensemble {
        Ensemble::ComplexGinibre | Ensemble::QuaternionGinibre => {
            unreachable!("the gamma laws are handled above")
        }
        Ensemble::RealGinibre if n > REAL_EXACT_MAX_N => Err(NoExactLaw::Beyond {
            ensemble,
            n,
            max: REAL_EXACT_MAX_N,
        }),
        Ensemble::RealGinibre => Ok(ExactLaw::real_ginibre(n)),
        Ensemble::DiagUniform { r_min, r_max } if r_max > r_min => {
            Ok(ExactLaw::ring(n, r_min, r_max))
        }
        Ensemble::DiagUniform { r_max, .. } => Err(NoExactLaw::PointMass { radius: r_max }),
        Ensemble::GlorotUniform
        | Ensemble::TruncatedNormal
        | Ensemble::TruncatedNormalUnit
        | Ensemble::Orthogonal => Err(NoExactLaw::Unknown(ensemble)),
    }
}

/// The exact law of one eigenvalue modulus at width `n`, unscaled, where it is known.
pub fn modulus(ensemble: Ensemble, n: usize) -> Option<ModulusLaw> {
    if let Some(law) = ensemble.kostlan_law(n) {
        return Some(ModulusLaw::Gamma(law));
    }
    match ensemble {
        Ensemble::RealGinibre => Some(ModulusLaw::Real(RealEigenDensity::new(n))),
        Ensemble::DiagUniform { r_min, r_max } => {
            Some(ModulusLaw::Ring(RingLaw { n, r_min, r_max }))
        }
        _ => None,
    }
}
