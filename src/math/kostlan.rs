//! Kostlan (1992): the exact finite-width law of the complex-Ginibre spectral radius,
//! `F_n(r) = prod_{k=1..n} P(k, n r^2)`, evaluated in log space (docs/math/kostlan.md).

use super::quadrature::gauss_legendre_nodes;
use super::special::ln_poisson_pmf;

/// The exact law of the spectral radius of an `n x n` complex Ginibre matrix with entry variance
/// `1/n` (Kostlan): `rho^2` has the law of `max_k Gamma(k,1) / n`.
///
/// Evaluation rests on `P(k, x) = P(Poisson(x) >= k)`: only `k` within a window of
/// `M sqrt(x)` around `x = n r^2` differ from 0 or 1, where `M^2 = 2 (ln n + 45)`. By the Chernoff
/// bounds `P(Poisson(x) <= x - t) <= exp(-t^2/2x)` and `P(Poisson(x) >= x + t) <=
/// exp(-t^2 / (2(x + t/3)))`, the terms left out below the window change `ln F` by less than
/// `n exp(-M^2/2) = e^-45`, and every term above it is below `e^(-M^2/4)`, so when `n` lies more than
/// 40 terms above the window `F < 1e-390`, which is reported as `ln F = -inf`.
#[derive(Clone, Copy, Debug)]
pub struct KostlanLaw {
    n: usize,
}

impl KostlanLaw {
    pub fn new(n: usize) -> Self {
        assert!(n >= 1, "the Kostlan law needs n >= 1");
        KostlanLaw { n }
    }

    pub fn n(&self) -> usize {
        self.n
    }

    fn window_halfwidth(&self, x: f64) -> f64 {
        let m2 = 2.0 * ((self.n as f64).ln() + 45.0);
        m2.sqrt() * x.sqrt() + m2
    }

    /// `ln F_n(r)`, the log of `P(rho_n <= r)`.
    pub fn ln_cdf(&self, r: f64) -> f64 {
        if r.is_nan() {
            return f64::NAN;
        }
        if r <= 0.0 {
            return f64::NEG_INFINITY;
        }
        if r.is_infinite() {
            return 0.0;
        }
        let x = self.n as f64 * r * r;
        let half = self.window_halfwidth(x);
        let lo = (x - half - 1.0).floor().max(0.0) as u64;
        let k_top = (x + half).ceil() as u64 + 40;
        if (self.n as u64) > k_top {
            return f64::NEG_INFINITY;
        }
        let k_max = self.n as u64;
        if k_max <= lo {
            // Every P(k, x) is within e^-45 / n of 1.
            return 0.0;
        }
        let j_max = k_max + half.ceil() as u64 + 40;
        let pmf: Vec<f64> = (lo..=j_max)
            .map(|j| ln_poisson_pmf(j as usize, x).exp())
            .collect();
        // upper[i] = sum_{j >= lo + i} p_j, summed from the small end for accuracy.
        let mut upper = vec![0.0; pmf.len() + 1];
        for i in (0..pmf.len()).rev() {
            upper[i] = upper[i + 1] + pmf[i];
        }
        let mut lower = 0.0; // sum_{lo <= j < k} p_j = Q(k, x) up to the neglected lower tail
        let mut ln_f = 0.0;
        let k_start = lo.max(1);
        for j in lo..k_start {
            lower += pmf[(j - lo) as usize];
        }
        for k in k_start..=k_max {
            let i = (k - lo) as usize;
            let p_upper = upper[i];
            ln_f += if p_upper < 0.5 {
                p_upper.ln()
            } else {
                (-lower).ln_1p()
            };
            lower += pmf[i];
        }
        ln_f
    }

    pub fn cdf(&self, r: f64) -> f64 {
        self.ln_cdf(r).exp()
    }

    /// `P(rho_n > r)`, accurate where it is tiny; `+ 0.0` turns the `-0.0` of `-expm1(0)` into 0.
    pub fn sf(&self, r: f64) -> f64 {
        -self.ln_cdf(r).exp_m1() + 0.0
    }

    /// The `p`-quantile, found by bisection on the monotone CDF (to the last bit that matters).
    pub fn quantile(&self, p: f64) -> f64 {
        assert!(p > 0.0 && p < 1.0, "quantile level must be in (0,1)");
        if p <= 0.5 {
            let target = p.ln();
            self.bisect(|r| self.ln_cdf(r) < target)
        } else {
            // Work with the upper tail so that levels like 1 - 1e-18 keep their meaning.
            let q = 1.0 - p;
            self.bisect(|r| self.sf(r) > q)
        }
    }

    /// The level whose upper-tail probability is `q`: `quantile(1 - q)` without rounding `1 - q`.
    pub fn upper_quantile(&self, q: f64) -> f64 {
        assert!(q > 0.0 && q < 1.0, "tail probability must be in (0,1)");
        self.bisect(|r| self.sf(r) > q)
    }

