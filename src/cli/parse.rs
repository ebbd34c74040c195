//! Value parsers of the command line: lists, ranges, probabilities, shards, rings. Each error
//! names its flag and says what to write instead.

use crate::error::Error;
use crate::sampling::ensemble::{Ensemble, Scale};
use crate::store::shard::Shard;

/// Splits a comma list, refusing empty items so that "64,,256" is an error rather than a guess.
pub fn split_list<'a>(flag: &'static str, text: &'a str) -> Result<Vec<&'a str>, Error> {
    let items: Vec<&str> = text.split(',').map(str::trim).collect();
    if items.iter().any(|s| s.is_empty()) {
        return Err(Error::usage(
            flag,
            format!("'{text}' has an empty item; give a comma-separated list"),
        ));
    }
    Ok(items)
}

/// Parses `--widths`: comma-separated integers and ranges `a..b:xK` (geometric) or `a..b:+K`
/// (arithmetic), both ends inclusive. The result is sorted and free of repeats.
pub fn parse_widths(text: &str) -> Result<Vec<usize>, Error> {
    const FLAG: &str = "--widths";
    let int = |s: &str| -> Result<usize, Error> {
        let v: usize = s.trim().parse().map_err(|_| {
            Error::usage(FLAG, format!("'{s}' is not a width (need an integer >= 2)"))
        })?;
        if v < 2 {
            return Err(Error::usage(
                FLAG,
                format!("width {v} is too small (need n >= 2)"),
            ));
        }
        Ok(v)
    };
    let mut widths = Vec::new();
    for item in split_list(FLAG, text)? {
        let Some((from, rest)) = item.split_once("..") else {
            widths.push(int(item)?);
            continue;
        };
        let bad = || {
            Error::usage(
                FLAG,
                format!("'{item}' is not a range; write FROM..TO:xFACTOR (e.g. 16..4096:x2) or FROM..TO:+STEP"),
            )
        };
        let (to, step) = rest.split_once(':').ok_or_else(bad)?;
        let (from, to) = (int(from)?, int(to)?);
        if to < from {
            return Err(Error::usage(
                FLAG,
                format!("'{item}': the range ends below where it starts"),
            ));
        }
        if let Some(k) = step.strip_prefix('x') {
            let k: usize = k.parse().map_err(|_| bad())?;
            if k < 2 {
                return Err(Error::usage(
                    FLAG,
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
                return Err(Error::usage(
                    FLAG,
                    format!("'{item}': an arithmetic step must be >= 1"),
                ));
            }
            widths.extend((from..=to).step_by(k));
        } else {
            return Err(bad());
        }
    }
    if widths.len() > 100_000 {
        return Err(Error::usage(
            FLAG,
            "more than 100000 widths; use a coarser range step",
        ));
    }
    widths.sort_unstable();
    widths.dedup();
    Ok(widths)
}

pub fn parse_ensembles(text: &str, allowed: &[&str]) -> Result<Vec<Ensemble>, Error> {
    let mut out = Vec::new();
    for name in split_list("--ensemble", text)? {
        match Ensemble::parse(name).filter(|_| allowed.contains(&name)) {
            Some(e) if !out.contains(&e) => out.push(e),
            Some(_) => {}
            None => {
                return Err(Error::usage(
                    "--ensemble",
                    format!(
                        "unknown ensemble '{name}'; choose from {}",
                        allowed.join(", ")
                    ),
                ))
            }
        }
    }
    Ok(out)
}

pub fn parse_scales(text: &str) -> Result<Vec<Scale>, Error> {
    let mut out: Vec<Scale> = Vec::new();
    for item in split_list("--scale", text)? {
        let s = Scale::parse(item).map_err(|m| Error::usage("--scale", m))?;
        if !out.iter().any(|x| x.label() == s.label()) {
            out.push(s);
        }
    }
    Ok(out)
}

pub fn parse_probabilities(flag: &'static str, text: &str) -> Result<Vec<f64>, Error> {
    split_list(flag, text)?
        .into_iter()
        .map(|s| match s.parse::<f64>() {
            Ok(p) if p > 0.0 && p < 1.0 => Ok(p),
            _ => Err(Error::usage(
                flag,
                format!("'{s}' is not a probability strictly between 0 and 1"),
            )),
        })
        .collect()
}

pub fn resolve_threads(threads: Option<usize>) -> Result<usize, Error> {
    match threads {
        Some(0) => Err(Error::usage("--threads", "need at least 1 thread")),
        Some(t) if t > 4096 => Err(Error::usage(
            "--threads",
            format!("{t} threads is more than any machine has"),
        )),
        Some(t) => Ok(t),
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
    }
}

pub fn resolve_trials(trials: usize) -> Result<usize, Error> {
    if trials == 0 {
        return Err(Error::usage("--trials", "need at least 1 trial"));
    }
    Ok(trials)
}

/// Parses `--shard`; no flag means the whole run.
pub fn parse_shard(text: &Option<String>) -> Result<Shard, Error> {
    match text {
        Some(text) => Shard::parse(text),
        None => Ok(Shard::WHOLE),
    }
}

/// Parses `--ring r_min,r_max`: `0 <= r_min <= r_max`, `r_max > 0`, both finite.
pub fn parse_ring(text: &str) -> Result<(f64, f64), Error> {
    const FLAG: &str = "--ring";
    let items = split_list(FLAG, text)?;
    let bad = || {
        Error::usage(
            FLAG,
            format!("'{text}' is not a ring; write R_MIN,R_MAX (e.g. 0.9,0.999)"),
        )
    };
    let [lo, hi] = items[..] else {
        return Err(bad());
    };
    let (lo, hi): (f64, f64) = (
        lo.parse().map_err(|_| bad())?,
        hi.parse().map_err(|_| bad())?,
    );
    if !(lo.is_finite() && hi.is_finite() && lo >= 0.0 && hi > 0.0) {
        return Err(Error::usage(
            FLAG,
            format!("'{text}': radii must be finite, r_min >= 0 and r_max > 0"),
        ));
    }
    if lo > hi {
        return Err(Error::usage(
            FLAG,
            format!("'{text}': r_min must not exceed r_max"),
        ));
    }
    Ok((lo, hi))
}

/// Refuses a zero count for `flag`.
pub fn positive(flag: &'static str, value: usize, what: &str) -> Result<usize, Error> {
    if value == 0 {
        return Err(Error::usage(flag, format!("need at least 1 {what}")));
    }
    Ok(value)
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
        ] {
            assert!(parse_widths(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn scales_parse_and_reject() {
        assert_eq!(parse_scales("glorot,half,exact:0.01,0.9").unwrap().len(), 4);
        for bad in ["exact:0", "exact:1", "exact:x", "-1", "foo", "0"] {
            assert!(parse_scales(bad).is_err(), "{bad}");
        }
    }
}
