//! Everything that reaches the disk: atomic files, the one CSV writer, raw per-trial records,
//! the typed JSON manifest, shards, and what the manifest records of the machine.

pub mod atomic;
pub mod host;
pub mod manifest;
pub mod raw;
pub mod shard;
pub mod table;

pub use atomic::{write_atomic, AppendFile};
pub use manifest::Manifest;
pub use table::write_table;

use crate::error::Error;
use std::path::Path;

/// Creates `dir` if needed and proves it writable, before any sampling starts, so that a bad
/// `--out` fails in a second rather than after hours of work.
pub fn prepare_dir(dir: &Path, flag: &'static str) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::usage(
            flag,
            format!("cannot create output folder '{}': {e}", dir.display()),
        )
    })?;
    let probe = dir.join(format!(".mc-gumbel-probe-{}", std::process::id()));
    std::fs::write(&probe, b"").map_err(|e| {
        Error::usage(
            flag,
            format!("output folder '{}' is not writable: {e}", dir.display()),
        )
    })?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

/// Refuses to overwrite earlier results unless `force` is set. `names` are the files this job
/// writes; finding any of them (or a partial one) means the folder holds a previous run.
pub fn check_no_previous(dir: &Path, names: &[&str], force: bool) -> Result<(), Error> {
    if force || !dir.exists() {
        return Ok(());
    }
    let found: Vec<&str> = names
        .iter()
        .copied()
        .filter(|name| dir.join(name).exists() || dir.join(atomic::partial_name(name)).exists())
        .collect();
    if found.is_empty() {
        return Ok(());
    }
    Err(Error::usage(
        "--out",
        format!(
            "'{}' already holds results ({}); pass --force to overwrite them or choose another --out",
            dir.display(),
            found.join(", ")
        ),
    ))
}
