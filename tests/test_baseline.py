"""Baselines: `--write-baseline` records the run's problems by what the claim says, `--baseline`
reports only the others.  A claim moved (lines inserted above it) stays baselined; an edited claim
is new and its old entry is listed as stale; files not checked in a run leave their entries alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mathdoc import baseline
from mathdoc.model import FileReport, Finding, Severity, Verdict

WRONG = "Wrong: $\\frac{d}{dx}x^3 = 3x$.\n"
OTHER_WRONG = "Also wrong: $\\frac{d}{dx}x^4 = 4x$.\n"
RIGHT = "Right: $\\frac{d}{dx}x^2 = 2x$.\n"


def _check(run_cli, *args):  # type: ignore[no-untyped-def]
    return run_cli("check", "--no-cache", "--jobs", "1", *args)


@pytest.fixture
def notes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A notes directory with one wrong claim, and the baseline written for it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.md").write_text(RIGHT + "\n" + WRONG, encoding="utf-8")
    return tmp_path


def _write(run_cli, root: Path):  # type: ignore[no-untyped-def]
    result = _check(run_cli, "--write-baseline", root / "mathdoc-baseline.json", root / "notes")
    assert result.code == 0, result.out + result.err
    return result


def test_write_baseline_records_problems_by_content(run_cli, notes: Path) -> None:  # type: ignore[no-untyped-def]
    result = _write(run_cli, notes)
    assert "error[wrong-derivative]" in result.out, "writing a baseline still shows the findings"
    assert "baseline written to" in result.err and "(1 finding)" in result.err
    data = json.loads((notes / "mathdoc-baseline.json").read_text(encoding="utf-8"))
    assert data["tool"] == "mathdoc" and data["version"] == 1
    (entry,) = data["findings"]
    assert entry["path"] == "notes/a.md" and entry["code"] == "wrong-derivative" and entry["step"] == 1
    assert entry["latex"] == "\\frac{d}{dx}x^3 = 3x"
    assert "line" not in entry, "the line is not part of a finding's identity"


def test_baselined_findings_are_not_reported_and_the_run_passes(run_cli, notes: Path) -> None:  # type: ignore[no-untyped-def]
    _write(run_cli, notes)
    result = _check(run_cli, "--baseline", notes / "mathdoc-baseline.json", notes / "notes")
    assert result.code == 0, result.out
    assert "wrong-derivative" not in result.out
    assert result.out.splitlines()[-1].endswith("; 1 finding in the baseline not shown")


def test_a_moved_claim_stays_baselined(run_cli, notes: Path) -> None:  # type: ignore[no-untyped-def]
    _write(run_cli, notes)
    note = notes / "notes" / "a.md"
    note.write_text("# A heading\n\nA new paragraph.\n\n" + WRONG + "\n" + RIGHT, encoding="utf-8")
    result = _check(run_cli, "--baseline", notes / "mathdoc-baseline.json", note)
    assert result.code == 0, result.out
    assert "wrong-derivative" not in result.out and "stale" not in result.out


def test_an_edited_claim_is_new_and_its_entry_stale(run_cli, notes: Path) -> None:  # type: ignore[no-untyped-def]
    _write(run_cli, notes)
    note = notes / "notes" / "a.md"
    note.write_text(RIGHT + "\n" + WRONG.replace("3x$", "4x$"), encoding="utf-8")
    result = _check(run_cli, "--baseline", notes / "mathdoc-baseline.json", notes / "notes")
    assert result.code == 1
    lines = result.out.splitlines()
    assert any("error[wrong-derivative]" in line and "x^3 = 4x" in line for line in lines)
    stale = [line for line in lines if "stale baseline entry" in line]
    assert len(stale) == 1 and "`\\frac{d}{dx}x^3 = 3x`" in stale[0] and stale[0].startswith(str(note))


def test_a_fixed_claim_leaves_a_stale_entry_but_passes(run_cli, notes: Path) -> None:  # type: ignore[no-untyped-def]
    _write(run_cli, notes)
    (notes / "notes" / "a.md").write_text(RIGHT, encoding="utf-8")
    result = _check(run_cli, "--baseline", notes / "mathdoc-baseline.json", notes / "notes")
    assert result.code == 0
    assert sum("stale baseline entry" in line for line in result.out.splitlines()) == 1


def test_a_new_problem_next_to_a_baselined_one_is_reported(run_cli, notes: Path) -> None:  # type: ignore[no-untyped-def]
    _write(run_cli, notes)
    (notes / "notes" / "a.md").write_text(RIGHT + "\n" + WRONG + "\n" + OTHER_WRONG, encoding="utf-8")
    result = _check(run_cli, "--baseline", notes / "mathdoc-baseline.json", notes / "notes")
    assert result.code == 1
    problems = [line for line in result.out.splitlines() if "error[" in line]
    assert len(problems) == 1 and "x^4 = 4x" in problems[0]


def test_a_second_copy_of_a_baselined_claim_is_new(run_cli, notes: Path) -> None:  # type: ignore[no-untyped-def]
    _write(run_cli, notes)
    (notes / "notes" / "a.md").write_text(WRONG + "\n" + WRONG, encoding="utf-8")
    result = _check(run_cli, "--baseline", notes / "mathdoc-baseline.json", notes / "notes")
    assert result.code == 1
    assert sum("error[wrong-derivative]" in line for line in result.out.splitlines()) == 1


def test_files_not_checked_keep_their_entries(run_cli, notes: Path) -> None:  # type: ignore[no-untyped-def]
    (notes / "notes" / "b.md").write_text(OTHER_WRONG, encoding="utf-8")
    _write(run_cli, notes)
    (notes / "notes" / "c.md").write_text(RIGHT, encoding="utf-8")
    result = _check(run_cli, "--baseline", notes / "mathdoc-baseline.json", notes / "notes" / "c.md")
    assert result.code == 0 and "stale" not in result.out, "a pre-commit run on one file calls nothing else stale"


def test_the_baseline_path_is_independent_of_the_working_directory(run_cli, notes: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    _write(run_cli, notes)
    monkeypatch.chdir(notes / "notes")
    result = _check(run_cli, "--baseline", "../mathdoc-baseline.json", "a.md")
    assert result.code == 0 and "wrong-derivative" not in result.out


def test_configured_baseline_is_relative_to_the_configuration(run_cli, notes: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    _write(run_cli, notes)
    (notes / "mathdoc.toml").write_text('baseline = "mathdoc-baseline.json"\n', encoding="utf-8")
    monkeypatch.chdir(notes / "notes")
    assert _check(run_cli, "a.md").code == 0


def test_baseline_and_json_stay_consistent(run_cli, notes: Path) -> None:  # type: ignore[no-untyped-def]
    _write(run_cli, notes)
    result = _check(run_cli, "--format", "json", "--baseline", notes / "mathdoc-baseline.json", notes / "notes")
    document = json.loads(result.out)
    (file,) = document["files"]
    assert [f["code"] for f in file["findings"]] == ["verified"]
    assert document["summary"]["claims"] == len(file["findings"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such baseline file"),
        ("{not json", "not a mathdoc baseline (not JSON"),
        ('{"tool": "other", "findings": []}', "not a mathdoc baseline"),
        ('{"tool": "mathdoc", "version": 9, "findings": []}', "baseline version 9"),
        ('{"tool": "mathdoc", "version": 1, "findings": [{"path": "a.md"}]}', "lacks fingerprint"),
    ],
)
def test_an_unusable_baseline_is_a_usage_error(run_cli, notes: Path, content: str | None, message: str) -> None:  # type: ignore[no-untyped-def]
    path = notes / "bad.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = _check(run_cli, "--baseline", path, notes / "notes")
    assert result.code == 2
    assert message in result.err and "Traceback" not in result.err


def test_an_unwritable_baseline_is_a_usage_error(run_cli, notes: Path) -> None:  # type: ignore[no-untyped-def]
    result = _check(run_cli, "--write-baseline", notes / "missing-dir" / "b.json", notes / "notes")
    assert result.code == 2 and "cannot write the baseline" in result.err


# -- the module on its own -------------------------------------------------------------------------

def _finding(latex: str, line: int, code: str = "wrong-derivative", verdict: Verdict = Verdict.WRONG) -> Finding:
    return Finding(
        path="n.md", line=line, column=1, end_line=line, end_column=9, latex=latex, kind="scalar", step=1,
        verdict=verdict, method=None, severity=Severity.ERROR if verdict is Verdict.WRONG else Severity.INFO, code=code, message="m",
    )


def test_fingerprint_ignores_line_and_white_space_but_not_code_step_or_path(tmp_path: Path) -> None:
    a = _finding("\\frac{d}{dx}x^3 = 3x", 1)
    moved = _finding("\\frac{d}{dx} x^3 =  3x", 40)
    assert baseline.fingerprint("n.md", a) == baseline.fingerprint("n.md", moved)
    assert baseline.fingerprint("n.md", a) != baseline.fingerprint("m.md", a)
    other_code = _finding("\\frac{d}{dx}x^3 = 3x", 1, code="wrong-step")
    assert baseline.fingerprint("n.md", a) != baseline.fingerprint("n.md", other_code)


def test_verified_steps_are_not_recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    report = FileReport(path="n.md", layout=None, findings=(
        _finding("a = b", 1), _finding("c = d", 2, code="verified", verdict=Verdict.VERIFIED), _finding("e = f", 3, code="unparsed", verdict=Verdict.UNCHECKED),
    ))
    assert baseline.write(tmp_path / "b.json", [report]) == 2
    entries = baseline.read(tmp_path / "b.json")
    assert [e.code for e in entries] == ["wrong-derivative", "unparsed"]
    filtered = baseline.apply([report], entries, tmp_path / "b.json")
    assert [f.code for f in filtered.reports[0].findings] == ["verified"]
    assert (filtered.baselined, filtered.stale) == (2, 0)
