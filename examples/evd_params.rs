//! Times faer's eigenvalues of one matrix at a time on one thread, with the QR shift count and
//! deflation window overridden, to choose `spectrum::shift_count` on a new machine:
//!
//!     cargo run --release --example evd_params -- N REPS [SHIFTS WINDOW]
//!
//! Without SHIFTS/WINDOW it times mc-gumbel's own choice (`spectrum::evd_params`).

use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::evd::{self, ComputeEigenvectors, EvdParams};
use faer::{c64, Col, Mat, Par};
use mc_gumbel::model::Ensemble;
use mc_gumbel::sampling::draw::{fill, Entry};
use mc_gumbel::sampling::rng::StreamKey;
use mc_gumbel::sampling::spectrum::evd_params;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

static SHIFTS: AtomicUsize = AtomicUsize::new(0);
static WINDOW: AtomicUsize = AtomicUsize::new(0);

extern "C" fn shifts(_: usize, _: usize) -> usize {
    SHIFTS.load(Ordering::Relaxed)
}
extern "C" fn window(_: usize, _: usize) -> usize {
    WINDOW.load(Ordering::Relaxed)
}

fn params<T: faer::traits::ComplexField>() -> EvdParams {
    let mut p = evd_params::<T>();
    if SHIFTS.load(Ordering::Relaxed) > 0 {
        p.schur.recommended_shift_count = shifts;
        p.schur.recommended_deflation_window = window;
    }
    p
}

/// Milliseconds per matrix: sampling plus eigenvalues.
fn time<T: Entry>(n: usize, reps: u64, ensemble: Ensemble, mut eig: impl FnMut(&Mat<T>)) -> f64 {
    let key = StreamKey::new(1, ensemble.name(), "glorot", n);
    let mut m = Mat::<T>::zeros(n, n);
    let t = Instant::now();
    for r in 0..reps {
        fill(ensemble, 1.0, m.as_mut(), &mut key.trial_rng(r));
        eig(&m);
    }
    t.elapsed().as_secs_f64() * 1e3 / reps as f64
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|s| s.parse().expect("integers"))
        .collect();
    let (n, reps) = (args[0], args[1] as u64);
    if args.len() == 4 {
        SHIFTS.store(args[2], Ordering::Relaxed);
        WINDOW.store(args[3], Ordering::Relaxed);
    }
    let no = ComputeEigenvectors::No;
    let pc = params::<c64>();
    let mut buf = MemBuffer::new(evd::evd_scratch::<c64>(n, no, no, Par::Seq, pc.into()));
    let mut s = Col::<c64>::zeros(n);
    let ms = time::<c64>(n, reps, Ensemble::ComplexGinibre, |m| {
        let stack = MemStack::new(&mut buf);
        let d = s.as_mut().as_diagonal_mut();
        evd::evd_cplx(m.as_ref(), d, None, None, Par::Seq, stack, pc.into()).expect("converges");
    });
    println!("complex n={n}: {ms:.3} ms");
    let pr = params::<f64>();
    let mut buf = MemBuffer::new(evd::evd_scratch::<f64>(n, no, no, Par::Seq, pr.into()));
    let (mut re, mut im) = (Col::<f64>::zeros(n), Col::<f64>::zeros(n));
    let ms = time::<f64>(n, reps, Ensemble::RealGinibre, |m| {
        let stack = MemStack::new(&mut buf);
        let (r, i) = (re.as_mut().as_diagonal_mut(), im.as_mut().as_diagonal_mut());
        evd::evd_real(m.as_ref(), r, i, None, None, Par::Seq, stack, pr.into()).expect("converges");
    });
    println!("real n={n}: {ms:.3} ms");
}
