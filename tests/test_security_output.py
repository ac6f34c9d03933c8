"""Everything mathdoc prints is safe when the notes come from a stranger (issue 9, items 1, 3, 5).

* the HTML report runs no script of the notes (and has a Content-Security-Policy that would stop
  one), whatever the math, prose, messages, values and file names hold;
* the Markdown report, posted as a pull-request comment, renders no image, link or HTML tag of the
  notes;
* no format prints a line that a note made start with `::` (a GitHub workflow command), and none
  prints a raw control character; JSON and SARIF stay valid JSON.

Most tests render a report built by hand, so that every field (message, expected value,
counterexample, notice, path) carries the attack whatever the checker would make of it; a few run
the CLI on the reproducers of the issue.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from mathdoc.model import Counterexample, FileReport, Finding, Location, Severity, Source, Verdict
from mathdoc.reporters import FORMATS, render
from mathdoc.reporters.escape import markdown_code, markdown_text, one_line, visible

MARKUP = "![x](http://e/t.png) [y](javascript:alert(0)) <a href=x>link</a> <img src=x onerror=alert(1)> <script>alert(2)</script>"
FORGED = "\n::error file=README.md,line=1::forged\r\n::add-mask::secret\x1b[2J\x07\x7f\x85\u2028 ##[add-mask]secret"
PATH = "dir/x`y <img src=x onerror=alert(1)>\n::error file=README.md,line=1::forged.md"
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
"""Control characters no output may contain (newline and tab are the formats' own)."""


def _finding(verdict: Verdict, line: int, column: int, **changes: object) -> Finding:
    severity = {Verdict.WRONG: Severity.ERROR, Verdict.LAYOUT: Severity.WARNING}.get(verdict, Severity.INFO)
    values: dict = dict(
        path=PATH, line=line, column=column, end_line=line, end_column=column + 3,
        latex=r"\frac{d}{dx}x^3 = 2x + \text{`` " + MARKUP + "}" + FORGED, kind="scalar", step=2,
        verdict=verdict, method=None, severity=severity, code="wrong-derivative",
        message="the sides differ " + MARKUP + FORGED, expected=r"3x^2 \text{<script>alert(3)</script> ``}" + FORGED,
        counterexample=Counterexample({"x": "<img src=x onerror=alert(4)>`" + FORGED}, "`` <a href=x>", "12" + FORGED),
        location=Location(line, column, cell=0, cell_id="c\n::error::cell" + MARKUP, cell_line=1),
    )
    values.update(changes)
    return Finding(**values)


def hostile_reports() -> list[FileReport]:
    """A report whose every text field carries markup, backticks and forged command lines."""
    text = f"# Notes {MARKUP}\n\nProse {MARKUP}\x1b[31m\n\n$\\text{{<script>alert(5)</script>}}$ and $x^3$\n"
    source = Source(path=PATH, text=text, kind="markdown")
    math_column = text.splitlines()[4].index("$") + 2
    findings = (
        _finding(Verdict.WRONG, 5, math_column),
        _finding(Verdict.LAYOUT, 5, math_column),
        _finding(Verdict.UNCHECKED, 40, 1, code="unparsed", expected=None, counterexample=None),
        _finding(Verdict.VERIFIED, 41, 1, code="verified", expected=None, counterexample=None),
    )
    notices = (f"{PATH}:1: \\input{{x{FORGED}}} not found {MARKUP}", "::add-mask::secret " + MARKUP + FORGED)
    return [
        FileReport(path=PATH, layout="numerator" + FORGED, findings=findings, notices=notices, source=source),
        FileReport(path=PATH, layout=None, findings=findings, notices=notices),  # nothing placed in the text
    ]


# -- the escaping helpers -------------------------------------------------------------------------

def test_visible_escapes_every_control_character() -> None:
    assert visible("a\nb\r\t\x1b[0m\x00\x7f\x85\u2028\ud800") == "a\\nb\\r\\t\\x1b[0m\\x00\\x7f\\x85\\u2028\\ud800"
    assert visible("a\nb\tc", keep="\n\t") == "a\nb\tc"
    assert one_line("x ##[add-mask]y") == "x #\\x23[add-mask]y"


@pytest.mark.parametrize("content", ["a`b", "``", "`x", "x`", "a ``` b", " x ", "plain"])
def test_code_span_holds_any_backticks(content: str) -> None:
    rendered = MarkdownIt("commonmark").render(f"see {markdown_code(content)} here")
    assert re.fullmatch(r"<p>see <code>(.*)</code> here</p>\n", rendered, re.S)
    code = re.search(r"<code>(.*)</code>", rendered, re.S)
    assert code is not None
    assert unescape(code.group(1)) == content


def test_markdown_text_renders_as_the_same_text() -> None:
    prose = "# not a heading *not em* _x_ [a](b) ![i](j) <b>t</b> & `c` | ~s~ $m$ 1. www.e.com a@b.c \\"
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown_text(prose))
    assert rendered.startswith("<p>") and rendered.count("<") == 2  # just the paragraph
    assert unescape(rendered[3:-5]) == prose


