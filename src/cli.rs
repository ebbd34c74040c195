//! Command-line interface: clap definitions, and their resolution into plain option structs.

use crate::density::DensityOptions;
use crate::ensemble::{Ensemble, Scale};
use crate::error::Error;
use crate::hidden::HiddenOptions;
use crate::plan::Grid;
use crate::radius::RadiusOptions;
use crate::record_job::RunOptions;
use crate::sampler::Method;
use crate::shard::Shard;
use crate::theory_table::TheoryOptions;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  # The main job: spectral radii of complex Ginibre (Glorot scale) at three widths
  mc-gumbel --widths 64,256,1024 --trials 10000

  # What practitioners run: real Glorot normal and uniform, plain and rescaled
  mc-gumbel --widths 256,1024 --trials 2000 --ensemble real-ginibre,glorot-uniform \\
            --scale glorot,paper,exact:0.01 --out results/practical

  # A quick look (seconds)
  mc-gumbel --widths 16,64 --trials 500 --out /tmp/quick

  # Asymptotic widths with the exact O(n) sampler of complex Ginibre
  mc-gumbel --widths 16..1048576:x2 --trials 100000 --method kostlan --out results/kostlan

  # After Ctrl-C, a crash or a time limit: continue where it stopped
  mc-gumbel --widths 64,256,1024 --trials 10000 --resume

Files written to --out: radius_trials.csv, radius_summary.csv, convergence.csv,
rescaling.csv and manifest.json (see README.md for every column).";

#[derive(Debug, Parser)]
#[command(
    name = "mc-gumbel",
    version,
    about = "Monte Carlo and exact laws for the spectral radius of Glorot-initialised recurrent matrices",
    long_about = "Samples random n x n recurrent weight matrices (Glorot and its rescalings), measures their \
spectral radius, fits Gumbel laws and compares them with Rider's asymptotics and Kostlan's exact \
finite-width law. Output is tidy CSV plus a JSON manifest.",
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true,
    allow_negative_numbers = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub radius: RadiusArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Exact and asymptotic laws per width, no sampling: theory.csv and rescaling.csv
    #[command(
        after_help = "Examples:\n  mc-gumbel theory --widths 16..1048576:x2 --out results/theory\n  mc-gumbel theory --widths 1000,10000000 --targets 0.1,0.01"
    )]
    Theory(TheoryArgs),
    /// Join the output folders of a sharded run into the files of the unsharded run
    #[command(
        after_help = "Examples:\n  mc-gumbel --widths 1024 --trials 10000 --shard 0/2 --out shards/0\n  mc-gumbel --widths 1024 --trials 10000 --shard 1/2 --out shards/1\n  mc-gumbel merge shards/0 shards/1 --out results"
    )]
    Merge(MergeArgs),
    /// Hidden-state norms of the linear RNN h_t = W h_{t-1} + x_t, beside each W's radius
    Hidden(HiddenArgs),
    /// Histogram of all eigenvalue moduli against the exact (Kostlan) and circular laws
    Density(DensityArgs),
    /// Run an experiment file (experiments/NAME.toml): its steps, then with --plot its figures
    #[command(
        after_help = "Examples:\n  mc-gumbel run experiments/radius-law.toml\n  mc-gumbel run experiments/convergence.toml --quick --plot --out /tmp/conv"
    )]
    Run(crate::experiment::RunArgs),
}

