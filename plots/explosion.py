"""When does the linear RNN explode, and how much of it is the radius? Every W drives the dense
recurrence h_t = W h_(t-1) + x_t and the diagonalised one h_t = Lambda h_(t-1) + x_t on W's
eigenvalues (same matrices, same inputs).
(a) Median explosion time against n (log-log) for complex and real Ginibre at Glorot scale, dense
(filled markers, solid lines) and diagonal (open markers, dashed lines), with distribution-free 95%
intervals, the time implied by the radius alone (predicted_median: t*(rho) under the exact law of
rho, with each recurrence's bulk, docs/math/rnn.md), the n^(1/2) reference and the exponent fitted
over the larger half of the widths.
(b), (c) P(explode by the end of the run) against n at the scales glorot, paper, half and
exact:0.01, with Wilson intervals and the exact-law prediction (predicted_p_by_steps), one panel
per ensemble.
(d), (e) The two recurrences matrix by matrix (nonnormality.csv, Glorot scale): the median ratio
dense/diagonal of the explosion times with its distribution-free 95% interval, and the share of
matrices whose dense recurrence explodes first.
Reads explosion.csv of the `glorot*` and `scales*` steps and nonnormality.csv of the `glorot*`
steps.

    python3 plots/explosion.py --results results/explosion --out results/explosion/figures
"""

from pathlib import Path

import numpy as np
import matplotlib.pyplot as plt
from matplotlib.legend_handler import HandlerTuple
from matplotlib.lines import Line2D
from matplotlib.ticker import LogLocator, NullFormatter, NullLocator, ScalarFormatter
from scipy import stats

import common

ENSEMBLE_COLOR = {"complex-ginibre": "C0", "real-ginibre": "C3"}
# Dense: filled markers, solid lines; diagonal: open markers, dashed lines (every panel).
RECURRENCES = ["dense", "diagonal"]
REC_LS = {"dense": "-", "diagonal": "--"}
# The scales get colours of their own, distinct from the ensembles' of panel (a).
SCALE_COLOR = {"glorot": "k", "paper": "C2", "half": "C4", "exact:0.01": "C1"}
SCALE_LABEL = {
    "glorot": "glorot (1)",
    "paper": "paper (published factor)",
    "half": r"half (1/$\sqrt{2}$)",
    "exact:0.01": r"exact:0.01 ($P(\rho>1) = 0.01$)",
}


def steps_named(results, prefix):
    """The step folders of the experiment whose name starts with prefix, in name order."""
    return sorted(p.name for p in Path(results).iterdir() if p.is_dir() and p.name.startswith(prefix))


def ordered(values, order):
    """The distinct values, those named in `order` first and in its order, then the others."""
    values = list(dict.fromkeys(values))
    return [v for v in order if v in values] + [v for v in values if v not in order]


def one_per_cell(d, keys):
    """A cell sampled by two steps: keep the one with the most trials."""
    return d.sort_values("trials", kind="stable").drop_duplicates(keys, keep="last")


def mfc(rec, color):
    return color if rec == "dense" else "white"


def fit_exponent(n, t):
    """Least squares of log t on log n: (slope, intercept, lo, hi) with the 95% interval of the
    slope from its standard error and Student's t with len(n) - 2 degrees of freedom (lo = hi =
    None with fewer than 3 points)."""
    x, y = np.log(np.asarray(n, float)), np.log(np.asarray(t, float))
    slope, intercept = np.polyfit(x, y, 1)
    if len(x) < 3:
        return slope, intercept, None, None
    resid = y - (slope * x + intercept)
    se = np.sqrt(resid @ resid / (len(x) - 2) / np.sum((x - x.mean()) ** 2))
    q = stats.t.ppf(0.975, len(x) - 2)
    return slope, intercept, slope - q * se, slope + q * se