# -- HTML -------------------------------------------------------------------------------------------

REPORT_ELEMENTS = frozenset(
    "html head meta title style body header h1 h2 h3 table thead tbody tfoot tr th td a input div label "
    "span main section p ul li code b"
    " h4 h5 h6 ol em strong pre blockquote hr br s".split()  # the note's own Markdown, rendered
)


URL_ATTRIBUTES = frozenset("href src action formaction xlink:href data poster cite background srcset".split())


class _Audit(HTMLParser):
    """Every element, attribute, script and style of a page, as an HTML parser sees it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.policies: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            self.attributes.append((tag, name, value or ""))
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(values.get("content") or "")
        if tag in ("script", "style"):
            self._open = tag
            (self.scripts if tag == "script" else self.styles).append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._open = None

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open == "script":
            self.scripts[-1] += data
        elif self._open == "style":
            self.styles[-1] += data


def _source_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _policy(content: str) -> dict[str, list[str]]:
    directives = [part.split() for part in content.split(";") if part.strip()]
    return {words[0]: words[1:] for words in directives}


def audit_html(page: str) -> _Audit:
    """The page's own markup only, and a policy that allows nothing else (asserted here)."""
    from mathdoc.reporters.html_report import MATHML_ELEMENTS

    audit = _Audit()
    audit.feed(page)
    audit.close()
    assert set(audit.tags) <= REPORT_ELEMENTS | MATHML_ELEMENTS, set(audit.tags) - REPORT_ELEMENTS - MATHML_ELEMENTS
    assert audit.tags.count("meta") == 3 and audit.tags.count("style") == 1 and audit.tags.count("title") == 1
    for tag, name, value in audit.attributes:
        assert not name.startswith("on"), (tag, name, value)
        assert name not in ("style", "src", "srcdoc", "formaction", "xlink:href", "action", "background"), (tag, name)
        if name in URL_ATTRIBUTES:
            assert "javascript:" not in re.sub(r"[\s\x00-\x1f]", "", value).lower(), (tag, name, value)
        if name == "href":
            assert re.fullmatch(r"#[\w-]+", value), (tag, value)
    assert len(audit.policies) == 1
    policy = _policy(audit.policies[0])
    assert policy["default-src"] == ["'none'"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert policy["img-src"] == ["data:"]
    assert policy["style-src"] == [_source_hash(audit.styles[0])]
    own_scripts = sorted(_source_hash(script) for script in audit.scripts)
    assert sorted(policy["script-src"]) == (own_scripts or ["'none'"])
    assert "unsafe" not in audit.policies[0] and "http" not in audit.policies[0] and "*" not in audit.policies[0]
    assert page.index("Content-Security-Policy") < page.index("<style>") < page.index("<body>")
    return audit


def test_html_report_of_hostile_notes_has_only_its_own_markup() -> None:
    page = render("html", hostile_reports())
    audit = audit_html(page)
    assert audit.scripts == []
    assert "<script" not in page and "<img" not in page and "<a href=x" not in page
    assert "&lt;script&gt;alert(5)&lt;/script&gt;" in page  # the math text, shown as text
    assert "&lt;img src=x onerror=alert(4)&gt;" in page  # the counterexample
    assert page.count('class="mark ') == 2 * len(hostile_reports()[0].findings)
    assert not RAW_CONTROL.search(page)


@pytest.mark.parametrize(
    "latex",
    [
        r"\text{<script>alert(document.domain)</script>}",
        r"\href{javascript:alert(1)}{x}",
        r"\style{background:url(http://e/t.png)}{x}",
        r"\mathrm{<b>}\operatorname{<i onmouseover=alert(1)>}",
        r"\text{&lt;script&gt; &amp; &#60;b&#62; &#x3C;i&#x3E;}",
        r"\text{\"onload=alert(1) x='}",
    ],
)
def test_mathml_keeps_only_mathml(latex: str) -> None:
    from mathdoc.reporters.html_report import MATHML_ELEMENTS, render_math

    rendered = render_math(latex)
    audit = _Audit()
    audit.feed(rendered)

    assert set(audit.tags) <= MATHML_ELEMENTS | {"code"}
    assert not any(name in ("href", "style") or name.startswith("on") for _, name, _ in audit.attributes)
    assert not any("javascript:" in value or "url(" in value for _, _, value in audit.attributes)


def test_harmless_math_is_unchanged_by_the_sanitizer() -> None:
    from latex2mathml.converter import convert

    from mathdoc.reporters.html_report import render_math

    for latex in [r"\frac{d}{dx}x^3 = 3x^2", r"\nabla f = \begin{bmatrix} 6yx \\ 3x^2 \end{bmatrix}", r"\text{if } x \ne 0, \; e^{-x}"]:
        assert render_math(latex) == convert(latex)


def test_cli_html_report_of_the_reproducer_runs_no_script(run_cli: Any, write_note: Any, tmp_path: Path) -> None:
    note = write_note("# Script\n\n$\\text{<script>alert(document.domain)</script>}$ and $\\frac{d}{dx}x^3 = 2x$\n")
    report = tmp_path / "r.html"
    result = run_cli("check", note, "--report", report, "--no-cache")
    assert result.code == 1, result.err
    page = report.read_text(encoding="utf-8")
    assert audit_html(page).scripts == []
    assert "<mtext>&lt;script&gt;alert(document.domain)&lt;/script&gt;</mtext>" in page


# -- Markdown ---------------------------------------------------------------------------------------

MARKDOWN_ELEMENTS = frozenset("h1 h2 p table thead tbody tr th td a ul li strong code".split())


def _rendered_markdown(markdown: str) -> str:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)


