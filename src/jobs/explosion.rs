//! `explosion.csv`: when do the linear RNNs of the `hidden` job explode, per ensemble x scale x
//! width, as a distribution with intervals (docs/math/statistics.md, right-censored samples), and
//! against the explosion time implied by the radius alone under the exact law of `rho`
//! (docs/math/rnn.md). A run that never explodes within `--steps` is censored at the horizon:
//! it counts in `never_exploded`, and a quantile that falls among censored runs is left empty,
//! never made up.

use crate::math::exact_law::ExactLaw;
use crate::math::explosion::{implied_time, radius_for_time};
use crate::math::stats::{quantile_ranks, wilson, Z95};
use crate::model::{laws, Cell, Recurrence};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// The standard sequence lengths at which `P(explode by T)` is reported (the paper's long-range
/// range), where they do not exceed `--steps`.
pub const LENGTHS: [usize; 3] = [1000, 2000, 3000];

/// One row of `explosion.csv`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ExplosionRow {
    pub ensemble: String,
    pub scale: String,
    pub precision: String,
    pub recurrence: String,
    pub n: usize,
    pub trials: usize,
    pub steps: usize,
    /// Share of runs that never exploded within `steps`, with its Wilson 95% interval.
    pub never_exploded: f64,
    pub never_exploded_lo: f64,
    pub never_exploded_hi: f64,
    /// Quantiles of the explosion time (order statistics), each with a distribution-free 95%
    /// interval; empty where the order statistic is a censored run (beyond `steps`).
    pub q10: Option<f64>,
    pub q10_lo: Option<f64>,
    pub q10_hi: Option<f64>,
    pub median: Option<f64>,
    pub median_lo: Option<f64>,
    pub median_hi: Option<f64>,
    pub q90: Option<f64>,
    pub q90_lo: Option<f64>,
    pub q90_hi: Option<f64>,
    /// `P(explode by T)` for `T` = 1000, 2000, 3000 with Wilson 95% intervals; empty where `T`
    /// exceeds `steps`.
    pub p_by_1000: Option<f64>,
    pub p_by_1000_lo: Option<f64>,
    pub p_by_1000_hi: Option<f64>,
    pub p_by_2000: Option<f64>,
    pub p_by_2000_lo: Option<f64>,
    pub p_by_2000_hi: Option<f64>,
    pub p_by_3000: Option<f64>,
    pub p_by_3000_lo: Option<f64>,
    pub p_by_3000_hi: Option<f64>,
    /// The radius-implied explosion time of the exact law's median radius (empty where it lies
    /// beyond `steps`, or the ensemble has no exact law).
    pub predicted_median: Option<f64>,
    /// The radius-implied `P(explode by steps)`.
    pub predicted_p_by_steps: Option<f64>,
    /// KS distance between the sample's explosion times (censored at `steps`) and the
    /// radius-implied law, over `[1, steps]`: how far the sample departs from the prediction.
    pub ks_predicted: Option<f64>,
}

/// The order statistic of rank `k` (1-based) of sorted times with `None` (censored) last.
fn rank(sorted: &[Option<usize>], k: usize) -> Option<f64> {
    sorted.get(k - 1).copied().flatten().map(|t| t as f64)
}

/// The `p`-quantile (order statistic `ceil(m p)`, the inverse of the empirical CDF) with its
/// distribution-free 95% interval.
fn quantile(sorted: &[Option<usize>], p: f64) -> (Option<f64>, Option<f64>, Option<f64>) {
    let m = sorted.len();
    let k = ((m as f64 * p).ceil() as usize).clamp(1, m);
    let (l, u) = quantile_ranks(m, p, 0.95);
    let lo = l.and_then(|l| rank(sorted, l));
    // An upper end among the censored runs says only "beyond steps": no finite bound.
    let hi = u.and_then(|u| rank(sorted, u));
    (rank(sorted, k), lo, hi)
}

/// The radius-implied law of the explosion time of `cell`'s matrices: `P(t* <= t)`.
struct Predicted<'a> {
    law: &'a ExactLaw,
    factor: f64,
    c: f64,
    /// What the dominant mode must add per step: the explosion factor less the bulk's share.
    excess: f64,
}

impl Predicted<'_> {
    fn cdf(&self, t: f64) -> f64 {
        let rho_t = radius_for_time(t, self.c, self.excess);
        self.law.sf(rho_t / self.factor)
    }
}

