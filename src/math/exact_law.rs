//! One interface over the exact finite-width laws of the spectral radius: Kostlan's for complex
//! Ginibre (docs/math/kostlan.md), Sinclair's Pfaffian for real Ginibre
//! (docs/math/real_ginibre.md) and the ring law of `diag-uniform` (docs/math/density.md).
//!
//! The real law costs real work per width (its matrix of integrals), so it is built once per
//! width and process and shared, together with its mean and standard deviation once asked for.

use super::kostlan::KostlanLaw;
use super::real_ginibre::RealGinibreLaw;
use super::ring::RingLaw;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// The exact law of `rho` of one ensemble at one width, entries of variance `1/n` (unscaled).
#[derive(Clone, Debug)]
pub enum ExactLaw {
    Complex(KostlanLaw),
    Real(Arc<SharedRealLaw>),
    Ring(RingLaw),
}

/// The real-Ginibre law of one width with its moments, computed at most once.
#[derive(Debug)]
pub struct SharedRealLaw {
    pub law: RealGinibreLaw,
    moments: OnceLock<(f64, f64)>,
}

/// How many widths of the real law a process keeps: enough for any grid's cells to share one
/// law per width, without holding every width of a long sweep.
const REAL_LAWS_KEPT: usize = 16;

/// The real-Ginibre law at width `n`, built on first use and shared after.
pub fn real_ginibre(n: usize) -> Arc<SharedRealLaw> {
    type Slot = Arc<OnceLock<Arc<SharedRealLaw>>>;
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
    slot.get_or_init(|| {
        Arc::new(SharedRealLaw {
            law: RealGinibreLaw::new(n),
            moments: OnceLock::new(),
        })
    })
    .clone()
}

impl ExactLaw {
    pub fn complex_ginibre(n: usize) -> Self {
        ExactLaw::Complex(KostlanLaw::new(n))
    }

    pub fn real_ginibre(n: usize) -> Self {
        ExactLaw::Real(real_ginibre(n))
    }

    /// `P(rho <= r)`.
    pub fn cdf(&self, r: f64) -> f64 {
        match self {
            ExactLaw::Complex(l) => l.cdf(r),
            ExactLaw::Real(l) => l.law.cdf(r),
            ExactLaw::Ring(l) => l.cdf(r),
        }
    }

    /// `P(rho > r)`, accurate where it is tiny (and never `-0.0`, which `-expm1(0)` is).
    pub fn sf(&self, r: f64) -> f64 {
        let sf = match self {
            ExactLaw::Complex(l) => l.sf(r),
            ExactLaw::Real(l) => l.law.sf(r),
            ExactLaw::Ring(l) => l.sf(r),
        };
        sf + 0.0
    }

    /// The `p`-quantile, `0 < p < 1`.
    pub fn quantile(&self, p: f64) -> f64 {
        match self {
            ExactLaw::Complex(l) => l.quantile(p),
            ExactLaw::Real(l) => l.law.quantile(p),
            ExactLaw::Ring(l) => l.quantile(p),
        }
    }

    /// The level `r` with `P(rho > r) = q`, without rounding `1 - q`.
    pub fn upper_quantile(&self, q: f64) -> f64 {
        match self {
            ExactLaw::Complex(l) => l.upper_quantile(q),
            ExactLaw::Real(l) => l.law.upper_quantile(q),
            ExactLaw::Ring(l) => l.upper_quantile(q),
        }
    }

    /// Mean and standard deviation of `rho`.
    pub fn mean_sd(&self) -> (f64, f64) {
        match self {
            ExactLaw::Complex(l) => l.mean_sd(),
            ExactLaw::Real(l) => *l.moments.get_or_init(|| l.law.mean_sd()),
            ExactLaw::Ring(l) => l.mean_sd(),
        }
    }

    /// The factor `s = 1/q(1-P)` with `P(rho(sW) > 1) = P` exactly.
    pub fn calibrated_factor(&self, p: f64) -> f64 {
        1.0 / self.upper_quantile(p)
    }
}
