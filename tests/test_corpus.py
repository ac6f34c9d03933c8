"""A run over a real corpus (d2l-en chapters): it finishes, and its report is consistent.

Reads `../shared/corpus/d2l-en/` next to the repository; skips when it is absent.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "d2l-en"
VERDICTS = ("verified", "wrong", "layout", "unchecked")
FINDING_LINE = re.compile(r"^.+:\d+:\d+: (error|warning|info)\[[a-z-]+\] ")
SUMMARY_LINE = re.compile(r"^\d+ files?, \d+ claim steps: \d+ verified, \d+ wrong, \d+ layout, \d+ unchecked$")


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def run_over_corpus(*args: str) -> Run:
    """`mathdoc check` in process; stdout and stderr captured here (the fixture is module-wide)."""
    from mathdoc import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.run(["check", "--no-cache", "--timeout", "10", *args, str(CORPUS)])
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def json_run() -> Run:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is not present")
    return run_over_corpus("--format", "json")


def test_the_run_finishes_without_a_traceback(json_run: Run) -> None:
    assert json_run.code in (0, 1), json_run.err
    assert "Traceback" not in json_run.err + json_run.out
    assert json_run.err == ""


def test_every_note_of_the_corpus_is_reported(json_run: Run) -> None:
    document = json.loads(json_run.out)
    reported = sorted(Path(f["path"]).name for f in document["files"])
    assert reported == sorted(p.name for p in CORPUS.rglob("*.md"))


def test_summary_counts_are_consistent(json_run: Run) -> None:
    document = json.loads(json_run.out)
    findings = [finding for file in document["files"] for finding in file["findings"]]
    summary = document["summary"]
    assert summary["files"] == len(document["files"])
    assert summary["claims"] == len(findings) > 0
    assert summary["claims"] == sum(summary[verdict] for verdict in VERDICTS)
    for verdict in VERDICTS:
        assert summary[verdict] == sum(f["verdict"] == verdict for f in findings)
    errors = sum(f["severity"] == "error" for f in findings)
    assert json_run.code == (1 if errors else 0)


def test_findings_are_sorted_and_inside_their_file(json_run: Run) -> None:
    document = json.loads(json_run.out)
    for file in document["files"]:
        lines = Path(file["path"]).read_text(encoding="utf-8").split("\n")
        for finding in file["findings"]:
            assert 1 <= finding["line"] <= len(lines), (file["path"], finding)
            assert 1 <= finding["column"] <= len(lines[finding["line"] - 1]) + 1, (file["path"], finding)


def test_no_message_spans_lines(json_run: Run) -> None:
    document = json.loads(json_run.out)
    broken = [
        (file["path"], finding["line"], finding["message"])
        for file in document["files"]
        for finding in file["findings"]
        if "\n" in finding["message"]
    ]
    assert not broken


def test_no_internal_error_reaches_a_finding(json_run: Run) -> None:
    document = json.loads(json_run.out)
    internal = [
        (file["path"], finding["line"], finding["message"])
        for file in document["files"]
        for finding in file["findings"]
        if finding["message"].startswith("internal error")
    ]
    if internal:
        pytest.xfail(f"internal errors reported as findings: {internal}")


def test_text_run_agrees_with_the_json_run(json_run: Run) -> None:
    text = run_over_corpus("--verbose")
    assert text.code == json_run.code
    summary = json.loads(json_run.out)["summary"]
    last = text.out.splitlines()[-1]
    assert SUMMARY_LINE.match(last)
    assert last.startswith(f"{summary['files']} files, {summary['claims']} claim steps: {summary['verified']} verified, ")
