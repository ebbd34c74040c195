//! The machine: what the manifest records of it, and how much memory a plan may use.

use serde::{Deserialize, Serialize};

/// `MemAvailable` from `/proc/meminfo`, in bytes; `None` where that is not readable.
pub fn available_memory_bytes() -> Option<u64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// The machine a run ran on, as its manifest records it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Host {
    pub hostname: Option<String>,
    pub os: String,
    pub arch: String,
    pub logical_cpus: usize,
    pub cpu_model: Option<String>,
    pub memory_available_bytes: Option<u64>,
}

impl Host {
    pub fn detect() -> Host {
        let hostname = std::fs::read_to_string("/proc/sys/kernel/hostname")
            .or_else(|_| std::fs::read_to_string("/etc/hostname"))
            .ok()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
        let cpu_model = std::fs::read_to_string("/proc/cpuinfo").ok().and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        });
        Host {
            hostname,
            os: std::env::consts::OS.into(),
            arch: std::env::consts::ARCH.into(),
            logical_cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
            cpu_model,
            memory_available_bytes: available_memory_bytes(),
        }
    }
}
