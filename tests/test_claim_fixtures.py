"""Claim fixtures: one data file per claim kind, read like markdown-it-py's fixture files.

Each block of a `tests/fixtures/*.txt` file is

    title
    .
    markdown input (any number of lines)
    .
    LINE:COL VERDICT CODE      (one line per claim step, in report order; none for "no findings")
    .

CODE may be `*` where any code will do: a suspicious parse must come out `unchecked`, and the
reason it gives is secondary.

A title that starts with `[xfail: reason]` marks a block that states the behaviour the guide asks
for but that mathdoc does not deliver yet (a known bug); the reason says what goes wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

import mathdoc

FIXTURES = Path(__file__).parent / "fixtures"
_XFAIL = re.compile(r"^\[xfail:\s*(?P<reason>[^\]]+)\]\s*")
_EXPECTED = re.compile(r"^(?P<line>\d+):(?P<column>\d+) (?P<verdict>[a-z]+) (?P<code>[a-z-]+|\*)$")


@dataclass(frozen=True)
class Case:
    file: str
    title: str
    first_line: int
    """Line of the title in the fixture file, for error messages."""
    text: str
    expected: tuple[str, ...]
    xfail: str | None


def read_fixture_file(path: Path) -> list[Case]:
    """Blocks of `title / . / input / . / expected / .`; blank lines between blocks are skipped."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[Case] = []
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        title, first_line = lines[index].strip(), index + 1
        if index + 1 >= len(lines) or lines[index + 1] != ".":
            raise ValueError(f"{path.name}:{first_line}: a title must be followed by a line `.`")
        sections: list[list[str]] = []
        index += 2
        for _ in range(2):
            section: list[str] = []
            while index < len(lines) and lines[index] != ".":
                section.append(lines[index])
                index += 1
            if index >= len(lines):
                raise ValueError(f"{path.name}:{first_line}: block {title!r} is not closed by `.`")
            sections.append(section)
            index += 1
        text = "\n".join(sections[0]) + "\n"
        expected = tuple(line.strip() for line in sections[1] if line.strip())
        for line in expected:
            if not _EXPECTED.match(line):
                raise ValueError(f"{path.name}:{first_line}: bad expectation {line!r} (want `LINE:COL VERDICT CODE`)")
        match = _XFAIL.match(title)
        xfail = match.group("reason").strip() if match else None
        cases.append(Case(path.name, title[match.end():] if match else title, first_line, text, expected, xfail))
    return cases


def _all_cases() -> list[object]:
    params = []
    for path in sorted(FIXTURES.glob("*.txt")):
        for case in read_fixture_file(path):
            marks = [pytest.mark.xfail(reason=case.xfail, strict=False)] if case.xfail else []
            params.append(pytest.param(case, id=f"{path.stem}:{case.first_line}", marks=marks))
    return params


def describe(report: mathdoc.FileReport, expected: tuple[str, ...] = ()) -> list[str]:
    """One `LINE:COL VERDICT CODE` line per finding; CODE becomes `*` where the expectation says so."""
    lines = []
    for index, finding in enumerate(report.findings):
        wildcard = index < len(expected) and expected[index].endswith(" *")
        lines.append(f"{finding.line}:{finding.column} {finding.verdict.value} {'*' if wildcard else finding.code}")
    return lines


@pytest.mark.parametrize("case", _all_cases())
def test_fixture(case: Case) -> None:
    report = mathdoc.check_text(case.text, path=f"{case.file}:{case.first_line}", timeout=20, jobs=1)
    assert describe(report, case.expected) == list(case.expected), f"{case.file}:{case.first_line} {case.title}"


def test_every_claim_kind_has_a_fixture_file() -> None:
    names = {path.stem for path in FIXTURES.glob("*.txt")}
    assert {"scalar", "partial", "gradient", "chains", "notation", "suspicious", "definitions"} <= names


def test_fixture_titles_are_unique() -> None:
    for path in sorted(FIXTURES.glob("*.txt")):
        titles = [case.title for case in read_fixture_file(path)]
        assert len(titles) == len(set(titles)), path.name


def test_suspicious_parses_are_never_decided() -> None:
    """The guide's promise: a parse that would misread a name is `unchecked`, never a verdict."""
    for case in read_fixture_file(FIXTURES / "suspicious.txt"):
        assert all(" unchecked " in line for line in case.expected), case.title


def test_definitions_produce_no_error() -> None:
    for case in read_fixture_file(FIXTURES / "definitions.txt"):
        assert not any(" wrong " in line or " layout " in line for line in case.expected), case.title
