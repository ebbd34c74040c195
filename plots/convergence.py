"""Convergence of rho to 1 from above: mean and median excess rho - 1 against n, log-log, with
Rider's sqrt(gamma_n / (4n)) and the exact excess from Kostlan's law; quaternion Ginibre's exact
excess and O(n) sampler beside it where the run has them. Reads convergence.csv of the `kostlan`,
`dense` and `quaternion` steps and theory.csv of the `theory` step.

    python3 plots/convergence.py --results results/convergence --out results/convergence/figures
"""

import numpy as np
import matplotlib.pyplot as plt

import common


def main():
    args = common.parse_args(__doc__)
    conv = common.load_steps(args.results, "convergence.csv", ["kostlan", "dense", "quaternion"])
    theory = common.load(args.results, "theory", "theory.csv").sort_values("n")
    # theory.csv has a row per ensemble and width: this figure is about complex Ginibre, with
    # quaternion Ginibre beside it.
    quaternion = theory[theory.ensemble == "quaternion-ginibre"]
    theory = theory[theory.ensemble == "complex-ginibre"]
    conv = conv[conv.ensemble.isin(["complex-ginibre", "quaternion-ginibre"])]

    fig, ax = plt.subplots(figsize=(6.4, 4.6))
    n = theory.n.to_numpy(float)
    # Exact curves: no Monte Carlo error at all.
    ax.plot(n, theory.exact_mean - 1, "k-", lw=1.2, label=r"exact mean excess $E\rho_n - 1$ (Kostlan)")
    ax.plot(n, theory.exact_median - 1, "k:", lw=1.2, label="exact median excess (Kostlan)")
    if len(quaternion):
        ax.plot(quaternion.n, quaternion.exact_mean - 1, "C3-", lw=1.2,
                label="exact mean excess, quaternion Ginibre")
    # Rider's location: undefined (gamma_n <= 0) below n = 164.
    defined = theory.gamma_n > 0
    pred = np.sqrt(theory.gamma_n[defined] / (4 * n[defined]))
    ax.plot(n[defined], pred, "C1--", lw=1.4, label=r"Rider: $\sqrt{\gamma_n/(4n)}$ (n $\geq$ 164)")
    ax.axvspan(n.min() / 1.2, 163.5, color="C1", alpha=0.08, lw=0,
               label=r"$\gamma_n \leq 0$: Rider's formula undefined")
    styles = {"kostlan": ("C0", "o", "Kostlan sampler"), "dense": ("C2", "s", "dense eigenvalues"),
              "quaternion": ("C3", "D", "quaternion, gamma sampler")}
    for (step, method), d in conv.groupby(["step", "method"], sort=False):
        d = d.sort_values("n")
        color, marker, what = styles.get(step, ("C4", "^", step))
        pos = d.mean_excess > 0  # log axis: a non-positive mean excess cannot be drawn
        err = np.vstack([d.mean_excess - d.mean_excess_lo, d.mean_excess_hi - d.mean_excess])
        ax.errorbar(d.n[pos], d.mean_excess[pos], yerr=err[:, pos.to_numpy()], fmt=marker, ms=4,
                    color=color, mfc=color, capsize=2, lw=0.8,
                    label=f"mean excess, {what} ({method}), 95% CI")
        ax.plot(d.n[d.median_excess > 0], d.median_excess[d.median_excess > 0], marker, ms=6,
                color=color, mfc="none", label=f"median excess, {what}")
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_xlabel("width n (matrix size)")
    ax.set_ylabel(r"excess $\rho(W) - 1$ (dimensionless)")
    ax.set_title(("Complex and quaternion" if len(quaternion) else "Complex")
                 + " Ginibre, Glorot scale: rho converges to 1 from above, "
                 f"{common.width_range(list(conv.n) + list(theory.n))}")
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize=6.5, loc="lower left")
    fig.tight_layout()
    common.save(fig, args.out, "convergence")


if __name__ == "__main__":
    main()