    /// Smallest `r` with `!below(r)`, for a predicate that is true below some point and false above.
    fn bisect(&self, below: impl Fn(f64) -> bool) -> f64 {
        let mut lo = 0.0;
        let mut hi = 1.0;
        while below(hi) {
            lo = hi;
            hi *= 2.0;
        }
        for _ in 0..200 {
            let mid = 0.5 * (lo + hi);
            if mid <= lo || mid >= hi {
                break;
            }
            if below(mid) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        0.5 * (lo + hi)
    }

    /// Mean and standard deviation, by Gauss–Legendre quadrature of the tail integrals
    /// `E rho = a + int_a^b (1-F)` and `E (rho-a)^2 = int_a^b 2 (r-a)(1-F)` between the
    /// `1e-30` and `1 - 1e-20` quantiles (what lies outside changes neither beyond 1e-18 relative).
    pub fn mean_sd(&self) -> (f64, f64) {
        let a = self.quantile(1e-30);
        let b = self.upper_quantile(1e-20);
        let mut m1 = 0.0;
        let mut m2 = 0.0;
        gauss_legendre_nodes(a, b, 48, |r, w| {
            let s = self.sf(r);
            m1 += w * s;
            m2 += w * 2.0 * (r - a) * s;
        });
        let mean = a + m1;
        let var = (m2 - m1 * m1).max(0.0);
        (mean, var.sqrt())
    }

    /// Density of the modulus of a uniformly chosen eigenvalue:
    /// `f_n(r) = (1/n) sum_k 2 n r g_k(n r^2)`, `g_k` the Gamma(k,1) density. Since
    /// `g_k(x) = Poisson(x) pmf at k-1`, only the `k` within the window around `x` contribute.
    pub fn modulus_density(&self, r: f64) -> f64 {
        if r <= 0.0 || !r.is_finite() {
            return 0.0;
        }
        let x = self.n as f64 * r * r;
        let half = self.window_halfwidth(x);
        let lo = (x - half - 1.0).floor().max(0.0) as u64;
        let hi = ((x + half).ceil() as u64).min(self.n as u64 - 1);
        if lo > hi {
            return 0.0;
        }
        let s: f64 = (lo..=hi).map(|j| ln_poisson_pmf(j as usize, x).exp()).sum();
        2.0 * r * s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::asymptotics::{rider_law, Symmetry};
    use statrs::function::gamma::gamma_lr;

    /// The windowed log-space product against the plain product of statrs' regularised gamma.
    #[test]
    fn kostlan_cdf_matches_direct_product() {
        for &n in &[1usize, 2, 3, 5, 10, 32, 100] {
            let law = KostlanLaw::new(n);
            for &r in &[0.3, 0.7, 0.9, 1.0, 1.05, 1.1, 1.2, 1.5] {
                let x = n as f64 * r * r;
                let direct: f64 = (1..=n).map(|k| gamma_lr(k as f64, x)).product();
                let ours = law.cdf(r);
                assert!(
                    (ours - direct).abs() <= 1e-12 + 1e-9 * direct,
                    "n={n} r={r}: {ours} vs {direct}"
                );
            }
        }
    }

    #[test]
    fn kostlan_quantile_inverts_cdf() {
        for &n in &[4usize, 64, 1024, 1 << 20] {
            let law = KostlanLaw::new(n);
            for &p in &[1e-6, 0.05, 0.5, 0.95, 0.999_999] {
                let q = law.quantile(p);
                let back = law.cdf(q);
                assert!(
                    (back - p).abs() < 1e-9 * p.max(1e-3),
                    "n={n} p={p} back={back}"
                );
            }
        }
    }

    /// Mean and sd from quadrature against the same moments from the modulus density of
    /// `rho^2 = max Gamma/n` computed the slow way (numerical differentiation of F is avoided:
    /// the moments of a law on [0, inf) follow from the survival function alone, so compare
    /// with a plain trapezoid over a fine grid).
    #[test]
    fn kostlan_moments_match_fine_trapezoid() {
        for &n in &[8usize, 200] {
            let law = KostlanLaw::new(n);
            let (mean, sd) = law.mean_sd();
            let steps = 200_000;
            let top = 3.0;
            let h = top / steps as f64;
            let mut m1 = 0.0;
            let mut m2 = 0.0;
            for i in 0..=steps {
                let r = i as f64 * h;
                let w = if i == 0 || i == steps { 0.5 * h } else { h };
                let s = law.sf(r);
                m1 += w * s;
                m2 += w * 2.0 * r * s;
            }
            let sd_trap = (m2 - m1 * m1).sqrt();
            assert!((mean - m1).abs() < 1e-8, "n={n} {mean} vs {m1}");
            assert!((sd - sd_trap).abs() < 1e-6 * sd, "n={n} {sd} vs {sd_trap}");
        }
    }

    #[test]
    fn kostlan_is_sound_at_large_n() {
        let law = KostlanLaw::new(10_000_000);
        let med = law.quantile(0.5);
        let rider = rider_law(10_000_000, Symmetry::Complex).unwrap();
        // Exact and asymptotic medians agree to a fraction of the Gumbel scale.
        assert!((med - rider.quantile(0.5)).abs() < 0.5 * rider.scale);
        assert!((law.sf(med) - 0.5).abs() < 1e-9);
        // At this width rho <= 1 is all but impossible.
        assert!(law.sf(1.0) > 0.999_999);
        // Deep upper tail: the survival function keeps its relative accuracy at 1e-12.
        let q = law.upper_quantile(1e-12);
        assert!(q > med && (law.sf(q) / 1e-12 - 1.0).abs() < 1e-6);
    }

    #[test]
    fn modulus_density_integrates_to_one() {
        for &n in &[3usize, 50, 1000] {
            let law = KostlanLaw::new(n);
            let mut total = 0.0;
            gauss_legendre_nodes(0.0, 5.0, 1000, |r, w| total += w * law.modulus_density(r));
            assert!((total - 1.0).abs() < 1e-9, "n={n}: {total}");
        }
    }
}