/// The KS distance between the explosion times (`sorted`, censored runs last) and the predicted
/// law. Explosion times are whole steps, with `P(time <= k) = P(t* <= k)` at every integer `k`:
/// the two step functions are compared at each distinct observed time and just below it, and at
/// the horizon (the censored runs leave the empirical CDF below 1 there). The law is evaluated at
/// every point in parallel; the maximum is exact, so its bits do not depend on the order.
fn ks_against(p: &Predicted<'_>, sorted: &[Option<usize>], steps: usize) -> f64 {
    let m = sorted.len() as f64;
    // (empirical CDF, step at which the law is compared with it)
    let mut points: Vec<(f64, f64)> = Vec::new();
    let mut i = 0;
    while let Some(Some(t)) = sorted.get(i) {
        let t = *t;
        let before = i as f64 / m;
        while sorted.get(i).copied().flatten() == Some(t) {
            i += 1;
        }
        points.push((before, t as f64 - 1.0));
        points.push((i as f64 / m, t as f64));
    }
    points.push((i as f64 / m, steps as f64));
    points
        .par_iter()
        .map(|&(empirical, t)| (empirical - p.cdf(t)).abs())
        .reduce(|| 0.0, f64::max)
}

/// The `explosion.csv` row of one finished cell and recurrence, from each trial's explosion
/// time (`None`: never within `steps`).
pub fn explosion_row(
    cell: &Cell,
    recurrence: Recurrence,
    times: &[Option<usize>],
    steps: usize,
    explode_factor: f64,
) -> ExplosionRow {
    let m = times.len();
    let mut sorted = times.to_vec();
    sorted.sort_by_key(|t| t.unwrap_or(usize::MAX));
    let censored = times.iter().filter(|t| t.is_none()).count();
    let (c_lo, c_hi) = wilson(censored, m, Z95);
    let (q10, q10_lo, q10_hi) = quantile(&sorted, 0.1);
    let (median, median_lo, median_hi) = quantile(&sorted, 0.5);
    let (q90, q90_lo, q90_hi) = quantile(&sorted, 0.9);
    let by = |t_max: usize| -> (Option<f64>, Option<f64>, Option<f64>) {
        if t_max > steps {
            return (None, None, None);
        }
        let k = times
            .iter()
            .filter(|t| t.is_some_and(|t| t <= t_max))
            .count();
        let (lo, hi) = wilson(k, m, Z95);
        (Some(k as f64 / m as f64), Some(lo), Some(hi))
    };
    let [b1, b2, b3] = LENGTHS.map(by);
    let law = laws::exact(cell.ensemble, cell.n).ok();
    let predicted = law.as_ref().map(|law| Predicted {
        law,
        factor: cell.factor,
        c: 1.0 / cell.n as f64,
        excess: explode_factor - recurrence.bulk_per_step(),
    });
    // The median, the KS points and the horizon are independent evaluations of the law (a
    // real-Ginibre one costs milliseconds): all of them at once on the job's pool.
    let ((predicted_median, predicted_p_by_steps), ks_predicted) = match predicted.as_ref() {
        None => ((None, None), None),
        Some(p) => {
            let (head, ks) = rayon::join(
                || {
                    rayon::join(
                        || {
                            let rho = p.factor * p.law.quantile(0.5);
                            implied_time(rho, p.c, p.excess).filter(|&t| t <= steps as f64)
                        },
                        || p.cdf(steps as f64),
                    )
                },
                || ks_against(p, &sorted, steps),
            );
            ((head.0, Some(head.1)), Some(ks))
        }
    };
    ExplosionRow {
        ensemble: cell.ensemble.name().into(),
        scale: cell.scale.label(),
        precision: cell.precision.name().into(),
        recurrence: recurrence.name().into(),
        n: cell.n,
        trials: m,
        steps,
        never_exploded: censored as f64 / m as f64,
        never_exploded_lo: c_lo,
        never_exploded_hi: c_hi,
        q10,
        q10_lo,
        q10_hi,
        median,
        median_lo,
        median_hi,
        q90,
        q90_lo,
        q90_hi,
        p_by_1000: b1.0,
        p_by_1000_lo: b1.1,
        p_by_1000_hi: b1.2,
        p_by_2000: b2.0,
        p_by_2000_lo: b2.1,
        p_by_2000_hi: b2.2,
        p_by_3000: b3.0,
        p_by_3000_lo: b3.1,
        p_by_3000_hi: b3.2,
        predicted_median,
        predicted_p_by_steps,
        ks_predicted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Method;
    use crate::model::Precision;
    use crate::model::{Ensemble, Scale};

    fn cell(ensemble: Ensemble) -> Cell {
        Cell {
            ensemble,
            scale: Scale::Glorot,
            factor: 1.0,
            n: 64,
            method: Method::Dense,
            precision: Precision::F64,
        }
    }

    #[test]
    fn none_censored() {
        let times: Vec<Option<usize>> = (1..=100).map(Some).collect();
        let r = explosion_row(
            &cell(Ensemble::Orthogonal),
            Recurrence::Dense,
            &times,
            3000,
            10.0,
        );
        assert_eq!(r.never_exploded, 0.0);
        assert_eq!(
            (r.q10, r.median, r.q90),
            (Some(10.0), Some(50.0), Some(90.0))
        );
        // 95% order-statistic interval of the median of 100: ranks 40 and 61.
        assert_eq!((r.median_lo, r.median_hi), (Some(40.0), Some(61.0)));
        assert_eq!(r.p_by_1000, Some(1.0));
        assert!(r.predicted_median.is_none() && r.ks_predicted.is_none());
    }

    #[test]
    fn all_censored() {
        let times = vec![None; 50];
        let r = explosion_row(
            &cell(Ensemble::Orthogonal),
            Recurrence::Dense,
            &times,
            500,
            10.0,
        );
        assert_eq!(r.never_exploded, 1.0);
        assert!(r.never_exploded_lo > 0.9 && r.never_exploded_hi == 1.0);
        assert_eq!((r.q10, r.median, r.q90), (None, None, None));
        assert_eq!((r.q10_lo, r.median_hi), (None, None));
        // Lengths beyond the horizon are not reported.
        assert_eq!((r.p_by_1000, r.p_by_2000, r.p_by_3000), (None, None, None));
    }

    #[test]
    fn mixed_censoring_leaves_unknown_quantiles_empty() {
        // 60 runs exploded at 1..=60, 40 never did within 2000 steps.
        let times: Vec<Option<usize>> = (1..=100).map(|i| (i <= 60).then_some(i)).collect();
        let r = explosion_row(
            &cell(Ensemble::Orthogonal),
            Recurrence::Dense,
            &times,
            2000,
            10.0,
        );
        assert_eq!(r.never_exploded, 0.4);
        assert_eq!(r.median, Some(50.0));
        // The median's upper end (rank 61) is a censored run: no finite bound.
        assert_eq!((r.median_lo, r.median_hi), (Some(40.0), None));
        assert_eq!(r.q90, None);
        assert_eq!(
            (r.p_by_1000, r.p_by_2000, r.p_by_3000),
            (Some(0.6), Some(0.6), None)
        );
    }

    /// The radius-implied law against a direct Monte Carlo of the same formula: draw radii from
    /// the exact law (inverse CDF at stratified levels), apply `t*`, and compare the share that
    /// explodes by `steps` and the median.
    #[test]
    fn prediction_matches_monte_carlo_of_the_same_formula() {
        let c = cell(Ensemble::ComplexGinibre);
        let law = laws::exact(Ensemble::ComplexGinibre, 64).unwrap();
        let m = 4000;
        let (steps, f) = (300usize, 10.0);
        let times: Vec<Option<usize>> = (0..m)
            .map(|i| {
                let rho = law.quantile((i as f64 + 0.5) / m as f64);
                implied_time(rho, 1.0 / 64.0, f - 1.0)
                    .filter(|&t| t <= steps as f64)
                    .map(|t| t.ceil() as usize)
            })
            .collect();
        let r = explosion_row(&c, Recurrence::Dense, &times, steps, f);
        let share = 1.0 - r.never_exploded;
        let predicted = r.predicted_p_by_steps.unwrap();
        // Stratified levels: the share differs from the law by at most 1/m.
        assert!(
            (share - predicted).abs() <= 1.0 / m as f64,
            "{share} vs {predicted}"
        );
        let (med, pred) = (r.median.unwrap(), r.predicted_median.unwrap());
        assert!((med - pred).abs() <= 1.0, "{med} vs {pred}");
        assert!(
            r.ks_predicted.unwrap() <= 1.0 / m as f64 + 1e-9,
            "{:?}",
            r.ks_predicted
        );
    }
}
