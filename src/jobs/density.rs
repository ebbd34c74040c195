//! The `density` job: histograms of all eigenvalue moduli per ensemble x scale x width, beside
//! the exact modulus density where it is known (complex and real Ginibre, `diag-uniform`) and the
//! circular law; the share of eigenvalues outside the unit circle, the chance that any is, and the
//! number of real eigenvalues (docs/math/density.md).

use super::record::{label, JobOptions, JobParams, RecordJob, TrialKey};
use super::workers::check_memory;
use crate::error::Error;
use crate::math::modulus_law::{complex_modulus_bound, ModulusLaw};
use crate::math::real_density::expected_real_eigenvalues;
use crate::math::stats::{self, Z95};
use crate::model::budget::Demand;
use crate::model::counts;
use crate::model::{laws, ConfigError, Ensemble, Param};
use crate::model::{Cell, Method};
use crate::sampling::trials::{sample_moduli, Spectrum};
use crate::store::write_table;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::path::Path;

/// Files the density job writes.
///
/// `density_raw.csv` holds one line per trial, in trial order, with everything the two tables are
/// computed from: `ensemble,scale,n,trial`, `outside_unit` (moduli above 1), `beyond` (moduli at
/// or above `r_max`, in no bin) and `counts`, the trial's non-empty bins as space-separated
/// `bin:count` pairs (bin `k` is `[k h, (k+1) h)`, as in `density.csv`). `--resume` continues
/// from it and `merge` joins the shards' raw files.
pub const FILES: [&str; 4] = [
    "density.csv",
    "density_summary.csv",
    "density_raw.csv",
    "manifest.json",
];

/// Default upper edge of the histogram, in units of the spectrum's natural radius (the scale
/// factor, times the ring's outer radius for diag-uniform when that exceeds 1): twice the
/// circular-law edge, or the bound beyond which the exact modulus law has mass below `e^-45`
/// where that is larger (widths below about 60; the complex-Ginibre bound for ensembles with no
/// exact law), so that no modulus overflows in practice. Any that do are counted in
/// `mass_beyond_r_max`.
pub const DEFAULT_R_MAX_FACTOR: f64 = 2.0;

/// The density job's own parameters; with the grid and the trials they determine its output bytes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DensitySpec {
    pub bins: usize,
    /// Upper histogram edge; `None`: [`default_r_max`] per cell.
    pub r_max: Option<f64>,
}

impl DensitySpec {
    /// The spec, or the first rule a value breaks: at least one bin, at most [`MAX_BINS`], a
    /// positive finite edge (whether the edge suits each cell's spectrum is checked per cell,
    /// by [`plan`]).
    pub fn new(bins: usize, r_max: Option<f64>) -> Result<Self, ConfigError> {
        if let Some(r) = r_max {
            if !(r > 0.0 && r.is_finite()) {
                return Err(ConfigError::new(
                    Param::RMax,
                    format!("{r} is not a positive finite radius"),
                ));
            }
        }
        let bins = counts::positive(Param::Bins, bins, "bin")?;
        let bins = counts::at_most(Param::Bins, bins, MAX_BINS, "bins")?;
        Ok(DensitySpec { bins, r_max })
    }
}

/// The most bins a histogram takes: no figure resolves more, and each trial's histogram is
/// held until its cell is summarised.
pub const MAX_BINS: usize = 1_000_000;

/// Everything that determines the density job's output bytes, as its manifest records it.
pub type DensityParams = JobParams<DensitySpec>;

/// The density job's options, resolved and validated.
pub type DensityOptions = JobOptions<DensityParams>;

/// `DEFAULT_R_MAX_FACTOR` times the natural radius of the cell's spectrum.
pub fn default_r_max(cell: &Cell) -> f64 {
    let radius = match cell.ensemble {
        Ensemble::DiagUniform { r_max, .. } => r_max.max(1.0),
        _ => 1.0,
    };
    let bound = match laws::modulus(cell.ensemble, cell.n) {
        Some(law @ (ModulusLaw::Real(_) | ModulusLaw::Gamma(_))) => law.bound(),
        _ => complex_modulus_bound(cell.n),
    };
    DEFAULT_R_MAX_FACTOR.max(bound) * cell.factor * radius
}

