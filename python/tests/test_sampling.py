"""The sampler against the CLI (same radii for one seed), against the exact law (KS), and its
behaviour as a Python call: threads, GIL, Ctrl-C."""

import signal
import subprocess
import sys
import threading
import time

import numpy as np
import pytest

import mc_gumbel as mg

CASES = [
    # n, trials, ensemble, method, precision
    (24, 300, "real-ginibre", "dense", "f64"),
    (24, 300, "complex-ginibre", "kostlan", "f64"),
    (12, 200, "quaternion-ginibre", "dense", "f32"),
    (500, 300, "quaternion-ginibre", "kostlan", "f64"),
    (33, 200, "real-ginibre", "hessenberg", "f32"),
    (20, 200, "glorot-uniform", "dense", "f32"),
    (20, 100, "truncated-normal-unit", "dense", "f64"),
]


@pytest.mark.parametrize("n,trials,ensemble,method,precision", CASES)
def test_sample_radius_equals_cli_radius_trials(cli, tmp_path, n, trials, ensemble, method,
                                                precision):
    cli("--widths", n, "--trials", trials, "--ensemble", ensemble, "--method", method,
        "--precision", precision, "--seed", 7, "--out", tmp_path, "--quiet")
    expected = mg.read_table(tmp_path / "radius_trials.csv")["rho"]
    got = mg.sample_radius(n, trials, ensemble, "glorot", method, precision, seed=7)
    assert got.dtype == np.float64 and got.shape == (trials,)
    assert [x.hex() for x in got.tolist()] == [float(x).hex() for x in expected]


def test_sample_radius_at_a_scale_equals_cli(cli, tmp_path):
    cli("--widths", 200, "--trials", 50, "--ensemble", "real-ginibre", "--scale", "paper",
        "--seed", 3, "--out", tmp_path, "--quiet")
    expected = mg.read_table(tmp_path / "radius_trials.csv")["rho"]
    got = mg.sample_radius(200, 50, "real-ginibre", "paper", seed=3)
    assert got.tolist() == expected.tolist()


def test_mc_factor_equals_cli_rescaling_row(cli, tmp_path):
    cli("--widths", 32, "--trials", 400, "--ensemble", "glorot-uniform", "--targets", "0.1",
        "--seed", 5, "--out", tmp_path, "--quiet")
    row = mg.read_table(tmp_path / "rescaling.csv").where(factor_name="mc:0.1")
    est = mg.mc_factor(32, 0.1, "glorot-uniform", trials=400, seed=5)
    assert (est.factor, est.lo, est.hi) == (row["factor"][0], row["factor_lo"][0],
                                           row["factor_hi"][0])
    assert est.lo < est.factor < est.hi


def test_radii_do_not_depend_on_threads():
    a = mg.sample_radius(40, 64, "real-ginibre", seed=11, threads=1)
    b = mg.sample_radius(40, 64, "real-ginibre", seed=11, threads=2)
    assert a.tolist() == b.tolist()


def ks_distance(sample, cdf):
    x = np.sort(sample)
    F = cdf(x)
    m = len(x)
    return max(np.max(np.arange(1, m + 1) / m - F), np.max(F - np.arange(m) / m))


def test_kostlan_sample_follows_the_exact_law():
    # KS at level 0.001: the critical distance is 1.95/sqrt(m). The same sample scaled by 0.98
    # is a control the test must reject.
    m, n = 20_000, 16
    radii = mg.sample_radius(n, m, "complex-ginibre", method="kostlan", seed=2)
    critical = 1.95 / np.sqrt(m)
    law = lambda r: mg.cdf(r, n, "complex-ginibre")  # noqa: E731
    assert ks_distance(radii, law) < critical
    assert ks_distance(0.98 * radii, law) > critical


def test_gil_is_released_while_sampling():
    # While another thread samples (seconds of work), this one keeps running Python. With the
    # GIL held it would block at its first switch and count a handful of iterations at most.
    done = threading.Event()
    worker = threading.Thread(
        target=lambda: (mg.sample_radius(96, 600, "real-ginibre", threads=1), done.set()))
    began = time.perf_counter()
    worker.start()
    iterations = 0
    while not done.is_set():
        iterations += 1
        time.sleep(0)
    worker.join()
    assert time.perf_counter() - began > 0.3, "too little work to tell; raise the trials"
    assert iterations > 1000, iterations


# The child installs Python's SIGINT handler itself: a process started with SIGINT ignored (CI
# runners, nohup, a shell's background job `&`) passes the ignored disposition on to its
# children, and Python then installs no KeyboardInterrupt handler, so the child would not see
# Ctrl-C at all and the test would time out for a reason unrelated to the sampler.
CHILD = """
import signal
signal.signal(signal.SIGINT, signal.default_int_handler)
import sys, mc_gumbel as mg
print("started", flush=True)
try:
    mg.sample_radius(256, 10**7, "real-ginibre", threads=1)
except KeyboardInterrupt:
    print("interrupted", flush=True)
    sys.exit(7)
"""


def test_ctrl_c_stops_sampling_with_keyboard_interrupt():
    child = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "started"
    time.sleep(1.0)
    child.send_signal(signal.SIGINT)
    try:
        out, _ = child.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        child.kill()
        pytest.fail("sample_radius ignored SIGINT for 60 s (10^7 trials take hours)")
    assert child.returncode == 7 and "interrupted" in out


def test_progress_reports_every_chunk_and_changes_nothing(capsys):
    calls = []
    radii = mg.sample_radius(32, 300, seed=4, progress=lambda done, total: calls.append((done, total)))
    assert calls and all(t == 300 for _, t in calls) and calls[-1][0] == 300
    assert [d for d, _ in calls] == sorted({d for d, _ in calls})
    assert radii.tolist() == mg.sample_radius(32, 300, seed=4).tolist()
    mg.sample_radius(32, 50, seed=4, progress=True)
    err = capsys.readouterr().err
    assert "sample_radius: 50/50 trials (100%)" in err and err.endswith("\n")


def test_an_error_in_the_progress_callback_stops_sampling():
    def fail(done, total):
        raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        mg.sample_radius(32, 300, progress=fail)
