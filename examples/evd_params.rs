//! Times faer's eigenvalues of one matrix at a time on one thread, with the QR shift count and
//! deflation window overridden, to choose `spectrum::shift_count` per precision on a new machine:
//!
//!     cargo run --release --example evd_params -- ENSEMBLE METHOD PRECISION N REPS [SHIFTS WINDOW]
//!
//! `ENSEMBLE` is `complex-ginibre` or `real-ginibre`, `METHOD` `dense` (Householder reduction,
//! then the QR iteration) or `hessenberg` (the QR iteration alone), `PRECISION` `f64` or `f32`.
//! Without SHIFTS/WINDOW it times mc-gumbel's own choice (`spectrum::evd_params`). Prints
//! milliseconds per matrix, drawing excluded; the matrices are those of `mc-gumbel --seed 1`.

use mc_gumbel::model::{Cell, Ensemble, Method, Precision, Scale};
use mc_gumbel::sampling::rng::StreamKey;
use mc_gumbel::sampling::spectrum::{evd_params, DenseWorkspace, Eigen, Form};
use mc_gumbel::sampling::trials::{with_entry, ForEntry};
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

struct Timing {
    cell: Cell,
    reps: u64,
}

impl ForEntry for Timing {
    type Output = f64;

    fn call<T: Eigen>(self) -> f64 {
        let cell = &self.cell;
        let mut params = evd_params::<T>();
        if SHIFTS.load(Ordering::Relaxed) > 0 {
            params.schur.recommended_shift_count = shifts;
            params.schur.recommended_deflation_window = window;
        }
        let form = Form::of(cell.method);
        let mut ws = DenseWorkspace::<T>::with_params(cell.matrix_dim(), form, params);
        let key = StreamKey::of(cell, 1);
        let mut seconds = 0.0;
        for r in 0..self.reps {
            ws.draw(cell, &mut key.trial_rng(r));
            let t = Instant::now();
            ws.compute_moduli().expect("the QR iteration converges");
            seconds += t.elapsed().as_secs_f64();
        }
        seconds * 1e3 / self.reps as f64
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: evd_params ENSEMBLE METHOD PRECISION N REPS [SHIFTS WINDOW]";
    assert!(args.len() == 5 || args.len() == 7, "{usage}");
    let ensemble = Ensemble::parse(&args[0]).expect(usage);
    let method = Method::parse(&args[1]).expect(usage);
    let precision = Precision::parse(&args[2]).expect(usage);
    let n: usize = args[3].parse().expect(usage);
    let reps: u64 = args[4].parse().expect(usage);
    if args.len() == 7 {
        SHIFTS.store(args[5].parse().expect(usage), Ordering::Relaxed);
        WINDOW.store(args[6].parse().expect(usage), Ordering::Relaxed);
    }
    let cell = Cell::new(ensemble, Scale::Glorot, n, method, precision).expect("a valid cell");
    let ms = with_entry(&cell, Timing { cell, reps });
    println!("{ms:.3}");
}
