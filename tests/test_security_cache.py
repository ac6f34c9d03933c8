"""A committed `.mathdoc_cache/` is untrusted input (issue 9, item 4): it can neither turn a wrong
claim into `verified`, nor make mathdoc write, delete or read outside the checked tree, nor crash
or hang it.  Every test is one of the issue's reproducers."""

from __future__ import annotations

import ast
import json
import os
import pickle
import stat
from pathlib import Path
from typing import Any, Callable

import pytest

from mathdoc import cache
from mathdoc.checker import Options, plan
from mathdoc.outcome import LayoutResult, StepResult
from mathdoc.sources import read_source
from mathdoc.timelimit import TaskResult

WRONG = "# Power rule\n\nA step: $\\frac{d}{dx}x^3 = 2x$.\n"
NOTICE = "cache entries that were not written by this machine's mathdoc"

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")


@pytest.fixture(autouse=True)
def key_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path_factory.mktemp("key")
    monkeypatch.setenv(cache.KEY_DIR_VARIABLE, str(directory))
    return directory


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A checked tree holding one wrong claim, and the current directory."""
    root = tmp_path / "repo"
    root.mkdir()
    (root / "note.md").write_text(WRONG, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A directory out of the tree, with files a hostile cache would like mathdoc to touch."""
    target = tmp_path / "outside"
    target.mkdir()
    (target / "victim.txt").write_text("precious\n", encoding="utf-8")
    (target / "steps-1.json").write_text("format 1 lookalike\n", encoding="utf-8")
    (target / f"{cache.TEMP_PREFIX}lookalike").write_text("temp lookalike\n", encoding="utf-8")
    return target


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def check(run_cli: Callable[..., Any], *extra: str) -> Any:
    return run_cli("check", "--jobs", "1", "--format", "json", "--cache-dir", ".mathdoc_cache", *extra, "note.md")


def statuses(out: str) -> list[str]:
    return [f["code"] for r in json.loads(out)["files"] for f in r["findings"]]


def verified_step() -> StepResult:
    result = LayoutResult("equal", "verified", "proved symbolically", "symbolic")
    return StepResult((("numerator", result), ("denominator", result)), layout_sensitive=False)


def forge(directory: Path, task: tuple, signature: str = "0" * 64) -> None:
    """What an attacker commits: an entry with the right key, format and code, and a made-up signature."""
    store = cache.Store(directory)
    payload = json.dumps(["ok", verified_step().to_json()])
    entries = {store.key_of(task): [cache._clock(), payload, signature]}
    directory.mkdir(exist_ok=True)
    (directory / cache.FILE_NAME).write_text(json.dumps({"format": cache.FORMAT, "code": store.code, "entries": entries}), encoding="utf-8")


def tasks_of(path: Path) -> list[tuple]:
    return [step.task for step in plan(read_source(path), Options()).steps]


# -- forged entries -------------------------------------------------------------------------------

def test_a_forged_entry_does_not_make_a_wrong_claim_verified(repo: Path, run_cli) -> None:
    (task,) = tasks_of(repo / "note.md")
    directory = repo / ".mathdoc_cache"
    store = cache.Store(directory, variant=f"timeout={Options().timeout!r}")
    payload = json.dumps(["ok", verified_step().to_json()])
    entries = {store.key_of(task): [cache._clock(), payload, "0" * 64]}
    directory.mkdir()
    (directory / cache.FILE_NAME).write_text(json.dumps({"format": cache.FORMAT, "code": store.code, "entries": entries}), encoding="utf-8")

    result = check(run_cli)

    assert result.code == 1
    assert statuses(result.out) == ["wrong-derivative"]
    assert result.err.count(NOTICE) == 1 and "ignored 1 " in result.err
    again = check(run_cli)  # the forged entry is gone, this machine's verdict is cached and signed
    assert again.code == 1 and statuses(again.out) == ["wrong-derivative"] and NOTICE not in again.err


def test_an_entry_signed_with_another_machines_key_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    task = ("\\frac{d}{dx}x^3", "2x", ())
    mine = cache.Store(tmp_path / "c")
    mine.put(task, TaskResult("ok", verified_step()))
    mine.flush()
    monkeypatch.setenv(cache.KEY_DIR_VARIABLE, str(tmp_path / "another machine"))
    theirs = cache.Store(tmp_path / "c")
    assert theirs.get(task) is None and theirs.ignored == 1