def trials_text(d):
    """'400 at n = 16 to 512, 100 at n = 1024': the trials per cell, grouped by count (the
    smallest count where cells of one width differ)."""
    per_n = d.groupby("n").trials.min().sort_index()
    groups = []  # runs of consecutive widths with the same count
    for n, t in per_n.items():
        if groups and groups[-1][0] == t:
            groups[-1][1].append(n)
        else:
            groups.append((t, [n]))
    parts = []
    for t, ns in groups:
        where = f"{ns[0]} to {ns[-1]}" if len(ns) > 2 else ", ".join(str(n) for n in ns)
        parts.append(f"{t} at n = {where}")
    return ", ".join(parts)


def arrow(ax, x, y0, y1, color):
    ax.annotate("", xy=(x, y1), xytext=(x, y0),
                arrowprops=dict(arrowstyle="-|>", color=color, lw=0.8, mutation_scale=7))


def interval(ax, x, y, lo, hi, color, grow=1.6):
    """A vertical 95% interval; an empty end (NaN) is open on that side: an arrow."""
    ax.plot([x, x], [y if np.isnan(lo) else lo, y if np.isnan(hi) else hi], "-", color=color, lw=0.9)
    if np.isnan(hi):
        arrow(ax, x, y, y * grow, color)
    if np.isnan(lo):
        arrow(ax, x, y, y / grow, color)


def width_axis(ax, widths):
    ax.set_xscale("log", base=2)
    # Of two widths closer than half an octave only one is labelled, so that labels never run
    # into each other (192 beside 256): the power of two, else the smaller.
    labels, last = [], None  # last: index of the last labelled width
    for i, n in enumerate(widths):
        if last is not None and np.log2(n / widths[last]) < 0.5:
            if int(n) & (int(n) - 1) or not int(widths[last]) & (int(widths[last]) - 1):
                labels.append("")
                continue
            labels[last] = ""
        labels.append(str(int(n)))
        last = i
    ax.set_xticks(widths, labels)
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xlim(widths[0] / 1.35, widths[-1] * 1.35)


