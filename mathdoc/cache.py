"""Result cache: what a step came to, keyed by its text, the definitions it relies on, the time
limit and the code that judged it.

One JSON file, `.mathdoc_cache/steps.json`.  Reading it needs neither SymPy nor
`multiprocessing`, so a fully warm run never loads them.  Several mathdoc processes may share the
directory (`pre-commit` runs hooks in parallel): a flush takes a lock, re-reads the file, merges,
and replaces it atomically, so a reader never sees half a file and no writer loses another's
entries.  The file holds at most `MAX_ENTRIES` steps; the least recently used go first.

Timed-out steps and steps whose check raised are cached too (time-outs for the same limit), so
that a pathological claim costs its time limit once, not on every commit; `--no-cache` or a longer
`--timeout` tries it again.  A worker that died or ran out of memory is not remembered.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any, Iterator

from . import __version__
from .outcome import StepResult
from .timelimit import TaskResult

FORMAT = 2
FILE_NAME = "steps.json"
MAX_ENTRIES = 50_000
REFRESH_SECONDS = 86_400
"""A hit older than this gets a new timestamp (so that eviction sees it as used); younger hits
leave the file alone, and a warm run writes nothing."""
LOCK_SECONDS = 5.0

Entry = list[Any]
"""[last used (Unix seconds), status ("ok", "timeout", "error"), data]"""
Task = tuple[Any, ...]


def code_fingerprint() -> str:
    """The version, plus the size and time of every module: an edited checkout is a new version."""
    package = Path(__file__).resolve().parent
    parts = [__version__]
    for directory, subdirectories, files in sorted(os.walk(package)):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith((".", "__")))
        for name in sorted(files):
            if name.endswith(".py"):
                status = os.stat(os.path.join(directory, name))
                parts.append(f"{os.path.relpath(os.path.join(directory, name), package)}:{status.st_size}:{status.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:32]


class Store:
    """The cached results of one run: loaded once, written back (merged) by `flush`."""

    def __init__(self, directory: Path, variant: str = "") -> None:
        self.directory = directory
        self.path = directory / FILE_NAME
        self.code = code_fingerprint()
        self.salt = json.dumps([FORMAT, self.code, variant], separators=(",", ":"))
        self.now = _clock()
        self.entries: dict[str, Entry] = self._read()
        self.changed: dict[str, Entry] = {}

    def key_of(self, task: Task) -> str:
        payload = json.dumps([self.salt, task], ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:40]

    def get(self, task: Task) -> TaskResult | None:
        key = self.key_of(task)
        entry = self.entries.get(key)
        if entry is None:
            return None
        try:
            stamp, status, data = entry
            if status == "ok":
                result = TaskResult("ok", StepResult.from_json(data))
            elif status in ("timeout", "error"):
                result = TaskResult(status, data)
            else:
                return None
        except (KeyError, TypeError, ValueError):
            return None
        if self.now - int(stamp) > REFRESH_SECONDS:
            self.changed[key] = [self.now, status, data]
        return result

    def put(self, task: Task, result: TaskResult) -> None:
        """Remember what a step came to, unless it says more about the machine than the step."""
        if result.transient:
            return
        if result.status == "ok":
            entry = [self.now, "ok", result.value.to_json()]
        else:
            entry = [self.now, result.status, result.value if isinstance(result.value, str) else None]
        key = self.key_of(task)
        self.entries[key] = entry
        self.changed[key] = entry

    def flush(self) -> None:
        if not self.changed:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            ignore = self.directory / ".gitignore"
            if not ignore.exists():
                ignore.write_text("*\n", encoding="utf-8")
            with self._locked():
                entries = self._read()  # what other processes wrote meanwhile
                entries.update(self.changed)
                self._write(_evict(entries, MAX_ENTRIES))
                for old in self.directory.glob("steps-*.json"):  # the per-version files of format 1
                    old.unlink()
            self.changed.clear()
        except OSError:
            pass  # a read-only tree still gets checked, just not cached

    def _read(self) -> dict[str, Entry]:
        try:
            with open(self.path, encoding="utf-8") as stream:
                data = json.load(stream)
        except (OSError, ValueError, UnicodeDecodeError):
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("code") != self.code:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def _write(self, entries: dict[str, Entry]) -> None:
        import tempfile

        handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".steps-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump({"format": FORMAT, "code": self.code, "entries": entries}, stream, ensure_ascii=False, separators=(",", ":"))
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold `.mathdoc_cache/lock` while merging; without one (no fcntl, a lock held too long)
        the replace is still atomic, and at worst one run's new entries are lost."""
        try:
            import fcntl
        except ImportError:
            yield
            return
        with open(self.directory / "lock", "a+b") as lock:
            deadline = time.monotonic() + LOCK_SECONDS
            held = False
            while not held:
                try:
                    fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    held = True
                except OSError:
                    if time.monotonic() > deadline:
                        break
                    time.sleep(0.01)
            try:
                yield
            finally:
                if held:
                    fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def _clock() -> int:
    return int(time.time())


def _evict(entries: dict[str, Entry], limit: int) -> dict[str, Entry]:
    """The `limit` most recently used entries (ties broken by key, so every process agrees)."""
    if len(entries) <= limit:
        return entries

    def stamp(item: tuple[str, Entry]) -> tuple[int, str]:
        try:
            return int(item[1][0]), item[0]
        except (TypeError, ValueError, IndexError):
            return 0, item[0]

    return dict(sorted(entries.items(), key=stamp, reverse=True)[:limit])


def open_cache(directory: str | None, variant: str = "") -> Store | None:
    """The cache in `directory` (None: no cache).  `variant` names whatever else changes a
    result (the time limit); steps cached under another variant are not reused."""
    if not directory:
        return None
    return Store(Path(directory), variant)
