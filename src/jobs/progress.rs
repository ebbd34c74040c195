//! Progress bars with ETA on a terminal, one plain line per finished cell otherwise.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

#[derive(Clone, Copy, Debug)]
pub struct Progress {
    bars: bool,
    lines: bool,
}

impl Progress {
    /// Bars only on a terminal; per-cell lines unless `--quiet` (batch logs want them).
    pub fn new(quiet: bool) -> Self {
        Progress {
            bars: !quiet && std::io::stderr().is_terminal(),
            lines: !quiet,
        }
    }

    pub fn silent() -> Self {
        Progress {
            bars: false,
            lines: false,
        }
    }

    pub fn bar(&self, label: &str, len: u64) -> ProgressBar {
        if !self.bars {
            return ProgressBar::hidden();
        }
        let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr_with_hz(4));
        bar.set_style(
            ProgressStyle::with_template(
                "{prefix:.bold} [{bar:30.cyan/blue}] {pos}/{len} trials  {per_sec}  ETA {eta}",
            )
            .expect("the template is valid")
            .progress_chars("=> "),
        );
        bar.set_prefix(label.to_string());
        bar
    }

    /// A line for the log; printed above any bar so it does not tear it.
    pub fn line(&self, bar: &ProgressBar, text: &str) {
        if !self.lines {
            return;
        }
        if bar.is_hidden() {
            eprintln!("{text}");
        } else {
            bar.println(text);
        }
    }
}
