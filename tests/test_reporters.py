"""Every output format against a golden file, built from tests/golden_formats/note.md.

The note is checked once; each format renders the same reports.  Regenerate the golden files
(after a deliberate change of output) with `MATHDOC_REGEN_GOLDEN=1 python -m pytest tests/test_reporters.py`.
"""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest

from mathdoc import __version__
from mathdoc.checker import Options, check_sources
from mathdoc.model import Counterexample, FileReport, Finding, Severity, Source, Verdict
from mathdoc.reporters import FORMATS, render, report_format
from mathdoc.reporters import github, html_report, terminal
from mathdoc.sources import read_source

GOLDEN = Path(__file__).resolve().parent / "golden_formats"
NOTE = GOLDEN / "note.md"
REGENERATE = os.environ.get("MATHDOC_REGEN_GOLDEN") == "1"


@pytest.fixture(scope="module")
def reports() -> list[FileReport]:
    source = read_source(NOTE, display_path="note.md")
    return check_sources([source], Options(jobs=1, cache_dir=None))


def _stable(text: str) -> str:
    """The output with the version number taken out, so a release does not touch the golden files."""
    return text.replace(f'"{__version__}"', '"<version>"')


def compare_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if REGENERATE:
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} is missing; run with MATHDOC_REGEN_GOLDEN=1 to write it"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from its golden file; MATHDOC_REGEN_GOLDEN=1 rewrites it after a deliberate change"


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_format_matches_golden(reports: list[FileReport], name: str) -> None:
    compare_golden(f"{name}.golden", _stable(render(name, reports, verbose=name == "text")))


def test_every_format_has_a_golden_file() -> None:
    assert {p.stem for p in GOLDEN.glob("*.golden")} == set(FORMATS)


