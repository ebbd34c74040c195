//! The eigenvalue-modulus histogram against Kostlan's exact law. Tolerances come from the
//! sample size and a stated test level; seeds are fixed and not tuned.

use mc_gumbel::jobs::density::{cell_rows, default_r_max, sample_cell};
use mc_gumbel::model::Precision;
use mc_gumbel::model::{Cell, Method};
use mc_gumbel::model::{Ensemble, Scale};
use statrs::distribution::{ChiSquared, ContinuousCDF};
use std::path::Path;
use std::process::Command;

fn cell(ensemble: Ensemble, scale: Scale, n: usize) -> Cell {
    Cell {
        ensemble,
        scale,
        factor: scale.factor(ensemble, n).unwrap(),
        n,
        method: Method::Dense,
        precision: Precision::F64,
    }
}

#[test]
fn histogram_integrates_to_one() {
    for ensemble in [
        Ensemble::ComplexGinibre,
        Ensemble::RealGinibre,
        Ensemble::TruncatedNormal,
        Ensemble::Orthogonal,
        Ensemble::DiagUniform {
            r_min: 0.5,
            r_max: 1.3,
        },
    ] {
        let c = cell(ensemble, Scale::Half, 24);
        let (bins, r_max) = (50, default_r_max(&c));
        let hists = sample_cell(&c, 5, 0..20, bins, r_max, &|| {}).unwrap();
        let (rows, summary) = cell_rows(&c, &hists, bins, r_max);
        assert_eq!(summary.mass_beyond_r_max, 0.0, "{}", ensemble.name());
        let total: f64 = rows.iter().map(|r| r.density * (r.r_hi - r.r_lo)).sum();
        assert!((total - 1.0).abs() < 1e-12, "{}: {total}", ensemble.name());
        let circ: f64 = rows
            .iter()
            .map(|r| r.circular_law_density * (r.r_hi - r.r_lo))
            .sum();
        assert!(
            (circ - 1.0).abs() < 1e-12,
            "{}: circular law {circ}",
            ensemble.name()
        );
    }
}

/// Pearson chi-square of the pooled complex-Ginibre histogram against the exact bin
/// probabilities, at level 1e-3 (bins with expected count below 5 are merged into neighbours).
/// The pooled moduli are not independent, but Ginibre is determinantal: the variance of any bin
/// count is at most its mean (the Poisson value), so the statistic's mean is at most the number
/// of bins, and the iid reference law is the right yardstick.
#[test]
fn complex_ginibre_histogram_matches_exact_density() {
    let c = cell(Ensemble::ComplexGinibre, Scale::Value(0.9), 32);
    let (trials, bins) = (400, 60);
    let r_max = default_r_max(&c);
    let hists = sample_cell(&c, 9, 0..trials, bins, r_max, &|| {}).unwrap();
    let (rows, summary) = cell_rows(&c, &hists, bins, r_max);
    let total = (trials as usize * c.n) as f64;
    let exact_mass: f64 = rows
        .iter()
        .map(|r| r.exact_density.unwrap() * (r.r_hi - r.r_lo))
        .sum();
    assert!(
        (exact_mass - 1.0).abs() < 1e-9,
        "exact bins hold {exact_mass}"
    );

    let (mut chi2, mut cells) = (0.0, 0usize);
    let (mut obs, mut exp) = (0.0, 0.0);
    for r in &rows {
        let w = r.r_hi - r.r_lo;
        obs += r.density * w * total;
        exp += r.exact_density.unwrap() * w * total;
        if exp >= 5.0 {
            chi2 += (obs - exp) * (obs - exp) / exp;
            cells += 1;
            (obs, exp) = (0.0, 0.0);
        }
    }
    // What is left (the empty tail) joins the last cell's count in spirit: it is below 5.
    assert!(exp < 5.0);
    let critical = ChiSquared::new((cells - 1) as f64)
        .unwrap()
        .inverse_cdf(1.0 - 1e-3);
    eprintln!("chi2 = {chi2:.1} over {cells} cells (critical {critical:.1})");
    assert!(
        chi2 < critical,
        "chi2 = {chi2} over {cells} cells, critical {critical}"
    );

    // The share outside the unit circle against its exact value, within 4 standard errors
    // of the per-trial fractions (computed here, the CSV interval is a union of two).
    let exact = summary.exact_mass_outside.unwrap();
    let fractions: Vec<f64> = hists
        .iter()
        .map(|h| h.outside_unit as f64 / c.n as f64)
        .collect();
    let (_, sd) = mc_gumbel::math::stats::mean_sd(&fractions);
    let se = sd / (trials as f64).sqrt();
    assert!(summary.mass_outside_lo <= summary.mass_outside_unit_circle);
    assert!(summary.mass_outside_hi >= summary.mass_outside_unit_circle);
    eprintln!(
        "outside: {} vs exact {exact}",
        summary.mass_outside_unit_circle
    );
    assert!(
        (summary.mass_outside_unit_circle - exact).abs() <= 4.0 * se,
        "outside: {} vs exact {exact} (se {se})",
        summary.mass_outside_unit_circle
    );
}

fn mc_gumbel(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mc-gumbel"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn writes_both_tables_and_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("d");
    let o = mc_gumbel(&[
        "density",
        "--widths",
        "16",
        "--trials",
        "10",
        "--bins",
        "20",
        "--ensemble",
        "complex-ginibre,orthogonal",
        "--quiet",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let read = |f: &str| std::fs::read_to_string(out.join(f)).unwrap();
    let columns = mc_gumbel::jobs::csv_columns();
    let header = |f: &str| columns.iter().find(|c| c.0 == f).unwrap().1.join(",");
    let d = read("density.csv");
    assert_eq!(d.lines().next().unwrap(), header("density.csv"));
    assert_eq!(d.lines().count(), 1 + 2 * 20);
    let s = read("density_summary.csv");
    assert_eq!(s.lines().next().unwrap(), header("density_summary.csv"));
    // Orthogonal has no exact law here: the field is empty.
    assert!(s.lines().nth(2).unwrap().contains(",,"));
    assert!(read("manifest.json").contains("\"complete\": true"));
}

#[test]
fn bad_input_exits_2_naming_the_flag_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("never");
    let out_s = out.to_str().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["--bins", "0"], "--bins"),
        (&["--r-max", "0"], "--r-max"),
        (&["--trials", "0"], "--trials"),
        (&["--threads", "0"], "--threads"),
        (&["--scale", "paper", "--widths", "100"], "--scale"),
        (&["--ensemble", "diag-uniform", "--ring", "1,0.5"], "--ring"),
    ];
    for (args, flag) in cases {
        let mut all = vec!["density", "--out", out_s, "--quiet"];
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
