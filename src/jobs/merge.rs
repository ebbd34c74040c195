//! `mc-gumbel merge` for any sampling job: the checks made before a single trial row is read —
//! one subcommand, one version, one seed, the same parameters, finished runs, and every slice
//! `0..N` of one shard count exactly once — then the shards' raw records joined in trial order
//! into exactly the files of the unsharded run. Which job a set of folders holds is decided by
//! the caller (`app`), from the first folder's manifest.

use super::interrupt;
use super::record::{
    self, assign, label, new_manifest, raw_header, raw_lines, unfinished_raw, Execution, JobOptions,
};
use super::record::{JobParams, RecordJob, Spec};
use super::workers::thread_pool;
use crate::error::Error;
use crate::model::{Param, Shard};
use crate::store::lock::FolderLock;
use crate::store::manifest::{self, Manifest};
use crate::store::raw::{read_raw, RawWriter};
use std::path::PathBuf;
use std::time::Instant;

/// Every refusal of a merge names the shard folders.
const P: Param = Param::Shards;

/// A checked set of shard folders.
pub struct Shards<P> {
    /// Each folder's manifest, in the order the folders were given.
    pub manifests: Vec<Manifest<P>>,
    /// For each slice `i` of `count`, the index (into the folders) of the folder holding it.
    pub folder_of: Vec<usize>,
}

impl<P> Shards<P> {
    /// Slice `index` of this set, as a shard.
    pub fn shard(&self, index: usize) -> Shard {
        Shard {
            index,
            count: self.folder_of.len(),
        }
    }

    /// Sampling seconds of a cell summed over the shards (0 where a manifest lacks it).
    pub fn seconds(&self, ensemble: &str, scale: &str, n: usize) -> f64 {
        self.manifests
            .iter()
            .map(|m| m.cell_seconds(ensemble, scale, n))
            .sum()
    }
}

/// The parameters of a shard with its slice taken out, for comparing shards of one run.
fn unsharded<S: Spec>(params: &JobParams<S>) -> JobParams<S> {
    let mut p = params.clone();
    p.sampling.shard = Shard::WHOLE;
    p
}

