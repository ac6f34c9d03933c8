"""Baselines: accept today's findings, report only new ones.

`mathdoc check --write-baseline mathdoc-baseline.json` records every problem of the run (each
finding that is not `verified`, whatever its severity, so that `--fail-on warning` or `info` can
use the same file); `--baseline mathdoc-baseline.json` then drops the findings recorded there.

A finding is recorded by a fingerprint of what the claim says, never where it stands: the file's
path relative to the baseline file's directory, the claim step's LaTeX with all white space
removed, the step number and the code.  Inserting text above a claim, or moving it, keeps it
baselined; editing the claim makes it a new finding (and its old entry stale).  The same claim
written twice in a file is two entries: each recorded occurrence absorbs one finding.

An entry of a checked file that matches no finding any more is stale (the mistake was fixed, or
the claim edited); it is listed as a notice of that file.  Entries of files not checked in this
run are left alone, so a pre-commit run on two staged notes does not call the rest stale.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from .model import FileReport, Finding, Verdict

VERSION = 1
FINGERPRINT_FIELDS = "path, latex, step, code"


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the message names the file."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One recorded finding.  Only `fingerprint` decides a match; the rest is for the reader."""

    fingerprint: str
    path: str
    code: str
    step: int
    latex: str


@dataclass(frozen=True, slots=True)
class Filtered:
    """The reports with baselined findings removed (stale entries as notices), and the count removed."""

    reports: list[FileReport]
    baselined: int
    stale: int


def normalised_latex(latex: str) -> str:
    """White space never changes what a claim says, so it is not part of its identity."""
    return re.sub(r"\s+", "", latex)


def relative_path(path: str, base: Path) -> str:
    """`path` relative to `base`, with `/` separators (the same on every OS and working directory)."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, os.path.abspath(base))
    except ValueError:  # another drive on Windows
        relative = absolute
    return relative.replace(os.sep, "/")


def fingerprint(relative: str, finding: Finding) -> str:
    key = "\0".join([relative, normalised_latex(finding.latex), str(finding.step), finding.code])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def is_recorded(finding: Finding) -> bool:
    """Every problem is recorded; a verified step is not a finding to accept."""
    return finding.verdict is not Verdict.VERIFIED


def entries_of(reports: Iterable[FileReport], base: Path) -> list[Entry]:
    entries = []
    for report in reports:
        relative = relative_path(report.path, base)
        for finding in report.findings:
            if is_recorded(finding):
                latex = " ".join(finding.latex.split())
                entries.append(Entry(fingerprint(relative, finding), relative, finding.code, finding.step, latex))
    return sorted(entries, key=lambda e: e.path)  # stable: a file's entries keep their order


def write(path: str | os.PathLike[str], reports: Iterable[FileReport]) -> int:
    """Write the baseline of `reports` to `path`; returns the number of entries."""
    target = Path(path)
    entries = entries_of(reports, target.resolve().parent)
    document = {
        "tool": "mathdoc",
        "version": VERSION,
        "fingerprint": FINGERPRINT_FIELDS,
        "findings": [dataclasses.asdict(e) for e in entries],
    }
    try:
        target.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write the baseline ({exc.strerror or exc})") from None
    return len(entries)


def read(path: str | os.PathLike[str]) -> list[Entry]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (write one with --write-baseline)") from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a mathdoc baseline (not JSON: {exc})") from None
    return _entries(path, data)


def _entries(path: str | os.PathLike[str], data: Any) -> list[Entry]:
    if not isinstance(data, dict) or data.get("tool") != "mathdoc" or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a mathdoc baseline (write one with --write-baseline)")
    if data.get("version") != VERSION:
        raise BaselineError(f"{path}: baseline version {data.get('version')!r}; this mathdoc reads version {VERSION}")
    entries = []
    for item in data["findings"]:
        try:
            entries.append(Entry(str(item["fingerprint"]), str(item["path"]), str(item["code"]), int(item["step"]), str(item["latex"])))
        except (KeyError, TypeError, ValueError):
            raise BaselineError(f"{path}: a baseline entry lacks fingerprint, path, code, step or latex: {item!r:.120}") from None
    return entries


def apply(reports: Iterable[FileReport], entries: Iterable[Entry], baseline_path: str | os.PathLike[str]) -> Filtered:
    """Drop the findings that `entries` record; list the checked files' entries that matched nothing."""
    base = Path(baseline_path).resolve().parent
    remaining = Counter(e.fingerprint for e in entries)
    by_path: dict[str, list[Entry]] = {}
    for entry in entries:
        by_path.setdefault(entry.path, []).append(entry)
    result, baselined, stale = [], 0, 0
    for report in reports:
        relative = relative_path(report.path, base)
        kept = []
        for finding in report.findings:
            key = fingerprint(relative, finding)
            if is_recorded(finding) and remaining[key] > 0:
                remaining[key] -= 1
                baselined += 1
            else:
                kept.append(finding)
        notices = list(report.notices)
        for entry in by_path.get(relative, []):
            if remaining[entry.fingerprint] > 0:
                remaining[entry.fingerprint] -= 1
                stale += 1
                notices.append(stale_notice(report.path, entry, baseline_path))
        result.append(dataclasses.replace(report, findings=tuple(kept), notices=tuple(notices)))
    return Filtered(result, baselined, stale)


def stale_notice(path: str, entry: Entry, baseline_path: str | os.PathLike[str]) -> str:
    step = f" step {entry.step}" if entry.step > 1 else ""
    latex = entry.latex if len(entry.latex) <= 120 else entry.latex[:117] + "..."
    return (
        f"{path}: stale baseline entry in {baseline_path}: {entry.code}{step} `{latex}` is no longer found "
        "(fixed or edited); run with --write-baseline to drop it"
    )
