//! Never lose work: a run killed at any moment resumes to the same bytes, and a run split into
//! shards merges to the same bytes as the unsharded run.

mod common;
use common::{assert_same_files, mc_gumbel, stderr, with_out};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Every CSV file of the radius job, compared whole: no column holds a timing.
const DATA_FILES: [&str; 4] = [
    "radius_trials.csv",
    "radius_summary.csv",
    "convergence.csv",
    "rescaling.csv",
];

fn assert_same_results(a: &Path, b: &Path) {
    assert_same_files(&DATA_FILES, a, b);
}

const SHARDED: [&str; 8] = [
    "--widths",
    "8,20",
    "--trials",
    "50",
    "--ensemble",
    "complex-ginibre,orthogonal,truncated-normal-unit",
    "--scale",
    "glorot,half",
];

#[test]
fn shards_merge_to_the_unsharded_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    assert!(mc_gumbel(&with_out(&SHARDED, &full, &[])).status.success());
    for count in [1usize, 2, 3, 7] {
        let mut folders = Vec::new();
        for i in 0..count {
            let out = dir.path().join(format!("s{count}-{i}"));
            let shard = format!("{i}/{count}");
            let o = mc_gumbel(&with_out(&SHARDED, &out, &["--shard", &shard]));
            assert!(o.status.success(), "{}", stderr(&o));
            folders.push(out.to_str().unwrap().to_string());
        }
        // Merge in a scrambled order: the result must not depend on it.
        folders.reverse();
        let merged = dir.path().join(format!("merged{count}"));
        let mut m = vec!["merge", "--quiet", "--out", merged.to_str().unwrap()];
        m.extend(folders.iter().map(String::as_str));
        let o = mc_gumbel(&m);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_same_results(&full, &merged);
    }
}

