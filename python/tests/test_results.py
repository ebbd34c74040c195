"""The results reader: column typing, exact floats, table operations, the column contract, and
an end-to-end read of what the CLI writes (`cli_bin`, conftest.py: a missing binary fails)."""

import csv
import json
import math
import struct
import subprocess

import numpy as np
import pytest

from mc_gumbel.results import (COLUMNS, TEXT_COLUMNS, Results, Table, parse_table, read_results,
                               read_table)


def bits(x):
    return struct.pack("<d", x)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_column_types():
    t = parse_table(
        "i,gap,f,none,b,s,bgap,spec\n"
        "1,2,0.5,,true,glorot,true,1.0\n"
        "-3,,1e300,,false,,,exact:0.01\n"
        "40,7,7,,true,paper,false,2\n",
        "x.csv",
    )
    assert t.columns == ["i", "gap", "f", "none", "b", "s", "bgap", "spec"]
    assert len(t) == 3 and t.name == "x.csv"
    assert t["i"].dtype == np.int64 and t["i"].tolist() == [1, -3, 40]
    assert t["gap"].dtype == np.float64
    assert t["gap"][0] == 2 and math.isnan(t["gap"][1]) and t["gap"][2] == 7
    assert t["f"].dtype == np.float64 and t["f"].tolist() == [0.5, 1e300, 7.0]
    assert t["none"].dtype == np.float64 and np.isnan(t["none"]).all()
    assert t["b"].dtype == bool and t["b"].tolist() == [True, False, True]
    # Text: an object array of str, an empty field is "".
    assert t["s"].dtype == object and t["s"].tolist() == ["glorot", "", "paper"]
    assert all(type(v) is str for v in t["s"])
    # A boolean column with an empty field has three states: it stays text.
    assert t["bgap"].dtype == object and t["bgap"].tolist() == ["true", "", "false"]
    assert t["spec"].dtype == object and t["spec"].tolist() == ["1.0", "exact:0.01", "2"]


def test_floats_are_bit_exact():
    texts = ["0.1", "1.0000000000000002", "5e-324", "2.2250738585072014e-308",
             "1.7976931348623157e308", "-0.0", "0.30000000000000004", "1.0729356929195362"]
    t = parse_table("x\n" + "\n".join(texts) + "\n")
    assert [bits(v) for v in t["x"]] == [bits(float(s)) for s in texts]


def test_empty_text_and_header_only():
    empty = parse_table("")
    assert empty.columns == [] and len(empty) == 0
    header = parse_table("a,b\n")
    assert header.columns == ["a", "b"] and len(header) == 0


def test_ragged_row_is_an_error():
    with pytest.raises(ValueError, match="r.csv, line 3: 1 field"):
        parse_table("a,b\n1,2\n3\n", "r.csv")


def test_where_sort_and_arrays_are_read_only():
    t = parse_table("ensemble,n,rho\nreal-ginibre,64,1.2\ncomplex-ginibre,64,1.1\n"
                    "real-ginibre,16,0.9\nreal-ginibre,64,1.0\n")
    r = t.where(ensemble="real-ginibre", n=64)
    assert r["rho"].tolist() == [1.2, 1.0]
    assert len(t.where(n="64")) == 0  # values compare as typed
    assert len(t.where(ensemble=64)) == 0
    s = t.sort("n")
    assert s["n"].tolist() == [16, 64, 64, 64]
    assert s["ensemble"].tolist() == ["real-ginibre", "real-ginibre", "complex-ginibre",
                                      "real-ginibre"]  # stable
    with pytest.raises(ValueError):
        t["rho"][0] = 3.0
    with pytest.raises(KeyError, match="has no column 'nope'"):
        t["nope"]
    assert t.to_dict()["n"] == [64, 64, 16, 64]
    assert "4 rows x 3 columns" in repr(t) and "complex-ginibre" in repr(t)


