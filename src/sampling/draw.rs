//! One draw of an ensemble into a matrix: the entry types matrices are computed in, and the one
//! generic sampler per matrix form (full, Hessenberg, Haar).

use super::real::Real;
use crate::math::asymptotics;
use crate::model::Ensemble;
use faer::reborrow::{Reborrow, ReborrowMut};
use faer::MatMut;
use num_complex::Complex;
use rand::Rng;
use rand_distr::{Distribution, StandardNormal};

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
    /// The real and imaginary parts.
    fn parts(self) -> (Self::Part, Self::Part);
    /// The complex conjugate (the value itself for real types).
    fn conj(self) -> Self;
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
    fn parts(self) -> (P, P) {
        (self, P::from_f64(0.0))
    }
    fn from_polar(_: f64, _: f64) -> Option<Self> {
        None
    }
    fn conj(self) -> Self {
        self
    }
}

impl<P: Real> Entry for Complex<P> {
    type Part = P;
    const REAL_DIMS: usize = 2;
    fn parts(self) -> (P, P) {
        (self.re, self.im)
    }
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
    fn conj(self) -> Self {
        Complex::conj(&self)
    }
}

/// Fills `m` with one draw of `ensemble` times `factor`; `m` is
/// [`Ensemble::matrix_dim`] on a side, and every entry of `m` has `E|x|^2 = factor^2 / nrows`
/// (a quaternion entry's two complex parts share its variance `1/n`).
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
        Ensemble::QuaternionGinibre => quaternion(sd, m, rng),
        Ensemble::GlorotUniform => {
            let a = factor * (3.0 / n as f64).sqrt();
            for j in 0..n {
                for x in m.rb_mut().col_mut(j).iter_mut() {
                    *x = T::from_real(rng.random_range(-a..a));
                }
            }
        }
        Ensemble::TruncatedNormal | Ensemble::TruncatedNormalUnit => {
            let sd = match ensemble {
                Ensemble::TruncatedNormalUnit => sd / asymptotics::TRUNCATED_NORMAL_SD,
                _ => sd,
            };
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

/// The complex form `[[A, B], [-conj B, conj A]]` of a quaternion Gaussian matrix `A + B j`,
/// `A`, `B` of i.i.d. complex Gaussian entries with `E|x|^2 = sd^2`; real entry types cannot
/// hold it ([`Ensemble::is_complex`] makes it complex).
fn quaternion<T: Entry, R: Rng>(sd: f64, m: MatMut<'_, T>, rng: &mut R) {
    let n2 = m.nrows();
    assert!(
        n2.is_multiple_of(2) && T::REAL_DIMS == 2,
        "a quaternion matrix is held as an even-sized complex matrix"
    );
    let n = n2 / 2;
    let mut m = m;
    for j in 0..n2 {
        for i in 0..n {
            m[(i, j)] = T::gaussian(rng, sd);
        }
    }
    for j in 0..n {
        for i in 0..n {
            let (a, b) = (m[(i, j)], m[(i, j + n)]);
            m[(i + n, j)] = b.conj() * T::from_real(-1.0);
            m[(i + n, j + n)] = a.conj();
        }
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
