"""What practitioners run: P(rho > 1) by width for complex and real Ginibre, Glorot uniform and
the truncated normal, at Glorot scale (left) and under the published rescaling (right), with the
exact complex-Ginibre values. Reads radius_summary.csv of the radius steps and theory.csv.

    python3 plots/practical.py --results results/practical --out results/practical/figures
"""

import numpy as np
import matplotlib.pyplot as plt

import common


def main():
    args = common.parse_args(__doc__)
    summary = common.load_steps(args.results, "radius_summary.csv", ["glorot", "glorot-512", "paper"])
    theory = common.load(args.results, "theory", "theory.csv").sort_values("n")
    scales = list(dict.fromkeys(summary.scale))
    fig, axes = plt.subplots(1, len(scales), figsize=(5.2 * len(scales), 4.2), squeeze=False)
    ensembles = list(dict.fromkeys(summary.ensemble))
    for ax, scale in zip(axes[0], scales):
        d = summary[summary.scale == scale]
        for i, e in enumerate(ensembles):
            de = d[d.ensemble == e].sort_values("n")
            if de.empty:
                continue
            err = np.vstack([de.p_exceed_1 - de.p_exceed_1_lo, de.p_exceed_1_hi - de.p_exceed_1])
            ax.errorbar(de.n * (1 + 0.03 * (i - 1.5)), de.p_exceed_1, yerr=err, fmt="o-", ms=3.5,
                        lw=0.9, capsize=2, color=f"C{i}",
                        label=f"{common.ENSEMBLE_LABEL.get(e, e)} ({int(de.trials.min())}+ trials)")
        if scale == "glorot":
            ax.plot(theory.n, theory.exact_p_exceed_1, "k--", lw=1, label="complex Ginibre, exact (Kostlan)")
        elif scale == "paper":
            ok = theory.paper_factor.notna()
            ax.plot(theory.n[ok], theory.paper_p_exceed_1_exact[ok], "k--", lw=1,
                    label="complex Ginibre, exact (Kostlan)")
            ax.axhline(theory.paper_p_exceed_1_promised.iloc[0], color="0.4", ls=":", lw=1,
                       label="asymptotic promise of the published factor")
        ax.set_xscale("log", base=2)
        ax.set_ylim(-0.03, 1.03)
        ax.set_xlabel("width n (matrix size)")
        ax.set_ylabel(r"P($\rho(W)$ > 1) (probability), 95% Wilson CI")
        ax.set_title(f"scale {scale}: {common.width_range(d.n)}")
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=6.5)
    fig.suptitle("How often practical initialisers have spectral radius above 1", y=1.02)
    fig.tight_layout()
    common.save(fig, args.out, "practical")


if __name__ == "__main__":
    main()
