"""P(rho > 1) against n for complex, real and quaternion Ginibre at the scales glorot, paper (published
rescaling), half and exact:0.01: exact curves (rescaling.csv of the `theory` step: each scale's
exact_p_exceed_1) and Monte Carlo points with 95% Wilson intervals (radius_summary.csv of the
radius steps), one panel per ensemble, beside what the published factor promises to that ensemble
(target_p of its paper rows). Logit y axis: it resolves both P near 0 (half, paper) and P near 1
(glorot).

    python3 plots/p_exceed.py --results results/p-exceed --out results/p-exceed/figures
"""

import numpy as np
import matplotlib.pyplot as plt
from matplotlib.lines import Line2D

import common

RADIUS_STEPS = ["small", "n256", "n512", "quaternion", "quaternion-paper"]
UNDEFINED_BELOW = 163.5  # gamma_n <= 0 for n <= 163: the published factor has no value there
# The order and colours of figure1.py (glorot, paper, half, exact:0.01).
SCALES = ["glorot", "paper", "half", "exact:0.01"]
COLOR = {s: f"C{i}" for i, s in enumerate(SCALES)}
SCALE_LABEL = {
    "glorot": "glorot (factor 1)",
    "paper": "paper: published $s_n$",
    "half": "half (factor 1/√2)",
    "exact:0.01": "exact:0.01 (calibrated on the ensemble's exact law)",
}
ENSEMBLES = ["complex-ginibre", "real-ginibre", "quaternion-ginibre"]
YLIM = (1e-10, 1 - 1e-10)


