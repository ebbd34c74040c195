//! Comma lists, the shape every list-valued parameter is written in.

use super::error::{ConfigError, Param};

/// Splits a comma list, refusing empty items so that "64,,256" is an error rather than a guess.
pub fn split_list(param: Param, text: &str) -> Result<Vec<&str>, ConfigError> {
    let items: Vec<&str> = text.split(',').map(str::trim).collect();
    if items.iter().any(|s| s.is_empty()) {
        return Err(ConfigError::new(
            param,
            format!("'{text}' has an empty item; give a comma-separated list"),
        ));
    }
    Ok(items)
}