#[derive(Debug, Args, Clone)]
pub struct TheoryArgs {
    /// Matrix widths n >= 2: a list and/or ranges (16..1048576:x2, 100..1000:+100)
    #[arg(long, value_name = "LIST", default_value = "16..1048576:x2")]
    pub widths: String,
    /// Target probabilities P(rho > 1) for the exact calibrations in rescaling.csv
    #[arg(long, value_name = "LIST", default_value = "0.5,0.1,0.01")]
    pub targets: String,
    /// Worker threads [default: all logical CPUs]
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl TheoryArgs {
    pub fn resolve(&self) -> Result<TheoryOptions, Error> {
        let widths = parse_widths(&self.widths)?;
        if let Some(&n) = widths.iter().find(|&&n| n > 1_000_000_000) {
            return Err(Error::usage(
                "--widths",
                format!("width {n} is beyond the tested range of the exact law (n <= 10^9)"),
            ));
        }
        Ok(TheoryOptions {
            widths,
            targets: parse_probabilities("--targets", &self.targets)?,
            threads: resolve_threads(self.threads)?,
            out: self.common.out_or("results/theory"),
            force: self.common.force,
        })
    }
}

/// Options shared by every job that writes files.
#[derive(Debug, Args, Clone)]
pub struct CommonArgs {
    /// Output folder, created if missing [default: results for the main job, results/<command>
    /// for the others]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Overwrite results already in the output folder
    #[arg(long)]
    pub force: bool,
    /// No progress bars or log lines (errors are still printed)
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args, Clone)]
pub struct RadiusArgs {
    /// Matrix widths n >= 2: a list (64,256,1024) and/or ranges, geometric 16..4096:x2 or
    /// arithmetic 100..1000:+100
    #[arg(long, value_name = "LIST", default_value = "64,256,1024")]
    pub widths: String,
    /// Matrices sampled per ensemble, scale and width
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub trials: usize,
    /// Ensembles, comma-separated: complex-ginibre, real-ginibre, glorot-uniform,
    /// truncated-normal, orthogonal
    #[arg(long, value_name = "LIST", default_value = "complex-ginibre")]
    pub ensemble: String,
    /// Scale factors, comma-separated: glorot (1), half (1/sqrt 2), paper (published
    /// rescaling), exact:P (P(rho > 1) = P exactly for complex Ginibre), or a number
    #[arg(long, value_name = "LIST", default_value = "glorot")]
    pub scale: String,
    /// How radii are sampled: dense (all eigenvalues of the matrix, any ensemble), hessenberg
    /// (exact Hessenberg form, QR iteration only; complex- and real-ginibre) or kostlan (exact
    /// O(n) sampler of the radius; complex-ginibre only)
    #[arg(long, value_name = "METHOD", default_value = "dense")]
    pub method: String,
    /// Target probabilities P(rho > 1) for the exact calibrations in rescaling.csv
    #[arg(long, value_name = "LIST", default_value = "0.5,0.1,0.01")]
    pub targets: String,
    #[command(flatten)]
    pub sampling: SamplingArgs,
}

