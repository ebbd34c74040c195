//! Exact finite-`n` densities of the eigenvalues of real Ginibre (docs/math/real_ginibre.md),
//! `G` with i.i.d. `N(0,1)` entries, and from them the density of the modulus of a uniformly
//! chosen eigenvalue of `W = G / sqrt(n)`.
//!
//! * Real eigenvalues (Edelman, Kostlan & Shub 1994, JAMS 7): the expected number per unit
//!   length at `x` is
//!   `rho_r(x) = Q(n-1, x^2) / sqrt(2 pi) + |x|^(n-1) e^(-x^2/2) P((n-1)/2, x^2/2) / (Gamma(n/2) 2^(n/2))`,
//!   `P`, `Q` the regularised incomplete gamma functions (`Q(0, .) = 0`, `P(0, .) = 1`).
//!   Its integral is the expected number of real eigenvalues `E_n` (`E_1 = 1`, `E_2 = sqrt 2`),
//!   [`expected_real_eigenvalues`].
//! * Complex eigenvalues (Edelman 1997, J. Multivariate Anal. 60): the expected number per unit
//!   area at `x + iy`, `y > 0`, is
//!   `rho_c(x, y) = sqrt(2/pi) y erfcx(sqrt2 y) Q(n-1, x^2 + y^2)`, with `erfcx(t) = e^(t^2) erfc(t)`
//!   (Edelman's `e^(y^2 - x^2) erfc(sqrt2 y) e_(n-2)(x^2 + y^2)` rewritten so that nothing
//!   overflows); conjugates mirror it, and `E_n + 2 int_(y>0) rho_c = n`.
//!
//! The modulus density of a uniformly chosen eigenvalue of `G` at `R` is
//! `(1/n) [2 rho_r(R) + 2 R int_0^pi rho_c(R cos t, R sin t) dt]`; for `W` it is `sqrt(n)` times
//! that at `R = sqrt(n) r`. The angular integral is `sqrt(2/pi) R Q(n-1, R^2) J(R)` with
//! `J(R) = int_0^pi sin t erfcx(sqrt2 R sin t) dt`, computed by Gauss–Legendre on panels that
//! shrink geometrically towards `t = 0`, where the integrand turns over on the scale `1/R`.
//! Both densities are checked in the tests: they integrate to `E_n` and `n - E_n`.

use super::quadrature::gauss_legendre_nodes;
use super::special::{erfcx, stirlerr};
use statrs::function::gamma::{gamma_lr, gamma_ur, ln_gamma};

/// The eigenvalue densities of `n x n` real Ginibre.
#[derive(Clone, Copy, Debug)]
pub struct RealEigenDensity {
    n: usize,
}

impl RealEigenDensity {
    pub fn new(n: usize) -> Self {
        assert!(n >= 1, "the real Ginibre densities need n >= 1");
        RealEigenDensity { n }
    }

    pub fn n(&self) -> usize {
        self.n
    }

    /// `Q(n-1, x)`, with `Q(0, x) = 0`.
    fn q_upper(&self, x: f64) -> f64 {
        if self.n == 1 {
            0.0
        } else {
            gamma_ur((self.n - 1) as f64, x)
        }
    }

    /// Expected number of real eigenvalues of `G` per unit length at `x`.
    pub fn real(&self, x: f64) -> f64 {
        let nf = self.n as f64;
        let x2 = x * x;
        let first = self.q_upper(x2) / (2.0 * std::f64::consts::PI).sqrt();
        let p_lower = if self.n == 1 {
            1.0
        } else {
            gamma_lr((nf - 1.0) / 2.0, x2 / 2.0)
        };
        let ln_second = if x == 0.0 && self.n > 1 {
            f64::NEG_INFINITY
        } else {
            (nf - 1.0) * x.abs().ln()
                - x2 / 2.0
                - ln_gamma(nf / 2.0)
                - nf / 2.0 * std::f64::consts::LN_2
        };
        first + ln_second.exp() * p_lower
    }

    /// Expected number of complex eigenvalues of `G` per unit area at `x + iy` (either half
    /// plane: the density is even in `y`).
    pub fn complex(&self, x: f64, y: f64) -> f64 {
        let y = y.abs();
        (2.0 / std::f64::consts::PI).sqrt()
            * y
            * erfcx(std::f64::consts::SQRT_2 * y)
            * self.q_upper(x * x + y * y)
    }

    /// `J(R) = int_0^pi sin t erfcx(sqrt2 R sin t) dt`, by symmetry twice the integral over
    /// `[0, pi/2]`, on panels `[2^-(k+1), 2^-k] pi/2` down to `2^-40`.
    fn angular(&self, big_r: f64) -> f64 {
        let a = std::f64::consts::SQRT_2 * big_r;
        let mut total = 0.0;
        let mut hi = std::f64::consts::FRAC_PI_2;
        for _ in 0..40 {
            let lo = hi / 2.0;
            gauss_legendre_nodes(lo, hi, 1, |t, w| {
                let s = t.sin();
                total += w * s * erfcx(a * s);
            });
            hi = lo;
        }
        // What is left, [0, 2^-40 pi/2], contributes below 1e-24.
        2.0 * total
    }