def test_table_constructor_checks_lengths():
    t = Table({"a": [1, 2], "s": ["x", "y"]}, name="t")
    assert t["s"].dtype == object and t.columns == ["a", "s"]
    with pytest.raises(ValueError, match="different lengths"):
        Table({"a": [1, 2], "b": [1]})


def test_concat():
    a = parse_table("n,scale,x\n16,glorot,\n", "a.csv")
    b = parse_table("n,scale,x\n32,0.5,0.25\n64,half,\n", "b.csv")
    t = Table.concat([a, parse_table(""), b], step=["a", "none", "b"], run=1)
    assert t.columns == ["n", "scale", "x", "step", "run"]
    assert t["n"].dtype == np.int64 and t["n"].tolist() == [16, 32, 64]
    # Text in one table, numbers in another: text, the numbers in shortest round-trip form.
    assert t["scale"].tolist() == ["glorot", "0.5", "half"]
    # All empty (NaN) in one table, numbers in the other: numbers.
    assert t["x"].dtype == np.float64 and t["x"][1] == 0.25
    assert t["step"].tolist() == ["a", "b", "b"] and t["run"].tolist() == [1, 1, 1]
    with pytest.raises(ValueError, match="cannot concatenate"):
        Table.concat([a, parse_table("n\n1\n")])
    with pytest.raises(ValueError, match="2 values for 1 tables"):
        Table.concat([a], step=["a", "b"])


def test_to_pandas():
    pd = pytest.importorskip("pandas")
    df = parse_table("n,rho,ok,e\n16,0.5,true,a\n32,,false,b\n").to_pandas()
    assert isinstance(df, pd.DataFrame) and list(df.columns) == ["n", "rho", "ok", "e"]
    assert df.n.dtype == np.int64 and df.ok.dtype == bool
    assert df.rho.isna().tolist() == [False, True]
    df.loc[0, "n"] = 1  # a copy: writable


def test_read_table_checks_the_contract(tmp_path):
    cols = COLUMNS["theory_cdf.csv"]
    assert cols == ["ensemble", "n", "r", "cdf", "sf"]
    good = write(tmp_path / "theory_cdf.csv", ",".join(cols) + "\ncomplex-ginibre,16,1.0,0.5,0.5\n")
    assert read_table(good).name == "theory_cdf.csv"
    bad = write(tmp_path / "bad" / "theory_cdf.csv", "ensemble,n,r\ncomplex-ginibre,16,1.0\n")
    with pytest.raises(ValueError, match=r"lacks column\(s\) cdf, sf; it has ensemble, n, r"):
        read_table(bad)
    # A file without a contract is read as it is.
    assert read_table(write(tmp_path / "mine.csv", "a\n1\n"))["a"].tolist() == [1]


def trials_csv(tmp_path, rows, folder="run"):
    """A radius_trials.csv of the contracted columns, one row per dict (defaults filled)."""
    cols = COLUMNS["radius_trials.csv"]
    base = dict(ensemble="real-ginibre", scale="glorot", scale_factor="1.0", method="dense",
                precision="f64", n="16", rho="1.0625", n_outside="1")
    lines = [",".join(cols)]
    for i, row in enumerate(rows):
        fields = {**base, "trial": str(i), **row}
        lines.append(",".join(fields[c] for c in cols))
    return write(tmp_path / folder / "radius_trials.csv", "\n".join(lines) + "\n")


def test_text_columns_are_the_string_fields_of_the_contract():
    contracted = {c for cols in COLUMNS.values() for c in cols}
    assert TEXT_COLUMNS <= contracted  # no stale name
    assert {"ensemble", "scale", "method", "precision", "factor_name", "recurrence",
            "calibrated_on"} == TEXT_COLUMNS


