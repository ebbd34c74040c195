"""The exact laws and the theory tables against the CLI's files (bit for bit, since they share
one code path) and against closed forms and their own identities."""

import math

import numpy as np
import pytest

import mc_gumbel as mg
from mc_gumbel import _core

WIDTHS = [16, 64, 257]
ENSEMBLES = ["complex-ginibre", "real-ginibre", "quaternion-ginibre"]


@pytest.fixture(scope="module")
def cli_theory(cli, tmp_path_factory):
    out = tmp_path_factory.mktemp("theory")
    cli("theory", "--widths", ",".join(map(str, WIDTHS)), "--ensemble", ",".join(ENSEMBLES),
        "--targets", "0.1,0.01", "--cdf-points", "7", "--out", out, "--quiet")
    return out


def bits(values):
    return [float(v).hex() for v in np.asarray(values, dtype=float)]


def test_theory_tables_are_the_cli_files_byte_for_byte(cli_theory):
    texts = _core.theory_tables("16,64,257", ",".join(ENSEMBLES), "0.1,0.01", "7", "2")
    for text, name in zip(texts, ["theory.csv", "rescaling.csv", "theory_cdf.csv"]):
        assert text == (cli_theory / name).read_text(), name


def test_theory_tables_parse_to_the_cli_values(cli_theory):
    tables = mg.theory(WIDTHS, ENSEMBLES, [0.1, 0.01], cdf_points=7, threads=1)
    for table, name in zip(tables, ["theory.csv", "rescaling.csv", "theory_cdf.csv"]):
        expected = mg.read_table(cli_theory / name)
        assert table.columns == expected.columns
        for c in table.columns:
            if table[c].dtype.kind == "f":
                assert bits(table[c]) == bits(expected[c]), (name, c)
            else:
                assert list(table[c]) == list(expected[c]), (name, c)


def test_law_functions_equal_the_theory_columns(cli_theory):
    theory = mg.read_table(cli_theory / "theory.csv")
    for e in ENSEMBLES:
        for n in WIDTHS:
            row = theory.where(ensemble=e, n=n)
            assert mg.mean(n, e) == row["exact_mean"][0]
            assert mg.sd(n, e) == row["exact_sd"][0]
            assert mg.p_exceed_1(n, e) == row["exact_p_exceed_1"][0]
            assert mg.quantile(0.5, n, e) == row["exact_median"][0]
            assert mg.quantile(0.05, n, e) == row["exact_q05"][0]
            assert mg.isf(0.01, n, e) == row["exact_q99"][0]
            paper = mg.paper_factor(n)
            if n < 164:
                assert paper is None and math.isnan(row["paper_factor"][0])
            else:
                assert paper == row["paper_factor"][0]


def test_cdf_and_sf_equal_theory_cdf_csv(cli_theory):
    curve = mg.read_table(cli_theory / "theory_cdf.csv")
    for e in ENSEMBLES:
        for n in WIDTHS:
            pts = curve.where(ensemble=e, n=n)
            assert bits(mg.cdf(pts["r"], n, e)) == bits(pts["cdf"])
            assert bits(mg.sf(pts["r"], n, e)) == bits(pts["sf"])


def test_exact_factor_equals_rescaling_csv(cli_theory):
    rescaling = mg.read_table(cli_theory / "rescaling.csv")
    for e in ENSEMBLES:
        for n in WIDTHS:
            for p in (0.1, 0.01):
                row = rescaling.where(ensemble=e, n=n, factor_name=f"exact:{p}")
                assert mg.exact_factor(n, p, e) == row["factor"][0]


def test_complex_n2_closed_form():
    # Kostlan at n = 2: |lambda|^2 ~ Gamma(1,1)/2 and Gamma(2,1)/2 independently.
    r = np.linspace(0.05, 2.5, 50)
    x = 2 * r**2
    expected = (1 - np.exp(-x)) * (1 - np.exp(-x) * (1 + x))
    np.testing.assert_allclose(mg.cdf(r, 2, "complex-ginibre"), expected, rtol=1e-13, atol=1e-16)


def test_quaternion_n2_closed_form():
    # Quaternion Ginibre at n = 2: |lambda|^2 ~ Gamma(2,1)/4 and Gamma(4,1)/4 independently.
    r = np.linspace(0.05, 2.5, 50)
    x = 4 * r**2
    p2 = 1 - np.exp(-x) * (1 + x)
    p4 = 1 - np.exp(-x) * (1 + x + x**2 / 2 + x**3 / 6)
    np.testing.assert_allclose(mg.cdf(r, 2, "quaternion-ginibre"), p2 * p4, rtol=1e-12,
                               atol=1e-16)


@pytest.mark.parametrize("ensemble", ENSEMBLES)
def test_identities_and_shapes(ensemble):
    n = 100
    r = np.linspace(0.8, 1.3, 12).reshape(3, 4)
    F, S = mg.cdf(r, n, ensemble), mg.sf(r, n, ensemble)
    assert F.shape == S.shape == (3, 4)
    np.testing.assert_allclose(F + S, 1.0, atol=1e-13)
    assert np.all(np.diff(F.ravel()) > 0)
    mid = (F > 1e-6) & (F < 1 - 1e-6)
    np.testing.assert_allclose(mg.quantile(F[mid], n, ensemble), r[mid], rtol=1e-9)
    np.testing.assert_allclose(mg.isf(S[mid], n, ensemble), r[mid], rtol=1e-9)
    assert isinstance(mg.cdf(1.0, n, ensemble), float)
    assert math.isnan(mg.cdf(float("nan"), n, ensemble))
    assert mg.cdf(0.0, n, ensemble) == 0.0 and mg.cdf(np.inf, n, ensemble) == 1.0
    # The calibrated factor delivers its p exactly: P(rho(sW) > 1) = sf(1/s).
    s = mg.exact_factor(n, 0.01, ensemble)
    assert mg.sf(1 / s, n, ensemble) == pytest.approx(0.01, rel=1e-9)


def test_real_glorot_p_exceed_1_is_the_readme_value():
    # The README's table: a 64 x 64 real Glorot matrix has rho > 1 with probability 88.3%.
    assert mg.p_exceed_1(64, "real-ginibre") == pytest.approx(0.8831, abs=1e-4)
    assert mg.p_exceed_1(64, "real-ginibre") != mg.p_exceed_1(64, "complex-ginibre")


def test_exact_factor_delivers_tiny_probabilities():
    # Once 0.4286 (delivering 0.0) at p = 1e-90: the tail is now computed in log space.
    for p in [1e-10, 1e-90, 1e-300]:
        s = mg.exact_factor(64, p, "complex-ginibre")
        assert abs(mg.sf(1.0 / s, 64, "complex-ginibre") / p - 1) <= 1e-6


def test_real_law_has_no_nan_in_its_left_tail():
    # These points once gave NaN where their neighbours gave 0.
    for r, n in [(0.315, 1024), (0.035, 256), (0.002, 128)]:
        cdf, sf = mg.cdf(r, n, "real-ginibre"), mg.sf(r, n, "real-ginibre")
        assert not np.isnan(cdf) and not np.isnan(sf)
        assert 0.0 <= cdf <= 1e-12 and sf == pytest.approx(1.0)
    r = np.linspace(1e-4, 0.9, 400)
    cdf = mg.cdf(r, 256, "real-ginibre")
    assert not np.isnan(cdf).any() and (np.diff(cdf) >= -1e-15).all()
