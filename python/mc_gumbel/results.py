"""Reading what mc-gumbel writes: CSV tables and result folders, with numpy only.

A results folder holds CSVs and a ``manifest.json``; ``mc-gumbel run experiments/NAME.toml``
writes one such folder per step. The CSVs follow one convention (header row, shortest
round-trip floats, empty field = undefined, booleans ``true``/``false``), so each column gets
one numpy type:

- int64 if every field is an integer (float64 with NaN if some are empty),
- float64 if every non-empty field is a number (parsed by ``float()``: bit-exact), NaN if empty,
- bool if every field is ``true`` or ``false`` (none empty),
- float64 NaN if every field is empty,
- otherwise str (an object array of Python ``str``; an empty field is ``""``).

A file named like one mc-gumbel writes (``COLUMNS``) is read by its contract, not by how its
fields look: its text columns are exactly ``TEXT_COLUMNS`` (str even where every field looks
like a number, as ``scale`` does after ``--scale 0.5``), and every other contracted column holds
numbers or ``true``/``false``, so a field that is neither raises ``ValueError`` naming the file,
the line and the column instead of turning the column into text. In any other file, a column of
numbers (or booleans) but for at most one non-empty field in ten raises the same error rather
than becoming text (``text_columns=[...]`` reads named columns as text). A CSV syntax error (a
quote not closed, a row with more or fewer fields than the header) raises ``ValueError`` naming
the line.

For example, ``P(rho > 1)`` of real Ginibre over the widths of every step of an experiment::

    r = read_results("results/radius-law")
    r.concat("radius_summary.csv").where(ensemble="real-ginibre").sort("n")["p_exceed_1"]
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from pathlib import Path
from typing import Any, Iterable, Mapping

import numpy as np

from . import _core

#: The columns each CSV file of mc-gumbel contracts to, in order (``mc-gumbel columns``).
COLUMNS: dict[str, list[str]] = {name: list(cols) for name, cols in _core.columns()}

#: The columns of mc-gumbel's CSVs that hold text: the ``String`` fields of the Rust row types
#: (``grep -n "pub .*: String" src/jobs/*.rs``; the raw ``radius_trials.csv`` writes the same
#: labels). Every other contracted column is numbers (empty: undefined) or ``true``/``false``.
TEXT_COLUMNS = frozenset(
    {"ensemble", "scale", "method", "precision", "factor_name", "recurrence", "calibrated_on"}
)

# In a file without a contract, a column whose non-empty fields are all numbers (or all
# booleans) except for at most this share of them is damaged numbers, not text: it raises.
_STRAY_SHARE = 0.1

_INT = re.compile(r"[+-]?[0-9]+")


class Table:
    """Columns of equal length, by name, in order; operations return new tables.

    ``Table({"n": np.array([16, 64]), "rho": np.array([1.1, 1.05])}, name="x.csv")``. The arrays
    are copied and made read-only; strings are kept as object arrays of ``str``.
    """

    def __init__(self, columns: Mapping[str, Any], name: str | None = None) -> None:
        self._columns: dict[str, np.ndarray] = {}
        for key, values in columns.items():
            a = np.array(values)
            if a.dtype.kind in "US":
                a = a.astype(object)
            if a.ndim != 1:
                raise ValueError(f"column {key!r} is not one-dimensional (shape {a.shape})")
            a.flags.writeable = False
            self._columns[key] = a
        lengths = {k: len(a) for k, a in self._columns.items()}
        if len(set(lengths.values())) > 1:
            raise ValueError(f"columns of different lengths: {lengths}")
        self.name = name

    @property
    def columns(self) -> list[str]:
        """The column names, in order."""
        return list(self._columns)

    def __len__(self) -> int:
        return len(next(iter(self._columns.values()))) if self._columns else 0

    def __getitem__(self, column: str) -> np.ndarray:
        try:
            return self._columns[column]
        except KeyError:
            raise KeyError(f"{self.name or 'table'} has no column {column!r}; "
                           f"it has {', '.join(self._columns) or 'none'}") from None

    def _take(self, index: np.ndarray) -> Table:
        return Table({k: a[index] for k, a in self._columns.items()}, self.name)

    def where(self, **equal: Any) -> Table:
        """The rows where every given column equals its value, as typed (a str never equals a
        number): ``t.where(ensemble="real-ginibre", n=64)``."""
        mask = np.ones(len(self), bool)
        for column, value in equal.items():
            a = self[column]
            # numpy < 2 answers a str compared with a number array with one scalar False.
            if isinstance(value, str) and a.dtype != object:
                mask[:] = False
            else:
                mask &= a == value
        return self._take(mask)

    def sort(self, column: str) -> Table:
        """The rows sorted by one column, stably (NaN last)."""
        return self._take(np.argsort(self[column], kind="stable"))

    @classmethod
    def concat(cls, tables: Iterable[Table], **constant_columns: Any) -> Table:
        """The rows of the tables one after another, with a column added per keyword.

        A keyword's value is the column's value in every row, or, as a list or tuple, one value
        per table (``Table.concat([a, b], step=["dense", "kostlan"])``). Tables without columns
        (empty CSVs) add nothing; the others must have the same columns. A column that is a
        number in one table and text in another (a column all empty in one step) is text.
        """
        tables = list(tables)
        per_table = {k: v if isinstance(v, (list, tuple)) else [v] * len(tables)
                     for k, v in constant_columns.items()}
        for key, values in per_table.items():
            if len(values) != len(tables):
                raise ValueError(f"{key}: {len(values)} values for {len(tables)} tables")
        keep = [i for i, t in enumerate(tables) if t.columns]
        if not keep:
            return Table({k: [] for k in per_table})
        names = tables[keep[0]].columns
        for i in keep:
            if set(tables[i].columns) != set(names):
                raise ValueError(f"cannot concatenate {tables[i].name or 'a table'} "
                                 f"(columns {', '.join(tables[i].columns)}) with columns "
                                 f"{', '.join(names)}")
        out = {c: _concat_column([tables[i][c] for i in keep]) for c in names}
        for key, values in per_table.items():
            out[key] = np.concatenate(
                [np.full(len(tables[i]), values[i], dtype=object if isinstance(values[i], str)
                         else None) for i in keep])
        return Table(out, tables[keep[0]].name)

    def to_dict(self) -> dict[str, list[Any]]:
        """Each column as a list of Python values."""
        return {k: a.tolist() for k, a in self._columns.items()}

    def to_pandas(self) -> Any:
        """The table as a pandas DataFrame (copied, so it may be modified)."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("to_pandas() needs pandas: pip install pandas") from None
        return pd.DataFrame({k: a.copy() for k, a in self._columns.items()}, columns=self.columns)

    def __repr__(self) -> str:
        name = f" {self.name}" if self.name else ""
        head = f"Table{name} ({len(self)} rows x {len(self._columns)} columns)"
        shown = self.columns[:8]
        cells = [[c] + [_cell(v) for v in self._columns[c][:5]] for c in shown]
        widths = [max(map(len, col)) for col in cells]
        lines = ["  " + "  ".join(col[r].ljust(w) for col, w in zip(cells, widths)).rstrip()
                 for r in range(len(cells[0]))] if cells else []
        if len(self) > 5:
            lines.append("  ...")
        if len(self._columns) > len(shown):
            lines.append(f"  and columns {', '.join(self.columns[len(shown):])}")
        return "\n".join([head] + lines)


