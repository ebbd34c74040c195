//! The rows of the radius job's CSV files, and how each is computed from a cell's trials
//! (docs/math/statistics.md, docs/math/asymptotics.md). The row types define the columns: their
//! fields, in order, are the header (`mc-gumbel columns`).

use crate::math::asymptotics::{self, GumbelLaw, Symmetry};
use crate::math::exact_law::ExactLaw;
use crate::math::stats::{self, GumbelFit, Z95};
use crate::model::counts::MIN_TRIALS_FOR_SPREAD;
use crate::model::{laws, Cell};
use crate::model::{Ensemble, Scale};
use crate::sampling::spectrum::RadiusRecord;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// `radius_summary.csv`: one row per ensemble x scale x width.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SummaryRow {
    pub ensemble: String,
    pub scale: String,
    pub scale_factor: f64,
    pub method: String,
    pub precision: String,
    pub n: usize,
    pub trials: usize,
    pub mean: f64,
    /// Empty below [`MIN_TRIALS_FOR_SPREAD`] trials: one trial has no spread.
    pub sd: Option<f64>,
    pub median: f64,
    pub q05: f64,
    pub q95: f64,
    pub p_exceed_1: f64,
    pub p_exceed_1_lo: f64,
    pub p_exceed_1_hi: f64,
    pub gamma_n: f64,
    pub theory_loc: Option<f64>,
    pub theory_scale: Option<f64>,
    pub fit_loc: Option<f64>,
    pub fit_loc_se: Option<f64>,
    pub fit_scale: Option<f64>,
    pub fit_scale_se: Option<f64>,
    pub ks_fit: Option<f64>,
    pub ks_theory: Option<f64>,
    pub exact_mean: Option<f64>,
    pub exact_median: Option<f64>,
    pub exact_p_exceed_1: Option<f64>,
    pub ks_exact: Option<f64>,
}

/// `convergence.csv`: does `rho` approach 1 from above, and how fast.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ConvergenceRow {
    pub ensemble: String,
    pub scale: String,
    pub method: String,
    pub precision: String,
    pub n: usize,
    pub mean_excess: f64,
    pub mean_excess_lo: Option<f64>,
    pub mean_excess_hi: Option<f64>,
    pub median_excess: f64,
    /// Rider's Gumbel location minus 1.
    pub theory_excess: Option<f64>,
    /// The mean and median of Rider's Gumbel law minus 1: `loc + gamma_E scale - 1` and
    /// `loc - ln(ln 2) scale - 1`, the like-for-like predictions of the two sample columns.
    pub theory_mean_excess: Option<f64>,
    pub theory_median_excess: Option<f64>,
    /// The exact law's mean and median minus 1.
    pub exact_mean_excess: Option<f64>,
    pub exact_median_excess: Option<f64>,
    /// Empty where the interval is (too few trials to have one).
    pub above: Option<bool>,
}

/// `rescaling.csv`: what probability of `rho > 1` each candidate rescaling really delivers.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct RescalingRow {
    pub ensemble: String,
    pub n: usize,
    pub factor_name: String,
    /// The ensemble whose exact law the factor was calibrated on: the row's own for `exact:P`,
    /// real Ginibre's for a transferred `real-ginibre-exact:P` (an ensemble with no exact law of
    /// its own); empty for the fixed, published and sampled factors.
    pub calibrated_on: Option<String>,
    pub factor: Option<f64>,
    /// A distribution-free 95% interval of an estimated factor (`mc:P`); empty for the others,
    /// and on a side where the sample has no order statistic extreme enough.
    pub factor_lo: Option<f64>,
    pub factor_hi: Option<f64>,
    pub defined: bool,
    /// The `P(rho > 1)` the factor was built to deliver to this ensemble; empty where it was
    /// built for none (the published factor on `truncated-normal` or `orthogonal`).
    pub target_p: Option<f64>,
    pub exact_p_exceed_1: Option<f64>,
    pub mc_p_exceed_1: Option<f64>,
    pub mc_p_exceed_1_lo: Option<f64>,
    pub mc_p_exceed_1_hi: Option<f64>,
}

/// The asymptotic law that applies to `ensemble` at width `n` scaled by `factor`, if any.
pub fn theory_law(ensemble: Ensemble, n: usize, factor: f64) -> Option<GumbelLaw> {
    let (symmetry, sd) = ensemble.iid_theory()?;
    asymptotics::rider_law(n, symmetry).map(|law| law.scaled(sd * factor))
}

/// Sorted radii of a cell's trials.
pub fn sorted_radii(records: &[RadiusRecord]) -> Vec<f64> {
    let mut rho: Vec<f64> = records.iter().map(|r| r.rho).collect();
    rho.sort_by(f64::total_cmp);
    rho
}

