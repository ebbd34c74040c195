//! The linear RNN `h_0 = 0`, `h_t = W h_{t-1} + x_t` (docs/math/rnn.md): a batch of independent
//! input sequences pushed through one `W` at once, so every step is one matrix-matrix product
//! `H <- W H + X` (faer `matmul`, sequential inside a trial; rayon runs trials in parallel).

use super::draw::Entry;
use super::rng::StreamKey;
use super::rng::TrialRng;
use super::spectrum::{DenseWorkspace, Eigen, RadiusRecord};
use super::trials::{for_each_trial, with_entry, ForEntry};
use crate::error::Error;
use crate::model::Cell;
use faer::{Accum, Mat, MatRef, Par};
use std::ops::Range;

/// A squared norm above this is an overflow in the making (the next few steps would reach
/// `f64::MAX`): the sequence is recorded as exploded, `+inf` from then on, and stops.
pub const OVERFLOW: f64 = 1e300;

/// Every `t` up to this is recorded; beyond it the record times are log-spaced.
pub const DENSE_TIMES: usize = 100;

/// When norms are recorded: every `t` in `1..=100`, then `points` log-spaced times from 100 to
/// `steps` rounded to integers and deduplicated, always ending at `steps`.
pub fn record_times(steps: usize, points: usize) -> Vec<usize> {
    let mut times: Vec<usize> = (1..=steps.min(DENSE_TIMES)).collect();
    if steps > DENSE_TIMES {
        let ratio = steps as f64 / DENSE_TIMES as f64;
        for i in 1..=points {
            let t = (DENSE_TIMES as f64 * ratio.powf(i as f64 / points as f64)).round() as usize;
            times.push(t.clamp(DENSE_TIMES + 1, steps));
        }
        times.push(steps);
    }
    times.sort_unstable();
    times.dedup();
    times
}

/// What one `W` did to its batch of input sequences.
#[derive(Clone, Debug, PartialEq)]
pub struct Trajectory {
    /// `||h_t||^2 / n` at each record time (time-major: `norms[i * batch + j]` is sequence `j`
    /// at `times[i]`); `+inf` from the step a sequence overflowed on.
    pub norms: Vec<f64>,
    /// Per sequence, the first `t` with `||h_t||^2 / n > explode_factor * t`.
    pub first_pass: Vec<Option<usize>>,
    /// The first `t` at which the batch mean of `||h_t||^2 / n` passed `explode_factor * t`.
    pub explode_time: Option<usize>,
}

/// When to record and what counts as exploded.
#[derive(Clone, Debug)]
pub struct Schedule {
    pub times: Vec<usize>,
    /// Threshold factor: exploded once `||h_t||^2 / n > explode_factor * t`, i.e. that many times
    /// the infinite-width value `E ||h_t||^2 / n = t`.
    pub explode_factor: f64,
}

impl Schedule {
    pub fn steps(&self) -> usize {
        self.times.last().copied().unwrap_or(0)
    }
}

/// The state of `batch` sequences (`n x batch`), allocated once per worker: the current `H` and
/// the buffer the next step is written into (first the inputs `X_t`, then `+= W H`).
pub struct Propagator<T: Entry> {
    h: Mat<T>,
    next: Mat<T>,
    alive: Vec<bool>,
}

impl<T: Entry> Propagator<T> {
    pub fn new(n: usize, batch: usize) -> Self {
        Propagator {
            h: Mat::zeros(n, batch),
            next: Mat::zeros(n, batch),
            alive: vec![true; batch],
        }
    }

    pub fn batch(&self) -> usize {
        self.h.ncols()
    }

