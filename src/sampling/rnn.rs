//! The linear RNN `h_0 = 0`, `h_t = W h_{t-1} + x_t` (docs/math/rnn.md): a batch of independent
//! input sequences pushed through one `W` at once, so every step is one matrix-matrix product
//! `H <- W H + X` (faer `matmul`, sequential inside a trial; rayon runs trials in parallel); and
//! its diagonalised form `h_t = Lambda h_{t-1} + x_t` on the same `W`'s eigenvalues and the same
//! inputs, O(n) per sequence and step.

use super::draw::Entry;
use super::real::Real;
use super::rng::StreamKey;
use super::rng::TrialRng;
use super::spectrum::{DenseWorkspace, Eigen, RadiusRecord};
use super::trials::{for_each_trial, with_entry, ForEntry};
use crate::error::Error;
use crate::model::{Cell, Recurrence, Recurrences};
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

impl Trajectory {
    fn empty() -> Self {
        Trajectory {
            norms: Vec::new(),
            first_pass: Vec::new(),
            explode_time: None,
        }
    }
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

/// The state of one recurrence's `batch` sequences.
enum State<T: Entry> {
    /// `H` (`n x batch`) and the buffer the next step is written into (first the inputs `X_t`,
    /// then `+= W H`).
    Dense { h: Mat<T>, next: Mat<T> },
    /// `Lambda`'s diagonal and `H`, as real and imaginary parts in `T`'s precision (`H` column
    /// by column): `h <- lambda h + x` costs O(n) per sequence and step.
    Diagonal {
        lambda: Vec<(T::Part, T::Part)>,
        re: Vec<T::Part>,
        im: Vec<T::Part>,
    },
}

impl<T: Entry> State<T> {
    fn new(recurrence: Recurrence, n: usize, batch: usize) -> Self {
        let zero = <T::Part as Real>::from_f64(0.0);
        match recurrence {
            Recurrence::Dense => State::Dense {
                h: Mat::zeros(n, batch),
                next: Mat::zeros(n, batch),
            },
            Recurrence::Diagonal => State::Diagonal {
                lambda: vec![(zero, zero); n],
                re: vec![zero; n * batch],
                im: vec![zero; n * batch],
            },
        }
    }

    /// `h_0 = 0`; a diagonal state takes the eigenvalues of this trial's `W`.
    fn reset(&mut self, eigenvalues: &mut dyn Iterator<Item = (T::Part, T::Part)>) {
        let zero = <T::Part as Real>::from_f64(0.0);
        match self {
            State::Dense { h, .. } => h.fill(T::zero()),
            State::Diagonal { lambda, re, im } => {
                for (l, e) in lambda.iter_mut().zip(eigenvalues) {
                    *l = e;
                }
                re.fill(zero);
                im.fill(zero);
            }
        }
    }

    /// One step `h_t = A h_{t-1} + x_t` of every sequence, `x_t` the columns of `inputs`.
    fn step(&mut self, w: MatRef<'_, T>, inputs: MatRef<'_, T>) {
        match self {
            State::Dense { h, next } => {
                next.copy_from(inputs);
                faer::linalg::matmul::matmul(
                    next.as_mut(),
                    Accum::Add,
                    w,
                    h.as_ref(),
                    T::from_real(1.0),
                    Par::Seq,
                );
                std::mem::swap(h, next);
            }
            State::Diagonal { lambda, re, im } => {
                let n = lambda.len();
                for j in 0..inputs.ncols() {
                    let (re, im) = (&mut re[j * n..(j + 1) * n], &mut im[j * n..(j + 1) * n]);
                    for (i, x) in inputs.col(j).iter().enumerate() {
                        let (lr, li) = lambda[i];
                        let (xr, xi) = x.parts();
                        let (hr, hi) = (re[i], im[i]);
                        re[i] = lr * hr - li * hi + xr;
                        im[i] = lr * hi + li * hr + xi;
                    }
                }
            }
        }
    }

    /// `||h||^2` of sequence `j`, summed in double precision.
    fn sq_norm(&self, j: usize) -> f64 {
        match self {
            State::Dense { h, .. } => h.col(j).iter().map(|x| x.abs2()).sum(),
            State::Diagonal { lambda, re, im } => {
                let n = lambda.len();
                re[j * n..(j + 1) * n]
                    .iter()
                    .zip(&im[j * n..(j + 1) * n])
                    .map(|(r, i)| r.to_f64().powi(2) + i.to_f64().powi(2))
                    .sum()
            }
        }
    }

