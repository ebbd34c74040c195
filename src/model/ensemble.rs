//! The ensembles: the law of a recurrent weight matrix before scaling, by name, and which of
//! them each job takes.

use super::error::{ConfigError, Param};
use super::list::split_list;
use crate::math::asymptotics::{self, Symmetry};
use crate::math::kostlan::KostlanLaw;
use serde::{Deserialize, Serialize};

/// The law of a recurrent weight matrix before scaling; every entry has variance `1/n`
/// (truncated-normal: `0.8796^2/n`, since it is not re-normalised). A manifest records it by
/// name, with the ring for `diag-uniform`. docs/math/ensembles.md maps each to the framework
/// initialisers it is.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(into = "EnsembleRecord", try_from = "EnsembleRecord")]
pub enum Ensemble {
    ComplexGinibre,
    RealGinibre,
    /// Quaternion Ginibre (beta = 4): quaternion entries with four independent real
    /// `N(0, 1/(4n))` components, held as the `2n x 2n` complex matrix `[[A, B], [-conj B,
    /// conj A]]` (docs/math/quaternion.md); its eigenvalues come in conjugate pairs.
    QuaternionGinibre,
    GlorotUniform,
    /// A standard normal truncated to (-2, 2), not re-normalised (Haiku's default).
    TruncatedNormal,
    /// The same truncated normal divided by its standard deviation 0.8796..., so the variance is
    /// exactly `1/n` (JAX `glorot_normal`/`lecun_normal`, Keras `GlorotNormal`).
    TruncatedNormalUnit,
    Orthogonal,
    /// Diagonal, eigenvalues uniform on the ring `r_min <= |z| <= r_max` (LRU-style).
    DiagUniform {
        r_min: f64,
        r_max: f64,
    },
}

impl Ensemble {
    /// Names accepted by `--ensemble` on the radius job.
    pub const RADIUS_NAMES: [&'static str; 7] = [
        "complex-ginibre",
        "real-ginibre",
        "quaternion-ginibre",
        "glorot-uniform",
        "truncated-normal",
        "truncated-normal-unit",
        "orthogonal",
    ];

    /// Every name, and those accepted by `density`, which runs any ensemble.
    pub const ALL_NAMES: [&'static str; 8] = [
        "complex-ginibre",
        "real-ginibre",
        "quaternion-ginibre",
        "glorot-uniform",
        "truncated-normal",
        "truncated-normal-unit",
        "orthogonal",
        "diag-uniform",
    ];

    /// Names accepted by `hidden`: every ensemble whose matrix is the recurrent weight itself.
    /// A quaternion matrix acts on quaternion states, which the recurrences do not model (its
    /// complex form would act on `2n` complex states, another network).
    pub const HIDDEN_NAMES: [&'static str; 7] = [
        "complex-ginibre",
        "real-ginibre",
        "glorot-uniform",
        "truncated-normal",
        "truncated-normal-unit",
        "orthogonal",
        "diag-uniform",
    ];

    /// Names accepted by `theory`: the Gaussian ensembles whose exact laws are known in
    /// closed form at every width.
    pub const GINIBRE_NAMES: [&'static str; 3] =
        ["complex-ginibre", "real-ginibre", "quaternion-ginibre"];

    /// The ensemble called `name`, with the default ring `0,1` for `diag-uniform`.
    pub fn parse(name: &str) -> Option<Ensemble> {
        Some(match name {
            "complex-ginibre" => Ensemble::ComplexGinibre,
            "real-ginibre" => Ensemble::RealGinibre,
            "quaternion-ginibre" => Ensemble::QuaternionGinibre,
            "glorot-uniform" => Ensemble::GlorotUniform,
            "truncated-normal" => Ensemble::TruncatedNormal,
            "truncated-normal-unit" => Ensemble::TruncatedNormalUnit,
            "orthogonal" => Ensemble::Orthogonal,
            "diag-uniform" => Ensemble::DiagUniform {
                r_min: 0.0,
                r_max: 1.0,
            },
            _ => return None,
        })
    }

    pub fn name(&self) -> &'static str {
        match self {
            Ensemble::ComplexGinibre => "complex-ginibre",
            Ensemble::RealGinibre => "real-ginibre",
            Ensemble::QuaternionGinibre => "quaternion-ginibre",
            Ensemble::GlorotUniform => "glorot-uniform",
            Ensemble::TruncatedNormal => "truncated-normal",
            Ensemble::TruncatedNormalUnit => "truncated-normal-unit",
            Ensemble::Orthogonal => "orthogonal",
            Ensemble::DiagUniform { .. } => "diag-uniform",
        }
    }

    /// Whether the matrix is computed in complex arithmetic (a quaternion matrix is, as its
    /// complex form).
    pub fn is_complex(&self) -> bool {
        matches!(
            self,
            Ensemble::ComplexGinibre | Ensemble::QuaternionGinibre | Ensemble::DiagUniform { .. }
        )
    }

    /// The size of the matrix that holds a draw of width `n`: `2n` for a quaternion matrix (its
    /// complex form), `n` otherwise. Workspaces, memory checks, eigenvalue counts and rounding
    /// tolerances are sized by it; the width `n` names the cell and sets the variance `1/n`.
    pub fn matrix_dim(&self, n: usize) -> usize {
        match self {
            Ensemble::QuaternionGinibre => 2 * n,
            _ => n,
        }
    }