/// Histogram bins `[k h, (k+1) h)`, `h = r_max / bins`, of one matrix's moduli.
#[derive(Clone, Debug, PartialEq)]
pub struct TrialHistogram {
    pub counts: Vec<u32>,
    /// Moduli above `1 + tol` (the rounding tolerance).
    pub outside_unit: usize,
    /// Moduli at or above `r_max`, in no bin.
    pub beyond: usize,
    /// Eigenvalues that are real (real entry types only; 0 otherwise).
    pub real: usize,
}

/// Bins the moduli of a spectrum on `[0, r_max)`.
pub fn histogram(spectrum: Spectrum<'_>, bins: usize, r_max: f64, tol: f64) -> TrialHistogram {
    let moduli = spectrum.moduli;
    let mut counts = vec![0u32; bins];
    let mut outside_unit = 0;
    let mut beyond = 0;
    let scale = bins as f64 / r_max;
    for &m in moduli {
        outside_unit += usize::from(m > 1.0 + tol);
        let k = (m * scale) as usize; // saturating cast: NaN -> 0 cannot occur, moduli are finite
        if m < r_max && k < bins {
            counts[k] += 1;
        } else {
            beyond += 1;
        }
    }
    TrialHistogram {
        counts,
        outside_unit,
        beyond,
        real: spectrum.real_eigenvalues,
    }
}

/// Samples every trial of `cell` and bins its eigenvalue moduli.
pub fn sample_cell(
    cell: &Cell,
    seed: u64,
    trials: std::ops::Range<u64>,
    bins: usize,
    r_max: f64,
    tick: &(dyn Fn() + Sync),
) -> Result<Vec<TrialHistogram>, Error> {
    let tol = cell.outside_tolerance();
    sample_moduli(cell, seed, trials, tick, &|spectrum| {
        histogram(spectrum, bins, r_max, tol)
    })
}

/// `density.csv`: one row per bin.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct DensityRow {
    pub ensemble: String,
    pub scale: String,
    pub precision: String,
    pub n: usize,
    pub r_lo: f64,
    pub r_hi: f64,
    /// Count / (all moduli sampled x bin width): integrates to 1 minus the share beyond `r_max`.
    pub density: f64,
    /// Bin average of the exact modulus density `f_n(r/c)/c` (complex and real Ginibre,
    /// diag-uniform).
    pub exact_density: Option<f64>,
    /// Bin average of the circular law's modulus density `2r/c^2` on `[0, c]`.
    pub circular_law_density: f64,
}

/// `density_summary.csv`: one row per ensemble x scale x width.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct DensitySummaryRow {
    pub ensemble: String,
    pub scale: String,
    pub precision: String,
    pub n: usize,
    pub trials: usize,
    /// Share of all eigenvalues with modulus > 1.
    pub mass_outside_unit_circle: f64,
    /// 95% interval: the union of the normal interval from the per-trial fractions and the
    /// pooled Wilson interval (see [`cell_rows`]).
    pub mass_outside_lo: f64,
    pub mass_outside_hi: f64,
    /// Exact where the modulus law is known: `1 - F_n(1/c)`, `F_n` the modulus CDF.
    pub exact_mass_outside: Option<f64>,
    /// Share of matrices with an eigenvalue outside the unit circle, `P(rho > 1)`, with its
    /// Wilson 95% interval.
    pub p_exceed_1: f64,
    pub p_exceed_1_lo: f64,
    pub p_exceed_1_hi: f64,
    /// `P(rho > 1)` under the exact law of the spectral radius, where it is known.
    pub exact_p_exceed_1: Option<f64>,
    /// Mean number of real eigenvalues per matrix (real ensembles only).
    pub real_eigenvalues: Option<f64>,
    /// The exact expected number (real Ginibre, Edelman–Kostlan–Shub), unchanged by scaling.
    pub exact_real_eigenvalues: Option<f64>,
    pub r_max: f64,
    /// Share of eigenvalues at or beyond `r_max`, in no bin.
    pub mass_beyond_r_max: f64,
}

/// Bin average of the circular law's modulus density `2r/c^2` on `[0, c]` over `[a, b]`.
pub fn circular_law_bin(a: f64, b: f64, c: f64) -> f64 {
    let (a, b2) = (a.min(c), b.min(c));
    (b2 * b2 - a * a) / (c * c) / (b - a)
}

