"""Figure 1 of Bar et al. (2025): eigenvalue-modulus density (top) and growth of the hidden-state
norm ||h_t||^2 / n over t steps (bottom) for each initialisation. Reads density.csv of the
`density` and `density-diag` steps and hidden_norms.csv of the `hidden` and `hidden-diag` steps.

    python3 plots/figure1.py --results results/figure1 --out results/figure1/figures
"""

import numpy as np
import matplotlib.pyplot as plt

import common


def label(ensemble, scale):
    if ensemble == "diag-uniform":
        return "diag-uniform (LRU-style)"
    return f"{ensemble}, {scale}"


def main():
    args = common.parse_args(__doc__)
    dens = common.load_steps(args.results, "density.csv", ["density", "density-diag"])
    norms = common.load_steps(args.results, "hidden_norms.csv", ["hidden", "hidden-diag"])
    if "recurrence" in norms.columns:
        # Figure 1 is the dense recurrence h_t = W h_(t-1) + x_t; a run with --recurrence
        # dense,diagonal would otherwise draw each curve twice.
        norms = norms[norms.recurrence == "dense"]
    keys = list(dict.fromkeys(list(zip(dens.ensemble, dens.scale)) + list(zip(norms.ensemble, norms.scale))))
    color = {k: f"C{i}" for i, k in enumerate(keys)}

    fig, (top, bot) = plt.subplots(2, 1, figsize=(6.6, 7.6))
    for (e, s), d in dens.groupby(["ensemble", "scale"], sort=False):
        d = d.sort_values("r_lo")
        edges = np.append(d.r_lo.to_numpy(), d.r_hi.to_numpy()[-1])
        top.stairs(d.density.to_numpy(), edges, color=color[(e, s)], lw=1.1,
                   label=f"{label(e, s)}, n = {d.n.iloc[0]}")
        if d.exact_density.notna().any():
            mid = 0.5 * (d.r_lo + d.r_hi)
            top.plot(mid, d.exact_density, ":", color=color[(e, s)], lw=1, label=f"{label(e, s)}: exact")
    first = dens[dens.circular_law_density.notna()]
    if not first.empty:
        d = first[first.scale == first.scale.iloc[0]].sort_values("r_lo")
        d = d[d.ensemble == d.ensemble.iloc[0]]
        top.plot(0.5 * (d.r_lo + d.r_hi), d.circular_law_density, "k--", lw=0.9,
                 label=f"circular law ({d.scale.iloc[0]} scale)")
    top.axvline(1.0, color="0.3", lw=0.7)
    # The histogram's range reaches 2 (no modulus may overflow it); show only where mass is.
    r_max = dens[dens.density > 0].r_hi.max()
    top.set_xlim(0, max(1.1, 1.05 * r_max))
    top.set_xlabel(r"eigenvalue modulus $|\lambda|$ (dimensionless; 1 = unit circle)")
    top.set_ylabel(r"density of $|\lambda|$ (per unit modulus)")
    top.set_title(f"Eigenvalue-modulus density, {common.width_range(dens.n)}")
    top.legend(fontsize=6)

    for (e, s), d in norms.groupby(["ensemble", "scale"], sort=False):
        d = d.sort_values("t")
        c = color[(e, s)]
        bot.plot(d.t, d["mean"], "-", color=c, lw=1.2, label=f"{label(e, s)}: mean")
        bot.plot(d.t, d["median"], "--", color=c, lw=0.9)
        bot.fill_between(d.t, d.q10, d.q90, color=c, alpha=0.12, lw=0)
    tmax = norms.t.max()
    bot.plot([1, tmax], [1, tmax], "k:", lw=0.8, label=r"infinite width: $E\|h_t\|^2/n = t$")
    bot.set_yscale("log")
    # Means near the overflow level (1e300) would let the automatic limits pass the largest
    # double, where log ticks cannot be labelled: cap the axis a decade above the largest value.
    largest = norms[["mean", "q90"]].replace(np.inf, np.nan).max().max()
    top_decade = int(np.ceil(np.log10(min(1e300, 10 * largest))))
    # Matplotlib's own log locator overflows past the largest double on such a range: place the
    # decades ourselves, at most 8 labelled ones.
    stride = max(1, int(np.ceil(top_decade / 8)))
    bot.set_ylim(0.5, 10.0 ** top_decade)
    bot.set_yticks(10.0 ** np.arange(0, top_decade + 1, stride))
    bot.yaxis.set_minor_locator(plt.NullLocator())
    bot.set_xlabel("time step t")
    bot.set_ylabel(r"$\|h_t\|^2 / n$ (dimensionless)")
    bot.set_title(f"Hidden-state norm of h_t = W h_(t-1) + x_t, {common.width_range(norms.n)}"
                  "\nsolid: mean, dashed: median, band: 10%-90%")
    bot.legend(fontsize=6)
    fig.tight_layout()
    common.save(fig, args.out, "figure1")


if __name__ == "__main__":
    main()
