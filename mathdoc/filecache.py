"""Whole-file results: a warm run of an unchanged file reads its bytes, hashes them, and prints
what it printed before.

An entry is keyed by the file's path as shown, its kind, the root its `\\input`s are read from,
the SHA-256 of its bytes, and (through the store's salt) mathdoc's code fingerprint and the
options that change findings (time limit, layout).  The configuration's `disable`/`severity`
and baselines are applied after this stage, so they are not part of the key.  A LaTeX file's
entry also lists every input it looked for with what was there (`sources.file_state`); the entry
holds only while each is unchanged.  A file whose check was cut short (a step that hit its time
limit, a worker that died) is not stored: that says as much about the machine as about the file.

Each entry is its own small file, `files-<code>/<key>`, written when its file is done, so a run
over a large corpus holds none of them in memory and never rewrites the others; the directory of
another code fingerprint is stale and removed by the first write.  Entries are signed like the
step cache's (HMAC-SHA256 with this machine's key), read without following links and with a
bound, so a cache committed in a pull request cannot plant findings.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Any

from . import cache
from .model import Counterexample, FileReport, Finding, Location, Severity, Source, Verdict

PREFIX = "files-"
MAX_ENTRY_BYTES = 16 * 1024 * 1024


class EntryStore:
    """Signed JSON entries, one file each, in `<cache>/files-<code fingerprint>/`."""

    def __init__(self, directory: Path, variant: str) -> None:
        self.root = directory
        code = cache.code_fingerprint()
        self.directory = directory / f"{PREFIX}{code[:24]}"
        self.salt = json.dumps([cache.FORMAT, code, variant], separators=(",", ":"))
        self.key = self._load_key()
        self._lock = threading.Lock()
        self._tidied = False

    def _load_key(self) -> bytes | None:
        try:
            return cache.load_key()
        except (OSError, ImportError):
            return None  # the step cache says so once

    def name_of(self, material: Any) -> str:
        payload = json.dumps([self.salt, material], ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:40]

    def get_payload(self, material: Any) -> Any:
        """The data stored under `material`, or None (absent, unsigned, malformed, refused)."""
        if self.key is None:
            return None
        name = self.name_of(material)
        try:
            with cache._directory(self.directory, create=False) as fd:
                handle = cache._open_regular(self.directory, fd, name, os.O_RDONLY)
                try:
                    raw = cache._read_bounded(handle, MAX_ENTRY_BYTES)
                finally:
                    os.close(handle)
            payload, signature = json.loads((raw or b"").decode("utf-8"))
            if not hmac.compare_digest(cache._sign(self.key, name, payload), signature):
                return None
            return json.loads(payload)
        except Exception:  # a missing, refused or malformed entry is a miss
            return None

    def put_payload(self, material: Any, data: Any) -> None:
        if self.key is None:
            return
        name = self.name_of(material)
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        entry = json.dumps([payload, cache._sign(self.key, name, payload)], separators=(",", ":"))
        with self._lock, contextlib.suppress(OSError):
            self._tidy()
            with cache._directory(self.directory, create=True) as fd:
                temporary = f"{cache.TEMP_PREFIX}{cache._token_hex(8)}"
                handle = cache._open_regular(self.directory, fd, temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
                try:
                    with os.fdopen(handle, "w", encoding="ascii") as stream:  # escaped JSON: ASCII only
                        stream.write(entry)
                    os.replace(cache._name(self.directory, fd, temporary), cache._name(self.directory, fd, name), src_dir_fd=fd, dst_dir_fd=fd)
                except BaseException:
                    with contextlib.suppress(OSError):
                        os.unlink(cache._name(self.directory, fd, temporary), dir_fd=fd)
                    raise

    def flush(self) -> None:
        """Entries are written as they come: nothing is pending."""

    def _tidy(self) -> None:
        """Once a run: the `.gitignore` of the cache directory, and the entries of other code
        fingerprints removed (links and anything but regular files inside are left alone)."""
        if self._tidied:
            return
        self._tidied = True
        with cache._directory(self.root, create=True) as fd:
            with contextlib.suppress(OSError):
                handle = cache._open_regular(self.root, fd, ".gitignore", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    stream.write("*\n")
            stale = [n for n in cache._listdir(self.root, fd) if n.startswith(PREFIX) and n != self.directory.name]
        for name in stale:
            with contextlib.suppress(OSError):
                with cache._directory(self.root / name, create=False) as inner:
                    for entry in cache._listdir(self.root / name, inner):
                        with contextlib.suppress(OSError):
                            os.unlink(cache._name(self.root / name, inner, entry), dir_fd=inner)
                os.rmdir(self.root / name)


def open_store(cache_dir: str | None, variant: str) -> EntryStore | None:
    return EntryStore(Path(cache_dir), variant) if cache_dir else None


def file_key(shown: str, kind: str, root: str | None, data: bytes) -> list[str]:
    """The key material of one file's entry (the store adds its salt and hashes it)."""
    return ["file", shown, kind, root or "", hashlib.sha256(data).hexdigest()]


def lookup(store: EntryStore, key: list[str], root: str | None) -> FileReport | None:
    """The stored report, if there is one and every file it depended on is unchanged."""
    from .sources import file_state

    data = store.get_payload(key)
    if not isinstance(data, dict):
        return None
    try:
        for path, state in data["dependencies"]:
            if file_state(path, root or ".") != state:
                return None
        return FileReport(
            path=data["path"],
            layout=data["layout"],
            findings=tuple(_finding(item) for item in data["findings"]),
            notices=tuple(str(notice) for notice in data["notices"]),
        )
    except Exception:  # a malformed entry is a miss, whatever is wrong with it
        return None


def store_report(store: EntryStore, key: list[str], report: FileReport, source: Source) -> None:
    data: dict[str, Any] = {
        "path": report.path,
        "layout": report.layout,
        "findings": [asdict(finding) for finding in report.findings],
        "notices": list(report.notices),
        "dependencies": [list(pair) for pair in source.dependencies],
    }
    store.put_payload(key, data)


def _finding(item: dict[str, Any]) -> Finding:
    values = dict(item)
    values["verdict"] = Verdict(values["verdict"])
    values["severity"] = Severity(values["severity"])
    example = values.get("counterexample")
    if example is not None:
        values["counterexample"] = Counterexample(point=dict(example["point"]), lhs=example["lhs"], rhs=example["rhs"])
    location = values.get("location")
    if location is not None:
        values["location"] = Location(**location)
    return Finding(**values)
