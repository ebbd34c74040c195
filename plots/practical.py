"""What practitioners run: P(rho > 1) by width for complex and real Ginibre, Glorot uniform, the
truncated normal (Haiku's, not re-normalised) and the re-normalised truncated normal (JAX
glorot_normal, Keras GlorotNormal), at Glorot scale (left) and under the published rescaling
(right), with the exact values of complex Ginibre (Kostlan) and real Ginibre (Sinclair's
Pfaffian) and, under the published rescaling, what it promises to each ensemble. Reads
radius_summary.csv and rescaling.csv (each ensemble's promise: target_p of its `paper` rows) of
the radius steps, and theory.csv.

    python3 plots/practical.py --results results/practical --out results/practical/figures
"""

import textwrap

import numpy as np
import matplotlib.pyplot as plt
from matplotlib.legend_handler import HandlerTuple
from matplotlib.ticker import NullLocator, ScalarFormatter

import common

STEPS = ["glorot", "glorot-512", "paper"]


def main():
    args = common.parse_args(__doc__)
    summary = common.load_steps(args.results, "radius_summary.csv", STEPS)
    rescaling = common.load_steps(args.results, "rescaling.csv", STEPS)
    theory = common.load(args.results, "theory", "theory.csv").sort_values("n")
    scales = list(dict.fromkeys(summary.scale))
    fig, axes = plt.subplots(1, len(scales), figsize=(5.6 * len(scales), 5.2), squeeze=False,
                             layout="constrained")
    ensembles = list(dict.fromkeys(summary.ensemble))
    color = {e: f"C{i}" for i, e in enumerate(ensembles)}
    for ax, scale in zip(axes[0], scales):
        d = summary[summary.scale == scale]
        log = scale == "paper"  # P(rho > 1) spans decades under the published rescaling
        for i, e in enumerate(ensembles):
            de = d[d.ensemble == e].sort_values("n")
            if de.empty:
                continue
            # Side by side, centred on the width, not on top of each other.
            x = de.n * 2 ** (0.05 * (i - (len(ensembles) - 1) / 2))
            pos = (de.p_exceed_1 > 0) | (not log)
            err = np.vstack([de.p_exceed_1 - de.p_exceed_1_lo, de.p_exceed_1_hi - de.p_exceed_1])
            ax.errorbar(x[pos], de.p_exceed_1[pos], yerr=err[:, pos.to_numpy()], fmt="o" if log else "o-", ms=3.5,
                        lw=0.9, capsize=2, color=color[e],
                        label=f"{common.ENSEMBLE_LABEL.get(e, e)}: Monte Carlo, 95% Wilson CI")
            if log and (~pos).any():
                # No exceedance in the sample: its 95% Wilson upper bound, as a caret.
                ax.plot(x[~pos], de.p_exceed_1_hi[~pos], "v", ms=4, color=color[e], mfc="none")
        # Exact references (complex: Kostlan; real: Sinclair's Pfaffian), in the ensemble's colour.
        for e in [e for e in ensembles if e in set(theory.ensemble)]:
            t = theory[theory.ensemble == e]
            if scale == "glorot":
                t = t[t.exact_p_exceed_1.notna()]
                y = t.exact_p_exceed_1
            elif scale == "paper":
                t = t[common.is_true(t.paper_defined) & t.paper_p_exceed_1_exact.notna()]
                y = t.paper_p_exceed_1_exact
            else:
                continue
            ok = (y > 0) | (not log)
            ax.plot(t.n[ok], y[ok], "--", color=color.get(e, "k"), lw=1.1, alpha=0.9,
                    label=f"{common.ENSEMBLE_LABEL.get(e, e)}: {common.exact_label(e)}")
        if scale == "paper":
            draw_promises(ax, rescaling, ensembles, color)
        ax.set_xscale("log", base=2)
        # Ticks at the sampled widths and at the powers of two the exact curves reach.
        lo, hi = ax.get_xlim()
        ax.set_xticks(sorted(set(int(n) for n in d.n) | {2 ** k for k in range(3, 21) if lo <= 2 ** k <= hi}))
        ax.set_xlim(lo, hi)
        ax.xaxis.set_major_formatter(ScalarFormatter())
        ax.xaxis.set_minor_locator(NullLocator())
        if log:
            ax.set_yscale("log")
            ax.set_ylim(1e-4, 0.5)
        else:
            ax.set_ylim(-0.03, 1.03)
        ax.set_xlabel("width n (matrix size)")
        ax.set_ylabel(r"P($\rho(W)$ > 1) (probability)" + (", log scale" if log else ""))
        where = "published rescaling $s_n$ (Bar et al. 2025)" if scale == "paper" else f"scale {scale}"
        methods = "/".join(sorted(set(d.method)))
        ax.set_title(f"{where}\nMonte Carlo: {common.width_range(d.n)}, {int(d.trials.min())}+ trials "
                     f"per point ({methods})")
        ax.grid(True, alpha=0.3)
        if log:
            ax.plot([], [], "kv", mfc="none", ms=4, label="no exceedance in the sample: 95% upper bound")
    # One legend for both panels, below them: the curves fill the panels.
    handles = {}
    for ax in axes[0]:
        for h, label in zip(*ax.get_legend_handles_labels()):
            handles.setdefault(label, _LEGEND_HANDLE.get(label, h))
    fig.suptitle("How often practical initialisers have spectral radius above 1")
    fig.legend(handles.values(), handles.keys(), loc="outside lower center", ncol=3, fontsize=7,
               frameon=False, handler_map={tuple: HandlerTuple(ndivide=1)})
    common.save(fig, args.out, "practical")


_LEGEND_HANDLE = {}  # legend label -> the artists that draw it, where one artist cannot


def draw_promises(ax, rescaling, ensembles, color):
    """One dotted line per distinct promise of the published factor (target_p of the ensemble's
    paper rows), in the colours of the ensembles it is made to; none where it promises nothing."""
    by_value = {}
    for e in ensembles:
        p = common.promise(rescaling, e)
        if p is not None:
            by_value.setdefault(round(p, 12), []).append(e)
    for p, es in by_value.items():
        names = ", ".join(common.ENSEMBLE_LABEL.get(e, e) for e in es)
        label = textwrap.fill(f"published factor's promise to {names}: {p:.4f}", 62,
                              subsequent_indent="  ")
        # One dotted line in turns of the colours of all the ensembles it is promised to: each
        # colour dashes where the others leave gaps.
        dash, k = 1.2, len(es)
        lines = [ax.axhline(p, color=color[e], ls=(i * dash, (dash, (k - 1) * dash)) if k > 1 else (0, (1, 1.5)),
                            lw=1.8, label=label if i == 0 else None) for i, e in enumerate(es)]
        _LEGEND_HANDLE[label] = tuple(lines)
    silent = [e for e in ensembles if common.promise(rescaling, e) is None]
    if silent:
        ax.plot([], [], " ", label=textwrap.fill("(it promises nothing to " + ", ".join(
            common.ENSEMBLE_LABEL.get(e, e) for e in silent) + ")", 62, subsequent_indent="  "))


if __name__ == "__main__":
    main()