    /// The gamma law of the squared eigenvalue moduli at width `n`, where they are independent
    /// gamma variables (complex Ginibre: Kostlan; quaternion Ginibre: Rider, Dubach): the exact
    /// law of the radius, its modulus density and the O(n) sampler all read it.
    pub fn kostlan_law(&self, n: usize) -> Option<KostlanLaw> {
        match self {
            Ensemble::ComplexGinibre => Some(KostlanLaw::new(n)),
            Ensemble::QuaternionGinibre => Some(KostlanLaw::quaternion(n)),
            _ => None,
        }
    }

    /// The Gumbel limit that applies, and the standard deviation of `sqrt(n) * entry` it applies
    /// at; `None` for ensembles outside the i.i.d. theory.
    pub fn iid_theory(&self) -> Option<(Symmetry, f64)> {
        match self {
            Ensemble::ComplexGinibre => Some((Symmetry::Complex, 1.0)),
            Ensemble::QuaternionGinibre => Some((Symmetry::Quaternion, 1.0)),
            Ensemble::RealGinibre | Ensemble::GlorotUniform | Ensemble::TruncatedNormalUnit => {
                Some((Symmetry::Real, 1.0))
            }
            Ensemble::TruncatedNormal => Some((Symmetry::Real, asymptotics::truncated_normal_sd())),
            Ensemble::Orthogonal | Ensemble::DiagUniform { .. } => None,
        }
    }
}

/// An ensemble as a manifest records it.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(untagged)]
enum EnsembleRecord {
    Name(String),
    Ring {
        name: String,
        r_min: f64,
        r_max: f64,
    },
}

impl From<Ensemble> for EnsembleRecord {
    fn from(e: Ensemble) -> Self {
        match e {
            Ensemble::DiagUniform { r_min, r_max } => EnsembleRecord::Ring {
                name: e.name().into(),
                r_min,
                r_max,
            },
            _ => EnsembleRecord::Name(e.name().into()),
        }
    }
}

impl TryFrom<EnsembleRecord> for Ensemble {
    type Error = String;
    fn try_from(r: EnsembleRecord) -> Result<Self, String> {
        let unknown = |name: &str| format!("unknown ensemble '{name}'");
        match r {
            EnsembleRecord::Name(name) => Ensemble::parse(&name).ok_or_else(|| unknown(&name)),
            EnsembleRecord::Ring { name, r_min, r_max } => match Ensemble::parse(&name) {
                Some(Ensemble::DiagUniform { .. }) => Ok(Ensemble::DiagUniform { r_min, r_max }),
                _ => Err(unknown(&name)),
            },
        }
    }
}

impl Ensemble {
    /// The ensembles named in the comma list `text`, in order and without repeats, each among
    /// `allowed` (a job's names).
    pub fn parse_list(text: &str, allowed: &[&str]) -> Result<Vec<Ensemble>, ConfigError> {
        let mut out = Vec::new();
        for name in split_list(Param::Ensemble, text)? {
            match Ensemble::parse(name).filter(|_| allowed.contains(&name)) {
                Some(e) if !out.contains(&e) => out.push(e),
                Some(_) => {}
                None => {
                    return Err(ConfigError::new(
                        Param::Ensemble,
                        format!(
                            "unknown ensemble '{name}'; choose from {}",
                            allowed.join(", ")
                        ),
                    ))
                }
            }
        }
        Ok(out)
    }

    /// How far the unscaled spectrum reaches: the ring's outer radius for `diag-uniform`, else
    /// the circular law's edge, 1. A scale factor times this is the size of the numbers a draw
    /// computes with.
    pub fn natural_radius(&self) -> f64 {
        match *self {
            Ensemble::DiagUniform { r_max, .. } => r_max,
            _ => 1.0,
        }
    }
}

/// Refuses an ensemble of `ensembles` that is not among `allowed`, a job's names.
pub fn check_allowed(ensembles: &[Ensemble], allowed: &[&str]) -> Result<(), ConfigError> {
    match ensembles.iter().find(|e| !allowed.contains(&e.name())) {
        Some(e) => Err(ConfigError::new(
            Param::Ensemble,
            format!(
                "this job does not take the ensemble '{}'; choose from {}",
                e.name(),
                allowed.join(", ")
            ),
        )),
        None => Ok(()),
    }
}

/// The ensembles named in `text`, checked as the command line checks them: first against every
/// name, then against `allowed`, a job's own list.
pub fn parse_for(text: &str, allowed: &[&str]) -> Result<Vec<Ensemble>, ConfigError> {
    let ensembles = Ensemble::parse_list(text, &Ensemble::ALL_NAMES)?;
    check_allowed(&ensembles, allowed)?;
    Ok(ensembles)
}

/// An ensemble list of any ensembles, as one value (see [`Ensemble::parse_list`]); each job
/// refuses those it does not take with [`check_allowed`].
#[derive(Clone, Debug, PartialEq)]
pub struct Ensembles(pub Vec<Ensemble>);

impl std::str::FromStr for Ensembles {
    type Err = ConfigError;
    fn from_str(text: &str) -> Result<Self, ConfigError> {
        Ensemble::parse_list(text, &Ensemble::ALL_NAMES).map(Ensembles)
    }
}

impl std::str::FromStr for Ensemble {
    type Err = ConfigError;
    fn from_str(name: &str) -> Result<Self, ConfigError> {
        Ensemble::parse_list(name, &Ensemble::ALL_NAMES).and_then(|v| match v[..] {
            [e] => Ok(e),
            _ => Err(ConfigError::new(Param::Ensemble, "give one ensemble")),
        })
    }
}
