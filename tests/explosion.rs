//! Explosion times against a case with a known answer: a diagonal `W = diag(rho, 1, ..., 1)` has
//! one mode growing like `rho^t` and `n - 1` modes that add exactly `1` per step, so the mean of
//! `||h_t||^2 / n` given `W` is `(n-1) t / n + (rho^(2t) - 1) / (n (rho^2 - 1))`, and with a large
//! batch the explosion time is the deterministic crossing of that mean with `F t`, up to a step.

use faer::{c64, Mat};
use mc_gumbel::jobs::explosion::explosion_row;
use mc_gumbel::math::explosion::implied_time;
use mc_gumbel::model::Precision;
use mc_gumbel::model::{Cell, Method, Recurrence, Recurrences};
use mc_gumbel::model::{Ensemble, Scale};
use mc_gumbel::sampling::rng::StreamKey;
use mc_gumbel::sampling::rnn::{record_times, Propagator, Schedule};
use mc_gumbel::sampling::trials::for_each_trial;

#[test]
fn diagonal_matrix_explodes_when_its_mean_crosses_the_threshold() {
    let (n, rho, f, batch, trials) = (16usize, 1.05f64, 10.0, 512usize, 12u64);
    let w = Mat::<c64>::from_fn(n, n, |i, j| match (i, j) {
        (0, 0) => c64::new(rho, 0.0),
        (i, j) if i == j => c64::new(1.0, 0.0),
        _ => c64::new(0.0, 0.0),
    });
    let steps = 400;
    let sched = Schedule {
        times: record_times(steps, 10),
        explode_factor: f,
    };
    let key = StreamKey::new(21, "diagonal", "test", n);
    let runs = for_each_trial(
        || Propagator::<c64>::new(n, batch, &Recurrences::dense()),
        key,
        0..trials,
        &|| {},
        |p, rng, _| {
            Ok(p.propagate(w.as_ref(), std::iter::empty(), &sched, rng)
                .remove(0))
        },
    )
    .unwrap();
    // The crossing of (1/n)(rho^(2t)-1)/(rho^2-1) with (F - 1 + 1/n) t, the bulk's (n-1)t/n
    // moved to the right side.
    let t_star = implied_time(rho, 1.0 / n as f64, f - 1.0 + 1.0 / n as f64).unwrap();
    let times: Vec<Option<usize>> = runs.iter().map(|r| r.explode_time).collect();
    for t in &times {
        let t = t.expect("the diagonal matrix explodes") as f64;
        // 512 sequences average the dominant mode's Exp(1) factor to within a few percent: a
        // shift of ln(1 +- 0.15) / (2 ln rho), under 2 steps, plus the rounding up to a step.
        assert!(
            (t - t_star).abs() <= 3.0,
            "explosion at {t}, predicted {t_star}"
        );
    }
    // The summary of these times: nothing censored, the median within the same band.
    let cell = Cell {
        ensemble: Ensemble::DiagUniform {
            r_min: 0.0,
            r_max: 1.0,
        },
        scale: Scale::Glorot,
        factor: 1.0,
        n,
        method: Method::Dense,
        precision: Precision::F64,
    };
    let row = explosion_row(&cell, Recurrence::Dense, &times, steps, f);
    assert_eq!(row.never_exploded, 0.0);
    assert!((row.median.unwrap() - t_star).abs() <= 3.0);
    // A matrix inside the unit circle never explodes: every run is censored.
    let calm = Mat::<c64>::from_fn(n, n, |i, j| {
        if i == j {
            c64::new(0.9, 0.0)
        } else {
            c64::new(0.0, 0.0)
        }
    });
    let runs = for_each_trial(
        || Propagator::<c64>::new(n, 8, &Recurrences::dense()),
        key,
        0..4,
        &|| {},
        |p, rng, _| {
            Ok(p.propagate(calm.as_ref(), std::iter::empty(), &sched, rng)
                .remove(0))
        },
    )
    .unwrap();
    let times: Vec<Option<usize>> = runs.iter().map(|r| r.explode_time).collect();
    let row = explosion_row(&cell, Recurrence::Dense, &times, steps, f);
    assert_eq!((row.never_exploded, row.median), (1.0, None));
}
