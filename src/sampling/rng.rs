//! Per-trial random streams: the reproducibility contract (docs/math/streams.md).
//!
//! Every trial owns a Xoshiro256++ generator seeded from `(seed, ensemble, scale, width, method,
//! precision, trial)` through SplitMix64, so a trial's draws never depend on which thread ran it,
//! on the order trials finish in, or on how a run is split into shards; and runs of different
//! methods or precisions with one seed draw independent numbers, so comparing them tests them.

use crate::model::Cell;
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

pub type TrialRng = Xoshiro256PlusPlus;

/// One step of SplitMix64 (Steele, Lea & Flood 2014): a bijective, well-mixing map of a 64-bit state.
pub fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a hash of a label, so that stream keys follow names rather than enum positions
/// (adding an ensemble later never changes the streams of the existing ones).
pub fn label_hash(label: &str) -> u64 {
    label.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01B3)
    })
}

/// Identifies one cell of the plan; combined with a trial index it names one stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StreamKey {
    pub seed: u64,
    pub ensemble: u64,
    pub scale: u64,
    pub width: u64,
    /// How the trial is sampled: method and precision.
    pub method: u64,
    pub precision: u64,
}

impl StreamKey {
    pub fn new(seed: u64, ensemble: &str, scale: &str, width: usize) -> Self {
        StreamKey {
            seed,
            ensemble: label_hash(ensemble),
            scale: label_hash(scale),
            width: width as u64,
            method: 0,
            precision: 0,
        }
    }

    /// The key of `cell`'s trials under `seed`.
    pub fn of(cell: &Cell, seed: u64) -> Self {
        StreamKey::new(seed, cell.ensemble.name(), &cell.scale.label(), cell.n)
            .sampled_by(cell.method.name(), cell.precision.name())
    }

    /// The same key for trials sampled by `method` in `precision`.
    pub fn sampled_by(self, method: &str, precision: &str) -> Self {
        StreamKey {
            method: label_hash(method),
            precision: label_hash(precision),
            ..self
        }
    }

    /// The generator of trial `trial`.
    pub fn trial_rng(&self, trial: u64) -> TrialRng {
        let mut state = self.seed;
        let parts = [
            self.ensemble,
            self.scale,
            self.width,
            self.method,
            self.precision,
            trial,
        ];
        for part in parts {
            state = splitmix64(&mut state) ^ part;
        }
        let mut seed = [0u8; 32];
        for chunk in seed.chunks_exact_mut(8) {
            chunk.copy_from_slice(&splitmix64(&mut state).to_le_bytes());
        }
        TrialRng::from_seed(seed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng;

    /// The first draw of trial 7 of real-ginibre, glorot, n = 64, dense, f64, seed 1.
    const PINNED: u64 = 9_731_293_083_863_168_790;

    #[test]
    fn streams_differ_by_every_key_part() {
        let base = StreamKey::new(1, "complex-ginibre", "glorot", 64);
        let first = |k: StreamKey, t| k.trial_rng(t).random::<u64>();
        let x = first(base, 0);
        assert_ne!(x, first(base, 1));
        assert_ne!(
            x,
            first(StreamKey::new(2, "complex-ginibre", "glorot", 64), 0)
        );
        assert_ne!(x, first(StreamKey::new(1, "real-ginibre", "glorot", 64), 0));
        assert_ne!(
            x,
            first(StreamKey::new(1, "complex-ginibre", "half", 64), 0)
        );
        assert_ne!(
            x,
            first(StreamKey::new(1, "complex-ginibre", "glorot", 65), 0)
        );
        assert_eq!(x, first(base, 0));
    }

    /// Pins the stream derivation: changing it silently would change every published number.
    #[test]
    fn stream_derivation_is_pinned() {
        let mut s = 0u64;
        assert_eq!(splitmix64(&mut s), 0xE220_A839_7B1D_CDAF);
        assert_eq!(label_hash(""), 0xcbf2_9ce4_8422_2325);
        let key = StreamKey::new(1, "real-ginibre", "glorot", 64).sampled_by("dense", "f64");
        assert_eq!(key.trial_rng(7).random::<u64>(), PINNED);
    }

    /// Every method and precision draws its own numbers from one seed.
    #[test]
    fn streams_differ_by_method_and_precision() {
        let base = StreamKey::new(1, "real-ginibre", "glorot", 2);
        let first = |m: &str, p: &str| base.sampled_by(m, p).trial_rng(0).random::<u64>();
        let all = [
            first("dense", "f64"),
            first("hessenberg", "f64"),
            first("kostlan", "f64"),
            first("dense", "f32"),
            first("hessenberg", "f32"),
        ];
        for i in 0..all.len() {
            for j in 0..i {
                assert_ne!(all[i], all[j], "streams {i} and {j} coincide");
            }
        }
    }
}
