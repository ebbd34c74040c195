//! Random-matrix ensembles, scale factors, and the one generic sampler that fills a matrix.

use super::precision::Real;
use crate::math::asymptotics::{self, Symmetry};
use crate::math::exact_law::ExactLaw;
use crate::math::kostlan::KostlanLaw;
use crate::math::modulus_law::ModulusLaw;
use crate::math::real_density::RealEigenDensity;
use crate::math::ring::RingLaw;
use faer::reborrow::{Reborrow, ReborrowMut};
use faer::MatMut;
use num_complex::Complex;
use rand::Rng;
use rand_distr::{Distribution, StandardNormal};
use serde::{Deserialize, Serialize};

/// The law of a recurrent weight matrix before scaling; every entry has variance `1/n`
/// (truncated-normal: `0.8796^2/n`, since it is not re-normalised). A manifest records it by
/// name, with the ring for `diag-uniform`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(into = "EnsembleRecord", try_from = "EnsembleRecord")]
pub enum Ensemble {
    ComplexGinibre,
    RealGinibre,
    GlorotUniform,
    TruncatedNormal,
    Orthogonal,
    /// Diagonal, eigenvalues uniform on the ring `r_min <= |z| <= r_max` (LRU-style).
    DiagUniform {
        r_min: f64,
        r_max: f64,
    },
}

impl Ensemble {
    /// Names accepted by `--ensemble` on the radius job.
    pub const RADIUS_NAMES: [&'static str; 5] = [
        "complex-ginibre",
        "real-ginibre",
        "glorot-uniform",
        "truncated-normal",
        "orthogonal",
    ];

    /// Names accepted by the jobs that run any ensemble (`hidden`, `density`).
    pub const ALL_NAMES: [&'static str; 6] = [
        "complex-ginibre",
        "real-ginibre",
        "glorot-uniform",
        "truncated-normal",
        "orthogonal",
        "diag-uniform",
    ];

