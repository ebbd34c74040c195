//! `nonnormality.csv`: what the non-normality of `W` does to the explosion time, measured on
//! the same matrices and inputs (docs/math/rnn.md, "The diagonalised recurrence"): per cell, the
//! ratio of the dense recurrence's explosion time to the diagonalised one's, and how often the
//! dense one explodes first. A hidden run with both recurrences fills it; otherwise it holds its
//! header only.
//!
//! A run that does not explode within `steps` is censored, so a pair's ratio is known only to
//! lie in an interval (docs/math/statistics.md, "Paired ratios under censoring"); the order
//! statistics of the intervals' ends bound those of the ratios.

use crate::math::stats::{quantile_ranks, wilson, Z95};
use crate::model::Cell;
use serde::{Deserialize, Serialize};

/// One row of `nonnormality.csv`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct NonNormalityRow {
    pub ensemble: String,
    pub scale: String,
    pub precision: String,
    pub n: usize,
    pub trials: usize,
    pub steps: usize,
    /// Median over the trials of dense time / diagonal time (order statistic `ceil(m/2)`); empty
    /// where censored runs leave it undetermined.
    pub ratio_median: Option<f64>,
    /// The range censoring leaves for that median (equal ends when it is determined); an end is
    /// empty where it is open.
    pub ratio_median_min: Option<f64>,
    pub ratio_median_max: Option<f64>,
    /// Distribution-free 95% interval of that median; an end is empty where censoring (or too
    /// few trials) leaves it unbounded.
    pub ratio_lo: Option<f64>,
    pub ratio_hi: Option<f64>,
    /// Share of trials whose dense recurrence exploded at an earlier step than the diagonal one
    /// (a run that never exploded counts as later than any that did), with its Wilson 95%
    /// interval.
    pub dense_first: f64,
    pub dense_first_lo: f64,
    pub dense_first_hi: f64,
    /// Shares of trials where both exploded at the same step, where the diagonal one exploded
    /// first, and where neither exploded.
    pub same_step: f64,
    pub diagonal_first: f64,
    pub neither: f64,
}

/// The interval a pair's ratio `dense / diagonal` is known to lie in: `(lo, hi)`, `None` for
/// an end censoring leaves open (`lo`: 0, `hi`: infinity). A censored time is beyond `steps`.
fn ratio_bounds(
    dense: Option<usize>,
    diagonal: Option<usize>,
    steps: usize,
) -> (Option<f64>, Option<f64>) {
    let beyond = (steps + 1) as f64;
    match (dense, diagonal) {
        (Some(d), Some(g)) => (Some(d as f64 / g as f64), Some(d as f64 / g as f64)),
        (Some(d), None) => (None, Some(d as f64 / beyond)),
        (None, Some(g)) => (Some(beyond / g as f64), None),
        (None, None) => (None, None),
    }
}

