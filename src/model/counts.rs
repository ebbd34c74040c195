//! Counts: trials, threads, probabilities, and the fewest trials each statistic needs.

use super::error::{ConfigError, Param};
use super::list::split_list;

/// The fewest trials from which a spread (a standard deviation, an interval of a mean, whether
/// that interval lies above a value) is computed: one trial has no spread, and reporting 0 would
/// claim a certainty the sample does not have. With fewer, those columns are empty.
pub const MIN_TRIALS_FOR_SPREAD: usize = 2;

/// A count of `what` that must be at least 1.
pub fn positive(param: Param, value: usize, what: &str) -> Result<usize, ConfigError> {
    if value == 0 {
        return Err(ConfigError::new(param, format!("need at least 1 {what}")));
    }
    Ok(value)
}

/// Refuses more than `max` of `what` per figure (bins, record times, curve points): no figure
/// resolves more, and each is held in memory.
pub fn at_most(param: Param, value: usize, max: usize, what: &str) -> Result<usize, ConfigError> {
    if value > max {
        return Err(ConfigError::new(
            param,
            format!("{value} {what} is more than any figure resolves; use at most {max}"),
        ));
    }
    Ok(value)
}

/// Trials per cell written as text: an integer, at least 1.
pub fn parse_trials(text: &str) -> Result<usize, ConfigError> {
    let n = text.trim().parse().map_err(|_| {
        ConfigError::new(
            Param::Trials,
            format!("'{text}' is not a number of trials (need an integer >= 1)"),
        )
    })?;
    trials(n)
}

/// Trials per cell: at least 1.
pub fn trials(trials: usize) -> Result<usize, ConfigError> {
    positive(Param::Trials, trials, "trial")
}

/// Worker threads: `None` is every logical CPU.
pub fn threads(threads: Option<usize>) -> Result<usize, ConfigError> {
    match threads {
        Some(0) => Err(ConfigError::new(Param::Threads, "need at least 1 thread")),
        Some(t) if t > 4096 => Err(ConfigError::new(
            Param::Threads,
            format!("{t} threads is more than any machine has"),
        )),
        Some(t) => Ok(t),
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
    }
}

/// Why `p` cannot be a target probability `P(rho > 1)`, if it cannot: it must lie strictly
/// between 0 and 1 and be a normal double (at least `2.2e-308`), since below that no tail of a
/// law is represented to the relative accuracy a calibration promises.
pub fn target_problem(p: f64) -> Option<String> {
    if !(p > 0.0 && p < 1.0) {
        Some("is not a probability strictly between 0 and 1".into())
    } else if p < f64::MIN_POSITIVE {
        Some(format!(
            "is below {:e}, the smallest probability a double holds to full precision",
            f64::MIN_POSITIVE
        ))
    } else {
        None
    }
}

/// A target probability (see [`target_problem`]).
pub fn probability(param: Param, p: f64) -> Result<f64, ConfigError> {
    match target_problem(p) {
        None => Ok(p),
        Some(why) => Err(ConfigError::new(param, format!("'{p}' {why}"))),
    }
}

/// A comma list of target probabilities.
pub fn probabilities(param: Param, text: &str) -> Result<Vec<f64>, ConfigError> {
    split_list(param, text)?
        .into_iter()
        .map(|s| {
            let why = match s.parse::<f64>() {
                Ok(p) => match target_problem(p) {
                    None => return Ok(p),
                    Some(why) => why,
                },
                Err(_) => "is not a probability strictly between 0 and 1".into(),
            };
            Err(ConfigError::new(param, format!("'{s}' {why}")))
        })
        .collect()
}

/// A list of target probabilities `P(rho > 1)`, as one value (see [`probabilities`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Targets(pub Vec<f64>);

impl std::str::FromStr for Targets {
    type Err = ConfigError;
    fn from_str(text: &str) -> Result<Self, ConfigError> {
        probabilities(Param::Targets, text).map(Targets)
    }
}
