//! Log-determinants by elimination: of `I - X` without pivoting (keeping `1 - det` relatively
//! accurate when `X` is small), and of a general matrix by partial-pivot LU after equilibration.
//! Used by the real-Ginibre law (docs/math/real_ginibre.md), whose `F_n` is such a determinant.

use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::lu::partial_pivoting::factor::{lu_in_place, lu_in_place_scratch};
use faer::{Mat, Par};

/// `ln det(I - X)` by elimination without pivoting, in terms of `X` (row-major `m x m`):
/// pivots are `1 - x_kk` and the Schur complement updates `x_ij += x_ik x_kj / (1 - x_kk)`, so
/// `ln det = sum ln1p(-x_kk)` keeps full relative accuracy of `1 - det` when `X` is small.
/// `None` if a pivot falls below 1/4 (then pivoting is needed).
pub fn ln_det_unit_minus(x: &mut [f64], m: usize) -> Option<f64> {
    let mut ln_det = 0.0;
    for k in 0..m {
        let xkk = x[k * m + k];
        let piv = 1.0 - xkk;
        if piv.is_nan() || piv < 0.25 {
            return None;
        }
        ln_det += (-xkk).ln_1p();
        let (head, rest) = x.split_at_mut((k + 1) * m);
        let row_k = &head[k * m + k + 1..k * m + m];
        for i in 0..m - k - 1 {
            let row_i = &mut rest[i * m..(i + 1) * m];
            let f = row_i[k] / piv;
            if f == 0.0 {
                continue;
            }
            for (xij, xkj) in row_i[k + 1..].iter_mut().zip(row_k) {
                *xij += f * xkj;
            }
        }
    }
    Some(ln_det)
}

/// Divides every row of `a` (`rows`) or every column by the power of two nearest its largest
/// magnitude, adding the logarithms of the divisors to `ln_scale`; `false` if one is all zeros
/// (then the determinant is 0).
fn equilibrate(a: &mut Mat<f64>, rows: bool, ln_scale: &mut f64) -> bool {
    let m = a.nrows();
    for k in 0..m {
        let at = |l: usize| if rows { (k, l) } else { (l, k) };
        let mx = (0..m).map(|l| a[at(l)].abs()).fold(0.0, f64::max);
        if mx == 0.0 {
            return false;
        }
        let e = mx.log2().round() as i32;
        if e < -1022 {
            // A line of subnormal magnitudes (the far left tail of the real law): 2^-e is beyond
            // the largest double, so scale in two exact steps (it was inf, and 0 * inf NaN).
            let (f1, f2) = (2f64.powi(-e / 2), 2f64.powi(-e - (-e / 2)));
            for l in 0..m {
                a[at(l)] = a[at(l)] * f1 * f2;
            }
        } else {
            let f = 2f64.powi(-e);
            for l in 0..m {
                a[at(l)] *= f;
            }
        }
        *ln_scale += e as f64 * std::f64::consts::LN_2;
    }
    true
}

/// `ln |det A|` by partial-pivot LU after equilibrating rows, then columns, by powers of two (the
/// matrix is graded in the left tail: rows of high degree are uniformly tiny).
pub fn ln_abs_det(a: &mut Mat<f64>) -> f64 {
    let m = a.nrows();
    let mut ln_scale = 0.0;
    if !equilibrate(a, true, &mut ln_scale) || !equilibrate(a, false, &mut ln_scale) {
        return f64::NEG_INFINITY;
    }
    let mut perm = vec![0usize; m];
    let mut perm_inv = vec![0usize; m];
    let mut buf = MemBuffer::new(lu_in_place_scratch::<usize, f64>(
        m,
        m,
        Par::Seq,
        Default::default(),
    ));
    lu_in_place(
        a.as_mut(),
        &mut perm,
        &mut perm_inv,
        Par::Seq,
        MemStack::new(&mut buf),
        Default::default(),
    );
    clear_upper_avx();
    let mut ln_det = ln_scale;
    for i in 0..m {
        ln_det += a[(i, i)].abs().ln();
    }
    ln_det
}

/// faer's kernels leave the upper halves of the AVX registers dirty; on some Intel cores every
/// later legacy-SSE instruction (glibc's `exp` among them) then pays a state-transition penalty,
/// 50x on `exp` on the machine this was written on. Clearing them after each faer call avoids it.
#[inline]
pub fn clear_upper_avx() {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx") {
            // SAFETY: the CPU has AVX, the only requirement of `vzeroupper`.
            unsafe { std::arch::x86_64::_mm256_zeroupper() }
        }
    }
}
