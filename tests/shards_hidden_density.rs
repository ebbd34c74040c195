//! `--shard`, `merge`, `--resume` and Ctrl-C for the jobs that aggregate over trials (`hidden`,
//! `density`): shards merge, and killed runs resume, to the bytes of one uninterrupted run.

mod common;
use common::{assert_same_files, mc_gumbel, stderr, with_out};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// A small hidden run with both a real and a complex ensemble, record times past 100 (so the
/// log-spaced part is exercised) and a scale large enough that some sequences overflow to `inf`.
const HIDDEN: [&str; 17] = [
    "hidden",
    "--widths",
    "6,10",
    "--trials",
    "14",
    "--steps",
    "160",
    "--points",
    "4",
    "--batch",
    "3",
    "--ensemble",
    "complex-ginibre,real-ginibre",
    "--scale",
    "glorot,1.3",
    "--recurrence",
    "dense,diagonal",
];
const HIDDEN_FILES: [&str; 5] = [
    "hidden_norms.csv",
    "hidden_trials.csv",
    "explosion.csv",
    "nonnormality.csv",
    "hidden_raw.csv",
];

/// A small density run including diag-uniform with a ring (its ring must survive the manifest).
const DENSITY: [&str; 13] = [
    "density",
    "--widths",
    "5,9",
    "--trials",
    "14",
    "--bins",
    "25",
    "--ensemble",
    "complex-ginibre,diag-uniform",
    "--ring",
    "0.5,1.2",
    "--scale",
    "glorot,half",
];
const DENSITY_FILES: [&str; 3] = ["density.csv", "density_summary.csv", "density_raw.csv"];

fn merge(out: &Path, folders: &[String]) -> std::process::Output {
    let mut m = vec!["merge", "--quiet", "--out", out.to_str().unwrap()];
    m.extend(folders.iter().map(String::as_str));
    mc_gumbel(&m)
}

/// 1, 2, 3 and 7 shards, merged in a scrambled order, give the unsharded bytes of every CSV.
fn shards_merge_to_unsharded(base: &[&str], files: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    let o = mc_gumbel(&with_out(base, &full, &[]));
    assert!(o.status.success(), "{}", stderr(&o));
    for count in [1usize, 2, 3, 7] {
        let mut folders = Vec::new();
        for i in 0..count {
            let out = dir.path().join(format!("s{count}-{i}"));
            let shard = format!("{i}/{count}");
            let o = mc_gumbel(&with_out(base, &out, &["--shard", &shard]));
            assert!(o.status.success(), "{}", stderr(&o));
            folders.push(out.to_str().unwrap().to_string());
        }
        folders.rotate_left(count / 2);
        let merged = dir.path().join(format!("merged{count}"));
        let o = merge(&merged, &folders);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_same_files(files, &full, &merged);
    }
}

#[test]
fn hidden_shards_merge_to_the_unsharded_bytes() {
    shards_merge_to_unsharded(&HIDDEN, &HIDDEN_FILES);
}

#[test]
fn density_shards_merge_to_the_unsharded_bytes() {
    shards_merge_to_unsharded(&DENSITY, &DENSITY_FILES);
}

