//! Each rule of the domain holds on every path: one test per defect that once slipped through a
//! path that skipped a rule (widths, scales, exact laws, memory, trials, rings), and per check of
//! files read back (`--resume`, `merge`), of the write protocol, and of experiments.

mod common;

use common::{column, mc_gumbel, stderr, with_out};
use mc_gumbel::jobs::radius_tables::{convergence_row, summary_row};
use mc_gumbel::model::{laws, Cell, Ensemble, Method, Precision, Scale};
use mc_gumbel::store::lock::FolderLock;
use std::path::Path;
use std::process::Output;

/// Runs `args` into a fresh folder and checks the refusal: exit code 2, an error naming `flag`,
/// nothing written. Returns the error.
fn refused(args: &[&str], flag: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("o");
    let o = mc_gumbel(&with_out(args, &out, &[]));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.starts_with(&format!("error: {flag}")), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!out.exists(), "{} was written", out.display());
    err
}

#[test]
fn the_real_exact_law_range_holds_for_sampled_cells_and_scales() {
    let cell = |n| Cell {
        ensemble: Ensemble::RealGinibre,
        scale: Scale::Glorot,
        factor: 1.0,
        n,
        method: Method::Dense,
        precision: Precision::F64,
    };
    let radii = [0.99, 1.0, 1.01, 1.02];
    assert!(summary_row(&cell(4096), &radii).exact_mean.is_some());
    let beyond = summary_row(&cell(4100), &radii);
    assert!(beyond.exact_mean.is_none() && beyond.ks_exact.is_none());
    assert!(laws::exact(Ensemble::RealGinibre, 4097).is_err());
    let refused = Scale::Exact(0.1).factor(Ensemble::RealGinibre, 4100);
    assert!(refused.unwrap_err().message.contains("up to n = 4096"));
}

#[test]
fn widths_beyond_the_established_range_are_refused() {
    let err = refused(
        &["--method", "kostlan", "--widths", "18446744073709551615"],
        "--widths",
    );
    assert!(err.contains("n <= 10^9"), "{err}");
}

#[test]
fn scales_outside_the_precision_range_are_refused() {
    for args in [
        &["--widths", "16", "--scale", "1e308"][..],
        &["--widths", "16", "--scale", "1e200"],
        &["--widths", "16", "--scale", "1e39", "--precision", "f32"],
        &["--widths", "16", "--scale", "1e-120"],
    ] {
        refused(args, "--scale");
    }
    let ring = [
        "hidden",
        "--widths",
        "16",
        "--ensemble",
        "diag-uniform",
        "--ring",
        "0,1e308",
    ];
    refused(&ring, "--ring");
}

#[test]
fn exact_factors_deliver_their_probability_or_are_refused() {
    // Below the normal doubles no law's tail is held to full precision.
    let err = refused(&["--widths", "64", "--scale", "exact:1e-310"], "--scale");
    assert!(err.contains("smallest probability a double"), "{}", err);
    // The ring law resolves its tail only to the spacing of doubles near r_max.
    let ring = [
        "hidden",
        "--widths",
        "64",
        "--ensemble",
        "diag-uniform",
        "--scale",
        "exact:1e-30",
    ];
    let err = refused(&ring, "--scale");
    assert!(err.contains("resolves P(rho > 1) only down to"), "{}", err);
    // Where it is accepted, it delivers P to 1e-6 relative.
    for p in [0.5, 1e-3, 1e-10, 1e-300] {
        let law = laws::exact(Ensemble::ComplexGinibre, 64).unwrap();
        let s = Scale::Exact(p)
            .factor(Ensemble::ComplexGinibre, 64)
            .unwrap();
        assert!((law.sf(1.0 / s) / p - 1.0).abs() <= 1e-6, "p = {p}");
    }
}

