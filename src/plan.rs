//! Turning ensemble, scale and width lists into the cells of a run, with the checks every job
//! makes before it writes anything: scale factors defined at every width, matrices that fit in
//! memory, a thread pool that starts.

use crate::ensemble::{Ensemble, Scale};
use crate::error::Error;
use crate::resources::{available_memory_bytes, format_bytes};
use crate::sampler::{Cell, Method};
use crate::spectrum::DenseWorkspace;
use faer::c64;
use serde_json::{json, Map, Value};

/// Which matrices a job samples: every ensemble x scale x width.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    pub widths: Vec<usize>,
    /// `diag-uniform` carries its `--ring` in the ensemble itself.
    pub ensembles: Vec<Ensemble>,
    pub scales: Vec<Scale>,
}

impl Grid {
    /// Every ensemble x scale x width cell, in output order, or a usage error naming `--scale`
    /// where a scale is undefined at some width (the published rescaling needs `n >= 164`).
    pub fn cells(&self, method: Method) -> Result<Vec<Cell>, Error> {
        let mut cells = Vec::new();
        for &ensemble in &self.ensembles {
            for &scale in &self.scales {
                for &n in &self.widths {
                    let factor = scale.factor(n).ok_or_else(|| {
                        Error::usage(
                            "--scale",
                            format!(
                                "'{}' is undefined at width {n}: the published rescaling needs gamma_n > 0, i.e. n >= 164",
                                scale.label()
                            ),
                        )
                    })?;
                    cells.push(Cell {
                        ensemble,
                        scale,
                        factor,
                        n,
                        method,
                    });
                }
            }
        }
        Ok(cells)
    }

    /// The grid as a manifest's `options` record it.
    pub fn to_json(&self) -> Map<String, Value> {
        let mut map = Map::new();
        map.insert("widths".into(), json!(self.widths));
        let ensembles: Vec<Value> = self.ensembles.iter().map(ensemble_json).collect();
        map.insert("ensembles".into(), ensembles.into());
        let scales: Vec<String> = self.scales.iter().map(|s| s.label()).collect();
        map.insert("scales".into(), json!(scales));
        map
    }

    /// Reads [`Grid::to_json`] back; `None` if it does not parse.
    pub fn from_json(v: &Value) -> Option<Grid> {
        Some(Grid {
            widths: v["widths"]
                .as_array()?
                .iter()
                .map(|x| x.as_u64().map(|w| w as usize))
                .collect::<Option<_>>()?,
            ensembles: v["ensembles"]
                .as_array()?
                .iter()
                .map(ensemble_from_json)
                .collect::<Option<_>>()?,
            scales: v["scales"]
                .as_array()?
                .iter()
                .map(|x| Scale::parse(x.as_str()?).ok())
                .collect::<Option<_>>()?,
        })
    }
}

/// An ensemble as the manifest records it: its name, plus the ring for `diag-uniform`.
fn ensemble_json(e: &Ensemble) -> Value {
    match *e {
        Ensemble::DiagUniform { r_min, r_max } => {
            json!({"name": e.name(), "r_min": r_min, "r_max": r_max})
        }
        _ => json!(e.name()),
    }
}

fn ensemble_from_json(x: &Value) -> Option<Ensemble> {
    match x {
        Value::String(name) => Ensemble::parse(name),
        _ => match Ensemble::parse(x["name"].as_str()?)? {
            Ensemble::DiagUniform { .. } => Some(Ensemble::DiagUniform {
                r_min: x["r_min"].as_f64()?,
                r_max: x["r_max"].as_f64()?,
            }),
            _ => None,
        },
    }
}

/// Bytes one worker holds to sample and diagonalise a matrix of `cell` (Kostlan's sampler holds
/// no matrix).
pub fn dense_bytes(cell: &Cell) -> u128 {
    if cell.method == Method::Kostlan {
        return 0;
    }
    let one = if cell.ensemble.is_complex() {
        DenseWorkspace::<c64>::bytes(cell.n, cell.method.form())
    } else {
        DenseWorkspace::<f64>::bytes(cell.n, cell.method.form())
    };
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
