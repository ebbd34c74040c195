"""Rescaling Glorot: published factor s_n vs the exact factor for P(rho > 1) = P, against n (top),
and the true P(rho > 1) each delivers, exactly and by Monte Carlo (bottom). Also writes
rescaling_table.md (selected widths). Reads rescaling.csv of the `theory`, `complex` and `real`
steps.

    python3 plots/rescaling.py --results results/rescaling --out results/rescaling/figures
"""

import numpy as np
import matplotlib.pyplot as plt

import common

UNDEFINED_BELOW = 163.5  # gamma_n <= 0 for n <= 163: the published formula has no value there


def main():
    args = common.parse_args(__doc__)
    exact = common.load(args.results, "theory", "rescaling.csv").sort_values("n")
    mc = common.load_steps(args.results, "rescaling.csv", ["complex", "real"])
    names = list(dict.fromkeys(exact.factor_name))
    color = {name: f"C{i}" for i, name in enumerate(names)}

    fig, (top, bot) = plt.subplots(2, 1, figsize=(6.6, 7.4), sharex=True)
    for name in names:
        d = exact[exact.factor_name == name]
        label = "published $s_n$ (Bar et al. 2025)" if name == "paper" else f"exact factor, P = {name.split(':')[1]}"
        top.plot(d.n, d.factor, "-", color=color[name], lw=1.3, label=label)
        ok = d.defined.astype(str).str.lower() == "true"
        bot.plot(d.n[ok], d.exact_p_exceed_1[ok], "-", color=color[name], lw=1.3,
                 label=f"{name}: exact (Kostlan, complex)")
        bot.axhline(d.target_p.iloc[0], color=color[name], ls=":", lw=0.8)
    styles = {"complex": ("o", "complex, Monte Carlo"), "real": ("s", "real, Monte Carlo")}
    for (step, name), d in mc.groupby(["step", "factor_name"], sort=False):
        d = d[d.mc_p_exceed_1.notna()]
        if d.empty or name not in color:
            continue
        marker, what = styles.get(step, ("^", step))
        err = np.vstack([d.mc_p_exceed_1 - d.mc_p_exceed_1_lo, d.mc_p_exceed_1_hi - d.mc_p_exceed_1])
        bot.errorbar(d.n, d.mc_p_exceed_1, yerr=err, fmt=marker, ms=3.5, color=color[name],
                     mfc="none" if step == "real" else color[name], capsize=1.5, lw=0.7,
                     label=f"{name}: {what} (95% CI)")
    for ax in (top, bot):
        ax.axvspan(exact.n.min() / 1.2, UNDEFINED_BELOW, color="0.5", alpha=0.12, lw=0)
        ax.set_xscale("log", base=2)
        ax.grid(True, alpha=0.3)
    top.text(0.02, 0.04, "published formula undefined\n($\\gamma_n \\leq 0$, n $\\leq$ 163)",
             transform=top.transAxes, fontsize=7, color="0.3")
    top.set_ylabel("factor s multiplying Glorot's entries (dimensionless)")
    top.set_title(f"Rescaling factors, complex Ginibre, {common.width_range(exact.n)}")
    top.legend(fontsize=7)
    bot.set_yscale("log")
    bot.set_xlabel("width n (matrix size)")
    bot.set_ylabel(r"P($\rho$(sW) > 1) delivered (probability); dotted: target")
    bot.set_title(f"What each factor delivers, {common.width_range(list(exact.n) + list(mc.n))}")
    bot.legend(fontsize=5.5, ncol=2, loc="lower left")
    fig.tight_layout()
    common.save(fig, args.out, "rescaling")
    write_table(exact, args.out / "rescaling_table.md")


def write_table(exact, path):
    """Markdown table of factor and exact P(rho > 1) at a few widths, 'undefined' where so."""
    widths = [n for n in (16, 64, 128, 256, 1024, 4096, 65536, 1048576) if n in set(exact.n)]
    lines = ["| n | " + " | ".join(f"{f} factor | {f} P(rho>1)" for f in dict.fromkeys(exact.factor_name)) + " |"]
    lines.append("|" + "---|" * (1 + 2 * exact.factor_name.nunique()))
    for n in widths:
        cells = []
        for _, r in exact[exact.n == n].iterrows():
            if str(r.defined).lower() == "true":
                cells += [f"{r.factor:.6f}", f"{r.exact_p_exceed_1:.4g}"]
            else:
                cells += ["undefined", "undefined"]
        lines.append(f"| {n} | " + " | ".join(cells) + " |")
    path.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
