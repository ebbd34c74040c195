//! `mc-gumbel merge`: which job's shards a set of folders holds, and the checks every job's merge
//! makes before it reads a single trial row — one subcommand, one version, one seed, the same
//! parameters, finished runs, and every slice `0..N` of one shard count exactly once.

use crate::error::Error;
use crate::sampler::Cell;
use crate::shard::Shard;
use std::path::{Path, PathBuf};

const FLAG: &str = "merge";

/// The option key that differs between shards of one run: the slice itself (threads and folders
/// are not among the recorded options, since they change no byte of the results).
const PER_SHARD_KEYS: [&str; 1] = ["shard"];

/// Reads `manifest.json` of an output folder as JSON.
pub fn read_manifest(dir: &Path, flag: &'static str) -> Result<serde_json::Value, Error> {
    let path = dir.join("manifest.json");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| Error::usage(flag, format!("cannot read '{}': {e}", path.display())))?;
    serde_json::from_str(&text)
        .map_err(|e| Error::usage(flag, format!("'{}' is not a manifest: {e}", path.display())))
}

/// Joins the shard folders `dirs` into `out`, with the merge of the job that made them (named by
/// the first folder's manifest; every other folder must come from the same job).
pub fn run(dirs: &[PathBuf], out: &Path, force: bool, threads: usize) -> Result<(), Error> {
    let first = dirs
        .first()
        .ok_or_else(|| Error::usage(FLAG, "name the shard folders to merge"))?;
    let manifest = read_manifest(first, FLAG)?;
    match manifest["subcommand"].as_str() {
        Some("radius") => crate::radius::merge(dirs, out, force, threads),
        Some("hidden") => crate::hidden::merge(dirs, out, force, threads),
        Some("density") => crate::density::merge(dirs, out, force, threads),
        other => Err(Error::usage(
            FLAG,
            format!(
                "'{}' holds the output of {}, which has no shards to merge",
                first.display(),
                other.map_or("an unknown job".to_string(), |s| format!("'{s}'"))
            ),
        )),
    }
}

/// `options` less the given keys, for comparing runs on what matters.
/// The error of a shard set whose manifest options cannot be read back.
pub fn unreadable(dirs: &[PathBuf]) -> Error {
    Error::usage(
        FLAG,
        format!(
            "cannot read the options in '{}'",
            dirs[0].join("manifest.json").display()
        ),
    )
}

fn without(options: &serde_json::Value, keys: &[&str]) -> serde_json::Value {
    let mut o = options.clone();
    if let Some(map) = o.as_object_mut() {
        for key in keys {
            map.remove(*key);
        }
    }
    o
}

/// A checked set of shard folders.
pub struct Shards {
    /// Each folder's manifest, in the order the folders were given.
    pub manifests: Vec<serde_json::Value>,
    /// For each slice `i` of `count`, the index (into `dirs`) of the folder holding it.
    pub folder_of: Vec<usize>,
}

impl Shards {
    /// The manifest `options` of the run the shards belong to (the first folder's).
    pub fn options(&self) -> &serde_json::Value {
        &self.manifests[0]["options"]
    }

    /// Slice `index` of this set, as a shard.
    pub fn shard(&self, index: usize) -> Shard {
        Shard {
            index,
            count: self.folder_of.len(),
        }
    }

    /// Sampling seconds of `cell` summed over the shards (0 where a manifest lacks it).
    pub fn seconds(&self, cell: &Cell) -> f64 {
        self.manifests.iter().map(|m| cell_seconds(m, cell)).sum()
    }
}

/// The seconds a manifest records for `cell`, or 0 if it has none (an unfinished cell).
pub fn cell_seconds(manifest: &serde_json::Value, cell: &Cell) -> f64 {
    manifest["cells"]
        .as_array()
        .and_then(|cells| {
            cells.iter().find(|t| {
                t["ensemble"] == cell.ensemble.name()
                    && t["scale"] == cell.scale.label()
                    && t["n"] == cell.n
            })
        })
        .and_then(|t| t["seconds"].as_f64())
        .unwrap_or(0.0)
}

/// Checks that `dirs` are the finished shards `0/N .. N-1/N` of one `subcommand` run (same
/// version, seed and parameters), each exactly once. Every refusal is a usage error (exit 2)
/// naming the folder at fault.
pub fn check(dirs: &[PathBuf], subcommand: &str) -> Result<Shards, Error> {
    if dirs.is_empty() {
        return Err(Error::usage(FLAG, "name the shard folders to merge"));
    }
    let manifests: Vec<serde_json::Value> = dirs
        .iter()
        .map(|d| read_manifest(d, FLAG))
        .collect::<Result<_, _>>()?;
    let first = &manifests[0];
    let shared = |m: &serde_json::Value| without(&m["options"], &PER_SHARD_KEYS);
    let first_name = dirs[0].display();
    let count = Shard::from_json(&first["options"]["shard"]).map_or(0, |s| s.count);
    let mut folder_of: Vec<Option<usize>> = vec![None; count];
    for (i, (dir, m)) in dirs.iter().zip(&manifests).enumerate() {
        let name = dir.display();
        if m["subcommand"] != subcommand {
            return Err(Error::usage(
                FLAG,
                format!(
                    "'{name}' is the output of {} run, not of a {subcommand} run like '{first_name}'; merge shards of one run only",
                    m["subcommand"]
                        .as_str()
                        .map_or("an unknown".to_string(), |s| format!("a {s}"))
                ),
            ));
        }
        if m["complete"] != true {
            return Err(Error::usage(
                FLAG,
                format!("'{name}' is an unfinished run; finish it with --resume first"),
            ));
        }
        if m["version"] != first["version"] {
            return Err(Error::usage(
                FLAG,
                format!(
                    "'{name}' was made by mc-gumbel {}, '{first_name}' by {}",
                    m["version"], first["version"]
                ),
            ));
        }
        if m["options"]["seed"] != first["options"]["seed"] {
            return Err(Error::usage(
                FLAG,
                format!(
                    "'{name}' used seed {}, '{first_name}' seed {}",
                    m["options"]["seed"], first["options"]["seed"]
                ),
            ));
        }
        if shared(m) != shared(first) {
            return Err(Error::usage(
                FLAG,
                format!("'{name}' ran with other parameters than '{first_name}'"),
            ));
        }
        let shard = Shard::from_json(&m["options"]["shard"])
            .ok_or_else(|| Error::usage(FLAG, format!("'{name}' has no shard in its manifest")))?;
        if shard.count != count || shard.index >= shard.count {
            return Err(Error::usage(
                FLAG,
                format!(
                    "'{name}' is one of {} shards, '{first_name}' one of {count}",
                    shard.count
                ),
            ));
        }
        if let Some(j) = folder_of[shard.index] {
            return Err(Error::usage(
                FLAG,
                format!(
                    "shard {}/{count} is given twice ('{}' and '{name}')",
                    shard.index,
                    dirs[j].display()
                ),
            ));
        }
        folder_of[shard.index] = Some(i);
    }
    let missing: Vec<String> = folder_of
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_none())
        .map(|(i, _)| format!("{i}/{count}"))
        .collect();
    if !missing.is_empty() {
        return Err(Error::usage(
            FLAG,
            format!("shards {} are missing", missing.join(", ")),
        ));
    }
    Ok(Shards {
        manifests,
        folder_of: folder_of.into_iter().map(|s| s.expect("checked")).collect(),
    })
}