/// The `nonnormality.csv` row of one finished cell from each trial's (dense, diagonal)
/// explosion times, `None` where a run never exploded within `steps`.
pub fn nonnormality_row(
    cell: &Cell,
    pairs: &[(Option<usize>, Option<usize>)],
    steps: usize,
) -> NonNormalityRow {
    let m = pairs.len();
    let (mut lows, mut highs): (Vec<Option<f64>>, Vec<Option<f64>>) = pairs
        .iter()
        .map(|&(d, g)| ratio_bounds(d, g, steps))
        .unzip();
    // Open lower ends (0) sort first, open upper ends (infinity) last.
    lows.sort_by(|a, b| a.unwrap_or(0.0).total_cmp(&b.unwrap_or(0.0)));
    highs.sort_by(|a, b| {
        a.unwrap_or(f64::INFINITY)
            .total_cmp(&b.unwrap_or(f64::INFINITY))
    });
    // The k-th smallest ratio lies between the k-th smallest lower end and upper end.
    let k = m.div_ceil(2).max(1);
    let ratio_median = match (lows[k - 1], highs[k - 1]) {
        (Some(lo), Some(hi)) if lo == hi => Some(lo),
        _ => None,
    };
    let (l, u) = quantile_ranks(m, 0.5, 0.95);
    let count = |f: &dyn Fn(Option<usize>, Option<usize>) -> bool| {
        pairs.iter().filter(|&&(d, g)| f(d, g)).count()
    };
    let later = |t: Option<usize>| t.unwrap_or(usize::MAX);
    let dense_first = count(&|d, g| d.is_some() && later(d) < later(g));
    let diagonal_first = count(&|d, g| g.is_some() && later(g) < later(d));
    let same_step = count(&|d, g| d.is_some() && d == g);
    let neither = count(&|d, g| d.is_none() && g.is_none());
    let (lo, hi) = wilson(dense_first, m, Z95);
    let share = |k: usize| k as f64 / m as f64;
    NonNormalityRow {
        ensemble: cell.ensemble.name().into(),
        scale: cell.scale.label(),
        precision: cell.precision.name().into(),
        n: cell.n,
        trials: m,
        steps,
        ratio_median,
        ratio_median_min: lows[k - 1],
        ratio_median_max: highs[k - 1],
        ratio_lo: l.and_then(|l| lows[l - 1]),
        ratio_hi: u.and_then(|u| highs[u - 1]),
        dense_first: share(dense_first),
        dense_first_lo: lo,
        dense_first_hi: hi,
        same_step: share(same_step),
        diagonal_first: share(diagonal_first),
        neither: share(neither),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Ensemble, Method, Precision, Scale};

    fn cell() -> Cell {
        Cell {
            ensemble: Ensemble::RealGinibre,
            scale: Scale::Glorot,
            factor: 1.0,
            n: 64,
            method: Method::Dense,
            precision: Precision::F64,
        }
    }

    #[test]
    fn uncensored_pairs_give_the_sample_median_and_its_ranks() {
        // Ratios 0.01, 0.02, ..., 1.00 in scrambled order.
        let pairs: Vec<_> = (1..=100)
            .map(|i| (Some((i * 37) % 100 + 1), Some(100)))
            .collect();
        let r = nonnormality_row(&cell(), &pairs, 3000);
        assert_eq!(r.ratio_median, Some(0.5));
        assert_eq!(
            (r.ratio_median_min, r.ratio_median_max),
            (Some(0.5), Some(0.5))
        );
        // The 95% ranks of the median of 100 are 40 and 61 (as for explosion.csv).
        assert_eq!((r.ratio_lo, r.ratio_hi), (Some(0.4), Some(0.61)));
        assert_eq!(r.dense_first, 0.99);
        assert_eq!(r.same_step, 0.01);
        assert_eq!((r.diagonal_first, r.neither), (0.0, 0.0));
    }

    #[test]
    fn censoring_bounds_the_ratio_instead_of_guessing() {
        // 60 pairs where dense exploded at 10 and diagonal never did within 100 steps: each
        // ratio is at most 10/101, but how small is unknown; 40 pairs with ratio exactly 1.
        // The median (rank 50) is then at most 10/101 but has no lower bound; its interval's
        // upper end is rank 61, a ratio of 1.
        let mut pairs = vec![(Some(10), None); 60];
        pairs.extend(vec![(Some(50), Some(50)); 40]);
        let r = nonnormality_row(&cell(), &pairs, 100);
        assert_eq!(r.ratio_median, None);
        assert_eq!(
            (r.ratio_median_min, r.ratio_median_max),
            (None, Some(10.0 / 101.0))
        );
        assert_eq!((r.ratio_lo, r.ratio_hi), (None, Some(1.0)));
        // With 70 such pairs the interval's upper end is one of them.
        let mut pairs = vec![(Some(10), None); 70];
        pairs.extend(vec![(Some(50), Some(50)); 30]);
        let r = nonnormality_row(&cell(), &pairs, 100);
        assert_eq!(r.ratio_hi, Some(10.0 / 101.0));
        assert_eq!((r.dense_first, r.same_step), (0.7, 0.3));
        // Neither exploded: no ratio bound at all, and neither is first.
        let r = nonnormality_row(&cell(), &[(None, None); 9], 100);
        assert_eq!((r.ratio_median, r.ratio_lo, r.ratio_hi), (None, None, None));
        assert_eq!((r.dense_first, r.neither), (0.0, 1.0));
        // Only the diagonal exploded: the ratio is above 101/20.
        let r = nonnormality_row(&cell(), &[(None, Some(20)); 9], 100);
        assert_eq!(r.ratio_lo, Some(101.0 / 20.0));
        assert_eq!(r.diagonal_first, 1.0);
    }
}