def test_a_word_in_a_contracted_number_column_names_file_line_and_column(tmp_path):
    path = trials_csv(tmp_path, [{}, {}, {"rho": "abc"}, {}])
    # Header on line 1: the third row is line 4.
    with pytest.raises(ValueError, match=r"radius_trials.csv, line 4, column 'rho': 'abc' is "
                                         r"not a number") as e:
        read_table(path)
    assert str(path) in str(e.value)
    # Through a results folder too, and in an integer column, and in a column of true/false.
    trials_csv(tmp_path, [{"n_outside": "1.5x"}], "ints")
    with pytest.raises(ValueError, match=r"line 2, column 'n_outside': '1\.5x' is not a number"):
        read_results(tmp_path / "ints")["radius_trials"]
    conv = ",".join(COLUMNS["convergence.csv"])
    good = "complex-ginibre,glorot,dense,f64,16,0.1,0.05,0.15,0.09,,,,,,true"
    bad = "complex-ginibre,glorot,dense,f64,32,0.1,0.05,0.15,0.09,,,,,,yes"
    path = write(tmp_path / "conv" / "convergence.csv", "\n".join([conv, good, bad]) + "\n")
    with pytest.raises(ValueError, match=r"line 3, column 'above': 'yes' is not true or false"):
        read_table(path)
    empty = write(tmp_path / "conv2" / "convergence.csv", f"{conv}\n{good}\n{bad[:-3]}\n")
    with pytest.raises(ValueError, match=r"line 3, column 'above': empty field"):
        read_table(empty)


def test_a_single_bad_field_is_an_error_in_a_file_of_one_row(tmp_path):
    # In a contracted file a column's type does not depend on how many rows agree.
    with pytest.raises(ValueError, match=r"line 2, column 'scale_factor': 'glorot' is not a"):
        read_table(trials_csv(tmp_path, [{"scale_factor": "glorot"}]))


def test_contracted_text_columns_stay_text_even_when_they_look_like_numbers(tmp_path):
    t = read_table(trials_csv(tmp_path, [{"scale": "0.5", "scale_factor": "0.5"}] * 3))
    assert t["scale"].dtype == object and t["scale"].tolist() == ["0.5"] * 3
    assert t["scale_factor"].dtype == np.float64
    assert t["n"].dtype == np.int64 and t["rho"].dtype == np.float64
    # Empty fields in number columns are undefined values, not errors; inf and NaN are numbers.
    t = read_table(trials_csv(tmp_path, [{"rho": ""}, {"rho": "inf"}, {"rho": "NaN"}], "b"))
    assert t["rho"].dtype == np.float64 and np.isnan(t["rho"][0]) and t["rho"][1] == np.inf


def test_parse_table_applies_the_contract_of_its_name():
    text = ",".join(COLUMNS["theory_cdf.csv"]) + "\ncomplex-ginibre,16,1.0,0.5,x\n"
    with pytest.raises(ValueError, match=r"theory_cdf.csv, line 2, column 'sf': 'x'"):
        parse_table(text, "theory_cdf.csv")
    assert parse_table(text, "other.csv")["sf"].tolist() == ["x"]  # one field: text
    assert parse_table(text, "theory_cdf.csv", text_columns=["sf"])["sf"].tolist() == ["x"]


def test_unknown_files_raise_rather_than_turn_a_number_column_into_text(tmp_path):
    numbers = [str(i / 4) for i in range(30)]
    path = write(tmp_path / "mine.csv", "x,label\n" + "\n".join(
        f"{v},{'a' if i % 2 else '3'}" for i, v in enumerate(numbers[:17] + ["abc"]
                                                               + numbers[17:])) + "\n")
    with pytest.raises(ValueError, match=rf"{path}, line 19, column 'x': 'abc' is not a number, "
                                         r"but 30 of the column's 31 non-empty fields are; "
                                         r"pass text_columns=\['x'\]"):
        read_table(path)
    t = read_table(path, text_columns=["x"])
    assert t["x"].dtype == object and t["x"][17] == "abc"
    # A column mixing words and numbers in earnest (here half and half) is text, as before.
    assert t["label"].dtype == object and t["label"].tolist()[:3] == ["3", "a", "3"]
    # The same for booleans: a stray word among 20 true/false raises.
    flags = ["true", "false"] * 10
    with pytest.raises(ValueError, match=r"line 7, column 'ok': 'maybe' is not true or false"):
        parse_table("ok\n" + "\n".join(flags[:5] + ["maybe"] + flags[5:]) + "\n", "f.csv")