/// Bin average of the scaled exact modulus density `f_n(r/c)/c` over `[a, b]`:
/// `(1/(b-a)) int_{a/c}^{b/c} f_n`, by Gauss–Legendre on each bin (the densities are smooth).
pub fn exact_bin(law: &ModulusLaw, a: f64, b: f64, c: f64) -> f64 {
    law.mass_between(a / c, b / c, 2) / (b - a)
}

/// `P(|lambda| > 1)` for a uniformly chosen eigenvalue of `c W`: `int_{1/c}^inf f_n`.
pub fn exact_mass_outside(law: &ModulusLaw, c: f64) -> f64 {
    law.mass_above(1.0 / c)
}

/// The density rows and summary row of one finished cell.
pub fn cell_rows(
    cell: &Cell,
    hists: &[TrialHistogram],
    bins: usize,
    r_max: f64,
) -> (Vec<DensityRow>, DensitySummaryRow) {
    // Moduli per matrix: a quaternion matrix's complex form holds two per conjugate pair.
    let dim = cell.matrix_dim();
    let total = (hists.len() * dim) as f64;
    let mut counts = vec![0u64; bins];
    for h in hists {
        for (c, &k) in counts.iter_mut().zip(&h.counts) {
            *c += k as u64;
        }
    }
    let width = r_max / bins as f64;
    let law = laws::modulus(cell.ensemble, cell.n);
    let (ensemble, scale) = (cell.ensemble.name().to_string(), cell.scale.label());
    let rows = counts
        .iter()
        .enumerate()
        .map(|(k, &count)| {
            let (r_lo, r_hi) = (k as f64 * width, (k + 1) as f64 * width);
            DensityRow {
                ensemble: ensemble.clone(),
                scale: scale.clone(),
                precision: cell.precision.name().into(),
                n: cell.n,
                r_lo,
                r_hi,
                density: count as f64 / (total * width),
                exact_density: law.map(|l| exact_bin(&l, r_lo, r_hi, cell.factor)),
                circular_law_density: circular_law_bin(r_lo, r_hi, cell.factor),
            }
        })
        .collect();
    let fractions: Vec<f64> = hists
        .iter()
        .map(|h| h.outside_unit as f64 / dim as f64)
        .collect();
    let (mean, sd) = stats::mean_sd(&fractions);
    let half = Z95 * sd / (fractions.len() as f64).sqrt();
    // The normal interval from per-trial fractions is the honest one (eigenvalues of one matrix
    // are dependent, trials are not), but it collapses to a point when every trial has the same
    // count, e.g. none outside. The pooled Wilson interval, which treats moduli as independent,
    // stays open there; the union of the two is reported.
    let outside: usize = hists.iter().map(|h| h.outside_unit).sum();
    let (w_lo, w_hi) = stats::wilson(outside, hists.len() * dim, Z95);
    let beyond: usize = hists.iter().map(|h| h.beyond).sum();
    let exceed = hists.iter().filter(|h| h.outside_unit > 0).count();
    let (p_lo, p_hi) = stats::wilson(exceed, hists.len(), Z95);
    let real_entries = !cell.ensemble.is_complex();
    let real: usize = hists.iter().map(|h| h.real).sum();
    let summary = DensitySummaryRow {
        ensemble,
        scale,
        precision: cell.precision.name().into(),
        n: cell.n,
        trials: hists.len(),
        mass_outside_unit_circle: mean,
        mass_outside_lo: (mean - half).max(0.0).min(w_lo),
        mass_outside_hi: (mean + half).min(1.0).max(w_hi),
        exact_mass_outside: law.map(|l| exact_mass_outside(&l, cell.factor)),
        p_exceed_1: exceed as f64 / hists.len() as f64,
        p_exceed_1_lo: p_lo,
        p_exceed_1_hi: p_hi,
        exact_p_exceed_1: laws::exact(cell.ensemble, cell.n)
            .ok()
            .map(|l| l.sf(1.0 / cell.factor)),
        real_eigenvalues: real_entries.then(|| real as f64 / hists.len() as f64),
        exact_real_eigenvalues: (cell.ensemble == Ensemble::RealGinibre)
            .then(|| expected_real_eigenvalues(cell.n)),
        r_max,
        mass_beyond_r_max: beyond as f64 / total,
    };
    (rows, summary)
}