#[test]
fn merge_refuses_mixed_jobs_and_mismatched_seeds() {
    let dir = tempfile::tempdir().unwrap();
    let d = |name: &str| dir.path().join(name);
    let run = |base: &[&str], out: &Path, extra: &[&str]| {
        let o = mc_gumbel(&with_out(base, out, extra));
        assert!(o.status.success(), "{}", stderr(&o));
    };
    let hidden = ["hidden", "--widths", "4", "--trials", "4", "--steps", "5"];
    let density = ["density", "--widths", "4", "--trials", "4", "--bins", "5"];
    run(&hidden, &d("h0"), &["--shard", "0/2"]);
    run(&hidden, &d("h1"), &["--shard", "1/2"]);
    run(&hidden, &d("h1-seed"), &["--shard", "1/2", "--seed", "9"]);
    run(&hidden, &d("h1-batch"), &["--shard", "1/2", "--batch", "2"]);
    run(&density, &d("d0"), &["--shard", "0/2"]);
    run(&density, &d("d1"), &["--shard", "1/2"]);
    run(&density, &d("d1-seed"), &["--shard", "1/2", "--seed", "9"]);
    run(
        &["--widths", "4", "--trials", "4"],
        &d("r1"),
        &["--shard", "1/2"],
    );

    let cases: &[(&[&str], &str)] = &[
        (&["h0", "d1"], "density run, not of a hidden run"),
        (&["d0", "h1"], "hidden run, not of a density run"),
        (&["h0", "r1"], "radius run, not of a hidden run"),
        (&["d0", "r1"], "radius run"),
        (&["h0", "h1-seed"], "seed"),
        (&["d0", "d1-seed"], "seed"),
        (&["h0", "h1-batch"], "other parameters"),
        (&["h0", "h0"], "twice"),
        (&["d1"], "missing"),
    ];
    for (folders, words) in cases {
        let out = d("merged");
        let paths: Vec<String> = folders
            .iter()
            .map(|f| d(f).to_str().unwrap().to_string())
            .collect();
        let o = merge(&out, &paths);
        assert_eq!(o.status.code(), Some(2), "{folders:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(words), "{folders:?}: {}", stderr(&o));
        assert!(!out.exists(), "{folders:?} wrote output");
    }
    for pair in [["h1", "h0"], ["d1", "d0"]] {
        let paths: Vec<String> = pair.iter().map(|f| d(f).display().to_string()).collect();
        let o = merge(&d(&format!("ok-{}", pair[0])), &paths);
        assert!(o.status.success(), "{pair:?}: {}", stderr(&o));
    }
}

/// Runs long enough to be killed in the middle (a few seconds on two loaded cores).
const LONG_HIDDEN: [&str; 15] = [
    "hidden",
    "--widths",
    "32,64",
    "--trials",
    "300",
    "--steps",
    "200",
    "--points",
    "10",
    "--batch",
    "4",
    "--scale",
    "glorot,half",
    "--recurrence",
    "diagonal,dense",
];
const LONG_DENSITY: [&str; 7] = [
    "density",
    "--widths",
    "48,96",
    "--trials",
    "500",
    "--scale",
    "glorot,half",
];

fn spawn(base: &[&str], out: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_mc-gumbel"))
        .args(with_out(base, out, &[]))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// SIGKILL early and late (the late kill also tears the raw file's last line), then
/// `--resume`: the same bytes as an uninterrupted run.
fn sigkill_then_resume(base: &[&str], files: &[&str], raw: &str) {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    assert!(mc_gumbel(&with_out(base, &full, &[])).status.success());
    for (i, ms) in [150u64, 900].into_iter().enumerate() {
        let out = dir.path().join(format!("k{i}"));
        let mut child = spawn(base, &out);
        std::thread::sleep(Duration::from_millis(ms));
        child.kill().unwrap();
        child.wait().unwrap();
        let partial = out.join(format!("{raw}.partial"));
        assert!(
            partial.exists(),
            "killed at {ms} ms but the run had already finished"
        );
        if i == 1 {
            let len = std::fs::metadata(&partial).unwrap().len();
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(&partial)
                .unwrap();
            f.set_len(len.saturating_sub(7)).unwrap();
        }
        let o = mc_gumbel(&with_out(base, &out, &["--resume"]));
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(!partial.exists());
        assert_same_files(files, &full, &out);
    }
}

#[test]
fn hidden_sigkill_then_resume_gives_the_same_bytes() {
    sigkill_then_resume(&LONG_HIDDEN, &HIDDEN_FILES, "hidden_raw.csv");
}

#[test]
fn density_sigkill_then_resume_gives_the_same_bytes() {
    sigkill_then_resume(&LONG_DENSITY, &DENSITY_FILES, "density_raw.csv");
}

#[test]
fn hidden_ctrl_c_saves_says_how_to_resume_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("int");
    let child = spawn(&LONG_HIDDEN, &out);
    std::thread::sleep(Duration::from_millis(400));
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(130), "{}", stderr(&o));
    assert!(stderr(&o).contains("--resume"), "{}", stderr(&o));
    // Resuming with other options is refused.
    let mut other = LONG_HIDDEN.to_vec();
    other[4] = "301";
    let o = mc_gumbel(&with_out(&other, &out, &["--resume"]));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // With the same ones (another thread count is fine) it completes; resuming again is a no-op.
    let o = mc_gumbel(&with_out(
        &LONG_HIDDEN,
        &out,
        &["--resume", "--threads", "1"],
    ));
    assert!(o.status.success(), "{}", stderr(&o));
    let before = std::fs::read(out.join("hidden_raw.csv")).unwrap();
    assert!(mc_gumbel(&with_out(&LONG_HIDDEN, &out, &["--resume"]))
        .status
        .success());
    assert_eq!(std::fs::read(out.join("hidden_raw.csv")).unwrap(), before);
}
