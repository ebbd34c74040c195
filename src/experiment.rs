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
//! Each step is parsed by the same clap [`Cli`] as the command line and dispatched through
//! [`app::run`], so a step means exactly what it would mean typed at the shell. Every step is
//! parsed before any runs, so a typo in the last step costs nothing.

use crate::app;
use crate::cli::Cli;
use crate::error::Error;
use clap::{Args, CommandFactory, Parser};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

#[derive(Debug, Args, Clone)]
pub struct RunArgs {
    /// Experiment file (experiments/NAME.toml)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Run the same pipeline at tiny size (each step's `quick` arguments replace its own)
    #[arg(long)]
    pub quick: bool,
    /// Render the experiment's figures after the run (python3 with plots/requirements.txt)
    #[arg(long)]
    pub plot: bool,
    /// Output folder; each step writes into a subfolder named after it [default: results/<name>]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Overwrite results already in the output folders
    #[arg(long)]
    pub force: bool,
    /// No progress bars or log lines (errors are still printed)
    #[arg(long, short)]
    pub quiet: bool,
}

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

/// Flag "run" in every error: the message names the file and step, which is what the user edits.
fn usage(message: String) -> Error {
    Error::usage("run", message)
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

/// Whether the subcommand that `args` starts with (or the default radius job) takes `--long`.
fn accepts(args: &[String], long: &str) -> bool {
    let root = Cli::command();
    let takes = |c: &clap::Command| c.get_arguments().any(|a| a.get_long() == Some(long));
    match args.first().and_then(|s| root.find_subcommand(s)) {
        Some(sub) => takes(sub),
        None => takes(&root),
    }
}

/// The full command line of one step, program name first.
pub fn step_argv(exp: &Experiment, step: &Step, opts: &RunArgs, out: &Path) -> Vec<String> {
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
        if accepts(&args, "seed") && !args.iter().any(|a| flag_key(a) == Some("seed")) {
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

pub fn run(opts: &RunArgs) -> Result<(), Error> {
    let file = opts.file.display();
    let exp = load(&opts.file)?;
    let out = opts
        .out
        .clone()
        .unwrap_or_else(|| Path::new("results").join(&exp.name));
    // Parse every step first: nothing runs if any step is malformed.
    let mut parsed = Vec::new();
    for step in &exp.steps {
        let all = step.args.iter().chain(&step.quick);
        if all.clone().any(|a| flag_key(a) == Some("out")) {
            return Err(usage(format!(
                "{file}, step '{}': remove --out; the step writes into <out>/{}",
                step.name, step.name
            )));
        }
        let argv = step_argv(&exp, step, opts, &out);
        let cli = Cli::try_parse_from(&argv).map_err(|e| {
            let msg = e.to_string();
            let first = msg
                .lines()
                .next()
                .unwrap_or("")
                .trim_start_matches("error: ");
            usage(format!("{file}, step '{}': {first}", step.name))
        })?;
        parsed.push((step, argv, cli));
    }
    // With --plot, check python before any step runs: a long run should not end in "pip install".
    let plot = if opts.plot {
        check_python()?;
        Some(plot_script(&exp, &opts.file)?)
    } else {
        None
    };
    std::fs::create_dir_all(&out).map_err(|e| Error::io(&out, e))?;
    write_record(&exp, opts, &out, &parsed)?;
    for (step, argv, cli) in parsed {
        if !opts.quiet {
            eprintln!(
                "[{}] step '{}': {}",
                exp.name,
                step.name,
                argv[1..].join(" ")
            );
        }
        app::run(cli).map_err(|e| match e {
            Error::Usage { flag, message } => Error::Usage {
                flag,
                message: format!("{file}, step '{}': {message}", step.name),
            },
            other => {
                eprintln!("error in {file}, step '{}':", step.name);
                other
            }
        })?;
    }
    if let Some(script) = plot {
        render(&script, &out, opts.quiet)?;
    }
    Ok(())
}

/// `experiment.json` beside the step folders: which file, which mode, each step's exact command.
fn write_record(
    exp: &Experiment,
    opts: &RunArgs,
    out: &Path,
    parsed: &[(&Step, Vec<String>, Cli)],
) -> Result<(), Error> {
    let steps: Vec<_> = parsed
        .iter()
        .map(|(s, argv, _)| serde_json::json!({ "name": s.name, "argv": argv }))
        .collect();
    let record = serde_json::json!({
        "name": exp.name,
        "description": exp.description,
        "file": opts.file,
        "quick": opts.quick,
        "figure": exp.figure,
        "steps": steps,
    });
    let path = out.join("experiment.json");
    let text = serde_json::to_string_pretty(&record).map_err(std::io::Error::other);
    text.and_then(|t| std::fs::write(&path, t + "\n"))
        .map_err(|e| Error::io(path, e))
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

const INSTALL: &str =
    "install the plotting dependencies with: pip install -r plots/requirements.txt";

fn check_python() -> Result<(), Error> {
    let check = Process::new("python3")
        .args(["-c", "import matplotlib, pandas, numpy, scipy"])
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
fn render(script: &Path, out: &Path, quiet: bool) -> Result<(), Error> {
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

    #[test]
    fn seed_only_where_accepted() {
        assert!(accepts(&v(&["--widths", "4"]), "seed"));
        assert!(!accepts(&v(&["theory"]), "seed"));
    }
}