    /// Names accepted by `theory`: the Gaussian ensembles whose exact laws are known in
    /// closed form at every width.
    pub const GINIBRE_NAMES: [&'static str; 2] = ["complex-ginibre", "real-ginibre"];

    pub fn parse(name: &str) -> Option<Ensemble> {
        Some(match name {
            "complex-ginibre" => Ensemble::ComplexGinibre,
            "real-ginibre" => Ensemble::RealGinibre,
            "glorot-uniform" => Ensemble::GlorotUniform,
            "truncated-normal" => Ensemble::TruncatedNormal,
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
            Ensemble::GlorotUniform => "glorot-uniform",
            Ensemble::TruncatedNormal => "truncated-normal",
            Ensemble::Orthogonal => "orthogonal",
            Ensemble::DiagUniform { .. } => "diag-uniform",
        }
    }

    pub fn is_complex(&self) -> bool {
        matches!(
            self,
            Ensemble::ComplexGinibre | Ensemble::DiagUniform { .. }
        )
    }

    /// The Gumbel limit that applies, and the standard deviation of `sqrt(n) * entry` it applies
    /// at; `None` for ensembles outside the i.i.d. theory.
    pub fn iid_theory(&self) -> Option<(Symmetry, f64)> {
        match self {
            Ensemble::ComplexGinibre => Some((Symmetry::Complex, 1.0)),
            Ensemble::RealGinibre | Ensemble::GlorotUniform => Some((Symmetry::Real, 1.0)),
            Ensemble::TruncatedNormal => Some((Symmetry::Real, asymptotics::truncated_normal_sd())),
            Ensemble::Orthogonal | Ensemble::DiagUniform { .. } => None,
        }
    }

    /// The exact law of the spectral radius at width `n`, unscaled: Kostlan's for complex
    /// Ginibre, the Pfaffian law for real Ginibre, the ring law for `diag-uniform`. The other
    /// ensembles have none (orthogonal's `rho = 1` admits no calibration).
    pub fn exact_law(&self, n: usize) -> Option<ExactLaw> {
        match *self {
            Ensemble::ComplexGinibre => Some(ExactLaw::complex_ginibre(n)),
            Ensemble::RealGinibre => Some(ExactLaw::real_ginibre(n)),
            Ensemble::DiagUniform { r_min, r_max } if r_max > r_min => {
                Some(ExactLaw::ring(n, r_min, r_max))
            }
            _ => None,
        }
    }

    /// The exact law of one eigenvalue modulus at width `n`, unscaled, where it is known.
    pub fn modulus_law(&self, n: usize) -> Option<ModulusLaw> {
        match *self {
            Ensemble::ComplexGinibre => Some(ModulusLaw::Complex(KostlanLaw::new(n))),
            Ensemble::RealGinibre => Some(ModulusLaw::Real(RealEigenDensity::new(n))),
            Ensemble::DiagUniform { r_min, r_max } => {
                Some(ModulusLaw::Ring(RingLaw { n, r_min, r_max }))
            }
            _ => None,
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

/// A scale factor applied to the entries, hence to the whole spectrum. A manifest records it by
/// its label.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Scale {
    Glorot,
    Half,
    Paper,
    Exact(f64),
    Value(f64),
}

impl Scale {
    pub fn parse(text: &str) -> Result<Scale, String> {
        match text {
            "glorot" => return Ok(Scale::Glorot),
            "half" => return Ok(Scale::Half),
            "paper" => return Ok(Scale::Paper),
            _ => {}
        }
        if let Some(p) = text.strip_prefix("exact:") {
            let p: f64 = p
                .parse()
                .map_err(|_| format!("'{text}': the P in exact:P must be a number in (0,1)"))?;
            if !(p > 0.0 && p < 1.0) {
                return Err(format!(
                    "'{text}': the P in exact:P must lie strictly between 0 and 1"
                ));
            }
            return Ok(Scale::Exact(p));
        }
        match text.parse::<f64>() {
            Ok(v) if v > 0.0 && v.is_finite() => Ok(Scale::Value(v)),
            Ok(_) => Err(format!(
                "'{text}': a numeric scale must be positive and finite"
            )),
            Err(_) => Err(format!(
                "'{text}' is not a scale (use glorot, half, paper, exact:P or a positive number)"
            )),
        }
    }

    /// The canonical label written in CSV rows and used to key random streams.
    pub fn label(&self) -> String {
        match self {
            Scale::Glorot => "glorot".into(),
            Scale::Half => "half".into(),
            Scale::Paper => "paper".into(),
            Scale::Exact(p) => format!("exact:{p}"),
            Scale::Value(v) => format!("{v}"),
        }
    }

    /// The factor for `ensemble` at width `n`, or why there is none: `paper` is undefined where
    /// `gamma_n <= 0`, and `exact:P` needs an ensemble with an exact law, since the factor is
    /// calibrated on that ensemble's own law.
    pub fn factor(&self, ensemble: Ensemble, n: usize) -> Result<f64, String> {
        match *self {
            Scale::Glorot => Ok(1.0),
            Scale::Half => Ok(std::f64::consts::FRAC_1_SQRT_2),
            Scale::Paper => asymptotics::paper_factor(n).ok_or_else(|| {
                format!(
                    "'paper' is undefined at width {n}: the published rescaling needs gamma_n > 0, i.e. n >= 164"
                )
            }),
            Scale::Exact(p) => ensemble
                .exact_law(n)
                .ok_or_else(|| {
                    format!(
                        "'{}' calibrates on an exact law, and {} has none (complex-ginibre, \
                         real-ginibre and diag-uniform do); its Monte Carlo calibration mc:{p} \
                         is in rescaling.csv, to pass as a number",
                        self.label(),
                        ensemble.name()
                    )
                })?
                .calibrated_factor(p)
                .map_err(|e| {
                    format!(
                        "{} cannot be delivered at width {n}: the smallest P the exact law \
                         resolves there is {:.3e}",
                        self.label(),
                        e.smallest
                    )
                }),
            Scale::Value(v) => Ok(v),
        }
    }
}

impl From<Scale> for String {
    fn from(s: Scale) -> String {
        s.label()
    }
}

impl TryFrom<String> for Scale {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        Scale::parse(&text)
    }
}

/// An entry type of a sampled matrix: real (`f64`, `f32`) for real ensembles, complex (`c64`,
/// `c32`) for complex ones. Every random number is drawn in double precision and rounded, so
/// the law sampled is the same in both precisions.
pub trait Entry:
    faer::traits::ComplexField + Copy + Send + Sync + std::ops::Mul<Output = Self> + 'static
{
    /// The real type of the entry's parts.
    type Part: Real;
    /// Real dimensions per entry: 1 for real, 2 for complex (the chi degrees of freedom per
    /// column of the Hessenberg model).
    const REAL_DIMS: usize;
    fn zero() -> Self;
    /// `x / |x|`, or 1 at 0: the phase that makes a QR factorisation unique.
    fn unit_phase(self) -> Self;
    /// A Gaussian entry with `E|x|^2 = sd^2` (complex: independent real and imaginary parts).
    fn gaussian<R: Rng>(rng: &mut R, sd: f64) -> Self;
    fn from_real(x: f64) -> Self;
    /// `|x|^2`.
    fn abs2(self) -> f64;
    /// A complex value, for diagonal ensembles; real entry types cannot hold one.
    fn from_polar(r: f64, theta: f64) -> Option<Self>;
}

impl<P: Real> Entry for P {
    type Part = P;
    const REAL_DIMS: usize = 1;
    fn zero() -> Self {
        P::from_f64(0.0)
    }
    fn gaussian<R: Rng>(rng: &mut R, sd: f64) -> Self {
        P::from_f64(sd * rng.sample::<f64, _>(StandardNormal))
    }
    fn from_real(x: f64) -> Self {
        P::from_f64(x)
    }
    fn abs2(self) -> f64 {
        let x = self.to_f64();
        x * x
    }
    fn unit_phase(self) -> Self {
        P::from_f64(if self.to_f64() < 0.0 { -1.0 } else { 1.0 })
    }
    fn from_polar(_: f64, _: f64) -> Option<Self> {
        None
    }
}

impl<P: Real> Entry for Complex<P> {
    type Part = P;
    const REAL_DIMS: usize = 2;
    fn zero() -> Self {
        Complex::new(P::from_f64(0.0), P::from_f64(0.0))
    }
    fn gaussian<R: Rng>(rng: &mut R, sd: f64) -> Self {
        let s = sd * std::f64::consts::FRAC_1_SQRT_2;
        let re: f64 = rng.sample(StandardNormal);
        let im: f64 = rng.sample(StandardNormal);
        Complex::new(P::from_f64(s * re), P::from_f64(s * im))
    }
    fn from_real(x: f64) -> Self {
        Complex::new(P::from_f64(x), P::from_f64(0.0))
    }
    fn abs2(self) -> f64 {
        let (re, im) = (self.re.to_f64(), self.im.to_f64());
        re * re + im * im
    }
    fn unit_phase(self) -> Self {
        let (re, im) = (self.re.to_f64(), self.im.to_f64());
        let r = re.hypot(im);
        if r > 0.0 {
            Complex::new(P::from_f64(re / r), P::from_f64(im / r))
        } else {
            Self::from_real(1.0)
        }
    }
    fn from_polar(r: f64, theta: f64) -> Option<Self> {
        Some(Complex::new(
            P::from_f64(r * theta.cos()),
            P::from_f64(r * theta.sin()),
        ))
    }
}

/// Fills `m` (`n x n`) with one draw of `ensemble` times `factor`.
///
pub fn fill<T: Entry, R: Rng>(ensemble: Ensemble, factor: f64, m: MatMut<'_, T>, rng: &mut R) {
    let n = m.nrows();
    let sd = factor / (n as f64).sqrt();
    let mut m = m;
    match ensemble {
        Ensemble::ComplexGinibre | Ensemble::RealGinibre => {
            for j in 0..n {
                for x in m.rb_mut().col_mut(j).iter_mut() {
                    *x = T::gaussian(rng, sd);
                }
            }
        }
        Ensemble::GlorotUniform => {
            let a = factor * (3.0 / n as f64).sqrt();
            for j in 0..n {
                for x in m.rb_mut().col_mut(j).iter_mut() {
                    *x = T::from_real(rng.random_range(-a..a));
                }
            }
        }
        Ensemble::TruncatedNormal => {
            for j in 0..n {
                for x in m.rb_mut().col_mut(j).iter_mut() {
                    let z = loop {
                        let z: f64 = rng.sample(StandardNormal);
                        if z.abs() <= 2.0 {
                            break z;
                        }
                    };
                    *x = T::from_real(sd * z);
                }
            }
        }
        Ensemble::DiagUniform { r_min, r_max } => {
            for j in 0..n {
                for x in m.rb_mut().col_mut(j).iter_mut() {
                    *x = T::zero();
                }
            }
            for i in 0..n {
                // Uniform on the ring by area: r^2 uniform on [r_min^2, r_max^2].
                let u: f64 = rng.random();
                let r = (r_min * r_min + u * (r_max * r_max - r_min * r_min)).sqrt();
                let theta = rng.random::<f64>() * std::f64::consts::TAU;
                m[(i, i)] = T::from_polar(factor * r, theta)
                    .expect("diag-uniform is sampled as a complex matrix");
            }
        }
        Ensemble::Orthogonal => haar(factor, m, rng),
    }
}

/// Fills `m` with the Hessenberg form `H = Q* W Q` of a Ginibre matrix `W` (times `factor`),
/// drawn directly (docs/math/ensembles.md): entries on and above the diagonal i.i.d. like `W`'s, the
/// subdiagonal `H[k+1,k] = sqrt(chi2_{d(n-k)} / (d n))` with `d` real dimensions per entry,
/// everything below it zero. Same eigenvalues as `W` in law; valid for Gaussian entries only.
pub fn fill_hessenberg<T: Entry, R: Rng>(factor: f64, m: MatMut<'_, T>, rng: &mut R) {
    let n = m.nrows();
    let sd = factor / (n as f64).sqrt();
    let d = T::REAL_DIMS;
    let mut m = m;
    for j in 0..n {
        for i in 0..=j {
            m[(i, j)] = T::gaussian(rng, sd);
        }
        if j + 1 < n {
            // Column j (0-based) is k = j + 1 (1-based): chi with d (n - k) degrees of freedom.
            let dof = (d * (n - j - 1)) as f64;
            let chi2: f64 = rand_distr::ChiSquared::new(dof)
                .expect("degrees of freedom >= 1")
                .sample(rng);
            m[(j + 1, j)] = T::from_real(sd * (chi2 / d as f64).sqrt());
            for i in j + 2..n {
                m[(i, j)] = T::zero();
            }
        }
    }
}

/// A Haar-distributed orthogonal (real) or unitary (complex) matrix times `factor`: QR of a
/// Ginibre matrix with the phases of `R`'s diagonal moved into `Q` (Mezzadri 2007).
fn haar<T: Entry, R: Rng>(factor: f64, m: MatMut<'_, T>, rng: &mut R) {
    let n = m.nrows();
    let mut m = m;
    for j in 0..n {
        for x in m.rb_mut().col_mut(j).iter_mut() {
            *x = T::gaussian(rng, 1.0);
        }
    }
    let qr = m.rb().qr();
    let q = qr.compute_Q();
    let r = qr.R();
    for j in 0..n {
        let phase = r[(j, j)].unit_phase() * T::from_real(factor);
        for i in 0..n {
            m[(i, j)] = q[(i, j)] * phase;
        }
    }
}