def audit_markdown(markdown: str) -> None:
    """Rendered, the report has only its own structure: anchors to its own sections, no image,
    no link out, no HTML tag from the notes; and no URL outside a code span for autolinking."""
    audit = _Audit()
    audit.feed(_rendered_markdown(markdown))
    assert set(audit.tags) <= MARKDOWN_ELEMENTS, set(audit.tags) - MARKDOWN_ELEMENTS
    for tag, name, value in audit.attributes:
        if tag in ("th", "td") and name == "style":  # the table's column alignment
            assert re.fullmatch(r"text-align:(left|right|center)", value), value
            continue
        assert (tag, name) in (("a", "href"), ("a", "id")), (tag, name, value)
        assert re.fullmatch(r"#?file-\d+", value), value
    outside_code = re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", markdown)
    assert "://" not in outside_code and "www." not in outside_code
    assert not RAW_CONTROL.search(markdown)


def test_markdown_report_of_hostile_notes_renders_nothing_of_theirs() -> None:
    markdown = render("markdown", hostile_reports())
    audit_markdown(markdown)
    lines = markdown.splitlines()
    assert all(not line.startswith(("::", "<img", "<script", "<a href")) for line in lines)
    assert sum(line.startswith("## ") for line in lines) == 2


def test_cli_markdown_report_of_a_hostile_note(run_cli: Any, write_note: Any, tmp_path: Path) -> None:
    note = write_note(
        f"# Title {MARKUP}\n\n$\\frac{{d}}{{dx}}x^2 = 3x`$ and $\\frac{{d}}{{dx}}x^3 = 2x$\n\n"
        f"<!-- mathdoc: bogus {MARKUP} `` -->\n",
        name="x`y![x](http:e.png)<a href=x>.md",
    )
    report = tmp_path / "r.md"
    result = run_cli("check", note, "--report", report, "--no-cache")
    assert result.code == 1, result.err
    markdown = report.read_text(encoding="utf-8")
    assert "Notices" in markdown and "x\\`y" in markdown  # the file name, its backtick escaped
    audit_markdown(markdown)


