//! Per-trial sampling of spectral radii by each method, and the one parallel trial loop they share.

use super::draw;
use super::rng::{StreamKey, TrialRng};
use super::spectrum::{DenseWorkspace, Eigen, Form, RadiusRecord};
use crate::error::Error;
use crate::math::kostlan::KostlanLaw;
use crate::model::{Cell, Method, Precision};
use faer::{c32, c64};
use rand_distr::{Distribution, Gamma};
use rayon::prelude::*;
use std::ops::Range;

impl<T: Eigen> DenseWorkspace<T> {
    /// Draws a matrix of `cell` into the workspace, in the form the workspace was built for.
    pub fn draw(&mut self, cell: &Cell, rng: &mut TrialRng) {
        match self.form() {
            Form::General => draw::fill(cell.ensemble, cell.factor, self.matrix.as_mut(), rng),
            Form::Hessenberg => draw::fill_hessenberg(cell.factor, self.matrix.as_mut(), rng),
        }
    }

    /// Draws trial `trial`'s matrix of `cell` into the workspace ([`DenseWorkspace::draw`]) and
    /// returns its eigenvalue moduli. A general matrix survives the call (faer works on a copy);
    /// a Hessenberg one does not.
    pub fn draw_moduli(
        &mut self,
        cell: &Cell,
        rng: &mut TrialRng,
        trial: u64,
    ) -> Result<&[f64], Error> {
        self.draw(cell, rng);
        self.compute_moduli().map_err(|_| Error::NoConvergence {
            ensemble: cell.ensemble.name().into(),
            n: cell.n,
            trial,
        })
    }
}

/// Tail probability allowed for the skipped gamma variables to matter, per trial.
pub const KOSTLAN_SKIP_ERROR: f64 = 1e-15;

/// The smallest `k` whose `Gamma(m k, 1)` (`law`'s `k`-th variable, shape step `m`, top shape
/// `N = m n`) can matter for the radius or for the count of squared moduli above
/// `threshold = N / factor^2`.
///
/// Bound (stated here, tested in `tests/`): with `c^2 = 2 (ln(n+1) + ln(1/KOSTLAN_SKIP_ERROR))`
/// and `T = min(N - c sqrt(N), threshold)`, a trial can differ from the full sampler only if
/// `Gamma(N,1) < N - c sqrt(N)` (probability `<= exp(-c^2/2)`, the lower Chernoff bound
/// `P(G_s <= s - t) <= exp(-t^2/2s)`) or some skipped `Gamma(s,1)` reaches `T`. A skipped shape
/// `s = m k` with `k < floor((T - c sqrt T)/m)` has `s < T - c sqrt T`, so with `t = T - s`,
/// `t >= c sqrt T` and the upper bound `P(G_s >= s + t) <= exp(-t^2 / 2(s+t)) = exp(-t^2/2T)`
/// puts each below `exp(-c^2/2)`. There are at most `n` skipped variables, so together at most
/// `(n+1) exp(-c^2/2) = KOSTLAN_SKIP_ERROR`, whatever the step.
pub fn kostlan_first_k(law: &KostlanLaw, factor: f64) -> usize {
    let nf = law.n() as f64;
    let top = law.top_shape() as f64;
    let c = (2.0 * ((nf + 1.0).ln() + (1.0 / KOSTLAN_SKIP_ERROR).ln())).sqrt();
    let t = (top - c * top.sqrt()).min(top / (factor * factor));
    if t <= 0.0 {
        return 1;
    }
    let k = ((t - c * t.sqrt()) / law.step() as f64).floor();
    if k < 1.0 {
        1
    } else {
        k as usize
    }
}

/// Kostlan's sampler of one trial of `law` (complex or quaternion Ginibre). Only the
/// `Gamma(m k, 1)` with `k >= kostlan_first_k` are drawn, from `k = n` downwards, so the draws it
/// makes are exactly the first draws the full sampler would make. Each modulus counts for the
/// `m` eigenvalues that share it (a quaternion matrix's conjugate pair).
fn kostlan_radius(cell: &Cell, law: &KostlanLaw, rng: &mut TrialRng) -> RadiusRecord {
    let top = law.top_shape() as f64;
    let threshold = top / (cell.factor * cell.factor);
    let mut max = 0.0f64;
    let mut n_outside = 0;
    for k in (kostlan_first_k(law, cell.factor)..=law.n()).rev() {
        let g = Gamma::new(law.shape(k) as f64, 1.0)
            .expect("shape k >= 1 and scale 1 are valid")
            .sample(rng);
        max = max.max(g);
        n_outside += usize::from(g > threshold);
    }
    RadiusRecord {
        rho: cell.factor * (max / top).sqrt(),
        n_outside: n_outside * law.step(),
    }
}

