"""Result cache: a step's outcome keyed by its text, the definitions it relies on and the version.

One JSON file per run directory (`.mathdoc_cache/steps-<version>.json`); reading it needs no
SymPy, so a fully warm run never imports it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from . import __version__
from .outcome import StepResult


def key_of(task: tuple) -> str:
    payload = json.dumps([__version__, task], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class Store:
    def __init__(self, directory: Path) -> None:
        self.path = directory / f"steps-{__version__}.json"
        self.entries: dict[str, dict] = {}
        self.dirty = False
        try:
            self.entries = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.entries = {}

    def get(self, task: tuple) -> StepResult | None:
        data = self.entries.get(key_of(task))
        if data is None:
            return None
        try:
            return StepResult.from_json(data)
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, task: tuple, result: StepResult) -> None:
        self.entries[key_of(task)] = result.to_json()
        self.dirty = True

    def flush(self) -> None:
        if not self.dirty:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not (self.path.parent / ".gitignore").exists():
                (self.path.parent / ".gitignore").write_text("*\n", encoding="utf-8")
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(self.entries, stream, ensure_ascii=False, sort_keys=True)
            os.replace(temporary, self.path)
            self.dirty = False
        except OSError:
            pass  # a read-only tree still gets checked, just not cached


def open_cache(directory: str | None) -> Store | None:
    if not directory:
        return None
    return Store(Path(directory))
