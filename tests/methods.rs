//! The three samplers (dense eigenvalues, the Hessenberg model, Kostlan's gammas) must draw from
//! one law, and each must match the exact CDF where it exists.

mod common;
use common::sorted_radii;
use mc_gumbel::math::kostlan::KostlanLaw;
use mc_gumbel::math::radius_law::RadiusLaw;
use mc_gumbel::math::stats::{ks_critical, ks_distance, ks_two_sample};
use mc_gumbel::model::{Cell, Ensemble, Method, Precision, Scale};
use mc_gumbel::sampling::rng::StreamKey;
use mc_gumbel::sampling::trials::{kostlan_first_k, sample_cell};
use rand_distr::{Distribution, Gamma};

/// Level of each KS test; seeds are fixed (each method has its own streams by construction).
const ALPHA: f64 = 1e-3;

fn radii(ensemble: Ensemble, n: usize, trials: u64, method: Method, factor: f64) -> Vec<f64> {
    let cell = Cell {
        ensemble,
        scale: Scale::Value(factor),
        factor,
        n,
        method,
        precision: Precision::F64,
    };
    sorted_radii(&cell, 2024, 0..trials)
}

fn two_sample_critical(a: &[f64], b: &[f64]) -> f64 {
    let (n, m) = (a.len() as f64, b.len() as f64);
    ks_critical(ALPHA, n * m / (n + m))
}

/// Complex Ginibre at n = 32 and 128: dense, hessenberg and kostlan pairwise, and each against
/// the exact CDF. 3000 trials give a 0.1% two-sample critical distance of about 0.05; the control
/// shows this detects a 1% change of scale (about half a standard deviation at n = 128).
#[test]
fn complex_ginibre_methods_agree_with_each_other_and_the_exact_law() {
    for &n in &[32usize, 128] {
        let trials = 3000;
        let dense = radii(Ensemble::ComplexGinibre, n, trials, Method::Dense, 1.0);
        let hess = radii(Ensemble::ComplexGinibre, n, trials, Method::Hessenberg, 1.0);
        let kost = radii(Ensemble::ComplexGinibre, n, trials, Method::Kostlan, 1.0);
        for (name, a, b) in [
            ("dense/hessenberg", &dense, &hess),
            ("dense/kostlan", &dense, &kost),
            ("hessenberg/kostlan", &hess, &kost),
        ] {
            let d = ks_two_sample(a, b);
            assert!(d < two_sample_critical(a, b), "n={n} {name}: KS {d}");
        }
        let law = KostlanLaw::new(n);
        for (name, s) in [("dense", &dense), ("hessenberg", &hess), ("kostlan", &kost)] {
            let d = ks_distance(s, |r| law.cdf(r));
            assert!(
                d < ks_critical(ALPHA, trials as f64),
                "n={n} {name} vs exact: KS {d}"
            );
        }
        if n == 128 {
            let shifted = radii(Ensemble::ComplexGinibre, n, trials, Method::Kostlan, 1.01);
            assert!(
                ks_two_sample(&dense, &shifted) > two_sample_critical(&dense, &shifted),
                "no power"
            );
        }
    }
}

/// Real Ginibre has no exact law here: dense and hessenberg must agree with each other.
#[test]
fn real_ginibre_dense_and_hessenberg_agree() {
    for &n in &[32usize, 128] {
        let trials = 3000;
        let dense = radii(Ensemble::RealGinibre, n, trials, Method::Dense, 1.0);
        let hess = radii(Ensemble::RealGinibre, n, trials, Method::Hessenberg, 1.0);
        let d = ks_two_sample(&dense, &hess);
        assert!(d < two_sample_critical(&dense, &hess), "n={n}: KS {d}");
        // Power: a wrong subdiagonal law (complex degrees of freedom) would shift the radius;
        // the complex-Ginibre law itself is clearly different from the real one.
        let complex = radii(Ensemble::ComplexGinibre, n, trials, Method::Hessenberg, 1.0);
        assert!(ks_two_sample(&dense, &complex) > two_sample_critical(&dense, &complex));
    }
}

/// The Kostlan sampler skips the `Gamma(m k,1)` with `k < kostlan_first_k`; the bound in
/// `trials.rs` says this changes a trial with probability below 1e-15. Check it draw for draw, for
/// complex (shapes `k`) and quaternion (shapes `2k`) Ginibre: the full sampler (all k, from n
/// down, on the same stream) gives identical radii and counts.
#[test]
fn kostlan_skipping_changes_nothing() {
    for &(ensemble, n, factor) in &[
        (Ensemble::ComplexGinibre, 64usize, 1.0),
        (Ensemble::ComplexGinibre, 1024, 1.0),
        (Ensemble::ComplexGinibre, 1024, 0.9),
        (Ensemble::ComplexGinibre, 300, 1.3),
        (Ensemble::QuaternionGinibre, 64, 1.0),
        (Ensemble::QuaternionGinibre, 1024, 1.0),
        (Ensemble::QuaternionGinibre, 1024, 0.9),
        (Ensemble::QuaternionGinibre, 300, 1.3),
    ] {
        let law = ensemble.kostlan_law(n).unwrap();
        let cell = Cell {
            ensemble,
            scale: Scale::Value(factor),
            factor,
            n,
            method: Method::Kostlan,
            precision: Precision::F64,
        };
        let trials = 500u64;
        let fast = sample_cell(&cell, 7, 0..trials, &|| {}).unwrap();
        let key = StreamKey::of(&cell, 7);
        let top = law.top_shape() as f64;
        let threshold = top / (factor * factor);
        let first = kostlan_first_k(&law, factor);
        for (t, rec) in fast.iter().enumerate() {
            let mut rng = key.trial_rng(t as u64);
            let (mut max, mut outside, mut argmax) = (0.0f64, 0usize, 0usize);
            for k in (1..=n).rev() {
                let g = Gamma::new(law.shape(k) as f64, 1.0)
                    .unwrap()
                    .sample(&mut rng);
                if g > max {
                    max = g;
                    argmax = k;
                }
                outside += law.step() * usize::from(g > threshold);
            }
            assert!(argmax >= first);
            let at = format!("{} n={n} trial {t}", ensemble.name());
            assert_eq!(rec.rho, factor * (max / top).sqrt(), "{at}");
            assert_eq!(rec.n_outside, outside, "{at}");
        }
        assert!(first > 1 || n < 200, "n={n}: nothing skipped");
    }
}
