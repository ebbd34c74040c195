//! Special functions shared by the exact laws: Poisson probabilities to full relative accuracy
//! (Loader 2000, "Fast and accurate computation of binomial probabilities") and the scaled
//! complementary error function.

/// `1/sqrt(pi)`.
pub const FRAC_1_SQRT_PI: f64 = 0.564_189_583_547_756_3;
const LN_2PI: f64 = 1.837_877_066_409_345_5;

/// Scaled complementary error function `erfcx(x) = e^{x^2} erfc(x)` for `x >= 0`, to a few ulp.
/// Below 0.9 it is `e^{x^2} - (2x / sqrt pi) sum_k (2x^2)^k / (2k+1)!!` (Kummer's series for
/// `erf`, all terms positive; the subtraction loses at most a factor 2.6); from 0.9 on, Laplace's
/// continued fraction `erfcx(x) = pi^{-1/2} / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...))))`,
/// summed backwards from depth `8 + 300 / x^2`, which converges to rounding (checked against
/// 40-digit values). statrs' `erfc` is not used: it is off by up to 1e-10 relative on `[0.5, 10]`.
pub fn erfcx(x: f64) -> f64 {
    if x < 0.9 {
        let x2 = x * x;
        let mut sum = 0.0;
        let mut term = 1.0;
        let mut k = 0.0;
        while term > 1e-17 * sum || sum == 0.0 {
            sum += term;
            k += 1.0;
            term *= 2.0 * x2 / (2.0 * k + 1.0);
        }
        x2.exp() - 2.0 * FRAC_1_SQRT_PI * x * sum
    } else {
        let depth = 8 + (300.0 / (x * x)) as usize;
        let mut t = x;
        for k in (1..=depth).rev() {
            t = x + 0.5 * k as f64 / t;
        }
        FRAC_1_SQRT_PI / t
    }
}

/// [`erfcx`] at every `xs[i]` into `out[i]`, bit for bit the same values, several times faster.
///
/// The continued fraction is one long chain of dependent divisions, so one argument at a time
/// waits on each division's latency. Here up to [`LANES`] arguments run their chains side by
/// side (each lane only while `k` is within its own depth), which the divider pipelines and the
/// compiler vectorises; every lane performs the scalar operations in the scalar order, so the
/// results are identical. A group runs as long as its deepest lane, so neighbouring arguments
/// should be of similar size, as the angular nodes of one radius are (sorting costs more than
/// it saves).
pub fn erfcx_into(xs: &[f64], out: &mut [f64]) {
    assert_eq!(xs.len(), out.len());
    let mut group = [0usize; LANES];
    let mut m = 0;
    for (i, &x) in xs.iter().enumerate() {
        if x < 0.9 {
            out[i] = erfcx(x);
            continue;
        }
        group[m] = i;
        m += 1;
        if m == LANES {
            continued_fraction_lanes(xs, &group, out);
            m = 0;
        }
    }
    if m > 0 {
        continued_fraction_lanes(xs, &group[..m], out);
    }
}

/// How many continued fractions [`erfcx_into`] runs side by side.
const LANES: usize = 16;

/// The `x >= 0.9` branch of [`erfcx`] for `xs[i]`, `i` in `group`, in lockstep.
fn continued_fraction_lanes(xs: &[f64], group: &[usize], out: &mut [f64]) {
    // Unused lanes get depth 0: they compute alongside and are never updated.
    let mut x = [1.0; LANES];
    let mut depth = [0.0; LANES];
    for (l, &i) in group.iter().enumerate() {
        x[l] = xs[i];
        depth[l] = (8 + (300.0 / (x[l] * x[l])) as usize) as f64;
    }
    let top = depth.iter().copied().fold(0.0, f64::max) as usize;
    let mut t = x;
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx") {
        // SAFETY: the CPU has AVX, the only feature the function is compiled for.
        unsafe { lockstep_avx(&x, &depth, &mut t, top) };
    } else {
        lockstep(&x, &depth, &mut t, top);
    }
    #[cfg(not(target_arch = "x86_64"))]
    lockstep(&x, &depth, &mut t, top);
    for (l, &i) in group.iter().enumerate() {
        out[i] = FRAC_1_SQRT_PI / t[l];
    }
}

