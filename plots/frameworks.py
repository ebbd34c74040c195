"""Each framework's recurrent initialiser as an mc-gumbel ensemble and scale, with P(rho(W) > 1)
at every width run: exact for real Ginibre (Sinclair's Pfaffian, theory.csv of the `theory`
step), Monte Carlo with a 95% Wilson interval for the ensembles without an exact law
(radius_summary.csv of the `glorot*` and `torch-rnn*` steps), and 0 for orthogonal matrices
(rho = 1 exactly). Writes frameworks.md (the table, and what real Ginibre's exact factor for
P = 0.01, and for the other targets run, delivers to the other ensembles: the
`real-ginibre-exact:P` rows of rescaling.csv) and a figure of the same numbers against n.

    python3 plots/frameworks.py --results results/frameworks --out results/frameworks/figures
"""

from pathlib import Path

import numpy as np
import pandas as pd
import matplotlib.pyplot as plt

import common

MC_STEPS = ["glorot", "glorot-1024", "torch-rnn", "torch-rnn-1024"]
# PyTorch's nn.RNN/GRU/LSTM draw U(-1/sqrt(n), 1/sqrt(n)): Glorot uniform (U(-sqrt(3/n),
# sqrt(3/n))) times 1/sqrt(3). The CSVs spell the scale as the CLI was given it.
TORCH_SCALE = "0.5773502691896258"
BORROWED = "real-ginibre-exact:"  # + P: real Ginibre's exact factor for P, lent to the others

# (framework, initialiser, ensemble, scale), in the order of the table.
ROWS = [
    ("PyTorch", "`nn.RNN`, `nn.GRU`, `nn.LSTM` default, U(-1/sqrt(n), 1/sqrt(n))", "glorot-uniform", TORCH_SCALE),
    ("PyTorch", "`nn.init.xavier_normal_`", "real-ginibre", "glorot"),
    ("PyTorch", "`nn.init.xavier_uniform_`", "glorot-uniform", "glorot"),
    ("PyTorch", "`nn.init.orthogonal_`", "orthogonal", "glorot"),
    ("JAX / Flax", "`glorot_normal`", "truncated-normal-unit", "glorot"),
    ("JAX / Flax", "`lecun_normal` (square matrix)", "truncated-normal-unit", "glorot"),
    ("JAX / Flax", "`glorot_uniform`", "glorot-uniform", "glorot"),
    ("JAX / Flax", "`orthogonal`", "orthogonal", "glorot"),
    ("Flax", "`SimpleCell` recurrent default (`orthogonal`)", "orthogonal", "glorot"),
    ("Keras", "`GlorotNormal`", "truncated-normal-unit", "glorot"),
    ("Keras", "`GlorotUniform`", "glorot-uniform", "glorot"),
    ("Keras", "`Orthogonal` (`SimpleRNN` recurrent default)", "orthogonal", "glorot"),
    ("Haiku", "`VanillaRNN` default, `TruncatedNormal(1/sqrt(n))`, not re-normalised",
     "truncated-normal", "glorot"),
]

SCALE_TEXT = {"glorot": "glorot (variance 1/n)", TORCH_SCALE: "1/sqrt(3) = 0.57735 (variance 1/(3n))"}

# The figure: one series per (ensemble, scale): colour, marker, the initialisers it stands for.
SERIES = {
    ("real-ginibre", "glorot"): ("C3", "s", "PyTorch xavier_normal_"),
    ("truncated-normal-unit", "glorot"): ("C4", "D", "JAX/Flax glorot_normal, lecun_normal; Keras GlorotNormal"),
    ("glorot-uniform", "glorot"): ("C2", "o", "PyTorch xavier_uniform_; JAX/Flax glorot_uniform;\n"
                                   "  Keras GlorotUniform"),
    ("truncated-normal", "glorot"): ("C1", "^", "Haiku VanillaRNN default"),
    ("glorot-uniform", TORCH_SCALE): ("C0", "v", "PyTorch nn.RNN, nn.GRU, nn.LSTM default"),
    ("orthogonal", "glorot"): ("0.3", "x", "PyTorch orthogonal_; JAX/Flax orthogonal, Flax SimpleCell;\n"
                               "  Keras Orthogonal, SimpleRNN"),
}


