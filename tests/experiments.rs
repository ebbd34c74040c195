//! Every experiment file runs end to end at `--quick` size and renders its figures: each
//! expected PNG/PDF exists with the right magic bytes, and every CSV a plot script read has the
//! contracted columns. CI installs plots/requirements.txt and the mc_gumbel package (./python),
//! whose reader the plot scripts use; without them this test fails and says how to install,
//! rather than skipping.

mod common;

use common::{mc_gumbel, stderr};
use std::path::{Path, PathBuf};
use std::process::Command;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
const PDF: &[u8] = b"%PDF-";

/// The header of each CSV the plot scripts read, from the row types themselves.
fn contract(file: &str) -> Option<String> {
    mc_gumbel::jobs::csv_columns()
        .into_iter()
        .find(|(f, _)| *f == file)
        .map(|(_, cols)| cols.join(","))
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn experiment_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("experiments"))
        .expect("experiments/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

/// The `figure = "plots/NAME.py"` of an experiment file: its figures are NAME.png and NAME.pdf.
fn figure_name(file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("figure"))
        .unwrap_or_else(|| panic!("{} names no figure script", file.display()));
    let script = line.split('"').nth(1).expect("figure = \"...\"");
    Path::new(script)
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

fn check_magic(path: &Path, magic: &[u8]) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if bytes.len() < 100 || !bytes.starts_with(magic) {
        return Err(format!("{} is not a valid figure file", path.display()));
    }
    Ok(())
}

fn check_inputs(list: &Path) -> Result<usize, String> {
    let text = std::fs::read_to_string(list).map_err(|e| format!("{}: {e}", list.display()))?;
    let mut checked = 0;
    for csv in text.lines().filter(|l| !l.is_empty()) {
        let name = Path::new(csv).file_name().unwrap().to_string_lossy();
        let header = std::fs::read_to_string(csv).map_err(|e| format!("{csv}: {e}"))?;
        let header = header.lines().next().unwrap_or("");
        let want =
            contract(&name).ok_or_else(|| format!("{csv}: no column contract for {name}"))?;
        if header != want {
            return Err(format!(
                "{csv}: header\n  {header}\nis not the contract\n  {want}"
            ));
        }
        checked += 1;
    }
    Ok(checked)
}

fn check_plotting_installed() {
    let ok = Command::new("python3")
        .args(["-c", "import matplotlib, pandas, numpy, scipy, mc_gumbel"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        ok,
        "python3 with matplotlib, pandas, numpy, scipy and mc_gumbel is required to render the \
         figures: pip install -r plots/requirements.txt ./python (from the repository root)"
    );
}

#[test]
fn every_experiment_runs_quick_and_renders_its_figures() {
    check_plotting_installed();
    let tmp = tempfile::tempdir().unwrap();
    let files = experiment_files();
    assert!(
        files.len() >= 5,
        "expected at least 5 experiments, found {files:?}"
    );
    let mut failures = Vec::new();
    for file in &files {
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        let out = tmp.path().join(&stem);
        let started = std::time::Instant::now();
        let o = Command::new(env!("CARGO_BIN_EXE_mc-gumbel"))
            .current_dir(repo())
            .arg("run")
            .arg(file)
            .args(["--quick", "--plot", "--quiet", "--out"])
            .arg(&out)
            .output()
            .unwrap();
        eprintln!("{stem}: {:.1} s", started.elapsed().as_secs_f64());
        if !o.status.success() {
            failures.push(format!("{stem}: run failed: {}", stderr(&o)));
            continue;
        }
        let figures = out.join("figures");
        let name = figure_name(file);
        let checks = check_magic(&figures.join(format!("{name}.png")), PNG)
            .and_then(|_| check_magic(&figures.join(format!("{name}.pdf")), PDF))
            .and_then(|_| check_inputs(&figures.join(format!("{name}.inputs"))));
        match checks {
            Ok(0) => failures.push(format!("{stem}: the plot script recorded no CSV it read")),
            Ok(_) => {}
            Err(e) => failures.push(format!("{stem}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bad_experiments_exit_2_naming_file_and_step() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = mc_gumbel(&["run", "no/such/file.toml"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no/such/file.toml"));

    let bad_toml = tmp.path().join("bad.toml");
    std::fs::write(&bad_toml, "name = \"x\"\n[[step]\n").unwrap();
    let o = mc_gumbel(&["run", bad_toml.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("bad.toml"));

    let bad_flag = tmp.path().join("flag.toml");
    std::fs::write(
        &bad_flag,
        "name = \"x\"\n[[step]]\nname = \"ok\"\nargs = [\"theory\", \"--widths\", \"16\"]\n\
         [[step]]\nname = \"typo\"\nargs = [\"--widhts\", \"16\"]\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let o = mc_gumbel(&[
        "run",
        bad_flag.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("flag.toml") && err.contains("typo") && err.contains("--widhts"),
        "{err}"
    );
    // Every step is parsed before any runs: the good first step wrote nothing.
    assert!(!out.join("ok").exists());
}