/// Twice the stated absolute error of the exact CDFs, with room to spare (Kostlan's law and the
/// real law are both within 1e-13): the slack [`stats::ks_bisected`] needs to return the KS
/// distance of a full evaluation, bit for bit, from a few hundred evaluations of the law.
const EXACT_CDF_SLACK: f64 = 1e-12;

/// KS distance of sorted data from a cheap CDF, evaluated at every point in parallel.
fn ks_par(sorted: &[f64], cdf: impl Fn(f64) -> f64 + Sync) -> f64 {
    let f: Vec<f64> = sorted.par_iter().map(|&x| cdf(x)).collect();
    stats::ks_from_cdf_values(&f)
}

pub fn summary_row(cell: &Cell, sorted: &[f64]) -> SummaryRow {
    let trials = sorted.len();
    let n = cell.n;
    let (mean, sd) = stats::mean_sd(sorted);
    let tol = cell.outside_tolerance();
    let exceed = sorted.iter().filter(|&&r| r > 1.0 + tol).count();
    let (p_lo, p_hi) = stats::wilson(exceed, trials, Z95);
    let law = theory_law(cell.ensemble, n, cell.factor);
    // A sample whose spread is rounding (orthogonal: every radius is 1) has no Gumbel law to fit.
    let spread = sorted.last().unwrap_or(&0.0) - sorted.first().unwrap_or(&0.0);
    let fit: Option<GumbelFit> = if spread > tol.max(f64::EPSILON) {
        stats::gumbel_fit(sorted)
    } else {
        None
    };
    let exact = laws::exact(cell.ensemble, n).ok();
    let f = cell.factor;
    // The exact law's quantities are independent root searches and quadratures: run them side by
    // side on the job's pool (each gives the bits it gives alone).
    let ((moments, median), (p_exceed, ks_exact)) = match &exact {
        Some(e) => {
            let (mm, (p, ks)) = rayon::join(
                || rayon::join(|| e.mean_sd(), || e.quantile(0.5)),
                || {
                    rayon::join(
                        || e.sf(1.0 / f),
                        || {
                            stats::ks_bisected(sorted, EXACT_CDF_SLACK, |at| {
                                at.par_iter().map(|&i| e.cdf(sorted[i] / f)).collect()
                            })
                        },
                    )
                },
            );
            ((Some(mm.0), Some(mm.1)), (Some(p), Some(ks)))
        }
        None => ((None, None), (None, None)),
    };
    SummaryRow {
        ensemble: cell.ensemble.name().into(),
        scale: cell.scale.label(),
        scale_factor: f,
        method: cell.method.name().into(),
        precision: cell.precision.name().into(),
        n,
        trials,
        mean,
        sd: (sorted.len() >= MIN_TRIALS_FOR_SPREAD).then_some(sd),
        median: stats::quantile_sorted(sorted, 0.5),
        q05: stats::quantile_sorted(sorted, 0.05),
        q95: stats::quantile_sorted(sorted, 0.95),
        p_exceed_1: exceed as f64 / trials as f64,
        p_exceed_1_lo: p_lo,
        p_exceed_1_hi: p_hi,
        gamma_n: asymptotics::gamma_n(n),
        theory_loc: law.map(|l| l.loc),
        theory_scale: law.map(|l| l.scale),
        fit_loc: fit.map(|g| g.loc),
        fit_loc_se: fit.map(|g| g.loc_se),
        fit_scale: fit.map(|g| g.scale),
        fit_scale_se: fit.map(|g| g.scale_se),
        ks_fit: fit.map(|g| {
            let law = GumbelLaw {
                loc: g.loc,
                scale: g.scale,
            };
            ks_par(sorted, |x| law.cdf(x))
        }),
        ks_theory: law.map(|l| ks_par(sorted, |x| l.cdf(x))),
        exact_mean: moments.map(|m| f * m.0),
        exact_median: median.map(|m| f * m),
        exact_p_exceed_1: p_exceed,
        ks_exact,
    }
}

pub fn convergence_row(s: &SummaryRow) -> ConvergenceRow {
    let half = s.sd.map(|sd| Z95 * sd / (s.trials as f64).sqrt());
    let excess = s.mean - 1.0;
    let rider = s
        .theory_loc
        .zip(s.theory_scale)
        .map(|(loc, scale)| GumbelLaw { loc, scale });
    ConvergenceRow {
        ensemble: s.ensemble.clone(),
        scale: s.scale.clone(),
        method: s.method.clone(),
        precision: s.precision.clone(),
        n: s.n,
        mean_excess: excess,
        mean_excess_lo: half.map(|h| excess - h),
        mean_excess_hi: half.map(|h| excess + h),
        median_excess: s.median - 1.0,
        theory_excess: s.theory_loc.map(|l| l - 1.0),
        theory_mean_excess: rider.map(|g| g.mean() - 1.0),
        theory_median_excess: rider.map(|g| g.quantile(0.5) - 1.0),
        exact_mean_excess: s.exact_mean.map(|m| m - 1.0),
        exact_median_excess: s.exact_median.map(|m| m - 1.0),
        above: half.map(|h| excess - h > 0.0),
    }
}

