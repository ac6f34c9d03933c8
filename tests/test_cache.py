"""The result cache: a warm run gives the same bytes as a cold one without loading SymPy, several
writers never corrupt it, it stays bounded, and `--no-cache` leaves it alone."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mathdoc import cache
from mathdoc.outcome import LayoutResult, StepResult
from mathdoc.timelimit import TaskResult

HEAVY_MODULES = ("sympy", "latex2sympy2_extended", "antlr4", "mpmath")

NOTE = r"""# Notes

The power rule: $\frac{d}{dx}x^3 = 3x^2$, and a step: $\frac{d}{dx}x^2 = 3x$.

Let $f(x, y) = 3x^2y$. Then $\frac{\partial f(x,y)}{\partial x} = 6xy$ and
$\nabla f(x,y) = [6yx, 3x^2]$.

$$\frac{d}{dx}9(x+x^2) = 9(1+2x) = 9+18x$$

Not readable: $\frac{d}{dx} \foo{x} = 1$, and $\frac{d}{dx}g(x) = 2x$ with `g` never defined.
"""

CHINESE = "# 导数\n\n幂法则：$\\frac{d}{dx}x^4 = 4x^3$，以及 $\\frac{d}{dx}e^{2x} = e^{2x}$。\n"

PROBE = """
import json, sys
import mathdoc.cli as cli
import mathdoc.timelimit as timelimit
sent = []
original = timelimit.WorkerPool.submit
def counting_submit(self, task):
    sent.append(1)
    return original(self, task)
timelimit.WorkerPool.submit = counting_submit
code = cli.run(sys.argv[1:])
sys.stdout.flush()
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(json.loads(HEAVY)))
print(json.dumps({"code": code, "heavy": heavy, "computed": sum(sent)}), file=sys.stderr)
"""


def run_probe(args: list[str], cwd: Path) -> tuple[int, str, list[str], int]:
    """Run the CLI in a fresh interpreter; return its exit code, its output, the heavy modules
    the main process imported and how many steps it sent to workers (SymPy lives there)."""
    process = subprocess.run(
        [sys.executable, "-c", f"HEAVY = {json.dumps(json.dumps(HEAVY_MODULES))}\n{PROBE}", *args],
        cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=300,
        env=dict(os.environ, CI="1"),
    )
    report = json.loads(process.stderr.strip().splitlines()[-1])
    return report["code"], process.stdout, report["heavy"], report["computed"]


@pytest.fixture(autouse=True)
def _key_directory(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test signs with its own key, outside the user's cache directory."""
    monkeypatch.setenv(cache.KEY_DIR_VARIABLE, str(tmp_path_factory.mktemp("key")))


def step(message: str = "proved symbolically") -> StepResult:
    result = LayoutResult("equal", "verified", message, "symbolic")
    return StepResult((("numerator", result), ("denominator", result)), layout_sensitive=False)


def task(number: int) -> tuple:
    return (f"\\frac{{d}}{{dx}}x^{{{number}}}", f"{number}x^{{{number - 1}}}", (("f(x)", "x^2"),))


# -- end to end, each run in its own interpreter --------------------------------------------------

@pytest.mark.parametrize("output_format", ["text", "json"])
def test_a_warm_run_is_byte_identical_and_never_imports_sympy(tmp_path: Path, output_format: str) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "calculus.md").write_text(NOTE, encoding="utf-8")
    (tmp_path / "notes" / "导数.md").write_text(CHINESE, encoding="utf-8")
    args = ["check", "--jobs", "2", "--verbose", "--format", output_format, "--cache-dir", str(tmp_path / "cache"), "notes"]

    cold_code, cold_out, cold_heavy, cold_computed = run_probe(args, tmp_path)
    assert cold_computed > 0  # the cold run did the work
    assert (tmp_path / "cache" / cache.FILE_NAME).is_file()
    warm_code, warm_out, warm_heavy, warm_computed = run_probe(args, tmp_path)

    assert warm_heavy == [] and warm_computed == 0
    assert warm_out == cold_out
    assert warm_code == cold_code == 1
    assert "wrong-derivative" in warm_out


