//! One interface over the exact densities of the modulus of a uniformly chosen eigenvalue
//! (docs/math/density.md): Kostlan's for complex Ginibre and its quaternion counterpart
//! (docs/math/quaternion.md), Edelman–Kostlan–Shub and Edelman's
//! for real Ginibre (docs/math/real_ginibre.md), the ring law of `diag-uniform`.

use super::kostlan::KostlanLaw;
use super::quadrature::gauss_legendre_nodes;
use super::real_density::RealEigenDensity;
use super::ring::RingLaw;

/// The law of one eigenvalue modulus at width `n`, entries of variance `1/n` (unscaled).
#[derive(Clone, Copy, Debug)]
pub enum ModulusLaw {
    /// Independent gamma moduli: complex or quaternion Ginibre.
    Gamma(KostlanLaw),
    Real(RealEigenDensity),
    Ring(RingLaw),
}

/// A radius that a complex-Ginibre eigenvalue modulus (variance `1/n`) exceeds with probability
/// below `e^-45`: `R^2 = 1 + (12 sqrt(n) + 80)/n`. A uniformly chosen modulus squared is
/// `Gamma(k,1)/n` for a uniform `k <= n`, so its tail is at most `P(Gamma(n,1) > n + t)` with
/// `t = 12 sqrt(n) + 80`, which the Chernoff bound `exp(-t^2 / 2(n+t))` puts below `e^-45` for
/// every `n >= 1`. A quaternion modulus squared is `Gamma(2k,1)/2n`, `k <= n`, with the same
/// tail bound at `2n`: its bound is this one at the top shape `2n`. (At small widths the density reaches well beyond `2`: at `n = 3` about
/// `2e-4` of the mass lies there.)
pub fn complex_modulus_bound(n: usize) -> f64 {
    let n = n as f64;
    (1.0 + (12.0 * n.sqrt() + 80.0) / n).sqrt()
}

/// The same for real Ginibre, `R^2 = 1 + (14 sqrt(n) + 90)/n`. Its complex eigenvalues obey the
/// bound above (their density carries the same factor `Q(n-1, R^2)`), and the heavier part of the
/// real density, `|x|^(n-1) e^(-x^2/2)`, is a chi law with `n` degrees of freedom, whose square
/// exceeds `n + 2 sqrt(45 n) + 90` with probability below `e^-45` (Laurent & Massart 2000).
pub fn real_modulus_bound(n: usize) -> f64 {
    let n = n as f64;
    (1.0 + (14.0 * n.sqrt() + 90.0) / n).sqrt()
}

impl ModulusLaw {
    /// The density at `r`.
    pub fn density(&self, r: f64) -> f64 {
        match self {
            ModulusLaw::Gamma(l) => l.modulus_density(r),
            ModulusLaw::Real(l) => l.modulus_density(r),
            ModulusLaw::Ring(l) => l.modulus_density(r),
        }
    }

    /// A modulus beyond which the mass is below `e^-45`.
    pub fn bound(&self) -> f64 {
        match self {
            ModulusLaw::Gamma(l) => complex_modulus_bound(l.top_shape()),
            ModulusLaw::Real(l) => real_modulus_bound(l.n()),
            ModulusLaw::Ring(l) => l.r_max,
        }
    }

    /// `P(a <= |z| < b)`: in closed form for the ring, else Gauss–Legendre with `panels` panels
    /// (the densities are smooth).
    pub fn mass_between(&self, a: f64, b: f64, panels: usize) -> f64 {
        if let ModulusLaw::Ring(l) = self {
            return l.modulus_cdf(b) - l.modulus_cdf(a);
        }
        let mut total = 0.0;
        gauss_legendre_nodes(a, b, panels, |r, w| total += w * self.density(r));
        total
    }

    /// `P(|z| > a)`, integrated up to [`ModulusLaw::bound`] with panels fine enough to resolve
    /// the edge layer of width `~1/sqrt(n)`.
    pub fn mass_above(&self, a: f64) -> f64 {
        let n = match self {
            ModulusLaw::Gamma(l) => l.top_shape(),
            ModulusLaw::Real(l) => l.n(),
            ModulusLaw::Ring(l) => l.n,
        };
        let b = a.max(self.bound());
        self.mass_between(a, b, 200 + 10 * (n as f64).sqrt() as usize)
    }
}
