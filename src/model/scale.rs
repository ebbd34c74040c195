//! Scale factors applied to the entries, hence to the whole spectrum, and where each is defined.

use super::counts;
use super::ensemble::Ensemble;
use super::error::{ConfigError, Param};
use super::laws;
use super::list::split_list;
use crate::math::asymptotics;
use serde::{Deserialize, Serialize};

/// A scale factor applied to the entries, hence to the whole spectrum. A manifest records it by
/// its label.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Scale {
    Glorot,
    Half,
    Paper,
    Exact(f64),
    Value(f64),
}

impl Scale {
    pub fn parse(text: &str) -> Result<Scale, ConfigError> {
        Scale::parse_text(text).map_err(|m| ConfigError::new(Param::Scale, m))
    }

    /// The scales of the comma list `text`, in order and without repeats.
    pub fn parse_list(text: &str) -> Result<Vec<Scale>, ConfigError> {
        let mut out: Vec<Scale> = Vec::new();
        for item in split_list(Param::Scale, text)? {
            let s = Scale::parse(item)?;
            if !out.iter().any(|x| x.label() == s.label()) {
                out.push(s);
            }
        }
        Ok(out)
    }

    fn parse_text(text: &str) -> Result<Scale, String> {
        match text {
            "glorot" => return Ok(Scale::Glorot),
            "half" => return Ok(Scale::Half),
            "paper" => return Ok(Scale::Paper),
            _ => {}
        }
        if let Some(p) = text.strip_prefix("exact:") {
            let p: f64 = p
                .parse()
                .map_err(|_| format!("'{text}': the P in exact:P must be a number in (0,1)"))?;
            if let Some(why) = counts::target_problem(p) {
                return Err(format!("'{text}': the P in exact:P {why}"));
            }
            return Ok(Scale::Exact(p));
        }
        match text.parse::<f64>() {
            Ok(v) if v > 0.0 && v.is_finite() => Ok(Scale::Value(v)),
            Ok(_) => Err(format!(
                "'{text}': a numeric scale must be positive and finite"
            )),
            Err(_) => Err(format!(
                "'{text}' is not a scale (use glorot, half, paper, exact:P or a positive number)"
            )),
        }
    }

    /// The canonical label written in CSV rows and used to key random streams.
    pub fn label(&self) -> String {
        match self {
            Scale::Glorot => "glorot".into(),
            Scale::Half => "half".into(),
            Scale::Paper => "paper".into(),
            Scale::Exact(p) => format!("exact:{p}"),
            Scale::Value(v) => format!("{v}"),
        }
    }

    /// The factor for `ensemble` at width `n`, or why there is none: `paper` is undefined where
    /// `gamma_n <= 0`, and `exact:P` needs an ensemble with an exact law at that width, since
    /// the factor is calibrated on that ensemble's own law, and a `P` that law resolves there.
    pub fn factor(&self, ensemble: Ensemble, n: usize) -> Result<f64, ConfigError> {
        let refuse = |m: String| ConfigError::new(Param::Scale, m);
        match *self {
            Scale::Glorot => Ok(1.0),
            Scale::Half => Ok(std::f64::consts::FRAC_1_SQRT_2),
            Scale::Paper => asymptotics::paper_factor(n).ok_or_else(|| {
                refuse(format!(
                    "'paper' is undefined at width {n}: the published rescaling needs gamma_n > 0, i.e. n >= 164"
                ))
            }),
            Scale::Exact(p) => {
                let law = laws::exact(ensemble, n).map_err(|why| {
                    refuse(format!(
                        "'{}' calibrates on the exact law of the ensemble, and {why}; the Monte \
                         Carlo calibration mc:{p} of a glorot-scale run (rescaling.csv) can be \
                         passed as a number",
                        self.label()
                    ))
                })?;
                law.calibrated_factor(p).map_err(|e| {
                    refuse(format!(
                        "exact:{p} cannot be delivered at width {n}: the exact law there \
                         resolves P(rho > 1) only down to {:.3e}",
                        e.smallest
                    ))
                })
            }
            Scale::Value(v) => Ok(v),
        }
    }
}

impl From<Scale> for String {
    fn from(s: Scale) -> String {
        s.label()
    }
}

impl TryFrom<String> for Scale {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        Scale::parse_text(&text)
    }
}

impl std::str::FromStr for Scale {
    type Err = ConfigError;
    fn from_str(text: &str) -> Result<Self, ConfigError> {
        Scale::parse(text)
    }
}

/// A scale list, as one value (see [`Scale::parse_list`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Scales(pub Vec<Scale>);

impl std::str::FromStr for Scales {
    type Err = ConfigError;
    fn from_str(text: &str) -> Result<Self, ConfigError> {
        Scale::parse_list(text).map(Scales)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_parse_and_reject() {
        assert_eq!(
            Scale::parse_list("glorot,half,exact:0.01,0.9")
                .unwrap()
                .len(),
            4
        );
        for bad in [
            "exact:0", "exact:1", "exact:x", "-1", "foo", "0", "inf", "nan",
        ] {
            assert!(Scale::parse_list(bad).is_err(), "{bad}");
        }
    }
}
