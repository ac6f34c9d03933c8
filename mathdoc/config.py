"""Configuration: `[tool.mathdoc]` in pyproject.toml, or the top-level keys of mathdoc.toml.

Settings are merged as defaults < configuration file < command-line flags, starting from the one
`DEFAULTS` dict.  The file is found by walking up from the first checked path; the first directory
with a `mathdoc.toml`, or a `pyproject.toml` that has a `[tool.mathdoc]` table, ends the walk
(mathdoc.toml wins when a directory has both).  Every unknown key and every bad value is an error
that names the file and the key, so a typo never silently does nothing.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from .checker import DEFAULT_TIMEOUT
from .codes import RULES_BY_CODE
from .model import Severity
from .sources import Note, find_notes
from .suggest import did_you_mean

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,no-redef,unused-ignore]

CONFIG_NAMES = ("mathdoc.toml", "pyproject.toml")

DEFAULTS: dict[str, Any] = {
    "include": [],
    "exclude": [],
    "layout": None,
    "timeout": DEFAULT_TIMEOUT,
    "jobs": None,
    "disable": [],
    "severity": {},
    "fail-on": "error",
    "baseline": None,
    "executor": "local",
    "scheduler": None,
}
"""include/exclude: glob lists applied when directories are expanded (relative to the directory of
the configuration file; a pattern without `/` matches a file or directory name at any depth; an
empty include list means every note mathdoc reads).  layout: "numerator" or "denominator" for
documents that declare none.  timeout: seconds per claim step.  jobs: worker processes (None: one
per CPU).  disable: codes whose findings are dropped.  severity: code -> "error"/"warning"/"info".  fail-on: the
lowest severity that makes the exit code 1.  baseline: a baseline file (relative to the
configuration file) whose findings are not reported.  executor: "local" or "dask".  scheduler: the
address of a dask scheduler for `executor = "dask"` (none: a LocalCluster of `jobs` workers)."""


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Settings:
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    layout: str | None
    timeout: float
    jobs: int
    disable: frozenset[str]
    severity: Mapping[str, Severity]
    path: Path | None
    """The configuration file that was read, if any."""
    fail_on: Severity = Severity.ERROR
    """A finding of this severity or above makes the exit code 1."""
    baseline: str | None = None
    """The baseline file to apply (a path as given, or made absolute from the configuration's directory)."""
    executor: str = "local"
    """Where files are checked: "local" (this machine's worker pool) or "dask" (see mathdoc.executors)."""
    scheduler: str | None = None
    """The address of a running dask scheduler; None starts a LocalCluster of `jobs` workers."""

    @property
    def root(self) -> Path:
        """The directory that include/exclude patterns are relative to."""
        return self.path.parent if self.path else Path.cwd()


def _string_list(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("must be a list of strings")
    return list(value)


def _layout(value: Any) -> str:
    if value not in ("numerator", "denominator"):
        raise ValueError('must be "numerator" or "denominator"')
    return str(value)


def _timeout(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0 or value == float("inf"):
        raise ValueError("must be a positive number of seconds")
    return float(value)


def _jobs(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError("must be a positive whole number")
    return value


def _code(code: str) -> str:
    if code not in RULES_BY_CODE:
        raise ValueError(f"unknown code {code!r}{did_you_mean(code, RULES_BY_CODE)} (`mathdoc rules` lists them)")
    if code == "verified":
        raise ValueError("`verified` is not a problem and cannot be configured")
    return code


def _disable(value: Any) -> list[str]:
    return [_code(code) for code in _string_list(value)]


def _severity(value: Any) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ValueError('must be a table of code = "error" | "warning" | "info"')
    levels = {s.value: s for s in Severity}
    result = {}
    for code, level in value.items():
        _code(code)
        if code == "unused-suppression":
            raise ValueError("unused-suppression is a notice; it can be disabled but has no severity")
        if level not in levels:
            raise ValueError(f'{code}: must be "error", "warning" or "info", not {level!r}')
        result[code] = levels[level]
    return result


def _fail_on(value: Any) -> Severity:
    levels = {s.value: s for s in Severity}
    if value not in levels:
        raise ValueError('must be "error", "warning" or "info"')
    return levels[value]


def _baseline(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be the path of a baseline file")
    return value


def _executor(value: Any) -> str:
    if value not in ("local", "dask"):
        raise ValueError('must be "local" or "dask"')
    return str(value)


def _scheduler(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError('must be the address of a dask scheduler, such as "tcp://10.0.0.5:8786"')
    return value.strip()


VALIDATORS: dict[str, Callable[[Any], Any]] = {
    "include": _string_list,
    "exclude": _string_list,
    "layout": _layout,
    "timeout": _timeout,
    "jobs": _jobs,
    "disable": _disable,
    "severity": _severity,
    "fail-on": _fail_on,
    "baseline": _baseline,
    "executor": _executor,
    "scheduler": _scheduler,
}


def find_config(start: str | os.PathLike[str]) -> Path | None:
    """The configuration file for a run whose first path is `start`."""
    path = Path(start).resolve()
    directory = path if path.is_dir() else path.parent
    for folder in (directory, *directory.parents):
        candidate = folder / "mathdoc.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "mathdoc" in _read_toml(candidate).get("tool", {}):
            return candidate
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def read_config(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The validated settings in one file (only the keys it sets)."""
    path = Path(path)
    data = _read_toml(path)
    table: Any = data.get("tool", {}).get("mathdoc", {}) if path.name == "pyproject.toml" else data
    where = f"{path}: [tool.mathdoc]" if path.name == "pyproject.toml" else str(path)
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table")
    if path.name != "pyproject.toml" and isinstance(table.get("tool"), dict) and "mathdoc" in table["tool"]:
        raise ConfigError(
            f"{where}: a [tool.mathdoc] table belongs in pyproject.toml; in mathdoc.toml the keys go at the top "
            "of the file, without a table header"
        )
    settings = {}
    for key, value in table.items():
        validate = VALIDATORS.get(key)
        if validate is None:
            known = ", ".join(DEFAULTS)
            raise ConfigError(f"{where}: unknown key {key!r}{did_you_mean(key, DEFAULTS)} (known keys: {known})")
        try:
            settings[key] = validate(value)
        except ValueError as exc:
            raise ConfigError(f"{where}: key {key!r} {exc}") from None
    return settings


def resolve(paths: Iterable[str], overrides: Mapping[str, Any], config_file: str | None = None) -> Settings:
    """Defaults < the configuration file < `overrides` (command-line values; None means not given)."""
    first = next(iter(paths), ".")
    path = Path(config_file) if config_file else find_config(first)
    if config_file and not Path(config_file).is_file():
        raise ConfigError(f"{config_file}: no such configuration file")
    merged = dict(DEFAULTS)
    if path is not None:
        merged.update(read_config(path))
    merged.update({key: value for key, value in overrides.items() if value is not None})
    baseline = merged["baseline"]
    if baseline is not None and overrides.get("baseline") is None and path is not None:
        baseline = str(path.parent / baseline)  # a configured baseline is relative to its configuration file
    return Settings(
        include=tuple(merged["include"]),
        exclude=tuple(merged["exclude"]),
        layout=merged["layout"],
        timeout=float(merged["timeout"]),
        jobs=merged["jobs"] or (os.cpu_count() or 1),
        disable=frozenset(merged["disable"]),
        severity=dict(merged["severity"]),
        path=path,
        fail_on=Severity(merged["fail-on"]),
        baseline=baseline,
        executor=merged["executor"],
        scheduler=merged["scheduler"],
    )


def expand_paths(paths: Iterable[str], settings: Settings) -> tuple[list[str], list[str]]:
    """The files to check: named files as they are, directories expanded and filtered by include/exclude."""
    notes, errors, skipped = expand_notes(paths, settings)
    return [note.path for note in notes], errors + skipped


def expand_notes(paths: Iterable[str], settings: Settings) -> tuple[list[Note], list[str], list[str]]:
    """`expand_paths` with each file's checked root; returns (notes, errors, skipped links).

    A file reached twice (two arguments, or a link to a note in the same tree) is checked once."""
    expansion = expand(paths, settings)
    return expansion.notes, expansion.errors, expansion.skipped


@dataclass(frozen=True, slots=True)
class Expansion:
    """The notes to check, and what the expansion has to say about the paths given."""

    notes: list[Note]
    errors: list[str]
    skipped: list[str]
    """Links to outside the checked root (notices)."""
    filtered: int
    """Notes found in the directories given but left out by include/exclude."""

    def nothing_left(self, settings: Settings) -> str | None:
        """A warning when include/exclude removed every note that the paths given hold: a run
        that checks nothing should not look like a run that found nothing wrong."""
        if self.notes or not self.filtered:
            return None
        where = f" in {settings.path}" if settings.path else ""
        rules = "; ".join(f"{key} = {list(value)}" for key, value in (("include", settings.include), ("exclude", settings.exclude)) if value)
        return f"warning: include/exclude{where} ({rules}) left out all {self.filtered} notes under the paths given; nothing was checked"


def expand(paths: Iterable[str], settings: Settings) -> Expansion:
    """The notes to check, each with its checked root; named files are never filtered."""
    include = [_glob(p) for p in settings.include]
    exclude = [_glob(p) for p in settings.exclude]
    notes: list[Note] = []
    errors: list[str] = []
    skipped: list[str] = []
    seen: set[str] = set()
    filtered = 0
    for raw in paths:
        found, problems, outside = find_notes([raw])
        errors.extend(problems)
        skipped.extend(outside)
        directory = os.path.isdir(raw)
        for note in found:
            if directory and (include or exclude):
                candidates = _match_names(note.path, settings.root, Path(raw))
                if (include and not any(p.fullmatch(c) for p in include for c in candidates)) or any(
                    p.fullmatch(c) for p in exclude for c in candidates
                ):
                    filtered += 1
                    continue
            real = os.path.realpath(note.path)
            if real not in seen:
                seen.add(real)
                notes.append(note)
    return Expansion(notes, errors, skipped, filtered)


def _match_names(name: str, root: Path, base: Path) -> list[str]:
    """The file's path relative to the configuration root (or else to the directory argument), and
    each of its ancestor directories, so that `drafts` and `drafts/**` both exclude a folder.

    The file itself is not resolved: a note may be a link to elsewhere in the tree, and a directory
    argument may be a link to outside the root; then the path as found is matched."""
    relative = _relative(name, root) or _relative(name, base) or Path(name).name
    parts = Path(relative).parts
    return ["/".join(parts[:i]) for i in range(len(parts), 0, -1)]


def _relative(name: str, folder: Path) -> str | None:
    """`name` relative to `folder`, as written or with its directory's links resolved; None when neither."""
    written = os.path.abspath(name)
    through_links = os.path.join(os.path.realpath(os.path.dirname(written)), os.path.basename(written))
    for path in (written, through_links):
        for top in (os.path.abspath(folder), os.path.realpath(folder)):
            if path == top or path.startswith(top.rstrip(os.sep) + os.sep):
                return os.path.relpath(path, top)
    return None


def _glob(pattern: str) -> re.Pattern[str]:
    """gitignore-like globs: `*` and `?` stay within a path segment, `**` crosses them."""
    pattern = pattern.strip().removeprefix("./").rstrip("/")
    if "/" not in pattern:
        pattern = "**/" + pattern
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2 :]:
            close = pattern.index("]", i + 2)
            body = pattern[i + 1 : close]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
            i = close + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))
