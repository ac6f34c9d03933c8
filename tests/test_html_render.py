"""The HTML report's rendering of a note, read from its markup (the browser tests measure layout)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mathdoc.model import FileReport, Finding, Severity, Source, Verdict
from mathdoc.reporters.html_math import SLOT, render_formula
from mathdoc.reporters.html_render import markdown_blocks, note_blocks
from mathdoc.reporters.html_report import content_security_policy, format_html
from mathdoc.reporters.html_style import CJK_FONTS, MATH_FONT_FAMILY, style_sheet


def _finding(line: int, column: int, end_column: int, verdict: Verdict = Verdict.WRONG, step: int = 1, latex: str = "x") -> Finding:
    return Finding(
        path="n.md", line=line, column=column, end_line=line, end_column=end_column, latex=latex, kind="scalar",
        step=step, verdict=verdict, method="numeric", severity=Severity.ERROR if verdict is Verdict.WRONG else Severity.INFO,
        code="wrong-derivative" if verdict is Verdict.WRONG else "verified", message="m",
    )


def test_markdown_is_rendered_without_html_images_or_links() -> None:
    text = "# Lecture 3\n\nSome *prose* <b>bold</b> ![i](http://e/i.png) [l](http://e/) and $x$.\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n"
    start = text.index("$x$")
    blocks = markdown_blocks(text, [(start, start + 3)])
    html = "".join(b.html for b in blocks)
    assert blocks[0].heading and "<h1>Lecture 3</h1>" in blocks[0].html
    assert "<em>prose</em>" in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<img" not in html and "href" not in html and '<span class="link">l</span>' in html
    assert "<table>" in html and "style=" not in html
    assert blocks[1].formulas == (0,)


def test_html_comments_are_dropped_and_directives_shown_small() -> None:
    text = "<!-- a note to myself -->\n\nText <!-- mathdoc: ignore --> here.\n\n```\n<!-- in code -->\n```\n"
    html = "".join(b.html for b in markdown_blocks(text, []))
    assert "myself" not in html
    assert '<code class="directive">mathdoc: ignore</code>' in html
    assert "&lt;!-- in code --&gt;" in html


def test_latex_prose_stays_plain_text() -> None:
    blocks = note_blocks("latex", "\\section{Intro}\n\nSee *this*.\n", [])
    assert blocks[0].heading and blocks[0].plain and "\\section{Intro}" in blocks[0].html
    assert "<em>" not in blocks[1].html


def test_aligned_rows_become_table_rows() -> None:
    rendered = render_formula("\\begin{aligned} f &= 2x + 1 \\\\ &= 3x \\end{aligned}", True)
    assert rendered.count("<mtr>") == 2 and "&amp;" not in rendered
    assert 'columnalign="right"' in rendered and 'columnalign="left"' in rendered
    assert 'displaystyle="true"' in rendered


def test_matrix_brackets_stretch_and_functions_are_spaced() -> None:
    rendered = render_formula("\\nabla f = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix} + \\sin x", True)
    assert rendered.count('stretchy="true" fence="true"') == 2
    assert re.search(r"<mi>sin</mi><mspace width=\"0.1667em\" /><mi>x</mi>", rendered)


def test_a_slot_becomes_the_callers_html_and_a_broken_slot_disappears() -> None:
    rendered = render_formula("x \\text{" + SLOT + "3} + 1", False, {3: '<span class="slot">M</span>'})
    assert '<mtext><span class="slot">M</span></mtext>' in rendered
    fallback = render_formula("\\left( x \\text{" + SLOT + "3}", False, {3: "M"})  # no \\right: unreadable
    assert fallback.startswith('<code class="tex">') and SLOT not in fallback and "M" not in fallback


def _page(text: str, findings: tuple[Finding, ...], kind: str = "markdown") -> str:
    source = Source(path="n.md", text=text, kind=kind)
    return format_html([FileReport("n.md", None, findings, source=source)])


def test_each_step_of_a_chain_is_marked_where_it_ends() -> None:
    text = "$$\n\\begin{aligned}\nf' &= 2x + 1 \\\\\n&= 3x\n\\end{aligned}\n$$\n"
    first = _finding(3, 6, 14, Verdict.VERIFIED)
    second = _finding(4, 4, 6, Verdict.WRONG, step=2)
    page = _page(text, (first, second))
    rows = re.findall(r"<mtr>.*?</mtr>", page)
    assert len(rows) == 2
    assert 'data-verdict="verified"' in rows[0] and 'data-verdict="wrong"' not in rows[0]
    assert 'data-verdict="wrong"' in rows[1]
    assert page.count('class="mark ') == 2 and 'class="marks"' not in page


def test_a_finding_ending_inside_a_command_is_marked_after_it() -> None:
    text = "$\\text{ab} + \\frac{d}{dx}x = 1$\n"
    finding = _finding(1, 3, 5)  # points into \text{...}
    page = _page(text, (finding,))
    assert page.count('class="mark ') == 1
    assert "<mtext>ab</mtext>" in page  # the \text was not cut


def test_control_characters_of_the_prose_are_shown_as_escapes() -> None:
    page = _page("Prose \x1b[31m red\n", ())
    assert "\x1b" not in page and "\\x1b[31m" in page


def test_the_file_table_links_to_the_first_problem() -> None:
    text = "$a = b$ and $c = d$\n"
    page = _page(text, (_finding(1, 12, 17, Verdict.VERIFIED), _finding(1, 6, 7)))
    assert '<td class="first-problem"><a href="#mark-f1-2">' in page and 'id="mark-f1-2"' in page


def test_the_style_embeds_the_math_font_and_names_cjk_fonts() -> None:
    sheet = style_sheet()
    assert f'font-family: "{MATH_FONT_FAMILY}"; src: url(data:font/woff2;base64,' in sheet
    assert CJK_FONTS in sheet and '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei"' in sheet
    assert "font-src data:" in content_security_policy()


def test_the_cli_says_where_the_report_is(run_cli: Any, write_note: Any, tmp_path: Path) -> None:
    note = write_note("$\\frac{d}{dx}x^2 = 2x$\n")
    report = tmp_path / "out.html"
    result = run_cli("check", "--no-cache", "--report", report, note)
    assert result.code == 0, result.err
    assert f"report written to {report}" in result.err and "report written" not in result.out


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(
    ["# H", "text", "*em*", "$x^2$", "$$\\frac{a}{b}$$", "\n\n", "\n", "- item $y$", "`code $z$`", "<!-- c -->",
     "$\\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$", "$$\n\\begin{aligned} a &= b \\\\ &= c \\end{aligned}\n$$", "\\text{", "}", "&", "|a|b|"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES, max_size=12), st.lists(st.tuples(st.integers(1, 12), st.integers(1, 30), st.integers(0, 20)), max_size=5))
def test_any_note_and_any_finding_positions_give_one_mark_each(pieces: list[str], places: list[tuple[int, int, int]]) -> None:
    text = " ".join(pieces)
    findings = tuple(_finding(line, column, column + length) for line, column, length in places)
    page = _page(text, findings)
    assert page.count('class="mark ') == len(findings)
    assert "\ue000" not in page and "\ue001" not in page