/// Work that is generic over the entry type of a cell's matrices.
pub trait ForEntry {
    type Output;
    fn call<T: Eigen>(self) -> Self::Output;
}

/// Runs `work` with the entry type of `cell`'s matrices: the one place that chooses between
/// real and complex arithmetic, in double or single precision.
pub fn with_entry<W: ForEntry>(cell: &Cell, work: W) -> W::Output {
    match (cell.ensemble.is_complex(), cell.precision) {
        (true, Precision::F64) => work.call::<c64>(),
        (false, Precision::F64) => work.call::<f64>(),
        (true, Precision::F32) => work.call::<c32>(),
        (false, Precision::F32) => work.call::<f32>(),
    }
}

/// Runs `work` for every trial index in `trials` across rayon's pool, each with its own stream
/// and a per-worker state built once by `init` (buffers reused across that worker's trials), and
/// returns the results in trial order, so the output never depends on scheduling. `tick` is
/// called after each finished trial.
pub fn for_each_trial<S, R, I, F>(
    init: I,
    key: StreamKey,
    trials: Range<u64>,
    tick: &(dyn Fn() + Sync),
    work: F,
) -> Result<Vec<R>, Error>
where
    S: Send,
    R: Send,
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, &mut TrialRng, u64) -> Result<R, Error> + Sync,
{
    trials
        .into_par_iter()
        .map_init(&init, |state, t| {
            let mut rng = key.trial_rng(t);
            let r = work(state, &mut rng, t)?;
            tick();
            Ok(r)
        })
        .collect()
}

/// What a trial's spectrum shows: every eigenvalue modulus, and how many eigenvalues are real.
pub struct Spectrum<'a> {
    pub moduli: &'a [f64],
    pub real_eigenvalues: usize,
}

/// Draws every trial in `trials` of `cell` in the form its method samples, computes the
/// eigenvalues and returns what `measure` makes of them, in trial order.
pub fn sample_moduli<R: Send>(
    cell: &Cell,
    seed: u64,
    trials: Range<u64>,
    tick: &(dyn Fn() + Sync),
    measure: &(dyn Fn(Spectrum<'_>) -> R + Sync),
) -> Result<Vec<R>, Error> {
    struct Work<'a, R> {
        cell: &'a Cell,
        seed: u64,
        trials: Range<u64>,
        tick: &'a (dyn Fn() + Sync),
        measure: &'a (dyn Fn(Spectrum<'_>) -> R + Sync),
    }
    impl<R: Send> ForEntry for Work<'_, R> {
        type Output = Result<Vec<R>, Error>;
        fn call<T: Eigen>(self) -> Self::Output {
            let cell = self.cell;
            for_each_trial(
                || DenseWorkspace::<T>::with_form(cell.matrix_dim(), Form::of(cell.method)),
                StreamKey::of(cell, self.seed),
                self.trials,
                self.tick,
                |ws, rng, trial| {
                    ws.draw_moduli(cell, rng, trial)?;
                    Ok((self.measure)(Spectrum {
                        moduli: &ws.moduli,
                        real_eigenvalues: ws.real_eigenvalues,
                    }))
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
            tick,
            measure,
        },
    )
}

/// Samples the spectral radius of every trial in `trials` of `cell`.
pub fn sample_cell(
    cell: &Cell,
    seed: u64,
    trials: Range<u64>,
    tick: &(dyn Fn() + Sync),
) -> Result<Vec<RadiusRecord>, Error> {
    match cell.method {
        Method::Kostlan => {
            let law = cell
                .ensemble
                .kostlan_law(cell.n)
                .expect("a kostlan cell's ensemble has gamma moduli (Cell::new checks)");
            for_each_trial(
                || (),
                StreamKey::of(cell, seed),
                trials,
                tick,
                |_, rng, _| Ok(kostlan_radius(cell, &law, rng)),
            )
        }
        Method::Dense | Method::Hessenberg => sample_moduli(cell, seed, trials, tick, &|s| {
            RadiusRecord::from_moduli(s.moduli.iter().copied(), cell.outside_tolerance())
        }),
    }
}
