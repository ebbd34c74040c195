//! The exact real Ginibre law against Monte Carlo: dense eigenvalues at small widths (KS, with a
//! negative control), the Hessenberg model at n = 64 and 128 (Wilson intervals for P(rho > 1)
//! and for the exact median), and continuity from n to n + 1.

mod common;
use common::sorted_radii;

use mc_gumbel::math::radius_law::RadiusLaw;
use mc_gumbel::math::real_ginibre::RealGinibreLaw;
use mc_gumbel::math::stats::{ks_critical, ks_from_cdf_values, ks_two_sample, wilson};
use mc_gumbel::model::Precision;
use mc_gumbel::model::{Cell, Method};
use mc_gumbel::model::{Ensemble, Scale};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// Level of every KS test and Wilson interval here; the seeds are fixed, so a failure means a
/// real change.
const ALPHA: f64 = 1e-3;
/// Two-sided normal quantile at level `ALPHA`.
const Z_ALPHA: f64 = 3.290_526_731_491_926;
/// Dense trials per width: the 0.1% KS critical distance is then 0.0062, so a law off by 0.01
/// anywhere is rejected (the observed distance is about 0.01 +- 0.0016); the negative control
/// checks exactly that.
const DENSE_TRIALS: u64 = 100_000;

fn radii(n: usize, trials: u64, method: Method, seed: u64) -> Vec<f64> {
    let cell = Cell {
        ensemble: Ensemble::RealGinibre,
        scale: Scale::Glorot,
        factor: 1.0,
        n,
        method,
        precision: Precision::F64,
    };
    sorted_radii(&cell, seed, 0..trials)
}

/// Dense radii at width `n`, drawn once per test binary (the KS and continuity tests share them).
fn dense(n: usize) -> Arc<Vec<f64>> {
    static CACHE: Mutex<BTreeMap<usize, Arc<Vec<f64>>>> = Mutex::new(BTreeMap::new());
    let mut cache = CACHE.lock().unwrap();
    cache
        .entry(n)
        .or_insert_with(|| Arc::new(radii(n, DENSE_TRIALS, Method::Dense, 31)))
        .clone()
}

/// The CDF on a grid from the `1e-9` to the `1 - 1e-9` quantile, linearly interpolated (and 0 or 1
/// outside). The interpolation error is checked at the midpoints to be below 2e-5, negligible
/// next to the KS resolution of 0.006.
struct CdfTable {
    lo: f64,
    step: f64,
    values: Vec<f64>,
}

impl CdfTable {
    fn new(law: &RealGinibreLaw, points: usize) -> Self {
        let lo = law.quantile(1e-9);
        let hi = law.isf(1e-9);
        let step = (hi - lo) / (points - 1) as f64;
        let values: Vec<f64> = (0..points).map(|i| law.cdf(lo + step * i as f64)).collect();
        let table = CdfTable { lo, step, values };
        for i in (0..points - 1).step_by(points / 16) {
            let r = lo + step * (i as f64 + 0.5);
            let err = (table.eval(r) - law.cdf(r)).abs();
            assert!(err < 2e-5, "n={}: interpolation error {err}", law.n());
        }
        table
    }

    fn eval(&self, r: f64) -> f64 {
        let x = (r - self.lo) / self.step;
        if x <= 0.0 {
            return self.values[0].min(1e-9);
        }
        let i = x.floor() as usize;
        if i + 1 >= self.values.len() {
            return 1.0;
        }
        let t = x - i as f64;
        self.values[i] * (1.0 - t) + self.values[i + 1] * t
    }
}

/// Dense real Ginibre radii follow the exact law at n = 1, 2, 3, 5, 8, 16; the same samples
/// reject the law moved by 0.01 at its median (`F + 0.04 F (1 - F)`).
#[test]
fn dense_real_ginibre_matches_exact_law() {
    let crit = ks_critical(ALPHA, DENSE_TRIALS as f64);
    for &n in &[1usize, 2, 3, 5, 8, 16] {
        let rho = dense(n);
        let law = RealGinibreLaw::new(n);
        let table = CdfTable::new(&law, 800);
        let f: Vec<f64> = rho.iter().map(|&r| table.eval(r)).collect();
        let d = ks_from_cdf_values(&f);
        let wrong: Vec<f64> = f.iter().map(|&p| p + 0.04 * p * (1.0 - p)).collect();
        let d_wrong = ks_from_cdf_values(&wrong);
        eprintln!("n={n}: KS {d:.5} (wrong law {d_wrong:.5}), critical {crit:.5}");
        assert!(d < crit, "n={n}: KS {d} >= critical {crit}");
        assert!(
            d_wrong > crit,
            "n={n}: no power against a 0.01 error (KS {d_wrong})"
        );
    }
}

