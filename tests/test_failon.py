"""`--fail-on error|warning|info` and `fail-on` in the configuration: exit 1 iff a problem of that
severity or above is reported; a verified step (severity info) never fails a run; the time-limit
count in the summary."""

from __future__ import annotations

import pytest

from mathdoc.cli import fails
from mathdoc.model import FileReport, Finding, Severity, Verdict
from mathdoc.reporters import github, text

WARNING_AND_INFO = (
    "Malformed: $\\frac{d}{x}x^2 = 2x$.\n\n"  # malformed-notation: a warning
    "Unknown: $\\frac{dy}{dx} = 2x$.\n\n"  # undefined-function: info
    "Right: $\\frac{d}{dx}x^2 = 2x$.\n"
)
INFO_ONLY = "Unknown: $\\frac{dy}{dx} = 2x$.\n\nRight: $\\frac{d}{dx}x^2 = 2x$.\n"
CLEAN = "Right: $\\frac{d}{dx}x^2 = 2x$.\n"
WRONG = "Wrong: $\\frac{d}{dx}x^3 = 3x$.\n"


def _check(run_cli, *args):  # type: ignore[no-untyped-def]
    return run_cli("check", "--no-cache", "--jobs", "1", *args)


def _finding(severity: Severity, verdict: Verdict = Verdict.UNCHECKED, code: str = "unparsed") -> Finding:
    return Finding(
        path="n.md", line=1, column=1, end_line=1, end_column=2, latex="a = b", kind="scalar", step=1,
        verdict=verdict, method=None, severity=severity, code=code, message="m",
    )


@pytest.mark.parametrize(
    ("severity", "threshold", "expected"),
    [
        (Severity.ERROR, Severity.ERROR, True),
        (Severity.WARNING, Severity.ERROR, False),
        (Severity.WARNING, Severity.WARNING, True),
        (Severity.INFO, Severity.WARNING, False),
        (Severity.INFO, Severity.INFO, True),
        (Severity.ERROR, Severity.INFO, True),
    ],
)
def test_a_problem_fails_at_or_above_the_threshold(severity: Severity, threshold: Severity, expected: bool) -> None:
    assert fails(_finding(severity), threshold) is expected


def test_a_verified_step_never_fails_even_at_info() -> None:
    assert not fails(_finding(Severity.INFO, Verdict.VERIFIED, "verified"), Severity.INFO)


@pytest.mark.parametrize(("level", "code"), [("error", 0), ("warning", 1), ("info", 1)])
def test_cli_exit_code_follows_fail_on(run_cli, write_note, level: str, code: int) -> None:  # type: ignore[no-untyped-def]
    result = _check(run_cli, "--fail-on", level, write_note(WARNING_AND_INFO))
    assert result.code == code, result.out + result.err
    assert "warning[malformed-notation]" in result.out and "info[undefined-function]" in result.out


def test_info_threshold_fails_on_an_unchecked_step_but_not_on_verified_ones(run_cli, write_note) -> None:  # type: ignore[no-untyped-def]
    assert _check(run_cli, "--fail-on", "info", write_note(INFO_ONLY)).code == 1
    assert _check(run_cli, "--fail-on", "warning", write_note(INFO_ONLY)).code == 0
    assert _check(run_cli, "--fail-on", "info", write_note(CLEAN)).code == 0


def test_default_is_error(run_cli, write_note) -> None:  # type: ignore[no-untyped-def]
    assert _check(run_cli, write_note(WARNING_AND_INFO)).code == 0
    assert _check(run_cli, write_note(WRONG)).code == 1


