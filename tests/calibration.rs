//! Calibrated rescalings deliver what they promise: `exact:P` on real Ginibre (calibrated on the
//! exact Pfaffian law) gives `P(rho > 1) = P` to within sampling error, and the Monte Carlo
//! calibration `mc:P` has intervals that cover the true factor at their stated rate.

mod common;
use common::sorted_radii;

use mc_gumbel::jobs::radius_tables::mc_factor;
use mc_gumbel::math::stats::{quantile_ranks, wilson};
use mc_gumbel::model::{laws, Cell, Ensemble, Method, Precision, Scale};
use statrs::distribution::{Binomial, DiscreteCDF};

/// 99.9% two-sided normal quantile: a correct implementation fails a check at this level with
/// probability 0.1%, and the seeds are fixed, so a failure means a real change.
const Z999: f64 = 3.290_526_731_491_926;

fn radii(
    ensemble: Ensemble,
    scale: Scale,
    n: usize,
    method: Method,
    trials: std::ops::Range<u64>,
) -> Vec<f64> {
    let cell = Cell {
        ensemble,
        scale,
        factor: scale.factor(ensemble, n).unwrap(),
        n,
        method,
        precision: Precision::F64,
    };
    sorted_radii(&cell, 5, trials)
}

/// With 4000 trials the 99.9% Wilson interval around P = 0.1 is about +-0.016: a factor
/// calibrated on the complex law instead (which delivers about 0.2 at n = 16) fails it.
#[test]
fn exact_calibration_of_real_ginibre_delivers_its_target() {
    for &(n, trials, method) in &[
        (16usize, 4000u64, Method::Dense),
        (64, 1500, Method::Hessenberg),
    ] {
        for p in [0.1, 0.5] {
            let rho = radii(Ensemble::RealGinibre, Scale::Exact(p), n, method, 0..trials);
            let above = rho.iter().filter(|&&r| r > 1.0).count();
            let (lo, hi) = wilson(above, rho.len(), Z999);
            assert!(
                lo <= p && p <= hi,
                "n={n} exact:{p}: {above}/{trials} above 1, interval [{lo}, {hi}]"
            );
        }
    }
    // The test has power: the factor calibrated on the complex law instead would deliver to real
    // matrices a probability outside the 99.9% interval of 4000 trials (half-width below 0.016).
    let complex = laws::exact(Ensemble::ComplexGinibre, 16).unwrap();
    let real = laws::exact(Ensemble::RealGinibre, 16).unwrap();
    let delivered = real.sf(1.0 / complex.calibrated_factor(0.1).unwrap());
    assert!(
        (delivered - 0.1).abs() > 0.02,
        "complex factor delivers {delivered}"
    );
}

/// 300 independent samples of 200 real-Ginibre radii at n = 8: the distribution-free 95%
/// interval of `mc:0.1` covers the exact factor in a share of them consistent (at 99.9%) with
/// its exact coverage, computed from the binomial law of the ranks.
#[test]
fn monte_carlo_calibration_intervals_cover_at_their_rate() {
    let (n, m, reps, p) = (8usize, 200usize, 300u64, 0.1);
    let truth = laws::exact(Ensemble::RealGinibre, n)
        .unwrap()
        .calibrated_factor(p)
        .unwrap();
    let mut covered = 0;
    for r in 0..reps {
        let trials = r * m as u64..(r + 1) * m as u64;
        let sorted = radii(
            Ensemble::RealGinibre,
            Scale::Glorot,
            n,
            Method::Dense,
            trials,
        );
        let (_, lo, hi) = mc_factor(&sorted, p);
        let (lo, hi) = (lo.unwrap_or(0.0), hi.unwrap_or(f64::INFINITY));
        covered += usize::from(lo <= truth && truth <= hi);
    }
    let (l, u) = quantile_ranks(m, 1.0 - p, 0.95);
    let bin = Binomial::new(1.0 - p, m as u64).unwrap();
    let (l, u) = (l.unwrap() as u64, u.unwrap() as u64);
    let rate = bin.cdf(u - 1) - bin.cdf(l - 1);
    assert!(rate >= 0.95, "nominal coverage {rate}");
    let expect = reps as f64 * rate;
    let sd = (reps as f64 * rate * (1.0 - rate)).sqrt();
    assert!(
        (covered as f64 - expect).abs() <= Z999 * sd + 1.0,
        "covered {covered} of {reps}, expected {expect:.1} +- {:.1}",
        Z999 * sd
    );
}
