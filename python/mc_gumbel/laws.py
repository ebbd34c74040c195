"""Exact finite-width laws of the spectral radius of Ginibre matrices, and the tables of
``mc-gumbel theory``.

``W`` is ``n x n`` with i.i.d. entries of variance ``1/n`` (Glorot normal for ``real-ginibre``;
real and imaginary parts of variance ``1/(2n)`` for ``complex-ginibre``), and ``rho`` its
spectral radius. The laws are exact at every width, not asymptotic:

* ``complex-ginibre``: Kostlan (1992): the squared moduli of the eigenvalues are distributed as
  independent ``Gamma(k, 1)/n``, ``k = 1..n``, so ``P(rho <= r) = prod_k P(Gamma(k,1) <= n r^2)``
  (docs/math/kostlan.md).
* ``quaternion-ginibre``: quaternion entries with four real components of variance ``1/(4n)``,
  held as their ``2n x 2n`` complex form; the squared moduli of the ``n`` eigenvalues in the
  upper half plane are independent ``Gamma(2k, 1)/(2n)`` (Rider 2003, Dubach 2021), so
  ``P(rho <= r) = prod_k P(Gamma(2k,1) <= 2n r^2)`` (docs/math/quaternion.md).
* ``real-ginibre``: Sinclair (2007) and Forrester & Nagao (2007): the gap probability of the
  real Ginibre ensemble is a Pfaffian, evaluated as a determinant of size ``ceil(n/2)``; its
  stated accuracy is ``|F - F_n| <= 1e-13`` for ``n <= 4096``, the range it is offered on
  (docs/math/real_ginibre.md).

Every function is the Rust library's own: values equal those of the CLI's CSV files to the last
bit. Radii and probabilities may be numpy arrays of any shape; the result has that shape (a
plain ``float`` for a scalar), and points are evaluated in parallel with the GIL released.
"""

from __future__ import annotations

from typing import Iterable, NamedTuple, Optional, Sequence, Union

import numpy as np

from . import _args, _core
from .results import Table, parse_table

ArrayLike = Union[float, Sequence[float], np.ndarray]

#: The ensemble every function of the package defaults to: real Gaussian matrices, what
#: practitioners initialise (Glorot normal).
DEFAULT_ENSEMBLE = "real-ginibre"


def _evaluate(what: str, x: ArrayLike, n: int, ensemble: str) -> Union[float, np.ndarray]:
    values = np.asarray(x, dtype=np.float64)
    out = _core.law_eval(what, _args.text(n), ensemble, np.ascontiguousarray(values).ravel())
    if values.ndim == 0:
        return float(out[0])
    return out.reshape(values.shape)


def cdf(r: ArrayLike, n: int, ensemble: str = DEFAULT_ENSEMBLE) -> Union[float, np.ndarray]:
    """``P(rho <= r)`` at width ``n``. NaN maps to NaN; ``r <= 0`` gives 0, ``r = inf`` gives 1."""
    return _evaluate("cdf", r, n, ensemble)


def sf(r: ArrayLike, n: int, ensemble: str = DEFAULT_ENSEMBLE) -> Union[float, np.ndarray]:
    """``P(rho > r)``, computed on its own (not as ``1 - cdf``), so it keeps its relative
    accuracy far in the upper tail."""
    return _evaluate("sf", r, n, ensemble)


def quantile(p: ArrayLike, n: int, ensemble: str = DEFAULT_ENSEMBLE) -> Union[float, np.ndarray]:
    """The ``p``-quantile of ``rho``, ``0 < p < 1``: the ``r`` with ``P(rho <= r) = p``."""
    return _evaluate("quantile", p, n, ensemble)


def isf(q: ArrayLike, n: int, ensemble: str = DEFAULT_ENSEMBLE) -> Union[float, np.ndarray]:
    """The level exceeded with probability ``q``: the ``r`` with ``P(rho > r) = q``, without
    rounding ``1 - q`` (accurate for tiny ``q``)."""
    return _evaluate("isf", q, n, ensemble)