def _cell(v: Any) -> str:
    return "" if isinstance(v, float) and math.isnan(v) else str(v)


def _text(a: np.ndarray) -> np.ndarray:
    """A column as the CSV text of its values (floats in shortest round-trip form, NaN empty)."""
    if a.dtype == bool:
        return np.array(["true" if v else "false" for v in a], dtype=object)
    return np.array([_cell(v) for v in a.tolist()], dtype=object)


def _concat_column(parts: list[np.ndarray]) -> np.ndarray:
    kinds = {p.dtype.kind for p in parts}
    if len(kinds) > 1 and not kinds <= {"i", "f"}:
        parts = [p if p.dtype == object else _text(p) for p in parts]
    return np.concatenate(parts)


def _is_number(field: str) -> bool:
    try:
        float(field)
    except ValueError:
        return False
    return True


class _Where:
    """Where the fields of one column come from, for error messages."""

    def __init__(self, name: str | None, column: str, lines: list[int]) -> None:
        self.name, self.column, self.lines = name, column, lines

    def at(self, row: int) -> str:
        return f"{self.name or 'CSV text'}, line {self.lines[row]}, column {self.column!r}"


def _column(fields: list[str], where: _Where, kind: str = "infer") -> np.ndarray:
    """One CSV column as its numpy type (the rules in the module's docstring).

    ``kind``: ``"text"`` (str whatever the fields), ``"typed"`` (a contracted non-text column:
    numbers or booleans, anything else raises) or ``"infer"`` (decided by the fields).
    """
    if kind == "text":
        return np.array(fields, dtype=object)
    full = [f for f in fields if f]
    if not full:
        return np.full(len(fields), np.nan)
    if all(_INT.fullmatch(f) for f in full):
        try:
            ints = np.array([int(f) for f in full], dtype=np.int64)
        except OverflowError:
            pass  # beyond int64: read as floats below
        else:
            if len(full) == len(fields):
                return ints
    try:
        return np.array([float(f) if f else math.nan for f in fields], dtype=np.float64)
    except ValueError:
        pass
    if len(full) == len(fields) and set(fields) <= {"true", "false"}:
        return np.array([f == "true" for f in fields], dtype=bool)
    # Neither all numbers nor all booleans: text, or numbers/booleans with bad fields.
    numbers = sum(map(_is_number, full))
    booleans = sum(f in ("true", "false") for f in full)
    boolean = booleans > numbers
    expected = "true or false" if boolean else "a number"
    strays = [i for i, f in enumerate(fields)
              if f and not (f in ("true", "false") if boolean else _is_number(f))]
    if kind == "typed":
        if boolean and not strays:  # booleans with empty fields: not something mc-gumbel writes
            row = fields.index("")
            raise ValueError(f"{where.at(row)}: empty field in a column of true/false; "
                             "mc-gumbel writes no empty field there (a damaged file?)")
        row = strays[0]
        raise ValueError(
            f"{where.at(row)}: {fields[row]!r} is not {expected}, and mc-gumbel writes only "
            f"{'true/false' if boolean else 'numbers'} in this column ({len(strays)} such "
            f"field(s) in it): a damaged file, or not one mc-gumbel wrote (a column that "
            f"mc-gumbel fills with text belongs in mc_gumbel.results.TEXT_COLUMNS)")
    if strays and len(strays) <= _STRAY_SHARE * len(full):
        row = strays[0]
        raise ValueError(
            f"{where.at(row)}: {fields[row]!r} is not {expected}, but "
            f"{len(full) - len(strays)} of the column's {len(full)} non-empty fields are; "
            f"pass text_columns=[{where.column!r}] to read the column as text")
    return np.array(fields, dtype=object)