# -- line formats: no forged workflow command, no raw control character -----------------------------

def _own_annotation(line: str) -> bool:
    """mathdoc's own `::error`/`::warning`: properties escaped, so the data starts after the
    first `::` that follows them."""
    match = re.fullmatch(r"::(error|warning) (file=[^,:\n]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=mathdoc \[[a-z-]+\])::(.*)", line)
    return match is not None and "\n" not in match.group(3) and "\r" not in match.group(3)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_no_format_prints_a_raw_control_character(name: str) -> None:
    output = render(name, hostile_reports(), verbose=True)
    assert not RAW_CONTROL.search(output), name
    if name in ("html", "markdown"):
        return  # files, not a CI log: the runner's `##[` marker matters only on stdout and stderr
    assert "##[" not in output
    if name in ("json", "sarif"):
        json.loads(output)


def test_json_values_are_the_notes_own() -> None:
    reports = hostile_reports()
    document = json.loads(render("json", reports))
    assert document["files"][0]["path"] == PATH
    assert document["files"][0]["notices"] == list(reports[0].notices)
    assert document["files"][0]["findings"][0]["latex"] == reports[0].findings[0].latex
    sarif = json.loads(render("sarif", reports, verbose=True))
    assert sarif["runs"][0]["results"][0]["properties"]["latex"] == reports[0].findings[0].latex


def test_text_lines_start_with_a_path_or_are_the_summary() -> None:
    output = render("text", hostile_reports(), verbose=True)
    lines = output.splitlines()
    assert output.endswith("\n") and len(lines) == 2 * (2 + 4) + 1
    printed_path = one_line(PATH)
    for line in lines[:-1]:
        assert line.startswith(printed_path) or line.startswith("./::add-mask::"), line
        assert not line.lstrip().startswith("::")
    assert re.fullmatch(r"2 files, \d+ claim steps: .*", lines[-1])


def test_github_annotations_escape_properties_and_data() -> None:
    output = render("github", hostile_reports())
    lines = output.splitlines()
    assert len(lines) == 4  # error and warning of each file
    for line in lines:
        assert _own_annotation(line), line
    file_property = lines[0].split(",line=")[0]
    assert file_property == "::error file=dir/x`y <img src=x onerror=alert(1)>\\n%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged.md"
    data = lines[0].split("title=mathdoc [wrong-derivative]::", 1)[1]
    assert data.count("%0A") == 1  # mathdoc's own break between the message and the claim
    assert "\\n::error file=README.md,line=1::forged\\r\\n::add-mask::secret\\x1b[2J" in data


@pytest.fixture
def forging_notes(write_note: Any) -> list[Path]:
    return [
        write_note("\\input{x\n::error file=README.md,line=1::forged}\n\n$\\frac{d}{dx}x^3 = 2x$\n", name="forge.tex"),
        write_note("Claim $\\frac{d}{dx}x^3 = 3x^2 ::add-mask::secret$ and ##[add-mask]secret\n\n$\\frac{d}{dx}x^2 = 3x$\n", name="mask.md"),
        write_note("$\\frac{d}{dx}x^2 = 3x$\n", name="::error file=README.md,line=1::named.md"),
    ]


