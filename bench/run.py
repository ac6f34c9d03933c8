"""Benchmark mathdoc side by side with a naive pipeline, over the whole `../shared/corpus/` and
`samples/` (only `samples/` when the corpus is absent).

    python bench/run.py                 # every figure, one run
    python bench/run.py --repeat 5      # more runs of the short measurements (median reported)

Each mathdoc run is a fresh `python -m mathdoc check` process with `CI=1`:

* cold_jobs1: `--jobs 1 --no-cache` over the corpus; cold_jobs2: the same with `--jobs 2`;
* naive: the same claim steps (from `mathdoc.checker.plan`) through latex2sympy on both sides and
  `sympy.simplify(lhs - rhs)`, each step under the same CPU-time limit in a worker, in a fresh
  process whose imports are counted, as mathdoc's are;
* warm: the corpus checked again with the cache of a cold run; floor: a fresh Python process that
  only reads and hashes (SHA-256) the same files;
* precommit: `mathdoc check bench/small.md` as a hook runs it, default `--jobs`, cold (an empty
  cache) and warm (its cache);
* scale8: the corpus copied 8 times with every claim made distinct (a `\\!`, a negative thin
  space that changes the text but not the math, after each `=` of copy k, k times), cold with the
  default `--jobs`, against the same of one copy;
* peak memory: the largest high-water mark (VmHWM) of any process of the 8x run (main, the
  warm-up process, workers), sampled from /proc.

The last line is the summary:
`summary: naive_ratio=... jobs2_speedup=... warm_floor_ratio=... precommit_warm_s=... precommit_cold_s=... scale8_ratio=... peak_mb=...`
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS = REPO_ROOT.parent / "shared" / "corpus"
SMALL = Path(__file__).resolve().parent / "small.md"
STEP_SECONDS = 10.0
"""Time limit per step, for mathdoc (its default) and for the naive pipeline alike."""
SUFFIXES = (".md", ".markdown", ".qmd", ".rmd", ".txt", ".tex", ".ipynb", ".rst")


def corpus_paths() -> list[Path]:
    paths = [REPO_ROOT / "samples"]
    if CORPUS.is_dir():
        paths.append(CORPUS)
    return paths


def note_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
    return files


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


# -- processes and their memory --------------------------------------------------------------------

def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as stream:
                parent = int(stream.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _high_water_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as stream:
            for line in stream:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class Timed:
    """A command's wall time, exit code, output, and the peak memory of its process tree."""

    def __init__(self, command: list[str], cwd: Path = REPO_ROOT) -> None:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
            env=dict(os.environ, CI="1"),
        )
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                for pid in _descendants(process.pid):
                    peak[0] = max(peak[0], _high_water_kb(pid))
                done.wait(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        self.stdout, self.stderr = process.communicate(timeout=7200)
        self.seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        self.code = process.returncode
        self.peak_mb = peak[0] / 1024
        if self.code not in (0, 1):
            raise SystemExit(f"bench: {' '.join(command)} failed ({self.code}):\n{self.stderr[-2000:]}")

    @property
    def summary(self) -> str:
        lines = self.stdout.strip().splitlines()
        return lines[-1] if lines else "(no output)"


def mathdoc(*args: str) -> list[str]:
    return [sys.executable, "-m", "mathdoc", "check", *args]


def decided(summary_line: str) -> int:
    """Steps given a verdict other than unchecked, from the text summary line."""
    import re

    counts = {word: int(n) for n, word in re.findall(r"(\d+) (verified|wrong|layout)", summary_line)}
    return sum(counts.values())


# -- the naive pipeline (runs in its own process: python bench/run.py --naive STEPS.json) ---------

def naive_step(lhs: str, rhs: str) -> str:
    import sympy
    from latex2sympy2_extended import latex2sympy

    difference = sympy.simplify(latex2sympy(lhs) - latex2sympy(rhs))
    return "equal" if difference == 0 else "differs"


def run_naive(steps_file: str) -> None:
    import sympy  # noqa: F401  (the import is part of the naive pipeline's cost)
    from latex2sympy2_extended import latex2sympy  # noqa: F401

    from mathdoc.timelimit import WorkerPool

    steps = [tuple(step) for step in json.loads(Path(steps_file).read_text(encoding="utf-8"))]
    with WorkerPool(naive_step, 1, STEP_SECONDS) as pool:
        results = pool.run(steps)
    counts: dict[str, int] = {}
    for result in results:
        key = result.value if result.status == "ok" else result.status
        counts[key] = counts.get(key, 0) + 1
    print(json.dumps({"counts": counts}))


HASH_FLOOR = """
import hashlib, sys
for name in sys.argv[1:]:
    with open(name, "rb") as handle:
        hashlib.sha256(handle.read()).hexdigest()
"""


# -- copies with distinct claims -------------------------------------------------------------------

def distinct_copies(paths: list[Path], target: Path, copies: int) -> list[Path]:
    """`copies` copies of the files under `paths`; in copy k every `=` is followed by k `\\!`
    (JSON-escaped in notebooks), so no step's text repeats across copies."""
    roots = []
    for k in range(copies):
        root = target / f"copy{k}"
        for source_root in paths:
            for file in note_files([source_root]):
                relative = file.relative_to(source_root.parent)
                destination = root / relative
                destination.parent.mkdir(parents=True, exist_ok=True)
                text = file.read_bytes().decode("utf-8", "surrogateescape")
                mark = ("\\\\!" if file.suffix == ".ipynb" else "\\!") * k
                destination.write_bytes(text.replace("=", "=" + mark).encode("utf-8", "surrogateescape"))
        roots.append(root)
    return roots


# -- the benchmark ----------------------------------------------------------------------------------

def machine() -> str:
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return f"{os.cpu_count()} CPUs ({platform.machine()}), Python {platform.python_version()}, load {load}"


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
    files = note_files(paths)
    print(f"machine: {machine()}")
    print(f"corpus: {', '.join(str(p.relative_to(REPO_ROOT.parent)) for p in paths)} ({len(files)} files)")
    steps = claim_steps(paths)
    print(f"claim steps: {len(steps)} ({len(set(steps))} distinct)")
    work = Path(tempfile.mkdtemp(prefix="mathdoc-bench-"))
    limit = ["--timeout", f"{STEP_SECONDS:g}"]
    corpus = [str(p) for p in paths]
    try:
        jobs1 = Timed(mathdoc("--jobs", "1", "--no-cache", *limit, *corpus))
        print(f"cold, --jobs 1: {jobs1.seconds:.2f} s, {len(steps) / jobs1.seconds:.1f} steps/s  [{jobs1.summary}]")
        jobs2 = Timed(mathdoc("--jobs", "2", "--no-cache", *limit, *corpus))
        same = "same output" if jobs2.stdout == jobs1.stdout else "OUTPUT DIFFERS from --jobs 1"
        print(f"cold, --jobs 2: {jobs2.seconds:.2f} s ({same})")

        steps_file = work / "steps.json"
        steps_file.write_text(json.dumps(steps), encoding="utf-8")
        naive = Timed([sys.executable, str(Path(__file__).resolve()), "--naive", str(steps_file)])
        counts = json.loads(naive.stdout.strip().splitlines()[-1])["counts"]
        naive_decided = counts.get("equal", 0) + counts.get("differs", 0)
        print(
            f"naive (latex2sympy + simplify), same {len(steps)} steps: {naive.seconds:.2f} s; "
            f"{counts.get('equal', 0)} equal, {counts.get('differs', 0)} differ, {counts.get('error', 0)} errors, "
            f"{counts.get('timeout', 0)} timeouts"
        )
        print(
            f"decided: mathdoc {decided(jobs1.summary)} of {len(steps)} steps (verified, wrong or layout); "
            f"naive {naive_decided} (equal or differs: it cannot tell a layout, a domain, or an equation apart)"
        )

        cache = work / "cache"
        Timed(mathdoc(*limit, "--cache-dir", str(cache), *corpus))
        warm = [Timed(mathdoc(*limit, "--cache-dir", str(cache), *corpus)) for _ in range(options.repeat)]
        floor = [Timed([sys.executable, "-c", HASH_FLOOR, *map(str, files)]) for _ in range(options.repeat)]
        warm_s = statistics.median(t.seconds for t in warm)
        floor_s = statistics.median(t.seconds for t in floor)
        print(f"warm re-run: median {warm_s:.3f} s of {len(warm)}; reading and hashing the same files: median {floor_s:.3f} s")

        cold_hook = [Timed(mathdoc("--cache-dir", str(work / f"hook{n}"), str(SMALL))) for n in range(options.repeat)]
        warm_hook = [Timed(mathdoc("--cache-dir", str(work / "hook0"), str(SMALL))) for _ in range(options.repeat)]
        precommit_cold = statistics.median(t.seconds for t in cold_hook)
        precommit_warm = statistics.median(t.seconds for t in warm_hook)
        print(f"pre-commit, {SMALL.relative_to(REPO_ROOT)}: cold median {precommit_cold:.3f} s, warm median {precommit_warm:.3f} s")

        one = distinct_copies(paths, work / "scale1", 1)
        eight = distinct_copies(paths, work / "scale8", 8)
        scale1 = Timed(mathdoc("--no-cache", *limit, *map(str, one)))
        scale8 = Timed(mathdoc("--no-cache", *limit, *map(str, eight)))
        print(f"scale: 1x {scale1.seconds:.2f} s [{scale1.summary}]; 8x {scale8.seconds:.2f} s [{scale8.summary}]")
        print(f"peak memory (largest process of the run): 1x {scale1.peak_mb:.0f} MB, 8x {scale8.peak_mb:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"summary: naive_ratio={naive.seconds / jobs1.seconds:.2f} jobs2_speedup={jobs1.seconds / jobs2.seconds:.2f} "
        f"warm_floor_ratio={warm_s / floor_s:.2f} precommit_warm_s={precommit_warm:.3f} precommit_cold_s={precommit_cold:.3f} "
        f"scale8_ratio={scale8.seconds / scale1.seconds:.2f} peak_mb={scale8.peak_mb:.0f}"
    )


if __name__ == "__main__":
    main()