    /// Stops sequence `j` (overflowed): its state is zero from now on.
    fn clear(&mut self, j: usize) {
        let zero = <T::Part as Real>::from_f64(0.0);
        match self {
            State::Dense { h, .. } => h.col_mut(j).fill(T::zero()),
            State::Diagonal { lambda, re, im } => {
                let n = lambda.len();
                re[j * n..(j + 1) * n].fill(zero);
                im[j * n..(j + 1) * n].fill(zero);
            }
        }
    }
}

/// One recurrence of a trial as it runs: its state and what has been recorded of it.
struct Run<T: Entry> {
    state: State<T>,
    alive: Vec<bool>,
    trajectory: Trajectory,
}

impl<T: Entry> Run<T> {
    fn finished(&self) -> bool {
        !self.alive.iter().any(|&a| a)
    }

    /// Records step `t` of every sequence: overflow, first passes, the batch mean's passage,
    /// and the norms if `t` is a record time.
    fn observe(&mut self, t: usize, inv_n: f64, threshold: f64, record: bool) {
        let batch = self.alive.len();
        let mut batch_sum = 0.0;
        for j in 0..batch {
            let s = if self.alive[j] {
                let s = inv_n * self.state.sq_norm(j);
                // NaN (inf - inf inside the product) is an overflow too.
                if s <= OVERFLOW {
                    s
                } else {
                    self.alive[j] = false;
                    self.state.clear(j);
                    f64::INFINITY
                }
            } else {
                f64::INFINITY
            };
            let pass = &mut self.trajectory.first_pass[j];
            if s > threshold && pass.is_none() {
                *pass = Some(t);
            }
            batch_sum += s;
            if record {
                self.trajectory.norms.push(s);
            }
        }
        if batch_sum / batch as f64 > threshold && self.trajectory.explode_time.is_none() {
            self.trajectory.explode_time = Some(t);
        }
    }
}

/// The buffers of one worker: the inputs of a step and every recurrence's state, allocated
/// once and reused across trials.
pub struct Propagator<T: Entry> {
    inputs: Mat<T>,
    runs: Vec<Run<T>>,
}

impl<T: Entry> Propagator<T> {
    pub fn new(n: usize, batch: usize, recurrences: &Recurrences) -> Self {
        Propagator {
            inputs: Mat::zeros(n, batch),
            runs: recurrences
                .as_slice()
                .iter()
                .map(|&r| Run {
                    state: State::new(r, n, batch),
                    alive: vec![true; batch],
                    trajectory: Trajectory::empty(),
                })
                .collect(),
        }
    }

    pub fn batch(&self) -> usize {
        self.inputs.ncols()
    }