    /// Propagates `h_0 = 0, h_t = W h_{t-1} + x_t` for `t = 1..=schedule.steps()`, drawing every
    /// `x_t` from `rng` (unit-variance Gaussian entries, complex for complex `T`).
    pub fn propagate(
        &mut self,
        w: MatRef<'_, T>,
        schedule: &Schedule,
        rng: &mut TrialRng,
    ) -> Trajectory {
        let (n, batch) = (self.h.nrows(), self.h.ncols());
        let inv_n = 1.0 / n as f64;
        self.h.fill(T::zero());
        self.alive.fill(true);
        let mut norms = Vec::with_capacity(schedule.times.len() * batch);
        let mut first_pass = vec![None; batch];
        let mut explode_time = None;
        let mut next_record = schedule.times.iter().copied().peekable();
        let one = T::from_real(1.0);
        for t in 1..=schedule.steps() {
            // Every column draws its inputs even once dead, so a sequence's inputs never
            // depend on whether another sequence of the batch overflowed.
            for j in 0..batch {
                for x in self.next.col_mut(j).iter_mut() {
                    *x = T::gaussian(rng, 1.0);
                }
            }
            faer::linalg::matmul::matmul(
                self.next.as_mut(),
                Accum::Add,
                w,
                self.h.as_ref(),
                one,
                Par::Seq,
            );
            std::mem::swap(&mut self.h, &mut self.next);

            let threshold = schedule.explode_factor * t as f64;
            let mut batch_sum = 0.0;
            let record = next_record.next_if_eq(&t).is_some();
            for (j, pass) in first_pass.iter_mut().enumerate() {
                let s = if self.alive[j] {
                    let s = inv_n * self.h.col(j).iter().map(|x| x.abs2()).sum::<f64>();
                    // NaN (inf - inf inside the product) is an overflow too.
                    if s <= OVERFLOW {
                        s
                    } else {
                        self.alive[j] = false;
                        self.h.col_mut(j).fill(T::zero());
                        f64::INFINITY
                    }
                } else {
                    f64::INFINITY
                };
                if s > threshold && pass.is_none() {
                    *pass = Some(t);
                }
                batch_sum += s;
                if record {
                    norms.push(s);
                }
            }
            if batch_sum / batch as f64 > threshold && explode_time.is_none() {
                explode_time = Some(t);
            }
            if !self.alive.iter().any(|&a| a) {
                // Nothing left to propagate: every later record is +inf.
                let left = next_record.count();
                norms.resize(norms.len() + left * batch, f64::INFINITY);
                break;
            }
        }
        Trajectory {
            norms,
            first_pass,
            explode_time,
        }
    }
}

/// One worker's buffers: the matrix and its eigenvalue scratch, and the batch state.
pub struct RnnWorkspace<T: Eigen> {
    pub dense: DenseWorkspace<T>,
    pub propagator: Propagator<T>,
}

/// One trial of the hidden job: `W`'s spectral radius and what `W` did to its batch.
#[derive(Clone, Debug, PartialEq)]
pub struct RnnTrial {
    pub rho: f64,
    pub trajectory: Trajectory,
}

/// Samples every trial of `cell`: draw `W` from the trial's stream, its spectral radius, then the
/// batch propagation with inputs drawn from the same stream after `W`.
pub fn sample_trajectories(
    cell: &Cell,
    seed: u64,
    trials: Range<u64>,
    batch: usize,
    schedule: &Schedule,
    tick: &(dyn Fn() + Sync),
) -> Result<Vec<RnnTrial>, Error> {
    struct Work<'a> {
        cell: &'a Cell,
        seed: u64,
        trials: Range<u64>,
        batch: usize,
        schedule: &'a Schedule,
        tick: &'a (dyn Fn() + Sync),
    }
    impl ForEntry for Work<'_> {
        type Output = Result<Vec<RnnTrial>, Error>;
        fn call<T: Eigen>(self) -> Self::Output {
            let Work {
                cell,
                seed,
                trials,
                batch,
                schedule,
                tick,
            } = self;
            for_each_trial(
                || RnnWorkspace::<T> {
                    dense: DenseWorkspace::new(cell.n),
                    propagator: Propagator::new(cell.n, batch),
                },
                StreamKey::of(cell, seed),
                trials,
                tick,
                |ws, rng, trial| {
                    // A general-form workspace keeps W intact through the eigenvalue computation.
                    let moduli = ws.dense.draw_moduli(cell, rng, trial)?;
                    let rho = RadiusRecord::from_moduli(moduli.iter().copied(), 0.0).rho;
                    let trajectory =
                        ws.propagator
                            .propagate(ws.dense.matrix.as_ref(), schedule, rng);
                    Ok(RnnTrial { rho, trajectory })
                },
            )
        }
    }
    with_entry(
        cell,
        Work {
            cell,
            seed,
            trials,
            batch,
            schedule,
            tick,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_times_are_dense_then_log_spaced() {
        assert_eq!(record_times(5, 60), vec![1, 2, 3, 4, 5]);
        assert_eq!(record_times(100, 60), (1..=100).collect::<Vec<_>>());
        let t = record_times(3000, 60);
        assert_eq!(&t[..100], &(1..=100).collect::<Vec<_>>()[..]);
        assert_eq!(*t.last().unwrap(), 3000);
        assert!(t.windows(2).all(|w| w[0] < w[1]));
        assert!(t.len() > 150 && t.len() <= 160, "{}", t.len());
        assert_eq!(
            record_times(150, 0),
            [(1..=100).collect(), vec![150]].concat()
        );
    }
}
