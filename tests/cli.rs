//! The binary as a user meets it: reproducible bytes, and every bad input refused with exit
//! code 2, the flag named, and nothing written.

mod common;
use common::{assert_same_files, column, mc_gumbel, read_csv, stderr};
use mc_gumbel::jobs::csv_columns;
use std::path::Path;

/// Every CSV file of the radius job.
const DATA_FILES: [&str; 4] = [
    "radius_trials.csv",
    "radius_summary.csv",
    "convergence.csv",
    "rescaling.csv",
];

const SMALL: [&str; 6] = [
    "--widths",
    "8,24",
    "--trials",
    "300",
    "--quiet",
    "--ensemble",
];

fn run_small(out: &Path, threads: &str) {
    let out = out.to_str().unwrap();
    let mut args = SMALL.to_vec();
    args.extend([
        "complex-ginibre,real-ginibre",
        "--scale",
        "glorot,exact:0.1",
        "--threads",
        threads,
        "--out",
        out,
    ]);
    let o = mc_gumbel(&args);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn same_seed_same_bytes_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("t1"), dir.path().join("t2"));
    run_small(&a, "1");
    run_small(&b, "2");
    // Every data file whole, no column excluded: timings live in the manifest only.
    assert_same_files(&DATA_FILES, &a, &b);
    // And a different seed gives different draws.
    let c = dir.path().join("t3");
    let o = mc_gumbel(&[
        "--widths",
        "8",
        "--trials",
        "300",
        "--quiet",
        "--seed",
        "2",
        "--out",
        c.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert_ne!(
        column(&c.join("radius_trials.csv"), "rho")[..300],
        column(&a.join("radius_trials.csv"), "rho")[..300]
    );
}

#[test]
fn outputs_have_contracted_columns_and_a_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r");
    run_small(&out, "2");
    let contract = csv_columns();
    for name in DATA_FILES {
        let (h, rows) = read_csv(&out.join(name));
        let (_, want) = contract.iter().find(|(f, _)| *f == name).unwrap();
        assert_eq!(&h, want, "{name}");
        assert!(!rows.is_empty(), "{name} is empty");
    }
    // 2 ensembles x 2 scales x 2 widths x 300 trials.
    assert_eq!(read_csv(&out.join("radius_trials.csv")).1.len(), 2400);
    // gamma_n <= 0 below n = 164: theory columns empty; both Gaussian ensembles have their
    // exact law.
    let summary = out.join("radius_summary.csv");
    assert!(column(&summary, "theory_loc").iter().all(String::is_empty));
    assert!(column(&summary, "exact_median")
        .iter()
        .all(|v| !v.is_empty()));
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["complete"], true);
    assert_eq!(manifest["seed"], 1);
    let cells = manifest["cells"].as_array().unwrap();
    assert_eq!(cells.len(), 8);
    assert!(cells.iter().all(|c| c["seconds"].as_f64().unwrap() > 0.0));
    assert!(manifest["command_line"].as_array().unwrap().len() > 3);
    // No temporary files left behind.
    for entry in std::fs::read_dir(&out).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            !name.contains("partial") && !name.starts_with('.'),
            "{name} left behind"
        );
    }
}

/// The exact calibration delivers its promise: for complex Ginibre, `exact:0.1` gives
/// `P(rho > 1) = 0.1`; the Monte Carlo column read off the glorot samples must cover it
/// (95% Wilson interval, so this holds with probability 0.95 per row: the seed is fixed, and the
/// rows checked are the two `exact:0.5` ones, chosen before looking).
#[test]
fn rescaling_reads_monte_carlo_off_glorot_samples() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r");
    run_small(&out, "2");
    let path = out.join("rescaling.csv");
    let (h, rows) = read_csv(&path);
    let idx = |name: &str| h.iter().position(|x| x == name).unwrap();
    for r in rows
        .iter()
        .filter(|r| r[idx("ensemble")] == "complex-ginibre" && r[idx("factor_name")] == "exact:0.5")
    {
        let exact: f64 = r[idx("exact_p_exceed_1")].parse().unwrap();
        assert!((exact - 0.5).abs() < 1e-9);
        let lo: f64 = r[idx("mc_p_exceed_1_lo")].parse().unwrap();
        let hi: f64 = r[idx("mc_p_exceed_1_hi")].parse().unwrap();
        assert!(lo <= 0.5 && 0.5 <= hi, "{r:?}");
    }
    // paper is undefined below n = 164: said so, no number invented.
    for r in rows.iter().filter(|r| r[idx("factor_name")] == "paper") {
        assert_eq!(r[idx("defined")], "false");
        assert_eq!(r[idx("factor")], "");
    }
}

