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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::kostlan::KostlanLaw;
    use crate::math::real_ginibre::RealGinibreLaw;
    use crate::math::ring::RingLaw;

    fn laws() -> Vec<Box<dyn RadiusLaw>> {
        vec![
            Box::new(KostlanLaw::new(1)),
            Box::new(KostlanLaw::new(16)),
            Box::new(KostlanLaw::new(64)),
            Box::new(KostlanLaw::new(1024)),
            Box::new(RealGinibreLaw::new(1)),
            Box::new(RealGinibreLaw::new(9)),
            Box::new(RealGinibreLaw::new(64)),
            Box::new(RingLaw {
                n: 16,
                r_min: 0.5,
                r_max: 1.0,
            }),
            Box::new(RingLaw {
                n: 64,
                r_min: 0.0,
                r_max: 1.0,
            }),
        ]
    }

    /// On a grid from the `1e-9` quantile to the level exceeded with probability `1e-40`:
    /// `cdf = exp(ln_cdf)` and `sf = exp(ln_sf)` to rounding (the laws compute one from the other), `cdf + sf = 1`, and the log of the
    /// larger side agrees with `ln1p` of the smaller one (`ln_cdf = ln1p(-sf)` right of the
    /// median, `ln_sf = ln1p(-cdf)` left of it) to `1e-15` absolute.
    #[test]
    fn logs_agree_with_the_probabilities() {
        for (k, law) in laws().iter().enumerate() {
            let (lo, hi) = (law.quantile(1e-9), law.isf(1e-40));
            for i in 0..=200 {
                let r = lo + (hi - lo) * i as f64 / 200.0;
                let (lc, ls, c, s) = (law.ln_cdf(r), law.ln_sf(r), law.cdf(r), law.sf(r));
                let at = format!("law {k} r={r}: ln_cdf {lc} ln_sf {ls} cdf {c} sf {s}");
                // exp(ln x) carries the rounding of ln x, |ln x| eps relative.
                let rounding = |l: f64| (l.abs() + 2.0) * f64::EPSILON;
                assert!((lc.exp() - c).abs() <= rounding(lc) * c, "{at}");
                assert!((ls.exp() - s).abs() <= rounding(ls) * s, "{at}");
                assert!((c + s - 1.0).abs() <= 4.0 * f64::EPSILON, "{at}");
                if s < 0.5 {
                    assert!((lc - (-s).ln_1p()).abs() <= 1e-15, "{at}");
                } else {
                    assert!((ls - (-c).ln_1p()).abs() <= 1e-15, "{at}");
                }
            }
        }
    }

    fn assert_delivers(law: &dyn RadiusLaw, p: f64) {
        let s = law
            .calibrated_factor(p)
            .unwrap_or_else(|e| panic!("n={} p={p}: {e}", law.n()));
        let delivered = law.sf(1.0 / s);
        assert!(
            (delivered / p - 1.0).abs() <= DELIVERY_RTOL,
            "n={} p={p}: delivers {delivered}",
            law.n()
        );
    }

    /// The exact laws of the Ginibre ensembles deliver every normal P, 1e-300 included (the tails
    /// are summed in log space); the ring law delivers the bulk but not what lies below the
    /// resolution of the floating-point grid near `r_max` (about `n 2^-52 / 1e-6`), and says so.
    #[test]
    fn calibrated_factors_deliver_or_are_refused() {
        let ginibre: Vec<Box<dyn RadiusLaw>> = vec![
            Box::new(KostlanLaw::new(64)),
            Box::new(KostlanLaw::new(4096)),
            Box::new(RealGinibreLaw::new(64)),
            Box::new(RealGinibreLaw::new(333)),
        ];
        for law in &ginibre {
            for p in [0.5, 1e-3, 1e-10, 1e-30, 1e-90, 1e-300] {
                assert_delivers(law.as_ref(), p);
            }
            // Below the normal doubles nothing is delivered; the smallest normal double is.
            let e = law.calibrated_factor(1e-310).unwrap_err();
            assert_eq!(e.smallest, f64::MIN_POSITIVE, "n={}", law.n());
            assert_delivers(law.as_ref(), e.smallest);
        }
        let ring = RingLaw {
            n: 64,
            r_min: 0.0,
            r_max: 1.0,
        };
        for p in [0.5, 1e-3] {
            assert_delivers(&ring, p);
        }
        for p in [1e-10, 1e-30, 1e-300] {
            let e = ring.calibrated_factor(p).unwrap_err();
            assert_eq!(e.p, p);
            assert!(
                (1e-9..1e-7).contains(&e.smallest),
                "p={p}: smallest {}",
                e.smallest
            );
            assert_delivers(&ring, e.smallest);
            assert!(ring.calibrated_factor(e.smallest / 1000.0).is_err());
        }
    }

    /// The case that was wrong: Kostlan at n = 64 and P = 1e-90 returned 0.4286, whose `sf` was 0
    /// (the law's window reported every tail below about 1e-20 as 0).
    #[test]
    fn kostlan_factor_in_the_deep_tail() {
        let law = KostlanLaw::new(64);
        let s = law.calibrated_factor(1e-90).unwrap();
        assert!((law.sf(1.0 / s) / 1e-90 - 1.0).abs() <= DELIVERY_RTOL);
        assert!((s - 0.4098657079556141).abs() < 1e-12, "{s}");
    }
}
