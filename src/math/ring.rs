//! The exact law of the `diag-uniform` ensemble (docs/math/density.md): a diagonal matrix whose
//! `n` eigenvalues are independent and uniform by area on the ring `r_min <= |z| <= r_max`. Each
//! modulus has `P(|z| <= r) = (r^2 - r_min^2)/(r_max^2 - r_min^2)` on the ring, so the spectral
//! radius, their maximum, has `P(rho <= r) = ((r^2 - r_min^2)/(r_max^2 - r_min^2))^n`.

use super::radius_law::RadiusLaw;

/// The law of the spectral radius and of one eigenvalue modulus of `diag-uniform`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RingLaw {
    pub n: usize,
    pub r_min: f64,
    pub r_max: f64,
}

impl RingLaw {
    /// `P(|z| <= r)` for one eigenvalue. A degenerate ring (`r_min = r_max`) is a point mass.
    pub fn modulus_cdf(&self, r: f64) -> f64 {
        let (a2, b2) = (self.r_min * self.r_min, self.r_max * self.r_max);
        if r >= self.r_max {
            1.0
        } else if r < self.r_min {
            0.0
        } else {
            (r * r - a2) / (b2 - a2)
        }
    }

    /// Density of one eigenvalue modulus, `2r / (r_max^2 - r_min^2)` on the ring (zero for a
    /// degenerate ring, which has no density).
    pub fn modulus_density(&self, r: f64) -> f64 {
        let d = self.r_max * self.r_max - self.r_min * self.r_min;
        if r < self.r_min || r > self.r_max || d <= 0.0 {
            0.0
        } else {
            2.0 * r / d
        }
    }
}

impl RadiusLaw for RingLaw {
    fn n(&self) -> usize {
        self.n
    }

    /// `n ln G(r)`, `G` the modulus CDF, with `ln G = ln1p(-(1 - G))` and
    /// `1 - G = (r_max - r)(r_max + r) / (r_max^2 - r_min^2)` near the outer edge, so that the
    /// tail `1 - G^n` keeps its relative accuracy.
    fn ln_cdf(&self, r: f64) -> f64 {
        let g = self.modulus_cdf(r);
        if g > 0.5 && g < 1.0 {
            let (a2, b2) = (self.r_min * self.r_min, self.r_max * self.r_max);
            let u = (self.r_max - r) * (self.r_max + r) / (b2 - a2);
            self.n as f64 * (-u).ln_1p()
        } else {
            self.n as f64 * g.ln()
        }
    }

    /// `ln(1 - G(r)^n)`.
    fn ln_sf(&self, r: f64) -> f64 {
        (-self.ln_cdf(r).exp_m1()).ln()
    }

    fn sf(&self, r: f64) -> f64 {
        -self.ln_cdf(r).exp_m1() + 0.0
    }

    /// From the outer edge, in steps of about the spacing of the largest modulus below it.
    fn bracket(&self) -> (f64, f64) {
        assert!(
            self.r_max > self.r_min,
            "the quantiles of a degenerate ring (r_min = r_max) are r_max"
        );
        (
            self.r_max,
            (self.r_max - self.r_min) / (2.0 * self.n as f64),
        )
    }

    fn quantile_tolerance(&self) -> f64 {
        0.0
    }

    /// Mean and standard deviation of `rho`, by Gauss–Legendre quadrature of
    /// `E rho^k = r_min^k + int k r^(k-1) P(rho > r) dr` over the ring.
    fn mean_sd(&self) -> (f64, f64) {
        let (a, b) = (self.r_min, self.r_max);
        let (mut m1, mut m2) = (a, a * a);
        super::quadrature::gauss_legendre_nodes(a, b, 64, |r, w| {
            let s = self.sf(r);
            m1 += w * s;
            m2 += w * 2.0 * r * s;
        });
        (m1, (m2 - m1 * m1).max(0.0).sqrt())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ring_law_inverts_and_matches_closed_forms() {
        let law = RingLaw {
            n: 16,
            r_min: 0.5,
            r_max: 1.0,
        };
        // The closed forms: G(r) = p^(1/n) for the p-quantile, 1 - G(r) = -expm1(ln1p(-q)/n) for
        // the level exceeded with probability q.
        let (a2, b2): (f64, f64) = (0.25, 1.0);
        for p in [1e-6f64, 0.1, 0.5, 0.9] {
            let g = (p.ln() / 16.0).exp();
            let closed = (a2 + g * (b2 - a2)).sqrt();
            assert!((law.quantile(p) / closed - 1.0).abs() < 1e-14, "p={p}");
            let u = -((-p).ln_1p() / 16.0).exp_m1();
            let closed = (b2 - u * (b2 - a2)).sqrt();
            assert!((law.isf(p) / closed - 1.0).abs() < 1e-14, "q={p}");
            assert!((law.cdf(law.quantile(p)) - p).abs() < 1e-12);
            assert!((law.sf(law.isf(p)) - p).abs() < 1e-12);
        }
        assert_eq!(law.sf(1.0), 0.0);
        // Disk, n = 1: |z| has density 2r on [0,1], mean 2/3, variance 1/2 - 4/9.
        let disk = RingLaw {
            n: 1,
            r_min: 0.0,
            r_max: 1.0,
        };
        let (m, sd) = disk.mean_sd();
        assert!((m - 2.0 / 3.0).abs() < 1e-12, "{m}");
        assert!((sd - (0.5f64 - 4.0 / 9.0).sqrt()).abs() < 1e-12, "{sd}");
    }
}