def _rows(text: str, name: str | None) -> tuple[list[list[str]], list[int]]:
    """The CSV rows of ``text`` and the line each starts on; a syntax error raises ValueError."""
    reader = csv.reader(io.StringIO(text), strict=True)
    rows: list[list[str]] = []
    lines: list[int] = []
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            what = ("a quoted field is not closed before the end of the file"
                    if "unexpected end of data" in str(e) else f"not valid CSV: {e}")
            raise ValueError(f"{name or 'CSV text'}, line {line}: {what}") from None
        rows.append(row)
        lines.append(line)
    return rows, lines


def parse_table(text: str, name: str | None = None, text_columns: Iterable[str] = ()) -> Table:
    """CSV text (a header row, then rows) as a Table called ``name``.

    Empty text is a table with no columns and no rows. A CSV syntax error, a row with the wrong
    number of fields or a bad field in a column of numbers raises ``ValueError`` naming the
    line (see the module's docstring). Where ``name`` (its last part) is a file mc-gumbel
    writes, the column types follow its contract (``TEXT_COLUMNS``); ``text_columns`` are read
    as text in any case. Whether the contracted columns are all there is checked by
    ``read_table``.
    """
    return _parse(text, name, text_columns, required=[])


def _parse(text: str, name: str | None, text_columns: Iterable[str],
           required: list[str]) -> Table:
    rows, lines = _rows(text, name)
    header = rows[0] if rows else []
    missing = [c for c in required if c not in header]
    if missing:
        raise ValueError(f"{name} lacks column(s) {', '.join(missing)}; "
                         f"it has {', '.join(header) or 'none'}")
    if not rows:
        return Table({}, name)
    body, lines = rows[1:], lines[1:]
    for line, row in zip(lines, body):
        # csv reads a blank line as no fields: in a one-column file it is one empty field.
        if len(row or [""]) != len(header):
            raise ValueError(f"{name or 'CSV text'}, line {line}: {len(row)} field(s), "
                             f"but the header has {len(header)}")
    contract = set(COLUMNS.get(Path(name).name, [])) if name else set()
    text_set = set(text_columns)

    def kind(column: str) -> str:
        if column in text_set or (column in contract and column in TEXT_COLUMNS):
            return "text"
        return "typed" if column in contract else "infer"

    fields = zip(*[row or [""] for row in body]) if body else [[] for _ in header]
    return Table({h: _column(list(f), _Where(name, h, lines), kind(h))
                  for h, f in zip(header, fields)}, name)