    /// Density of the modulus of a uniformly chosen eigenvalue of `W = G / sqrt(n)` at `r`.
    pub fn modulus_density(&self, r: f64) -> f64 {
        if r < 0.0 || !r.is_finite() {
            return 0.0;
        }
        let nf = self.n as f64;
        let big_r = nf.sqrt() * r;
        let real = 2.0 * self.real(big_r);
        let complex = 2.0
            * (2.0 / std::f64::consts::PI).sqrt()
            * big_r
            * big_r
            * self.q_upper(big_r * big_r)
            * self.angular(big_r);
        (real + complex) / nf.sqrt()
    }
}

/// Mean number of real eigenvalues (Edelman, Kostlan & Shub 1994): for even `n`,
/// `sqrt2 sum_{k=0}^{n/2-1} (4k-1)!!/(4k)!!`; for odd `n`, `1 + sqrt2 sum_{k=1}^{(n-1)/2}
/// (4k-3)!!/(4k-2)!!`. Each ratio `(2m-1)!!/(2m)!! = C(2m, m) / 4^m` is evaluated with
/// Stirling-series errors, so the sum is accurate to rounding; it grows like `sqrt(2n/pi)`.
pub fn expected_real_eigenvalues(n: usize) -> f64 {
    let sqrt2 = std::f64::consts::SQRT_2;
    if n.is_multiple_of(2) {
        sqrt2 * (0..n / 2).map(|k| central_ratio(2 * k)).sum::<f64>()
    } else {
        1.0 + sqrt2
            * (1..=(n - 1) / 2)
                .map(|k| central_ratio(2 * k - 1))
                .sum::<f64>()
    }
}

/// `(2m-1)!! / (2m)!! = C(2m, m) / 4^m`, `ln` of which is `st(2m) - 2 st(m) - ln(pi m)/2`.
pub(super) fn central_ratio(m: usize) -> f64 {
    if m == 0 {
        return 1.0;
    }
    (stirlerr(2 * m) - 2.0 * stirlerr(m) - 0.5 * (std::f64::consts::PI * m as f64).ln()).exp()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_real_count_known_values() {
        assert!((expected_real_eigenvalues(1) - 1.0).abs() < 1e-14);
        assert!((expected_real_eigenvalues(2) - std::f64::consts::SQRT_2).abs() < 1e-14);
        assert!(
            (expected_real_eigenvalues(3) - (1.0 + std::f64::consts::FRAC_1_SQRT_2)).abs() < 1e-14
        );
        // Asymptotically sqrt(2n/pi) + 1/2.
        let n = 1.0e6;
        let e = expected_real_eigenvalues(1_000_000);
        assert!(
            (e - (2.0 * n / std::f64::consts::PI).sqrt() - 0.5).abs() < 1e-3,
            "{e}"
        );
    }

    /// The real density integrates to `E_n`, the complex one to `n - E_n`, and the modulus
    /// density of `W` to 1.
    #[test]
    fn densities_integrate_to_the_counts() {
        for n in [1usize, 2, 3, 5, 10, 64] {
            let d = RealEigenDensity::new(n);
            let top = 3.0 * (n as f64).sqrt() + 12.0;
            let mut real = 0.0;
            gauss_legendre_nodes(-top, top, 400, |x, w| real += w * d.real(x));
            let e = expected_real_eigenvalues(n);
            assert!((real - e).abs() < 1e-10, "n={n}: {real} vs {e}");
            let mut modulus = 0.0;
            gauss_legendre_nodes(0.0, top / (n as f64).sqrt(), 400, |r, w| {
                modulus += w * d.modulus_density(r)
            });
            assert!(
                (modulus - n as f64 / n as f64).abs() < 1e-9 * 1.0,
                "n={n}: {modulus}"
            );
        }
    }

    /// Edelman, Kostlan & Shub: `E_1 = 1`, `E_2 = sqrt 2`, `E_3 = 1 + 1/sqrt 2`,
    /// `E_4 = (11/8) sqrt 2`, and their hypergeometric form
    /// `E_n = 1/2 + sqrt2 2F1(1, -1/2; n; 1/2) / B(n, 1/2)` at larger `n`.
    #[test]
    fn expected_real_eigenvalues_match_edelman_kostlan_shub() {
        let s2 = std::f64::consts::SQRT_2;
        for (n, want) in [(1, 1.0), (2, s2), (3, 1.0 + 1.0 / s2), (4, 11.0 / 8.0 * s2)] {
            let got = expected_real_eigenvalues(n);
            assert!((got - want).abs() < 1e-14, "n={n}: {got} vs {want}");
        }
        // The hypergeometric form to 20 digits (mpmath).
        for (n, want) in [
            (5, 2.1490485194281397),
            (10, 2.9279934909691738),
            (37, 5.304072504118124),
            (1000, 25.721862882550503),
        ] {
            let got = expected_real_eigenvalues(n);
            assert!((got / want - 1.0).abs() < 1e-14, "n={n}: {got} vs {want}");
        }
    }
}
