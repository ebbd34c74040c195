//! The linear RNN against exact laws of its mean squared norm. Every tolerance is a stated number
//! of standard errors (from the sample, or exact where the law gives it) plus, where the law is
//! only asymptotic, a stated allowance; seeds are fixed and not tuned.

use faer::{c64, Mat};
use mc_gumbel::jobs::hidden::norm_stats;
use mc_gumbel::math::stats::Z95;
use mc_gumbel::model::Precision;
use mc_gumbel::model::{Cell, Ensemble, Method, Recurrences, Scale};
use mc_gumbel::sampling::draw::{self, Entry};
use mc_gumbel::sampling::rng::StreamKey;
use mc_gumbel::sampling::rnn::{self, Propagator, Schedule, Trajectory};
use mc_gumbel::sampling::trials::for_each_trial;
use std::path::Path;
use std::process::Command;

fn schedule(steps: usize) -> Schedule {
    Schedule {
        times: rnn::record_times(steps, 20),
        explode_factor: 10.0,
    }
}

/// Orthogonal `W` preserves norms, so `||h_t||^2 = ||sum_k W^k x_{t-k}||^2` has mean exactly
/// `t n` at every `t` (and `||h_t||^2/n ~ t chi2_n/n` whatever `W` is).
#[test]
fn orthogonal_mean_is_t_at_every_step() {
    let cell = Cell {
        ensemble: Ensemble::Orthogonal,
        scale: Scale::Glorot,
        factor: 1.0,
        n: 32,
        method: Method::Dense,
        precision: Precision::F64,
    };
    let (trials, batch) = (128, 8);
    let sched = schedule(300);
    let runs: Vec<Trajectory> = rnn::sample_trajectories(
        &cell,
        7,
        0..trials,
        batch,
        &Recurrences::dense(),
        &sched,
        &|| {},
    )
    .unwrap()
    .into_iter()
    .map(|mut tr| {
        assert!((tr.rho - 1.0).abs() < 1e-10, "orthogonal rho = {}", tr.rho);
        tr.runs.remove(0)
    })
    .collect();
    for (s, &t) in norm_stats(&runs, &sched.times, batch)
        .iter()
        .zip(&sched.times)
    {
        // The interval half-width is Z95 standard errors of the per-trial batch means.
        let se = (s.mean_hi.unwrap() - s.mean) / Z95;
        assert!(
            (s.mean - t as f64).abs() <= 4.0 * se,
            "t={t}: mean {} vs {t} (se {se})",
            s.mean
        );
        assert_eq!(s.frac_exploded, 0.0);
    }
}

/// Runs `trials x batch` sequences through the fixed matrix `w`.
fn runs_through<T: Entry>(
    w: &Mat<T>,
    trials: u64,
    batch: usize,
    sched: &Schedule,
) -> Vec<Trajectory> {
    let key = StreamKey::new(3, "fixed-diagonal", "test", w.nrows());
    for_each_trial(
        || Propagator::<T>::new(w.nrows(), batch, &Recurrences::dense()),
        key,
        0..trials,
        &|| {},
        |p, rng, _| {
            Ok(p.propagate(w.as_ref(), std::iter::empty(), sched, rng)
                .remove(0))
        },
    )
    .unwrap()
}

/// Diagonal `W = diag(lambda)`: coordinate `i` of `h_t` is Gaussian with variance
/// `s_i(t) = sum_{k<t} |lambda_i|^(2k)`, so `E ||h_t||^2/n = (1/n) sum_i s_i(t)` exactly, with
/// variance per sequence `v (1/n^2) sum_i s_i^2` (`v = 2` real, `1` complex). Sequences are
/// independent (one fixed `W`), so the standard error is exact.
fn check_diagonal<T: Entry>(lambda: &[T], moduli: &[f64], v: f64) {
    let n = lambda.len();
    let mut w = Mat::<T>::zeros(n, n);
    for (i, &l) in lambda.iter().enumerate() {
        w[(i, i)] = l;
    }
    let (trials, batch) = (64, 8);
    let sched = schedule(300);
    let runs = runs_through(&w, trials, batch, &sched);
    let count = (trials as usize * batch) as f64;
    for (s, &t) in norm_stats(&runs, &sched.times, batch)
        .iter()
        .zip(&sched.times)
    {
        let si: Vec<f64> = moduli
            .iter()
            .map(|&m| (0..t).map(|k| m.powi(2 * k as i32)).sum())
            .collect();
        let expect = si.iter().sum::<f64>() / n as f64;
        let var = v * si.iter().map(|s| s * s).sum::<f64>() / (n * n) as f64;
        let se = (var / count).sqrt();
        assert!(
            (s.mean - expect).abs() <= 4.0 * se,
            "t={t}: mean {} vs exact {expect} (se {se})",
            s.mean
        );
    }
}

#[test]
fn diagonal_mean_matches_exact_sum_real() {
    // Moduli spread over [0, 1.005]: contracting, neutral and slightly expanding directions.
    let n = 40;
    let lambda: Vec<f64> = (0..n)
        .map(|i| {
            let m = 1.005 * i as f64 / (n - 1) as f64;
            if i % 2 == 0 {
                m
            } else {
                -m
            }
        })
        .collect();
    let moduli: Vec<f64> = lambda.iter().map(|l| l.abs()).collect();
    check_diagonal(&lambda, &moduli, 2.0);
}

#[test]
fn diagonal_mean_matches_exact_sum_complex() {
    let n = 40;
    let moduli: Vec<f64> = (0..n)
        .map(|i| 0.3 + 0.7 * i as f64 / (n - 1) as f64)
        .collect();
    let lambda: Vec<c64> = moduli
        .iter()
        .enumerate()
        .map(|(i, &m)| <c64 as Entry>::from_polar(m, 0.37 * i as f64).unwrap())
        .collect();
    check_diagonal(&lambda, &moduli, 1.0);
}

