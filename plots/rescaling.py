"""Rescaling Glorot: published factor s_n vs the exact factors for P(rho > 1) = P of complex,
real and quaternion Ginibre, against n (top), and the true P(rho > 1) each delivers to each
ensemble, exactly and by Monte Carlo, beside what it promises to that ensemble (bottom). Also writes
rescaling_table.md (selected widths). Reads rescaling.csv of the `theory`, `complex`, `real` and
`quaternion` steps.

    python3 plots/rescaling.py --results results/rescaling --out results/rescaling/figures
"""

import numpy as np
import matplotlib.pyplot as plt
from matplotlib.lines import Line2D

import common

UNDEFINED_BELOW = 163.5  # gamma_n <= 0 for n <= 163: the published formula has no value there

# Line style of each ensemble's exact curves, marker of its Monte Carlo points.
STYLE = {"complex-ginibre": ("-", "o", "complex Ginibre"),
         "real-ginibre": ("--", "s", "real Ginibre"),
         "quaternion-ginibre": ("-.", "D", "quaternion Ginibre")}
# Where each exact law comes from.
SOURCE = {"complex-ginibre": "(Kostlan)", "real-ginibre": "(Sinclair)",
          "quaternion-ginibre": "(gamma moduli)"}


def shown(name):
    """The factors this figure compares: the published one and the exact calibrations."""
    return name == "paper" or name.startswith("exact:")


def factor_label(name):
    return "published $s_n$ (Bar et al. 2025)" if name == "paper" else f"exact factor, P = {name.split(':', 1)[1]}"


