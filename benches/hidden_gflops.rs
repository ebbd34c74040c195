//! Throughput of the hidden job's propagation against faer's own `matmul` at the same shapes.
//!
//! One trial's propagation at n = 1024, 3000 steps, batch 8, one thread, for a real and a complex
//! `W` (scaled by 1/sqrt 2 so no sequence overflows and stops early), against a tight loop of
//! `matmul(H', Add, W, H)` with the same shapes. Flops counted per step: real `2 n^2 b`
//! (one multiply-add per entry of W per column), complex `8 n^2 b` (a complex multiply-add is four
//! real multiplies and four real adds). The propagation also draws the inputs (`n b` Gaussians per
//! step) and computes the column norms; the ratio shows what those cost.
//!
//! Both precisions, f64 and f32, each against faer's matmul in the same precision.
//!
//! Run: `cargo bench --bench hidden_gflops` (`HIDDEN_BENCH_STEPS` overrides the 3000 steps).

use faer::{c32, c64, Accum, Mat, Par};
use mc_gumbel::model::{Ensemble, Recurrences};
use mc_gumbel::sampling::draw;
use mc_gumbel::sampling::real::Real;
use mc_gumbel::sampling::rng::StreamKey;
use mc_gumbel::sampling::rnn::{record_times, Propagator, Schedule};
use mc_gumbel::sampling::spectrum::{DenseWorkspace, Eigen};
use std::time::Instant;

const N: usize = 1024;
const BATCH: usize = 8;

fn bench<T: Eigen>(ensemble: Ensemble, flops_per_mac: f64, steps: usize) {
    let key = StreamKey::new(1, ensemble.name(), "bench", N);
    let mut rng = key.trial_rng(0);
    let mut ws = DenseWorkspace::<T>::new(N);
    draw::fill(
        ensemble,
        std::f64::consts::FRAC_1_SQRT_2,
        ws.matrix.as_mut(),
        &mut rng,
    );
    let flops = flops_per_mac * (N * N * BATCH) as f64;

    let t0 = Instant::now();
    ws.compute_moduli().expect("eigenvalues converge");
    let eig = t0.elapsed().as_secs_f64();

    let schedule = Schedule {
        times: record_times(steps, 60),
        explode_factor: 10.0,
    };
    let mut prop = Propagator::<T>::new(N, BATCH, &Recurrences::dense());
    let t0 = Instant::now();
    let run = prop
        .propagate(ws.matrix.as_ref(), std::iter::empty(), &schedule, &mut rng)
        .remove(0);
    let prop_s = t0.elapsed().as_secs_f64();
    assert!(
        run.first_pass.iter().all(|p| p.is_none()),
        "a sequence exploded"
    );
    let prop_gflops = flops * steps as f64 / prop_s / 1e9;

    // faer alone: the same product, no input draws, no norms.
    let iters = (steps / 4).max(200);
    let h = Mat::<T>::from_fn(N, BATCH, |_, _| T::gaussian(&mut rng, 1.0));
    let mut dst = Mat::<T>::zeros(N, BATCH);
    let one = T::from_real(1.0);
    let t0 = Instant::now();
    for _ in 0..iters {
        faer::linalg::matmul::matmul(
            dst.as_mut(),
            Accum::Add,
            ws.matrix.as_ref(),
            h.as_ref(),
            one,
            Par::Seq,
        );
    }
    let mm_s = t0.elapsed().as_secs_f64();
    std::hint::black_box(&dst);
    let mm_gflops = flops * iters as f64 / mm_s / 1e9;

    println!(
        "{:<16} {:<4} n={N} b={BATCH} steps={steps}: propagation {prop_s:.2} s = {prop_gflops:.1} GFLOP/s; \
         faer matmul {mm_gflops:.1} GFLOP/s ({iters} iters); ratio {:.0}%; eigenvalues {eig:.2} s",
        ensemble.name(),
        <T::Part as Real>::PRECISION.name(),
        100.0 * prop_gflops / mm_gflops
    );
}

fn main() {
    let steps = std::env::var("HIDDEN_BENCH_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3000);
    bench::<f64>(Ensemble::RealGinibre, 2.0, steps);
    bench::<c64>(Ensemble::ComplexGinibre, 8.0, steps);
    bench::<f32>(Ensemble::RealGinibre, 2.0, steps);
    bench::<c32>(Ensemble::ComplexGinibre, 8.0, steps);
}
