//! The flag of every domain parameter, and errors said with flags: the only place that knows
//! how the command line spells a parameter.

use crate::error::Error;
use crate::model::{ConfigError, Param};

/// The command-line spelling of `param`.
pub fn flag(param: Param) -> &'static str {
    match param {
        Param::Widths => "--widths",
        Param::Ensemble => "--ensemble",
        Param::Scale => "--scale",
        Param::Method => "--method",
        Param::Precision => "--precision",
        Param::Trials => "--trials",
        Param::Targets => "--targets",
        Param::Seed => "--seed",
        Param::Threads => "--threads",
        Param::Shard => "--shard",
        Param::Ring => "--ring",
        Param::Steps => "--steps",
        Param::Batch => "--batch",
        Param::Points => "--points",
        Param::ExplodeFactor => "--explode-factor",
        Param::Recurrence => "--recurrence",
        Param::Bins => "--bins",
        Param::RMax => "--r-max",
        Param::CdfPoints => "--cdf-points",
        Param::Out => "--out",
        Param::Resume => "--resume",
        Param::Shards => "merge",
        Param::Experiment => "run",
    }
}

/// A configuration error as the command line says it: `--flag: message`.
pub fn config_message(e: &ConfigError) -> String {
    format!("{}: {}", flag(e.param), e.message)
}

/// The message of `e` for the terminal: configuration errors name their flag; an interrupted
/// run says the command that continues it, `command_line` with `--resume`, quoted for a shell.
pub fn message(e: &Error, command_line: &[String]) -> String {
    match e {
        Error::Config(c) => config_message(c),
        Error::Interrupted { resumable: true } => format!(
            "{e}. Continue with:\n  {}",
            shell_line(&resume_command(command_line))
        ),
        Error::Interrupted { resumable: false } => format!(
            "{e}; run it again with --force:\n  {}",
            shell_line(&with_flag(command_line, "--force"))
        ),
        other => other.to_string(),
    }
}

/// The command line that continues a run: the one it was started with, plus `--resume`.
pub fn resume_command(command_line: &[String]) -> Vec<String> {
    with_flag(command_line, "--resume")
}

/// `command_line` with the switch `flag` added unless it is there.
fn with_flag(command_line: &[String], flag: &str) -> Vec<String> {
    let mut command = command_line.to_vec();
    if !command.iter().any(|a| a == flag) {
        command.push(flag.into());
    }
    command
}

/// `words` as one line a POSIX shell reads back into the same words.
pub fn shell_line(words: &[String]) -> String {
    words
        .iter()
        .map(|w| {
            let plain = !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_./:,=+@%".contains(c));
            if plain {
                w.clone()
            } else {
                format!("'{}'", w.replace('\'', r"'\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A clap error whose cause is a domain rule, said like every other configuration error
/// (`--flag: message`); other clap errors as clap says them.
pub fn clap_message(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue};
    let source = std::error::Error::source(e)?;
    let config = source.downcast_ref::<ConfigError>()?;
    let arg = match e.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(s)) => s.split_whitespace().next()?.to_string(),
        _ => flag(config.param).to_string(),
    };
    Some(format!("{arg}: {}", config.message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_lines_read_back() {
        let words: Vec<String> = ["mc-gumbel", "--out", "my results", "it's", ""]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            shell_line(&words),
            r#"mc-gumbel --out 'my results' 'it'\''s' ''"#
        );
    }
}
