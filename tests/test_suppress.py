"""Inline suppression comments, unused-suppression notices, and the configured disable/severity.

Most tests hand `suppress.apply` a source and findings made by hand (positions chosen to sit
before or after the comments), so they run without SymPy; one end-to-end test goes through the CLI.
"""

from __future__ import annotations

import json

from mathdoc import suppress
from mathdoc.model import FileReport, Finding, Severity, Source, Verdict


def _source(text: str, kind: str = "markdown") -> Source:
    return Source(path="n.md", text=text, kind=kind)


def _finding(line: int, step: int = 1, verdict: Verdict = Verdict.WRONG, code: str = "wrong-derivative", column: int = 5) -> Finding:
    severity = Severity.ERROR if verdict in (Verdict.WRONG, Verdict.LAYOUT) else Severity.INFO
    return Finding(
        path="n.md", line=line, column=column, end_line=line, end_column=column + 2, latex="a = b", kind="scalar",
        step=step, verdict=verdict, method=None, severity=severity, code=code, message="m",
    )


def _lines(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def _kept(text: str, findings: list[Finding], kind: str = "markdown") -> tuple[list[int], tuple[str, ...]]:
    kept, notices = suppress.apply(_source(text, kind), findings)
    return [f.line for f in kept], notices


def test_no_comment_changes_nothing() -> None:
    findings = [_finding(1), _finding(2)]
    kept, notices = suppress.apply(_source("$x$\n$y$\n"), findings)
    assert kept == tuple(findings) and notices == ()


def test_ignore_removes_every_step_of_the_next_claim_only() -> None:
    text = _lines("$a = b$", "<!-- mathdoc: ignore -->", "$c = d = e = f$", "$g = h$")
    findings = [
        _finding(1),
        _finding(3, step=1, verdict=Verdict.VERIFIED, code="verified"),
        _finding(3, step=2, column=9),
        _finding(3, step=3, column=13, code="wrong-step"),
        _finding(4),
    ]
    lines, notices = _kept(text, findings)
    assert lines == [1, 4]
    assert notices == ()


def test_ignore_before_a_right_claim_is_reported_unused() -> None:
    text = _lines("<!-- mathdoc: ignore -->", "$c = d$", "$e = f$")
    lines, notices = _kept(text, [_finding(2, verdict=Verdict.VERIFIED, code="verified"), _finding(3)])
    assert lines == [3]
    (notice,) = notices
    assert notice.startswith("n.md:1:1: info[unused-suppression] ")
    assert suppress.is_unused_suppression(notice)


def test_ignore_with_nothing_after_it_is_unused() -> None:
    lines, notices = _kept(_lines("$a = b$", "% mathdoc: ignore"), [_finding(1)], kind="latex")
    assert lines == [1]
    assert len(notices) == 1 and "n.md:2:1: info[unused-suppression]" in notices[0]


def test_ignore_with_codes_removes_only_those() -> None:
    text = _lines("<!-- mathdoc: ignore=wrong-step -->", "$a = b = c$")
    findings = [_finding(2), _finding(2, step=2, column=9, code="wrong-step")]
    lines, notices = _kept(text, findings)
    assert [f.code for f in suppress.apply(_source(text), findings)[0]] == ["wrong-derivative"]
    assert notices == ()


def test_disable_enable_range() -> None:
    text = _lines(
        "$a = b$",
        "<!-- mathdoc: disable=wrong-derivative,shape-mismatch -->",
        "$c = d$",
        "$e = f$",
        "<!-- mathdoc: enable=wrong-derivative,shape-mismatch -->",
        "$g = h$",
    )
    findings = [_finding(1), _finding(3), _finding(4, code="wrong-step"), _finding(6)]
    lines, notices = _kept(text, findings)
    assert lines == [1, 4, 6]
    assert notices == ()


def test_disable_without_enable_runs_to_the_end_and_all_means_every_code() -> None:
    text = _lines("$a = b$", "<!-- mathdoc: disable=all -->", "$c = d$", "$e = f$")
    findings = [_finding(1), _finding(3, code="layout-mismatch", verdict=Verdict.LAYOUT), _finding(4, verdict=Verdict.VERIFIED, code="verified")]
    lines, notices = _kept(text, findings)
    assert lines == [1, 4], "disable silences problems; verified steps stay counted"
    # it did something, but nothing closes it: said once, so that a forgotten enable= is seen
    assert notices == ("n.md:2:1: info[unused-suppression] `<!-- mathdoc: disable=all -->` is not closed by an `enable=`; it holds to the end of the file",)


def test_unused_range_and_bad_comments_are_reported() -> None:
    text = _lines(
        "<!-- mathdoc: disable=timeout -->",
        "$a = b$",
        "<!-- mathdoc: enable=timeout -->",
        "<!-- mathdoc: disable=no-such-code -->",
        "<!-- mathdoc: ignroe -->",
        "<!-- mathdoc: layout=numerator -->",
        "$c = d$",
    )
    lines, notices = _kept(text, [_finding(2), _finding(7)])
    assert lines == [2, 7]
    assert [n.split(":")[1] for n in notices] == ["1", "4", "5"]
    assert "no-such-code" in notices[1] and "not a mathdoc directive" in notices[2]


def test_latex_and_rst_comment_forms() -> None:
    latex = _lines(r"50\% mathdoc: ignore is not a comment", r"$a = b$", r"% mathdoc: ignore", r"$c = d$")
    assert _kept(latex, [_finding(2), _finding(4)], kind="latex")[0] == [2]
    rst = _lines(".. mathdoc: ignore", "", ":math:`a = b`", "", ".. math::", "", "   c = d")
    assert _kept(rst, [_finding(3), _finding(7)], kind="rst")[0] == [7]


def test_configured_disable_and_severity() -> None:
    findings = (_finding(1), _finding(2, code="wrong-step"), _finding(3, code="unparsed", verdict=Verdict.UNCHECKED))
    notice = "n.md:1:1: info[unused-suppression] stale"
    report = FileReport("n.md", None, findings, notices=("n.md: read as cp1252", notice))
    (result,) = suppress.apply_configuration([report], disable=["unparsed"], severity={"wrong-step": Severity.WARNING})
    assert [(f.code, f.severity) for f in result.findings] == [("wrong-derivative", Severity.ERROR), ("wrong-step", Severity.WARNING)]
    assert result.notices == report.notices
    (quiet,) = suppress.apply_configuration([report], disable=["unused-suppression"])
    assert quiet.notices == ("n.md: read as cp1252",)


NOTE = """\
A step: $\\frac{d}{dx}x^3 = 3x$.

<!-- mathdoc: ignore -->
A known typo: $\\frac{d}{dx}\\sin x = \\sin x$.

<!-- mathdoc: ignore -->
Right, so the comment is stale: $\\frac{d}{dx}x^2 = 2x$.
"""


def test_end_to_end_suppression_in_text_and_json(run_cli, write_note) -> None:  # type: ignore[no-untyped-def]
    note = write_note(NOTE)
    result = run_cli("check", "--no-cache", "--jobs", "1", "--format", "json", note)
    assert result.code == 1
    (file,) = json.loads(result.out)["files"]
    assert [f["line"] for f in file["findings"] if f["verdict"] != "verified"] == [1]
    assert all(f["line"] != 4 for f in file["findings"])
    (notice,) = file["notices"]
    assert notice.startswith(f"{note}:6:1: info[unused-suppression] `<!-- mathdoc: ignore -->`")
    text = run_cli("check", "--no-cache", "--jobs", "1", note)
    assert f"{note}:6:1: info[unused-suppression]" in text.out