/// Every cell of the run, or the first reason it cannot run (nothing is written then).
pub fn plan(opts: &DensityOptions) -> Result<Vec<Cell>, Error> {
    let cells = opts
        .params
        .grid
        .cells(Method::Dense, opts.params.sampling.precision)?;
    let trials = opts.params.sampling.trials as u128;
    let bins = opts.params.spec.bins as u128;
    let workers = (opts.exec.threads as u128).min(trials);
    // Every trial of a cell keeps its histogram (4 bytes a bin) until the cell is summarised,
    // and the summary holds 8 bytes a bin and one row per bin.
    check_memory(&cells, workers as usize, |_| {
        vec![Demand::new(
            Param::Bins,
            bins * (4 * trials + 8 + std::mem::size_of::<DensityRow>() as u128),
        )]
    })?;
    if let Some(r_max) = opts.params.spec.r_max {
        // An edge so far out that a cell's whole spectrum lies in the first bin measures nothing
        // (and its bins' exact densities underflow).
        let bins = opts.params.spec.bins as f64;
        if let Some(cell) = cells.iter().find(|c| default_r_max(c) < r_max / bins) {
            return Err(Error::config(
                Param::RMax,
                format!(
                    "{r_max} puts the whole spectrum of {} (moduli below about {:.3e}) into the \
                     first of {bins} bins; use an edge below {:.3e}, or leave it to the default",
                    label(cell),
                    default_r_max(cell),
                    default_r_max(cell) * bins
                ),
            ));
        }
    }
    opts.params
        .sampling
        .shard
        .slice(opts.params.sampling.trials)?;
    Ok(cells)
}

/// What one finished cell contributes to the tables.
pub struct DensityCellRows {
    pub density: Vec<DensityRow>,
    pub summary: DensitySummaryRow,
}

/// One line of `density_raw.csv` (see [`FILES`]): a trial's key, its counts outside the unit
/// circle, beyond `r_max` and on the real line, and its non-empty bins as space-separated
/// `bin:count` pairs in one field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DensityRawRow {
    pub ensemble: Cow<'static, str>,
    pub scale: String,
    pub n: usize,
    pub trial: u64,
    pub outside_unit: usize,
    pub beyond: usize,
    pub real: usize,
    pub counts: String,
}

/// The density job as a [`RecordJob`].
pub struct DensityJob(DensityOptions, Vec<Cell>);

impl DensityJob {
    fn r_max(&self, cell: &Cell) -> f64 {
        self.0
            .params
            .spec
            .r_max
            .unwrap_or_else(|| default_r_max(cell))
    }
}

