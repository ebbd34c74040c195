//! `mc_gumbel._core`: the Rust library under the Python package.
//!
//! Every argument arrives as text (the Python layer writes values the way a CLI flag takes them),
//! and is resolved by the domain's own constructors (`parse_widths`, `Ensemble::parse_list`,
//! `Scale::parse_list`, `radius::plan`, ...), the same ones the command line's value parsers
//! call. So Python and the CLI accept the same inputs, refuse the same ones with the same message
//! (`ValueError`, named for the Python argument where the CLI names its flag), and compute through
//! the same code. This module never touches the command line's types. The Python layer
//! (`mc_gumbel/*.py`) turns values into that text and the results into numpy arrays and tables.

use mc_gumbel::jobs::radius::{self, RadiusOptions, RadiusSpec};
use mc_gumbel::jobs::radius_tables;
use mc_gumbel::jobs::record::{JobOptions, JobParams, SamplingParams};
use mc_gumbel::jobs::theory::{self, TheoryParams};
use mc_gumbel::jobs::workers::thread_pool;
use mc_gumbel::math::asymptotics;
use mc_gumbel::math::exact_law::ExactLaw;
use mc_gumbel::model::budget::format_bytes;
use mc_gumbel::model::counts::{self, probabilities};
use mc_gumbel::model::ensemble::parse_for;
use mc_gumbel::model::scale::Scale;
use mc_gumbel::model::widths::parse_widths;
use mc_gumbel::model::{laws, Cell, Ensemble, Execution, Method, Param, Precision, Shard};
use mc_gumbel::sampling::trials;
use mc_gumbel::store::host::available_memory_bytes;
use mc_gumbel::store::table::table_text;
use mc_gumbel::Error;
use numpy::{PyArray1, PyReadonlyArray1};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;
use std::ops::Range;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

/// What a function calls a domain parameter, where it is not the parameter's own name.
type Names = &'static [(Param, &'static str)];
const ONE_WIDTH: Names = &[(Param::Widths, "n")];
const FACTOR: Names = &[
    (Param::Widths, "n"),
    (Param::Targets, "p"),
    (Param::Scale, "p"),
];
const WIDTHS: Names = &[];

/// A library error as the Python exception it maps to: a configuration error (exit code 2 on
/// the command line) is a `ValueError` with the same message, named for the Python argument.
fn py_error(e: impl Into<Error>, names: Names) -> PyErr {
    match e.into() {
        Error::Config(c) => {
            let name = names
                .iter()
                .find(|(p, _)| *p == c.param)
                .map_or(c.param.name(), |(_, name)| name);
            usage(name, c.message)
        }
        other => PyRuntimeError::new_err(other.to_string()),
    }
}

fn usage(name: &str, message: String) -> PyErr {
    PyValueError::new_err(format!("{name}: {message}"))
}

/// The single value a Python argument names, where the CLI's flag takes a list.
fn one<T: Copy>(values: &[T], name: &str, what: &str) -> PyResult<T> {
    match values {
        &[v] => Ok(v),
        _ => Err(usage(name, format!("give one {what}"))),
    }
}

/// `p`, if it is a probability strictly between 0 and 1 (the rule of every target).
fn probability(name: &str, p: f64) -> PyResult<f64> {
    counts::probability(Param::Targets, p).map_err(|e| usage(name, e.message))
}

/// Runs `body`, turning a panic (a bug, never an input's fault) into a `RuntimeError`, so that
/// no panic reaches Python as the `PanicException` that `except Exception` does not catch.
fn guarded<T>(body: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        Err(PyRuntimeError::new_err(format!(
            "mc-gumbel internal error ({what}); please report it with the call that raised it"
        )))
    })
}

fn parse_count(name: &str, text: &str, what: &str) -> PyResult<usize> {
    text.trim()
        .parse()
        .map_err(|_| usage(name, format!("'{text}' is not {what}")))
}

fn parse_threads(threads: Option<&str>) -> PyResult<Option<usize>> {
    threads
        .map(|t| parse_count("threads", t, "a thread count (need an integer >= 1)"))
        .transpose()
}

