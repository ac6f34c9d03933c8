"""Corpus benchmark of the executors: local `--jobs 2`, and a dask LocalCluster of 1 and 2 workers.

    python bench/dask_corpus.py                       # ../shared/corpus/ replicated to ~5,000 files
    python bench/dask_corpus.py --files 500           # a shorter run (the copies are cut at 500)
    python bench/dask_corpus.py --runs local,dask2    # only some of: local, dask1, dask2

The corpus is every note of `../shared/corpus/` (not the SOURCE.md/README.md attributions), copied
until `--files` notes exist; copy k renames the letter `x` to `x_{k}` wherever it stands alone, so
that every copy's claims are distinct steps (nothing is answered by the deduplication of equal
steps or by a cache: each run is `--no-cache`), with the structure of the original (a few steps
are read differently: samples/en/calculus.md's 31 verified / 9 wrong / 0 unchecked become 23 / 10 / 7).

Each run is a fresh process (`--one NAME`) that lists the files and streams their outcomes through
`mathdoc.executors`, the code of `mathdoc check --format jsonl`, and reports: wall time, claim steps
per second, the client's peak resident memory (this process only: the step workers and the dask
workers are other processes; sampled every 0.1 s), and for dask the scheduler overhead, 1 - (the
seconds the workers spent inside their tasks) / (wall seconds x workers), which also counts the
cluster's start-up and the idle tail. The last line projects the wall time of 10^5 files on N
workers from the measured seconds per step of the 2-worker run (per worker) and the corpus's steps
per file, assuming the overhead measured.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus"
SKIP_NAMES = {"SOURCE.md", "README.md"}
RUNS = {"local": ("local", 2), "dask1": ("dask", 1), "dask2": ("dask", 2)}
LONE_X = re.compile(r"(?:(?<![A-Za-z\\])|(?<=[^A-Za-z\\]d)|(?<=^d))x(?![A-Za-z])", re.MULTILINE)
"""A letter x on its own (also the x of a differential, dx), not inside a word or a command."""


def notes_of(corpus: Path) -> list[Path]:
    suffixes = {".md", ".qmd", ".rst", ".tex", ".ipynb", ".markdown"}
    return sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in suffixes and p.name not in SKIP_NAMES)


def replicate(corpus: Path, target: Path, files: int) -> int:
    """Copies of the corpus's notes under `target` until there are `files`; returns how many."""
    originals = notes_of(corpus)
    if not originals:
        raise SystemExit(f"no notes under {corpus}")
    written = 0
    copy = 0
    while written < files:
        for path in originals:
            if written >= files:
                break
            text = path.read_text(encoding="utf-8", errors="replace")
            if copy:
                text = LONE_X.sub(f"x_{{{copy}}}", text)
            out = target / f"copy{copy:03d}" / path.relative_to(corpus)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
            written += 1
        copy += 1
    return written


class PeakRss:
    """The largest resident set of this process, sampled in a thread."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _rss(self) -> int:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

    def _sample(self) -> None:
        while not self._stop.wait(0.1):
            self.peak = max(self.peak, self._rss())

    def __enter__(self) -> "PeakRss":
        self.peak = self._rss()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._rss())


def run_one(name: str, folder: Path) -> dict[str, Any]:
    """One configuration, in this process: what `mathdoc check --format jsonl` does, measured."""
    from mathdoc import config
    from mathdoc.checker import Options
    from mathdoc.executors import split_urls, stream_local
    from mathdoc.executors.dask_cluster import stream_dask

    executor, workers = RUNS[name]
    busy = [0.0]
    files = steps = errors = 0
    with PeakRss() as memory:
        started = time.perf_counter()
        settings = config.resolve([str(folder)], {})
        local, _, _ = split_urls([str(folder)])
        notes = sorted(config.expand(local, settings).notes, key=lambda n: n.path)
        options = Options(jobs=workers, cache_dir=None)
        if executor == "local":
            outcomes = stream_local(notes, options, keep_source=False)
        else:
            outcomes = stream_dask(notes, options, keep_source=False, on_batch=lambda b: busy.__setitem__(0, busy[0] + b.seconds))
        for outcome in outcomes:
            files += 1
            if outcome.report is None:
                errors += 1
            else:
                steps += len(outcome.report.findings)
        wall = time.perf_counter() - started
    result: dict[str, Any] = {
        "run": name, "workers": workers, "files": files, "errors": errors, "steps": steps,
        "wall_s": round(wall, 2), "steps_per_s": round(steps / wall, 1), "client_peak_mb": round(memory.peak / 2**20, 1),
    }
    if executor == "dask":
        result["busy_s"] = round(busy[0], 2)
        result["overhead"] = round(1 - busy[0] / (wall * workers), 3)
    return result


def projection(result: dict[str, Any], files: int = 100_000, workers: tuple[int, ...] = (10, 100, 1000)) -> str:
    per_step = result["wall_s"] * result["workers"] / max(result["steps"], 1)  # worker-seconds per step, overhead included
    steps = files * result["steps"] / max(result["files"], 1)
    parts = [f"{n} workers: {steps * per_step / n / 3600:.2f} h" for n in workers]
    return f"projection for {files:,} files ({steps:,.0f} steps at {per_step * 1000:.1f} worker-ms per step): " + ", ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--runs", default="local,dask1,dask2")
    parser.add_argument("--keep", type=Path, default=None, help="write the replicated corpus here and keep it")
    parser.add_argument("--one", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.folder)))
        return 0
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}; pass --corpus DIR", file=sys.stderr)
        return 2
    folder = args.keep or Path(tempfile.mkdtemp(prefix="mathdoc-dask-bench-"))
    try:
        count = replicate(args.corpus, folder, args.files)
        print(f"corpus: {count} files under {folder} (from {len(notes_of(args.corpus))} notes of {args.corpus})", flush=True)
        results = []
        for name in args.runs.split(","):
            command = [sys.executable, __file__, "--one", name, "--folder", str(folder)]
            done = subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT)
            if done.returncode != 0:
                print(f"{name}: failed: {done.stderr.strip()[-500:]}", flush=True)
                continue
            result = json.loads(done.stdout.strip().splitlines()[-1])
            results.append(result)
            print(json.dumps(result), flush=True)
        best = next((r for r in results if r["run"] == "dask2"), results[-1] if results else None)
        if best:
            print(projection(best))
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
