//! `mc-gumbel run experiments/NAME.toml`: one TOML file per paper artefact, each step an ordinary
//! mc-gumbel command line written into its own subfolder, then (with `--plot`) the artefact's
//! plot script.
//!
//! Schema (see `experiments/README.md`):
//!
//! ```toml
//! name = "radius-law"                 # default output folder: results/<name>
//! description = "..."
//! figure = "plots/radius_law.py"      # optional; run with --plot, path from the repository root
//! seed = 7                            # optional; passed as --seed to every step that takes one
//! [[step]]
//! name = "dense"                      # output subfolder <out>/<name>
//! args = ["--widths", "64,256", "--trials", "5000"]
//! quick = ["--widths", "16,32", "--trials", "200"]   # --quick: same flag replaced, others added
//! ```
//!
//! This module runs an experiment: it reads the file, turns every step into the full command line
//! it stands for, parses each with the same clap definitions as the shell and resolves it
//! against every rule of the domain (the cells, the memory budget), all before any step runs, so
//! a mistake in the last step costs nothing. A step means exactly what it would mean typed at the
//! shell. `--resume` continues an interrupted experiment: finished steps are kept, the step that
//! was cut off resumes, the rest run, which gives the bytes of an uninterrupted run.

use super::{execute, prepare as prepare_command};
use crate::cli::{flags, Cli, Command};
use crate::error::Error;
use crate::model::{ExperimentOptions, Param};
use crate::store::manifest::{self, ManifestHead};
use clap::Parser;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Experiment {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Plot script, relative to the repository root.
    pub figure: Option<PathBuf>,
    pub seed: Option<u64>,
    #[serde(rename = "step")]
    pub steps: Vec<Step>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub name: String,
    pub args: Vec<String>,
    #[serde(default)]
    pub quick: Vec<String>,
}

/// Every error names the experiment: the message names the file and step, which is what the
/// user edits.
fn usage(message: String) -> Error {
    Error::config(Param::Experiment, message)
}

pub fn load(path: &Path) -> Result<Experiment, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        usage(format!(
            "cannot read experiment file '{}': {e}",
            path.display()
        ))
    })?;
    let exp: Experiment = toml::from_str(&text).map_err(|e| {
        usage(format!(
            "'{}' is not a valid experiment: {e}",
            path.display()
        ))
    })?;
    let bad_name = |s: &str| {
        s.is_empty()
            || !s
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    if bad_name(&exp.name) {
        return Err(usage(format!(
            "'{}': name '{}' must be letters, digits, '-' or '_' (it names the output folder)",
            path.display(),
            exp.name
        )));
    }
    if exp.steps.is_empty() {
        return Err(usage(format!("'{}': no [[step]]", path.display())));
    }
    for (i, step) in exp.steps.iter().enumerate() {
        if bad_name(&step.name) || exp.steps[..i].iter().any(|s| s.name == step.name) {
            return Err(usage(format!(
                "'{}': step name '{}' must be unique and made of letters, digits, '-' or '_' (it names a subfolder)",
                path.display(),
                step.name
            )));
        }
    }
    Ok(exp)
}

/// A flag (`--widths`, `-q`, `--widths=64`) as opposed to a value (`64`, `-1.5`).
fn flag_key(token: &str) -> Option<&str> {
    if let Some(rest) = token.strip_prefix("--") {
        return Some(rest.split('=').next().unwrap_or(rest));
    }
    let rest = token.strip_prefix('-')?;
    rest.starts_with(|c: char| c.is_ascii_alphabetic())
        .then_some(rest)
}

/// Splits arguments into the leading words (a subcommand) and groups of one flag and its values.
fn groups(args: &[String]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut lead = Vec::new();
    let mut out: Vec<Vec<String>> = Vec::new();
    for a in args {
        match (flag_key(a), out.last_mut()) {
            (Some(_), _) => out.push(vec![a.clone()]),
            (None, Some(group)) => group.push(a.clone()),
            (None, None) => lead.push(a.clone()),
        }
    }
    (lead, out)
}

/// `args` with each flag of `quick` replacing the same flag (and its values) in place, and flags
/// `args` lacks appended.
pub fn merge_quick(args: &[String], quick: &[String]) -> Vec<String> {
    let (mut lead, mut base) = groups(args);
    let (_, quick) = groups(quick);
    for q in quick {
        let key = flag_key(&q[0]);
        match base.iter_mut().find(|g| flag_key(&g[0]) == key) {
            Some(g) => *g = q,
            None => base.push(q),
        }
    }
    lead.extend(base.into_iter().flatten());
    lead
}

