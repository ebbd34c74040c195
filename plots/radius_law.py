"""Spectral-radius law per width: histogram of rho against the fitted Gumbel, Rider's limit law
and (complex Ginibre) Kostlan's exact law. Reads radius_trials.csv and radius_summary.csv of
every radius step, and theory.csv (exact median) of the `theory` step.

    python3 plots/radius_law.py --results results/radius-law --out results/radius-law/figures
"""

import numpy as np
import matplotlib.pyplot as plt

import common

RADIUS_STEPS = ["dense", "kostlan", "hessenberg"]


def main():
    args = common.parse_args(__doc__)
    summary = common.load_steps(args.results, "radius_summary.csv", RADIUS_STEPS)
    trials = common.load_steps(args.results, "radius_trials.csv", RADIUS_STEPS)
    theory = common.load(args.results, "theory", "theory.csv")

    rows = list(dict.fromkeys(zip(summary.ensemble, summary.scale)))
    # Each row (ensemble, scale) fills its own columns left to right: no empty gaps.
    panels = {key: sorted(summary[(summary.ensemble == key[0]) & (summary.scale == key[1])].n.unique())
              for key in rows}
    ncol = max(len(v) for v in panels.values())
    fig, axes = plt.subplots(len(rows), ncol, figsize=(3.6 * ncol, 2.9 * len(rows)),
                             squeeze=False)
    for ax in axes.flat:
        ax.set_visible(False)
    for _, s in summary.iterrows():
        key = (s.ensemble, s.scale)
        ax = axes[rows.index(key), panels[key].index(s.n)]
        ax.set_visible(True)
        rho = trials[(trials.ensemble == s.ensemble) & (trials.scale == s.scale)
                     & (trials.n == s.n) & (trials.method == s.method)].rho.to_numpy()
        lo, hi = np.quantile(rho, [0.0005, 0.9995])
        pad = 0.15 * (hi - lo)
        x = np.linspace(lo - pad, hi + pad, 400)
        ax.hist(rho, bins=min(80, max(15, int(np.sqrt(len(rho))))), range=(lo - pad, hi + pad),
                density=True, color="0.8", edgecolor="0.6", lw=0.3,
                label=f"Monte Carlo ({len(rho)} trials, {s.method})")
        if np.isfinite(s.fit_loc) and np.isfinite(s.fit_scale):
            ax.plot(x, common.gumbel_pdf(x, s.fit_loc, s.fit_scale), "C0-", lw=1.2,
                    label="fitted Gumbel (MLE)")
        if np.isfinite(s.theory_loc) and np.isfinite(s.theory_scale):
            ax.plot(x, common.gumbel_pdf(x, s.theory_loc, s.theory_scale), "C1--", lw=1.2,
                    label="Rider limit" + (" (real: Rider-Sinclair)" if s.ensemble != "complex-ginibre" else ""))
        else:
            ax.plot([], [], " ", label="Rider law undefined ($\\gamma_n \\leq 0$, n < 164)")
        if s.ensemble == "complex-ginibre" and s.scale == "glorot":
            _, pdf = common.kostlan_cdf_pdf(int(s.n), x)
            ax.plot(x, pdf, "k-", lw=0.9, label="exact (Kostlan)")
            med = theory[theory.n == s.n].exact_median
            if len(med):
                ax.axvline(med.iloc[0], color="k", ls=":", lw=0.8, label="exact median")
        if lo - pad < 1 < hi + pad:
            ax.axvline(1.0, color="C3", lw=0.8, alpha=0.7, label=r"$\rho = 1$")
        label = common.ENSEMBLE_LABEL.get(s.ensemble, s.ensemble)
        scale = "" if s.scale == "glorot" else f", scale {s.scale}"
        ax.set_title(f"{label}{scale}, n = {s.n}\nP(ρ > 1) = {s.p_exceed_1:.3f}")
        ax.set_xlabel(common.RHO_LABEL)
        ax.set_ylabel("probability density (per unit ρ)")
        ax.set_ylim(0, ax.get_ylim()[1] * 1.9)  # headroom: the legend sits above the data
        ax.legend(loc="upper right", fontsize=6, framealpha=0.7)
    fig.suptitle("Law of the spectral radius of Glorot-initialised n x n matrices", y=1.0)
    fig.tight_layout()
    common.save(fig, args.out, "radius_law")


if __name__ == "__main__":
    main()