def test_the_key_lives_outside_the_tree_with_mode_0600(key_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = cache.Store(tmp_path / "c")
    key_file = key_dir / cache.KEY_FILE
    assert store.key == cache.load_key() and len(store.key) == 32
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert not (tmp_path / "c").exists()  # nothing is written into the tree by reading
    import platformdirs

    monkeypatch.delenv(cache.KEY_DIR_VARIABLE)
    assert cache.key_directory() == Path(platformdirs.user_cache_dir("mathdoc"))


def test_without_a_key_nothing_is_cached_and_the_run_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "not a directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(cache.KEY_DIR_VARIABLE, str(blocker))
    store = cache.Store(tmp_path / "c")
    store.put(("a", "b", ()), TaskResult("ok", verified_step()))
    store.flush()
    assert store.get(("a", "b", ())) is None or not (tmp_path / "c").exists()
    assert not (tmp_path / "c").exists()
    assert "results are not cached" in capsys.readouterr().err


def test_never_pickle(tmp_path: Path) -> None:
    tree = ast.parse(Path(cache.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom)) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert not imported & {"pickle", "cPickle", "marshal", "shelve", "dill", "cloudpickle"}
    (tmp_path / cache.FILE_NAME).write_bytes(pickle.dumps({"format": cache.FORMAT, "entries": {}}))
    assert cache.Store(tmp_path).entries == {}


def test_a_timeout_is_never_stored(tmp_path: Path) -> None:
    store = cache.Store(tmp_path)
    store.put(("slow", "claim", ()), TaskResult("timeout"))
    store.flush()
    assert not (tmp_path / cache.FILE_NAME).exists()
    assert cache.Store(tmp_path).get(("slow", "claim", ())) is None


# -- symbolic links and special files -------------------------------------------------------------

def test_a_symlinked_cache_directory_is_not_used(repo: Path, outside: Path, run_cli) -> None:
    forge(outside, tasks_of(repo / "note.md")[0])
    before = snapshot(outside)
    (repo / ".mathdoc_cache").symlink_to(outside, target_is_directory=True)

    result = check(run_cli)

    assert result.code == 1 and statuses(result.out) == ["wrong-derivative"]
    assert snapshot(outside) == before  # nothing written, deleted or replaced there
    assert "the cache is not used" in result.err and "symbolic link" in result.err


def test_a_symlink_among_the_parents_of_a_relative_cache_path_is_refused(repo: Path, outside: Path) -> None:
    (repo / "sub").symlink_to(outside, target_is_directory=True)
    store = cache.open_cache("sub/.mathdoc_cache")
    assert store is not None
    store.put(("a", "b", ()), TaskResult("ok", verified_step()))
    store.flush()
    assert not (outside / ".mathdoc_cache").exists()


def test_symlinked_lock_gitignore_and_steps_are_not_followed(repo: Path, outside: Path, run_cli) -> None:
    directory = repo / ".mathdoc_cache"
    directory.mkdir()
    (directory / "lock").symlink_to(outside / "victim.txt")
    (directory / ".gitignore").symlink_to(outside / "created-by-mathdoc")
    (directory / cache.FILE_NAME).symlink_to("/dev/zero")  # read until memory runs out, before
    (directory / f"{cache.TEMP_PREFIX}stale").symlink_to(outside / f"{cache.TEMP_PREFIX}lookalike")
    before = snapshot(outside)

    result = check(run_cli)

    assert result.code == 1 and statuses(result.out) == ["wrong-derivative"]
    assert snapshot(outside) == before
    assert not (outside / "created-by-mathdoc").exists()


@pytest.mark.parametrize("special", ["/dev/zero", "/dev/urandom", "fifo"])
def test_steps_json_that_is_not_a_regular_file_is_not_read(tmp_path: Path, special: str) -> None:
    directory = tmp_path / "c"
    directory.mkdir()
    target = directory / cache.FILE_NAME
    if special == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        os.mkfifo(target)  # opened for reading without O_NONBLOCK, this blocks forever
    else:
        if not os.path.exists(special):
            pytest.skip(f"no {special} here")
        target.symlink_to(special)
    store = cache.Store(directory)
    assert store.entries == {}


def test_a_symlinked_steps_json_inside_the_tree_is_not_read_either(tmp_path: Path) -> None:
    good = cache.Store(tmp_path / "real")
    good.put(("a", "b", ()), TaskResult("ok", verified_step()))
    good.flush()
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / cache.FILE_NAME).symlink_to(tmp_path / "real" / cache.FILE_NAME)
    assert cache.Store(tmp_path / "c").get(("a", "b", ())) is None