#[test]
fn memory_guards_name_the_setting_that_asks_for_it() {
    let bins = ["density", "--widths", "16", "--bins", "99999999999"];
    refused(&bins, "--bins");
    let batch = ["hidden", "--widths", "16", "--batch", "99999999999"];
    refused(&batch, "--batch");
    let points = ["hidden", "--widths", "16", "--points", "99999999999"];
    refused(&points, "--points");
    let trials = ["--widths", "16", "--trials", "99999999999999"];
    refused(&trials, "--trials");
}

#[test]
fn one_trial_has_no_spread() {
    let cell = Cell {
        ensemble: Ensemble::ComplexGinibre,
        scale: Scale::Glorot,
        factor: 1.0,
        n: 64,
        method: Method::Dense,
        precision: Precision::F64,
    };
    let one = summary_row(&cell, &[1.05]);
    assert!(one.sd.is_none());
    let c = convergence_row(&one);
    assert!(c.mean_excess_lo.is_none() && c.mean_excess_hi.is_none() && c.above.is_none());
    let two = summary_row(&cell, &[1.05, 1.07]);
    assert!(two.sd.is_some() && convergence_row(&two).above.is_some());
    // The hidden job's interval of the mean norm likewise.
    let dir = tempfile::tempdir().unwrap();
    for (trials, empty) in [("1", true), ("2", false)] {
        let out = dir.path().join(trials);
        let args = [
            "hidden", "--widths", "8", "--steps", "20", "--trials", trials,
        ];
        assert!(mc_gumbel(&with_out(&args, &out, &[])).status.success());
        let lo = column(&out.join("hidden_norms.csv"), "mean_lo");
        assert!(lo.iter().all(|x| x.is_empty() == empty), "{trials}: {lo:?}");
    }
}

#[test]
fn a_histogram_edge_beyond_every_spectrum_is_refused() {
    let args = ["density", "--widths", "16", "--r-max", "1e308"];
    refused(&args, "--r-max");
}

#[test]
fn a_point_mass_ring_says_why_it_has_no_exact_law() {
    let args = [
        "hidden",
        "--widths",
        "16",
        "--ensemble",
        "diag-uniform",
        "--ring",
        "0.5,0.5",
        "--scale",
        "exact:0.1",
    ];
    let err = refused(&args, "--scale");
    assert!(err.contains("point mass"), "{}", err);
    assert!(!err.contains("diag-uniform has none"));
}

/// A finished run of the main job into `out`.
fn small_run(out: &Path, extra: &[&str]) {
    let o = mc_gumbel(&with_out(
        &["--widths", "16,32", "--trials", "20"],
        out,
        extra,
    ));
    assert!(o.status.success(), "{}", stderr(&o));
}

/// Turns the finished run in `dir` back into an interrupted one: the raw file partial again and
/// the manifest incomplete.
fn reopen(dir: &Path) {
    std::fs::rename(
        dir.join("radius_trials.csv"),
        dir.join("radius_trials.csv.partial"),
    )
    .unwrap();
    let path = dir.join("manifest.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("\"complete\": true", "\"complete\": false"),
    )
    .unwrap();
}

/// `file` with the field `col` of data line `line` (1-based after the header) set to `value`.
fn edit_field(file: &Path, line: usize, col: &str, value: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let i = lines[0].split(',').position(|c| c == col).unwrap();
    let mut fields: Vec<String> = lines[line].split(',').map(String::from).collect();
    fields[i] = value.into();
    lines[line] = fields.join(",");
    std::fs::write(file, lines.join("\n") + "\n").unwrap();
}