def mean(n: int, ensemble: str = DEFAULT_ENSEMBLE) -> float:
    """``E[rho]`` at width ``n``, by quadrature of the exact survival function."""
    return _core.law_moments(_args.text(n), ensemble)[0]


def sd(n: int, ensemble: str = DEFAULT_ENSEMBLE) -> float:
    """The standard deviation of ``rho`` at width ``n``."""
    return _core.law_moments(_args.text(n), ensemble)[1]


def p_exceed_1(n: int, ensemble: str = DEFAULT_ENSEMBLE) -> float:
    """``P(rho > 1)`` at Glorot scale: how often an ``n x n`` Glorot matrix has an eigenvalue
    outside the unit circle (for real matrices: 88% at ``n = 64``, 99.96% at ``n = 1024``)."""
    return float(sf(1.0, n, ensemble))


def exact_factor(n: int, p: float = 0.01, ensemble: str = DEFAULT_ENSEMBLE) -> float:
    """The factor ``s`` with ``P(rho(s W) > 1) = p`` exactly: ``s = 1 / isf(p)``, since
    ``rho(s W) = s rho(W)``. This is the CLI's ``--scale exact:P``. Ensembles without an exact
    law (``glorot-uniform``, ``truncated-normal``) raise ``ValueError``; ``mc_factor`` estimates
    their factor by Monte Carlo, with an interval."""
    return _core.exact_factor(_args.text(n), _args.text(p), ensemble)


def paper_factor(n: int) -> Optional[float]:
    """The published width-dependent rescaling of Glorot,
    ``s_n = 1 / (1 + sqrt(gamma_n / 4n) + (gamma_E + pi/sqrt 6) / sqrt(4 n gamma_n))`` with
    ``gamma_n = log(n / 2 pi) - 2 log log n``, which maps the mean-plus-one-sd point of Rider's
    (2003, 2014) Gumbel limit to 1 (docs/math/asymptotics.md). ``None`` where ``gamma_n <= 0``,
    i.e. ``n < 164``. It promises ``P(rho > 1) = 14.4%`` (complex) or ``7.5%`` (real)
    asymptotically; ``theory()`` shows what it delivers at finite ``n``."""
    return _core.paper_factor(_args.text(n))


class TheoryTables(NamedTuple):
    """The tables of ``mc-gumbel theory``, with the columns of its files."""

    #: ``theory.csv``: per ensemble and width, the exact law's moments and quantiles,
    #: ``P(rho > 1)``, Rider's Gumbel limit, and what the published factor delivers.
    theory: Table
    #: ``rescaling.csv``: per candidate factor (glorot, half, paper, exact:P per target), the
    #: factor and the exact ``P(rho > 1)`` it delivers.
    rescaling: Table
    #: ``theory_cdf.csv``: the exact CDF at ``cdf_points`` radii per ensemble and width (empty
    #: when ``cdf_points = 0``).
    cdf: Table


def theory(
    widths: Union[int, str, Iterable[int]],
    ensemble: Union[str, Iterable[str]] = ("complex-ginibre", "real-ginibre"),
    targets: Union[float, Iterable[float]] = (0.5, 0.1, 0.01),
    cdf_points: int = 0,
    threads: Optional[int] = None,
) -> TheoryTables:
    """What ``mc-gumbel theory --widths W --ensemble E --targets T --cdf-points K`` writes,
    as tables: the same function computes them and the same writer formats them, so every value
    equals the CLI's to the last bit. ``widths`` takes a list or the CLI's ranges
    (``"16..4096:x2"``). Real-Ginibre exact columns are empty above ``n = 4096``."""
    texts = _core.theory_tables(
        _args.text_list(widths),
        _args.text_list(ensemble),
        _args.text_list(targets),
        _args.text(cdf_points),
        _args.optional(threads),
    )
    names = ("theory.csv", "rescaling.csv", "theory_cdf.csv")
    return TheoryTables(*(parse_table(t, name) for t, name in zip(texts, names)))