/// The full command line of one step, program name first (without `--resume`, which
/// [`run`] adds to the step an interrupted experiment stopped in).
pub fn step_argv(
    exp: &Experiment,
    step: &Step,
    opts: &ExperimentOptions,
    out: &Path,
) -> Vec<String> {
    let takes_seed = |args: &[String]| Cli::accepts(args, "seed");
    let mut argv = vec!["mc-gumbel".to_string()];
    let args = if opts.quick {
        merge_quick(&step.args, &step.quick)
    } else {
        step.args.clone()
    };
    argv.extend(args.iter().cloned());
    argv.push("--out".into());
    argv.push(out.join(&step.name).to_string_lossy().into_owned());
    if let Some(seed) = exp.seed {
        if takes_seed(&args) && !args.iter().any(|a| flag_key(a) == Some("seed")) {
            argv.push("--seed".into());
            argv.push(seed.to_string());
        }
    }
    if opts.force {
        argv.push("--force".into());
    }
    if opts.quiet {
        argv.push("--quiet".into());
    }
    argv
}

/// One step, ready to execute: its name and full command line (program name first).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PreparedStep {
    pub name: String,
    pub argv: Vec<String>,
}

/// An experiment ready to execute.
#[derive(Debug)]
pub struct Prepared {
    pub experiment: Experiment,
    /// The folder the steps write into, one subfolder each.
    pub out: PathBuf,
    pub steps: Vec<PreparedStep>,
    /// The plot script to render afterwards (with `--plot`).
    pub plot: Option<PathBuf>,
}

/// Reads the experiment file and prepares every step's command line; with `--plot`, checks
/// python and finds the script before anything runs (a long run should not end in
/// "pip install").
pub fn prepare(opts: &ExperimentOptions) -> Result<Prepared, Error> {
    let file = opts.file.display();
    let exp = load(&opts.file)?;
    let out = opts
        .out
        .clone()
        .unwrap_or_else(|| Path::new("results").join(&exp.name));
    let mut steps = Vec::new();
    for step in &exp.steps {
        let all = step.args.iter().chain(&step.quick);
        if all.clone().any(|a| flag_key(a) == Some("out")) {
            return Err(usage(format!(
                "{file}, step '{}': remove --out; the step writes into <out>/{}",
                step.name, step.name
            )));
        }
        if all
            .clone()
            .any(|a| matches!(flag_key(a), Some("resume" | "force")))
        {
            return Err(usage(format!(
                "{file}, step '{}': remove --resume and --force; give them to `mc-gumbel run` \
                 itself, which passes them on",
                step.name
            )));
        }
        steps.push(PreparedStep {
            name: step.name.clone(),
            argv: step_argv(&exp, step, opts, &out),
        });
    }
    let plot = if opts.plot {
        check_python()?;
        Some(plot_script(&exp, &opts.file)?)
    } else {
        None
    };
    Ok(Prepared {
        experiment: exp,
        out,
        steps,
        plot,
    })
}

/// A step's error, said with the file and step it came from: the message names what the user
/// edits, and the flag of the step that holds the bad value.
pub fn step_error(opts: &ExperimentOptions, step: &str, e: Error) -> Error {
    let file = opts.file.display();
    match e {
        Error::Config(c) => usage(format!(
            "{file}, step '{step}': {}",
            flags::config_message(&c)
        )),
        other => {
            eprintln!("error in {file}, step '{step}':");
            other
        }
    }
}

/// A command-line parse error of a step, as a usage error of the file.
fn step_parse_error(opts: &ExperimentOptions, step: &str, e: &clap::Error) -> Error {
    let message = flags::clap_message(e).unwrap_or_else(|| {
        e.to_string()
            .lines()
            .next()
            .unwrap_or("")
            .trim_start_matches("error: ")
            .to_string()
    });
    usage(format!("{}, step '{step}': {message}", opts.file.display()))
}

/// Where a step stands in the output folder of an experiment being resumed.
#[derive(Clone, Copy, Debug, PartialEq)]
enum StepState {
    /// Nothing written yet.
    Fresh,
    /// Started and cut off: it continues with `--resume` (theory, which has no partial state,
    /// starts over).
    Interrupted,
    /// Finished: kept as it is.
    Done,
}