def is_scale(column, scale):
    """Rows at this scale, whether the column was read as text or (all numeric) as floats."""
    text = column.astype(str)
    if (text == scale).any():
        return text == scale
    try:
        value = float(scale)
    except ValueError:
        return text == scale
    return np.isclose(np.asarray(column, float), value, rtol=1e-12, atol=0)


def fmt_mc(p, lo, hi, trials):
    """'0.905 (181/200; 95% CI 0.856 to 0.938)': the share, the count it is (where it is one),
    its Wilson interval."""
    k = p * trials
    count = f"{int(round(k))}/{int(trials)}; " if abs(k - round(k)) < 1e-6 else ""
    return f"{common.fmt_p(p)} ({count}95% CI {common.fmt_p(lo)} to {common.fmt_p(hi)})"


def cell(summary, theory, ensemble, scale, n):
    """The table's P(rho > 1) for one initialiser at width n, and its source ('exact', 'mc',
    'orthogonal', or None where the width was not run)."""
    if ensemble == "orthogonal":
        return "0 (rho = 1 exactly)", "orthogonal"
    if ensemble == "real-ginibre" and scale == "glorot":
        t = theory[(theory.ensemble == ensemble) & (theory.n == n)].exact_p_exceed_1.dropna()
        if len(t):
            return f"{common.fmt_p(float(t.iloc[0]))} (exact)", "exact"
    s = summary[(summary.ensemble == ensemble) & is_scale(summary.scale, scale) & (summary.n == n)]
    if s.empty:
        return "not run", None
    r = s.sort_values("trials", kind="stable").iloc[-1]  # sampled twice: the larger sample
    return fmt_mc(r.p_exceed_1, r.p_exceed_1_lo, r.p_exceed_1_hi, r.trials), "mc"


def precision_note(summary):
    """'f64 at n = 64, 256; f32 at n = 1024': the precision the Monte Carlo ran in, per width."""
    by = {}
    for (prec, n) in sorted(set(zip(summary.precision, summary.n)), key=lambda t: (t[1], t[0])):
        by.setdefault(prec, []).append(int(n))
    return "; ".join(f"{p} at n = {', '.join(str(n) for n in ns)}" for p, ns in by.items())


