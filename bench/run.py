"""Benchmark mathdoc against a naive pipeline on the same claim steps.

    python bench/run.py                 # samples/ + ../shared/corpus/d2l-en (when present)
    python bench/run.py --repeat 5      # more runs of the short measurements (median reported)

What it measures, each mathdoc run in a fresh `python -m mathdoc` process:

* cold: `check --jobs 1` over the corpus with an empty cache directory (nothing cached, so the
  same work as `--no-cache`; the directory is kept for the warm run), wall time and claim steps
  per second;
* warm: the same check of the d2l corpus again, everything cached;
* pre-commit: `python -m mathdoc check bench/small.md` as a hook runs it (default jobs, interpreter
  start included, empty cache);
* peak memory: the largest resident set of any child process, workers included
  (`getrusage(RUSAGE_CHILDREN)`), over the mathdoc runs only;
* naive: the same claim steps (from `mathdoc.checker.plan`) through `latex2sympy` on both sides
  and `sympy.simplify(lhs - rhs)`, each step under the same hard time limit, in a fresh process
  (its import time counted, as mathdoc's is).

The last line is the summary:
`summary: cold_claims_per_s=A naive_claims_per_s=B ratio=A/B warm_s=C precommit_s=D peak_mb=E`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
D2L = REPO_ROOT.parent / "shared" / "corpus" / "d2l-en"
SMALL = Path(__file__).resolve().parent / "small.md"
STEP_SECONDS = 10.0
"""Time limit per step, for mathdoc (its default) and for the naive pipeline alike."""


def corpus_paths() -> list[Path]:
    paths = [REPO_ROOT / "samples"]
    if D2L.is_dir():
        paths.append(D2L)
    return paths


def claim_steps(paths: list[Path]) -> list[tuple[str, str]]:
    """Every (lhs, rhs) step mathdoc would check, in order (syntax only: no SymPy here)."""
    from mathdoc.checker import Options, plan
    from mathdoc.sources import SourceError, collect_paths, read_source

    files, _ = collect_paths([str(p) for p in paths])
    steps: list[tuple[str, str]] = []
    for name in files:
        try:
            source = read_source(name)
        except SourceError:
            continue
        steps.extend((step.task[0], step.task[1]) for step in plan(source, Options()).steps)
    return steps


CPU_SECONDS = [0.0]
"""CPU time (user + system) of the last `timed` command and its workers: on a shared machine
it tells the cost of the work apart from waiting for a core."""


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], environment: dict[str, str] | None = None) -> tuple[float, subprocess.CompletedProcess[str]]:
    cpu_before = children_cpu()
    started = time.perf_counter()
    process = subprocess.run(
        command, cwd=REPO_ROOT, capture_output=True, text=True, encoding="utf-8",
        env=environment or dict(os.environ, CI="1"), timeout=3600,
    )
    seconds = time.perf_counter() - started
    CPU_SECONDS[0] = children_cpu() - cpu_before
    if process.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(command)} failed ({process.returncode}):\n{process.stderr[-2000:]}")
    return seconds, process


def mathdoc(*args: str) -> list[str]:
    return [sys.executable, "-m", "mathdoc", "check", *args]


def peak_child_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux


def summary_counts(output: str) -> str:
    return output.strip().splitlines()[-1] if output.strip() else "(no output)"


# -- the naive pipeline (runs in its own process: python bench/run.py --naive STEPS.json) ---------

def naive_step(lhs: str, rhs: str) -> str:
    import sympy
    from latex2sympy2_extended import latex2sympy

    difference = sympy.simplify(latex2sympy(lhs) - latex2sympy(rhs))
    return "equal" if difference == 0 else "differs"


def run_naive(steps_file: str) -> None:
    started = time.perf_counter()
    import sympy  # noqa: F401  (the import is part of the naive pipeline's cost)
    from latex2sympy2_extended import latex2sympy  # noqa: F401

    from mathdoc.timelimit import WorkerPool

    steps = [tuple(step) for step in json.loads(Path(steps_file).read_text(encoding="utf-8"))]
    imported = time.perf_counter()
    with WorkerPool(naive_step, 1, STEP_SECONDS) as pool:
        results = pool.run(steps)
    counts: dict[str, int] = {}
    for result in results:
        key = result.value if result.status == "ok" else result.status
        counts[key] = counts.get(key, 0) + 1
    print(json.dumps({"import_s": imported - started, "steps_s": time.perf_counter() - imported, "counts": counts}))


# -- the benchmark --------------------------------------------------------------------------------

BURN = "import time\nt = time.perf_counter()\nfor i in range(10_000_000): pass\nprint(time.perf_counter() - t)"


def parallel_capacity() -> str:
    """How much of two cores this machine gives right now (others may be using them)."""
    def burn(count: int) -> float:
        processes = [subprocess.Popen([sys.executable, "-c", BURN], stdout=subprocess.PIPE, text=True) for _ in range(count)]
        return max(float(p.communicate()[0]) for p in processes)

    alone = burn(1)
    together = burn(2)
    return f"a CPU-bound process takes {alone:.2f} s alone, {together:.2f} s with a second one beside it ({2 * alone / together:.1f} cores available)"


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return f"{os.cpu_count()} CPUs ({model or platform.machine()}), Python {platform.python_version()}, {platform.system()} {platform.release()}, load {load}"


WARM_PROBE = """
import sys
import mathdoc.cli
mathdoc.cli.run(sys.argv[1:])
heavy = sorted({name.split(".")[0] for name in sys.modules} & {"sympy", "latex2sympy2_extended", "antlr4", "mpmath"})
print(", ".join(heavy) or "none", file=sys.stderr)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of the warm and pre-commit measurements (median reported)")
    parser.add_argument("--naive", metavar="STEPS_JSON", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.naive:
        run_naive(options.naive)
        return

    sys.path.insert(0, str(REPO_ROOT))
    paths = corpus_paths()
    print(f"machine: {machine()}")
    print(f"parallel capacity: {parallel_capacity()}")
    print(f"corpus: {', '.join(str(p.relative_to(REPO_ROOT.parent)) for p in paths)}")
    steps = claim_steps(paths)
    print(f"claim steps: {len(steps)} ({len(set(steps))} distinct)")
    work = Path(tempfile.mkdtemp(prefix="mathdoc-bench-"))
    try:
        timeout = ["--timeout", f"{STEP_SECONDS:g}"]
        cache = work / "cache"
        cold_s, cold = timed(mathdoc("--jobs", "1", *timeout, "--cache-dir", str(cache), *map(str, paths)))
        cold_rate = len(steps) / cold_s
        print(f"cold, --jobs 1, empty cache: {cold_s:.2f} s (CPU {CPU_SECONDS[0]:.2f} s), {cold_rate:.1f} claim steps/s  [{summary_counts(cold.stdout)}]")

        jobs_s, parallel = timed(mathdoc(*timeout, "--no-cache", *map(str, paths)))
        same = "same output" if parallel.stdout == cold.stdout else "OUTPUT DIFFERS from --jobs 1"
        print(f"cold, --jobs {os.cpu_count()} (default), --no-cache: {jobs_s:.2f} s (CPU {CPU_SECONDS[0]:.2f} s), {len(steps) / jobs_s:.1f} claim steps/s ({same})")

        warm_target = [str(D2L)] if D2L.is_dir() else [str(p) for p in paths]
        warm_runs = [timed(mathdoc(*timeout, "--cache-dir", str(cache), *warm_target))[0] for _ in range(options.repeat)]
        warm_s = statistics.median(warm_runs)
        probe = [sys.executable, "-c", WARM_PROBE, "check", *timeout, "--cache-dir", str(cache), *warm_target]
        heavy = timed(probe)[1].stderr.strip().splitlines()[-1]
        print(
            f"warm re-run of {'d2l-en' if D2L.is_dir() else 'the corpus'}: median {warm_s:.3f} s, best {min(warm_runs):.3f} s "
            f"of {len(warm_runs)}; heavy modules imported: {heavy}"
        )

        hook_runs, hook_cpu = [], []
        for number in range(options.repeat):
            hook_runs.append(timed(mathdoc("--cache-dir", str(work / f"hook-cache-{number}"), str(SMALL)))[0])
            hook_cpu.append(CPU_SECONDS[0])
        precommit_s = statistics.median(hook_runs)
        print(
            f"pre-commit, one small file ({SMALL.relative_to(REPO_ROOT)}), empty cache: median {precommit_s:.3f} s, "
            f"best {min(hook_runs):.3f} s of {len(hook_runs)} (CPU median {statistics.median(hook_cpu):.3f} s)"
        )

        peak_mb = peak_child_mb()
        print(f"peak memory of one mathdoc process (main or worker): {peak_mb:.0f} MB")

        steps_file = work / "steps.json"
        steps_file.write_text(json.dumps(steps), encoding="utf-8")
        naive_s, naive = timed([sys.executable, str(Path(__file__).resolve()), "--naive", str(steps_file)])
        naive_cpu = CPU_SECONDS[0]
        report = json.loads(naive.stdout.strip().splitlines()[-1])
        naive_rate = len(steps) / naive_s
        counts = report["counts"]
        failures = sum(n for key, n in counts.items() if key not in ("equal", "differs"))
        print(
            f"naive (latex2sympy + simplify), same {len(steps)} steps, {STEP_SECONDS:g} s limit each: {naive_s:.2f} s (CPU {naive_cpu:.2f} s) "
            f"(import {report['import_s']:.2f} s), {naive_rate:.1f} claim steps/s; "
            f"{counts.get('equal', 0)} equal, {counts.get('differs', 0)} differ, {failures} failed "
            f"({counts.get('error', 0)} errors, {counts.get('timeout', 0)} timeouts)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ratio = cold_rate / naive_rate
    print(
        f"summary: cold_claims_per_s={cold_rate:.1f} naive_claims_per_s={naive_rate:.1f} ratio={ratio:.2f} "
        f"warm_s={warm_s:.3f} precommit_s={precommit_s:.3f} peak_mb={peak_mb:.0f}"
    )


if __name__ == "__main__":
    main()
