"""Shared helpers of the plot scripts: arguments, loading CSVs with their contracted columns,
the laws the figures draw (Gumbel; the exact laws of complex and real Ginibre, from the
theory_cdf.csv that `mc-gumbel theory --cdf-points K` writes), and saving PNG + PDF.

Every script is run as `python3 plots/NAME.py --results DIR --out DIR/figures`, where DIR is the
output folder of `mc-gumbel run experiments/NAME.toml` (one subfolder per step).
"""

import argparse
import math
import os
import sys
from pathlib import Path

import matplotlib

# Headless everywhere (CI, ssh): never ask for a display.
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def fail(message):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(1)


# The package's reader, so that the figures read the CSVs exactly as users do. COLUMNS: the
# columns each CSV of mc-gumbel contracts to, as the Rust row types define them
# (`mc_gumbel._core.columns()`, what `mc-gumbel columns` prints); read_table checks them.
try:
    from mc_gumbel.results import COLUMNS, read_results, read_table  # noqa: E402, F401
except ImportError as e:
    fail("the plots read results through the mc_gumbel package: pip install ./python "
         f"(from the repository root); {e}")

# Display names: the CSVs keep the CLI's spelling, the figures say what it is.
ENSEMBLE_LABEL = {
    "complex-ginibre": "complex Ginibre",
    "real-ginibre": "real Ginibre (Glorot normal)",
    "quaternion-ginibre": "quaternion Ginibre",
    "glorot-uniform": "Glorot uniform",
    "truncated-normal": "truncated normal (±2 sd, Haiku's; not re-normalised)",
    "truncated-normal-unit": "truncated normal, re-normalised (JAX glorot_normal)",
    "orthogonal": "orthogonal",
    "diag-uniform": "diagonal, uniform on the disk (LRU-style)",
}

# Short enough for a panel's width; the figures say elsewhere that rho is dimensionless and that
# 1 is the unit circle.
RHO_LABEL = r"spectral radius $\rho(W)$"

_read = []  # CSVs read by this script, recorded beside its figures for the tests


def parse_args(description):
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--results", required=True, type=Path,
                   help="output folder of `mc-gumbel run experiments/NAME.toml`")
    p.add_argument("--out", type=Path, default=None,
                   help="where figures go [default: RESULTS/figures]")
    a = p.parse_args()
    if not a.results.is_dir():
        fail(f"results folder '{a.results}' does not exist; run the experiment first")
    if a.out is None:
        a.out = a.results / "figures"
    plt.rcParams.update({"figure.dpi": 100, "savefig.dpi": 150, "font.size": 9,
                         "axes.titlesize": 9, "legend.fontsize": 7})
    return a


def load(results, step, name, required=None):
    """`results/step/name` as a DataFrame, failing clearly if it, a contracted column
    (`COLUMNS`) or a `required` one is missing."""
    path = Path(results) / step / name
    if not path.is_file():
        fail(f"{path} is missing: did step '{step}' of the experiment run?")
    try:
        table = read_table(path)
    except ValueError as e:
        fail(str(e))
    missing = [c for c in required or [] if c not in table.columns]
    if missing:
        fail(f"{path} lacks column(s) {', '.join(missing)}; it has {', '.join(table.columns)}")
    _read.append(path)
    return table.to_pandas()


def load_steps(results, name, steps):
    """The concatenation of `name` over the given steps (those present), with a `step` column."""
    try:
        table = read_results(results).concat(name, steps)
    except (FileNotFoundError, ValueError) as e:
        fail(str(e))
    _read.extend(p for p in (Path(results) / step / name for step in steps) if p.is_file())
    return table.to_pandas()


def options(results, step):
    """The options a step ran with (the `options` of its manifest.json: batch, explode_factor,
    ...), so that a figure states what was run rather than what the experiment file said; {}
    where the step has no manifest."""
    manifest = read_results(results).step(step).manifest
    return dict((manifest or {}).get("options") or {})


def save(fig, out, name):
    """Writes out/name.png and out/name.pdf, and out/name.inputs (the CSVs read, one a line)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for ext in ("png", "pdf"):
        fig.savefig(out / f"{name}.{ext}", bbox_inches="tight")
    plt.close(fig)
    with open(out / f"{name}.inputs", "w") as f:
        for p in _read:
            f.write(os.path.abspath(p) + "\n")
    print(f"wrote {out / name}.png and .pdf")


def fmt_p(p):
    """A probability to about three significant digits, and its distance from 1 to two where it
    is near 1: 0.883, 0.0027, 0.99961, 1 - 2.3e-09; 0 and 1 exactly as 0 and 1; "n/a" for a
    missing value (NaN)."""
    if p != p:
        return "n/a"
    if p == 0 or p == 1:
        return f"{p:.0f}"
    if 1 - p < 1e-6:  # beyond what a decimal fraction shows readably
        return f"1 - {1 - p:.1e}"
    if p < 1e-4:
        return f"{p:.1e}"
    return f"{p:.{max(3, math.ceil(-math.log10(min(p, 1 - p))) + 1)}f}"


def width_range(ns):
    ns = sorted(set(int(n) for n in ns))
    return f"n = {ns[0]}" if len(ns) == 1 else f"n = {ns[0]} to {ns[-1]}"


def gumbel_pdf(x, loc, scale):
    z = (np.asarray(x) - loc) / scale
    return np.exp(-z - np.exp(-z)) / scale


EXACT_LABEL = {
    "complex-ginibre": "exact (Kostlan)",
    "real-ginibre": "exact (Sinclair's Pfaffian)",
    "quaternion-ginibre": "exact (gamma moduli, Rider)",
}


def exact_label(ensemble):
    """'exact (Kostlan)' / 'exact (Sinclair's Pfaffian)': where each ensemble's exact law comes
    from (docs/math/kostlan.md, docs/math/real_ginibre.md)."""
    return EXACT_LABEL.get(ensemble, "exact")


def is_true(column):
    """A boolean CSV column (written true/false) as a boolean Series, whatever type it was read as
    (bool; text where a field is empty)."""
    return column.astype(str).str.lower() == "true"


def exact_curve(cdf, ensemble, n):
    """(r, CDF, density) of the exact law of rho for one ensemble and width, from theory_cdf.csv
    (`mc-gumbel theory --cdf-points K`: the CDF at K radii between the 1e-6 and 1 - 1e-6
    quantiles). The density is the CDF differentiated on that grid (np.gradient, second order);
    with K ~ 400 it is indistinguishable from the analytic density at figure resolution. None if
    the file has no such curve."""
    d = cdf[(cdf.ensemble == ensemble) & (cdf.n == n)].sort_values("r")
    if len(d) < 3:
        return None
    r, F = d.r.to_numpy(float), d.cdf.to_numpy(float)
    return r, F, np.gradient(F, r)


def promise(rescaling, ensemble):
    """What the published factor promises to this ensemble: target_p of its `paper` rows in
    rescaling.csv (0.1442 complex Ginibre, 0.0749 real Ginibre, Glorot uniform and the
    re-normalised truncated normal), or None where it promises nothing (empty: the un-normalised
    truncated normal, orthogonal) or the ensemble has no rows."""
    p = rescaling[(rescaling.ensemble == ensemble) & (rescaling.factor_name == "paper")].target_p.dropna()
    return float(p.iloc[0]) if len(p) else None
