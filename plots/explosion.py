"""When does the linear RNN h_t = W h_(t-1) + x_t explode? Left: median explosion time against n
(log-log) for complex and real Ginibre at Glorot scale, with distribution-free 95% intervals, the
n^(1/2) reference, the explosion time implied by the radius alone (predicted_median: t*(rho) under
the exact law of rho, docs/math/rnn.md) and the exponent fitted over the larger half of the
widths. Right: P(explode by T) against T (the empirical CDF of explode_time per cell; a trial that
never exploded never counts) for real Ginibre at each width and scale. Reads explosion.csv of the
`glorot*` steps and explosion.csv and hidden_trials.csv of the `scales*` steps.

    python3 plots/explosion.py --results results/explosion --out results/explosion/figures
"""

from pathlib import Path

import numpy as np
import matplotlib
import matplotlib.pyplot as plt
from matplotlib.lines import Line2D
from matplotlib.ticker import LogLocator, NullFormatter, NullLocator, ScalarFormatter
from scipy import stats

import common

ENSEMBLE_COLOR = {"complex-ginibre": "C0", "real-ginibre": "C3"}
SCALE_STYLE = {"glorot": "-", "paper": "--", "half": ":", "exact:0.01": "-."}
SCALE_LABEL = {
    "glorot": "glorot (1)",
    "paper": "paper (published factor)",
    "half": r"half (1/$\sqrt{2}$)",
    "exact:0.01": r"exact:0.01 ($P(\rho>1) = 0.01$)",
}


def steps_named(results, prefix):
    """The step folders of the experiment whose name starts with prefix, in name order."""
    return sorted(p.name for p in Path(results).iterdir() if p.is_dir() and p.name.startswith(prefix))


def fit_exponent(n, t):
    """Least squares of log t on log n: (slope, lo, hi) with the 95% interval from the slope's
    standard error and Student's t with len(n) - 2 degrees of freedom (lo = hi = None with fewer
    than 3 points)."""
    x, y = np.log(np.asarray(n, float)), np.log(np.asarray(t, float))
    slope, intercept = np.polyfit(x, y, 1)
    if len(x) < 3:
        return slope, intercept, None, None
    resid = y - (slope * x + intercept)
    se = np.sqrt(resid @ resid / (len(x) - 2) / np.sum((x - x.mean()) ** 2))
    q = stats.t.ppf(0.975, len(x) - 2)
    return slope, intercept, slope - q * se, slope + q * se


def arrow(ax, x, y0, y1, color):
    ax.annotate("", xy=(x, y1), xytext=(x, y0),
                arrowprops=dict(arrowstyle="-|>", color=color, lw=0.8, mutation_scale=7))


