"""A Glorot initialiser rescaled so that ``P(rho(W) > 1)`` is exactly what you ask.

A Glorot-initialised ``n x n`` recurrent matrix has spectral radius above 1 with high
probability at every practical width (real Glorot normal: 88% at ``n = 64``, 98% at 256, 99.96%
at 1024), so a linear RNN on long sequences explodes. Multiplying by ``s = 1 / isf(p)`` makes
``P(rho(s W) > 1) = p`` exactly, since ``rho(s W) = s rho(W)``; ``isf`` is the exact law's
(``laws.exact_factor``). The published asymptotic factor instead is undefined below ``n = 164``
and, for real matrices, delivers 0.24% at ``n = 256`` against its promised 7.5%.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Optional, Sequence, Union

import numpy as np

from . import _args, _core, laws, sampling

#: Ensembles whose entries ``rescaled_glorot`` draws, and how (before the factor).
ENSEMBLES = (
    "real-ginibre",
    "complex-ginibre",
    "quaternion-ginibre",
    "glorot-uniform",
    "truncated-normal",
    "truncated-normal-unit",
)
#: The standard deviation of a standard normal truncated to (-2, 2), as JAX and Keras write it.
TRUNCATED_NORMAL_SD = 0.87962566103423978
EXACT = ("real-ginibre", "complex-ginibre", "quaternion-ginibre")


class Calibration(NamedTuple):
    """The factor ``rescaled_glorot`` applies, and where it comes from."""

    factor: float
    #: ``"exact"`` (exact law, evaluated to about 1e-13 in ``P``) or ``"monte-carlo"``.
    method: str
    #: The 95% interval of a Monte Carlo factor; equal to ``factor`` when exact.
    lo: Optional[float]
    hi: Optional[float]


def calibrate(
    n: int,
    p: float = 0.01,
    ensemble: str = laws.DEFAULT_ENSEMBLE,
    mc_trials: Optional[int] = None,
    seed: int = 1,
) -> Calibration:
    """The factor that gives ``P(rho > 1) = p`` at width ``n``: exact for ``real-ginibre``,
    ``complex-ginibre`` and ``quaternion-ginibre``; for ``glorot-uniform`` and the truncated normals, which have no exact
    law, a Monte Carlo estimate from ``mc_trials`` sampled matrices (``sampling.mc_factor``),
    which must then be asked for explicitly, since it carries sampling error."""
    if ensemble not in ENSEMBLES:
        raise ValueError(
            f"ensemble: '{ensemble}' cannot be calibrated; choose from {', '.join(ENSEMBLES)}"
            + (" (an orthogonal matrix has rho = 1 at Glorot scale: no factor gives 0 < p < 1)"
               if ensemble == "orthogonal" else "")
        )
    if ensemble in EXACT:
        if mc_trials is not None:
            raise ValueError(
                f"mc_trials: {ensemble} has an exact law, so its factor needs no Monte Carlo; "
                "leave mc_trials unset"
            )
        s = _exact_factor(_args.text(n), _args.text(p), ensemble)
        return Calibration(s, "exact", s, s)
    if mc_trials is None:
        raise ValueError(
            f"ensemble: {ensemble} has no exact law, so its factor must be estimated: pass "
            f"mc_trials (e.g. 10000) to sample it, or see mc_factor({n}, {p}, '{ensemble}') for "
            "the estimate and its interval"
        )
    est = sampling.mc_factor(n, p, ensemble, trials=mc_trials, seed=seed)
    return Calibration(est.factor, "monte-carlo", est.lo, est.hi)


@lru_cache(maxsize=1024)
def _exact_factor(n: str, p: str, ensemble: str) -> float:
    # A factor costs a root search on the exact law (milliseconds to a second); initialising
    # many matrices of one shape should pay it once. Keyed on the texts the core parses.
    return _core.exact_factor(n, p, ensemble)


def rescaled_glorot(
    n: int,
    p: float = 0.01,
    ensemble: str = laws.DEFAULT_ENSEMBLE,
    rng: Union[None, int, Sequence[int], np.random.SeedSequence, np.random.Generator] = None,
    dtype: Optional[np.dtype] = None,
    *,
    mc_trials: Optional[int] = None,
    seed: int = 1,
) -> np.ndarray:
    """An ``n x n`` Glorot matrix scaled so that ``P(rho(W) > 1) = p``.

    Entries before scaling (variance ``1/n``, Glorot's for a square matrix):
    ``real-ginibre`` ``N(0, 1/n)`` (Glorot normal), ``complex-ginibre`` real and imaginary parts
    ``N(0, 1/(2n))``, ``quaternion-ginibre`` four components ``N(0, 1/(4n))``, returned as an
    array of shape ``(4, n, n)``: the real, ``i``, ``j`` and ``k`` parts (``rho`` is that of
    ``quaternion_complex_form(w)``), ``glorot-uniform`` ``U(-sqrt(3/n), sqrt(3/n))``, ``truncated-normal`` a
    standard normal redrawn outside ``[-2, 2]``, over ``sqrt(n)``, and
    ``truncated-normal-unit`` the same divided by ``TRUNCATED_NORMAL_SD`` (variance exactly
    ``1/n``: JAX ``glorot_normal``, Keras ``GlorotNormal``).

    The factor is exact for the Ginibre ensembles (``calibrate``); for ``glorot-uniform`` and the
    truncated normals pass ``mc_trials`` to estimate it by Monte Carlo (seeded by ``seed``;
    its interval is in ``calibrate(...)``). ``rng`` is what ``numpy.random.default_rng`` takes: a
    ``Generator``, or a seed (an int or a sequence of ints, e.g. a JAX key's data); ``dtype`` defaults to ``float32`` (``complex64`` for ``complex-ginibre``). Entries are
    drawn in double precision and rounded to ``dtype``.
    """
    complex_ = ensemble == "complex-ginibre"
    dtype = np.dtype(dtype if dtype is not None else (np.complex64 if complex_ else np.float32))
    if dtype.kind not in ("f", "c") or (complex_ and dtype.kind != "c"):
        need = "a complex" if complex_ else "a real or complex floating"
        raise ValueError(f"dtype: {ensemble} needs {need} dtype, not {dtype}")
    factor = calibrate(n, p, ensemble, mc_trials, seed).factor
    gen = np.random.default_rng(rng)
    size = (int(n), int(n))
    w: np.ndarray
    if ensemble == "quaternion-ginibre":
        w = gen.standard_normal((4, int(n), int(n))) / np.sqrt(4.0 * n)
    elif ensemble == "complex-ginibre":
        w = (gen.standard_normal(size) + 1j * gen.standard_normal(size)) / np.sqrt(2.0 * n)
    elif ensemble == "real-ginibre":
        w = gen.standard_normal(size) / np.sqrt(n)
    elif ensemble == "glorot-uniform":
        a = np.sqrt(3.0 / n)
        w = gen.uniform(-a, a, size)
    elif ensemble == "truncated-normal":
        w = _truncated_normal(gen, size) / np.sqrt(n)
    else:
        w = _truncated_normal(gen, size) / (TRUNCATED_NORMAL_SD * np.sqrt(n))
    return (factor * w).astype(dtype)


def _truncated_normal(gen: np.random.Generator, size: tuple[int, int]) -> np.ndarray:
    z = gen.standard_normal(size)
    out = np.abs(z) > 2.0
    while out.any():
        z[out] = gen.standard_normal(int(out.sum()))
        out = np.abs(z) > 2.0
    return z


def quaternion_complex_form(w: np.ndarray) -> np.ndarray:
    """The ``2n x 2n`` complex matrix ``[[A, B], [-conj(B), conj(A)]]`` of the quaternion matrix
    with components ``w = (r, x, y, z)`` (shape ``(4, n, n)``, as ``rescaled_glorot`` returns for
    ``quaternion-ginibre``), ``A = r + i x``, ``B = y + i z``: it acts on ``C^2n`` as the
    quaternion matrix acts on ``H^n``, and its eigenvalues, in conjugate pairs, are the
    quaternion matrix's (docs/math/quaternion.md)."""
    w = np.asarray(w)
    if w.ndim != 3 or w.shape[0] != 4 or w.shape[1] != w.shape[2]:
        raise ValueError(f"w: need the components of a square quaternion matrix, shape (4, n, n), "
                         f"not {w.shape}")
    a = w[0] + 1j * w[1]
    b = w[2] + 1j * w[3]
    return np.block([[a, b], [-b.conj(), a.conj()]])
