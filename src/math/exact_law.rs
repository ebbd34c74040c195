//! A cheap-to-clone handle on the exact finite-width law of the spectral radius of one ensemble
//! at one width: Kostlan's for complex Ginibre (docs/math/kostlan.md) and its quaternion
//! counterpart (docs/math/quaternion.md), Sinclair's Pfaffian for
//! real Ginibre (docs/math/real_ginibre.md) and the ring law of `diag-uniform`
//! (docs/math/density.md), all behind [`RadiusLaw`].
//!
//! The real law costs real work per width (its matrix of integrals), so it is built once per
//! width and process and shared, together with its mean and standard deviation once asked for.

use super::kostlan::KostlanLaw;
pub use super::radius_law::{RadiusLaw, Undeliverable};
use super::real_ginibre::RealGinibreLaw;
use super::ring::RingLaw;
use std::collections::HashMap;
use std::fmt;
use std::ops::Deref;
use std::sync::{Arc, Mutex, OnceLock};

/// The exact law of `rho` of one ensemble at one width, entries of variance `1/n` (unscaled).
/// Every [`RadiusLaw`] method is called through it (`law.sf(r)`, `law.isf(q)`,
/// `law.calibrated_factor(p)`); clones share one law.
#[derive(Clone)]
pub struct ExactLaw(Arc<dyn RadiusLaw + Send + Sync>);

impl Deref for ExactLaw {
    type Target = dyn RadiusLaw + Send + Sync;
    fn deref(&self) -> &Self::Target {
        &*self.0
    }
}

impl fmt::Debug for ExactLaw {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ExactLaw").field(&self.0).finish()
    }
}

/// How many widths of the real law a process keeps: enough for any grid's cells to share one
/// law per width, without holding every width of a long sweep.
const REAL_LAWS_KEPT: usize = 16;

/// The real-Ginibre law at width `n`, built on first use and shared after.
fn shared_real_ginibre(n: usize) -> Arc<RealGinibreLaw> {
    type Slot = Arc<OnceLock<Arc<RealGinibreLaw>>>;
    static CACHE: OnceLock<Mutex<HashMap<usize, Slot>>> = OnceLock::new();
    let slot = {
        let mut map = CACHE
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if map.len() >= REAL_LAWS_KEPT && !map.contains_key(&n) {
            map.clear();
        }
        map.entry(n).or_default().clone()
    };
    // Built outside the lock, so that laws of different widths are built in parallel.
    slot.get_or_init(|| Arc::new(RealGinibreLaw::new(n)))
        .clone()
}

impl ExactLaw {
    /// Kostlan's law of complex Ginibre at width `n >= 1`.
    pub fn complex_ginibre(n: usize) -> Self {
        Self::kostlan(KostlanLaw::new(n))
    }

    /// A law of independent gamma moduli: complex or quaternion Ginibre.
    pub fn kostlan(law: KostlanLaw) -> Self {
        ExactLaw(Arc::new(law))
    }

    /// The real-Ginibre law at width `n >= 1`, shared with every other handle on the same width
    /// (the process keeps the laws of the last 16 widths asked for).
    pub fn real_ginibre(n: usize) -> Self {
        ExactLaw(shared_real_ginibre(n))
    }

    /// The ring law of `diag-uniform`: `n` moduli uniform by area on
    /// `r_min <= |z| <= r_max`, `0 <= r_min < r_max` (a degenerate ring has no quantiles to solve).
    pub fn ring(n: usize, r_min: f64, r_max: f64) -> Self {
        assert!(
            n >= 1 && 0.0 <= r_min && r_min < r_max && r_max.is_finite(),
            "the ring law needs n >= 1 and 0 <= r_min < r_max"
        );
        ExactLaw(Arc::new(RingLaw { n, r_min, r_max }))
    }

    /// Any other law of `rho`.
    pub fn new(law: impl RadiusLaw + Send + Sync + 'static) -> Self {
        ExactLaw(Arc::new(law))
    }
}

// The trait's tests live beside the laws' handle, which imports every law; the trait itself
// imports none of them.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::radius_law::DELIVERY_RTOL;

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
