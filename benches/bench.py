#!/usr/bin/env python3
"""Benchmarks of mc-gumbel, run as a user runs it (whole processes, wall-clock time).

    python3 benches/bench.py vs-numpy   # mc-gumbel against shared/baselines/numpy_mc.py
    python3 benches/bench.py vs-numpy --precision f32 [--method hessenberg]
    python3 benches/bench.py methods    # dense vs hessenberg vs kostlan, thread scaling
    python3 benches/bench.py python     # mc_gumbel.sample_radius against the CLI, same trials
    python3 benches/bench.py overhead   # a whole run per matrix against the bare eigenvalue kernel
    python3 benches/bench.py memory     # peak memory per worker thread, by width and precision

Timings belong here, never in tests. Both sides of every comparison run in the same invocation,
on the same machine, one after the other; absolute seconds on a shared machine are noise, the
ratios are the result. Needs a release build (`cargo build --release`) and, for vs-numpy, numpy,
scipy and threadpoolctl (`pip install numpy scipy threadpoolctl`).
"""
import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "mc-gumbel"


def mc_gumbel(args, out):
    """Runs the binary; returns (wall seconds, manifest)."""
    t0 = time.perf_counter()
    subprocess.run([str(BIN), *args, "--quiet", "--force", "--out", str(out)], check=True)
    wall = time.perf_counter() - t0
    return wall, json.loads((Path(out) / "manifest.json").read_text())