def panel_median(ax, ex):
    ex = ex[ex.scale == "glorot"]
    # A width sampled by two steps: keep the cell with the most trials.
    ex = ex.sort_values("trials").drop_duplicates(["ensemble", "n"], keep="last")
    widths = np.sort(ex.n.unique())
    steps = int(ex.steps.max())
    # The larger half of the widths (the upper ceil(k/2)): the exponent there is the asymptotic one.
    fit_widths = widths[len(widths) // 2:]
    anchor = []  # log medians at the fit's smallest width
    ensembles = [e for e in ENSEMBLE_COLOR if e in set(ex.ensemble)] + \
        [e for e in ex.ensemble.unique() if e not in ENSEMBLE_COLOR]
    for i, e in enumerate(ensembles):
        d = ex[ex.ensemble == e].sort_values("n")
        c = ENSEMBLE_COLOR.get(e, f"C{i + 4}")
        shift = 0.96 if i % 2 == 0 else 1.04  # side by side, so the bars do not overlap
        x = d.n.to_numpy(float) * shift
        med, lo, hi = (d[k].to_numpy(float) for k in ("median", "median_lo", "median_hi"))
        ok = ~np.isnan(med)
        ax.plot(x[ok], med[ok], "o", ms=4, color=c, label=f"{common.ENSEMBLE_LABEL.get(e, e)}: median, "
                "95% order-statistic interval")
        for xi, m, l, h in zip(x[ok], med[ok], lo[ok], hi[ok]):
            # An empty bound: the interval is unbounded on that side (too few trials, or too
            # many never exploded): an open bar with an arrow.
            ax.plot([xi, xi], [m if np.isnan(l) else l, m if np.isnan(h) else h], "-", color=c, lw=0.9)
            if np.isnan(h):
                arrow(ax, xi, m, m * 1.6, c)
            if np.isnan(l):
                arrow(ax, xi, m, m / 1.6, c)
        for xi in x[~ok]:  # more than half never exploded within the run: the median exceeds it
            arrow(ax, xi, steps, steps * 1.6, c)
            ax.plot(xi, steps, "_", color=c, ms=7)
        pred = d.predicted_median.to_numpy(float)
        pok = ~np.isnan(pred)
        large = d.n.isin(fit_widths).to_numpy()
        # The prediction is computed from the exact law (no sampling error): its local slope over
        # the same widths is the exponent it implies.
        pslope = f" (slope {fit_exponent(d.n[pok & large], pred[pok & large])[0]:.2f} over the fit's widths)" \
            if (pok & large).sum() >= 2 else ""
        ax.plot(d.n.to_numpy(float)[pok], pred[pok], "--", color=c, lw=1,
                label=f"  radius-implied median $t^*(\\rho)$, exact law of $\\rho${pslope}")
        sel = ok & large
        if sel.sum() >= 2:
            slope, intercept, slo, shi = fit_exponent(d.n[sel], med[sel])
            nn = np.array([d.n[sel].min(), d.n[sel].max()], float)
            ci = f" [{slo:.2f}, {shi:.2f}]" if slo is not None else " (2 widths: no interval)"
            ax.plot(nn, np.exp(intercept) * nn ** slope, "-", color=c, lw=2.2, alpha=0.45,
                    label=f"  fit, n = {int(nn[0])} to {int(nn[1])}: median $\\propto n^{{{slope:.2f}}}$,"
                    f" 95% CI{ci}\n  (least squares of log median on log n; interval: standard error, Student t)")
        # The reference slope goes through the medians at the fit's smallest width, so that its
        # slope and the fitted ones can be compared by eye.
        at = ok & (d.n == fit_widths[0]).to_numpy()
        if at.any():
            anchor.append(np.log(med[at][0]))
    if anchor:
        nn = np.array([widths[0], widths[-1]], float)
        ax.plot(nn, np.exp(np.mean(anchor)) * (nn / fit_widths[0]) ** 0.5, "k:", lw=1,
                label=f"reference $\\propto n^{{1/2}}$ (through the medians at n = {fit_widths[0]})")
    if ex["median"].isna().any() or ex["median_hi"].isna().any():  # something reaches the end of the run
        ax.axhline(steps, color="0.5", lw=0.7)
        ax.text(widths[0], steps * 0.9, f"end of run ({steps} steps)", fontsize=6.5, color="0.4", va="top")
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_xticks(widths)
    ax.xaxis.set_major_formatter(ScalarFormatter())
    ax.xaxis.set_minor_locator(NullLocator())
    ax.yaxis.set_major_locator(LogLocator(subs=(1, 2, 5)))
    ax.yaxis.set_major_formatter(ScalarFormatter())
    ax.yaxis.set_minor_formatter(NullFormatter())
    ax.set_xlabel("width n (matrix size)")
    ax.set_ylabel("explosion time (steps t until mean $\\|h_t\\|^2/n > 10\\,t$)")
    per_n = ex.groupby("n").trials.min()
    ax.set_title(f"(a) Median explosion time, Glorot scale\n{common.width_range(widths)}, "
                 + (f"{per_n.max()}" if per_n.min() == per_n.max() else f"{per_n.min()} to {per_n.max()}")
                 + " matrices per ensemble and width")
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize=6.5, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=1, frameon=False)