#[test]
fn merge_refuses_mismatched_duplicate_or_missing_shards() {
    let dir = tempfile::tempdir().unwrap();
    let d = |name: &str| dir.path().join(name);
    let run = |out: &Path, extra: &[&str]| {
        let o = mc_gumbel(&with_out(&["--widths", "6", "--trials", "9"], out, extra));
        assert!(o.status.success(), "{}", stderr(&o));
    };
    run(&d("a0"), &["--shard", "0/2"]);
    run(&d("a1"), &["--shard", "1/2"]);
    run(&d("seed"), &["--shard", "1/2", "--seed", "5"]);
    run(&d("params"), &["--shard", "1/2", "--scale", "half"]);
    run(&d("three"), &["--shard", "1/3"]);
    run(&d("version"), &["--shard", "1/2"]);
    let manifest = d("version").join("manifest.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(
        &manifest,
        text.replace(env!("CARGO_PKG_VERSION"), "0.0.0-other"),
    )
    .unwrap();
    run(&d("unfinished"), &["--shard", "1/2"]);
    let m = d("unfinished").join("manifest.json");
    std::fs::write(
        &m,
        std::fs::read_to_string(&m)
            .unwrap()
            .replace("\"complete\": true", "\"complete\": false"),
    )
    .unwrap();

    let cases: &[(&[&str], &str)] = &[
        (&["a0", "seed"], "seed"),
        (&["a0", "params"], "other parameters"),
        (&["a0", "three"], "shards"),
        (&["a0", "version"], "0.0.0-other"),
        (&["a0", "a0"], "twice"),
        (&["a0"], "missing"),
        (&["a0", "unfinished"], "unfinished"),
        (&["a0", "nonexistent"], "cannot read"),
    ];
    for (folders, words) in cases {
        let out = d("merged");
        let paths: Vec<String> = folders
            .iter()
            .map(|f| d(f).to_str().unwrap().to_string())
            .collect();
        let mut a = vec!["merge", "--out", out.to_str().unwrap()];
        a.extend(paths.iter().map(String::as_str));
        let o = mc_gumbel(&a);
        assert_eq!(o.status.code(), Some(2), "{folders:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(words), "{folders:?}: {}", stderr(&o));
        assert!(!out.exists(), "{folders:?} wrote output");
    }
    // And the right pair merges.
    let out = d("ok");
    let o = mc_gumbel(&[
        "merge",
        "--quiet",
        "--out",
        out.to_str().unwrap(),
        d("a1").to_str().unwrap(),
        d("a0").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// A run long enough to be killed in the middle (several seconds on two cores).
const LONG: [&str; 6] = [
    "--widths",
    "48,96",
    "--trials",
    "1200",
    "--scale",
    "glorot,half",
];

fn spawn(out: &Path, extra: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_mc-gumbel"))
        .args(with_out(&LONG, out, extra))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn sigkill_at_any_moment_then_resume_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    assert!(mc_gumbel(&with_out(&LONG, &full, &[])).status.success());
    // Kill early (first chunk), in the middle, late; the last case also tears the final line
    // of the trial file the way a write cut off by a crash would.
    for (i, ms) in [100u64, 600, 1500].into_iter().enumerate() {
        let out = dir.path().join(format!("k{i}"));
        let mut child = spawn(&out, &[]);
        std::thread::sleep(Duration::from_millis(ms));
        child.kill().unwrap();
        child.wait().unwrap();
        let partial = out.join("radius_trials.csv.partial");
        assert!(
            partial.exists(),
            "killed at {ms} ms but the run had already finished"
        );
        if i == 2 {
            let len = std::fs::metadata(&partial).unwrap().len();
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(&partial)
                .unwrap();
            f.set_len(len - 7).unwrap();
        }
        let o = mc_gumbel(&with_out(&LONG, &out, &["--resume"]));
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(!partial.exists());
        assert_same_results(&full, &out);
    }
}

#[test]
fn ctrl_c_saves_says_how_to_resume_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    assert!(mc_gumbel(&with_out(&LONG, &full, &[])).status.success());
    let out = dir.path().join("int");
    let child = spawn(&out, &[]);
    std::thread::sleep(Duration::from_millis(500));
    unsafe_sigint(child.id());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(130), "{}", stderr(&o));
    assert!(stderr(&o).contains("--resume"), "{}", stderr(&o));
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap_or_default();
    assert!(!manifest.contains("\"complete\": true"));
    // Resuming with other options is refused; with the same ones it completes the same bytes.
    let o = mc_gumbel(&[
        "--widths",
        "48",
        "--trials",
        "1200",
        "--quiet",
        "--out",
        out.to_str().unwrap(),
        "--resume",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = mc_gumbel(&with_out(&LONG, &out, &["--resume"]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_same_results(&full, &out);
    // Resuming a finished run changes nothing.
    let before = std::fs::read(out.join("radius_trials.csv")).unwrap();
    assert!(mc_gumbel(&with_out(&LONG, &out, &["--resume"]))
        .status
        .success());
    assert_eq!(
        std::fs::read(out.join("radius_trials.csv")).unwrap(),
        before
    );
}

fn unsafe_sigint(pid: u32) {
    let status = Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// `mc-gumbel ARGS` with the file-size limit at `blocks` x 512 bytes and SIGXFSZ ignored, so that
/// a write beyond it fails with EFBIG: a full disk on demand, after the run has cleared and
/// created its own files.
fn with_file_limit(blocks: u32, args: &[&str]) -> std::process::Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f {blocks} && trap '' XFSZ && exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_mc-gumbel"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn write_errors_exit_1_and_keep_earlier_results() {
    let dir = tempfile::tempdir().unwrap();
    let (full, out) = (dir.path().join("full"), dir.path().join("r"));
    let run = ["--widths", "4,5", "--trials", "40"];
    assert!(mc_gumbel(&with_out(&run, &full, &[])).status.success());
    // An interrupted run: the first 20 trials of the raw file (well over 512 bytes), no cell done.
    let o = mc_gumbel(&with_out(&run, &out, &[]));
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(out.join("radius_trials.csv")).unwrap();
    let kept: String = text.lines().take(21).map(|l| format!("{l}\n")).collect();
    assert!(kept.len() > 1024);
    std::fs::remove_file(out.join("radius_trials.csv")).unwrap();
    std::fs::write(out.join("radius_trials.csv.partial"), &kept).unwrap();
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    let mut m: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    m["complete"] = false.into();
    m["cells"] = serde_json::json!([]);
    std::fs::write(out.join("manifest.json"), m.to_string()).unwrap();
    // Resuming onto a full disk: exit 1, the reason said, every earlier trial kept.
    let o = with_file_limit(2, &with_out(&run, &out, &["--resume"]));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("File too large"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(out.join("radius_trials.csv.partial")).unwrap(),
        kept
    );
    // With room again, the run resumes to the bytes of an uninterrupted one.
    let o = mc_gumbel(&with_out(&run, &out, &["--resume"]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_same_results(&full, &out);
}

/// A table that cannot be written leaves no half-written file behind, and a manifest that says
/// the run is not complete.
#[test]
fn a_failed_table_write_leaves_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t");
    let args = [
        "theory",
        "--ensemble",
        "complex-ginibre",
        "--widths",
        "16..65536:x2",
        "--cdf-points",
        "200",
    ];
    let o = with_file_limit(4, &with_out(&args, &out, &[]));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("File too large"), "{}", stderr(&o));
    for entry in std::fs::read_dir(&out).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(!name.ends_with(".partial"), "{name} left behind");
    }
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"complete\": false"), "{manifest}");
}