def vs_numpy(a):
    baseline = Path(a.baseline)
    if not baseline.exists():
        sys.exit(f"baseline not found: {baseline} (pass --baseline PATH)")
    widths = [int(w) for w in a.widths.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for ens, np_ens in [("complex-ginibre", "complex"), ("real-ginibre", "real")]:
            # numpy: one process over all widths; it reports the seconds of each width itself
            # (pool start-up, sampling, fit), which leaves out interpreter start-up in its favour.
            env = dict(os.environ)
            out = subprocess.run(
                [sys.executable, str(baseline), "--widths", a.widths, "--trials", str(a.trials),
                 "--ensemble", np_ens, "--procs", str(a.threads), "--seed", "1"],
                check=True, capture_output=True, text=True, env=env).stdout
            np_secs = {int(r["n"]): float(r["seconds"]) for r in csv.DictReader(io.StringIO(out))}
            for n in widths:
                # mc-gumbel: a whole process per width (start-up, sampling, fits, exact law, files).
                wall, _ = mc_gumbel(["--widths", str(n), "--trials", str(a.trials), "--ensemble", ens,
                                     "--method", a.method, "--precision", a.precision,
                                     "--threads", str(a.threads), "--seed", "1"],
                                    Path(tmp) / f"{ens}-{n}")
                rows.append((ens, n, wall, np_secs[n]))
    print(f"# widths {a.widths}, {a.trials} trials each, {a.threads} threads/processes, "
          f"mc-gumbel --method {a.method} --precision {a.precision} (numpy: double precision)")
    print("ensemble,n,mc_gumbel_s,numpy_s,ratio")
    for ens, n, ours, theirs in rows:
        print(f"{ens},{n},{ours:.3f},{theirs:.3f},{ours / theirs:.3f}")
    total_ours = sum(r[2] for r in rows)
    total_np = sum(r[3] for r in rows)
    print(f"total,,{total_ours:.3f},{total_np:.3f},{total_ours / total_np:.3f}")
    slower = [f"{r[0]} n={r[1]}" for r in rows if r[2] > r[3]]
    print("widths where mc-gumbel is slower: " + (", ".join(slower) if slower else "none"))


def cell_rate(args, out):
    """Trials per second of the sampling itself (from the manifest), and the process wall time."""
    wall, m = mc_gumbel(args, out)
    c = m["cells"][0]
    return c["trials"] / c["seconds"], c["seconds"], wall


def methods(a):
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        print("what,ensemble,n,trials,threads,sampling_s,trials_per_s")

        def show(what, ens, n, trials, threads, method):
            rate, secs, _ = cell_rate(["--widths", str(n), "--trials", str(trials), "--ensemble", ens,
                                       "--method", method, "--threads", str(threads)], t / what)
            print(f"{what},{ens},{n},{trials},{threads},{secs:.3f},{rate:.2f}")
            return rate

        # Kostlan targets: 10,000 trials at n = 1024 under 1 s, n = 10^6 x 1000 under a minute.
        show("kostlan", "complex-ginibre", 1024, 10000, a.threads, "kostlan")
        if not a.quick:
            show("kostlan", "complex-ginibre", 1_000_000, 1000, a.threads, "kostlan")
        # Hessenberg against dense at n = 1024 (target: at least 1.5x the trials/s).
        n_h = 256 if a.quick else 1024
        tr_h = 8 if a.quick else 24
        for ens in ["complex-ginibre", "real-ginibre"]:
            d = show("dense", ens, n_h, tr_h, a.threads, "dense")
            h = show("hessenberg", ens, n_h, tr_h, a.threads, "hessenberg")
            print(f"# hessenberg/dense speed-up, {ens} n={n_h}: {h / d:.2f}x")
        # Dense thread scaling (parallel efficiency = rate(2) / (2 rate(1))).
        for n, trials in ([(256, 40)] if a.quick else [(256, 200), (1024, 12)]):
            r1 = show("dense-1t", "complex-ginibre", n, trials, 1, "dense")
            r2 = show("dense-2t", "complex-ginibre", n, trials, 2, "dense")
            print(f"# dense parallel efficiency n={n}, 2 threads: {r2 / (2 * r1):.2f}")


def python_overhead(a):
    """The Python package's `sample_radius` against the CLI on the same trials: the CLI's wall
    time, the CLI's sampling time alone (its manifest's per-cell seconds; the rest is writing,
    summaries and the exact-law columns), and the Python call's wall time. Alternating runs,
    medians reported."""
    import statistics

    import mc_gumbel as mg

    print("ensemble,n,trials,cli_wall_s,cli_sampling_s,python_call_s,python/cli_sampling,python/cli_wall")
    for ensemble in a.ensembles.split(","):
        cli_wall, cli_cell, py = [], [], []
        with tempfile.TemporaryDirectory() as tmp:
            for _ in range(a.repeats):
                args = ["--widths", str(a.n), "--trials", str(a.trials), "--ensemble", ensemble,
                        "--threads", str(a.threads)]
                wall, manifest = mc_gumbel(args, tmp)
                cli_wall.append(wall)
                cli_cell.append(sum(c["seconds"] for c in manifest["cells"]))
                t0 = time.perf_counter()
                radii = mg.sample_radius(a.n, a.trials, ensemble, threads=a.threads)
                py.append(time.perf_counter() - t0)
                assert len(radii) == a.trials
        w, c, p = (statistics.median(x) for x in (cli_wall, cli_cell, py))
        print(f"{ensemble},{a.n},{a.trials},{w:.3f},{c:.3f},{p:.3f},{p / c:.3f},{p / w:.3f}")


KERNEL = ROOT / "target" / "release" / "examples" / "kernel"

# Trials per width: enough matrices that each side runs for a few seconds on one thread.
OVERHEAD_TRIALS = {64: 10_000, 256: 200, 1024: 8}


def overhead(a):
    """A whole mc-gumbel run on one thread, per matrix, against the bare kernel on the same
    matrices (examples/kernel.rs: faer's eigenvalues, or the QR iteration alone for hessenberg).

    Columns, in milliseconds per matrix unless named otherwise:
      kernel      the kernel alone (median of --repeats runs, as are the others);
      draw        drawing the matrix (the kernel example's own draw, outside the kernel's time);
      sampling    the run's sampling loop (its manifest's cell seconds / trials): draw, kernel,
                  the record;
      whole       the run's wall time / trials: start-up, sampling, exact law, tables, files;
      fixed_s     seconds of the run outside its sampling loop (the per-process cost);
      sampling/kernel and whole/kernel  the overhead ratios (target: 1.05 at n >= 256, 1.15 at 64).
    """
    import statistics

    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "kernel"], cwd=ROOT, check=True)
    widths = [int(w) for w in a.widths.split(",")]
    print("# one thread; trials per width " + ", ".join(f"n={n}: {a.scale * OVERHEAD_TRIALS.get(n, 8):g}"
                                                          for n in widths))
    print("ensemble,method,precision,n,trials,kernel_ms,draw_ms,sampling_ms,whole_ms,fixed_s,"
          "sampling/kernel,whole/kernel")
    with tempfile.TemporaryDirectory() as tmp:
        for method in a.methods.split(","):
            for precision in a.precisions.split(","):
                for ens in a.ensembles.split(","):
                    for n in widths:
                        trials = max(1, int(a.scale * OVERHEAD_TRIALS.get(n, 8)))
                        kern, draw, samp, whole = [], [], [], []
                        for _ in range(a.repeats):
                            out = subprocess.run(
                                [str(KERNEL), ens, method, precision, str(n), str(trials), "1"],
                                check=True, capture_output=True, text=True).stdout
                            d, k, _, _ = out.strip().split(",")
                            kern.append(float(k))
                            draw.append(float(d))
                            wall, m = mc_gumbel(["--widths", str(n), "--trials", str(trials), "--ensemble", ens,
                                                 "--method", method, "--precision", precision,
                                                 "--threads", "1", "--seed", "1"], Path(tmp) / "run")
                            samp.append(m["cells"][0]["seconds"] / trials)
                            whole.append(wall / trials)
                        k, d, sa, w = (statistics.median(x) for x in (kern, draw, samp, whole))
                        fixed = (w - sa) * trials
                        print(f"{ens},{method},{precision},{n},{trials},{1e3 * k:.4f},{1e3 * d:.4f},"
                              f"{1e3 * sa:.4f},{1e3 * w:.4f},{fixed:.3f},{sa / k:.3f},{w / k:.3f}",
                              flush=True)