/// The radius job's options for one cell, resolved as the CLI resolves them.
#[allow(clippy::too_many_arguments)]
fn radius_options(
    n: &str,
    trials: &str,
    ensemble: &str,
    scale: &str,
    method: &str,
    precision: &str,
    seed: &str,
    threads: Option<&str>,
    names: Names,
) -> PyResult<RadiusOptions> {
    let seed = seed.trim().parse().map_err(|_| {
        usage(
            "seed",
            format!("'{seed}' is not a seed (need an integer 0 <= seed < 2^64)"),
        )
    })?;
    let threads = parse_threads(threads)?;
    let resolve = || -> Result<RadiusOptions, Error> {
        Ok(JobOptions {
            params: JobParams {
                grid: mc_gumbel::model::Grid {
                    widths: parse_widths(n)?,
                    ensembles: Ensemble::parse_list(ensemble, &Ensemble::ALL_NAMES)?,
                    scales: Scale::parse_list(scale)?,
                },
                spec: RadiusSpec {
                    method: method.parse::<Method>()?,
                    targets: vec![0.5],
                },
                sampling: SamplingParams {
                    trials: counts::parse_trials(trials)?,
                    seed,
                    shard: Shard::WHOLE,
                    precision: precision.parse::<Precision>()?,
                },
            },
            exec: Execution {
                threads: counts::threads(threads)?,
                out: Default::default(),
                force: false,
                resume: false,
                command_line: Vec::new(),
            },
        })
    };
    resolve().map_err(|e| py_error(e, names))
}

/// The single cell of options whose grid holds one ensemble, scale and width.
fn single_cell(opts: &RadiusOptions) -> PyResult<Cell> {
    let grid = &opts.params.grid;
    one(&grid.widths, "n", "width")?;
    one(&grid.ensembles, "ensemble", "ensemble")?;
    one(&grid.scales, "scale", "scale")?;
    let cells = radius::plan(opts).map_err(|e| py_error(e, ONE_WIDTH))?;
    Ok(cells[0])
}

/// Runs `work` over the items `0..total` in chunks with the GIL released, handling pending
/// signals between chunks, so that Ctrl-C raises `KeyboardInterrupt` in a notebook or script,
/// and telling `progress(done, total)` after each chunk if given. Chunks start at `first` items
/// and double while one takes under a tenth of a second, so the checks cost nothing measurable
/// and come about that often (or once a trial, for trials that take longer).
fn in_chunks<T: Send>(
    py: Python<'_>,
    total: usize,
    first: usize,
    progress: Option<&Bound<'_, PyAny>>,
    work: impl Fn(Range<usize>) -> PyResult<Vec<T>> + Sync,
) -> PyResult<Vec<T>> {
    let mut out = Vec::with_capacity(total);
    let (mut start, mut chunk) = (0, first.max(1));
    while start < total {
        let end = total.min(start.saturating_add(chunk));
        let began = Instant::now();
        out.extend(py.detach(|| guarded(|| work(start..end)))?);
        py.check_signals()?;
        if let Some(progress) = progress {
            progress.call1((end, total))?;
        }
        if began.elapsed() < Duration::from_millis(100) {
            chunk = chunk.saturating_mul(2);
        }
        start = end;
    }
    Ok(out)
}

/// Refuses a call whose array of radii alone would not fit in the memory available now, which
/// would otherwise abort the interpreter when allocated. (The CLI streams its radii to disk.)
fn check_result_memory(trials: usize) -> PyResult<()> {
    let need = 8 * trials as u128;
    match available_memory_bytes() {
        Some(available) if need > available as u128 => Err(usage(
            "trials",
            format!(
                "{trials} radii need {} of memory, but only {} is available; sample fewer \
                 trials, or run the CLI, which streams its radii to disk",
                format_bytes(need),
                format_bytes(available as u128)
            ),
        )),
        _ => Ok(()),
    }
}