/// A rescaling to assess: the published factor, an exact calibration on the ensemble's own law,
/// or the calibration a sample estimates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Candidate {
    /// A fixed factor (`glorot`, `half`): what plain Glorot and the halved-variance baseline
    /// deliver, for reference.
    Fixed(Scale),
    Paper,
    Exact(f64),
    /// `1/q_hat(1-P)` from the glorot-scale radii: the factor the sample says gives `P`.
    MonteCarlo(f64),
    /// Real Ginibre's exact factor for `P`, applied to an ensemble with no exact law of its
    /// own: what edge universality lets one borrow, and the sample says how well it does.
    Transferred(f64),
}

/// The ensemble whose exact law a [`Candidate::Transferred`] factor comes from.
pub const TRANSFER_SOURCE: Ensemble = Ensemble::RealGinibre;

impl Candidate {
    pub fn label(&self) -> String {
        match *self {
            Candidate::Fixed(s) => s.label(),
            Candidate::Paper => Scale::Paper.label(),
            Candidate::Exact(p) => Scale::Exact(p).label(),
            Candidate::MonteCarlo(p) => format!("mc:{p}"),
            Candidate::Transferred(p) => {
                format!("{}-{}", TRANSFER_SOURCE.name(), Scale::Exact(p).label())
            }
        }
    }
}

/// The candidates of `rescaling.csv`: plain Glorot and the halved variance for reference, the
/// published factor, then per target the exact calibration where an exact law is at hand
/// (`exact`), the sample's estimate where a glorot-scale sample is (`mc`), and real Ginibre's
/// exact factor where the ensemble has no law of its own but a sample to test it on
/// (`transfer`).
pub fn candidates(targets: &[f64], exact: bool, mc: bool, transfer: bool) -> Vec<Candidate> {
    let mut out = vec![
        Candidate::Fixed(Scale::Glorot),
        Candidate::Fixed(Scale::Half),
        Candidate::Paper,
    ];
    out.extend(
        targets
            .iter()
            .filter(|_| exact)
            .map(|&p| Candidate::Exact(p)),
    );
    out.extend(
        targets
            .iter()
            .filter(|_| mc)
            .map(|&p| Candidate::MonteCarlo(p)),
    );
    out.extend(
        targets
            .iter()
            .filter(|_| transfer)
            .map(|&p| Candidate::Transferred(p)),
    );
    out
}

/// Whether `ensemble`'s rows of `rescaling.csv` borrow real Ginibre's exact factors: a real
/// ensemble of i.i.d. entries (the universality class of real Ginibre's edge) without an exact
/// law of its own.
pub fn takes_transfer(ensemble: Ensemble, has_exact: bool) -> bool {
    !has_exact && matches!(ensemble.iid_theory(), Some((Symmetry::Real, _)))
}

/// The factor that the sorted glorot-scale radii `sorted` say gives `P(rho > 1) = p`,
/// `1/q_hat(1-p)` (type-7 quantile), with the distribution-free 95% interval from the order
/// statistics that bound `q(1-p)` (docs/math/statistics.md); an interval end is `None` where the
/// sample has no order statistic extreme enough.
pub fn mc_factor(sorted: &[f64], p: f64) -> (f64, Option<f64>, Option<f64>) {
    let q = stats::quantile_sorted(sorted, 1.0 - p);
    let (l, u) = stats::quantile_ranks(sorted.len(), 1.0 - p, 0.95);
    let lo = u.map(|u| 1.0 / sorted[u - 1]);
    let hi = l.map(|l| 1.0 / sorted[l - 1]);
    (1.0 / q, lo, hi)
}

/// What the published factor promises to `ensemble`: its asymptotic `P(rho > 1)` under the
/// limit law of the ensemble's symmetry, for the ensembles with unit-variance i.i.d. entries it
/// was built for (complex and real; at beta = 4 it promises nothing, its limit is 0).
fn paper_promise(ensemble: Ensemble) -> Option<f64> {
    match ensemble.iid_theory() {
        Some((Symmetry::Quaternion, _)) => None,
        Some((symmetry, 1.0)) => Some(asymptotics::paper_promised_p_exceed_1(symmetry)),
        _ => None,
    }
}