/// The Hessenberg model at n = 64 and 128: Wilson intervals at level 0.1% for `P(rho > 1)` and
/// for `P(rho <= exact median) = 1/2` cover the exact values, and the sample passes KS.
#[test]
fn hessenberg_real_ginibre_matches_exact_law() {
    for &(n, trials) in &[(64usize, 6000u64), (128, 2500)] {
        let rho = radii(n, trials, Method::Hessenberg, 17);
        let law = RealGinibreLaw::new(n);
        let t = trials as usize;
        let p1 = law.p_exceed_1();
        let above = rho.iter().filter(|&&r| r > 1.0).count();
        let (lo, hi) = wilson(above, t, Z_ALPHA);
        eprintln!(
            "n={n}: P(rho > 1) exact {p1:.5}, sample {:.5}, interval [{lo:.5}, {hi:.5}]",
            above as f64 / t as f64
        );
        assert!(
            lo <= p1 && p1 <= hi,
            "n={n}: P(rho>1) = {p1} outside [{lo}, {hi}]"
        );

        let median = law.quantile(0.5);
        let below = rho.iter().filter(|&&r| r <= median).count();
        let (lo, hi) = wilson(below, t, Z_ALPHA);
        eprintln!("n={n}: exact median {median:.6}, sample fraction below {:.5}, interval [{lo:.5}, {hi:.5}]", below as f64 / t as f64);
        assert!(lo <= 0.5 && 0.5 <= hi, "n={n}: 1/2 outside [{lo}, {hi}]");

        let table = CdfTable::new(&law, 800);
        let d = ks_from_cdf_values(&rho.iter().map(|&r| table.eval(r)).collect::<Vec<_>>());
        let crit = ks_critical(ALPHA, trials as f64);
        eprintln!("n={n}: KS {d:.5}, critical {crit:.5}");
        assert!(d < crit, "n={n}: KS {d} >= critical {crit}");
    }
}

/// Even and odd n are computed differently (odd n borders the Pfaffian), so nothing forces the
/// laws at n and n + 1 to line up unless both are right. Exact: `F_n(1)` falls steadily over
/// n = 1..=20, with no even/odd zigzag. Against samples at (8, 9) and (16, 17): the sup distance
/// between the exact laws agrees with the two-sample KS distance, and at r = 1 and where the
/// exact laws differ most, `F_n - F_{n+1}` has the sign and, within 4 standard errors, the size
/// of the sample difference.
#[test]
fn laws_at_n_and_n_plus_1_are_continuous_and_ordered_as_sampled() {
    let f1: Vec<f64> = (1..=20).map(|n| RealGinibreLaw::new(n).cdf(1.0)).collect();
    for n in 1..f1.len() {
        assert!(f1[n] < f1[n - 1], "F_n(1) not decreasing at n = {}", n + 1);
    }
    for n in 1..f1.len() - 1 {
        // Second differences are smooth: at most half the first difference.
        let d1 = f1[n - 1] - f1[n];
        let d2 = (f1[n - 1] - 2.0 * f1[n] + f1[n + 1]).abs();
        assert!(d2 < 0.5 * d1, "zigzag at n = {}: {d1} {d2}", n + 1);
    }

    let trials = DENSE_TRIALS as f64;
    for &n in &[8usize, 16] {
        let (a, b) = (dense(n), dense(n + 1));
        let (law_a, law_b) = (RealGinibreLaw::new(n), RealGinibreLaw::new(n + 1));
        let lo = law_a.quantile(1e-6).min(law_b.quantile(1e-6));
        let hi = law_a.isf(1e-6).max(law_b.isf(1e-6));
        let (r_sup, sup) = (0..=400)
            .map(|i| {
                let r = lo + (hi - lo) * i as f64 / 400.0;
                (r, (law_a.cdf(r) - law_b.cdf(r)).abs())
            })
            .fold((0.0, 0.0), |m, x| if x.1 > m.1 { x } else { m });
        let d_sample = ks_two_sample(&a, &b);
        let crit = ks_critical(ALPHA, trials / 2.0);
        eprintln!("n={n} vs {}: exact sup |F_n - F_n+1| {sup:.5}, two-sample KS {d_sample:.5}, critical {crit:.5}", n + 1);
        assert!((d_sample - sup).abs() < crit, "n={n}: {d_sample} vs {sup}");

        for r in [1.0, r_sup] {
            let exact = law_a.cdf(r) - law_b.cdf(r);
            let pa = a.partition_point(|&x| x <= r) as f64 / trials;
            let pb = b.partition_point(|&x| x <= r) as f64 / trials;
            let se = ((pa * (1.0 - pa) + pb * (1.0 - pb)) / trials).sqrt();
            eprintln!(
                "  r={r:.5}: exact F_n - F_n+1 = {exact:.5}, sample {:.5} +- {se:.5}",
                pa - pb
            );
            assert!(
                exact.abs() > 4.0 * se,
                "the sample cannot order n and n + 1 at r = {r}"
            );
            assert_eq!(exact > 0.0, pa > pb, "order differs at r = {r}");
            assert!(
                (pa - pb - exact).abs() < 4.0 * se,
                "r={r}: {} vs {exact}",
                pa - pb
            );
        }
    }
}
