//! Single precision: the same law as double precision (radii of the same matrices agree within
//! a stated bound, and f32 samples pass KS against the exact law), honest counting at the unit
//! circle in both precisions, and the reproducibility contract in f32.

mod common;
use common::{assert_same_files, column, mc_gumbel, sorted_radii, stderr, with_out};
use mc_gumbel::math::kostlan::KostlanLaw;
use mc_gumbel::math::radius_law::RadiusLaw;
use mc_gumbel::math::stats::{ks_critical, ks_distance};
use mc_gumbel::model::Precision;
use mc_gumbel::model::{Cell, Method};
use mc_gumbel::model::{Ensemble, Scale};
use mc_gumbel::sampling::draw::{fill, Entry};
use mc_gumbel::sampling::rng::StreamKey;
use mc_gumbel::sampling::spectrum::{DenseWorkspace, Eigen};

/// KS level: a correct implementation fails with probability 0.1%; the seeds are fixed.
const ALPHA: f64 = 1e-3;

/// The spectral radius of `W` in double precision and of `W` rounded to single precision.
fn radii_of_rounded<D: Eigen, S: Eigen>(
    ensemble: Ensemble,
    n: usize,
    count: u64,
    round: impl Fn(D) -> S,
) -> Vec<(f64, f64)> {
    let key = StreamKey::new(3, ensemble.name(), "rounded", n);
    let mut wd = DenseWorkspace::<D>::new(n);
    let mut ws = DenseWorkspace::<S>::new(n);
    (0..count)
        .map(|t| {
            fill(ensemble, 1.0, wd.matrix.as_mut(), &mut key.trial_rng(t));
            for j in 0..n {
                for i in 0..n {
                    ws.matrix[(i, j)] = round(wd.matrix[(i, j)]);
                }
            }
            let max = |m: &[f64]| m.iter().copied().fold(0.0, f64::max);
            let d = max(wd.compute_moduli().unwrap());
            let s = max(ws.compute_moduli().unwrap());
            (d, s)
        })
        .collect()
}

/// Rounding `W` to single precision is a perturbation `E` with `|E_ij| <= u |W_ij|`, so
/// `||E||_2 <= u ||W||_F ~ u sqrt(n)`; the single-precision QR adds a backward error of the same
/// order, and the edge eigenvalues of Ginibre are well conditioned (condition numbers of a few
/// units at these widths, docs/math/precision.md). The bound `32 sqrt(n) u` covers both with a
/// margin; the largest difference observed is about `3 sqrt(n) u`.
#[test]
fn single_and_double_radii_of_the_same_matrices_agree() {
    let u = Precision::F32.unit_roundoff();
    for &(n, count) in &[(64usize, 40u64), (256, 8)] {
        let bound = 32.0 * (n as f64).sqrt() * u;
        let real = radii_of_rounded::<f64, f32>(Ensemble::RealGinibre, n, count, |x| x as f32);
        let complex =
            radii_of_rounded::<faer::c64, faer::c32>(Ensemble::ComplexGinibre, n, count, |x| {
                faer::c32::new(x.re as f32, x.im as f32)
            });
        for (d, s) in real.into_iter().chain(complex) {
            assert!(
                (d - s).abs() <= bound,
                "n={n}: f64 {d} vs f32 {s}, bound {bound:e}"
            );
        }
    }
    // The bound is not vacuous: it is far below the Gumbel scale of the radius (0.014 at 1024).
    assert!(32.0 * 1024f64.sqrt() * u < 0.01 * 0.014);
}

fn radii_f32(n: usize, trials: u64, method: Method) -> Vec<f64> {
    let cell = Cell {
        ensemble: Ensemble::ComplexGinibre,
        scale: Scale::Glorot,
        factor: 1.0,
        n,
        method,
        precision: Precision::F32,
    };
    sorted_radii(&cell, 17, 0..trials)
}

/// f32 complex Ginibre radii follow Kostlan's exact law; the negative control shifts the law by
/// 0.1 of its Gumbel scale (the sd of the exact law times sqrt 6 / pi) and must be rejected, so
/// the sample is large enough to see such a shift.
#[test]
fn single_precision_samples_follow_the_exact_law() {
    for &(n, trials, method) in &[
        (64usize, 8000u64, Method::Dense),
        (256, 6000, Method::Hessenberg),
    ] {
        let rho = radii_f32(n, trials, method);
        let law = KostlanLaw::new(n);
        let crit = ks_critical(ALPHA, rho.len() as f64);
        let d = ks_distance(&rho, |x| law.cdf(x));
        assert!(d < crit, "n={n}: KS {d} >= {crit}");
        let scale = law.mean_sd().1 * 6f64.sqrt() / std::f64::consts::PI;
        let shifted = ks_distance(&rho, |x| law.cdf(x - 0.1 * scale));
        assert!(
            shifted > crit,
            "n={n}: a 0.1-scale shift is not seen ({shifted} <= {crit})"
        );
    }
}

