//! The interface every exact law of the spectral radius implements: Kostlan's for complex
//! Ginibre (docs/math/kostlan.md), Sinclair's Pfaffian for real Ginibre
//! (docs/math/real_ginibre.md) and the ring law of `diag-uniform` (docs/math/density.md).
//!
//! A law supplies `ln F(r)` and `ln(1 - F(r))`, each to its own relative accuracy, its moments and
//! where to start looking for its quantiles; quantiles and calibrated factors are solved here,
//! for every law alike, by [`super::roots::solve_increasing`] on the log of the CDF (lower half)
//! or of the survival function (upper half), so that tail levels keep their meaning however
//! small they are.

use super::roots::solve_increasing;
use std::fmt;

/// How closely a calibrated factor must deliver its probability: `|sf(1/s) / P - 1| <= 1e-6`.
pub const DELIVERY_RTOL: f64 = 1e-6;

/// Why [`RadiusLaw::calibrated_factor`] has no factor for `p`: no representable factor `s`
/// makes this law's `P(rho(sW) > 1)` equal `p` to [`DELIVERY_RTOL`]. `smallest` is the smallest
/// `P` it delivers at this width, found by bisection on `ln P` to a factor of about 1.2 (itself
/// delivered; NaN if not even `P = 1/2` is).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Undeliverable {
    pub p: f64,
    pub smallest: f64,
}

impl fmt::Display for Undeliverable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P = {:e} cannot be delivered to {DELIVERY_RTOL:e} relative: the smallest P the exact \
             law resolves is {:.3e}",
            self.p, self.smallest
        )
    }
}

impl std::error::Error for Undeliverable {}

/// The exact law of the spectral radius `rho` of one ensemble at one width (entries of variance
/// `1/n`, unscaled).
pub trait RadiusLaw: fmt::Debug {
    /// The width.
    fn n(&self) -> usize;

    /// `ln P(rho <= r)`: `-inf` where the law puts no mass at or below `r` (or less than it
    /// resolves), `0` where `P(rho > r)` is below rounding.
    fn ln_cdf(&self, r: f64) -> f64;

    /// `ln P(rho > r)`, to its own relative accuracy where `P(rho > r)` is tiny.
    fn ln_sf(&self, r: f64) -> f64;

    /// `P(rho <= r)`.
    fn cdf(&self, r: f64) -> f64 {
        self.ln_cdf(r).exp()
    }

    /// `P(rho > r)`, accurate where it is tiny, never `-0.0`.
    fn sf(&self, r: f64) -> f64 {
        self.ln_sf(r).exp() + 0.0
    }

    /// Mean and standard deviation of `rho`.
    fn mean_sd(&self) -> (f64, f64);

    fn mean(&self) -> f64 {
        self.mean_sd().0
    }

    fn sd(&self) -> f64 {
        self.mean_sd().1
    }

    /// `P(rho > 1)`.
    fn p_exceed_1(&self) -> f64 {
        self.sf(1.0)
    }

    /// Where the quantile search starts: a level near the bulk and a step of about the law's
    /// width (the bracket then widens by doubling steps).
    fn bracket(&self) -> (f64, f64);

    /// Tolerance of the quantile search, relative below 1 and absolute above.
    fn quantile_tolerance(&self) -> f64;

    /// The `p`-quantile, `0 < p < 1`: the root of `ln F = ln p`, or for `p > 1/2`
    /// `isf(1 - p)`.
    fn quantile(&self, p: f64) -> f64 {
        assert!(p > 0.0 && p < 1.0, "quantile level must be in (0,1)");
        if p <= 0.5 {
            let target = p.ln();
            let (guess, step) = self.bracket();
            solve_increasing(
                |r| self.ln_cdf(r) - target,
                guess,
                step,
                self.quantile_tolerance(),
            )
        } else {
            self.isf(1.0 - p)
        }
    }

    /// The level `r` with `P(rho > r) = q`, `0 < q < 1`: the root of `ln(1 - F) = ln q`, without
    /// rounding `1 - q`.
    fn isf(&self, q: f64) -> f64 {
        assert!(q > 0.0 && q < 1.0, "tail probability must be in (0,1)");
        let target = q.ln();
        let (guess, step) = self.bracket();
        solve_increasing(
            |r| target - self.ln_sf(r),
            guess,
            step,
            self.quantile_tolerance(),
        )
    }

    /// The factor `s = 1 / isf(p)` with `P(rho(sW) > 1) = sf(1/s) = p`, `0 < p < 1`, checked:
    /// the law's own `sf(1/s)` must equal `p` to [`DELIVERY_RTOL`], else (a tail the law does not
    /// resolve, a level the floating-point grid of `s` cannot hit, or `p` below the smallest
    /// normal double) the answer is [`Undeliverable`], with the smallest `P` that is delivered.
    fn calibrated_factor(&self, p: f64) -> Result<f64, Undeliverable> {
        assert!(p > 0.0 && p < 1.0, "tail probability must be in (0,1)");
        delivered_factor(self, p).ok_or_else(|| Undeliverable {
            p,
            smallest: smallest_delivered(self, p),
        })
    }
}

/// `1 / isf(p)` where it delivers `p` to [`DELIVERY_RTOL`].
fn delivered_factor<L: RadiusLaw + ?Sized>(law: &L, p: f64) -> Option<f64> {
    if !(f64::MIN_POSITIVE..1.0).contains(&p) {
        return None;
    }
    let s = 1.0 / law.isf(p);
    if !(s.is_finite() && s > 0.0) {
        return None;
    }
    let delivered = law.sf(1.0 / s);
    ((delivered / p - 1.0).abs() <= DELIVERY_RTOL).then_some(s)
}

/// The smallest `P` that [`delivered_factor`] delivers, `p` being one it does not: bisection on
/// `ln P` between `ln p` (or the smallest normal double) and `ln 1/2`, twelve halvings (a range of
/// at most 708 in `ln P` ends below 0.18, a factor 1.2). NaN if `1/2` is not delivered either.
fn smallest_delivered<L: RadiusLaw + ?Sized>(law: &L, p: f64) -> f64 {
    const TOP: f64 = 0.5;
    if p >= TOP || delivered_factor(law, TOP).is_none() {
        return f64::NAN;
    }
    if p < f64::MIN_POSITIVE && delivered_factor(law, f64::MIN_POSITIVE).is_some() {
        return f64::MIN_POSITIVE;
    }
    let (mut bad, mut good) = (p.max(f64::MIN_POSITIVE).ln(), TOP.ln());
    let mut good_p = TOP;
    for _ in 0..12 {
        let mid = 0.5 * (bad + good);
        let p_mid = mid.exp();
        if delivered_factor(law, p_mid).is_some() {
            good = mid;
            good_p = p_mid;
        } else {
            bad = mid;
        }
    }
    good_p
}