def test_csv_syntax_errors_name_path_and_line(tmp_path):
    path = write(tmp_path / "q.csv", 'a,b\n1,2\n3,"open\n4,5\n')
    with pytest.raises(ValueError, match=rf"{path}, line 3: a quoted field is not closed"):
        read_table(path)
    path = write(tmp_path / "q2.csv", 'a,b\n1,"x"y\n')
    with pytest.raises(ValueError, match=rf"{path}, line 2: not valid CSV"):
        read_table(path)
    # Too many and too few fields; a quoted field across lines moves the line numbers on.
    path = write(tmp_path / "r.csv", 'a,b\n1,"two\nlines"\n3,4,5\n')
    with pytest.raises(ValueError, match=rf"{path}, line 4: 3 field\(s\), but the header has 2"):
        read_table(path)
    path = trials_csv(tmp_path, [{}, {}], "short")
    path.write_text(path.read_text() + "real-ginibre,glorot\n")
    with pytest.raises(ValueError, match=rf"{path}, line 4: 2 field\(s\), but the header has 9"):
        read_table(path)
    path = write(tmp_path / "bin.csv", "a\n")
    path.write_bytes(b"a\n\xff\n")
    with pytest.raises(ValueError, match=rf"{path} is not UTF-8"):
        read_table(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="radius_summary.csv does not exist"):
        read_table(tmp_path / "radius_summary.csv")
    with pytest.raises(FileNotFoundError, match="results folder .* does not exist; run"):
        read_results(tmp_path / "nope")
    r = Results(tmp_path)
    with pytest.raises(FileNotFoundError, match="has no radius_summary.csv"):
        r["radius_summary"]
    with pytest.raises(FileNotFoundError, match="has no step 'x'"):
        r.step("x")


def test_steps_and_concat(tmp_path):
    header = ",".join(COLUMNS["theory_cdf.csv"]) + "\n"
    write(tmp_path / "b" / "theory_cdf.csv", header + "real-ginibre,16,1.0,0.5,0.5\n")
    write(tmp_path / "a" / "theory_cdf.csv", header + "complex-ginibre,16,1.0,0.25,0.75\n")
    write(tmp_path / "c" / "manifest.json", json.dumps({"complete": True}))
    (tmp_path / "figures").mkdir()
    r = read_results(tmp_path)
    assert r.steps == ["a", "b", "c"] and r.files == [] and r.manifest is None
    assert r.step("c").manifest == {"complete": True}
    assert r.step("a")["theory_cdf"] is r.step("a")["theory_cdf.csv"]  # read once
    t = r.concat("theory_cdf.csv", ["b", "c", "a"])
    assert t["step"].tolist() == ["b", "a"] and t["cdf"].tolist() == [0.5, 0.25]
    assert r.concat("theory_cdf")["step"].tolist() == ["a", "b"]
    with pytest.raises(FileNotFoundError, match="no radius_trials.csv under"):
        r.concat("radius_trials.csv")


def test_reads_what_the_cli_writes(tmp_path, cli_bin):
    out = tmp_path / "run"
    subprocess.run([str(cli_bin), "--widths", "16", "--trials", "50", "--out", str(out),
                    "--quiet"], check=True)
    r = read_results(out)
    assert r.manifest is not None and r.files
    for name in r.files:
        assert r[name].columns == COLUMNS[name], name
        assert len(r[name]) > 0, name
    with open(out / "radius_trials.csv", newline="") as f:
        raw = [row["rho"] for row in csv.DictReader(f)]
    rho = r["radius_trials"]["rho"]
    assert rho.dtype == np.float64 and len(rho) == len(raw) == 50
    assert [bits(v) for v in rho] == [bits(float(s)) for s in raw]
    assert r["radius_trials"]["n"].dtype == np.int64
    assert r["convergence"]["above"].dtype == bool