/// The tolerance at the unit circle holds where rounding is heaviest, with room: at n = 4 in
/// double precision, whose deviations per sqrt(n) u are the largest measured, the largest over
/// 10^5 Haar matrices stays below three quarters of the constant. (The measured tail,
/// docs/math/precision.md, puts a deviation of 24 at about 1e-9 per matrix: this fails by
/// chance with probability about 1e-4.)
#[test]
fn orthogonal_deviations_stay_well_inside_the_tolerance() {
    use mc_gumbel::model::precision::OUTSIDE_TOLERANCE_FACTOR;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("o");
    let base = [
        "--widths",
        "4",
        "--trials",
        "100000",
        "--ensemble",
        "orthogonal",
    ];
    let o = mc_gumbel(&with_out(&base, &out, &[]));
    assert!(o.status.success(), "{}", stderr(&o));
    let u = Precision::F64.unit_roundoff();
    let k = column(&out.join("radius_trials.csv"), "rho")
        .iter()
        .map(|r| (r.parse::<f64>().unwrap() - 1.0).abs() / (2.0 * u))
        .fold(0.0, f64::max);
    assert!(
        k < 0.75 * OUTSIDE_TOLERANCE_FACTOR,
        "max deviation {k} sqrt(n) u"
    );
    assert!(k > 1.0, "no deviation at all: the test measures nothing");
}

/// Haar orthogonal matrices have every eigenvalue on the unit circle: in both precisions no
/// eigenvalue counts as outside, `P(rho > 1) = 0`, and there is no Gumbel law to fit.
#[test]
fn orthogonal_is_never_outside_in_either_precision() {
    let dir = tempfile::tempdir().unwrap();
    for p in ["f64", "f32"] {
        let out = dir.path().join(p);
        let base = [
            "--widths",
            "16,64",
            "--trials",
            "100",
            "--ensemble",
            "orthogonal",
            "--precision",
            p,
        ];
        let o = mc_gumbel(&with_out(&base, &out, &[]));
        assert!(o.status.success(), "{}", stderr(&o));
        let trials = out.join("radius_trials.csv");
        assert!(column(&trials, "n_outside").iter().all(|c| c == "0"));
        assert!(column(&trials, "precision").iter().all(|c| c == p));
        let summary = out.join("radius_summary.csv");
        assert!(column(&summary, "p_exceed_1").iter().all(|c| c == "0.0"));
        assert!(column(&summary, "fit_scale").iter().all(String::is_empty));
        let density = dir.path().join(format!("d{p}"));
        let mut args = vec!["density"];
        args.extend(with_out(&base, &density, &[]));
        let o = mc_gumbel(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        let s = density.join("density_summary.csv");
        assert!(column(&s, "mass_outside_unit_circle")
            .iter()
            .all(|c| c == "0.0"));
    }
}

/// Same seed, same bytes in f32 too: 1 thread, 2 threads, and 2 shards merged.
#[test]
fn single_precision_is_reproducible_across_threads_and_shards() {
    let dir = tempfile::tempdir().unwrap();
    let base = [
        "--widths",
        "12,40",
        "--trials",
        "60",
        "--ensemble",
        "complex-ginibre,real-ginibre",
        "--scale",
        "glorot,exact:0.1",
        "--precision",
        "f32",
    ];
    let files = [
        "radius_trials.csv",
        "radius_summary.csv",
        "convergence.csv",
        "rescaling.csv",
    ];
    let d = |s: &str| dir.path().join(s);
    for (name, extra) in [
        ("t1", vec!["--threads", "1"]),
        ("t2", vec!["--threads", "2"]),
    ] {
        let o = mc_gumbel(&with_out(&base, &d(name), &extra));
        assert!(o.status.success(), "{}", stderr(&o));
    }
    assert_same_files(&files, &d("t1"), &d("t2"));
    for i in 0..2 {
        let shard = format!("{i}/2");
        let o = mc_gumbel(&with_out(&base, &d(&format!("s{i}")), &["--shard", &shard]));
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let (s0, s1, m) = (d("s0"), d("s1"), d("m"));
    let o = mc_gumbel(&[
        "merge",
        s0.to_str().unwrap(),
        s1.to_str().unwrap(),
        "--quiet",
        "--out",
        m.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_same_files(&files, &d("t1"), &m);
    // A different precision draws other numbers from the same seed.
    let f64_out = d("f64");
    let o = mc_gumbel(&with_out(&base[..8], &f64_out, &["--precision", "f64"]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_ne!(
        column(&f64_out.join("radius_trials.csv"), "rho"),
        column(&d("t1").join("radius_trials.csv"), "rho")
    );
}

/// No probability is ever written as `-0.0` (`-expm1(0)` is negative zero).
#[test]
fn no_negative_zero_probabilities() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r");
    let o = mc_gumbel(&with_out(
        &["--widths", "200", "--trials", "20", "--scale", "0.5,glorot"],
        &out,
        &[],
    ));
    assert!(o.status.success(), "{}", stderr(&o));
    for f in ["radius_summary.csv", "rescaling.csv", "convergence.csv"] {
        let text = std::fs::read_to_string(out.join(f)).unwrap();
        assert!(
            !text.contains("-0.0,") && !text.contains("-0.0\n"),
            "{f}: {text}"
        );
    }
    assert_eq!(<f64 as Entry>::from_real(0.0).to_bits(), 0.0f64.to_bits());
}