#[test]
fn resume_refuses_rows_no_sampler_writes() {
    for (col, value, why) in [
        ("rho", "NaN", "not a spectral radius"),
        ("scale_factor", "0.5", "not this plan's"),
        ("n_outside", "999", "eigenvalues outside"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("run");
        small_run(&out, &[]);
        reopen(&out);
        edit_field(&out.join("radius_trials.csv.partial"), 3, col, value);
        let o = mc_gumbel(&with_out(
            &["--widths", "16,32", "--trials", "20"],
            &out,
            &["--resume"],
        ));
        assert_eq!(o.status.code(), Some(2), "{col}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("line 4") && stderr(&o).contains(why),
            "{}",
            stderr(&o)
        );
        assert!(!out.join("radius_trials.csv").exists());
    }
}

/// Two shards of a small run in `dir`, the second damaged by `damage`, merged into `dir/m`.
fn merge_damaged(dir: &Path, damage: impl FnOnce(&Path)) -> (Output, std::path::PathBuf) {
    let (a, b) = (dir.join("a"), dir.join("b"));
    small_run(&a, &["--shard", "0/2"]);
    small_run(&b, &["--shard", "1/2"]);
    damage(&b);
    let merged = dir.join("m");
    let o = mc_gumbel(&[
        "merge",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--out",
        merged.to_str().unwrap(),
        "--quiet",
    ]);
    (o, merged)
}

#[test]
fn merge_refuses_rows_no_sampler_writes() {
    for (col, value) in [("rho", "NaN"), ("n_outside", "999")] {
        let dir = tempfile::tempdir().unwrap();
        let (o, merged) = merge_damaged(dir.path(), |b| {
            edit_field(&b.join("radius_trials.csv"), 2, col, value)
        });
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).starts_with("error: merge: ") && stderr(&o).contains("line 3"));
        assert!(!merged.join("radius_summary.csv").exists());
    }
}

#[test]
fn resume_refuses_a_manifest_that_disagrees_with_the_raw_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("run");
    small_run(&out, &[]);
    reopen(&out);
    let path = out.join("manifest.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("\"complete\": false", "\"complete\": true"),
    )
    .unwrap();
    let o = mc_gumbel(&with_out(
        &["--widths", "16,32", "--trials", "20"],
        &out,
        &["--resume"],
    ));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("inconsistent"), "{}", stderr(&o));
}

#[test]
fn merge_refuses_a_shard_whose_manifest_disagrees_with_its_raw_file() {
    let dir = tempfile::tempdir().unwrap();
    let (o, merged) = merge_damaged(dir.path(), |b| {
        std::fs::rename(
            b.join("radius_trials.csv"),
            b.join("radius_trials.csv.partial"),
        )
        .unwrap()
    });
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("inconsistent") && stderr(&o).contains("still partial"));
    assert!(!merged.exists());
}

#[test]
fn a_folder_in_use_is_refused_to_a_second_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("run");
    small_run(&out, &[]);
    reopen(&out);
    let lock = FolderLock::acquire(&out).unwrap();
    let args = ["--widths", "16,32", "--trials", "20"];
    let o = mc_gumbel(&with_out(&args, &out, &["--resume"]));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("in use") && err.contains(&std::process::id().to_string()),
        "{err}"
    );
    drop(lock);
    let o = mc_gumbel(&with_out(&args, &out, &["--resume"]));
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn theory_stops_on_sigint_with_nothing_but_an_unfinished_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("theory");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_mc-gumbel"))
        .args([
            "theory",
            "--ensemble",
            "real-ginibre",
            "--widths",
            "1024,2048,4096",
        ])
        .args(["--threads", "1", "--quiet", "--out", out.to_str().unwrap()])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Once the manifest is there, the handler is about to be or is installed.
    let started = std::time::Instant::now();
    while !out.join("manifest.json").exists() {
        assert!(started.elapsed().as_secs() < 60, "theory never started");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(130), "{}", stderr(&o));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert!(!out.join("theory.csv").exists());
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"complete\": false"));
}

#[test]
fn forced_theory_clears_the_old_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("theory");
    let run = |extra: &[&str]| {
        let mut args = vec!["theory", "--ensemble", "complex-ginibre"];
        args.extend(extra);
        let o = mc_gumbel(&with_out(&args, &out, &[]));
        assert!(o.status.success(), "{}", stderr(&o));
    };
    run(&["--widths", "16,32", "--cdf-points", "5"]);
    run(&["--widths", "64", "--force"]);
    assert!(!out.join("theory_cdf.csv").exists());
    assert_eq!(column(&out.join("theory.csv"), "n"), vec!["64"]);
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"complete\": true") && !manifest.contains("theory_cdf"));
}

