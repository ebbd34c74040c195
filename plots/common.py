"""Shared helpers of the plot scripts: arguments, loading CSVs with their contracted columns,
the laws the figures draw (Gumbel, Kostlan's exact law), and saving PNG + PDF.

Every script is run as `python3 plots/NAME.py --results DIR --out DIR/figures`, where DIR is the
output folder of `mc-gumbel run experiments/NAME.toml` (one subfolder per step).
"""

import argparse
import json
import os
import sys
from pathlib import Path

import matplotlib

# Headless everywhere (CI, ssh): never ask for a display.
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from scipy import special  # noqa: E402

# The columns each CSV of mc-gumbel contracts to, as the Rust row types define them
# (`mc-gumbel columns` writes docs/columns.json; a test keeps it current). Scripts read columns
# by name and check that these are present.
COLUMNS = json.loads((Path(__file__).resolve().parent.parent / "docs" / "columns.json").read_text())

# Display names: the CSVs keep the CLI's spelling, the figures say what it is.
ENSEMBLE_LABEL = {
    "complex-ginibre": "complex Ginibre",
    "real-ginibre": "real Ginibre (Glorot normal)",
    "glorot-uniform": "Glorot uniform",
    "truncated-normal": "truncated normal (±2 sd)",
    "orthogonal": "orthogonal",
    "diag-uniform": "diagonal, uniform on the disk (LRU-style)",
}

RHO_LABEL = r"spectral radius $\rho(W)$ (dimensionless; 1 = unit circle)"

_read = []  # CSVs read by this script, recorded beside its figures for the tests


def fail(message):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(1)


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
    """`results/step/name` as a DataFrame, failing clearly if it or a needed column is missing."""
    path = Path(results) / step / name
    if not path.is_file():
        fail(f"{path} is missing: did step '{step}' of the experiment run?")
    df = pd.read_csv(path)
    need = required if required is not None else COLUMNS.get(name, [])
    missing = [c for c in need if c not in df.columns]
    if missing:
        fail(f"{path} lacks column(s) {', '.join(missing)}; it has {', '.join(df.columns)}")
    _read.append(path)
    return df


def load_steps(results, name, steps):
    """The concatenation of `name` over the given steps (those present), with a `step` column."""
    frames = []
    for step in steps:
        if (Path(results) / step / name).is_file():
            frames.append(load(results, step, name).assign(step=step))
    if not frames:
        fail(f"no {name} under {results} in any of the steps {', '.join(steps)}")
    return pd.concat(frames, ignore_index=True)


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


def width_range(ns):
    ns = sorted(set(int(n) for n in ns))
    return f"n = {ns[0]}" if len(ns) == 1 else f"n = {ns[0]} to {ns[-1]}"


def gumbel_pdf(x, loc, scale):
    z = (np.asarray(x) - loc) / scale
    return np.exp(-z - np.exp(-z)) / scale


def kostlan_cdf_pdf(n, r):
    """Exact CDF and density of the spectral radius of an n x n complex Ginibre matrix with
    entry variance 1/n (Kostlan 1992): F(r) = prod_k P(k, n r^2), P the regularised lower
    incomplete gamma, and f = F * sum_k 2 n r g_k(n r^2) / P(k, n r^2), g_k the Gamma(k, 1)
    density. Computed in log space over all k (cost n x len(r): fine up to n of a few
    thousand, which is all the histograms need; the Rust side has the O(sqrt n) version)."""
    r = np.atleast_1d(np.asarray(r, dtype=float))
    k = np.arange(1, n + 1, dtype=float)[:, None]
    cdf = np.zeros_like(r)
    pdf = np.zeros_like(r)
    lgk = special.gammaln(k)
    for i in range(0, len(r), 64):  # chunks keep the n x chunk matrices small
        rr = r[i:i + 64]
        x = n * rr[None, :] ** 2
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            p = special.gammainc(k, x)
            logf = np.sum(np.log(p), axis=0)
            f = np.exp(logf)
            log_g = (k - 1) * np.log(x) - x - lgk
            ratio = np.where(p > 0, np.exp(log_g - np.log(p)), 0.0)
            dens = f * np.sum(ratio, axis=0) * 2 * n * rr
        cdf[i:i + 64] = np.where(np.isfinite(f), f, 0.0)
        pdf[i:i + 64] = np.where(np.isfinite(dens), dens, 0.0)
    return cdf, pdf