def test_no_cache_neither_reads_nor_writes_the_cache(tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text(NOTE, encoding="utf-8")
    directory = tmp_path / "cache"
    code, out, heavy, computed = run_probe(["check", "--jobs", "1", "--no-cache", "--cache-dir", str(directory), "note.md"], tmp_path)
    assert not directory.exists()
    assert computed > 0
    run_probe(["check", "--jobs", "1", "--cache-dir", str(directory), "note.md"], tmp_path)
    assert directory.is_dir()
    code_again, out_again, heavy_again, computed_again = run_probe(["check", "--jobs", "1", "--no-cache", "--cache-dir", str(directory), "note.md"], tmp_path)
    assert computed_again == computed  # the warm cache was there, and was not used
    assert (code_again, out_again) == (code, out)


# -- the store ------------------------------------------------------------------------------------

def test_round_trip_of_answers_and_errors_but_not_timeouts(tmp_path: Path) -> None:
    store = cache.open_cache(str(tmp_path), variant="timeout=10.0")
    assert store is not None and store.get(task(2)) is None
    store.put(task(2), TaskResult("ok", step()))
    store.put(task(3), TaskResult("timeout"))
    store.put(task(4), TaskResult("error", "ValueError: no"))
    store.put(task(5), TaskResult("error", "the worker process died", transient=True))
    store.flush()

    again = cache.open_cache(str(tmp_path), variant="timeout=10.0")
    assert again is not None
    assert again.get(task(2)) == TaskResult("ok", step())
    assert again.get(task(3)) is None  # a time limit says as much about the load as the step
    assert again.get(task(4)) == TaskResult("error", "ValueError: no")
    assert again.get(task(5)) is None  # says more about the machine than about the step
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*\n"


def test_another_time_limit_or_other_code_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = cache.open_cache(str(tmp_path), variant="timeout=10.0")
    assert store is not None
    store.put(task(2), TaskResult("ok", step()))
    store.flush()
    assert cache.open_cache(str(tmp_path), variant="timeout=10.0").get(task(2)) is not None  # type: ignore[union-attr]
    assert cache.open_cache(str(tmp_path), variant="timeout=30.0").get(task(2)) is None  # type: ignore[union-attr]
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "edited")
    assert cache.open_cache(str(tmp_path), variant="timeout=10.0").get(task(2)) is None  # type: ignore[union-attr]


def test_definitions_in_scope_are_part_of_the_key(tmp_path: Path) -> None:
    store = cache.open_cache(str(tmp_path))
    assert store is not None
    lhs, rhs, _ = task(2)
    store.put((lhs, rhs, (("f(x)", "x^2"),)), TaskResult("ok", step()))
    assert store.get((lhs, rhs, (("f(x)", "x^3"),))) is None
    assert store.get((lhs, rhs, ())) is None


def test_a_warm_run_writes_nothing(tmp_path: Path) -> None:
    store = cache.open_cache(str(tmp_path))
    assert store is not None
    store.put(task(2), TaskResult("ok", step()))
    store.flush()
    before = (tmp_path / cache.FILE_NAME).stat().st_mtime_ns
    again = cache.open_cache(str(tmp_path))
    assert again is not None and again.get(task(2)) is not None
    again.flush()
    assert (tmp_path / cache.FILE_NAME).stat().st_mtime_ns == before


def test_flush_merges_what_another_process_wrote_meanwhile(tmp_path: Path) -> None:
    first, second = cache.open_cache(str(tmp_path)), cache.open_cache(str(tmp_path))
    assert first is not None and second is not None
    first.put(task(2), TaskResult("ok", step("first")))
    second.put(task(3), TaskResult("ok", step("second")))
    first.flush()
    second.flush()
    merged = cache.open_cache(str(tmp_path))
    assert merged is not None
    assert merged.get(task(2)) == TaskResult("ok", step("first"))
    assert merged.get(task(3)) == TaskResult("ok", step("second"))


def _writer(directory: str, first: int, count: int) -> None:
    for number in range(first, first + count):
        store = cache.open_cache(directory)
        assert store is not None
        store.put(task(number), TaskResult("ok", step(f"entry {number}")))
        store.flush()


