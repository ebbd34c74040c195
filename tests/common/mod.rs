//! Helpers shared by the integration tests: running the binary and reading its CSVs.
#![allow(dead_code)]

use std::path::Path;
use std::process::Output;

pub fn mc_gumbel(args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_mc-gumbel"))
        .args(args)
        .output()
        .expect("the binary runs")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A CSV file as header names and rows of fields.
pub fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    let header = lines
        .next()
        .expect("a header")
        .split(',')
        .map(String::from)
        .collect();
    let rows = lines
        .map(|l| l.split(',').map(String::from).collect())
        .collect();
    (header, rows)
}

pub fn column(path: &Path, name: &str) -> Vec<String> {
    let (header, rows) = read_csv(path);
    let i = header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    rows.into_iter().map(|mut r| r.swap_remove(i)).collect()
}

/// `base` arguments plus `--quiet --out OUT` and `extra`.
pub fn with_out<'a>(base: &[&'a str], out: &'a Path, extra: &[&'a str]) -> Vec<&'a str> {
    let mut v = base.to_vec();
    v.extend(["--quiet", "--out", out.to_str().unwrap()]);
    v.extend(extra);
    v
}

/// The files `names` hold the same bytes in folders `a` and `b`.
pub fn assert_same_files(names: &[&str], a: &Path, b: &Path) {
    for name in names {
        let (x, y) = (
            std::fs::read(a.join(name)).unwrap(),
            std::fs::read(b.join(name)).unwrap(),
        );
        assert!(
            x == y,
            "{name} differs between {} and {}",
            a.display(),
            b.display()
        );
    }
}

/// The spectral radii of trials `trials` of `cell`, drawn with `seed`, sorted.
pub fn sorted_radii(
    cell: &mc_gumbel::model::Cell,
    seed: u64,
    trials: std::ops::Range<u64>,
) -> Vec<f64> {
    let records = mc_gumbel::sampling::trials::sample_cell(cell, seed, trials, &|| {});
    let mut rho: Vec<f64> = records.unwrap().iter().map(|r| r.rho).collect();
    rho.sort_by(f64::total_cmp);
    rho
}
