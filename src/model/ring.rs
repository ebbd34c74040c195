//! The ring of `diag-uniform`'s eigenvalue moduli.

use super::error::{ConfigError, Param};
use super::list::split_list;

/// A ring `r_min <= |z| <= r_max` with `0 <= r_min <= r_max`, `r_max > 0`, both finite.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ring {
    pub r_min: f64,
    pub r_max: f64,
}

impl Ring {
    pub fn new(r_min: f64, r_max: f64) -> Result<Ring, ConfigError> {
        let text = format!("{r_min},{r_max}");
        if !(r_min.is_finite() && r_max.is_finite() && r_min >= 0.0 && r_max > 0.0) {
            return Err(ConfigError::new(
                Param::Ring,
                format!("'{text}': radii must be finite, r_min >= 0 and r_max > 0"),
            ));
        }
        if r_min > r_max {
            return Err(ConfigError::new(
                Param::Ring,
                format!("'{text}': r_min must not exceed r_max"),
            ));
        }
        Ok(Ring { r_min, r_max })
    }
}

impl std::str::FromStr for Ring {
    type Err = ConfigError;
    /// `R_MIN,R_MAX`.
    fn from_str(text: &str) -> Result<Ring, ConfigError> {
        let bad = || {
            ConfigError::new(
                Param::Ring,
                format!("'{text}' is not a ring; write R_MIN,R_MAX (e.g. 0.9,0.999)"),
            )
        };
        let [lo, hi] = split_list(Param::Ring, text)?[..] else {
            return Err(bad());
        };
        Ring::new(
            lo.parse().map_err(|_| bad())?,
            hi.parse().map_err(|_| bad())?,
        )
    }
}
