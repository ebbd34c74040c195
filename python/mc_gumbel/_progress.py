"""A one-line progress report with ETA for long calls, on stderr (``progress=True``)."""

from __future__ import annotations

import sys
import time


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class ProgressLine:
    """Called as ``progress(done, total)`` between chunks of work; rewrites one stderr line
    (``\\r``, which terminals and notebooks both honour) and ends it when the work is done."""

    def __init__(self, label: str, unit: str) -> None:
        self.label, self.unit = label, unit
        self.started = time.perf_counter()

    def __call__(self, done: int, total: int) -> None:
        elapsed = time.perf_counter() - self.started
        eta = elapsed / done * (total - done) if done else 0.0
        line = (f"\r{self.label}: {done}/{total} {self.unit} ({100 * done / total:.0f}%), "
                f"{_duration(elapsed)} elapsed, ETA {_duration(eta)}")
        sys.stderr.write(line + ("\n" if done >= total else ""))
        sys.stderr.flush()