def panel_ecdf(ax, trials, ex, ensembles, widths):
    # Every cell of these ensembles and widths, whichever step sampled it (the glorot cells may
    # come from the glorot steps); a cell sampled twice: the one with the most trials.
    ex = ex[ex.ensemble.isin(ensembles) & ex.n.isin(widths)]
    cells = ex.sort_values("trials").drop_duplicates(["ensemble", "scale", "n"], keep="last")
    trials = trials.merge(cells[["ensemble", "scale", "n", "step"]], on=["ensemble", "scale", "n", "step"])
    widths = sorted(trials.n.unique())
    wcolor = {n: f"C{i}" for i, n in enumerate(widths)}
    tmax = int(cells.steps.max())
    T = np.unique(np.round(np.geomspace(1, tmax, 400)).astype(int))
    scales = [s for s in SCALE_STYLE if s in set(trials.scale)] + \
        [s for s in trials.scale.unique() if s not in SCALE_STYLE]
    first = trials.explode_time.min()
    xlim = (10 if first >= 10 else 1, tmax * 1.3)
    # The other scales hardly ever explode: their lines lie near 0, so an inset zooms in on them.
    small = cells[cells.scale != "glorot"]
    ins = ax.inset_axes([0.6, 0.1, 0.37, 0.42]) if len(small) else None
    top = 0.0
    for (e, s, n), d in trials.groupby(["ensemble", "scale", "n"]):
        cell = cells[(cells.ensemble == e) & (cells.scale == s) & (cells.n == n)].iloc[0]
        t = d.explode_time.to_numpy(float)
        t = np.sort(t[~np.isnan(t)])  # never exploded: NaN, never counted
        p = np.searchsorted(t, T[T <= cell.steps], side="right") / len(d)
        pred = cell.predicted_p_by_steps
        for a in [ax] + ([ins] if s != "glorot" and ins is not None else []):
            a.plot(T[T <= cell.steps], p, SCALE_STYLE.get(s, "-"), color=wcolor[n], lw=1.2,
                   drawstyle="steps-post")
            if not np.isnan(pred):
                a.plot(cell.steps * 1.12, pred, "o", mfc="none", ms=4, color=wcolor[n])
        if s != "glorot":
            top = max(top, p.max() if len(p) else 0.0, 0.0 if np.isnan(pred) else pred)
    if ins is not None:
        ins.set_xscale("log")
        ins.set_xlim(*xlim)
        ins.set_ylim(-0.002, max(0.02, 1.25 * top))
        ins.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0, decimals=1))
        ins.tick_params(labelsize=6)
        ins.grid(True, alpha=0.3)
        # Cells in which no matrix exploded within the run: their lines lie on 0; say which.
        never = small[small.never_exploded >= 1.0]
        lines = [f"{SCALE_LABEL.get(s, s).split(' (')[0]} at n = {', '.join(str(n) for n in sorted(d.n))}"
                 for s, d in never.groupby("scale", sort=False)]
        ins.set_title("zoom: the scales other than glorot", fontsize=6.5)
        if lines:
            ins.text(0.03, 0.96, "none exploded:\n" + "\n".join(lines), transform=ins.transAxes,
                     ha="left", va="top", fontsize=6)
    ax.set_xscale("log")
    ax.set_xlim(*xlim)
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel("T (time steps)")
    ax.set_ylabel("P(explode by T): share of matrices W exploded by step T")
    e = trials.ensemble.unique()
    who = common.ENSEMBLE_LABEL.get(e[0], e[0]) if len(e) == 1 else ", ".join(e)
    counts = cells.groupby("n").trials.min()
    ax.set_title(f"(b) P(explode by T), {who}\nmatrices per scale: "
                 + ", ".join(f"{counts[n]} at n = {n}" for n in widths))
    ax.grid(True, alpha=0.3)
    h_w = [Line2D([], [], color=wcolor[n], lw=2, label=f"n = {n}") for n in widths]
    h_s = [Line2D([], [], color="k", ls=SCALE_STYLE.get(s, "-"), lw=1.2, label=SCALE_LABEL.get(s, s))
           for s in scales]
    h_p = [Line2D([], [], color="k", marker="o", mfc="none", ls="none", ms=4,
                  label="radius-implied P(explode by end),\nexact law of $\\rho$")]
    ax.legend(handles=h_w + h_s + h_p, fontsize=6.5, loc="upper center", bbox_to_anchor=(0.5, -0.12),
              ncol=2, frameon=False)


def main():
    args = common.parse_args(__doc__)
    glorot_steps = steps_named(args.results, "glorot")
    scale_steps = steps_named(args.results, "scales")
    ex = common.load_steps(args.results, "explosion.csv", glorot_steps + scale_steps)
    trials = common.load_steps(args.results, "hidden_trials.csv", glorot_steps + scale_steps)
    ex_a = ex[ex.step.isin(glorot_steps)]
    ex_b = ex[ex.step.isin(scale_steps)]
    if ex_a.empty or ex_b.empty:
        common.fail(f"{args.results} needs glorot* steps (panel a) and scales* steps (panel b)")

    fig, (a, b) = plt.subplots(1, 2, figsize=(12.4, 6.6))
    panel_median(a, ex_a)
    panel_ecdf(b, trials, ex, ex_b.ensemble.unique(), ex_b.n.unique())
    fig.suptitle("Explosion of the linear RNN $h_t = W h_{t-1} + x_t$: first t at which the mean of "
                 "$\\|h_t\\|^2/n$ over the input batch exceeds 10 t (infinite width: t)", fontsize=9)
    fig.tight_layout()
    common.save(fig, args.out, "explosion")


if __name__ == "__main__":
    main()
