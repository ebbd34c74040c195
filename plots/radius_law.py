"""Spectral-radius law per width: histogram of rho against the fitted Gumbel, Rider's limit law
and the exact finite-n law (Kostlan's for complex Ginibre, Sinclair's Pfaffian for real Ginibre,
independent Gamma(2k) moduli for quaternion Ginibre).
Reads radius_trials.csv and radius_summary.csv of every radius step, and theory.csv (exact
median) and theory_cdf.csv (exact CDF, differentiated here into the density) of the `theory`
step.

    python3 plots/radius_law.py --results results/radius-law --out results/radius-law/figures
"""

import numpy as np
import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator

import common

RADIUS_STEPS = ["dense", "kostlan", "hessenberg", "quaternion"]
RIDER_FORM = {"complex-ginibre": "", "quaternion-ginibre": " (quaternion: real form at 2n)"}


def main():
    args = common.parse_args(__doc__)
    summary = common.load_steps(args.results, "radius_summary.csv", RADIUS_STEPS)
    trials = common.load_steps(args.results, "radius_trials.csv", RADIUS_STEPS)
    theory = common.load(args.results, "theory", "theory.csv")
    cdf = common.load(args.results, "theory", "theory_cdf.csv")

    keys = ["ensemble", "scale", "precision"]
    rows = list(dict.fromkeys(zip(*(summary[k] for k in keys))))
    # Each row (ensemble, scale, precision) fills its own columns left to right: no empty gaps.
    panels = {key: sorted(summary[(summary[keys] == key).all(axis=1)].n.unique()) for key in rows}
    ncol = max(len(v) for v in panels.values())
    fig, axes = plt.subplots(len(rows), ncol, figsize=(4.0 * ncol, 3.0 * len(rows)),
                             squeeze=False)
    for ax in axes.flat:
        ax.set_visible(False)
    for _, s in summary.iterrows():
        key = (s.ensemble, s.scale, s.precision)
        ax = axes[rows.index(key), panels[key].index(s.n)]
        ax.set_visible(True)
        rho = trials[(trials.ensemble == s.ensemble) & (trials.scale == s.scale)
                     & (trials.n == s.n) & (trials.method == s.method)
                     & (trials.precision == s.precision)].rho.to_numpy()
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
                    label="Rider limit" + RIDER_FORM.get(s.ensemble, " (real: Rider-Sinclair)"))
        else:
            undefined = ("$\\gamma_{2n} \\leq 0$, n < 82" if s.ensemble == "quaternion-ginibre"
                         else "$\\gamma_n \\leq 0$, n < 164")
            ax.plot([], [], " ", label=f"Rider law undefined ({undefined})")
        # The exact laws are at Glorot scale (theory.csv, theory_cdf.csv): other scales get none.
        exact = common.exact_curve(cdf, s.ensemble, s.n) if s.scale == "glorot" else None
        if exact is not None:
            r, _, pdf = exact
            ax.plot(r, pdf, "k-", lw=0.9, label=common.exact_label(s.ensemble))
            med = theory[(theory.ensemble == s.ensemble) & (theory.n == s.n)].exact_median.dropna()
            if len(med):
                ax.axvline(med.iloc[0], color="k", ls=":", lw=0.8, label="exact median")
        if lo - pad < 1 < hi + pad:
            ax.axvline(1.0, color="C3", lw=0.8, alpha=0.7, label=r"$\rho = 1$")
        label = common.ENSEMBLE_LABEL.get(s.ensemble, s.ensemble)
        scale = "" if s.scale == "glorot" else f", scale {s.scale}"
        scale += "" if s.precision == "f64" else f", {s.precision}"
        exact_p = f", exact {common.fmt_p(s.exact_p_exceed_1)}" if np.isfinite(s.exact_p_exceed_1) else ""
        ax.set_title(f"{label}{scale}, n = {s.n}\nP(ρ > 1) = {common.fmt_p(s.p_exceed_1)} (sample){exact_p}")
        ax.set_xlim(lo - pad, hi + pad)
        # Few enough ticks that their labels (up to 4 decimals near rho = 1) never touch.
        ax.xaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))
        ax.set_xlabel(common.RHO_LABEL)
        ax.set_ylabel("probability density (per unit ρ)")
        ax.set_ylim(0, ax.get_ylim()[1] * 1.9)  # headroom: the legend sits above the data
        ax.legend(loc="upper right", fontsize=6, framealpha=0.7)
    fig.suptitle("Law of the spectral radius ρ(W) of Glorot-initialised n x n matrices "
                 "(dimensionless; ρ = 1 is the unit circle)", y=1.0)
    fig.tight_layout()
    common.save(fig, args.out, "radius_law")


if __name__ == "__main__":
    main()
