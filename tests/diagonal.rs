//! The diagonalised recurrence `h_t = Lambda h_{t-1} + x_t` of the `hidden` job against the dense
//! one on the same matrices: where they must agree, that they share their matrices and inputs,
//! and that the radius-implied explosion law fits the diagonal case within the sampling error.

mod common;
use common::{mc_gumbel, read_csv, stderr};
use std::path::Path;

/// Runs `hidden` with `args` into `out` and returns `hidden_trials.csv` and `explosion.csv` as
/// rows keyed by column name.
fn run(args: &[&str], out: &Path) -> (Table, Table) {
    let mut all = vec!["hidden", "--quiet", "--out", out.to_str().unwrap()];
    all.extend_from_slice(args);
    let o = mc_gumbel(&all);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    (
        Table::read(&out.join("hidden_trials.csv")),
        Table::read(&out.join("explosion.csv")),
    )
}

struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn read(path: &Path) -> Table {
        let (header, rows) = read_csv(path);
        Table { header, rows }
    }
    fn col(&self, name: &str) -> usize {
        self.header.iter().position(|h| h == name).unwrap()
    }
    /// The rows whose `recurrence` is `r`.
    fn of(&self, r: &str) -> Vec<&Vec<String>> {
        let i = self.col("recurrence");
        self.rows.iter().filter(|row| row[i] == r).collect()
    }
    fn values(&self, r: &str, name: &str) -> Vec<String> {
        let i = self.col(name);
        self.of(r).iter().map(|row| row[i].clone()).collect()
    }
}

/// A `W` that is already diagonal is its own diagonalisation: both recurrences see the same
/// eigenvalues on the same coordinates and the same inputs, so they explode at the same steps.
#[test]
fn a_diagonal_w_explodes_at_the_same_steps_diagonalised_or_not() {
    let dir = tempfile::tempdir().unwrap();
    let (trials, _) = run(
        &[
            "--ensemble",
            "diag-uniform",
            "--ring",
            "0,1",
            "--scale",
            "1.05",
            "--widths",
            "16",
            "--trials",
            "12",
            "--steps",
            "400",
            "--batch",
            "4",
            "--recurrence",
            "dense,diagonal",
        ],
        dir.path(),
    );
    let dense = trials.values("dense", "explode_time");
    let diagonal = trials.values("diagonal", "explode_time");
    assert_eq!(dense.len(), 12);
    assert_eq!(dense, diagonal);
    // Not vacuous: most of these matrices explode within the horizon.
    assert!(
        dense.iter().filter(|t| !t.is_empty()).count() >= 6,
        "{dense:?}"
    );
}

/// One seed, one stream per trial: a dense run, a diagonal run and a run of both draw the same
/// matrices (equal radii) and inputs, so the run of both is the two single runs side by side.
#[test]
fn dense_and_diagonal_runs_of_one_seed_share_their_matrices() {
    let dir = tempfile::tempdir().unwrap();
    let base = [
        "--ensemble",
        "complex-ginibre,real-ginibre",
        "--widths",
        "12",
        "--trials",
        "8",
        "--steps",
        "300",
        "--points",
        "5",
        "--batch",
        "3",
        "--scale",
        "1.2",
        "--seed",
        "5",
    ];
    let with = |r: &'static str| [&base[..], &["--recurrence", r]].concat();
    let (dense, dense_x) = run(&with("dense"), &dir.path().join("d"));
    let (diagonal, diagonal_x) = run(&with("diagonal"), &dir.path().join("g"));
    let (both, both_x) = run(&with("dense,diagonal"), &dir.path().join("b"));
    assert_eq!(
        dense.values("dense", "rho"),
        diagonal.values("diagonal", "rho")
    );
    for (single, name) in [(&dense, "dense"), (&diagonal, "diagonal")] {
        assert_eq!(single.of(name), both.of(name), "{name}");
    }
    for (single, name) in [(&dense_x, "dense"), (&diagonal_x, "diagonal")] {
        assert_eq!(single.of(name), both_x.of(name), "{name}");
    }
    // The two recurrences differ on non-normal matrices (else the comparison would be empty).
    assert_ne!(
        dense.values("dense", "explode_time"),
        diagonal.values("diagonal", "explode_time")
    );
    let paired = Table::read(&dir.path().join("b/nonnormality.csv"));
    assert_eq!(paired.rows.len(), 2);
    let single = Table::read(&dir.path().join("d/nonnormality.csv"));
    assert_eq!((single.header, single.rows.len()), (paired.header, 0));
}

/// A diagonal recurrence has no non-normal transient: its explosion is set by the eigenvalues
/// alone, and the law of the explosion time implied by the exact law of the radius fits the
/// sample. The KS distance of the sample from that law must be within the 99% DKW bound
/// `sqrt(ln(2/0.01) / (2m))` of an exact law; the dense recurrence on the same matrices, whose
/// dominant mode takes more of the input than a normal one, must not be (negative control).
#[test]
fn the_radius_implied_explosion_law_fits_the_diagonal_recurrence() {
    let dir = tempfile::tempdir().unwrap();
    let m = 300;
    let (_, explosion) = run(
        &[
            "--ensemble",
            "complex-ginibre,real-ginibre",
            "--widths",
            "64",
            "--trials",
            "300",
            "--steps",
            "1500",
            "--recurrence",
            "dense,diagonal",
            "--seed",
            "11",
        ],
        dir.path(),
    );
    let bound = ((2.0f64 / 0.01).ln() / (2.0 * m as f64)).sqrt();
    let ks = |r: &str| -> Vec<f64> {
        explosion
            .values(r, "ks_predicted")
            .iter()
            .map(|v| v.parse().unwrap())
            .collect()
    };
    for (ensemble, d) in ["complex-ginibre", "real-ginibre"]
        .iter()
        .zip(ks("diagonal"))
    {
        assert!(d <= bound, "{ensemble} diagonal: KS {d} above {bound}");
    }
    let dense = ks("dense")[0];
    assert!(
        dense > bound,
        "complex-ginibre dense: KS {dense} within {bound}"
    );
}
