"""The Rust extension. Every argument is the text the CLI takes for the matching flag; the
public modules (``laws``, ``sampling``, ``initializers``) are the interface to use."""

from typing import Callable, List, Optional, Tuple

import numpy as np
import numpy.typing as npt

__version__: str

def sample_radius(
    n: str,
    trials: str,
    ensemble: str,
    scale: str,
    method: str,
    precision: str,
    seed: str,
    threads: Optional[str] = None,
    progress: Optional[Callable[[int, int], None]] = None,
) -> npt.NDArray[np.float64]: ...
def law_eval(
    what: str, n: str, ensemble: str, x: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]: ...
def law_moments(n: str, ensemble: str) -> Tuple[float, float]: ...
def exact_factor(n: str, p: str, ensemble: str) -> float: ...
def paper_factor(n: str) -> Optional[float]: ...
def mc_factor(
    sorted: npt.NDArray[np.float64], p: float
) -> Tuple[float, Optional[float], Optional[float]]: ...
def theory_tables(
    widths: str,
    ensemble: str,
    targets: str,
    cdf_points: str,
    threads: Optional[str] = None,
) -> Tuple[str, str, str]: ...
def columns() -> List[Tuple[str, List[str]]]: ...
