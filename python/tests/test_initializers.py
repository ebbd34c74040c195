"""rescaled_glorot: its law of rho against a Monte Carlo check, its entries, its refusals."""

import numpy as np
import pytest

import mc_gumbel as mg

Z999 = 3.2905  # two-sided 99.9% normal quantile


def wilson(k, m, z=Z999):
    p = k / m
    centre = (p + z * z / (2 * m)) / (1 + z * z / m)
    half = z / (1 + z * z / m) * np.sqrt(p * (1 - p) / m + z * z / (4 * m * m))
    return centre - half, centre + half


def share_above_1(p, m, seed):
    rng = np.random.default_rng(seed)
    w = np.stack([mg.rescaled_glorot(64, p, "real-ginibre", rng=rng, dtype=np.float64)
                  for _ in range(m)])
    rho = np.abs(np.linalg.eigvals(w)).max(axis=1)
    return int(np.sum(rho > 1.0))


def test_real_n64_delivers_p_within_wilson_interval():
    # 4000 matrices: the 99.9% Wilson interval of P(rho > 1) must hold p = 0.01; the same check
    # on matrices calibrated to 0.025 must exclude 0.01 (the test can tell them apart).
    m = 4000
    lo, hi = wilson(share_above_1(0.01, m, seed=20261129), m)
    assert lo <= 0.01 <= hi, (lo, hi)
    lo, hi = wilson(share_above_1(0.025, m, seed=20261130), m)
    assert not lo <= 0.01 <= hi, (lo, hi)


def test_quaternion_n16_delivers_p_within_wilson_interval():
    # 4000 quaternion matrices at n = 16 through their 32 x 32 complex form: the 99.9% Wilson
    # interval of P(rho > 1) must hold p = 0.05; matrices calibrated on the complex law at the same
    # width deliver about 0.005 and must be excluded.
    m, p = 4000, 0.05
    rng = np.random.default_rng(20261201)
    w = np.stack([mg.quaternion_complex_form(
        mg.rescaled_glorot(16, p, "quaternion-ginibre", rng=rng, dtype=np.float64))
        for _ in range(m)])
    rho = np.abs(np.linalg.eigvals(w)).max(axis=1)
    lo, hi = wilson(int(np.sum(rho > 1.0)), m)
    assert lo <= p <= hi, (lo, hi)
    ratio = mg.exact_factor(16, p, "complex-ginibre") / mg.exact_factor(16, p, "quaternion-ginibre")
    lo, hi = wilson(int(np.sum(rho * ratio > 1.0)), m)
    assert not lo <= p <= hi, (lo, hi)


def test_quaternion_components_and_complex_form():
    n = 60
    cal = mg.calibrate(n, 0.05, "quaternion-ginibre")
    w = mg.rescaled_glorot(n, 0.05, "quaternion-ginibre", rng=3)
    assert w.shape == (4, n, n) and w.dtype == np.float32
    # Each component N(0, s^2/(4n)): the entry's total variance is s^2/n, Glorot's.
    got = np.mean(w.astype(np.float64) ** 2) * 4
    assert abs(got / (cal.factor**2 / n) - 1) < 5 * np.sqrt(2.0 / (4 * n * n)), got
    c = mg.quaternion_complex_form(w)
    assert c.shape == (2 * n, 2 * n)
    ev = np.sort_complex(np.linalg.eigvals(c.astype(np.complex128)))
    # Eigenvalues in conjugate pairs.
    np.testing.assert_allclose(np.sort(ev.imag), np.sort(-ev.imag), atol=1e-5)
    with pytest.raises(ValueError, match="w:"):
        mg.quaternion_complex_form(w[:3])


def test_entries_have_the_glorot_variance_times_the_factor():
    n = 100
    for ensemble, var in [("real-ginibre", 1.0), ("complex-ginibre", 1.0),
                          ("glorot-uniform", 1.0), ("truncated-normal", 0.8796**2),
                          ("truncated-normal-unit", 1.0)]:
        kw = {"mc_trials": 200} if ensemble not in mg.initializers.EXACT else {}
        cal = mg.calibrate(n, 0.05, ensemble, **kw)
        w = mg.rescaled_glorot(n, 0.05, ensemble, rng=1, dtype=None, **kw)
        expected = cal.factor**2 * var / n
        got = np.mean(np.abs(w.astype(np.complex128)) ** 2)
        # The mean of n^2 squared entries: relative standard error at most sqrt(2/n^2) (normal
        # entries; uniform and truncated ones have lighter tails).
        assert abs(got / expected - 1) < 5 * np.sqrt(2.0) / n, (ensemble, got, expected)


def test_dtypes_and_reproducibility():
    assert mg.rescaled_glorot(16).dtype == np.float32
    assert mg.rescaled_glorot(16, ensemble="complex-ginibre").dtype == np.complex64
    assert mg.rescaled_glorot(16, dtype=np.float64).dtype == np.float64
    a = mg.rescaled_glorot(16, rng=42)
    b = mg.rescaled_glorot(16, rng=np.random.default_rng(42))
    assert a.shape == (16, 16) and np.array_equal(a, b)
    assert not np.array_equal(a, mg.rescaled_glorot(16, rng=43))


def test_exact_calibration_and_its_factor():
    cal = mg.calibrate(64, 0.01, "real-ginibre")
    assert cal.method == "exact" and cal.factor == mg.exact_factor(64, 0.01, "real-ginibre")
    assert cal.lo == cal.hi == cal.factor


def test_monte_carlo_calibration_is_asked_for_and_carries_its_interval():
    with pytest.raises(ValueError, match="mc_trials"):
        mg.rescaled_glorot(32, 0.1, "glorot-uniform")
    cal = mg.calibrate(32, 0.1, "glorot-uniform", mc_trials=500, seed=4)
    est = mg.mc_factor(32, 0.1, "glorot-uniform", trials=500, seed=4)
    assert cal.method == "monte-carlo" and (cal.factor, cal.lo, cal.hi) == est[:3]
    assert cal.lo < cal.factor < cal.hi
    with pytest.raises(ValueError, match="mc_trials"):
        mg.calibrate(32, 0.1, "real-ginibre", mc_trials=500)


@pytest.mark.parametrize("kwargs,needle", [
    ({"ensemble": "orthogonal"}, "orthogonal"),
    ({"ensemble": "nope"}, "ensemble"),
    ({"p": 0.0}, "p: "),
    ({"p": 1.5}, "p: "),
    ({"n": 1}, "n: "),
    ({"dtype": np.int32}, "dtype"),
    ({"ensemble": "complex-ginibre", "dtype": np.float32}, "dtype"),
])
def test_bad_arguments_raise_value_error(kwargs, needle):
    args = {"n": 16, **kwargs}
    with pytest.raises(ValueError, match=needle):
        mg.rescaled_glorot(**args)
