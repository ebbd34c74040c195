//! Turning ensemble, scale and width lists into the cells of a run, with the checks every job
//! makes before it writes anything: scale factors defined at every width, matrices that fit in
//! memory, a thread pool that starts.

use crate::error::Error;
use crate::sampling::ensemble::{Ensemble, Scale};
use crate::sampling::precision::Precision;
use crate::sampling::spectrum::{DenseWorkspace, Eigen};
use crate::sampling::trials::{with_entry, Cell, ForEntry, Method};
use crate::store::host::{available_memory_bytes, format_bytes};
use serde::{Deserialize, Serialize};

/// Which matrices a job samples: every ensemble x scale x width.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Grid {
    pub widths: Vec<usize>,
    /// `diag-uniform` carries its `--ring` in the ensemble itself.
    pub ensembles: Vec<Ensemble>,
    pub scales: Vec<Scale>,
}

impl Grid {
    /// Every ensemble x scale x width cell, in output order, or a usage error naming `--scale`
    /// where a scale is undefined (the published rescaling below `n = 164`, an exact
    /// calibration of an ensemble without an exact law).
    pub fn cells(&self, method: Method, precision: Precision) -> Result<Vec<Cell>, Error> {
        let mut cells = Vec::new();
        for &ensemble in &self.ensembles {
            for &scale in &self.scales {
                for &n in &self.widths {
                    let factor = scale
                        .factor(ensemble, n)
                        .map_err(|m| Error::usage("--scale", m))?;
                    cells.push(Cell {
                        ensemble,
                        scale,
                        factor,
                        n,
                        method,
                        precision,
                    });
                }
            }
        }
        Ok(cells)
    }
}

/// Bytes one worker holds to sample and diagonalise a matrix of `cell` (Kostlan's sampler holds
/// no matrix).
pub fn dense_bytes(cell: &Cell) -> u128 {
    if cell.method == Method::Kostlan {
        return 0;
    }
    struct Bytes<'a>(&'a Cell);
    impl ForEntry for Bytes<'_> {
        type Output = u128;
        fn call<T: Eigen>(self) -> u128 {
            DenseWorkspace::<T>::bytes(self.0.n, self.0.method.form())
        }
    }
    let one = with_entry(cell, Bytes(cell));
    // Orthogonal draws also hold the QR factors: count them as two more workspaces.
    one * if cell.ensemble == Ensemble::Orthogonal {
        3
    } else {
        1
    }
}

/// Refuses a plan whose `workers` per-worker states (`per_worker` bytes each) exceed the memory
/// available now, so a too-large width fails at once instead of swapping for hours.
pub fn check_memory(
    cells: &[Cell],
    workers: usize,
    per_worker: impl Fn(&Cell) -> u128,
) -> Result<(), Error> {
    let Some(available) = available_memory_bytes() else {
        return Ok(());
    };
    for cell in cells {
        let need = per_worker(cell) * workers as u128;
        if need > available as u128 {
            return Err(Error::usage(
                "--widths",
                format!(
                    "width {} needs about {} for {workers} thread(s), but only {} is available; \
                     use smaller widths or fewer --threads",
                    cell.n,
                    format_bytes(need),
                    format_bytes(available as u128)
                ),
            ));
        }
    }
    Ok(())
}

/// The rayon pool a job samples in; its size is `--threads`.
pub fn thread_pool(threads: usize) -> Result<rayon::ThreadPool, Error> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| Error::usage("--threads", format!("cannot start {threads} threads: {e}")))
}
