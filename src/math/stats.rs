//! Sample statistics: quantiles, Wilson intervals, Kolmogorov–Smirnov distances and the Gumbel
//! maximum-likelihood fit with standard errors from the observed information, and
//! distribution-free intervals for quantiles (docs/math/statistics.md).

use statrs::distribution::{Binomial, DiscreteCDF};

/// Two-sided 95% normal quantile, used for every interval the tool reports.
pub const Z95: f64 = 1.959_963_984_540_054;

/// Quantile of sorted data by linear interpolation between order statistics (Hyndman–Fan type 7,
/// numpy's and R's default), so the numbers match what a researcher computes from the trial CSV.
pub fn quantile_sorted(sorted: &[f64], p: f64) -> f64 {
    assert!(!sorted.is_empty());
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// Mean and sample standard deviation (n - 1 denominator; 0 for a single value).
pub fn mean_sd(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    if xs.len() < 2 {
        return (mean, 0.0);
    }
    let ss: f64 = xs.iter().map(|x| (x - mean) * (x - mean)).sum();
    (mean, (ss / (n - 1.0)).sqrt())
}

/// Wilson score interval for a binomial proportion `successes / trials` at normal quantile `z`.
pub fn wilson(successes: usize, trials: usize, z: f64) -> (f64, f64) {
    let n = trials as f64;
    let p = successes as f64 / n;
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denom;
    // At 0 or n successes the bound is exactly 0 or 1; the formula only reaches it up to rounding.
    let lo = if successes == 0 {
        0.0
    } else {
        (centre - half).max(0.0)
    };
    let hi = if successes == trials {
        1.0
    } else {
        (centre + half).min(1.0)
    };
    (lo, hi)
}

/// The order statistics that bound the `p`-quantile with confidence at least `level`, whatever
/// the (continuous) law: 1-based ranks `(l, u)` with `P(X_(l) <= q_p < X_(u)) >= level` among `m`
/// draws (docs/math/statistics.md). The number `K` of draws at or below `q_p` is
/// Binomial(`m`, `p`), and `X_(l) <= q_p < X_(u)` exactly when `l <= K < u`; each tail gets
/// at most `(1 - level)/2`. `None` where no order statistic is extreme enough: the interval
/// is then open on that side (`l`: below `X_(1)`, `u`: above `X_(m)`).
pub fn quantile_ranks(m: usize, p: f64, level: f64) -> (Option<usize>, Option<usize>) {
    let alpha = (1.0 - level) / 2.0;
    let bin = Binomial::new(p, m as u64).expect("0 <= p <= 1");
    // The smallest k in 0..=m with `holds(P(K <= k))`, or m + 1 if there is none (the CDF
    // increases with k, so each predicate below turns true once and stays true).
    let first = |holds: &dyn Fn(f64) -> bool| -> u64 {
        let (mut lo, mut hi) = (0u64, m as u64 + 1);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if holds(bin.cdf(mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        lo
    };
    // l = largest l with P(K <= l - 1) <= alpha: the first k with P(K <= k) > alpha.
    let l = first(&|c| c > alpha) as usize;
    // u = smallest u with P(K >= u) <= alpha, i.e. P(K <= u - 1) >= 1 - alpha.
    let u = first(&|c| c >= 1.0 - alpha) as usize + 1;
    ((l >= 1).then_some(l), (u <= m).then_some(u))
}

/// One-sample Kolmogorov–Smirnov distance `sup |F_emp - F|` of sorted data from a CDF.
pub fn ks_distance(sorted: &[f64], cdf: impl Fn(f64) -> f64) -> f64 {
    let f: Vec<f64> = sorted.iter().map(|&x| cdf(x)).collect();
    ks_from_cdf_values(&f)
}

/// The KS distance of sorted data from a CDF whose evaluations are costly (the exact laws: up to
/// milliseconds a point), equal to [`ks_from_cdf_values`] over every point, but evaluating the
/// CDF only where the maximum can lie. `eval` returns the CDF at the given indices of `sorted`
/// (in one batch, so the caller may run it in parallel).
///
/// Between two evaluated indices `lo < hi`, monotonicity bounds every inner term:
/// `F_i - i/m <= F_hi - (lo+1)/m` and `(i+1)/m - F_i <= hi/m - F_lo`. An interval whose bound
/// plus `slack` stays below the best term found holds no maximum and is dropped; the others are
/// halved. With `slack` above twice the CDF's absolute error (which is all its computed values
/// can depart from monotonicity by), the terms never evaluated are strictly below the maximum,
/// so the result is the full evaluation's to the last bit. Typically a few hundred evaluations
/// replace `m`.
pub fn ks_bisected(sorted: &[f64], slack: f64, eval: impl Fn(&[usize]) -> Vec<f64>) -> f64 {
    let m = sorted.len();
    if m == 0 {
        return 0.0;
    }
    let mf = m as f64;
    let term = |i: usize, fi: f64| (fi - i as f64 / mf).max((i + 1) as f64 / mf - fi);
    let first = 64.min(m);
    let mut at: Vec<usize> = (0..first)
        .map(|j| j * (m - 1) / (first - 1).max(1))
        .collect();
    at.dedup();
    let values = eval(&at);
    let mut best = at
        .iter()
        .zip(&values)
        .map(|(&i, &f)| term(i, f))
        .fold(0.0, f64::max);
    // Open intervals (lo, F_lo, hi, F_hi) with unevaluated indices inside.
    let mut open: Vec<(usize, f64, usize, f64)> = at
        .windows(2)
        .zip(values.windows(2))
        .filter(|(i, _)| i[1] - i[0] > 1)
        .map(|(i, f)| (i[0], f[0], i[1], f[1]))
        .collect();
    loop {
        open.retain(|&(lo, f_lo, hi, f_hi)| {
            let bound = (f_hi - (lo + 1) as f64 / mf).max(hi as f64 / mf - f_lo);
            bound + slack >= best
        });
        if open.is_empty() {
            return best;
        }
        let mids: Vec<usize> = open
            .iter()
            .map(|&(lo, _, hi, _)| lo + (hi - lo) / 2)
            .collect();
        let values = eval(&mids);
        let mut next = Vec::with_capacity(2 * open.len());
        for (&(lo, f_lo, hi, f_hi), (&mid, &f_mid)) in open.iter().zip(mids.iter().zip(&values)) {
            best = best.max(term(mid, f_mid));
            next.extend(
                [(lo, f_lo, mid, f_mid), (mid, f_mid, hi, f_hi)]
                    .into_iter()
                    .filter(|&(a, _, b, _)| b - a > 1),
            );
        }
        open = next;
    }
}

/// KS distance given the CDF evaluated at each point of the sorted sample, in order.
pub fn ks_from_cdf_values(f: &[f64]) -> f64 {
    let n = f.len() as f64;
    f.iter()
        .enumerate()
        .map(|(i, &fi)| (fi - i as f64 / n).max((i + 1) as f64 / n - fi))
        .fold(0.0, f64::max)
}

/// Two-sample Kolmogorov–Smirnov distance between sorted samples.
pub fn ks_two_sample(a: &[f64], b: &[f64]) -> f64 {
    let (na, nb) = (a.len() as f64, b.len() as f64);
    let (mut i, mut j, mut d) = (0usize, 0usize, 0.0f64);
    while i < a.len() && j < b.len() {
        let x = a[i].min(b[j]);
        while i < a.len() && a[i] <= x {
            i += 1;
        }
        while j < b.len() && b[j] <= x {
            j += 1;
        }
        d = d.max((i as f64 / na - j as f64 / nb).abs());
    }
    d
}

/// Survival function of the Kolmogorov distribution, `P(K > t) = 2 sum (-1)^(k-1) exp(-2 k^2 t^2)`.
pub fn kolmogorov_sf(t: f64) -> f64 {
    if t <= 0.0 {
        return 1.0;
    }
    if t < 0.2 {
        return 1.0; // the series converges slowly here and the value is 1 to double precision
    }
    let mut s = 0.0;
    for k in 1..200 {
        let kf = k as f64;
        let term = (-2.0 * kf * kf * t * t).exp();
        s += if k % 2 == 1 { term } else { -term };
        if term < 1e-18 {
            break;
        }
    }
    (2.0 * s).clamp(0.0, 1.0)
}

/// Asymptotic p-value of a KS distance `d` for effective sample size `n_eff` (Stephens' small-sample
/// correction `sqrt(n) + 0.12 + 0.11/sqrt(n)`). For two samples use `n_eff = n m / (n + m)`.
pub fn ks_p_value(d: f64, n_eff: f64) -> f64 {
    let s = n_eff.sqrt();
    kolmogorov_sf(d * (s + 0.12 + 0.11 / s))
}

/// Critical KS distance at level `alpha` for effective sample size `n_eff` (inverse of
/// [`ks_p_value`], by bisection).
pub fn ks_critical(alpha: f64, n_eff: f64) -> f64 {
    let (mut lo, mut hi) = (0.2f64, 10.0f64);
    for _ in 0..100 {
        let mid = 0.5 * (lo + hi);
        if kolmogorov_sf(mid) > alpha {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let s = n_eff.sqrt();
    hi / (s + 0.12 + 0.11 / s)
}

/// Maximum-likelihood Gumbel fit with standard errors from the inverse observed information.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GumbelFit {
    pub loc: f64,
    pub scale: f64,
    pub loc_se: f64,
    pub scale_se: f64,
}

/// Fits `exp(-exp(-(x - loc)/scale))` by maximum likelihood. The data are standardised first so
/// that `exp(-x/scale)` cannot overflow at any width; the scale solves the profile equation
/// `scale = mean(x) - sum x e^(-x/scale) / sum e^(-x/scale)` by safeguarded Newton iteration.
/// `None` for fewer than 2 distinct values.
pub fn gumbel_fit(xs: &[f64]) -> Option<GumbelFit> {
    let n = xs.len();
    let (mean, sd) = mean_sd(xs);
    if n < 2 || sd.is_nan() || sd <= 0.0 || !sd.is_finite() {
        return None;
    }
    let z: Vec<f64> = xs.iter().map(|x| (x - mean) / sd).collect();
    let zmax = z.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let zmin = z.iter().cloned().fold(f64::INFINITY, f64::min);
    // g(b) = b - zbar + sum z e^{-z/b} / sum e^{-z/b}, with zbar = 0; its root is the MLE scale.
    // Weights are shifted by the smallest z so the exponentials stay in range.
    let g_and_dg = |b: f64| {
        let (mut s0, mut s1, mut s2) = (0.0, 0.0, 0.0);
        for &zi in &z {
            let w = (-(zi - zmin) / b).exp();
            s0 += w;
            s1 += zi * w;
            s2 += zi * zi * w;
        }
        let m1 = s1 / s0;
        let m2 = s2 / s0;
        // d/db of the weighted mean of z is Var_w(z) / b^2.
        (b + m1, 1.0 + (m2 - m1 * m1) / (b * b))
    };
    // The root lies where g changes sign; g(b) -> zmin < 0 as b -> 0 and g(b) > 0 for b >= range.
    let mut lo = 1e-6;
    let mut hi = (zmax - zmin).max(1.0);
    let mut b = 0.78; // sqrt(6)/pi: the scale of a standardised Gumbel sample
    for _ in 0..200 {
        let (g, dg) = g_and_dg(b);
        if g > 0.0 {
            hi = b;
        } else {
            lo = b;
        }
        let mut next = b - g / dg;
        if !(next > lo && next < hi) {
            next = 0.5 * (lo + hi);
        }
        if (next - b).abs() <= 1e-14 * b {
            b = next;
            break;
        }
        b = next;
    }
    let s0: f64 = z.iter().map(|&zi| (-(zi - zmin) / b).exp()).sum();
    // loc = -b ln(mean e^{-z/b}), with the shift undone.
    let loc_z = -b * ((s0 / n as f64).ln() - zmin / b);
    let loc = mean + sd * loc_z;
    let scale = sd * b;

    // Observed information in the original units, from the second derivatives of the
    // log-likelihood l = -n ln s - sum u - sum e^{-u}, u = (x - loc)/s.
    let (mut a_e, mut a_1me, mut a_ue, mut a_u1me, mut a_u2e) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for &x in xs {
        let u = (x - loc) / scale;
        let e = (-u).exp();
        a_e += e;
        a_1me += 1.0 - e;
        a_ue += u * e;
        a_u1me += u * (1.0 - e);
        a_u2e += u * u * e;
    }
    let s2 = scale * scale;
    let j_mm = a_e / s2;
    let j_ms = (a_1me + a_ue) / s2;
    let j_ss = -(n as f64) / s2 + (2.0 * a_u1me + a_u2e) / s2;
    let det = j_mm * j_ss - j_ms * j_ms;
    if det.is_nan() || det <= 0.0 {
        return None;
    }
    Some(GumbelFit {
        loc,
        scale,
        loc_se: (j_ss / det).sqrt(),
        scale_se: (j_mm / det).sqrt(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bisected KS distance is the full evaluation's, bit for bit, whether the sample
    /// follows the law or not, with ties, and at every small size; and it evaluates far fewer
    /// points on a large sample.
    #[test]
    fn ks_bisected_equals_full_evaluation() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(3);
        let cdf = |x: f64| 1.0 - (-x.max(0.0)).exp();
        for (m, shift) in [
            (1, 0.0),
            (2, 0.0),
            (3, 0.5),
            (65, 0.0),
            (1000, 0.0),
            (1000, 0.3),
        ] {
            for _ in 0..20 {
                let mut x: Vec<f64> = (0..m)
                    .map(|_| -(1.0 - rng.random::<f64>()).ln() + shift)
                    .collect();
                if m > 10 {
                    x[5] = x[4]; // a tie
                }
                x.sort_by(|a, b| a.total_cmp(b));
                let full = ks_distance(&x, cdf);
                let bisected = ks_bisected(&x, 1e-12, |at| at.iter().map(|&i| cdf(x[i])).collect());
                assert_eq!(full.to_bits(), bisected.to_bits(), "m = {m}, shift {shift}");
            }
        }
        let mut x: Vec<f64> = (0..100_000)
            .map(|_| -(1.0 - rng.random::<f64>()).ln())
            .collect();
        x.sort_by(|a, b| a.total_cmp(b));
        let calls = std::cell::Cell::new(0);
        let bisected = ks_bisected(&x, 1e-12, |at| {
            calls.set(calls.get() + at.len());
            at.iter().map(|&i| cdf(x[i])).collect()
        });
        assert_eq!(bisected.to_bits(), ks_distance(&x, cdf).to_bits());
        assert!(calls.get() < 5_000, "{} evaluations", calls.get());
    }

    /// The ranks' coverage, computed exactly from the binomial law, is at least the level, and
    /// moving either rank inwards would lose it on that side.
    #[test]
    fn quantile_ranks_cover_at_the_level() {
        for &(m, p) in &[
            (20usize, 0.5),
            (100, 0.9),
            (1000, 0.99),
            (400, 0.05),
            (10, 0.99),
        ] {
            let bin = Binomial::new(p, m as u64).unwrap();
            let (l, u) = quantile_ranks(m, p, 0.95);
            let below = l.map_or(0.0, |l| bin.cdf(l as u64 - 1));
            let above = u.map_or(0.0, |u| 1.0 - bin.cdf(u as u64 - 1));
            assert!(below <= 0.025 && above <= 0.025, "m={m} p={p}: {l:?} {u:?}");
            if let Some(l) = l {
                assert!(bin.cdf(l as u64) > 0.025, "l not tight, m={m} p={p}");
            }
            if let Some(u) = u {
                assert!(u == 1 || 1.0 - bin.cdf(u as u64 - 2) > 0.025, "u not tight");
            }
        }
        // Too few draws for the 0.99 quantile's upper bound.
        assert_eq!(quantile_ranks(10, 0.99, 0.95).1, None);
    }

    #[test]
    fn type7_quantiles_match_numpy() {
        let xs = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(quantile_sorted(&xs, 0.5), 2.5);
        assert!((quantile_sorted(&xs, 0.05) - 1.15).abs() < 1e-12);
        assert_eq!(quantile_sorted(&xs, 1.0), 4.0);
    }

    #[test]
    fn wilson_matches_textbook_value() {
        // 10 successes in 100 trials: Wilson 95% interval (0.0552, 0.1744).
        let (lo, hi) = wilson(10, 100, Z95);
        assert!(
            (lo - 0.0552).abs() < 1e-4 && (hi - 0.1744).abs() < 1e-4,
            "{lo} {hi}"
        );
        let (lo, hi) = wilson(0, 50, Z95);
        assert_eq!(lo, 0.0);
        assert!(hi > 0.0 && hi < 0.08);
    }

    #[test]
    fn kolmogorov_critical_values() {
        // Classical asymptotic critical values 1.3581 (5%) and 1.6276 (1%).
        assert!((ks_critical(0.05, 1e12) * 1e6 - 1.3581).abs() < 1e-3);
        assert!((ks_critical(0.01, 1e12) * 1e6 - 1.6276).abs() < 1e-3);
    }

    #[test]
    fn two_sample_ks_of_identical_and_disjoint_samples() {
        let a = [1.0, 2.0, 3.0];
        assert_eq!(ks_two_sample(&a, &a), 0.0);
        assert_eq!(ks_two_sample(&a, &[4.0, 5.0]), 1.0);
    }
}