/// Spectral radii of `trials` matrices, exactly the `rho` column of the CLI's
/// `radius_trials.csv` for the same arguments. Chunks change nothing: every trial has its own
/// stream.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
#[pyo3(signature = (n, trials, ensemble, scale, method, precision, seed, threads=None, progress=None))]
fn sample_radius<'py>(
    py: Python<'py>,
    n: &str,
    trials: &str,
    ensemble: &str,
    scale: &str,
    method: &str,
    precision: &str,
    seed: &str,
    threads: Option<&str>,
    progress: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let (opts, cell) = guarded(|| {
        let opts = radius_options(
            n, trials, ensemble, scale, method, precision, seed, threads, ONE_WIDTH,
        )?;
        let cell = single_cell(&opts)?;
        Ok((opts, cell))
    })?;
    check_result_memory(opts.params.sampling.trials)?;
    let seed = opts.params.sampling.seed;
    let threads = opts.exec.threads;
    let pool = thread_pool(threads).map_err(|e| py_error(e, ONE_WIDTH))?;
    let radii = in_chunks(
        py,
        opts.params.sampling.trials,
        threads,
        progress,
        |trials| {
            let trials = trials.start as u64..trials.end as u64;
            let records = pool
                .install(|| trials::sample_cell(&cell, seed, trials, &|| {}))
                .map_err(|e| py_error(e, ONE_WIDTH))?;
            Ok(records.iter().map(|r| r.rho).collect())
        },
    )?;
    Ok(PyArray1::from_vec(py, radii))
}

/// The exact law of one Gaussian ensemble (those `theory` takes) at one width, refused where
/// [`laws::exact`] has none.
fn exact_law(n: &str, ensemble: &str) -> PyResult<ExactLaw> {
    let n = mc_gumbel::model::widths::parse_width(n).map_err(|e| py_error(e, ONE_WIDTH))?;
    let ensembles = parse_for(ensemble, &theory::ENSEMBLES).map_err(|e| py_error(e, ONE_WIDTH))?;
    let ensemble = one(&ensembles, "ensemble", "ensemble")?;
    laws::exact(ensemble, n).map_err(|why| {
        usage(
            "n",
            format!(
                "{why}; at n = {n} use the asymptotic law (theory_loc, theory_scale of theory())"
            ),
        )
    })
}

/// The exact law evaluated at every point of `x` in parallel: `cdf`, `sf` at radii, `quantile`,
/// `isf` (the level exceeded with probability q) at probabilities. NaN maps to NaN.
#[pyfunction]
fn law_eval<'py>(
    py: Python<'py>,
    what: &str,
    n: &str,
    ensemble: &str,
    x: PyReadonlyArray1<'py, f64>,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let x = x.as_slice()?.to_vec();
    let f: fn(&ExactLaw, f64) -> f64 = match what {
        "cdf" => |law, r| law.cdf(r),
        "sf" => |law, r| law.sf(r),
        "quantile" => |law, p| law.quantile(p),
        "isf" => |law, q| law.isf(q),
        _ => {
            return Err(PyValueError::new_err(format!(
                "unknown evaluation '{what}'"
            )))
        }
    };
    if matches!(what, "quantile" | "isf") {
        let name = if what == "isf" { "q" } else { "p" };
        for &p in x.iter().filter(|p| !p.is_nan()) {
            probability(name, p)?;
        }
    }
    let law = built_law(py, n, ensemble)?;
    let values = in_chunks(py, x.len(), rayon::current_num_threads(), None, |range| {
        Ok(x[range]
            .par_iter()
            .map(|&v| if v.is_nan() { f64::NAN } else { f(&law, v) })
            .collect())
    })?;
    Ok(PyArray1::from_vec(py, values))
}

/// The exact law, built with the GIL released (the real law's matrix of integrals takes up to
/// seconds at the largest widths).
fn built_law(py: Python<'_>, n: &str, ensemble: &str) -> PyResult<ExactLaw> {
    py.detach(|| guarded(|| exact_law(n, ensemble)))
}

/// Mean and standard deviation of the exact law.
#[pyfunction]
fn law_moments(py: Python<'_>, n: &str, ensemble: &str) -> PyResult<(f64, f64)> {
    let law = built_law(py, n, ensemble)?;
    py.detach(|| guarded(|| Ok(law.mean_sd())))
}

/// `s` with `P(rho(s W) > 1) = p` exactly, as the scale `exact:P` computes it.
#[pyfunction]
fn exact_factor(py: Python<'_>, n: &str, p: &str, ensemble: &str) -> PyResult<f64> {
    guarded(|| {
        let p = probabilities(Param::Targets, p).map_err(|e| py_error(e, FACTOR))?;
        let p = one(&p, "p", "probability")?;
        let n = mc_gumbel::model::widths::parse_width(n).map_err(|e| py_error(e, FACTOR))?;
        let ensembles =
            parse_for(ensemble, &Ensemble::RADIUS_NAMES).map_err(|e| py_error(e, FACTOR))?;
        let ensemble = one(&ensembles, "ensemble", "ensemble")?;
        let has_law = laws::exact(ensemble, n).is_ok();
        py.detach(|| Scale::Exact(p).factor(ensemble, n))
            .map_err(|e| match has_law {
                // The law is there but cannot resolve p.
                true => usage("p", e.message),
                false => usage(
                    "ensemble",
                    format!(
                        "{} (in Python: mc_factor(n, p, ensemble) samples it)",
                        e.message
                    ),
                ),
            })
    })
}