fn assert_refused(args: &[&str], flag: &str) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("never");
    let mut all = args.to_vec();
    all.extend(["--out", out.to_str().unwrap()]);
    let o = mc_gumbel(&all);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
    let first = err.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("error:") && first.contains(flag),
        "{args:?}: the first line does not name {flag}: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(!out.exists(), "{args:?} wrote {}", out.display());
}

#[test]
fn bad_input_is_refused_with_exit_code_2_and_nothing_written() {
    let cases: &[(&[&str], &str)] = &[
        (&["--widths", ""], "--widths"),
        (&["--widths", "64,,256"], "--widths"),
        (&["--widths", "abc"], "--widths"),
        (&["--widths", "1"], "--widths"),
        (&["--widths", "16..8:x2"], "--widths"),
        (&["--trials", "0"], "--trials"),
        (&["--trials", "many"], "--trials"),
        (&["--ensemble", "gaussian"], "--ensemble"),
        (&["--scale", "double"], "--scale"),
        (&["--scale", "exact:1.5"], "--scale"),
        (&["--scale", "exact:0"], "--scale"),
        (&["--scale", "-0.5"], "--scale"),
        (&["--scale", "paper", "--widths", "64"], "--scale"),
        (&["--targets", "0.5,2"], "--targets"),
        (&["--threads", "0"], "--threads"),
        (&["--method", "magic"], "--method"),
        (
            &["--method", "kostlan", "--ensemble", "real-ginibre"],
            "--method",
        ),
        (&["--widths", "2000000"], "--widths"),
        (&["--bogus-flag"], "--bogus-flag"),
        (&["--precision", "f16"], "--precision"),
        (
            &["--method", "kostlan", "--precision", "f32"],
            "--precision",
        ),
        (
            &["--ensemble", "glorot-uniform", "--scale", "exact:0.1"],
            "--scale",
        ),
        (
            &["--ensemble", "orthogonal", "--scale", "exact:0.5"],
            "--scale",
        ),
        (
            &["theory", "--widths", "64", "--cdf-points", "10000000"],
            "--cdf-points",
        ),
    ];
    for (args, flag) in cases {
        assert_refused(args, flag);
    }
}

#[test]
fn existing_results_are_kept_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r");
    let o = mc_gumbel(&[
        "--widths",
        "4",
        "--trials",
        "5",
        "--quiet",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let before = std::fs::read(out.join("radius_trials.csv")).unwrap();
    let o = mc_gumbel(&[
        "--widths",
        "4",
        "--trials",
        "7",
        "--quiet",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(out.join("radius_trials.csv")).unwrap(),
        before
    );
    let o = mc_gumbel(&[
        "--widths",
        "4",
        "--trials",
        "7",
        "--quiet",
        "--force",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert_eq!(read_csv(&out.join("radius_trials.csv")).1.len(), 7);
}

#[test]
fn unwritable_output_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"x").unwrap();
    // A folder below a regular file can never be created, even by root.
    let out = file.join("sub");
    let o = mc_gumbel(&[
        "--widths",
        "4",
        "--trials",
        "5",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--out"));
}

#[test]
fn help_shows_examples() {
    let o = mc_gumbel(&["--help"]);
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("Examples:") && text.contains("--widths 64,256,1024 --trials 10000"));
}