    /// Propagates `h_0 = 0, h_t = A h_{t-1} + x_t` for `t = 1..=schedule.steps()` with each
    /// recurrence's `A` (`W`, or the diagonal of `eigenvalues`, `W`'s), drawing every `x_t` once
    /// from `rng` (unit-variance Gaussian entries, complex for complex `T`) and feeding it to
    /// every recurrence. One trajectory per recurrence, in the run's order.
    pub fn propagate(
        &mut self,
        w: MatRef<'_, T>,
        eigenvalues: impl Iterator<Item = (T::Part, T::Part)> + Clone,
        schedule: &Schedule,
        rng: &mut TrialRng,
    ) -> Vec<Trajectory> {
        let (n, batch) = (self.inputs.nrows(), self.inputs.ncols());
        let inv_n = 1.0 / n as f64;
        for run in &mut self.runs {
            run.state.reset(&mut eigenvalues.clone());
            run.alive.fill(true);
            run.trajectory = Trajectory {
                norms: Vec::with_capacity(schedule.times.len() * batch),
                first_pass: vec![None; batch],
                explode_time: None,
            };
        }
        let mut next_record = schedule.times.iter().copied().peekable();
        for t in 1..=schedule.steps() {
            // Every column draws its inputs even once dead, so a sequence's inputs never
            // depend on whether another sequence of the batch, or another recurrence,
            // overflowed.
            for j in 0..batch {
                for x in self.inputs.col_mut(j).iter_mut() {
                    *x = T::gaussian(rng, 1.0);
                }
            }
            let threshold = schedule.explode_factor * t as f64;
            let record = next_record.next_if_eq(&t).is_some();
            for run in &mut self.runs {
                if !run.finished() {
                    run.state.step(w, self.inputs.as_ref());
                }
                run.observe(t, inv_n, threshold, record);
            }
            if self.runs.iter().all(Run::finished) {
                // Nothing left to propagate: every later record is +inf.
                let left = next_record.count();
                for run in &mut self.runs {
                    let norms = &mut run.trajectory.norms;
                    norms.resize(norms.len() + left * batch, f64::INFINITY);
                }
                break;
            }
        }
        self.runs
            .iter_mut()
            .map(|run| std::mem::replace(&mut run.trajectory, Trajectory::empty()))
            .collect()
    }
}

/// One worker's buffers: the matrix and its eigenvalue scratch, and the batch state.
pub struct RnnWorkspace<T: Eigen> {
    pub dense: DenseWorkspace<T>,
    pub propagator: Propagator<T>,
}

/// One trial of the hidden job: `W`'s spectral radius and what each recurrence of the run did
/// to its batch, in the run's order.
#[derive(Clone, Debug, PartialEq)]
pub struct RnnTrial {
    pub rho: f64,
    pub runs: Vec<Trajectory>,
}

/// Samples every trial of `cell`: draw `W` from the trial's stream, its spectral radius, then the
/// batch propagation with inputs drawn from the same stream after `W`.
pub fn sample_trajectories(
    cell: &Cell,
    seed: u64,
    trials: Range<u64>,
    batch: usize,
    recurrences: &Recurrences,
    schedule: &Schedule,
    tick: &(dyn Fn() + Sync),
) -> Result<Vec<RnnTrial>, Error> {
    struct Work<'a> {
        cell: &'a Cell,
        seed: u64,
        trials: Range<u64>,
        batch: usize,
        recurrences: &'a Recurrences,
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
                recurrences,
                schedule,
                tick,
            } = self;
            for_each_trial(
                || RnnWorkspace::<T> {
                    dense: DenseWorkspace::new(cell.n),
                    propagator: Propagator::new(cell.n, batch, recurrences),
                },
                StreamKey::of(cell, seed),
                trials,
                tick,
                |ws, rng, trial| {
                    // A general-form workspace keeps W intact through the eigenvalue computation.
                    let moduli = ws.dense.draw_moduli(cell, rng, trial)?;
                    let rho = RadiusRecord::from_moduli(moduli.iter().copied(), 0.0).rho;
                    let runs = ws.propagator.propagate(
                        ws.dense.matrix.as_ref(),
                        ws.dense.eigenvalues(),
                        schedule,
                        rng,
                    );
                    Ok(RnnTrial { rho, runs })
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
            recurrences,
            schedule,
            tick,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A normal `W = Q D Q^T` is its diagonal `D` in the basis `Q`: fed the inputs `x_t` and
    /// `Q^T x_t`, the dense and the diagonal recurrence carry the same norms at every step (up
    /// to rounding) and explode at the same step.
    #[test]
    fn normal_matrix_explodes_at_the_same_step_dense_or_diagonal() {
        let (n, batch, steps) = (6usize, 4usize, 400usize);
        let d = [1.03, -1.01, 0.9, 0.5, -0.2, 0.0];
        // Q: a product of plane rotations with fixed angles, orthogonal to rounding.
        let mut q = Mat::<f64>::identity(n, n);
        for (k, angle) in [0.3f64, 1.1, -0.7, 2.0, 0.4].iter().enumerate() {
            let (c, s) = (angle.cos(), angle.sin());
            for i in 0..n {
                let (a, b) = (q[(i, k)], q[(i, k + 1)]);
                q[(i, k)] = c * a - s * b;
                q[(i, k + 1)] = s * a + c * b;
            }
        }
        let w = Mat::<f64>::from_fn(n, n, |i, j| {
            (0..n).map(|k| q[(i, k)] * d[k] * q[(j, k)]).sum()
        });
        let mut runs: Vec<Run<f64>> = [Recurrence::Dense, Recurrence::Diagonal]
            .into_iter()
            .map(|r| Run {
                state: State::new(r, n, batch),
                alive: vec![true; batch],
                trajectory: Trajectory {
                    norms: Vec::new(),
                    first_pass: vec![None; batch],
                    explode_time: None,
                },
            })
            .collect();
        for run in &mut runs {
            run.state.reset(&mut d.iter().map(|&x| (x, 0.0)));
        }
        let mut x = Mat::<f64>::zeros(n, batch);
        let mut rng = StreamKey::new(3, "normal", "test", n).trial_rng(0);
        for t in 1..=steps {
            for j in 0..batch {
                for v in x.col_mut(j).iter_mut() {
                    *v = f64::gaussian(&mut rng, 1.0);
                }
            }
            let y = q.transpose() * &x;
            runs[0].state.step(w.as_ref(), x.as_ref());
            runs[1].state.step(w.as_ref(), y.as_ref());
            for run in &mut runs {
                run.observe(t, 1.0 / n as f64, 10.0 * t as f64, true);
            }
        }
        let (dense, diagonal) = (&runs[0].trajectory, &runs[1].trajectory);
        assert!(dense.explode_time.is_some());
        assert_eq!(dense.explode_time, diagonal.explode_time);
        assert_eq!(dense.first_pass, diagonal.first_pass);
        for (a, b) in dense.norms.iter().zip(&diagonal.norms) {
            assert!((a - b).abs() <= 1e-10 * a.max(1.0), "{a} vs {b}");
        }
    }

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
