//! The bare eigenvalue kernel on exactly the matrices of an `mc-gumbel` run, on one thread: the
//! reference that `benches/bench.py overhead` divides a whole run by.
//!
//!     cargo run --release --example kernel -- ENSEMBLE METHOD PRECISION N TRIALS SEED
//!
//! Every trial's matrix is drawn first, from the stream the run draws it from, in the form its
//! method samples (full for `dense`, Hessenberg for `hessenberg`). Then, one at a time, the matrix
//! is copied into the workspace and only [`DenseWorkspace::compute_moduli`] is timed: faer's
//! eigenvalue routine (for `hessenberg` the QR iteration alone) and the O(n) pass that takes the
//! moduli. Prints `draw_s,kernel_s,max_rho,workspace_bytes`: seconds per matrix to draw it and to
//! find its eigenvalues, the largest radius (the run's records show the same), and the bytes one
//! worker's workspace holds by the count the memory check makes (`TRIALS = 0` prints only that).

use mc_gumbel::jobs::workers::dense_bytes;
use mc_gumbel::model::{Cell, Ensemble, Method, Precision, Scale};
use mc_gumbel::sampling::rng::StreamKey;
use mc_gumbel::sampling::spectrum::{DenseWorkspace, Eigen, Form};
use mc_gumbel::sampling::trials::{with_entry, ForEntry};
use std::time::Instant;

struct Kernel {
    cell: Cell,
    trials: u64,
    seed: u64,
}

impl ForEntry for Kernel {
    type Output = (f64, f64, f64);

    fn call<T: Eigen>(self) -> (f64, f64, f64) {
        let cell = &self.cell;
        let form = Form::of(cell.method);
        let mut ws = DenseWorkspace::<T>::with_form(cell.matrix_dim(), form);
        let key = StreamKey::of(cell, self.seed);
        let start = Instant::now();
        let matrices: Vec<_> = (0..self.trials)
            .map(|t| {
                ws.draw(cell, &mut key.trial_rng(t));
                ws.matrix.clone()
            })
            .collect();
        let draw_s = start.elapsed().as_secs_f64();
        let mut kernel_s = 0.0;
        let mut max_rho = 0.0f64;
        for m in &matrices {
            ws.matrix.copy_from(m);
            let start = Instant::now();
            let moduli = ws.compute_moduli().expect("the QR iteration converges");
            kernel_s += start.elapsed().as_secs_f64();
            max_rho = moduli.iter().fold(max_rho, |a, &b| a.max(b));
        }
        let per = self.trials as f64;
        (draw_s / per, kernel_s / per, max_rho)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: kernel ENSEMBLE METHOD PRECISION N TRIALS SEED";
    assert_eq!(args.len(), 6, "{usage}");
    let ensemble = Ensemble::parse(&args[0]).expect(usage);
    let method = Method::parse(&args[1]).expect(usage);
    let precision = Precision::parse(&args[2]).expect(usage);
    let n: usize = args[3].parse().expect(usage);
    let trials: u64 = args[4].parse().expect(usage);
    let seed: u64 = args[5].parse().expect(usage);
    let cell = Cell::new(ensemble, Scale::Glorot, n, method, precision).expect("a valid cell");
    let bytes = dense_bytes(&cell);
    if trials == 0 {
        println!("NaN,NaN,NaN,{bytes}");
        return;
    }
    let (draw_s, kernel_s, max_rho) = with_entry(&cell, Kernel { cell, trials, seed });
    println!("{draw_s:e},{kernel_s:e},{max_rho},{bytes}");
}