def panel_median(ax, ex, factor):
    ex = one_per_cell(ex[ex.scale == "glorot"], ["ensemble", "recurrence", "n"])
    widths = np.sort(ex.n.unique())
    steps = int(ex.steps.max())
    # The larger half of the widths (the upper ceil(k/2)): the closest to the asymptotic slope, which
    # is still approached from below there (docs/math/rnn.md, "The exponent is pre-asymptotic").
    fit_widths = widths[len(widths) // 2:]
    ensembles = ordered(ex.ensemble, ENSEMBLE_COLOR)
    recs = ordered(ex.recurrence, RECURRENCES)
    handles, anchor = [], []  # anchor: log medians at the fit's smallest width
    k, m = 0, len(ensembles) * len(recs)
    for i, e in enumerate(ensembles):
        c = ENSEMBLE_COLOR.get(e, f"C{i + 4}")
        for r in recs:
            d = ex[(ex.ensemble == e) & (ex.recurrence == r)].sort_values("n")
            k += 1
            if d.empty:
                continue
            # Side by side, so that the four bars at a width do not overlap.
            x = d.n.to_numpy(float) * 2 ** (0.09 * (k - (m + 1) / 2))
            med, lo, hi = (d[col].to_numpy(float) for col in ("median", "median_lo", "median_hi"))
            ok = ~np.isnan(med)
            point, = ax.plot(x[ok], med[ok], "o", ms=4, color=c, mfc=mfc(r, c), mew=1)
            for xi, mi, l, h in zip(x[ok], med[ok], lo[ok], hi[ok]):
                interval(ax, xi, mi, l, h, c)
            for xi in x[~ok]:  # more than half never exploded within the run: the median exceeds it
                arrow(ax, xi, steps, steps * 1.6, c)
                ax.plot(xi, steps, "_", color=c, ms=7)
            n = d.n.to_numpy(float)
            sel = ok & np.isin(n, fit_widths)
            what = f"{common.ENSEMBLE_LABEL.get(e, e).split(' (')[0]}, {r}"
            if sel.sum() >= 2:
                slope, intercept, slo, shi = fit_exponent(n[sel], med[sel])
                nn = np.array([n[sel].min(), n[sel].max()])
                fit, = ax.plot(nn, np.exp(intercept) * nn ** slope, REC_LS[r], color=c, lw=2.4, alpha=0.4)
                ci = f" [{slo:.2f}, {shi:.2f}]" if slo is not None else " (2 widths: no CI)"
                handles.append(((point, fit), f"{what}: median $\\propto n^{{{slope:.2f}}}${ci}"))
            else:
                handles.append((point, f"{what}: median (too few widths to fit)"))
            pred = d.predicted_median.to_numpy(float)
            pok = ~np.isnan(pred)
            if pok.any():
                # The prediction has no sampling error: its slope over the fit's widths is the
                # exponent the radius alone implies.
                psel = pok & np.isin(n, fit_widths)
                pslope = f", slope {fit_exponent(n[psel], pred[psel])[0]:.2f}" if psel.sum() >= 2 else ""
                line, = ax.plot(n[pok], pred[pok], REC_LS[r], color=c, lw=0.9)
                handles.append((line, f"    radius-implied $t^*(\\rho)$, exact law{pslope}"))
            at = ok & (n == fit_widths[0])
            if at.any() and r == "dense":
                anchor.append(np.log(med[at][0]))
    if anchor:
        # Through the dense medians at the fit's smallest width: its slope and the fitted ones
        # can be compared by eye.
        nn = np.array([widths[0], widths[-1]], float)
        ref, = ax.plot(nn, np.exp(np.mean(anchor)) * (nn / fit_widths[0]) ** 0.5, "k:", lw=1)
        handles.append((ref, f"reference $\\propto n^{{1/2}}$ (through the dense medians at n = {fit_widths[0]})"))
    if ex["median"].isna().any():  # a median beyond the end of the run: drawn at the end
        ax.axhline(steps, color="0.5", lw=0.7)
        ax.text(widths[0], steps * 0.9, f"end of run ({steps} steps)", fontsize=6.5, color="0.4", va="top")
    width_axis(ax, widths)
    ax.set_yscale("log")
    ax.yaxis.set_major_locator(LogLocator(subs=(1, 2, 5)))
    ax.yaxis.set_major_formatter(ScalarFormatter())
    ax.yaxis.set_minor_formatter(NullFormatter())
    ax.set_xlabel("width n (matrix size)")
    ax.set_ylabel(f"explosion time (steps t until mean $\\|h_t\\|^2/n > {factor:g}\\,t$)")
    ax.set_title("(a) Median explosion time, Glorot scale\n"
                 f"matrices per ensemble: {trials_text(ex)}")
    ax.grid(True, which="major", alpha=0.3)
    fw = f"n = {fit_widths[0]} to {fit_widths[-1]}" if len(fit_widths) > 1 else f"n = {fit_widths[0]}"
    # Two columns: complex Ginibre's curves and the reference left, real Ginibre's right.
    per = [hs for hs in handles if not hs[1].startswith("reference")]
    ref = [hs for hs in handles if hs[1].startswith("reference")]
    half = (len(per) + 1) // 2
    blank = (Line2D([], [], ls="none"), "")
    cols = per[:half] + ref + per[half:] + ([blank] if ref else [])
    ax.legend([h for h, _ in cols], [t for _, t in cols], ncol=2,
              title=f"thick: least-squares fit of log median on log n over {fw}, 95% CI (Student t)\n"
              "bars: distribution-free 95% CI of the median (arrow: open end)",
              title_fontsize=6.5, handler_map={tuple: HandlerTuple(ndivide=None)}, fontsize=6.5,
              loc="upper center", bbox_to_anchor=(0.5, -0.1), frameon=False, columnspacing=1.0)


def panel_p_explode(ax, ex, ensemble, widths, bottom):
    """P(explode by the end of the run) of one ensemble against n, per scale and recurrence.
    Returns the predictions that fall below the axis, as (scale, largest such value)."""
    ex = ex[ex.ensemble == ensemble]
    scales = ordered(ex.scale, SCALE_COLOR)
    recs = ordered(ex.recurrence, RECURRENCES)
    m, below = len(scales) * len(recs), []
    for i, s in enumerate(scales):
        c = SCALE_COLOR.get(s, f"C{i + 5}")
        for j, r in enumerate(recs):
            d = ex[(ex.scale == s) & (ex.recurrence == r)].sort_values("n")
            if d.empty:
                continue
            k = i * len(recs) + j
            # Side by side: at the widths where every scale runs, the zeros share one upper bound.
            x = d.n.to_numpy(float) * 2 ** (0.06 * (k - (m - 1) / 2))
            p = 1 - d.never_exploded.to_numpy(float)
            lo, hi = 1 - d.never_exploded_hi.to_numpy(float), 1 - d.never_exploded_lo.to_numpy(float)
            pos = p > 0
            ax.errorbar(x[pos], p[pos], yerr=[p[pos] - np.maximum(lo[pos], bottom), hi[pos] - p[pos]],
                        fmt="o", ms=3.5, color=c, mfc=mfc(r, c), mew=0.9, lw=0.8, capsize=1.5)
            # None exploded: the share cannot sit on a log axis, its 95% Wilson upper bound can.
            ax.plot(x[~pos], hi[~pos], "v", ms=4.5, color=c, mfc=mfc(r, c), mew=0.9)
            pred = d.predicted_p_by_steps.to_numpy(float)
            n = d.n.to_numpy(float)
            on = pred >= bottom
            # A prediction at a single width is a line of one point: a dash across its markers.
            ax.plot(n[on], pred[on], REC_LS[r], color=c, lw=1, alpha=0.85,
                    marker="_" if on.sum() == 1 else None, ms=14)
            if (~on & ~np.isnan(pred)).any():
                below.append((s, np.nanmax(pred[~on])))
    width_axis(ax, widths)
    ax.set_yscale("log")
    ax.set_ylim(bottom, 1.8)
    ax.grid(True, which="major", alpha=0.3)
    return below


def ratio_point(row):
    """(value, determined): the paired median ratio, or the midpoint of its bounds where censoring
    leaves it undetermined; (NaN, False) where not even the bounds exist."""
    if not np.isnan(row.ratio_median):
        return row.ratio_median, True
    if not (np.isnan(row.ratio_median_min) or np.isnan(row.ratio_median_max)):
        return 0.5 * (row.ratio_median_min + row.ratio_median_max), False
    return np.nan, False


def panel_ratio(ax, share, nn):
    nn = one_per_cell(nn[nn.scale == "glorot"], ["ensemble", "n"])
    if nn.empty:  # nonnormality.csv has rows only where both recurrences ran
        for a in (ax, share):
            a.text(0.5, 0.5, "no paired runs at Glorot scale\n(hidden --recurrence dense,diagonal)",
                   transform=a.transAxes, ha="center", va="center", fontsize=8, color="0.4")
            a.set_axis_off()
        return
    widths = np.sort(nn.n.unique())
    ensembles = ordered(nn.ensemble, ENSEMBLE_COLOR)
    undetermined, names = False, []
    for i, e in enumerate(ensembles):
        c = ENSEMBLE_COLOR.get(e, f"C{i + 4}")
        d = nn[nn.ensemble == e].sort_values("n")
        x = d.n.to_numpy(float) * 2 ** (0.08 * (i - (len(ensembles) - 1) / 2))
        name = common.ENSEMBLE_LABEL.get(e, e).split(" (")[0]
        pts = [ratio_point(row) for row in d.itertuples()]
        y = np.array([v for v, _ in pts], float)
        det = np.array([ok for _, ok in pts], bool)
        ax.plot(x[det], y[det], "o", ms=4, color=c)
        if (~det & ~np.isnan(y)).any():
            undetermined = True
            ax.plot(x[~det & ~np.isnan(y)], y[~det & ~np.isnan(y)], "D", ms=4, color=c, mfc="white")
        for xi, yi, row in zip(x, y, d.itertuples()):
            if np.isnan(yi):
                continue
            interval(ax, xi, yi, row.ratio_lo, row.ratio_hi, c, grow=1.15)
            if not np.isnan(row.ratio_median_min):  # the bounds of an undetermined median
                ax.plot([xi, xi], [row.ratio_median_min, row.ratio_median_max], "-", color=c, lw=3, alpha=0.35)
        s = d.dense_first.to_numpy(float)
        share.errorbar(x, s, yerr=[s - d.dense_first_lo.to_numpy(float), d.dense_first_hi.to_numpy(float) - s],
                       fmt="s", ms=3.5, color=c, lw=0.8, capsize=1.5)
        names.append((Line2D([], [], color=c, lw=5), name))
    ax.axhline(1.0, color="0.4", lw=0.8, ls=":")
    ax.text(0.02, 0.97, "1 = the same explosion time", transform=ax.transAxes, ha="left", va="top",
            fontsize=6.5, color="0.35")
    lo, hi = ax.get_ylim()
    ax.set_ylim(min(lo, 0.9), max(hi, 1.05))
    ax.set_ylabel("explosion time, dense / diagonal\n(median over matrices)")
    ax.set_title("(d) Dense against diagonal on the same matrices, Glorot scale\n"
                 f"matrices per ensemble: {trials_text(nn)}")
    ax.grid(True, which="major", alpha=0.3)
    share.axhline(0.5, color="0.4", lw=0.8, ls=":")
    share.set_ylim(-0.03, 1.08)
    share.set_ylabel("share of matrices whose\ndense recurrence explodes first")
    share.set_xlabel("width n (matrix size)")
    share.set_title("(e) Share of matrices whose dense recurrence explodes first\n"
                    "(the rest: the same step, the diagonal first, or neither)")
    # One legend for (d) and (e), below them: the points fill both panels.
    h = names + [(Line2D([], [], color="k", marker="o", ms=4, ls="none"),
                  "(d) median ratio, distribution-free 95% CI"),
                 (Line2D([], [], color="k", marker="s", ms=3.5, ls="none"), "(e) share, 95% Wilson CI")]
    if undetermined:
        h.append(((Line2D([], [], color="k", marker="D", ms=4, mfc="white", ls="none"),
                   Line2D([], [], color="k", lw=3, alpha=0.35)),
                  "(d) median undetermined by censored runs:\nmidpoint of its bounds (shaded)"))
    share.legend([k for k, _ in h], [t for _, t in h], handler_map={tuple: HandlerTuple(ndivide=None)},
                 fontsize=6.5, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=1, frameon=False)
    share.grid(True, which="major", alpha=0.3)
    width_axis(share, widths)
    ax.tick_params(labelbottom=False)


def main():
    args = common.parse_args(__doc__)
    glorot_steps = steps_named(args.results, "glorot")
    scale_steps = steps_named(args.results, "scales")
    steps = glorot_steps + scale_steps
    if not glorot_steps or not scale_steps:
        common.fail(f"{args.results} needs glorot* steps (panels a, d, e) and scales* steps (b, c)")
    ex = common.load_steps(args.results, "explosion.csv", steps)
    nn = common.load_steps(args.results, "nonnormality.csv", glorot_steps)
    ex = one_per_cell(ex, ["ensemble", "scale", "recurrence", "n"])
    run = int(ex.steps.max())
    opts = common.options(args.results, glorot_steps[0])
    # A results folder without manifests still plots; the threshold is then --explode-factor's
    # default.
    factor, batch = opts.get("explode_factor", 10), opts.get("batch")

    fig = plt.figure(figsize=(14.5, 7.6), layout="constrained")
    gs = fig.add_gridspec(2, 3, width_ratios=[1.25, 1, 1])
    a = fig.add_subplot(gs[:, 0])
    b = fig.add_subplot(gs[0, 1])
    c = fig.add_subplot(gs[1, 1], sharex=b, sharey=b)
    d = fig.add_subplot(gs[0, 2])
    e = fig.add_subplot(gs[1, 2], sharex=d)

    panel_median(a, ex[ex.step.isin(glorot_steps)], factor)

    widths = np.sort(ex.n.unique())
    p = 1 - ex.never_exploded
    # Log axis from 1e-4, or from the decade below a third of the smallest share or Wilson bound
    # drawn where that is lower; the predictions of the safe scales (down to 1e-29) are not data.
    drawn = np.concatenate([p[p > 0], (1 - ex.never_exploded_hi)[p > 0], (1 - ex.never_exploded_lo)[p == 0]])
    drawn = drawn[drawn > 0]
    bottom = 10 ** np.floor(np.log10(min(1e-4, drawn.min() / 3 if len(drawn) else 1e-4)))
    for ax, ens in ((b, "real-ginibre"), (c, "complex-ginibre")):
        below = panel_p_explode(ax, ex, ens, widths, bottom)
        if below:
            worst = {}
            for s, v in below:
                worst[s] = max(worst.get(s, 0.0), v)
            ax.text(0.98, 0.03, f"predicted below {bottom:.0e}, not drawn:\n"
                    + ", ".join(f"{s} (at most {v:.0e})" for s, v in worst.items()),
                    transform=ax.transAxes, ha="right", va="bottom", fontsize=6.5, color="0.3",
                    bbox=dict(fc="white", ec="none", alpha=0.8, pad=1))
        ax.set_ylabel(f"P(explode by step {run})\n(share of matrices)")
    # The scales that ran the same trials at the same widths share one line of the title.
    counts = {}
    for s in ordered(ex.scale, SCALE_COLOR):
        counts.setdefault(trials_text(ex[ex.scale == s]), []).append(s)
    b.set_title(f"(b) P(explode within the run, {run} steps), {common.ENSEMBLE_LABEL['real-ginibre']}\n"
                "matrices per cell: " + "\n".join(f"{', '.join(s)}: {t}" for t, s in counts.items()))
    c.set_title(f"(c) The same, {common.ENSEMBLE_LABEL['complex-ginibre']}")
    b.tick_params(labelbottom=False)
    c.set_xlabel("width n (matrix size)")
    scales = ordered(ex.scale, SCALE_COLOR)
    h = [(Line2D([], [], color=SCALE_COLOR.get(s, "0.5"), lw=5), SCALE_LABEL.get(s, s)) for s in scales]
    dot = {r: Line2D([], [], color="k", marker="o", ls="none", ms=4, mfc=mfc(r, "k")) for r in RECURRENCES}
    h += [((dot["dense"], dot["diagonal"]), "share exploded (dense, diagonal), 95% Wilson CI"),
          (Line2D([], [], color="k", marker="v", ls="none", ms=4.5, mfc="white"),
           "none exploded: 95% Wilson upper bound"),
          (tuple(Line2D([], [], color="k", ls=REC_LS[r], lw=1) for r in RECURRENCES),
           "radius-implied P (dense, diagonal), exact law of $\\rho$")]
    c.legend([k for k, _ in h], [t for _, t in h], handler_map={tuple: HandlerTuple(ndivide=None, pad=0.8)},
             fontsize=6.5, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=1, frameon=False)
    panel_ratio(d, e, nn)
    fig.suptitle("Explosion of the linear RNN, dense $h_t = W h_{t-1} + x_t$ and diagonalised "
                 "$h_t = \\Lambda h_{t-1} + x_t$ ($\\Lambda$: the eigenvalues of the same W), "
                 f"on the same inputs, {'/'.join(sorted(set(ex.precision)))}\nExplosion time: the first t at "
                 "which the mean of $\\|h_t\\|^2/n$ over "
                 + (f"{batch} input sequences" if batch else "the input batch")
                 + f" exceeds {factor:g} t (infinite width: t)", fontsize=9)
    common.save(fig, args.out, "explosion")


if __name__ == "__main__":
    main()