def read_table(path: str | Path, text_columns: Iterable[str] = ()) -> Table:
    """One CSV file as a Table named after the file, checking its contracted columns.

    A file named like one mc-gumbel writes (``COLUMNS``) must have every column of its
    contract, with numbers or booleans in each but ``TEXT_COLUMNS``. A missing column, a CSV
    syntax error or a bad field raises ``ValueError`` naming the path (and the line and the
    column; see the module's docstring; ``text_columns`` are read as text). A missing file
    raises ``FileNotFoundError``.
    """
    path = Path(path)
    if not path.is_file():
        where = "" if path.parent.is_dir() else f" (nor does its folder {path.parent})"
        raise FileNotFoundError(f"{path} does not exist{where}: run the mc-gumbel command that "
                                f"writes {path.name} with --out {path.parent}, or check the path")
    with open(path, newline="", encoding="utf-8") as f:
        try:
            text = f.read()
        except UnicodeDecodeError as e:
            raise ValueError(f"{path} is not UTF-8 text (byte {e.start}: {e.reason})") from None
    # Named by its path, so that an error names the path.
    table = _parse(text, str(path), text_columns, required=COLUMNS.get(path.name, []))
    table.name = path.name
    return table


class Results:
    """A results folder: its manifest, its CSVs (read on first use and kept), its steps.

    ``r["radius_summary.csv"]`` or ``r["radius_summary"]`` is that CSV as a Table; ``r.steps``
    are the subfolders that are results folders themselves (the steps of an experiment).
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise FileNotFoundError(
                f"results folder {self.folder} does not exist; run mc-gumbel with --out "
                f"{self.folder} (or `mc-gumbel run experiments/NAME.toml --out "
                f"{self.folder}`) first")
        manifest = self.folder / "manifest.json"
        #: manifest.json as a dict, or None where the folder has none.
        self.manifest: dict[str, Any] | None = (json.loads(manifest.read_text())
                                      if manifest.is_file() else None)
        self._tables: dict[str, Table] = {}
        self._steps: dict[str, Results] = {}

    @property
    def files(self) -> list[str]:
        """The CSV files in the folder, by name."""
        return sorted(p.name for p in self.folder.glob("*.csv") if p.is_file())

    @property
    def steps(self) -> list[str]:
        """The subfolders that are results folders (with a manifest.json or CSVs), by name."""
        return sorted(p.name for p in self.folder.iterdir() if p.is_dir()
                      and ((p / "manifest.json").is_file() or any(p.glob("*.csv"))))

    def __getitem__(self, name: str) -> Table:
        name = name if name.endswith(".csv") else name + ".csv"
        if name not in self._tables:
            if not (self.folder / name).is_file():
                steps = f"; its steps are {', '.join(self.steps)} (use .step(name) or .concat)" \
                    if self.steps else ""
                raise FileNotFoundError(f"{self.folder} has no {name}; it has "
                                        f"{', '.join(self.files) or 'no CSV'}{steps}")
            self._tables[name] = read_table(self.folder / name)
        return self._tables[name]

    def step(self, name: str) -> Results:
        """The results folder of one step."""
        if name not in self._steps:
            if name not in self.steps:
                raise FileNotFoundError(f"{self.folder} has no step {name!r}; its steps are "
                                        f"{', '.join(self.steps) or 'none'}")
            self._steps[name] = Results(self.folder / name)
        return self._steps[name]

    def concat(self, file_name: str, steps: Iterable[str] | None = None) -> Table:
        """``file_name`` of the given steps that have it (default: all, by name), one after
        another, with a ``step`` column (str) naming each row's step."""
        file_name = file_name if file_name.endswith(".csv") else file_name + ".csv"
        asked = self.steps if steps is None else list(steps)
        have = [s for s in asked if (self.folder / s / file_name).is_file()]
        if not have:
            raise FileNotFoundError(f"no {file_name} under {self.folder} in any of the steps "
                                    f"{', '.join(asked) or '(none)'}")
        return Table.concat([self.step(s)[file_name] for s in have], step=have)

    def frame(self, name: str) -> Any:
        """``self[name]`` as a pandas DataFrame."""
        return self[name].to_pandas()

    def __repr__(self) -> str:
        return f"Results({str(self.folder)!r}: files {self.files}, steps {self.steps})"


def read_results(folder: str | Path) -> Results:
    """The results folder ``folder`` (see ``Results``)."""
    return Results(folder)
