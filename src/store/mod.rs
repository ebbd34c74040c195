//! Everything that reaches the disk: atomic files, the one CSV writer, raw per-trial records,
//! the typed JSON manifest, shards, and what the manifest records of the machine.

pub mod atomic;
pub mod host;
pub mod lock;
pub mod manifest;
pub mod raw;
pub mod table;

pub use atomic::{write_atomic, AppendFile};
pub use manifest::Manifest;
pub use table::{write_table, write_table_or_header};

use crate::error::Error;
use crate::model::Param;
use std::path::Path;

/// Creates `dir` if needed and proves it writable, before any sampling starts, so that a bad
/// output folder fails in a second rather than after hours of work.
pub fn prepare_dir(dir: &Path, param: Param) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::config(
            param,
            format!("cannot create output folder '{}': {e}", dir.display()),
        )
    })?;
    let probe = dir.join(format!(".mc-gumbel-probe-{}", std::process::id()));
    std::fs::write(&probe, b"").map_err(|e| {
        Error::config(
            param,
            format!("output folder '{}' is not writable: {e}", dir.display()),
        )
    })?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

/// Removes the files `names` (and their `.partial` forms) of an earlier run from `dir`, so that
/// a forced run leaves nothing of the old one beside its own (a manifest of other parameters
/// beside new tables would misdescribe them).
pub fn clear_previous(dir: &Path, names: &[&str]) -> Result<(), Error> {
    for name in names {
        for path in [dir.join(name), dir.join(atomic::partial_name(name))] {
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::write(path, e)),
            }
        }
    }
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
    Err(Error::config(
        Param::Out,
        format!(
            "'{}' already holds results ({}); pass --force to overwrite them or choose another --out",
            dir.display(),
            found.join(", ")
        ),
    ))
}