#[derive(Debug, Args, Clone)]
pub struct MergeArgs {
    /// Output folders of the shards (`--shard I/N` runs) to join
    #[arg(value_name = "DIR", required = true)]
    pub shards: Vec<PathBuf>,
    /// Worker threads for the summaries [default: all logical CPUs]
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl CommonArgs {
    /// `--out`, or the job's own folder: jobs never share a folder (and a manifest) by default.
    pub fn out_or(&self, default: &str) -> PathBuf {
        self.out.clone().unwrap_or_else(|| PathBuf::from(default))
    }
}

/// Options of every sampling job: seed, threads, shard, resume, and the output folder.
#[derive(Debug, Args, Clone)]
pub struct SamplingArgs {
    /// Seed of every random stream (same seed, same bytes, whatever the thread count)
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Worker threads [default: all logical CPUs]
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Run only slice I of N of every cell's trials (0 <= I < N), e.g. $SLURM_ARRAY_TASK_ID/8;
    /// join the shards' folders with `mc-gumbel merge`
    #[arg(long, value_name = "I/N")]
    pub shard: Option<String>,
    /// Continue the interrupted run in --out (same command line otherwise)
    #[arg(long)]
    pub resume: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

impl SamplingArgs {
    /// The run options of a job with `trials` trials whose folder defaults to `default_out`.
    pub fn resolve(&self, trials: usize, default_out: &str) -> Result<RunOptions, Error> {
        Ok(RunOptions {
            trials: resolve_trials(trials)?,
            seed: self.seed,
            shard: parse_shard(&self.shard)?,
            threads: resolve_threads(self.threads)?,
            out: self.common.out_or(default_out),
            force: self.common.force,
            resume: self.resume,
        })
    }
}

/// Splits a comma list, refusing empty items so that "64,,256" is an error rather than a guess.
fn split_list<'a>(flag: &'static str, text: &'a str) -> Result<Vec<&'a str>, Error> {
    let items: Vec<&str> = text.split(',').map(str::trim).collect();
    if items.iter().any(|s| s.is_empty()) {
        return Err(Error::usage(
            flag,
            format!("'{text}' has an empty item; give a comma-separated list"),
        ));
    }
    Ok(items)
}

/// Parses `--widths`: comma-separated integers and ranges `a..b:xK` (geometric) or `a..b:+K`
/// (arithmetic), both ends inclusive. The result is sorted and free of repeats.
pub fn parse_widths(text: &str) -> Result<Vec<usize>, Error> {
    const FLAG: &str = "--widths";
    let int = |s: &str| -> Result<usize, Error> {
        let v: usize = s.trim().parse().map_err(|_| {
            Error::usage(FLAG, format!("'{s}' is not a width (need an integer >= 2)"))
        })?;
        if v < 2 {
            return Err(Error::usage(
                FLAG,
                format!("width {v} is too small (need n >= 2)"),
            ));
        }
        Ok(v)
    };
    let mut widths = Vec::new();
    for item in split_list(FLAG, text)? {
        let Some((from, rest)) = item.split_once("..") else {
            widths.push(int(item)?);
            continue;
        };
        let bad = || {
            Error::usage(
                FLAG,
                format!("'{item}' is not a range; write FROM..TO:xFACTOR (e.g. 16..4096:x2) or FROM..TO:+STEP"),
            )
        };
        let (to, step) = rest.split_once(':').ok_or_else(bad)?;
        let (from, to) = (int(from)?, int(to)?);
        if to < from {
            return Err(Error::usage(
                FLAG,
                format!("'{item}': the range ends below where it starts"),
            ));
        }
        if let Some(k) = step.strip_prefix('x') {
            let k: usize = k.parse().map_err(|_| bad())?;
            if k < 2 {
                return Err(Error::usage(
                    FLAG,
                    format!("'{item}': a geometric factor must be >= 2"),
                ));
            }
            let mut v = from;
            while v <= to {
                widths.push(v);
                v = v.saturating_mul(k);
            }
        } else if let Some(k) = step.strip_prefix('+') {
            let k: usize = k.parse().map_err(|_| bad())?;
            if k < 1 {
                return Err(Error::usage(
                    FLAG,
                    format!("'{item}': an arithmetic step must be >= 1"),
                ));
            }
            widths.extend((from..=to).step_by(k));
        } else {
            return Err(bad());
        }
    }
    if widths.len() > 100_000 {
        return Err(Error::usage(
            FLAG,
            "more than 100000 widths; use a coarser range step",
        ));
    }
    widths.sort_unstable();
    widths.dedup();
    Ok(widths)
}

pub fn parse_ensembles(text: &str, allowed: &[&str]) -> Result<Vec<Ensemble>, Error> {
    let mut out = Vec::new();
    for name in split_list("--ensemble", text)? {
        match Ensemble::parse(name).filter(|_| allowed.contains(&name)) {
            Some(e) if !out.contains(&e) => out.push(e),
            Some(_) => {}
            None => {
                return Err(Error::usage(
                    "--ensemble",
                    format!(
                        "unknown ensemble '{name}'; choose from {}",
                        allowed.join(", ")
                    ),
                ))
            }
        }
    }
    Ok(out)
}

pub fn parse_scales(text: &str) -> Result<Vec<Scale>, Error> {
    let mut out: Vec<Scale> = Vec::new();
    for item in split_list("--scale", text)? {
        let s = Scale::parse(item).map_err(|m| Error::usage("--scale", m))?;
        if !out.iter().any(|x| x.label() == s.label()) {
            out.push(s);
        }
    }
    Ok(out)
}

pub fn parse_probabilities(flag: &'static str, text: &str) -> Result<Vec<f64>, Error> {
    split_list(flag, text)?
        .into_iter()
        .map(|s| match s.parse::<f64>() {
            Ok(p) if p > 0.0 && p < 1.0 => Ok(p),
            _ => Err(Error::usage(
                flag,
                format!("'{s}' is not a probability strictly between 0 and 1"),
            )),
        })
        .collect()
}

pub fn resolve_threads(threads: Option<usize>) -> Result<usize, Error> {
    match threads {
        Some(0) => Err(Error::usage("--threads", "need at least 1 thread")),
        Some(t) if t > 4096 => Err(Error::usage(
            "--threads",
            format!("{t} threads is more than any machine has"),
        )),
        Some(t) => Ok(t),
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
    }
}

pub fn resolve_trials(trials: usize) -> Result<usize, Error> {
    if trials == 0 {
        return Err(Error::usage("--trials", "need at least 1 trial"));
    }
    Ok(trials)
}

impl RadiusArgs {
    pub fn resolve(&self) -> Result<RadiusOptions, Error> {
        let method = Method::parse(&self.method).ok_or_else(|| {
            Error::usage(
                "--method",
                format!(
                    "unknown method '{}'; choose from {}",
                    self.method,
                    Method::NAMES.join(", ")
                ),
            )
        })?;
        Ok(RadiusOptions {
            grid: Grid {
                widths: parse_widths(&self.widths)?,
                ensembles: parse_ensembles(&self.ensemble, &Ensemble::RADIUS_NAMES)?,
                scales: parse_scales(&self.scale)?,
            },
            method,
            targets: parse_probabilities("--targets", &self.targets)?,
            run: self.sampling.resolve(self.trials, "results")?,
        })
    }
}

/// Matrix options shared by the jobs that run any ensemble (`hidden`, `density`).
#[derive(Debug, Args, Clone)]
pub struct MatrixArgs {
    /// Matrix widths n >= 2: a list (64,256,1024) and/or ranges, geometric 16..4096:x2 or
    /// arithmetic 100..1000:+100
    #[arg(long, value_name = "LIST", default_value = "64,256,1024")]
    pub widths: String,
    /// Ensembles, comma-separated: complex-ginibre, real-ginibre, glorot-uniform,
    /// truncated-normal, orthogonal, diag-uniform
    #[arg(long, value_name = "LIST", default_value = "complex-ginibre")]
    pub ensemble: String,
    /// Scale factors, comma-separated: glorot (1), half (1/sqrt 2), paper (published
    /// rescaling), exact:P (P(rho > 1) = P exactly for complex Ginibre), or a number
    #[arg(long, value_name = "LIST", default_value = "glorot")]
    pub scale: String,
    /// Ring r_min,r_max of diag-uniform's eigenvalue moduli (uniform by area), before scaling
    /// [default: 0,1]
    #[arg(long, value_name = "R_MIN,R_MAX", allow_hyphen_values = true)]
    pub ring: Option<String>,
    #[command(flatten)]
    pub sampling: SamplingArgs,
}

/// Parses `--shard`; no flag means the whole run.
fn parse_shard(text: &Option<String>) -> Result<Shard, Error> {
    match text {
        Some(text) => Shard::parse(text),
        None => Ok(Shard::WHOLE),
    }
}

/// Parses `--ring r_min,r_max`: `0 <= r_min <= r_max`, `r_max > 0`, both finite.
pub fn parse_ring(text: &str) -> Result<(f64, f64), Error> {
    const FLAG: &str = "--ring";
    let items = split_list(FLAG, text)?;
    let bad = || {
        Error::usage(
            FLAG,
            format!("'{text}' is not a ring; write R_MIN,R_MAX (e.g. 0.9,0.999)"),
        )
    };
    let [lo, hi] = items[..] else {
        return Err(bad());
    };
    let (lo, hi): (f64, f64) = (
        lo.parse().map_err(|_| bad())?,
        hi.parse().map_err(|_| bad())?,
    );
    if !(lo.is_finite() && hi.is_finite() && lo >= 0.0 && hi > 0.0) {
        return Err(Error::usage(
            FLAG,
            format!("'{text}': radii must be finite, r_min >= 0 and r_max > 0"),
        ));
    }
    if lo > hi {
        return Err(Error::usage(
            FLAG,
            format!("'{text}': r_min must not exceed r_max"),
        ));
    }
    Ok((lo, hi))
}

impl MatrixArgs {
    /// The grid, with the ring set in `diag-uniform`.
    pub fn resolve(&self) -> Result<Grid, Error> {
        let mut ensembles = parse_ensembles(&self.ensemble, &Ensemble::ALL_NAMES)?;
        if let Some(ring) = &self.ring {
            let (lo, hi) = parse_ring(ring)?;
            let mut used = false;
            for e in &mut ensembles {
                if let Ensemble::DiagUniform { r_min, r_max } = e {
                    (*r_min, *r_max) = (lo, hi);
                    used = true;
                }
            }
            if !used {
                return Err(Error::usage(
                    "--ring",
                    "the ring applies only to --ensemble diag-uniform, which is not selected",
                ));
            }
        }
        Ok(Grid {
            widths: parse_widths(&self.widths)?,
            ensembles,
            scales: parse_scales(&self.scale)?,
        })
    }
}

/// Refuses a zero count for `flag`.
fn positive(flag: &'static str, value: usize, what: &str) -> Result<usize, Error> {
    if value == 0 {
        return Err(Error::usage(flag, format!("need at least 1 {what}")));
    }
    Ok(value)
}

#[derive(Debug, Args, Clone)]
pub struct HiddenArgs {
    /// Matrices W sampled per ensemble, scale and width
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub trials: usize,
    /// Steps t of the recurrence
    #[arg(long, value_name = "T", default_value_t = 3000)]
    pub steps: usize,
    /// Independent input sequences run through each W
    #[arg(long, value_name = "B", default_value_t = 8)]
    pub batch: usize,
    /// Log-spaced record times beyond t = 100 (every t up to 100 is recorded)
    #[arg(long, value_name = "K", default_value_t = 60)]
    pub points: usize,
    /// A run has exploded once ||h_t||^2/n > FACTOR * t (t is the infinite-width mean)
    #[arg(long, value_name = "FACTOR", default_value_t = 10.0)]
    pub explode_factor: f64,
    #[command(flatten)]
    pub matrices: MatrixArgs,
}

impl HiddenArgs {
    pub fn resolve(&self) -> Result<HiddenOptions, Error> {
        if !(self.explode_factor > 0.0 && self.explode_factor.is_finite()) {
            return Err(Error::usage(
                "--explode-factor",
                format!("{} is not a positive finite factor", self.explode_factor),
            ));
        }
        let grid = self.matrices.resolve()?;
        Ok(HiddenOptions {
            grid,
            steps: positive("--steps", self.steps, "step")?,
            batch: positive("--batch", self.batch, "sequence per batch")?,
            points: self.points,
            explode_factor: self.explode_factor,
            run: self
                .matrices
                .sampling
                .resolve(self.trials, "results/hidden")?,
        })
    }
}

#[derive(Debug, Args, Clone)]
pub struct DensityArgs {
    /// Matrices sampled per ensemble, scale and width
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub trials: usize,
    /// Histogram bins on [0, r_max)
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub bins: usize,
    /// Upper edge of the histogram [default: 2 x the scale factor, more below n = 60 so that
    /// no modulus overflows; times the ring's r_max for diag-uniform when above 1]
    #[arg(long, value_name = "R")]
    pub r_max: Option<f64>,
    #[command(flatten)]
    pub matrices: MatrixArgs,
}

impl DensityArgs {
    pub fn resolve(&self) -> Result<DensityOptions, Error> {
        if let Some(r) = self.r_max {
            if !(r > 0.0 && r.is_finite()) {
                return Err(Error::usage(
                    "--r-max",
                    format!("{r} is not a positive finite radius"),
                ));
            }
        }
        let grid = self.matrices.resolve()?;
        Ok(DensityOptions {
            grid,
            bins: positive("--bins", self.bins, "bin")?,
            r_max: self.r_max,
            run: self
                .matrices
                .sampling
                .resolve(self.trials, "results/density")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_lists_and_ranges() {
        assert_eq!(parse_widths("64,256,1024").unwrap(), vec![64, 256, 1024]);
        assert_eq!(parse_widths("16..128:x2").unwrap(), vec![16, 32, 64, 128]);
        assert_eq!(parse_widths("16..100:x2").unwrap(), vec![16, 32, 64]);
        assert_eq!(parse_widths("10..40:+10,20").unwrap(), vec![10, 20, 30, 40]);
        for bad in [
            "",
            "64,,256",
            "abc",
            "1",
            "0",
            "64..16:x2",
            "16..64",
            "16..64:x1",
            "16..64:y2",
            "-5",
        ] {
            assert!(parse_widths(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn scales_parse_and_reject() {
        assert_eq!(parse_scales("glorot,half,exact:0.01,0.9").unwrap().len(), 4);
        for bad in ["exact:0", "exact:1", "exact:x", "-1", "foo", "0"] {
            assert!(parse_scales(bad).is_err(), "{bad}");
        }
    }
}
