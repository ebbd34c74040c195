"""Bad input raises ValueError with the CLI's message, named for the Python argument; no input
lets a panic reach Python; the version is the crate's."""

import re

import numpy as np
import pytest

import mc_gumbel as mg

from conftest import ROOT

# A Python call and the command line that receives the same bad value.
SAME_AS_CLI = [
    (lambda: mg.sample_radius(1, 10), ["--widths", "1", "--trials", "10"]),
    (lambda: mg.sample_radius(64, 0), ["--widths", "64", "--trials", "0"]),
    (lambda: mg.sample_radius(64, 10, "foo"), ["--widths", "64", "--ensemble", "foo"]),
    (lambda: mg.sample_radius(64, 10, scale="paper"), ["--widths", "64", "--scale", "paper"]),
    (lambda: mg.sample_radius(64, 10, scale="exact:2"), ["--widths", "64", "--scale", "exact:2"]),
    (lambda: mg.sample_radius(64, 10, scale=-1.0), ["--widths", "64", "--scale", "-1.0"]),
    (lambda: mg.sample_radius(64, 10, "orthogonal", method="kostlan"),
     ["--widths", "64", "--ensemble", "orthogonal", "--method", "kostlan"]),
    (lambda: mg.sample_radius(64, 10, method="qr"), ["--widths", "64", "--method", "qr"]),
    (lambda: mg.sample_radius(64, 10, precision="f16"), ["--widths", "64", "--precision", "f16"]),
    (lambda: mg.sample_radius(64, 10, method="kostlan", ensemble="complex-ginibre",
                              precision="f32"),
     ["--widths", "64", "--method", "kostlan", "--precision", "f32"]),
    (lambda: mg.sample_radius(64, 10, threads=0), ["--widths", "64", "--threads", "0"]),
    (lambda: mg.sample_radius(10**9, 10), ["--widths", str(10**9), "--trials", "10",
                                           "--ensemble", "real-ginibre"]),
    (lambda: mg.theory([64], "glorot-uniform"), ["theory", "--widths", "64", "--ensemble",
                                                  "glorot-uniform"]),
    (lambda: mg.theory([64], targets=[0.5, 1.0]), ["theory", "--widths", "64", "--targets",
                                                    "0.5,1.0"]),
    (lambda: mg.theory("64..16:x2"), ["theory", "--widths", "64..16:x2"]),
    (lambda: mg.theory([64], cdf_points=10**7), ["theory", "--widths", "64", "--cdf-points",
                                                  "10000000"]),
    (lambda: mg.cdf(1.0, 0), ["theory", "--widths", "0"]),
    (lambda: mg.cdf(1.0, 64, "orthogonal"), ["theory", "--widths", "64", "--ensemble",
                                             "orthogonal"]),
    (lambda: mg.exact_factor(64, 0.0), ["theory", "--widths", "64", "--targets", "0.0"]),
    # Rules of the domain that once held on one path only.
    (lambda: mg.sample_radius(16, 5, scale=1e308), ["--widths", "16", "--trials", "5",
                                                     "--scale", "1e+308"]),
    (lambda: mg.sample_radius(16, 5, scale=1e39, precision="f32"),
     ["--widths", "16", "--trials", "5", "--scale", "1e+39", "--precision", "f32"]),
    (lambda: mg.sample_radius(10**9 + 1, 5, method="kostlan"),
     ["--widths", str(10**9 + 1), "--trials", "5", "--method", "kostlan"]),
    (lambda: mg.theory([64], targets=[1e-310]), ["theory", "--widths", "64", "--targets",
                                                  "1e-310"]),
]


@pytest.mark.parametrize("call,argv", SAME_AS_CLI)
def test_value_error_carries_the_cli_message(cli, tmp_path, call, argv):
    with pytest.raises(ValueError) as raised:
        call()
    done = cli(*argv, "--out", tmp_path / "out", check=False)
    assert done.returncode == 2, done.stderr
    cli_message = re.sub(r"^error: --[a-z-]+: ", "", done.stderr.strip())
    py_message = re.sub(r"^[a-z_]+: ", "", str(raised.value))
    assert py_message == cli_message
    assert not (tmp_path / "out").exists()


NEVER_PANIC = [
    lambda: mg.cdf([0.5, 1.0], "64x"),
    lambda: mg.cdf(1.0, 64.5),
    lambda: mg.cdf(1.0, True),
    lambda: mg.cdf(1.0, 8192, "real-ginibre"),
    lambda: mg.cdf(1.0, 10**12, "complex-ginibre"),
    lambda: mg.cdf(1.0, "16,32"),
    lambda: mg.cdf(1.0, 64, "complex-ginibre,real-ginibre"),
    lambda: mg.cdf(1.0, 64, ""),
    lambda: mg.quantile([0.5, 1.0], 64),
    lambda: mg.quantile(-0.1, 64),
    lambda: mg.isf(0.0, 64),
    lambda: mg.mean(-3),
    lambda: mg.exact_factor(64, float("nan")),
    lambda: mg.exact_factor(64, float("inf")),
    lambda: mg.exact_factor(64, 0.01, "truncated-normal"),
    lambda: mg.exact_factor(64, 0.01, "diag-uniform"),
    lambda: mg.exact_factor(64, [0.1, 0.2]),
    lambda: mg.paper_factor(1),
    lambda: mg.paper_factor("abc"),
    lambda: mg.sample_radius(64, -5),
    lambda: mg.sample_radius(64, 10.5),
    lambda: mg.sample_radius(64, 10, seed=-1),
    lambda: mg.sample_radius(64, 10, seed=2**64),
    lambda: mg.sample_radius(64, 10, scale=float("nan")),
    lambda: mg.sample_radius(64, 10, scale=float("inf")),
    lambda: mg.sample_radius([64, 128], 10),
    lambda: mg.sample_radius(64, 10, "real-ginibre,complex-ginibre"),
    lambda: mg.sample_radius(64, 10, "diag-uniform"),
    lambda: mg.sample_radius(64, 10, threads=-2),
    lambda: mg.mc_factor(64, 2.0, trials=10),
    lambda: mg.theory([], "real-ginibre"),
    lambda: mg.theory([64], cdf_points=-1),
    lambda: mg.theory([2**40]),
    lambda: mg.sample_radius(64, 10**13),  # the array alone would exceed memory
]


@pytest.mark.parametrize("call", NEVER_PANIC)
def test_bad_input_is_a_value_error(call):
    with pytest.raises(ValueError) as raised:
        call()
    assert re.match(r"^[a-z_]+: \S", str(raised.value)), str(raised.value)


def test_no_exact_law_points_to_mc_factor():
    with pytest.raises(ValueError, match=r"mc_factor\(n, p, ensemble\)"):
        mg.exact_factor(64, 0.01, "glorot-uniform")


def test_version_is_the_crate_version(cli):
    workspace = (ROOT / "Cargo.toml").read_text().split("[workspace.package]")[1]
    assert mg.__version__ == re.search(r'version = "([^"]+)"', workspace).group(1)
    assert cli("--version").stdout.split() == ["mc-gumbel", mg.__version__]


def test_nan_radius_gives_nan_and_empty_input_gives_empty():
    assert np.isnan(mg.sf([np.nan], 64)).all()
    assert mg.cdf(np.array([]), 64).shape == (0,)