/// Checks that `dirs` are the finished shards `0/N .. N-1/N` of one `subcommand` run (same
/// version, seed and parameters), each exactly once. Every refusal is a usage error (exit 2)
/// naming the folder at fault.
pub fn check<S: Spec>(dirs: &[PathBuf], subcommand: &str) -> Result<Shards<JobParams<S>>, Error> {
    if dirs.is_empty() {
        return Err(Error::config(P, "name the shard folders to merge"));
    }
    let first_name = dirs[0].display();
    let mut manifests: Vec<Manifest<JobParams<S>>> = Vec::with_capacity(dirs.len());
    for dir in dirs {
        let name = dir.display();
        let head: manifest::ManifestHead = manifest::read(dir, P)?;
        if head.subcommand != subcommand {
            return Err(Error::config(
                P,
                format!(
                    "'{name}' is the output of a {} run, not of a {subcommand} run like '{first_name}'; merge shards of one run only",
                    head.subcommand
                ),
            ));
        }
        if !head.complete {
            return Err(Error::config(
                P,
                format!("'{name}' is an unfinished run; finish it with --resume first"),
            ));
        }
        if let Some(first) = manifests.first() {
            if head.version != first.version {
                return Err(Error::config(
                    P,
                    format!(
                        "'{name}' was made by mc-gumbel {}, '{first_name}' by {}",
                        head.version, first.version
                    ),
                ));
            }
        }
        manifests.push(manifest::read(dir, P)?);
    }
    let first = &manifests[0].options;
    let count = first.sampling.shard.count;
    let mut folder_of: Vec<Option<usize>> = vec![None; count];
    for (i, (dir, m)) in dirs.iter().zip(&manifests).enumerate() {
        let name = dir.display();
        let (seed, first_seed) = (m.options.sampling.seed, first.sampling.seed);
        if seed != first_seed {
            return Err(Error::config(
                P,
                format!("'{name}' used seed {seed}, '{first_name}' seed {first_seed}"),
            ));
        }
        if unsharded(&m.options) != unsharded(first) {
            return Err(Error::config(
                P,
                format!("'{name}' ran with other parameters than '{first_name}'"),
            ));
        }
        let shard = m.options.sampling.shard;
        if shard.count != count || shard.index >= shard.count {
            return Err(Error::config(
                P,
                format!(
                    "'{name}' is one of {} shards, '{first_name}' one of {count}",
                    shard.count
                ),
            ));
        }
        if let Some(j) = folder_of[shard.index] {
            return Err(Error::config(
                P,
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
        return Err(Error::config(
            P,
            format!("shards {} are missing", missing.join(", ")),
        ));
    }
    Ok(Shards {
        manifests,
        folder_of: folder_of.into_iter().map(|s| s.expect("checked")).collect(),
    })
}

/// Joins the shard folders `dirs` of a `J` run into `exec.out`: reads every shard's raw file,
/// joins each cell's records in trial order, and writes the files of the unsharded run (the
/// manifest's timings are sums over the shards).
pub fn merge<J: RecordJob>(dirs: &[PathBuf], exec: Execution) -> Result<(), Error> {
    let set = check::<J::Spec>(dirs, J::SUBCOMMAND)?;
    let job = J::new(JobOptions {
        params: unsharded(&set.manifests[0].options),
        exec,
    })?;
    let (trials, exec) = (job.params().sampling.trials, job.exec());
    let cells = job.cells();
    let header = raw_header::<J>();
    let mut records: Vec<Vec<J::Record>> = vec![Vec::new(); cells.len()];
    for (index, &folder) in set.folder_of.iter().enumerate() {
        let slice = set.shard(index).trials(trials);
        let path = dirs[folder].join(J::RAW);
        // Its manifest says the shard is complete (checked above): so must its raw file.
        if let Some(state) = unfinished_raw(&path) {
            return Err(Error::config(
                P,
                format!(
                    "'{}' is inconsistent: its manifest says the run is complete, but {} is {state}",
                    dirs[folder].display(),
                    J::RAW
                ),
            ));
        }
        let lines = read_raw(&path, &header, false)?;
        let parts = assign(&job, &lines.body, cells, &slice, &path, P)?;
        for ((cell, part), all) in cells.iter().zip(parts).zip(&mut records) {
            if part.len() as u64 != slice.end - slice.start {
                return Err(Error::config(
                    P,
                    format!("'{}' lacks trials of {}", path.display(), label(cell)),
                ));
            }
            all.extend(part);
        }
    }

    crate::store::check_no_previous(&exec.out, J::FILES, exec.force)?;
    crate::store::prepare_dir(&exec.out, Param::Out)?;
    let _lock = FolderLock::acquire(&exec.out)?;
    crate::store::clear_previous(&exec.out, J::FILES)?;
    let started = Instant::now();
    let pool = thread_pool(exec.threads)?;
    let mut manifest = new_manifest(&job);
    manifest.merged_from = dirs.iter().map(|d| d.display().to_string()).collect();
    // The protocol of every job: the folder says it is unfinished until it is finished.
    manifest.write(&exec.out)?;
    interrupt::install();
    let mut raw = RawWriter::create(&exec.out.join(J::RAW), &header)?;
    let mut done = Vec::with_capacity(cells.len());
    for (cell, recs) in cells.iter().zip(&records) {
        if interrupt::requested() {
            return Err(Error::Interrupted { resumable: false });
        }
        raw.append(&raw_lines(&job, cell, 0, recs))?;
        let seconds = set.seconds(cell.ensemble.name(), &cell.scale.label(), cell.n);
        done.push(pool.install(|| job.cell_rows(cell, 0, recs)));
        manifest
            .cells
            .push(record::timing(cell, trials as u64, seconds));
    }
    job.write_tables(&exec.out, &done)?;
    raw.finish()?;
    manifest.complete = true;
    manifest.wall_seconds = started.elapsed().as_secs_f64();
    manifest.write(&exec.out)
}