/// An experiment file in `dir` with the given steps (TOML `[[step]]` bodies).
fn experiment(dir: &Path, steps: &[&str]) -> std::path::PathBuf {
    let mut text = String::from("name = \"t\"\n");
    for s in steps {
        text.push_str(&format!("[[step]]\n{s}\n"));
    }
    let path = dir.join("t.toml");
    std::fs::write(&path, text).unwrap();
    path
}

const STEP_A: &str = "name = \"a\"\nargs = [\"--widths\", \"16\", \"--trials\", \"30\"]";
const STEP_B: &str = "name = \"b\"\nargs = [\"--widths\", \"16,32\", \"--trials\", \"40\"]";

#[test]
fn experiments_check_every_step_before_running_any() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    for bad in [
        "name = \"b\"\nargs = [\"--trials\", \"0\"]",
        "name = \"b\"\nargs = [\"--scale\", \"paper\", \"--widths\", \"16\"]",
        "name = \"b\"\nargs = [\"--method\", \"kostlan\", \"--ensemble\", \"real-ginibre\"]",
    ] {
        let file = experiment(dir.path(), &[STEP_A, bad]);
        let o = mc_gumbel(&[
            "run",
            file.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains("step 'b'"), "{}", stderr(&o));
        assert!(
            !out.join("a").exists(),
            "step a ran before step b was checked"
        );
    }
}

#[test]
fn an_experiment_cannot_run_itself() {
    let dir = tempfile::tempdir().unwrap();
    let file = experiment(dir.path(), &["name = \"a\"\nargs = [\"run\", \"t.toml\"]"]);
    let out = dir.path().join("out");
    let o = mc_gumbel(&[
        "run",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("cannot run an experiment"),
        "{}",
        stderr(&o)
    );
    assert!(!out.join("a").exists());
}

#[test]
fn an_interrupted_experiment_resumes_to_the_bytes_of_an_uninterrupted_one() {
    let dir = tempfile::tempdir().unwrap();
    let file = experiment(dir.path(), &[STEP_A, STEP_B]);
    let run = |out: &Path, extra: &[&str]| {
        let mut args = vec!["run", file.to_str().unwrap(), "--quiet"];
        args.extend(["--out", out.to_str().unwrap()]);
        args.extend(extra);
        mc_gumbel(&args)
    };
    let whole = dir.path().join("whole");
    assert!(run(&whole, &[]).status.success());
    // Cut off in step b: its raw file partial, its manifest unfinished.
    let cut = dir.path().join("cut");
    assert!(run(&cut, &[]).status.success());
    reopen(&cut.join("b"));
    let raw = cut.join("b/radius_trials.csv.partial");
    let text = std::fs::read_to_string(&raw).unwrap();
    let kept: Vec<&str> = text.lines().take(25).collect();
    std::fs::write(&raw, kept.join("\n") + "\n").unwrap();
    let manifest = cut.join("b/manifest.json");
    let m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest).unwrap()).unwrap();
    let mut m = m;
    m["cells"] = serde_json::json!([]);
    std::fs::write(&manifest, serde_json::to_string_pretty(&m).unwrap()).unwrap();
    // Without --resume the folder is refused before anything runs.
    let o = run(&cut, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--resume"));
    let o = run(&cut, &["--resume"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for step in ["a", "b"] {
        for f in ["radius_trials.csv", "radius_summary.csv", "rescaling.csv"] {
            let (x, y) = (whole.join(step).join(f), cut.join(step).join(f));
            assert_eq!(
                std::fs::read(&x).unwrap(),
                std::fs::read(&y).unwrap(),
                "{step}/{f}"
            );
        }
    }
}
