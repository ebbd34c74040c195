use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::evd::{self, ComputeEigenvectors, EvdParams};
use faer::{c64, diag::Diag, Mat, Par};
use mc_gumbel::ensemble::{fill, Ensemble};
use mc_gumbel::rng::StreamKey;
use std::time::Instant;

static mut SH: usize = 0;
static mut WIN: usize = 0;
extern "C" fn shifts(n: usize, _: usize) -> usize {
    unsafe {
        if SH > 0 {
            return SH;
        }
    }
    if n < 30 {
        2
    } else if n < 60 {
        4
    } else if n < 150 {
        12
    } else if n < 590 {
        32
    } else if n < 3000 {
        64
    } else {
        128
    }
}
extern "C" fn window(n: usize, a: usize) -> usize {
    unsafe {
        if WIN > 0 {
            return WIN;
        }
    }
    let s = shifts(n, a);
    if n <= 500 {
        s
    } else {
        3 * s / 2
    }
}
fn main() {
    unsafe {
        SH = std::env::var("SH")
            .ok()
            .map(|s| s.parse().unwrap())
            .unwrap_or(0);
        WIN = std::env::var("WIN")
            .ok()
            .map(|s| s.parse().unwrap())
            .unwrap_or(0);
    }
    let nib: usize = std::env::var("NIB")
        .ok()
        .map(|s| s.parse().unwrap())
        .unwrap_or(50);
    let custom = std::env::var("CUSTOM").is_ok();
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args[1].parse().unwrap();
    let reps: usize = args[2].parse().unwrap();
    let hb: usize = args.get(3).map(|s| s.parse().unwrap()).unwrap_or(0);
    let key = StreamKey::new(1, "x", "y", n);
    let mut params: EvdParams = faer::Auto::<c64>::auto();
    if hb > 0 {
        params.schur.blocking_threshold = hb;
    }
    params.schur.nibble_threshold = nib;
    if custom {
        params.schur.recommended_shift_count = shifts;
        params.schur.recommended_deflation_window = window;
    }
    // complex
    let mut m = Mat::<c64>::zeros(n, n);
    let mut s = Diag::<c64>::zeros(n);
    let req = evd::evd_scratch::<c64>(
        n,
        ComputeEigenvectors::No,
        ComputeEigenvectors::No,
        Par::Seq,
        params.into(),
    );
    let mut buf = MemBuffer::new(req);
    let t = Instant::now();
    for r in 0..reps {
        let mut rng = key.trial_rng(r as u64);
        fill(Ensemble::ComplexGinibre, 1.0, m.as_mut(), &mut rng);
        evd::evd_cplx(
            m.as_ref(),
            s.as_mut(),
            None,
            None,
            Par::Seq,
            MemStack::new(&mut buf),
            params.into(),
        )
        .unwrap();
    }
    println!(
        "complex n={n}: {:.3} ms",
        t.elapsed().as_secs_f64() * 1e3 / reps as f64
    );
    let mut m = Mat::<f64>::zeros(n, n);
    let mut sr = Diag::<f64>::zeros(n);
    let mut si = Diag::<f64>::zeros(n);
    let params: EvdParams = {
        let mut p: EvdParams = faer::Auto::<f64>::auto();
        if hb > 0 {
            p.schur.blocking_threshold = hb;
        }
        p.schur.nibble_threshold = nib;
        if custom {
            p.schur.recommended_shift_count = shifts;
            p.schur.recommended_deflation_window = window;
        }
        p
    };
    let req = evd::evd_scratch::<f64>(
        n,
        ComputeEigenvectors::No,
        ComputeEigenvectors::No,
        Par::Seq,
        params.into(),
    );
    let mut buf = MemBuffer::new(req);
    let t = Instant::now();
    for r in 0..reps {
        let mut rng = key.trial_rng(r as u64);
        fill(Ensemble::RealGinibre, 1.0, m.as_mut(), &mut rng);
        evd::evd_real(
            m.as_ref(),
            sr.as_mut(),
            si.as_mut(),
            None,
            None,
            Par::Seq,
            MemStack::new(&mut buf),
            params.into(),
        )
        .unwrap();
    }
    println!(
        "real n={n}: {:.3} ms",
        t.elapsed().as_secs_f64() * 1e3 / reps as f64
    );
}
