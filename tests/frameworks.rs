//! The framework initialisers as ensembles: `truncated-normal-unit` (JAX `glorot_normal`, Keras
//! `GlorotNormal`: a standard normal truncated to (-2, 2) and divided by its standard deviation)
//! has the Glorot variance and the truncation it claims, and, by edge universality, the spectral
//! radius law of real Ginibre, which its un-normalised sibling does not have. Seeds are fixed;
//! tolerances are standard errors and Wilson intervals.

mod common;
use mc_gumbel::math::asymptotics::TRUNCATED_NORMAL_SD;
use mc_gumbel::math::stats::wilson;
use mc_gumbel::model::{laws, Cell, Ensemble, Method, Precision, Scale};
use mc_gumbel::sampling::draw;
use mc_gumbel::sampling::rng::StreamKey;

/// `sqrt(n)` times every entry of `matrices` draws of `ensemble` at width `n`.
fn scaled_entries(ensemble: Ensemble, n: usize, matrices: u64) -> Vec<f64> {
    let key = StreamKey::new(8, ensemble.name(), "glorot", n);
    let mut out = Vec::new();
    for trial in 0..matrices {
        let mut m = faer::Mat::<f64>::zeros(n, n);
        draw::fill(ensemble, 1.0, m.as_mut(), &mut key.trial_rng(trial));
        out.extend(
            m.col_iter()
                .flat_map(|c| c.iter().copied().collect::<Vec<_>>()),
        );
    }
    out.iter().map(|x| x * (n as f64).sqrt()).collect()
}

/// The sample variance of `z` with its standard error `sqrt(Var(z^2) / N)` (mean zero by
/// symmetry, so the second moment is the variance).
fn variance_and_se(z: &[f64]) -> (f64, f64) {
    let m = z.len() as f64;
    let v = z.iter().map(|x| x * x).sum::<f64>() / m;
    let m4 = z.iter().map(|x| x.powi(4)).sum::<f64>() / m;
    (v, ((m4 - v * v) / m).sqrt())
}

#[test]
fn truncated_normal_unit_has_variance_one_over_n_and_its_truncation() {
    let z = scaled_entries(Ensemble::TruncatedNormalUnit, 64, 50);
    let (v, se) = variance_and_se(&z);
    assert!((v - 1.0).abs() <= 5.0 * se, "variance {v} +- {se}");
    let cut = 2.0 / TRUNCATED_NORMAL_SD;
    let max = z.iter().fold(0.0f64, |a, x| a.max(x.abs()));
    // 204,800 draws: about 47 are expected within 0.1% of the cut, none beyond it.
    assert!(
        max <= cut && max > 0.999 * cut,
        "largest |entry| {max}, cut {cut}"
    );
    // Negative control: the un-normalised truncation has variance 0.8796^2, many standard
    // errors away from 1.
    let (v, se) = variance_and_se(&scaled_entries(Ensemble::TruncatedNormal, 64, 50));
    assert!(
        (v - 1.0).abs() > 5.0 * se,
        "truncated-normal variance {v} +- {se}"
    );
    assert!((v - TRUNCATED_NORMAL_SD.powi(2)).abs() <= 5.0 * se);
}

/// Share of `trials` matrices of `ensemble` at width 64 with `rho > 1`.
fn share_above_1(ensemble: Ensemble, trials: u64) -> usize {
    let cell = Cell {
        ensemble,
        scale: Scale::Glorot,
        factor: 1.0,
        n: 64,
        method: Method::Dense,
        precision: Precision::F64,
    };
    let rho = common::sorted_radii(&cell, 3, 0..trials);
    rho.iter().filter(|&&r| r > 1.0).count()
}

/// Edge universality: at n = 64 the real-Ginibre exact `P(rho > 1)` lies in the 99.9% Wilson
/// interval of 2,000 `truncated-normal-unit` matrices, and not in that of `truncated-normal`
/// (spectrum shrunk by 0.88).
#[test]
fn truncated_normal_unit_has_real_ginibres_p_exceed_at_n_64() {
    let exact = laws::exact(Ensemble::RealGinibre, 64).unwrap().sf(1.0);
    let m = 2000;
    let z = 3.290_526_731_491_926; // two-sided 99.9%
    let (lo, hi) = wilson(
        share_above_1(Ensemble::TruncatedNormalUnit, m),
        m as usize,
        z,
    );
    assert!(lo <= exact && exact <= hi, "{exact} outside ({lo}, {hi})");
    let (lo, hi) = wilson(share_above_1(Ensemble::TruncatedNormal, m), m as usize, z);
    assert!(!(lo <= exact && exact <= hi), "{exact} inside ({lo}, {hi})");
}