def write_table(path, summary, theory, rescaling, widths):
    lines = [
        "<!-- Written by plots/frameworks.py from the results of experiments/frameworks.toml; "
        "do not edit by hand. -->",
        "",
        "| framework | initialiser (recurrent matrix, n x n) | mc-gumbel ensemble | scale | "
        + " | ".join(f"P(rho > 1), n = {n}" for n in widths) + " |",
        "|---|---|---|---|" + "---|" * len(widths),
    ]
    for fw, init, e, scale in ROWS:
        cells = [cell(summary, theory, e, scale, n)[0] for n in widths]
        sc = ("(rho = 1 at any scale)" if e == "orthogonal"
              # Its entries are not re-normalised: variance sd_tn^2 / n, sd_tn = 0.8796.
              else "glorot (variance 0.774/n)" if e == "truncated-normal" and scale == "glorot"
              else SCALE_TEXT.get(scale, scale))
        lines.append(f"| {fw} | {init} | `{e}` | {sc} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "P(rho > 1): exact where marked (real Ginibre, Sinclair's Pfaffian), else Monte Carlo "
        "over dense eigenvalues: the share of sampled matrices with rho > 1 (count/trials) and its "
        f"95% Wilson interval ({precision_note(summary)}). Orthogonal matrices have every "
        "eigenvalue on the unit circle, so rho = 1 exactly"
        + orthogonal_check(summary) + "; \"not run\": the experiment has no such width.",
    ]
    lines += borrowed_table(rescaling, widths)
    path.write_text("\n".join(lines) + "\n")
    print(f"wrote {path}")


def orthogonal_check(summary):
    o = summary[summary.ensemble == "orthogonal"]
    if o.empty:
        return ""
    above = int(round((o.p_exceed_1 * o.trials).sum()))
    ns = ", ".join(str(int(n)) for n in sorted(o.n.unique()))
    return (f" (sampled: {above} of {int(o.trials.sum())} matrices at n = {ns} had rho > 1 "
            "beyond rounding)")


def borrowed_table(rescaling, widths):
    """What real Ginibre's exact factor for each target P (0.01 first, then the others run)
    delivers to the ensembles without an exact law of their own (by Monte Carlo), beside what it
    delivers to real Ginibre: P by construction."""
    r = rescaling[rescaling.factor_name.str.startswith(BORROWED) & rescaling.mc_p_exceed_1.notna()]
    if r.empty:
        return []
    targets = sorted(set(r.target_p.dropna()), key=lambda p: (p != 0.01, -p))
    ens = [e for e in dict.fromkeys(e for _, _, e, _ in ROWS) if e in set(r.ensemble)]
    ws = [n for n in widths if n in set(r.n)]
    out = [
        "",
        f"Rescaled by real Ginibre's exact factor for P (`{BORROWED}P` rows of rescaling.csv): "
        "W = f_n W_0 with f_n such that P(rho(f_n G) > 1) = P exactly for real Ginibre G. What it "
        "delivers to the ensembles without an exact law (Monte Carlo: count/trials, 95% Wilson "
        "interval):",
        "",
        "| target P | mc-gumbel ensemble | " + " | ".join(f"n = {n}" for n in ws) + " |",
        "|---|---|" + "---|" * len(ws),
    ]
    for target in targets:
        rt = r[r.target_p == target]
        factors = []
        for n in ws:
            f = rt[rt.n == n].factor.dropna()
            factors.append(f"{float(f.iloc[0]):.6f}" if len(f) else "not run")
        out.append(f"| {target:g} | factor f_n | " + " | ".join(factors) + " |")
        out.append(f"| {target:g} | `real-ginibre` | " + " | ".join(f"{target:g} (exact)" for _ in ws) + " |")
        for e in ens:
            cells = []
            for n in ws:
                d = rt[(rt.ensemble == e) & (rt.n == n)]
                if d.empty:
                    cells.append("not run")
                    continue
                # Sampled by two steps: the larger sample.
                x = max(d.itertuples(), key=lambda row: trials_of(row) or 0)
                trials = trials_of(x)
                cells.append(fmt_mc(x.mc_p_exceed_1, x.mc_p_exceed_1_lo, x.mc_p_exceed_1_hi, trials)
                             if trials else f"{common.fmt_p(x.mc_p_exceed_1)} (95% CI "
                             f"{common.fmt_p(x.mc_p_exceed_1_lo)} to {common.fmt_p(x.mc_p_exceed_1_hi)})")
            out.append(f"| {target:g} | `{e}` | " + " | ".join(cells) + " |")
    return out


_TRIALS = {}  # (step, ensemble, n) -> trials of the radius run the rescaling rows come from


def trials_of(row):
    return _TRIALS.get((row.step, row.ensemble, int(row.n)))


def draw(ax, summary, theory, widths, log):
    for (e, scale), (color, marker, names) in SERIES.items():
        what = common.ENSEMBLE_LABEL.get(e, e) + ("" if scale == "glorot" else f", scale {SCALE_TEXT[scale].split(' (')[0]}")
        label = f"{what}\n  ({names})"
        if e == "real-ginibre":
            t = theory[theory.ensemble == e].sort_values("n")
            t = t[t.exact_p_exceed_1.notna()]
            ax.plot(t.n, t.exact_p_exceed_1, "-", marker=marker, ms=4, color=color, lw=1.2,
                    label=label + f"\n  {common.exact_label(e)}")
            continue
        d = summary[(summary.ensemble == e) & is_scale(summary.scale, scale)]
        d = d.sort_values("trials", kind="stable").drop_duplicates("n", keep="last").sort_values("n")
        if d.empty:
            continue
        p, lo, hi = (d[c].to_numpy(float) for c in ("p_exceed_1", "p_exceed_1_lo", "p_exceed_1_hi"))
        # Side by side about each width, within a third of the closest gap between widths.
        gap = np.diff(np.log2(widths)).min() if len(widths) > 1 else 1.0
        step = min(0.1, gap / 3 / (len(SERIES) - 1))
        x = d.n.to_numpy(float) * 2 ** (step * (list(SERIES).index((e, scale)) - (len(SERIES) - 1) / 2))
        pos = (p > 0) | (not log)
        ax.errorbar(x[pos], p[pos], yerr=[p[pos] - lo[pos], hi[pos] - p[pos]], fmt=marker + "-",
                    ms=4, lw=0.9, capsize=2, color=color, mfc="white" if marker != "x" else color,
                    label=label + "\n  Monte Carlo, 95% Wilson CI")
        if log and (~pos).any():
            # None above 1 in the sample: a log axis shows its 95% Wilson upper bound, as a caret.
            ax.plot(x[~pos], hi[~pos], "v", ms=5, color=color, mfc="none")
    ax.set_xscale("log", base=2)
    ax.set_xticks(widths)
    ax.xaxis.set_major_formatter(plt.ScalarFormatter())
    ax.xaxis.set_minor_locator(plt.NullLocator())
    ax.set_xlim(widths[0] / 1.4, widths[-1] * 1.4)
    ax.set_xlabel("width n (matrix size)")
    ax.grid(True, alpha=0.3)


def main():
    args = common.parse_args(__doc__)
    theory = common.load(args.results, "theory", "theory.csv")
    summary = common.load_steps(args.results, "radius_summary.csv", MC_STEPS)
    rescaling = common.load_steps(args.results, "rescaling.csv", MC_STEPS)
    for r in summary.itertuples():
        _TRIALS.setdefault((r.step, r.ensemble, int(r.n)), int(r.trials))
    widths = sorted(set(int(n) for n in summary.n) | set(int(n) for n in theory.n))

    fig, (a, b) = plt.subplots(1, 2, figsize=(11.0, 4.8), layout="constrained")
    draw(a, summary, theory, widths, log=False)
    a.axhline(1.0, color="0.5", lw=0.6)
    a.set_ylim(-0.03, 1.05)
    a.set_ylabel(r"P($\rho(W)$ > 1) (probability)")
    a.set_title("(a) linear scale", fontsize=8)
    draw(b, summary, theory, widths, log=True)
    b.set_yscale("log")
    # Low enough for every drawn point and interval end (a caret at its upper bound, a rare
    # exceedance down to its lower bound).
    ends = pd.concat([summary.p_exceed_1_hi, summary.p_exceed_1_lo])
    b.set_ylim(min(1e-3, 0.5 * ends[ends > 0].min()), 1.3)
    b.set_ylabel(r"P($\rho(W)$ > 1), log scale")
    b.set_title("(b) log scale, for those that rarely exceed 1\n"
                "(caret: none in the sample, drawn at its 95% Wilson upper bound)", fontsize=8)
    handles, labels = a.get_legend_handles_labels()
    handles.append(plt.Line2D([], [], color="0.3", marker="x", ls="none"))
    labels.append(f"orthogonal: ρ = 1 exactly, never above 1\n  ({SERIES[('orthogonal', 'glorot')][2]})")
    # Orthogonal is drawn from its samples too; the legend names it once, with the reason.
    keep = [i for i, l in enumerate(labels) if not l.startswith(common.ENSEMBLE_LABEL["orthogonal"] + "\n")]
    fig.legend([handles[i] for i in keep], [labels[i] for i in keep], loc="outside right center",
               fontsize=6.5, frameon=False)
    lo, hi = int(summary.trials.min()), int(summary.trials.max())
    fig.suptitle("Frameworks' recurrent initialisers (square n x n matrix): how often the spectral "
                 "radius exceeds 1\nMonte Carlo over dense eigenvalues, "
                 + (f"{lo} to {hi}" if lo != hi else f"{lo}") + " matrices per point "
                 f"({precision_note(summary)}), 95% Wilson intervals", fontsize=9)
    common.save(fig, args.out, "frameworks")
    write_table(Path(args.out) / "frameworks.md", summary, theory, rescaling, widths)


if __name__ == "__main__":
    main()