fn step_state(dir: &Path) -> Result<StepState, Error> {
    if !dir.join(manifest::FILE).exists() {
        return Ok(StepState::Fresh);
    }
    let head: ManifestHead = manifest::read(dir, Param::Resume)?;
    Ok(if head.complete {
        StepState::Done
    } else {
        StepState::Interrupted
    })
}

/// `mc-gumbel run FILE`: every step parsed and resolved before any executes (with `--resume`,
/// against what the folder holds), then each executed as if typed at the shell, then the
/// figures.
pub fn run(opts: &ExperimentOptions) -> Result<(), Error> {
    let mut prepared = prepare(opts)?;
    let record = prepared.out.join(RECORD);
    if opts.resume {
        check_same_experiment(&prepared, &record)?;
    } else if !opts.force {
        for step in &prepared.steps {
            let dir = prepared.out.join(&step.name);
            if dir.join(manifest::FILE).exists() {
                return Err(usage(format!(
                    "'{}' already holds the results of step '{}'; continue an interrupted \
                     experiment with --resume, or pass --force to start over",
                    prepared.out.display(),
                    step.name
                )));
            }
        }
    }
    let mut ready = Vec::with_capacity(prepared.steps.len());
    for step in &mut prepared.steps {
        let state = if opts.resume {
            step_state(&prepared.out.join(&step.name))?
        } else {
            StepState::Fresh
        };
        let mut argv = step.argv.clone();
        if state == StepState::Interrupted {
            let theory = argv.get(1).map(String::as_str) == Some("theory");
            argv.push(if theory { "--force" } else { "--resume" }.into());
        }
        let cli = Cli::try_parse_from(&argv).map_err(|e| step_parse_error(opts, &step.name, &e))?;
        // An experiment is a list of jobs; one that runs experiments would never end if it
        // named itself.
        if matches!(cli.command, Some(Command::Run(_))) {
            return Err(usage(format!(
                "{}, step '{}': a step cannot run an experiment; list that experiment's steps \
                 here, or run it on its own",
                opts.file.display(),
                step.name
            )));
        }
        let quiet = cli.quiet();
        let command = prepare_command(cli, &argv).map_err(|e| step_error(opts, &step.name, e))?;
        ready.push((state, quiet, command));
        step.argv = argv;
    }
    if !opts.resume {
        write_record(&prepared, opts)?;
    }
    for (step, (state, quiet, command)) in prepared.steps.iter().zip(ready) {
        if state == StepState::Done {
            if !opts.quiet {
                eprintln!(
                    "[{}] step '{}': finished before, kept",
                    prepared.experiment.name, step.name
                );
            }
            continue;
        }
        if !opts.quiet {
            eprintln!(
                "[{}] step '{}': {}",
                prepared.experiment.name,
                step.name,
                flags::shell_line(&step.argv[1..])
            );
        }
        execute(command, quiet).map_err(|e| step_error(opts, &step.name, e))?;
    }
    if let Some(script) = &prepared.plot {
        render(script, &prepared.out, opts.quiet)?;
    }
    Ok(())
}

/// The file beside the step folders that records the experiment.
const RECORD: &str = "experiment.json";

/// Refuses to resume into a folder that holds another experiment, or this one with other steps.
fn check_same_experiment(prepared: &Prepared, record: &Path) -> Result<(), Error> {
    let text = std::fs::read_to_string(record).map_err(|e| {
        Error::config(
            Param::Resume,
            format!(
                "'{}' holds no experiment to resume ({}: {e}); start it without --resume",
                prepared.out.display(),
                RECORD
            ),
        )
    })?;
    #[derive(Deserialize)]
    struct Recorded {
        steps: Vec<PreparedStep>,
    }
    let recorded: Recorded = serde_json::from_str(&text)
        .map_err(|e| Error::config(Param::Resume, format!("'{}': {e}", record.display())))?;
    // What the steps compute, without how they were executed (forced, quiet).
    let what = |steps: &[PreparedStep]| -> Vec<(String, Vec<String>)> {
        steps
            .iter()
            .map(|s| {
                let args = s
                    .argv
                    .iter()
                    .filter(|a| !matches!(a.as_str(), "--force" | "--quiet" | "--resume"));
                (s.name.clone(), args.cloned().collect())
            })
            .collect()
    };
    if what(&recorded.steps) != what(&prepared.steps) {
        return Err(Error::config(
            Param::Resume,
            format!(
                "the experiment in '{}' was started with other steps or options; repeat its \
                 command line with --resume",
                prepared.out.display()
            ),
        ));
    }
    Ok(())
}