def test_cli_text_output_of_the_reproducers(run_cli: Any, forging_notes: list[Path]) -> None:
    result = run_cli("check", *forging_notes, "--no-cache", "--verbose")
    assert result.code == 1, result.err
    lines = result.out.splitlines()
    assert any(re.search(r"\\(n|x0a)::error file=README.md,line=1::forged", line) for line in lines)  # one line
    for line in lines[:-1]:
        assert line.startswith(tuple(str(p) for p in forging_notes)) or line.startswith("./"), line
        assert not line.lstrip().startswith("::") and "##[" not in line
    assert re.fullmatch(r"3 files, \d+ claim steps: .*", lines[-1])
    assert not RAW_CONTROL.search(result.out + result.err)


def test_cli_github_output_of_the_reproducers(run_cli: Any, forging_notes: list[Path]) -> None:
    result = run_cli("check", *forging_notes, "--no-cache", "--format", "github")
    assert result.code == 1, result.err
    lines = result.out.splitlines()
    assert len(lines) == 3
    assert all(_own_annotation(line) for line in lines), lines
    assert any("file=" + str(forging_notes[2].parent).replace(":", "%3A") + "/%3A%3Aerror file=README.md%2Cline=1%3A%3Anamed.md," in line for line in lines)


def test_cli_json_and_sarif_of_the_reproducers_are_json(run_cli: Any, forging_notes: list[Path]) -> None:
    for name in ("json", "sarif"):
        result = run_cli("check", *forging_notes, "--no-cache", "--format", name)
        assert result.code == 1, result.err
        json.loads(result.out)
        assert not any(line.lstrip().startswith("::") for line in result.out.splitlines())


def test_cli_errors_on_stderr_are_one_line(run_cli: Any, tmp_path: Path) -> None:
    missing = tmp_path / "nope\n::error file=README.md,line=1::missing.md"
    result = run_cli("check", missing, "--no-cache")
    assert result.code == 2
    assert re.search(r"\\(n|x0a)::error", result.err)
    assert not any(line.lstrip().startswith("::") for line in result.err.splitlines())


# -- in a real browser (skips without Chromium) -------------------------------------------------------

from test_html_browser import DevTools, _errors, browser  # noqa: E402,F401  (the headless-Chromium fixture)


def _load(browser: DevTools, page: Path) -> None:
    for domain in ("Runtime", "Log", "Network", "Page"):
        browser.call(f"{domain}.enable")
    browser.call("Page.navigate", url=page.as_uri())
    browser.wait_for("Page.loadEventFired")


def test_hostile_report_in_chromium_runs_nothing_and_keeps_its_style(browser: DevTools, tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(render("html", hostile_reports()), encoding="utf-8", newline="\n")
    _load(browser, page)
    assert not any(e.get("method") == "Page.javascriptDialogOpening" for e in browser.events)
    assert browser.evaluate("document.querySelectorAll('script, img, iframe, object, embed, link').length") == 0
    # the page's own style sheet applies under the policy (body background #fafafa)
    assert browser.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(250, 250, 250)"
    urls = [e["params"]["request"]["url"] for e in browser.events if e.get("method") == "Network.requestWillBeSent"]
    assert urls and all(url.startswith(("file:", "data:")) for url in urls), urls
    assert _errors(browser.events) == []


def test_the_policy_itself_stops_a_script_that_got_in(browser: DevTools, tmp_path: Path) -> None:
    """Were the escaping ever to miss something, the Content-Security-Policy still blocks it."""
    page = tmp_path / "injected.html"
    html = render("html", hostile_reports()).replace("<body>", "<body><script>document.title = 'ran'</script>", 1)
    page.write_text(html, encoding="utf-8", newline="\n")
    _load(browser, page)
    assert browser.evaluate("document.title") == "mathdoc report"
    assert any("Content Security Policy" in error for error in _errors(browser.events))