def test_cli_writes_the_same_text_and_report(run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(GOLDEN)
    html_path, markdown_path = tmp_path / "report.html", tmp_path / "report.md"
    result = run_cli("check", "--no-cache", "--jobs", "1", "--verbose", "--report", html_path, "note.md")
    assert result.code == 1
    assert result.out == (GOLDEN / "text.golden").read_text(encoding="utf-8")
    assert html_path.read_text(encoding="utf-8") == (GOLDEN / "html.golden").read_text(encoding="utf-8")
    result = run_cli("check", "--no-cache", "--jobs", "1", "--quiet", "--report", markdown_path, "note.md")
    assert markdown_path.read_text(encoding="utf-8") == (GOLDEN / "markdown.golden").read_text(encoding="utf-8")
    assert "error[" in result.out and "info[" not in result.out


def test_report_suffix_picks_the_format(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert report_format("out.HTML") == "html" and report_format("a/b.md") == "markdown"
    result = run_cli("check", "--no-cache", "--report", tmp_path / "report.pdf", NOTE)
    assert result.code == 2
    assert "--report" in result.err and ".html or .md" in result.err


# -- GitHub annotations -------------------------------------------------------------------------

def _finding(severity: Severity, **changes: object) -> Finding:
    values: dict = dict(
        path="notes/a.md", line=3, column=5, end_line=3, end_column=9, latex=r"\frac{d}{dx}x^3 = 3x",
        kind="scalar", step=1, verdict=Verdict.WRONG if severity is Severity.ERROR else Verdict.UNCHECKED,
        method=None, severity=severity, code="wrong-derivative" if severity is Severity.ERROR else "timeout",
        message="the two sides differ", expected="3 x^{2}",
        counterexample=Counterexample({"x": "2"}, "12", "6") if severity is Severity.ERROR else None,
    )
    values.update(changes)
    return Finding(**values)


def test_github_prints_one_line_per_error(reports: list[FileReport]) -> None:
    lines = render("github", reports).splitlines()
    errors = [f for r in reports for f in r.findings if f.severity is Severity.ERROR]
    assert len(lines) == len(errors) == 3
    assert all(line.startswith("::error file=note.md,line=") for line in lines)
    for line, finding in zip(lines, errors):
        assert f"line={finding.line},col={finding.column},endLine={finding.end_line},endColumn={finding.end_column}" in line
        assert f",title=mathdoc [{finding.code}]::" in line


def test_github_levels_and_escaping() -> None:
    tricky = _finding(Severity.ERROR, path="we,ird:dir/100%.md", message="50% off\r\nnext line")
    report = FileReport(
        path=tricky.path, layout=None,
        findings=(tricky, _finding(Severity.WARNING), _finding(Severity.INFO, verdict=Verdict.VERIFIED, code="verified")),
    )
    lines = github.format_github([report]).splitlines()
    assert len(lines) == 3  # the warning is a time limit: the last line says the run was cut short
    assert lines[2] == "::warning title=mathdoc%3A time limit::1 step not checked: time limit (raise --timeout)"
    assert lines[0].startswith("::error file=we%2Cird%3Adir/100%25.md,line=3,col=5,endLine=3,endColumn=9,title=mathdoc [wrong-derivative]::")
    # CR and LF from the notes are shown as \r \n; only mathdoc's own line break is %0A
    assert lines[0].endswith("::50%25 off\\r\\nnext line%0A\\frac{d}{dx}x^3 = 3x")
    assert lines[1].startswith("::warning file=notes/a.md,")
    assert github.escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


# -- HTML ---------------------------------------------------------------------------------------

def test_html_has_one_mark_per_finding_and_needs_no_network(reports: list[FileReport]) -> None:
    page = render("html", reports)
    findings = [f for r in reports for f in r.findings]
    marks = re.findall(r'<[a-z]+ class="mark verdict-(\w+)" data-verdict="(\w+)"', page)
    assert len(marks) == len(findings)
    assert sorted(v for v, _ in marks) == sorted(f.verdict.value for f in findings)
    assert page.count("<math") >= len(findings)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "<script" not in page
    assert "url(" not in page.replace("url(data:font/woff2;base64,", "")  # only the embedded math font
    wrong = next(f for f in findings if f.verdict is Verdict.WRONG)
    note = re.search(r'<div class="note verdict-wrong".*?</div></div>', page, re.S)
    assert note and "Expected" in note.group(0) and "Counterexample" in note.group(0)
    assert f"at x = {wrong.counterexample.point['x']}" in note.group(0)  # type: ignore[union-attr]
    assert 'id="only-problems"' in page and 'href="#file-1"' in page


def test_html_escapes_and_falls_back_to_code_for_unreadable_latex() -> None:
    assert html_report.render_math(r"\frac{1}{").startswith('<code class="tex">')
    assert "<math" in html_report.render_math(r"\frac{d}{dx}x^2")
    text = "Text with <b>tags</b> & $\\frac{d}{dx}x^3 = 3x$.\n"
    source = Source(path="<script>.md", text=text, kind="markdown")
    finding = _finding(Severity.ERROR, path=source.path, line=1, column=44, end_line=1, end_column=46)
    page = html_report.format_html([FileReport(source.path, None, (finding,), source=source)])
    assert "&lt;b&gt;tags&lt;/b&gt; &amp;" in page and "&lt;script&gt;.md" in page
    assert page.count('class="mark ') == 1
    assert "Findings not placed in the text" not in page


def test_html_lists_findings_it_cannot_place() -> None:
    finding = _finding(Severity.ERROR)
    page = html_report.format_html([FileReport(finding.path, None, (finding,))])
    assert "Findings not placed in the text" in page and page.count('class="mark ') == 1


# -- terminal colour ----------------------------------------------------------------------------

class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("environ", "tty", "expected"),
    [({}, True, True), ({}, False, False), ({"CI": "true"}, True, False), ({"NO_COLOR": "1"}, True, False)],
)
def test_colour_only_on_an_interactive_terminal(environ: dict[str, str], tty: bool, expected: bool) -> None:
    stream = _Terminal() if tty else io.StringIO()
    assert terminal.wants_colour(stream, environ) is expected


def test_colour_paints_the_text_format(reports: list[FileReport], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    text = render("text", reports)
    stream = _Terminal()
    terminal.write(text, stream)
    painted = stream.getvalue()
    assert "\x1b[" in painted
    assert re.sub(r"\x1b\[[0-9;]*m", "", painted) == text
    plain = io.StringIO()
    terminal.write(text, plain)
    assert plain.getvalue() == text


def test_json_golden_is_the_documented_contract() -> None:
    document = json.loads((GOLDEN / "json.golden").read_text(encoding="utf-8"))
    assert document["version"] == 1
    verdicts = {f["verdict"] for f in document["files"][0]["findings"]}
    assert verdicts == {"verified", "wrong", "layout", "unchecked"}
    assert any("unused-suppression" in n for n in document["files"][0]["notices"])
