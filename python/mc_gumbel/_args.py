"""Arguments as the command line spells them.

The Rust core takes every argument as the text the CLI would receive for the matching flag and
resolves it with the CLI's own parsers, so Python accepts and refuses exactly what the CLI does,
with the same messages. This module only writes values as that text.
"""

from __future__ import annotations

from typing import Iterable, Optional, Union

import numpy as np

Scalar = Union[int, float, str, np.integer, np.floating]


def text(value: Scalar) -> str:
    """One value as a flag's text: ``64`` -> ``"64"``; floats in their shortest round-trip form
    (``repr``), so that the core parses back the very same double."""
    if isinstance(value, (float, np.floating)):
        return repr(float(value))
    return str(value)


def text_list(values: Union[Scalar, Iterable[Scalar]]) -> str:
    """A list flag's text: ``[64, 256]`` -> ``"64,256"``; a string passes through unchanged, so
    ranges such as ``"16..4096:x2"`` work as on the command line."""
    if isinstance(values, (str, int, float, np.integer, np.floating)):
        return text(values)
    return ",".join(text(v) for v in values)


def optional(value: Optional[Scalar]) -> Optional[str]:
    return None if value is None else text(value)