def main():
    args = common.parse_args(__doc__)
    exact = common.load(args.results, "theory", "rescaling.csv").sort_values("n")
    mc = common.load_steps(args.results, "rescaling.csv", ["complex", "real", "quaternion"])
    exact = exact[exact.factor_name.map(shown)]
    mc = mc[mc.factor_name.map(shown)]
    names = list(dict.fromkeys(exact.factor_name))
    color = {name: f"C{i}" for i, name in enumerate(names)}
    ensembles = [e for e in STYLE if e in set(exact.ensemble)]
    defined = common.is_true(exact.defined)

    fig, (top, bot) = plt.subplots(2, 1, figsize=(7.0, 8.2), sharex=True)
    for e in ensembles:
        ls, _, _ = STYLE[e]
        for name in names:
            d = exact[(exact.ensemble == e) & (exact.factor_name == name) & defined
                      & exact.factor.notna()]
            if d.empty:
                continue
            # s_n does not depend on the ensemble: draw it once.
            if not (name == "paper" and e != ensembles[0]):
                top.plot(d.n, d.factor, ls, color=color[name], lw=1.3)
            ok = d.exact_p_exceed_1 > 0  # log axis
            bot.plot(d.n[ok], d.exact_p_exceed_1[ok], ls, color=color[name], lw=1.3)
    # What each factor promises: P for exact:P (the same to every ensemble), and each ensemble's
    # own asymptotic promise for the published factor (target_p of its paper rows).
    x_right = exact.n.max() * 1.15
    for name in names:
        if name == "paper":
            continue
        p = exact[exact.factor_name == name].target_p.dropna()
        if len(p):
            bot.axhline(p.iloc[0], color=color[name], ls=":", lw=0.8)
    for e in ensembles:
        p = common.promise(exact, e)
        if p is None or "paper" not in color:
            continue
        ls, _, what = STYLE[e]
        bot.axhline(p, color=color["paper"], ls=":" if ls == "-" else "-.", lw=0.9)
        bot.text(x_right, p * (1.12 if ls == "-" else 0.88),
                 f"published factor's promise to {what}: {p:.4f}",
                 fontsize=6.5, color=color["paper"], ha="right", va="bottom" if ls == "-" else "top")
    for (step, e, name), d in mc.groupby(["step", "ensemble", "factor_name"], sort=False):
        d = d[d.mc_p_exceed_1.notna()].sort_values("n")
        if d.empty or name not in color:
            continue
        _, marker, _ = STYLE.get(e, ("-", "^", e))
        # Zero exceedances cannot sit on a log axis: draw their Wilson upper bound as a caret.
        pos = d.mc_p_exceed_1 > 0
        dp = d[pos]
        err = np.vstack([dp.mc_p_exceed_1 - dp.mc_p_exceed_1_lo, dp.mc_p_exceed_1_hi - dp.mc_p_exceed_1])
        bot.errorbar(dp.n, dp.mc_p_exceed_1, yerr=err, fmt=marker, ms=3.5, color=color[name],
                     mfc="none" if e != "complex-ginibre" else color[name], capsize=1.5, lw=0.7)
        dz = d[~pos]
        bot.plot(dz.n, dz.mc_p_exceed_1_hi, "v", ms=3.5, color=color[name], mfc="none")

    for ax in (top, bot):
        ax.axvspan(exact.n.min() / 1.2, UNDEFINED_BELOW, color="0.5", alpha=0.12, lw=0)
        ax.set_xscale("log", base=2)
        ax.grid(True, alpha=0.3)
    top.text(0.02, 0.04, "published formula undefined\n($\\gamma_n \\leq 0$, n $\\leq$ 163)",
             transform=top.transAxes, fontsize=7, color="0.3")
    top.set_ylabel("factor s multiplying Glorot's entries (dimensionless)")
    real_max = exact[(exact.ensemble == "real-ginibre") & exact.factor_name.str.startswith("exact:")
                     & exact.factor.notna()].n.max()
    top.set_title(f"Rescaling factors, {', '.join(STYLE[e][2] for e in ensembles)}, "
                  f"{common.width_range(exact.n)}"
                  + (f"\n(real Ginibre's exact law is evaluated up to n = {int(real_max)})"
                     if np.isfinite(real_max) and real_max < exact.n.max() else ""))
    colors = [Line2D([], [], color=color[n], lw=1.5, label=factor_label(n)) for n in names]
    styles = [Line2D([], [], color="k", ls=STYLE[e][0], lw=1.2, label=STYLE[e][2]) for e in ensembles]
    leg = top.legend(handles=colors, fontsize=7, loc="lower right", title="factor", title_fontsize=7)
    top.add_artist(leg)
    top.legend(handles=styles, fontsize=7, loc="lower center", title="exact factor for", title_fontsize=7)

    bot.set_yscale("log")
    lo = exact.exact_p_exceed_1[exact.exact_p_exceed_1 > 0].min()
    bot.set_ylim(max(lo / 2, 1e-6), 1.0)
    bot.set_xlabel("width n (matrix size)")
    bot.set_ylabel(r"P($\rho$(sW) > 1) delivered (probability)")
    bot.set_title(f"What each factor delivers, {common.width_range(list(exact.n) + list(mc.n))}"
                  "\ndotted: target P of the exact factors")
    method = {e: "/".join(sorted(set(mc[mc.ensemble == e].step))) for e in ensembles}
    keys = [Line2D([], [], color="k", ls=STYLE[e][0], lw=1.2, label=f"exact, {STYLE[e][2]} "
                   + SOURCE[e]) for e in ensembles]
    keys += [Line2D([], [], color="k", ls="none", marker=STYLE[e][1], ms=4,
                    mfc="k" if e == "complex-ginibre" else "none",
                    label=f"Monte Carlo, {STYLE[e][2]} (95% Wilson CI)") for e in ensembles
             if method[e]]
    keys.append(Line2D([], [], color="k", ls="none", marker="v", ms=4, mfc="none",
                       label="Monte Carlo, no exceedance: upper bound"))
    leg = bot.legend(handles=colors, fontsize=6.5, loc="lower left", title="factor (colour)",
                     title_fontsize=6.5)
    bot.add_artist(leg)
    bot.legend(handles=keys, fontsize=6.5, loc="lower right", title="ensemble (style)",
               title_fontsize=6.5)
    fig.tight_layout()
    common.save(fig, args.out, "rescaling")
    write_table(exact, args.out / "rescaling_table.md")


def write_table(exact, path):
    """Markdown table of factor and exact P(rho > 1) per ensemble at a few widths: 'undefined'
    where the factor is (paper below n = 164), 'n/a' where the exact law was not evaluated."""
    widths = [n for n in (16, 64, 128, 256, 1024, 4096, 65536, 1048576) if n in set(exact.n)]
    names = list(dict.fromkeys(exact.factor_name))
    lines = ["| ensemble | n | " + " | ".join(f"{f} factor | {f} P(rho>1)" for f in names) + " |"]
    lines.append("|" + "---|" * (2 + 2 * len(names)))
    for e in dict.fromkeys(exact.ensemble):
        for n in widths:
            rows = exact[(exact.ensemble == e) & (exact.n == n)].set_index("factor_name")
            cells = []
            for f in names:
                if f not in rows.index:
                    cells += ["n/a", "n/a"]
                    continue
                r = rows.loc[f]
                if str(r.defined).lower() != "true":
                    cells += ["undefined", "undefined"]
                else:
                    fac = f"{r.factor:.6f}" if np.isfinite(r.factor) else "n/a"
                    p = f"{r.exact_p_exceed_1:.4g}" if np.isfinite(r.exact_p_exceed_1) else "n/a"
                    cells += [fac, p]
            lines.append(f"| {e} | {n} | " + " | ".join(cells) + " |")
    path.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