/// The published rescaling at width `n`, `None` where it is undefined (`n < 164`).
#[pyfunction]
fn paper_factor(n: &str) -> PyResult<Option<f64>> {
    guarded(|| {
        let n = mc_gumbel::model::widths::parse_width(n).map_err(|e| py_error(e, ONE_WIDTH))?;
        Ok(asymptotics::paper_factor(n))
    })
}

/// `1/q_hat(1-p)` of sorted radii sampled at Glorot scale, with its distribution-free 95%
/// interval, as `mc:P` rows of `rescaling.csv` compute it.
#[pyfunction]
fn mc_factor(
    sorted: PyReadonlyArray1<'_, f64>,
    p: f64,
) -> PyResult<(f64, Option<f64>, Option<f64>)> {
    let sorted = sorted.as_slice()?;
    guarded(|| {
        if sorted.is_empty() {
            return Err(usage("trials", "need at least 1 trial".into()));
        }
        if !sorted.windows(2).all(|w| w[0] <= w[1]) {
            return Err(usage("radii", "must be sorted ascending".into()));
        }
        Ok(radius_tables::mc_factor(sorted, probability("p", p)?))
    })
}

/// The tables of `mc-gumbel theory` as CSV text (`theory.csv`, `rescaling.csv`,
/// `theory_cdf.csv`), computed by the same function and written by the same writer, so that
/// they read back to the same values. Widths run in parallel, in groups between which pending
/// signals are handled.
#[pyfunction]
#[pyo3(signature = (widths, ensemble, targets, cdf_points, threads=None))]
fn theory_tables(
    py: Python<'_>,
    widths: &str,
    ensemble: &str,
    targets: &str,
    cdf_points: &str,
    threads: Option<&str>,
) -> PyResult<(String, String, String)> {
    let (params, threads) = guarded(|| {
        let cdf_points = parse_count(
            "cdf_points",
            cdf_points,
            "a number of points (need an integer >= 0)",
        )?;
        let threads = parse_threads(threads)?;
        let resolve = || -> Result<(TheoryParams, usize), Error> {
            let params = TheoryParams::new(
                Ensemble::parse_list(ensemble, &Ensemble::ALL_NAMES)?,
                parse_widths(widths)?,
                probabilities(Param::Targets, targets)?,
                cdf_points,
            )?;
            Ok((params, counts::threads(threads)?))
        };
        resolve().map_err(|e| py_error(e, WIDTHS))
    })?;
    let pool = thread_pool(threads).map_err(|e| py_error(e, WIDTHS))?;
    let tables = theory::compute_in_groups(
        &params,
        threads,
        |part| py.detach(|| guarded(|| Ok(pool.install(|| theory::compute(part))))),
        || py.check_signals(),
    )?;
    Ok((
        table_text(&tables.0),
        table_text(&tables.1),
        table_text(&tables.2),
    ))
}

/// Every CSV file mc-gumbel writes, with its columns in order (what `mc-gumbel columns` prints).
#[pyfunction]
fn columns() -> Vec<(&'static str, Vec<&'static str>)> {
    mc_gumbel::jobs::csv_columns()
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(sample_radius, m)?)?;
    m.add_function(wrap_pyfunction!(law_eval, m)?)?;
    m.add_function(wrap_pyfunction!(law_moments, m)?)?;
    m.add_function(wrap_pyfunction!(exact_factor, m)?)?;
    m.add_function(wrap_pyfunction!(paper_factor, m)?)?;
    m.add_function(wrap_pyfunction!(mc_factor, m)?)?;
    m.add_function(wrap_pyfunction!(theory_tables, m)?)?;
    m.add_function(wrap_pyfunction!(columns, m)?)?;
    Ok(())
}