def peak_rss_mb(args, out):
    """Peak resident memory of one mc-gumbel process, in MB (its own rusage, via wait4)."""
    proc = subprocess.Popen([str(BIN), *args, "--quiet", "--force", "--out", str(out)])
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"mc-gumbel {' '.join(args)} failed")
    return usage.ru_maxrss / 1024  # Linux reports KiB


def memory(a):
    """Memory per worker thread. `workspace_mb` is what one worker holds by the count the memory
    check makes (matrix, faer's scratch, eigenvalues: examples/kernel.rs); the peak RSS of a run
    with 1 thread and 1 trial against 2 threads and 2 trials (each worker holds one matrix at a
    time) checks it where the workspaces set the peak (at small widths the exact-law and table
    phases do, and the difference reads 0)."""
    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "kernel"], cwd=ROOT, check=True)
    print("ensemble,method,precision,n,workspace_mb,rss_1_thread_mb,rss_2_threads_mb,rss_per_worker_mb")
    with tempfile.TemporaryDirectory() as tmp:
        for n in [int(w) for w in a.widths.split(",")]:
            for precision in a.precisions.split(","):
                for ens in a.ensembles.split(","):
                    out = subprocess.run([str(KERNEL), ens, a.method, precision, str(n), "0", "1"],
                                         check=True, capture_output=True, text=True).stdout
                    ws = int(out.strip().split(",")[3]) / 2**20
                    if a.no_rss:
                        print(f"{ens},{a.method},{precision},{n},{ws:.1f},,,", flush=True)
                        continue
                    base = ["--widths", str(n), "--ensemble", ens, "--method", a.method,
                            "--precision", precision, "--seed", "1"]
                    one = peak_rss_mb(base + ["--trials", "1", "--threads", "1"], Path(tmp) / "one")
                    two = peak_rss_mb(base + ["--trials", "2", "--threads", "2"], Path(tmp) / "two")
                    print(f"{ens},{a.method},{precision},{n},{ws:.1f},{one:.1f},{two:.1f},{two - one:.1f}",
                          flush=True)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="what", required=True)
    v = sub.add_parser("vs-numpy", help="mc-gumbel against the numpy baseline, same widths and trials")
    v.add_argument("--widths", default="64,256,1024")
    v.add_argument("--trials", type=int, default=24)
    v.add_argument("--threads", type=int, default=os.cpu_count())
    v.add_argument("--method", default="dense", choices=["dense", "hessenberg"],
                   help="mc-gumbel's sampler (numpy always computes dense eigenvalues)")
    v.add_argument("--precision", default="f64", choices=["f64", "f32"],
                   help="mc-gumbel's precision; numpy stays in double, the anchor a researcher writes "
                        "(it gains nothing from complex64)")
    v.add_argument("--baseline", default=str(ROOT.parent / "shared" / "baselines" / "numpy_mc.py"))
    m = sub.add_parser("methods", help="dense vs hessenberg vs kostlan, thread scaling")
    m.add_argument("--threads", type=int, default=os.cpu_count())
    m.add_argument("--quick", action="store_true", help="small sizes, a smoke test of the script")
    py = sub.add_parser("python", help="mc_gumbel.sample_radius against the CLI, same trials")
    py.add_argument("--n", type=int, default=64)
    py.add_argument("--trials", type=int, default=10_000)
    py.add_argument("--ensembles", default="complex-ginibre,real-ginibre")
    py.add_argument("--threads", type=int, default=os.cpu_count())
    py.add_argument("--repeats", type=int, default=3)
    o = sub.add_parser("overhead", help="a whole run per matrix against the bare eigenvalue kernel")
    o.add_argument("--widths", default="64,256,1024")
    o.add_argument("--methods", default="dense,hessenberg")
    o.add_argument("--precisions", default="f64,f32")
    o.add_argument("--ensembles", default="complex-ginibre,real-ginibre")
    o.add_argument("--scale", type=float, default=1.0, help="multiplies the trials per width")
    o.add_argument("--repeats", type=int, default=1)
    mem = sub.add_parser("memory", help="peak memory per worker thread, by width and precision")
    mem.add_argument("--widths", default="256,1024,4096")
    mem.add_argument("--precisions", default="f64,f32")
    mem.add_argument("--ensembles", default="complex-ginibre,real-ginibre")
    mem.add_argument("--method", default="dense", choices=["dense", "hessenberg"])
    mem.add_argument("--no-rss", action="store_true", help="only the workspace count, no runs")
    a = p.parse_args()
    if not BIN.exists():
        sys.exit(f"{BIN} not found: run `cargo build --release` first")
    {"vs-numpy": vs_numpy, "methods": methods, "python": python_overhead, "overhead": overhead, "memory": memory}[a.what](a)


if __name__ == "__main__":
    main()
