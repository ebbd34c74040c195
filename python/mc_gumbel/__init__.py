"""mc-gumbel: the spectral radius of Glorot-initialised recurrent matrices, exactly.

The Rust library of the ``mc-gumbel`` command line, in Python:

* exact finite-width laws of the spectral radius of real, complex and quaternion Ginibre matrices
  (``cdf``, ``sf``, ``quantile``, ``isf``, ``mean``, ``sd``, ``p_exceed_1``), the factors
  that rescale Glorot (``exact_factor``, ``paper_factor``) and the tables of
  ``mc-gumbel theory`` (``theory``);
* the Monte Carlo sampler on all cores (``sample_radius``, ``mc_factor``), giving the CLI's
  radii for the same seed;
* ``rescaled_glorot``: an initial recurrent matrix with ``P(rho > 1)`` exactly ``p``
  (``quaternion_complex_form`` turns a quaternion one into the complex matrix it acts as);
* ``read_results``: one reader of the CLI's result folders for scripts and plots.

The mathematics and its sources are in the repository's ``docs/math/``.
"""

from ._core import __version__
from .initializers import Calibration, calibrate, quaternion_complex_form, rescaled_glorot
from .laws import (
    TheoryTables,
    cdf,
    exact_factor,
    isf,
    mean,
    p_exceed_1,
    paper_factor,
    quantile,
    sd,
    sf,
    theory,
)
from .results import Results, Table, read_results, read_table
from .sampling import McFactor, mc_factor, sample_radius

__all__ = [
    "__version__",
    "Calibration",
    "McFactor",
    "Results",
    "Table",
    "TheoryTables",
    "calibrate",
    "cdf",
    "exact_factor",
    "isf",
    "mc_factor",
    "mean",
    "p_exceed_1",
    "paper_factor",
    "quantile",
    "quaternion_complex_form",
    "read_results",
    "read_table",
    "rescaled_glorot",
    "sample_radius",
    "sd",
    "sf",
    "theory",
]
