//! `--shard I/N`: the I-th of N deterministic, contiguous slices of every cell's trials, so that
//! N machines (a SLURM job array) each run one slice and `mc-gumbel merge` joins them into exactly
//! the files of one unsharded run.

use super::error::{ConfigError, Param};
use serde::{Deserialize, Serialize};
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl Shard {
    pub const WHOLE: Shard = Shard { index: 0, count: 1 };

    pub fn parse(text: &str) -> Result<Shard, ConfigError> {
        let bad = || {
            ConfigError::new(
                Param::Shard,
                format!("'{text}' is not a shard; write I/N with 0 <= I < N (e.g. 3/8, or $SLURM_ARRAY_TASK_ID/8)"),
            )
        };
        let (i, n) = text.split_once('/').ok_or_else(bad)?;
        let index: usize = i.trim().parse().map_err(|_| bad())?;
        let count: usize = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    /// This slice of `trials` trials, refused where it would hold none.
    pub fn slice(&self, trials: usize) -> Result<Range<u64>, ConfigError> {
        let slice = self.trials(trials);
        if slice.is_empty() {
            return Err(ConfigError::new(
                Param::Shard,
                format!(
                    "{} shards of {trials} trials leave this shard empty; use fewer shards",
                    self.count
                ),
            ));
        }
        Ok(slice)
    }

    /// The trial indices of this slice: `[floor(T i / N), floor(T (i+1) / N))`.
    pub fn trials(&self, total: usize) -> Range<u64> {
        let edge = |i: usize| (total as u128 * i as u128 / self.count as u128) as u64;
        edge(self.index)..edge(self.index + 1)
    }
}

impl std::str::FromStr for Shard {
    type Err = ConfigError;
    fn from_str(text: &str) -> Result<Self, ConfigError> {
        Shard::parse(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_partition_the_trials() {
        for total in [1usize, 7, 10, 1000] {
            for count in 1..=7.min(total) {
                let mut next = 0;
                for index in 0..count {
                    let r = Shard { index, count }.trials(total);
                    assert_eq!(r.start, next);
                    assert!(r.end > r.start);
                    next = r.end;
                }
                assert_eq!(next, total as u64);
            }
        }
    }

    #[test]
    fn parse_checks_bounds() {
        assert_eq!(Shard::parse("2/7").unwrap(), Shard { index: 2, count: 7 });
        for bad in ["7/7", "1/0", "x/2", "3", "-1/2", ""] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
    }
}
