//! Independent routes to the same law must agree: dense eigenvalues of complex Ginibre matrices
//! against Kostlan's exact CDF, and the Gumbel fit against known parameters.

mod common;
use common::sorted_radii;

use mc_gumbel::math::asymptotics::GumbelLaw;
use mc_gumbel::math::kostlan::KostlanLaw;
use mc_gumbel::math::radius_law::RadiusLaw;
use mc_gumbel::math::stats::{gumbel_fit, ks_critical, ks_distance};
use mc_gumbel::model::Precision;
use mc_gumbel::model::{Cell, Method};
use mc_gumbel::model::{Ensemble, Scale};
use mc_gumbel::sampling::rng::StreamKey;
use rand::Rng;

/// Level of every KS test here: a correct implementation fails one of them with probability
/// about 0.1% each, and the seeds are fixed, so a failure means a real change.
const ALPHA: f64 = 1e-3;

fn radii(ensemble: Ensemble, n: usize, trials: u64, method: Method, seed: u64) -> Vec<f64> {
    let cell = Cell {
        ensemble,
        scale: Scale::Glorot,
        factor: 1.0,
        n,
        method,
        precision: Precision::F64,
    };
    sorted_radii(&cell, seed, 0..trials)
}

/// Dense complex Ginibre radii follow Kostlan's exact law. With 4000 trials the 0.1% critical
/// distance is about 0.031; the negative control shows that this has power: the same sample is
/// rejected against the exact law rescaled by 2%, a shift of about one fifth of a standard
/// deviation at n = 8 and half of one at n = 32.
#[test]
fn dense_complex_ginibre_matches_kostlan_exact_law() {
    for &(n, trials) in &[(8usize, 4000u64), (32, 4000)] {
        let rho = radii(Ensemble::ComplexGinibre, n, trials, Method::Dense, 11);
        let law = KostlanLaw::new(n);
        let crit = ks_critical(ALPHA, trials as f64);
        let d = ks_distance(&rho, |r| law.cdf(r));
        assert!(d < crit, "n={n}: KS {d} >= critical {crit}");
        let d_wrong = ks_distance(&rho, |r| law.cdf(r / 1.02));
        assert!(
            d_wrong > crit,
            "n={n}: no power against a 2% shift (KS {d_wrong})"
        );
    }
}

/// Synthetic Gumbel samples by inversion: the MLE lands within 4 standard errors of the truth,
/// and its standard errors match the asymptotic values `1.0529 b / sqrt(N)` (location) and
/// `0.7797 b / sqrt(N)` (scale) from the inverse Fisher information, within 5%.
#[test]
fn gumbel_fit_recovers_known_parameters() {
    let truth = GumbelLaw {
        loc: 1.02,
        scale: 0.013,
    };
    let n = 20_000;
    let mut rng = StreamKey::new(5, "gumbel-fit-test", "", 0).trial_rng(0);
    let xs: Vec<f64> = (0..n)
        .map(|_| truth.quantile(rng.random_range(f64::MIN_POSITIVE..1.0)))
        .collect();
    let fit = gumbel_fit(&xs).expect("a fit");
    assert!((fit.loc - truth.loc).abs() < 4.0 * fit.loc_se, "{fit:?}");
    assert!(
        (fit.scale - truth.scale).abs() < 4.0 * fit.scale_se,
        "{fit:?}"
    );
    let root_n = (n as f64).sqrt();
    let want_loc_se = 1.0529 * truth.scale / root_n;
    let want_scale_se = 0.7797 * truth.scale / root_n;
    assert!(
        (fit.loc_se / want_loc_se - 1.0).abs() < 0.05,
        "{} vs {want_loc_se}",
        fit.loc_se
    );
    assert!(
        (fit.scale_se / want_scale_se - 1.0).abs() < 0.05,
        "{} vs {want_scale_se}",
        fit.scale_se
    );
    // The fitted law is close to the truth in KS distance as well.
    let mut sorted = xs.clone();
    sorted.sort_by(f64::total_cmp);
    let law = GumbelLaw {
        loc: fit.loc,
        scale: fit.scale,
    };
    assert!(ks_distance(&sorted, |x| law.cdf(x)) < ks_critical(ALPHA, n as f64));
}

/// The fit is invariant to where the data sit: the same standardised sample at the tiny scales of
/// n = 10^6 (scale about 1e-4) gives the same standardised answer.
#[test]
fn gumbel_fit_is_equivariant_under_affine_maps() {
    let truth = GumbelLaw {
        loc: 0.0,
        scale: 1.0,
    };
    let mut rng = StreamKey::new(9, "gumbel-fit-test", "", 0).trial_rng(0);
    let xs: Vec<f64> = (0..2000)
        .map(|_| truth.quantile(rng.random_range(f64::MIN_POSITIVE..1.0)))
        .collect();
    let a = gumbel_fit(&xs).unwrap();
    let ys: Vec<f64> = xs.iter().map(|x| 1.0 + 1e-4 * x).collect();
    let b = gumbel_fit(&ys).unwrap();
    assert!(((b.loc - 1.0) / 1e-4 - a.loc).abs() < 1e-6);
    assert!((b.scale / 1e-4 - a.scale).abs() < 1e-6);
    assert!((b.loc_se / 1e-4 - a.loc_se).abs() < 1e-6);
}

/// Orthogonal matrices have every eigenvalue on the unit circle.
#[test]
fn orthogonal_radius_is_one_to_rounding() {
    for &n in &[2usize, 17, 64] {
        for rho in radii(Ensemble::Orthogonal, n, 50, Method::Dense, 3) {
            assert!((rho - 1.0).abs() < 1e-12, "n={n}: rho = {rho}");
        }
    }
}

/// The Haar sampler is not merely orthogonal but uniformly distributed: the trace of a Haar
/// orthogonal matrix has mean 0 and variance 1 for every n >= 2 (Diaconis–Shahshahani). Q from a
/// QR factorisation without the sign fix is not Haar, and its diagonal is biased.
#[test]
fn orthogonal_sampler_is_haar() {
    use faer::Mat;
    let n = 10;
    let trials = 4000;
    let key = StreamKey::new(4, "orthogonal", "glorot", n);
    let traces: Vec<f64> = (0..trials)
        .map(|t| {
            let mut m = Mat::<f64>::zeros(n, n);
            mc_gumbel::sampling::draw::fill(
                Ensemble::Orthogonal,
                1.0,
                m.as_mut(),
                &mut key.trial_rng(t),
            );
            (0..n).map(|i| m[(i, i)]).sum::<f64>()
        })
        .collect();
    let (mean, sd) = mc_gumbel::math::stats::mean_sd(&traces);
    let se = 1.0 / (trials as f64).sqrt();
    assert!(mean.abs() < 4.0 * se, "mean trace {mean}");
    // Var of the sample variance of a near-normal variable: 2/(N-1); 4 sigma allowance.
    assert!(
        (sd * sd - 1.0).abs() < 4.0 * (2.0 / trials as f64).sqrt(),
        "var {}",
        sd * sd
    );
}
