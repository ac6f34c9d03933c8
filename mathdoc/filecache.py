"""Whole-file results: a warm run of an unchanged file reads its bytes, hashes them, and prints
what it printed before.

An entry is keyed by the file's path as shown, its kind, the root its `\\input`s are read from,
the SHA-256 of its bytes, and (through the store's salt) mathdoc's code fingerprint and the
options that change findings (time limit, layout).  The configuration's `disable`/`severity`
and baselines are applied after this stage, so they are not part of the key.  A LaTeX file's
entry also lists every input it looked for with what was there (`sources.file_state`); the entry
holds only while each is unchanged.  A file whose check was cut short (a step that hit its time
limit, a worker that died) is not stored: that says as much about the machine as about the file.

The store is `cache.Store` (signed entries, no links followed, bounded reads), so a committed
cache in a pull request cannot plant findings.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from typing import Any

from .cache import FILES_NAME, Store, open_cache
from .model import Counterexample, FileReport, Finding, Location, Severity, Source, Verdict


def open_store(cache_dir: str | None, variant: str) -> Store | None:
    return open_cache(cache_dir, variant=variant, file_name=FILES_NAME)


def file_key(shown: str, kind: str, root: str | None, data: bytes) -> list[str]:
    """The key material of one file's entry (the store adds its salt and hashes it)."""
    return ["file", shown, kind, root or "", hashlib.sha256(data).hexdigest()]


def lookup(store: Store, key: list[str], root: str | None) -> FileReport | None:
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


def store_report(store: Store, key: list[str], report: FileReport, source: Source) -> None:
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
