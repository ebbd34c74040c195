//! The recurrences the `hidden` job propagates a sampled `W` through (docs/math/rnn.md).

use super::error::{ConfigError, Param};
use super::list::split_list;
use serde::{Deserialize, Serialize};

/// Which linear recurrence a trial's `W` drives. Both use the same `W`, the same input draws and
/// the same stream, so a run with both is paired trial by trial.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Recurrence {
    /// `h_t = W h_{t-1} + x_t`: the dense recurrent matrix as sampled.
    Dense,
    /// `h_t = Lambda h_{t-1} + x_t` with `Lambda` the diagonal matrix of `W`'s eigenvalues, in
    /// complex arithmetic for real `W` too: the diagonalised initialisation of linear recurrent
    /// units, which keeps the spectrum and drops the non-normality.
    Diagonal,
}

impl Recurrence {
    pub const NAMES: [&'static str; 2] = ["dense", "diagonal"];

    pub fn parse(name: &str) -> Option<Recurrence> {
        match name {
            "dense" => Some(Recurrence::Dense),
            "diagonal" => Some(Recurrence::Diagonal),
            _ => None,
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Recurrence::Dense => "dense",
            Recurrence::Diagonal => "diagonal",
        }
    }

    /// What the modes other than the dominant one contribute to `E ||h_t||^2 / n`, per step, at
    /// large `t` (docs/math/rnn.md, "Explosion time implied by the radius"): the dense bulk
    /// gives the infinite-width mean `t` (a non-normal effect), a diagonal bulk inside the unit
    /// circle only about `ln t`, counted as nothing.
    pub fn bulk_per_step(&self) -> f64 {
        match self {
            Recurrence::Dense => 1.0,
            Recurrence::Diagonal => 0.0,
        }
    }
}

impl From<Recurrence> for String {
    fn from(r: Recurrence) -> String {
        r.name().into()
    }
}

impl TryFrom<String> for Recurrence {
    type Error = String;
    fn try_from(name: String) -> Result<Self, String> {
        Recurrence::parse(&name).ok_or_else(|| format!("unknown recurrence '{name}'"))
    }
}

/// The recurrences of a run: at least one, each once, in the order given (the order of their
/// rows in every table).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Recurrence>", into = "Vec<Recurrence>")]
pub struct Recurrences(Vec<Recurrence>);

impl Recurrences {
    pub fn new(list: Vec<Recurrence>) -> Result<Self, ConfigError> {
        if list.is_empty() {
            return Err(ConfigError::new(
                Param::Recurrence,
                "give at least one recurrence",
            ));
        }
        if let Some(r) = list
            .iter()
            .enumerate()
            .find_map(|(i, r)| list[..i].contains(r).then_some(r))
        {
            return Err(ConfigError::new(
                Param::Recurrence,
                format!("'{}' is given twice", r.name()),
            ));
        }
        Ok(Recurrences(list))
    }

    pub fn dense() -> Self {
        Recurrences(vec![Recurrence::Dense])
    }

    pub fn as_slice(&self) -> &[Recurrence] {
        &self.0
    }

    /// Where each recurrence's trajectory sits in a trial's record, if the run has both: the
    /// pairs of the non-normality comparison.
    pub fn paired(&self) -> Option<(usize, usize)> {
        let at = |r| self.0.iter().position(|&x| x == r);
        at(Recurrence::Dense).zip(at(Recurrence::Diagonal))
    }
}

impl Default for Recurrences {
    /// A run's manifest from before the diagonal recurrence existed ran the dense one.
    fn default() -> Self {
        Recurrences::dense()
    }
}

impl TryFrom<Vec<Recurrence>> for Recurrences {
    type Error = ConfigError;
    fn try_from(list: Vec<Recurrence>) -> Result<Self, ConfigError> {
        Recurrences::new(list)
    }
}

impl From<Recurrences> for Vec<Recurrence> {
    fn from(r: Recurrences) -> Vec<Recurrence> {
        r.0
    }
}

impl std::str::FromStr for Recurrences {
    type Err = ConfigError;
    fn from_str(text: &str) -> Result<Self, ConfigError> {
        let list = split_list(Param::Recurrence, text)?
            .into_iter()
            .map(|name| {
                Recurrence::parse(name).ok_or_else(|| {
                    ConfigError::new(
                        Param::Recurrence,
                        format!(
                            "unknown recurrence '{name}'; choose from {}",
                            Recurrence::NAMES.join(", ")
                        ),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Recurrences::new(list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_checked() {
        let both: Recurrences = "dense,diagonal".parse().unwrap();
        assert_eq!(both.paired(), Some((0, 1)));
        let flipped: Recurrences = "diagonal,dense".parse().unwrap();
        assert_eq!(flipped.paired(), Some((1, 0)));
        assert_eq!("diagonal".parse::<Recurrences>().unwrap().paired(), None);
        for bad in ["", "dense,dense", "sparse", "dense,"] {
            let e = bad.parse::<Recurrences>().unwrap_err();
            assert_eq!(e.param, Param::Recurrence, "{bad}");
        }
        let json = serde_json::to_string(&both).unwrap();
        assert_eq!(json, r#"["dense","diagonal"]"#);
        assert!(serde_json::from_str::<Recurrences>(r#"["dense","dense"]"#).is_err());
    }
}
