//! Gauss–Legendre quadrature shared by the exact laws: a composite 8-point rule with fixed
//! nodes, and nodes and weights of any order on `[-1, 1]`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// Visits the nodes and weights of a composite 8-point Gauss–Legendre rule on `[a, b]`.
pub fn gauss_legendre_nodes(a: f64, b: f64, panels: usize, mut visit: impl FnMut(f64, f64)) {
    const X: [f64; 4] = [
        0.183_434_642_495_649_8,
        0.525_532_409_916_329,
        0.796_666_477_413_626_7,
        0.960_289_856_497_536_2,
    ];
    const W: [f64; 4] = [
        0.362_683_783_378_362,
        0.313_706_645_877_887_3,
        0.222_381_034_453_374_5,
        0.101_228_536_290_376_3,
    ];
    let h = (b - a) / panels as f64;
    for p in 0..panels {
        let mid = a + (p as f64 + 0.5) * h;
        let half = 0.5 * h;
        for i in 0..4 {
            visit(mid - half * X[i], half * W[i]);
            visit(mid + half * X[i], half * W[i]);
        }
    }
}

/// The nodes and weights [`gauss_legendre_nodes`] visits, in its order, so that a costly
/// integrand can be evaluated at all of them in parallel and summed in that order (the same
/// bits as the sequential visit).
pub fn gauss_legendre_points(a: f64, b: f64, panels: usize) -> Vec<(f64, f64)> {
    let mut points = Vec::with_capacity(8 * panels);
    gauss_legendre_nodes(a, b, panels, |x, w| points.push((x, w)));
    points
}

/// Checks that `f`, run on fresh pools of 1 and of 3 threads, gives the bits of `expected`: what a
/// quadrature evaluated in parallel and summed in node order must pass against its sequential sum.
#[cfg(test)]
pub(crate) fn assert_same_bits_on_pools(expected: (f64, f64), f: impl Fn() -> (f64, f64) + Sync) {
    for threads in [1, 3] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let got = pool.install(&f);
        assert_eq!(
            (got.0.to_bits(), got.1.to_bits()),
            (expected.0.to_bits(), expected.1.to_bits()),
            "{threads} threads: {got:?} against {expected:?}"
        );
    }
}

/// Gauss–Legendre nodes and weights on `[-1, 1]`, computed once per order and process (every
/// law of every width asks for the same few rules).
pub fn gauss_legendre(q: usize) -> (Vec<f64>, Vec<f64>) {
    type Rules = Mutex<HashMap<usize, Arc<(Vec<f64>, Vec<f64>)>>>;
    static RULES: OnceLock<Rules> = OnceLock::new();
    let rules = RULES.get_or_init(Default::default);
    let known = rules.lock().ok().and_then(|m| m.get(&q).cloned());
    let rule = known.unwrap_or_else(|| {
        let rule = Arc::new(gauss_legendre_afresh(q));
        if let Ok(mut m) = rules.lock() {
            m.insert(q, rule.clone());
        }
        rule
    });
    (rule.0.clone(), rule.1.clone())
}

/// The rule of [`gauss_legendre`], by Newton's method on the three-term recurrence.
fn gauss_legendre_afresh(q: usize) -> (Vec<f64>, Vec<f64>) {
    let mut x = vec![0.0; q];
    let mut w = vec![0.0; q];
    let legendre = |z: f64| -> (f64, f64) {
        let (mut p0, mut p1) = (1.0, z);
        for k in 2..=q {
            let kf = k as f64;
            let p2 = ((2.0 * kf - 1.0) * z * p1 - (kf - 1.0) * p0) / kf;
            p0 = p1;
            p1 = p2;
        }
        if q == 0 {
            return (1.0, 0.0);
        }
        let dp = q as f64 * (z * p1 - p0) / (z * z - 1.0);
        (p1, dp)
    };
    for i in 0..q.div_ceil(2) {
        let mut z = (std::f64::consts::PI * (i as f64 + 0.75) / (q as f64 + 0.5)).cos();
        for _ in 0..100 {
            let (p, dp) = legendre(z);
            let dz = p / dp;
            z -= dz;
            if dz.abs() < 1e-15 {
                break;
            }
        }
        let (_, dp) = legendre(z);
        let wi = 2.0 / ((1.0 - z * z) * dp * dp);
        x[i] = -z;
        x[q - 1 - i] = z;
        w[i] = wi;
        w[q - 1 - i] = wi;
    }
    if q % 2 == 1 {
        x[q / 2] = 0.0;
    }
    (x, w)
}
