//! Memory pre-checks: a plan whose working memory exceeds what the machine has is refused
//! before anything is written, naming the parameter that asks for the most, instead of
//! swapping for hours or aborting on an allocation.

use super::error::{ConfigError, Param};

/// One demand a plan makes on memory, and the parameter that sets it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Demand {
    pub param: Param,
    pub bytes: u128,
}

impl Demand {
    pub fn new(param: Param, bytes: u128) -> Self {
        Demand { param, bytes }
    }
}

/// Refuses `demands` (of the cell `what`, e.g. "width 1024") whose sum exceeds `available`
/// bytes, naming the parameter of the largest demand. No figure for `available` (an unknown
/// platform) refuses nothing.
pub fn check(available: Option<u64>, what: &str, demands: &[Demand]) -> Result<(), ConfigError> {
    let Some(available) = available else {
        return Ok(());
    };
    let total: u128 = demands.iter().map(|d| d.bytes).sum();
    if total <= available as u128 {
        return Ok(());
    }
    let largest = demands
        .iter()
        .max_by_key(|d| d.bytes)
        .expect("a sum above zero has a term");
    Err(ConfigError::new(
        largest.param,
        format!(
            "{what} needs about {} of memory ({} of it for this setting), but only {} is \
             available; lower it, or use fewer threads",
            format_bytes(total),
            format_bytes(largest.bytes),
            format_bytes(available as u128)
        ),
    ))
}

/// `bytes` in GiB, or MiB below one GiB.
pub fn format_bytes(bytes: u128) -> String {
    let gib = bytes as f64 / (1u64 << 30) as f64;
    if gib >= 1.0 {
        format!("{gib:.1} GiB")
    } else {
        format!("{:.0} MiB", bytes as f64 / (1u64 << 20) as f64)
    }
}