/// `experiment.json` beside the step folders: which file, which mode, each step's exact command.
pub fn write_record(prepared: &Prepared, opts: &ExperimentOptions) -> Result<(), Error> {
    let (exp, out) = (&prepared.experiment, &prepared.out);
    std::fs::create_dir_all(out).map_err(|e| Error::write(out, e))?;
    let steps: Vec<_> = prepared
        .steps
        .iter()
        .map(|s| serde_json::json!({ "name": s.name, "argv": s.argv }))
        .collect();
    let record = serde_json::json!({
        "name": exp.name,
        "description": exp.description,
        "file": opts.file,
        "quick": opts.quick,
        "figure": exp.figure,
        "steps": steps,
    });
    let path = out.join(RECORD);
    let text = serde_json::to_string_pretty(&record).map_err(std::io::Error::other);
    text.and_then(|t| std::fs::write(&path, t + "\n"))
        .map_err(|e| Error::write(path, e))
}

/// The plot script: `figure` is relative to the repository root, taken as the experiment file's
/// folder's parent (experiments/ sits at the root), else the current folder.
fn plot_script(exp: &Experiment, file: &Path) -> Result<PathBuf, Error> {
    let figure = exp.figure.as_ref().ok_or_else(|| {
        usage(format!(
            "{}: --plot given but the experiment names no `figure` script",
            file.display()
        ))
    })?;
    let root = file
        .canonicalize()
        .ok()
        .and_then(|f| f.parent()?.parent().map(Path::to_path_buf));
    let candidates = root.into_iter().chain(std::iter::once(PathBuf::from(".")));
    candidates
        .map(|r| r.join(figure))
        .find(|p| p.is_file())
        .ok_or_else(|| {
            usage(format!(
                "{}: plot script '{}' not found beside experiments/ nor in the current folder",
                file.display(),
                figure.display()
            ))
        })
}

const INSTALL: &str = "install the plotting dependencies with: pip install -r \
     plots/requirements.txt ./python (from the repository root)";

fn check_python() -> Result<(), Error> {
    let check = Process::new("python3")
        .args(["-c", "import matplotlib, pandas, numpy, scipy, mc_gumbel"])
        .output();
    match check {
        Err(e) => Err(Error::Plot(format!(
            "cannot start python3 ({e}); {INSTALL}"
        ))),
        Ok(o) if !o.status.success() => {
            let why = String::from_utf8_lossy(&o.stderr);
            let why = why.lines().last().unwrap_or("").to_string();
            Err(Error::Plot(format!(
                "python3 lacks a plotting package ({why}); {INSTALL}"
            )))
        }
        Ok(_) => Ok(()),
    }
}

/// Runs `python3 SCRIPT --results OUT --out OUT/figures` headless.
pub fn render(script: &Path, out: &Path, quiet: bool) -> Result<(), Error> {
    let figures = out.join("figures");
    if !quiet {
        eprintln!(
            "plotting: python3 {} --results {} --out {}",
            script.display(),
            out.display(),
            figures.display()
        );
    }
    let status = Process::new("python3")
        .arg(script)
        .arg("--results")
        .arg(out)
        .arg("--out")
        .arg(&figures)
        .env("MPLBACKEND", "Agg")
        .status()
        .map_err(|e| Error::Plot(format!("cannot start python3 ({e}); {INSTALL}")))?;
    if !status.success() {
        return Err(Error::Plot(format!(
            "plot script {} failed ({status}); its message is above",
            script.display()
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn quick_replaces_same_flag_and_appends_others() {
        let args = v(&["theory", "--widths", "64,256", "--targets", "0.1", "-q"]);
        let quick = v(&["--widths=16", "--trials", "10"]);
        assert_eq!(
            merge_quick(&args, &quick),
            v(&[
                "theory",
                "--widths=16",
                "--targets",
                "0.1",
                "-q",
                "--trials",
                "10"
            ])
        );
        assert_eq!(merge_quick(&args, &[]), args);
    }

    #[test]
    fn negative_numbers_are_values() {
        let (lead, g) = groups(&v(&["--ring", "-1", "--x"]));
        assert!(lead.is_empty());
        assert_eq!(g, vec![v(&["--ring", "-1"]), v(&["--x"])]);
    }
}
