"""Shared fixtures: the CLI binary the package is checked against, and a runner for it.

The tests compare the package with the command line to the last bit, so they need the binary
built from the same tree: `cargo build --release` (the README's test command builds it before
it runs pytest). A missing binary fails the tests rather than skipping them.
"""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def cli_bin() -> Path:
    path = Path(os.environ.get("MC_GUMBEL_BIN", ROOT / "target" / "release" / "mc-gumbel"))
    if not path.is_file():
        pytest.fail(f"{path} is missing: run `cargo build --release` first (or set MC_GUMBEL_BIN)")
    return path


@pytest.fixture(scope="session")
def cli(cli_bin):
    """Runs the CLI with the given arguments; returns the completed process (check=False)."""

    def run(*args, check=True):
        done = subprocess.run([str(cli_bin), *map(str, args)], capture_output=True, text=True)
        if check and done.returncode != 0:
            raise AssertionError(f"mc-gumbel {' '.join(map(str, args))} failed:\n{done.stderr}")
        return done

    return run