/// Rows of `rescaling.csv` for one ensemble and width, with its exact law where at hand.
/// `glorot_sorted` are the radii sampled at scale 1, if the run drew them: since
/// `rho(sW) = s rho(W)`, `P(rho(sW) > 1)` is the share of them above `1/s`, with no extra
/// sampling (a radius counts as above 1 beyond the rounding tolerance `tol`). The Monte Carlo
/// columns stay empty for `mc:P` rows, whose factor was read off the
/// same sample (it would deliver `P` by construction).
pub fn rescaling_rows(
    ensemble: Ensemble,
    n: usize,
    exact: Option<&ExactLaw>,
    candidates: &[Candidate],
    glorot_sorted: Option<&[f64]>,
    tol: f64,
) -> Vec<RescalingRow> {
    let source = candidates
        .iter()
        .any(|c| matches!(c, Candidate::Transferred(_)))
        .then(|| laws::exact(TRANSFER_SOURCE, n).ok())
        .flatten();
    // Each candidate's factor is its own root search: all of them at once on the job's pool.
    candidates
        .par_iter()
        .map(|c| {
            let (factor, factor_lo, factor_hi, target_p) = match *c {
                Candidate::Fixed(s) => (s.factor(ensemble, n).ok(), None, None, None),
                Candidate::Paper => (
                    asymptotics::paper_factor(n),
                    None,
                    None,
                    paper_promise(ensemble),
                ),
                // A P the law cannot deliver leaves the row undefined (no factor, no exact P).
                Candidate::Exact(p) => (
                    exact.and_then(|e| e.calibrated_factor(p).ok()),
                    None,
                    None,
                    Some(p),
                ),
                Candidate::MonteCarlo(p) => match glorot_sorted {
                    Some(sorted) => {
                        let (f, lo, hi) = mc_factor(sorted, p);
                        (Some(f), lo, hi, Some(p))
                    }
                    None => (None, None, None, Some(p)),
                },
                Candidate::Transferred(p) => (
                    source.as_ref().and_then(|e| e.calibrated_factor(p).ok()),
                    None,
                    None,
                    Some(p),
                ),
            };
            let calibrated_on = match c {
                Candidate::Exact(_) => Some(ensemble.name().to_string()),
                Candidate::Transferred(_) => Some(TRANSFER_SOURCE.name().to_string()),
                _ => None,
            }
            .filter(|_| factor.is_some());
            let in_sample = matches!(c, Candidate::MonteCarlo(_));
            let mc = factor
                .zip(glorot_sorted)
                .filter(|_| !in_sample)
                .map(|(s, sorted)| {
                    let above = sorted.len() - sorted.partition_point(|&r| r <= (1.0 + tol) / s);
                    let (lo, hi) = stats::wilson(above, sorted.len(), Z95);
                    (above as f64 / sorted.len() as f64, lo, hi)
                });
            RescalingRow {
                ensemble: ensemble.name().into(),
                n,
                factor_name: c.label(),
                calibrated_on,
                factor,
                factor_lo,
                factor_hi,
                defined: factor.is_some(),
                target_p,
                exact_p_exceed_1: factor.zip(exact).map(|(s, e)| e.sf(1.0 / s)),
                mc_p_exceed_1: mc.map(|m| m.0),
                mc_p_exceed_1_lo: mc.map(|m| m.1),
                mc_p_exceed_1_hi: mc.map(|m| m.2),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An ensemble without an exact law borrows real Ginibre's factors under a name that says
    /// so, and only a sample judges them: no exact `P` is claimed for it.
    #[test]
    fn transferred_factors_are_named_for_their_source_and_judged_by_the_sample() {
        assert!(takes_transfer(Ensemble::GlorotUniform, false));
        assert!(takes_transfer(Ensemble::TruncatedNormalUnit, false));
        assert!(!takes_transfer(Ensemble::RealGinibre, true));
        assert!(!takes_transfer(Ensemble::Orthogonal, false));
        assert!(!takes_transfer(Ensemble::ComplexGinibre, true));
        let source = laws::exact(Ensemble::RealGinibre, 64).unwrap();
        let factor = source.calibrated_factor(0.1).unwrap();
        // 10 radii, 3 of them above 1/factor: the factor delivers 0.3 to this sample.
        let threshold = 1.0 / factor;
        let sorted: Vec<f64> = (0..10)
            .map(|i| threshold + (i as f64 - 6.5) * 1e-3)
            .collect();
        let c = candidates(&[0.1], false, true, true);
        let rows = rescaling_rows(Ensemble::GlorotUniform, 64, None, &c, Some(&sorted), 0.0);
        let row = rows.last().unwrap();
        assert_eq!(row.factor_name, "real-ginibre-exact:0.1");
        assert_eq!(row.calibrated_on.as_deref(), Some("real-ginibre"));
        assert_eq!((row.factor, row.target_p), (Some(factor), Some(0.1)));
        assert_eq!(row.exact_p_exceed_1, None);
        assert_eq!(row.mc_p_exceed_1, Some(0.3));
    }
}