def test_configuration_sets_fail_on_and_the_flag_wins(run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "mathdoc.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    (tmp_path / "n.md").write_text(WARNING_AND_INFO, encoding="utf-8")
    assert _check(run_cli, tmp_path / "n.md").code == 1
    assert _check(run_cli, "--fail-on", "error", tmp_path / "n.md").code == 0


def test_pyproject_fail_on(run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "pyproject.toml").write_text('[tool.mathdoc]\nfail-on = "info"\n', encoding="utf-8")
    (tmp_path / "n.md").write_text(INFO_ONLY, encoding="utf-8")
    assert _check(run_cli, tmp_path / "n.md").code == 1


def test_a_bad_fail_on_value_is_a_configuration_error(run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "mathdoc.toml").write_text('fail-on = "fatal"\n', encoding="utf-8")
    (tmp_path / "n.md").write_text(CLEAN, encoding="utf-8")
    result = _check(run_cli, tmp_path / "n.md")
    assert result.code == 2
    assert "mathdoc.toml: key 'fail-on' must be \"error\", \"warning\" or \"info\"" in result.err


def test_a_bad_flag_value_is_a_usage_error(run_cli, write_note) -> None:  # type: ignore[no-untyped-def]
    result = _check(run_cli, "--fail-on", "fatal", write_note(CLEAN))
    assert result.code == 2 and "fatal" in result.err


def test_quiet_lists_what_fails_and_keeps_the_summary(run_cli, write_note) -> None:  # type: ignore[no-untyped-def]
    note = write_note(WARNING_AND_INFO)
    full = _check(run_cli, "--fail-on", "warning", note).out.splitlines()
    quiet = _check(run_cli, "--fail-on", "warning", "--quiet", note).out.splitlines()
    assert [line for line in quiet if "[" in line] == [line for line in full if "warning[" in line]
    assert quiet[-1] == full[-1] == "1 file, 3 claim steps: 1 verified, 0 wrong, 0 layout, 2 unchecked"
    default_quiet = _check(run_cli, "--quiet", note).out.splitlines()
    assert default_quiet == [full[-1]], "at the default threshold nothing here fails, and the summary stays"


# -- steps stopped by the time limit are said in the summary ---------------------------------------

def _timeout(line: int) -> Finding:
    return Finding(
        path="n.md", line=line, column=1, end_line=line, end_column=5, latex="a = b", kind="scalar", step=1,
        verdict=Verdict.UNCHECKED, method=None, severity=Severity.WARNING, code="timeout",
        message="stopped after the time limit of 1 s per step",
    )


def test_text_summary_counts_steps_not_checked_for_the_time_limit() -> None:
    report = FileReport(path="n.md", layout=None, findings=(_timeout(1), _timeout(2), _timeout(3)))
    last = text.format_text([report]).splitlines()[-1]
    assert last == "1 file, 3 claim steps: 0 verified, 0 wrong, 0 layout, 3 unchecked; 3 steps not checked: time limit"
    one = FileReport(path="n.md", layout=None, findings=(_timeout(1),))
    assert text.format_text([one]).splitlines()[-1].endswith("; 1 step not checked: time limit")


def test_quiet_text_still_counts_the_time_limit() -> None:
    report = FileReport(path="n.md", layout=None, findings=(_timeout(1), _timeout(2)))
    shown = FileReport(path="n.md", layout=None, findings=())
    assert text.format_text([shown], summary_of=[report]).splitlines() == [
        "1 file, 2 claim steps: 0 verified, 0 wrong, 0 layout, 2 unchecked; 2 steps not checked: time limit"
    ]


def test_github_format_ends_with_a_time_limit_warning() -> None:
    report = FileReport(path="n.md", layout=None, findings=(_timeout(1), _timeout(2)))
    lines = github.format_github([report]).splitlines()
    assert lines[-1] == "::warning title=mathdoc%3A time limit::2 steps not checked: time limit (raise --timeout)"
    assert github.format_github([FileReport(path="n.md", layout=None, findings=())]) == ""


PATHOLOGICAL = r"\frac{d}{dx} x^{10^{10^{10}}} = 10^{10^{10}} x^{10^{10^{10}} - 1}"
"""Keeps SymPy busy for minutes (see test_timeout.py): it always meets a one-second limit."""


def test_a_run_with_a_time_limit_says_so(run_cli, write_note) -> None:  # type: ignore[no-untyped-def]
    result = _check(run_cli, "--timeout", "1", write_note(f"$${PATHOLOGICAL}$$\n\nRight: $\\frac{{d}}{{dx}}x^2 = 2x$.\n"))
    assert result.code == 0, "a time limit is a warning, below the default threshold"
    assert "warning[timeout]" in result.out
    assert result.out.splitlines()[-1].endswith("; 1 step not checked: time limit")


def test_sarif_notifies_the_time_limit_once_and_stays_valid(shared_dir) -> None:  # type: ignore[no-untyped-def]
    import json

    jsonschema = pytest.importorskip("jsonschema")
    from mathdoc.reporters import sarif

    report = FileReport(path="n.md", layout=None, findings=(_timeout(1), _timeout(2)))
    document = json.loads(sarif.format_sarif([report]))
    notes = document["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notes == [{"message": {"text": "2 steps not checked: time limit"}, "level": "warning"}]
    schema = json.loads((shared_dir / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert not list(jsonschema.validators.validator_for(schema)(schema).iter_errors(document))
    clean = json.loads(sarif.format_sarif([FileReport(path="n.md", layout=None, findings=())]))
    assert "toolExecutionNotifications" not in clean["runs"][0]["invocations"][0]
