"""Monte Carlo spectral radii, sampled by the Rust library on all cores.

Each trial has its own random stream, keyed on the seed, the ensemble, the scale, the width, the
method and the precision, so a seed gives the same radii whatever the thread count, and the
same radii as the CLI's ``radius_trials.csv`` (``mc-gumbel --widths N --trials T --ensemble E
--scale S --method M --precision P --seed SEED``).
"""

from __future__ import annotations

from typing import Callable, NamedTuple, Optional, Union

import numpy as np

from . import _args, _core
from ._progress import ProgressLine
from .laws import DEFAULT_ENSEMBLE

#: ``progress=``: ``True`` for a line with ETA on stderr, or a callable ``f(done, total)``.
Progress = Union[bool, Callable[[int, int], None], None]


def sample_radius(
    n: int,
    trials: int,
    ensemble: str = DEFAULT_ENSEMBLE,
    scale: Union[str, float] = "glorot",
    method: str = "dense",
    precision: str = "f64",
    seed: int = 1,
    threads: Optional[int] = None,
    progress: Progress = False,
) -> np.ndarray:
    """Spectral radii of ``trials`` random ``n x n`` matrices, as a float64 array in trial order.

    * ``ensemble``: ``real-ginibre`` (Glorot normal), ``complex-ginibre``, ``quaternion-ginibre``
      (sampled as its ``2n x 2n`` complex form), ``glorot-uniform``,
      ``truncated-normal`` (standard normal cut at +-2 and not re-normalised, so of variance
      ``0.8796^2 / n``: Haiku's default), ``truncated-normal-unit`` (the same re-normalised to
      variance ``1/n``: JAX ``glorot_normal``) or ``orthogonal`` (Haar); the others have entries
      of variance ``1/n`` before scaling.
    * ``scale``: ``glorot`` (1), ``half`` (``1/sqrt 2``), ``paper`` (the published rescaling,
      ``n >= 164``), ``exact:P`` (``P(rho > 1) = P`` exactly; ensembles with an exact law) or a
      number.
    * ``method``: ``dense`` (all eigenvalues of the sampled matrix, any ensemble),
      ``hessenberg`` (the exact Hessenberg form of a Ginibre matrix, Edelman's model; same
      eigenvalue law, no O(n^3) reduction) or ``kostlan`` (complex and quaternion Ginibre's radius exactly
      in O(n) from independent Gamma variables; Kostlan 1992, Rider 2003).
    * ``precision``: ``f64``, or ``f32`` (what recurrent weights are in practice; about twice as
      fast).
    * ``threads``: worker threads, default all logical CPUs; the radii do not depend on it.
    * ``progress``: ``True`` prints trials done, elapsed time and ETA on one stderr line; a
      callable is called as ``progress(done, total)`` instead (e.g. to drive a tqdm bar).

    The GIL is released while trials run, and Ctrl-C raises ``KeyboardInterrupt`` within about a
    tenth of a second of work. Bad arguments raise ``ValueError`` with the CLI's message.
    """
    return _core.sample_radius(
        _args.text(n),
        _args.text(trials),
        ensemble,
        _args.text(scale),
        method,
        precision,
        _args.text(seed),
        _args.optional(threads),
        ProgressLine("sample_radius", "trials") if progress is True else progress or None,
    )


class McFactor(NamedTuple):
    """A factor calibrated on a sample, with its distribution-free 95% interval."""

    #: ``1 / q_hat(1 - p)``: the factor the sample says gives ``P(rho > 1) = p``.
    factor: float
    #: Interval ends from the order statistics that bound the ``(1 - p)``-quantile; ``None``
    #: where the sample has no order statistic extreme enough (too few trials for this ``p``).
    lo: Optional[float]
    hi: Optional[float]
    p: float
    trials: int


def mc_factor(
    n: int,
    p: float = 0.01,
    ensemble: str = "glorot-uniform",
    trials: int = 10_000,
    method: str = "dense",
    precision: str = "f64",
    seed: int = 1,
    threads: Optional[int] = None,
    progress: Progress = False,
) -> McFactor:
    """The factor ``s`` with ``P(rho(s W) > 1) = p``, estimated from ``trials`` Glorot-scale
    radii: ``rho(s W) = s rho(W)``, so ``s = 1 / q(1 - p)`` with ``q`` the quantile of ``rho(W)``
    (type-7 sample quantile). The 95% interval comes from the binomial law of the number of
    radii below the true quantile (docs/math/statistics.md). This is the ``mc:P`` row of the
    CLI's ``rescaling.csv`` for the same seed and trials, to the last bit.

    For ensembles with an exact law prefer ``exact_factor``, which has no sampling error."""
    radii = np.sort(
        sample_radius(n, trials, ensemble, "glorot", method, precision, seed, threads, progress)
    )
    factor, lo, hi = _core.mc_factor(radii, float(p))
    return McFactor(factor, lo, hi, float(p), len(radii))
