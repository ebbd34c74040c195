//! A cheap-to-clone handle on the exact finite-width law of the spectral radius of one ensemble
//! at one width: Kostlan's for complex Ginibre (docs/math/kostlan.md), Sinclair's Pfaffian for
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
        ExactLaw(Arc::new(KostlanLaw::new(n)))
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
