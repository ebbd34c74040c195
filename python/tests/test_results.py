"""The results reader: column typing, exact floats, table operations, the column contract, and
an end-to-end read of what the CLI writes (`cli_bin`, conftest.py: a missing binary fails)."""

import csv
import json
import math
import struct
import subprocess

import numpy as np
import pytest

from mc_gumbel.results import COLUMNS, Results, Table, parse_table, read_results, read_table


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
