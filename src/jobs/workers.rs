//! The workers a job samples with: the memory each holds for a cell, checked against the
//! machine before anything is written, and the thread pool they run in.

use crate::error::Error;
use crate::model::budget::{self, Demand};
use crate::model::{Cell, Ensemble, Method, Param};
use crate::sampling::spectrum::{DenseWorkspace, Eigen, Form};
use crate::sampling::trials::{with_entry, ForEntry};
use crate::store::host::available_memory_bytes;

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
            DenseWorkspace::<T>::bytes(self.0.matrix_dim(), Form::of(self.0.method))
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

/// Refuses a plan whose memory exceeds what is available now: for every cell, `workers` times
/// what one worker holds (a matrix, set by the width, plus `per_worker` extra demands) and what
/// the cell keeps until it is finished (`per_cell` demands).
pub fn check_memory(
    cells: &[Cell],
    workers: usize,
    extra: impl Fn(&Cell) -> Vec<Demand>,
) -> Result<(), Error> {
    let available = available_memory_bytes();
    for cell in cells {
        let mut demands = vec![Demand::new(
            Param::Widths,
            dense_bytes(cell) * workers as u128,
        )];
        demands.extend(extra(cell));
        budget::check(
            available,
            &format!("width {} with {workers} thread(s)", cell.n),
            &demands,
        )?;
    }
    Ok(())
}

/// The memory a cell's records take until the cell is finished (they are kept to summarise it):
/// `trials` records of type `R`, set by the trial count.
pub fn records_demand<R>(trials: usize) -> Demand {
    Demand::new(
        Param::Trials,
        trials as u128 * std::mem::size_of::<R>() as u128,
    )
}

/// The rayon pool a job samples in; its size is the thread count.
pub fn thread_pool(threads: usize) -> Result<rayon::ThreadPool, Error> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| {
            Error::config(
                Param::Threads,
                format!("cannot start {threads} threads: {e}"),
            )
        })
}
