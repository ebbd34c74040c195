//! The one root finder of the exact laws: bracketing outwards from a guess, then Brent's method.
//! Every quantile of every law of `rho` is solved here (through [`super::radius_law::RadiusLaw`]).

/// The root of an increasing function `g` on `(0, inf)`, bracketed outwards from
/// `[guess - step, guess + step]` (the lower end never below half of itself, so the bracket stays
/// positive, the upper end moving up by doubling steps), then solved by [`brent`] to
/// `rel_tol * min(hi, 1)`, `hi` the upper end of the bracket (absolute above 1, relative below).
/// `g` may be infinite away from the root (`-inf` below, `+inf` above).
pub fn solve_increasing(g: impl Fn(f64) -> f64, guess: f64, step: f64, rel_tol: f64) -> f64 {
    let mut step = step;
    let (mut lo, mut hi) = (guess - step, guess + step);
    lo = lo.max(0.5 * guess);
    let mut g_lo = g(lo);
    while g_lo > 0.0 {
        hi = lo;
        step *= 2.0;
        lo = (lo - step).max(0.5 * lo);
        g_lo = g(lo);
    }
    let mut g_hi = g(hi);
    while g_hi < 0.0 {
        lo = hi;
        g_lo = g_hi;
        step *= 2.0;
        hi += step;
        g_hi = g(hi);
    }
    brent(&g, lo, hi, g_lo, g_hi, rel_tol * hi.min(1.0))
}

/// Brent's method on `[lo, hi]` with `g(lo) <= 0 <= g(hi)`; infinite values fall back to bisection.
pub fn brent(g: &impl Fn(f64) -> f64, lo: f64, hi: f64, g_lo: f64, g_hi: f64, tol: f64) -> f64 {
    let (mut a, mut b) = (lo, hi);
    let (mut fa, mut fb) = (g_lo, g_hi);
    if fa == 0.0 {
        return a;
    }
    if fb == 0.0 {
        return b;
    }
    let mut c = a;
    let mut fc = fa;
    let mut d = b - a;
    let mut e = d;
    for _ in 0..200 {
        if (fb > 0.0) == (fc > 0.0) {
            c = a;
            fc = fa;
            d = b - a;
            e = d;
        }
        if fc.abs() < fb.abs() {
            a = b;
            b = c;
            c = a;
            fa = fb;
            fb = fc;
            fc = fa;
        }
        let tol1 = 2.0 * f64::EPSILON * b.abs() + 0.5 * tol;
        let xm = 0.5 * (c - b);
        if xm.abs() <= tol1 || fb == 0.0 {
            return b;
        }
        let finite = fa.is_finite() && fb.is_finite() && fc.is_finite();
        if finite && e.abs() >= tol1 && fa.abs() > fb.abs() {
            let s = fb / fa;
            let (mut p, mut q);
            if a == c {
                p = 2.0 * xm * s;
                q = 1.0 - s;
            } else {
                let qq = fa / fc;
                let rr = fb / fc;
                p = s * (2.0 * xm * qq * (qq - rr) - (b - a) * (rr - 1.0));
                q = (qq - 1.0) * (rr - 1.0) * (s - 1.0);
            }
            if p > 0.0 {
                q = -q;
            }
            p = p.abs();
            if 2.0 * p < (3.0 * xm * q - (tol1 * q).abs()).min((e * q).abs()) {
                e = d;
                d = p / q;
            } else {
                d = xm;
                e = d;
            }
        } else {
            d = xm;
            e = d;
        }
        a = b;
        fa = fb;
        b += if d.abs() > tol1 { d } else { tol1.copysign(xm) };
        fb = g(b);
    }
    b
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_smooth_steep_and_infinite_functions() {
        let r = solve_increasing(|x| x * x - 2.0, 1.0, 0.1, 1e-15);
        assert!(
            (r - std::f64::consts::SQRT_2).abs() < 4.0 * f64::EPSILON,
            "{r}"
        );
        // Far from the guess on both sides.
        let r = solve_increasing(|x| x.ln() - 1e-3f64.ln(), 1.0, 0.01, 1e-15);
        assert!((r / 1e-3 - 1.0).abs() < 1e-13, "{r}");
        let r = solve_increasing(|x| x - 1e6, 1.0, 0.01, 1e-15);
        assert!((r - 1e6).abs() < 1e-6, "{r}");
        // -inf below a point and +inf above another, as logs of a CDF and a tail are.
        let g = |x: f64| {
            if x < 0.5 {
                f64::NEG_INFINITY
            } else if x > 3.0 {
                f64::INFINITY
            } else {
                x - 2.0
            }
        };
        let r = solve_increasing(g, 1.0, 0.1, 1e-15);
        assert!((r - 2.0).abs() < 1e-14, "{r}");
    }
}