def test_concurrent_writers_never_corrupt_or_lose_entries(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    writers = [context.Process(target=_writer, args=(str(tmp_path), 1000 * n, 25)) for n in range(1, 5)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=120)
        assert writer.exitcode == 0
    data = json.loads((tmp_path / cache.FILE_NAME).read_text(encoding="utf-8"))
    assert len(data["entries"]) == 100
    store = cache.open_cache(str(tmp_path))
    assert store is not None
    for n in range(1, 5):
        for number in range(1000 * n, 1000 * n + 25):
            assert store.get(task(number)) == TaskResult("ok", step(f"entry {number}"))
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_the_cache_is_bounded_and_keeps_the_most_recent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 10)
    clock = iter(range(1_000_000, 2_000_000, 1000))
    monkeypatch.setattr(cache, "_clock", lambda: next(clock))
    for number in range(2, 32):
        store = cache.open_cache(str(tmp_path))
        assert store is not None
        store.put(task(number), TaskResult("ok", step()))
        store.flush()
    store = cache.open_cache(str(tmp_path))
    assert store is not None
    assert len(store.entries) == 10
    assert [n for n in range(2, 32) if store.get(task(n)) is not None] == list(range(22, 32))


def test_an_old_hit_is_refreshed_so_eviction_keeps_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    now = [1_000_000]
    monkeypatch.setattr(cache, "_clock", lambda: now[0])
    store = cache.open_cache(str(tmp_path))
    assert store is not None
    for number in (2, 3, 4):
        store.put(task(number), TaskResult("ok", step()))
    store.flush()
    now[0] += 2 * cache.REFRESH_SECONDS
    used = cache.open_cache(str(tmp_path))
    assert used is not None and used.get(task(2)) is not None
    used.put(task(5), TaskResult("ok", step()))
    used.flush()
    kept = cache.open_cache(str(tmp_path))
    assert kept is not None
    assert kept.get(task(2)) is not None and kept.get(task(5)) is not None
    assert kept.get(task(3)) is None or kept.get(task(4)) is None


@pytest.mark.parametrize("content", [b"", b"{not json", b"\xff\xfe\x00", b"[1, 2]", b'{"format": 2, "code": "x", "entries": 5}', b'{"format": 3, "code": "x", "entries": 5}'])
def test_a_damaged_cache_file_is_a_miss_and_is_rewritten(tmp_path: Path, content: bytes) -> None:
    (tmp_path / cache.FILE_NAME).write_bytes(content)
    store = cache.open_cache(str(tmp_path))
    assert store is not None and store.get(task(2)) is None
    store.put(task(2), TaskResult("ok", step()))
    store.flush()
    again = cache.open_cache(str(tmp_path))
    assert again is not None and again.get(task(2)) == TaskResult("ok", step())


def test_damaged_entries_are_misses(tmp_path: Path) -> None:
    store = cache.open_cache(str(tmp_path))
    assert store is not None
    store.entries[store.key_of(task(2))] = ["not a stamp", '["ok", {"by_layout": "nonsense"}]', ""]
    store.entries[store.key_of(task(3))] = [1, '["ok"]', ""]
    store.entries[store.key_of(task(4))] = [1, '["unknown status", null]', ""]
    store.entries[store.key_of(task(5))] = [1, "[[[", ""]
    assert store.get(task(2)) is None and store.get(task(3)) is None and store.get(task(4)) is None and store.get(task(5)) is None


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes to read-only directories")
def test_a_read_only_directory_is_not_an_error(tmp_path: Path) -> None:
    tmp_path.chmod(0o555)
    try:
        store = cache.open_cache(str(tmp_path / "cache"))
        assert store is not None
        store.put(task(2), TaskResult("ok", step()))
        store.flush()
    finally:
        tmp_path.chmod(0o755)


def test_an_unwritable_cache_path_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    store = cache.open_cache(str(blocker / "cache"))
    assert store is not None
    store.put(task(2), TaskResult("ok", step()))
    store.flush()  # silently uncached
    assert blocker.read_text(encoding="utf-8") == "not a directory"


def test_no_directory_means_no_cache() -> None:
    assert cache.open_cache(None) is None
    assert cache.open_cache("") is None
