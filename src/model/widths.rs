//! Matrix widths: lists and ranges of them, and the range every job accepts.

use super::error::{ConfigError, Param};
use super::list::split_list;

/// The widest matrix any job takes: the exact laws and Kostlan's sampler are established up to
/// here (docs/math/kostlan.md); dense matrices meet the memory budget long before.
pub const MAX_WIDTH: usize = 1_000_000_000;

/// The most widths one list may expand to.
pub const MAX_WIDTHS: usize = 100_000;

/// Parses a width list: comma-separated integers and ranges `a..b:xK` (geometric) or `a..b:+K`
/// (arithmetic), both ends inclusive, each width in `2..=MAX_WIDTH`. The result is sorted and
/// free of repeats.
pub fn parse_widths(text: &str) -> Result<Vec<usize>, ConfigError> {
    const P: Param = Param::Widths;
    let int = |s: &str| -> Result<usize, ConfigError> {
        let v: usize = s.trim().parse().map_err(|_| {
            ConfigError::new(P, format!("'{s}' is not a width (need an integer >= 2)"))
        })?;
        check_width(v)?;
        Ok(v)
    };
    let mut widths = Vec::new();
    for item in split_list(P, text)? {
        let Some((from, rest)) = item.split_once("..") else {
            widths.push(int(item)?);
            continue;
        };
        let bad = || {
            ConfigError::new(
                P,
                format!("'{item}' is not a range; write FROM..TO:xFACTOR (e.g. 16..4096:x2) or FROM..TO:+STEP"),
            )
        };
        let (to, step) = rest.split_once(':').ok_or_else(bad)?;
        let (from, to) = (int(from)?, int(to)?);
        if to < from {
            return Err(ConfigError::new(
                P,
                format!("'{item}': the range ends below where it starts"),
            ));
        }
        if let Some(k) = step.strip_prefix('x') {
            let k: usize = k.parse().map_err(|_| bad())?;
            if k < 2 {
                return Err(ConfigError::new(
                    P,
                    format!("'{item}': a geometric factor must be >= 2"),
                ));
            }
            let mut v = from;
            while v <= to {
                widths.push(v);
                v = v.saturating_mul(k);
            }
        } else if let Some(k) = step.strip_prefix('+') {
            let k: usize = k.parse().map_err(|_| bad())?;
            if k < 1 {
                return Err(ConfigError::new(
                    P,
                    format!("'{item}': an arithmetic step must be >= 1"),
                ));
            }
            if (to - from) / k >= MAX_WIDTHS {
                return Err(too_many());
            }
            widths.extend((from..=to).step_by(k));
        } else {
            return Err(bad());
        }
        if widths.len() > MAX_WIDTHS {
            return Err(too_many());
        }
    }
    widths.sort_unstable();
    widths.dedup();
    Ok(widths)
}

fn too_many() -> ConfigError {
    ConfigError::new(
        Param::Widths,
        format!("more than {MAX_WIDTHS} widths; use a coarser range step"),
    )
}

/// Refuses a width outside `2..=MAX_WIDTH`.
pub fn check_width(n: usize) -> Result<usize, ConfigError> {
    if n < 2 {
        return Err(ConfigError::new(
            Param::Widths,
            format!("width {n} is too small (need n >= 2)"),
        ));
    }
    if n > MAX_WIDTH {
        return Err(ConfigError::new(
            Param::Widths,
            format!(
                "width {n} is beyond the widths where the exact laws and samplers are \
                 established (n <= 10^9)"
            ),
        ));
    }
    Ok(n)
}

/// A width list, as one value (see [`parse_widths`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Widths(pub Vec<usize>);

impl std::str::FromStr for Widths {
    type Err = ConfigError;
    fn from_str(text: &str) -> Result<Self, ConfigError> {
        parse_widths(text).map(Widths)
    }
}

/// The one width of a list that must hold exactly one.
pub fn parse_width(text: &str) -> Result<usize, ConfigError> {
    match parse_widths(text)?[..] {
        [n] => Ok(n),
        _ => Err(ConfigError::new(Param::Widths, "give one width")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_lists_and_ranges() {
        assert_eq!(parse_widths("64,256,1024").unwrap(), vec![64, 256, 1024]);
        assert_eq!(parse_widths("16..128:x2").unwrap(), vec![16, 32, 64, 128]);
        assert_eq!(parse_widths("16..100:x2").unwrap(), vec![16, 32, 64]);
        assert_eq!(parse_widths("10..40:+10,20").unwrap(), vec![10, 20, 30, 40]);
        for bad in [
            "",
            "64,,256",
            "abc",
            "1",
            "0",
            "64..16:x2",
            "16..64",
            "16..64:x1",
            "16..64:y2",
            "-5",
            "18446744073709551615",
            "1000000001",
            "2..1000000:+1",
        ] {
            assert!(parse_widths(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_widths("1000000000").unwrap(), vec![MAX_WIDTH]);
    }
}