/// The backward recurrence `t = x + (k/2) / t`, `k = top..1`, each lane only while `k` is
/// within its depth. Division and addition are exactly rounded in any vector width, so the
/// vectorised lanes give the scalar bits.
#[inline(always)]
fn lockstep(x: &[f64; LANES], depth: &[f64; LANES], t: &mut [f64; LANES], top: usize) {
    for k in (1..=top).rev() {
        let k = k as f64;
        let half_k = 0.5 * k;
        for l in 0..LANES {
            let next = x[l] + half_k / t[l];
            t[l] = if k <= depth[l] { next } else { t[l] };
        }
    }
}

/// [`lockstep`] compiled for AVX: four divisions per instruction instead of two.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx")]
unsafe fn lockstep_avx(x: &[f64; LANES], depth: &[f64; LANES], t: &mut [f64; LANES], top: usize) {
    lockstep(x, depth, t, top)
}

/// `ln(j! e^j / (j^j sqrt(2 pi j)))`, Stirling's error, for integer `j` (Loader 2000).
pub fn stirlerr(j: usize) -> f64 {
    const TABLE: [f64; 16] = [
        0.0,
        0.08106146679532726,
        0.0413406959554093,
        0.02767792568499834,
        0.020790672103765093,
        0.016644691189821193,
        0.013876128823070748,
        0.01189670994589177,
        0.010411265261972096,
        0.009255462182712733,
        0.00833056343336287,
        0.007573675487951841,
        0.00694284010720953,
        0.006408994188004207,
        0.0059513701127588475,
        0.005554733551962801,
    ];
    if j < 16 {
        return TABLE[j];
    }
    let nn = j as f64;
    let n2 = nn * nn;
    const S0: f64 = 1.0 / 12.0;
    const S1: f64 = 1.0 / 360.0;
    const S2: f64 = 1.0 / 1260.0;
    const S3: f64 = 1.0 / 1680.0;
    const S4: f64 = 1.0 / 1188.0;
    (S0 - (S1 - (S2 - (S3 - S4 / n2) / n2) / n2) / n2) / nn
}

/// `x ln(x/m) + m - x`, without cancellation when `x` is near `m` (Loader 2000).
fn bd0(x: f64, m: f64) -> f64 {
    if (x - m).abs() < 0.1 * (x + m) {
        let v = (x - m) / (x + m);
        let mut s = (x - m) * v;
        let mut ej = 2.0 * x * v;
        let v2 = v * v;
        for j in 1..1000 {
            ej *= v2;
            let s1 = s + ej / (2 * j + 1) as f64;
            if s1 == s {
                return s1;
            }
            s = s1;
        }
        s
    } else {
        x * (x / m).ln() + m - x
    }
}

/// `ln(e^{-lambda} lambda^j / j!)` to full relative accuracy (Loader's saddle-point form).
pub fn ln_poisson_pmf(j: usize, lambda: f64) -> f64 {
    if lambda == 0.0 {
        return if j == 0 { 0.0 } else { f64::NEG_INFINITY };
    }
    if j == 0 {
        return -lambda;
    }
    -stirlerr(j) - bd0(j as f64, lambda) - 0.5 * (LN_2PI + (j as f64).ln())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lockstep continued fractions are the scalar ones bit for bit: mixed depths in one
    /// group (0.9 needs 378 steps, 40 needs 8), both branches, a partial last group.
    #[test]
    fn erfcx_into_is_erfcx_bit_for_bit() {
        let xs: Vec<f64> = (0..301)
            .map(|i| {
                let u = i as f64 / 300.0;
                // Interleave small and large arguments so that groups mix depths.
                if i % 3 == 0 {
                    40.0 * u
                } else {
                    0.85 + 0.2 * u
                }
            })
            .collect();
        let mut out = vec![f64::NAN; xs.len()];
        erfcx_into(&xs, &mut out);
        for (x, y) in xs.iter().zip(&out) {
            assert_eq!(y.to_bits(), erfcx(*x).to_bits(), "erfcx({x})");
        }
    }
}