# -- malformed and oversized files ----------------------------------------------------------------

@pytest.mark.parametrize("content", [
    b"[" * 200_000,                                          # nested too deeply for the parser
    b'{"format": 3, "code": "x", "entries": {"k": 1}}',
    b"\x00\xff" * 1000,
    b'{"format": 3, "entries": {"k": [1, "[\\"ok\\", 5]", "sig"]}}',
    b"1" * 10_000,                                           # an integer too long to convert
])
def test_a_malformed_cache_file_is_absent(tmp_path: Path, content: bytes) -> None:
    (tmp_path / cache.FILE_NAME).write_bytes(content)
    store = cache.Store(tmp_path)
    assert store.entries == {}
    store.put(("a", "b", ()), TaskResult("ok", verified_step()))
    store.flush()
    assert cache.Store(tmp_path).get(("a", "b", ())) == TaskResult("ok", verified_step())


def test_malformed_signed_entries_are_misses(tmp_path: Path) -> None:
    """Even a validly signed payload that is not a result (e.g. from a future format) is a miss."""
    store = cache.Store(tmp_path)
    assert store.key is not None
    for number, payload in enumerate(['["ok", {"by_layout": 5}]', '["timeout", null]', "not json", '["error", {"no": 1}]']):
        key = store.key_of(("t", str(number), ()))
        store.entries[key] = [1, payload, cache._sign(store.key, key, payload)]
        assert store.get(("t", str(number), ())) is None


def test_reads_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = cache.Store(tmp_path)
    store.put(("a", "b", ()), TaskResult("ok", verified_step()))
    store.flush()
    monkeypatch.setattr(cache, "MAX_BYTES", (tmp_path / cache.FILE_NAME).stat().st_size - 1)
    assert cache.Store(tmp_path).entries == {}


def test_a_malformed_cache_in_the_tree_does_not_change_the_verdict(repo: Path, run_cli) -> None:
    (repo / ".mathdoc_cache").mkdir()
    (repo / ".mathdoc_cache" / cache.FILE_NAME).write_bytes(b'{"format": 3, "code": ' + b"[" * 100_000)
    result = check(run_cli)
    assert result.code == 1 and statuses(result.out) == ["wrong-derivative"]
    assert "Traceback" not in result.err


# -- interrupted writes ---------------------------------------------------------------------------

def test_temporary_files_of_an_interrupted_write_are_removed_on_the_next_run(tmp_path: Path, outside: Path) -> None:
    directory = tmp_path / "c"
    store = cache.Store(directory)
    store.put(("a", "b", ()), TaskResult("ok", verified_step()))
    store.flush()
    (directory / f"{cache.TEMP_PREFIX}0123456789abcdef").write_text('{"format": 3, "entr', encoding="utf-8")
    (directory / ".steps-abc.tmp").write_text("{", encoding="utf-8")  # the name the previous format used
    (directory / f"{cache.TEMP_PREFIX}link").symlink_to(outside / "victim.txt")
    before = snapshot(outside)

    again = cache.Store(directory)

    assert sorted(p.name for p in directory.iterdir()) == sorted([".gitignore", cache.FILE_NAME, "lock"])
    assert again.get(("a", "b", ())) == TaskResult("ok", verified_step())
    assert snapshot(outside) == before


def test_a_reader_leaves_the_temporary_file_of_a_writer_holding_the_lock(tmp_path: Path) -> None:
    fcntl = pytest.importorskip("fcntl")
    store = cache.Store(tmp_path)
    store.put(("a", "b", ()), TaskResult("ok", verified_step()))
    store.flush()
    in_progress = tmp_path / f"{cache.TEMP_PREFIX}in-progress"
    in_progress.write_text("{", encoding="utf-8")
    with open(tmp_path / "lock", "a+b") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        cache.Store(tmp_path)
        assert in_progress.exists()
        fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
    cache.Store(tmp_path)
    assert not in_progress.exists()