impl RecordJob for DensityJob {
    type Spec = DensitySpec;
    type Record = TrialHistogram;
    type CellRows = DensityCellRows;
    const SUBCOMMAND: &'static str = "density";
    const FILES: &'static [&'static str] = &FILES;
    const RAW: &'static str = FILES[2];
    type Row = DensityRawRow;

    fn new(options: DensityOptions) -> Result<Self, Error> {
        let cells = plan(&options)?;
        Ok(DensityJob(options, cells))
    }

    fn options(&self) -> &DensityOptions {
        &self.0
    }

    fn cells(&self) -> &[Cell] {
        &self.1
    }

    fn sample(
        &self,
        cell: &Cell,
        trials: std::ops::Range<u64>,
        tick: &(dyn Fn() + Sync),
    ) -> Result<Vec<TrialHistogram>, Error> {
        sample_cell(
            cell,
            self.0.params.sampling.seed,
            trials,
            self.0.params.spec.bins,
            self.r_max(cell),
            tick,
        )
    }

    fn row(&self, cell: &Cell, trial: u64, h: &TrialHistogram) -> DensityRawRow {
        let key = TrialKey::of(cell, trial);
        let pairs: Vec<String> = h
            .counts
            .iter()
            .enumerate()
            .filter(|(_, &c)| c > 0)
            .map(|(k, c)| format!("{k}:{c}"))
            .collect();
        DensityRawRow {
            ensemble: key.ensemble,
            scale: key.scale,
            n: key.n,
            trial: key.trial,
            outside_unit: h.outside_unit,
            beyond: h.beyond,
            real: h.real,
            counts: pairs.join(" "),
        }
    }

    fn check_record(&self, cell: &Cell, h: &TrialHistogram) -> Result<(), String> {
        let binned: u64 = h.counts.iter().map(|&c| c as u64).sum();
        let dim = cell.matrix_dim();
        if binned + h.beyond as u64 != dim as u64 {
            return Err(format!(
                "{binned} moduli in bins and {} beyond r_max, where a {dim}x{dim} matrix has {dim}",
                h.beyond
            ));
        }
        if h.outside_unit > dim || h.real > dim {
            return Err(format!(
                "more eigenvalues counted than a {dim}x{dim} matrix has"
            ));
        }
        Ok(())
    }

    fn record(
        &self,
        _cell: &Cell,
        row: DensityRawRow,
    ) -> Result<(TrialKey, TrialHistogram), String> {
        let bins = self.0.params.spec.bins;
        let mut counts = vec![0u32; bins];
        for pair in row.counts.split(' ').filter(|p| !p.is_empty()) {
            let bad = || format!("counts: '{pair}' is not BIN:COUNT with BIN < {bins}");
            let (k, c) = pair.split_once(':').ok_or_else(bad)?;
            let k: usize = k.parse().map_err(|_| bad())?;
            *counts.get_mut(k).ok_or_else(bad)? = c.parse().map_err(|_| bad())?;
        }
        let key = TrialKey {
            ensemble: row.ensemble,
            scale: row.scale,
            n: row.n,
            trial: row.trial,
        };
        let histogram = TrialHistogram {
            counts,
            outside_unit: row.outside_unit,
            beyond: row.beyond,
            real: row.real,
        };
        Ok((key, histogram))
    }

    fn cell_rows(&self, cell: &Cell, _first: u64, records: &[TrialHistogram]) -> DensityCellRows {
        let (density, summary) =
            cell_rows(cell, records, self.0.params.spec.bins, self.r_max(cell));
        DensityCellRows { density, summary }
    }

    fn describe(&self, label: &str, trials: u64, seconds: f64, rows: &DensityCellRows) -> String {
        format!(
            "{label}: {trials} trials in {seconds:.2} s, mass outside unit circle {:.5}",
            rows.summary.mass_outside_unit_circle
        )
    }

    fn write_tables(&self, out: &Path, done: &[DensityCellRows]) -> Result<(), Error> {
        let density: Vec<&DensityRow> = done.iter().flat_map(|c| &c.density).collect();
        write_table(&out.join(FILES[0]), &density)?;
        let summaries: Vec<&DensitySummaryRow> = done.iter().map(|c| &c.summary).collect();
        write_table(&out.join(FILES[1]), &summaries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn circular_law_bins_integrate_to_one() {
        let (c, bins, r_max) = (0.8, 37, 2.0);
        let h = r_max / bins as f64;
        let total: f64 = (0..bins)
            .map(|k| h * circular_law_bin(k as f64 * h, (k + 1) as f64 * h, c))
            .sum();
        assert!((total - 1.0).abs() < 1e-12, "{total}");
    }

    #[test]
    fn modulus_bound_holds_the_whole_density() {
        for n in [1usize, 2, 3, 10, 64, 1000] {
            for law in [Ensemble::ComplexGinibre, Ensemble::RealGinibre] {
                let law = laws::modulus(law, n).unwrap();
                let total = law.mass_between(0.0, law.bound(), 400);
                assert!((total - 1.0).abs() < 1e-9, "n={n}: {total}");
            }
        }
    }

    #[test]
    fn exact_mass_outside_matches_cdf_integral() {
        // At the glorot scale the exact mass outside is 1 - int_0^1 f_n.
        for e in [Ensemble::ComplexGinibre, Ensemble::RealGinibre] {
            let law = laws::modulus(e, 64).unwrap();
            let inside = law.mass_between(0.0, 1.0, 400);
            assert!((exact_mass_outside(&law, 1.0) - (1.0 - inside)).abs() < 1e-10);
        }
    }

    #[test]
    fn histogram_counts_overflow() {
        let spectrum = Spectrum {
            moduli: &[0.1, 0.5, 1.5, 2.0, 3.0],
            real_eigenvalues: 3,
        };
        let h = histogram(spectrum, 4, 2.0, 0.0);
        assert_eq!(h.counts, vec![1, 1, 0, 1]);
        assert_eq!((h.outside_unit, h.beyond, h.real), (3, 2, 3));
    }
}
