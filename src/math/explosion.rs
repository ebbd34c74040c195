//! The explosion time of a linear RNN implied by the spectral radius alone
//! (docs/math/rnn.md, "Explosion time implied by the radius").
//!
//! With one dominant mode of modulus `rho > 1` that takes the share `c` of the input energy
//! (`c = 1/n` for a normal mode, the radius-only assumption), the conditional mean of
//! `||h_t||^2 / n` is about `b t + c (rho^(2t) - 1)/(rho^2 - 1)`, where the other modes add `b`
//! per step (`b = 1` for a dense Ginibre `W`, about 0 for its diagonalised form), and the run
//! counts as exploded once that exceeds `F t`. With the excess `e = F - b` the mode must supply,
//! the implied explosion time `t*(rho)` solves `c (rho^(2t) - 1)/(rho^2 - 1) = e t`; it decreases
//! in `rho`, and there is none for `rho <= 1`. So its law follows from the law of `rho`: `P(t* <= T) = P(rho >= rho_T)` with
//! `t*(rho_T) = T`, and its quantiles are `t*` of the opposite quantiles of `rho`.

/// `c (rho^(2t) - 1)/(rho^2 - 1) - e t`, computed as `c sum_{k<t} rho^(2k)` in closed form
/// with `expm1` so that `rho` near 1 loses nothing.
fn excess(rho: f64, t: f64, c: f64, e: f64) -> f64 {
    let a = 2.0 * rho.ln();
    let growth = if a.abs() < 1e-300 {
        t
    } else {
        (a * t).exp_m1() / a.exp_m1()
    };
    c * growth - e * t
}

/// The implied explosion time `t*(rho)` (a real number of steps), or `None` where there is no
/// crossing (`rho <= 1`, or a crossing beyond `10^12` steps), for the excess `e` per step.
pub fn implied_time(rho: f64, c: f64, e: f64) -> Option<f64> {
    if rho <= 1.0 || e <= 0.0 {
        return None;
    }
    // excess(t) is convex, 0 at t = 0 with a negative slope (c < e), and eventually
    // positive: bracket the root by doubling, then bisect.
    let mut hi = 1.0;
    while excess(rho, hi, c, e) <= 0.0 {
        hi *= 2.0;
        if hi > 1e12 {
            return None;
        }
    }
    let mut lo = hi / 2.0;
    if hi == 1.0 {
        lo = 0.0;
    }
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        if excess(rho, mid, c, e) <= 0.0 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(hi)
}

/// The radius `rho_T > 1` whose implied explosion time is `t`: `t*(rho) <= t` exactly when
/// `rho >= rho_T`.
pub fn radius_for_time(t: f64, c: f64, e: f64) -> f64 {
    // t* decreases from +inf (rho -> 1) towards 0: bisect on rho in (1, hi].
    let mut hi = 2.0;
    while implied_time(hi, c, e).is_some_and(|s| s > t) {
        hi *= 2.0;
    }
    let mut lo = 1.0;
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        match implied_time(mid, c, e) {
            Some(s) if s <= t => hi = mid,
            _ => lo = mid,
        }
    }
    hi
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The crossing satisfies its equation, and matches the closed form of a diagonal `W` with
    /// one eigenvalue `rho` (the sum of a geometric series against `F t`, checked step by step).
    #[test]
    fn implied_time_solves_its_equation() {
        let (c, f) = (1.0 / 1024.0, 10.0);
        let e = f - 1.0;
        for rho in [1.001, 1.01, 1.025773, 1.2] {
            let t = implied_time(rho, c, e).unwrap();
            assert!(excess(rho, t, c, e).abs() < 1e-6 * f * t, "rho={rho}");
            // First integer step past the threshold, by direct summation.
            let (mut sum, mut power, mut step) = (0.0, 1.0, 0usize);
            while step < 1_000_000 {
                step += 1;
                sum += power;
                power *= rho * rho;
                if c * sum > e * step as f64 {
                    break;
                }
            }
            assert_eq!(step, t.ceil() as usize, "rho={rho}: {t}");
            assert!((radius_for_time(t, c, e) - rho).abs() < 1e-9, "rho={rho}");
        }
        assert!(implied_time(1.0, c, e).is_none());
        assert!(implied_time(0.9, c, e).is_none());
        // The example of docs/math/rnn.md: n = 1024, the exact median of complex Ginibre.
        let t = implied_time(1.025773, 1.0 / 1024.0, 9.0).unwrap();
        assert!((t - 228.0).abs() < 1.0, "{t}");
    }
}