/// Complex Ginibre at n = 1024: `E ||h_t||^2/n = sum_{k<t} (1/n) E ||W^k||_F^2`, which is `t` at
/// infinite width. By Wick, `(1/n) E ||W||_F^2 = 1` and `(1/n) E ||W^2||_F^2 = 1 + 1/n^2`
/// exactly; the stated allowance for the finite-width correction is `t^2/n` (far above the true
/// `O(t/n^2)` for complex Ginibre, far below the sampling error's 4 standard errors at t = 4).
/// Per-trial batch means carry W's own fluctuation, so the standard error is from their sd.
#[test]
fn complex_ginibre_mean_is_t_at_large_width() {
    let n = 1024;
    let (trials, batch) = (24u64, 4);
    let sched = Schedule {
        times: vec![1, 2, 3, 4],
        explode_factor: 10.0,
    };
    let key = StreamKey::new(11, "complex-ginibre", "glorot", n);
    let runs = for_each_trial(
        || {
            (
                Mat::<c64>::zeros(n, n),
                Propagator::<c64>::new(n, batch, &Recurrences::dense()),
            )
        },
        key,
        0..trials,
        &|| {},
        |(w, p), rng, _| {
            draw::fill(Ensemble::ComplexGinibre, 1.0, w.as_mut(), rng);
            Ok(p.propagate(w.as_ref(), std::iter::empty(), &sched, rng)
                .remove(0))
        },
    )
    .unwrap();
    for (s, &t) in norm_stats(&runs, &sched.times, batch)
        .iter()
        .zip(&sched.times)
    {
        let t = t as f64;
        let se = (s.mean_hi.unwrap() - s.mean) / Z95;
        let allowance = t * t / n as f64;
        assert!(
            (s.mean - t).abs() <= 4.0 * se + allowance,
            "t={t}: mean {} (se {se}, allowance {allowance})",
            s.mean
        );
    }
}

/// A run past `1e300` is data: recorded as `+inf`, exploded, never a crash or a NaN.
#[test]
fn overflow_is_recorded_as_inf() {
    let n = 8;
    let w = Mat::<f64>::from_fn(n, n, |i, j| if i == j { 1e30 } else { 0.0 });
    let sched = schedule(120);
    let runs = runs_through(&w, 4, 3, &sched);
    let stats = norm_stats(&runs, &sched.times, 3);
    for r in &runs {
        // h_1 = x_1 is ordinary; h_2 = 1e30 h_1 + x_2 is past 10 x 2.
        assert_eq!(r.explode_time, Some(2));
        assert_eq!(r.first_pass, vec![Some(2); 3]);
        assert!(r.norms[sched.times.len() * 3 - 1].is_infinite());
    }
    let last = stats.last().unwrap();
    assert!(last.mean.is_infinite() && last.median.is_infinite());
    assert_eq!(last.frac_exploded, 1.0);
    assert!(stats.iter().all(|s| !s.median.is_nan() && !s.q10.is_nan()));
}

fn mc_gumbel(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mc-gumbel"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn bad_input_exits_2_naming_the_flag_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("never");
    let out_s = out.to_str().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["--steps", "0"], "--steps"),
        (&["--batch", "0"], "--batch"),
        (&["--trials", "0"], "--trials"),
        (&["--explode-factor", "0"], "--explode-factor"),
        (
            &["--ensemble", "diag-uniform", "--ring", "0.9,0.5"],
            "--ring",
        ),
        (
            &["--ensemble", "diag-uniform", "--ring", "-0.1,1"],
            "--ring",
        ),
        (&["--ensemble", "diag-uniform", "--ring", "0.5"], "--ring"),
        (&["--ring", "0,1"], "--ring"),
        (&["--scale", "paper", "--widths", "64"], "--scale"),
        (&["--ensemble", "circular"], "--ensemble"),
        (&["--widths", "1"], "--widths"),
    ];
    for (args, flag) in cases {
        let mut all = vec!["hidden", "--out", out_s, "--quiet"];
        all.extend_from_slice(args);
        let o = mc_gumbel(&all);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(flag), "{args:?}: {stderr}");
        assert!(
            !Path::new(&out).exists(),
            "{args:?} created the output folder"
        );
    }
}

/// Same seed, same bytes, whatever the thread count.
#[test]
fn output_is_independent_of_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let run = |threads: &str| {
        let out = dir.path().join(threads);
        let o = mc_gumbel(&[
            "hidden",
            "--widths",
            "12,20",
            "--trials",
            "6",
            "--steps",
            "150",
            "--points",
            "5",
            "--batch",
            "3",
            "--ensemble",
            "real-ginibre,diag-uniform",
            "--ring",
            "0.5,1.1",
            "--recurrence",
            "dense,diagonal",
            "--threads",
            threads,
            "--quiet",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let read = |f: &str| std::fs::read(out.join(f)).unwrap();
        (
            read("hidden_norms.csv"),
            read("hidden_trials.csv"),
            read("explosion.csv"),
            read("nonnormality.csv"),
        )
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    let norms = String::from_utf8(one.0).unwrap();
    let columns = mc_gumbel::jobs::csv_columns();
    let header = columns
        .iter()
        .find(|c| c.0 == "hidden_norms.csv")
        .unwrap()
        .1
        .join(",");
    assert_eq!(norms.lines().next().unwrap(), header);
    // 2 ensembles x 2 widths x 2 recurrences x (100 + up to 5 log-spaced + 150) record times.
    assert_eq!(
        norms.lines().count(),
        1 + 8 * rnn::record_times(150, 5).len()
    );
}
