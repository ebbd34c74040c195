//! Ctrl-C and SIGTERM (a scheduler's pre-emption) ask a run to stop between chunks of trials, so
//! that every finished trial reaches the disk before the process exits.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

static REQUESTED: AtomicBool = AtomicBool::new(false);
static INSTALL: Once = Once::new();

/// Installs the handler once per process. A second signal while stopping exits at once.
pub fn install() {
    INSTALL.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            if REQUESTED.swap(true, Ordering::SeqCst) {
                eprintln!("\nstopping now; finished chunks are on disk (use --resume)");
                std::process::exit(130);
            }
            eprintln!("\ninterrupt: finishing the trials in flight, then saving (press again to quit at once)");
        });
    });
}

pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}