def main():
    args = common.parse_args(__doc__)
    exact = common.load(args.results, "theory", "rescaling.csv").sort_values("n")
    summary = common.load_steps(args.results, "radius_summary.csv", RADIUS_STEPS)
    ensembles = [e for e in ENSEMBLES if e in set(exact.ensemble) | set(summary.ensemble)]
    scales = [s for s in SCALES if s in set(exact.factor_name) | set(summary.scale)]

    fig, axes = plt.subplots(1, len(ensembles), figsize=(5.4 * len(ensembles), 5.2),
                             sharey=True, squeeze=False)
    n_all = list(exact.n) + list(summary.n)
    used = set()  # which kinds of Monte Carlo marker the panels drew, for the legend
    for ax, e in zip(axes[0], ensembles):
        ex = exact[exact.ensemble == e]
        mc = summary[summary.ensemble == e]
        for s in scales:
            d = ex[(ex.factor_name == s) & common.is_true(ex.defined) & ex.exact_p_exceed_1.notna()]
            p = d.exact_p_exceed_1.to_numpy(float)
            n = d.n.to_numpy(float)
            if len(p):
                # Clip to the axis: a curve leaving it (half: P < 1e-18 from n = 128 on; glorot:
                # 1 - P < 1e-10 at the largest widths) runs along its edge instead of vanishing.
                ax.plot(n, np.clip(p, *YLIM), "-", color=COLOR[s], lw=1.4)
                below, above = n[p < YLIM[0]], n[p > YLIM[1]]
                if len(below):
                    ax.annotate(f"below {YLIM[0]:.0e} from n = {int(below[0])} on", (below[0], YLIM[0]),
                                xytext=(3, 4), textcoords="offset points", fontsize=6.5,
                                color=COLOR[s])
                if len(above):
                    ax.annotate(f"above 1 - {1 - YLIM[1]:.0e}\nfrom n = {int(above[0])} on",
                                (above[0], YLIM[1]), xytext=(-3, -4), textcoords="offset points",
                                fontsize=6.5, color=COLOR[s], ha="right", va="top")
                last = p[-1]
                if YLIM[0] < last < YLIM[1] and s != "exact:0.01":
                    # Below its point (paper ends just under the promise line, which has its label).
                    ax.annotate(f"{last:.3g}" if last < 0.5 else f"1 - {1 - last:.2g}",
                                (n[-1], last), xytext=(4, -6 if s == "paper" else 0),
                                textcoords="offset points", fontsize=6.5, color=COLOR[s],
                                va="center")
            m = mc[mc.scale == s].sort_values("n")
            if m.empty:
                continue
            # Side by side at a shared width, not on top of each other (+-4% in n).
            m = m.assign(n=m.n * 2 ** (0.06 * (SCALES.index(s) - 1.5)))
            inside = (m.p_exceed_1 > 0) & (m.p_exceed_1 < 1)
            mi = m[inside]
            err = np.vstack([mi.p_exceed_1 - mi.p_exceed_1_lo, mi.p_exceed_1_hi - mi.p_exceed_1])
            ax.errorbar(mi.n, mi.p_exceed_1, yerr=err, fmt="o", ms=3.8, color=COLOR[s],
                        mfc="white", mew=1.1, capsize=2, lw=0.8, zorder=3)
            # None (all) of the sample above 1: its 95% Wilson upper (lower) bound, as a caret.
            none, every = m[m.p_exceed_1 <= 0], m[m.p_exceed_1 >= 1]
            used |= {k for k, d in (("none", none), ("every", every)) if len(d)}
            ax.plot(none.n, none.p_exceed_1_hi, "v", ms=4.5, color=COLOR[s], mfc="white", mew=1.1,
                    zorder=3)
            ax.plot(every.n, every.p_exceed_1_lo, "^", ms=4.5, color=COLOR[s], mfc="white",
                    mew=1.1, zorder=3)
        promise = common.promise(ex, e)
        if promise is not None and "paper" in scales:
            ax.axhline(promise, color=COLOR["paper"], ls=(0, (1, 1.5)), lw=1.3)
            ax.text(0.98, promise * 1.25, f"promise of the published factor: {promise:.4f}",
                    transform=ax.get_yaxis_transform(), ha="right", va="bottom", fontsize=6.5,
                    color=COLOR["paper"])
        ax.axvspan(min(n_all) / 1.3, UNDEFINED_BELOW, color="0.5", alpha=0.12, lw=0)
        ax.text(0.02, 0.97, "published factor\nundefined (n $\\leq$ 163)", transform=ax.transAxes,
                fontsize=6.5, color="0.35", va="top")
        ax.set_xscale("log", base=2)
        ax.set_xlim(min(n_all) / 1.3, max(n_all) * 2.8)  # room for the end labels
        ax.set_yscale("logit")
        ax.set_ylim(*YLIM)
        ax.grid(True, alpha=0.3)
        ax.set_xlabel("width n (matrix size)")
        title = common.ENSEMBLE_LABEL.get(e, e) + f"\nexact: {common.width_range(ex.n)}"
        if len(mc):
            title += f"; Monte Carlo: {common.width_range(mc.n)} ({'/'.join(sorted(set(mc.method)))})"
        ax.set_title(title)
    axes[0][0].set_ylabel(r"P($\rho(sW)$ > 1) (probability, logit scale)")

    lo, hi = int(summary.trials.min()), int(summary.trials.max())
    trials = f"{lo:,}" if lo == hi else f"{lo:,} to {hi:,}"
    scale_keys = [Line2D([], [], color=COLOR[s], lw=1.8, label=SCALE_LABEL.get(s, s)) for s in scales]
    style_keys = [
        Line2D([], [], color="k", lw=1.4, label="exact law"),
        Line2D([], [], color="k", ls="none", marker="o", mfc="white", ms=4,
               label=f"Monte Carlo, 95% Wilson interval ({trials} trials per point)"),
    ]
    if "none" in used:
        style_keys.append(Line2D([], [], color="k", ls="none", marker="v", mfc="white", ms=4.5,
                                 label="no sample above 1: 95% upper bound"))
    if "every" in used:
        style_keys.append(Line2D([], [], color="k", ls="none", marker="^", mfc="white", ms=4.5,
                                 label="every sample above 1: 95% lower bound"))
    style_keys += [
        Line2D([], [], color=COLOR["paper"], ls=(0, (1, 1.5)), lw=1.3,
               label="what the published factor promises"),
    ]
    fig.suptitle(r"How often the spectral radius exceeds 1: $P(\rho > 1)$ against width, by scale",
                 y=1.0)
    fig.tight_layout(rect=(0, 0.1, 1, 1))
    fig.legend(handles=scale_keys + style_keys, loc="lower center", ncol=3, fontsize=7,
               bbox_to_anchor=(0.5, 0.0), frameon=False)
    common.save(fig, args.out, "p_exceed")


if __name__ == "__main__":
    main()
