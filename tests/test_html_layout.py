"""The HTML report's layout, measured in a real headless Chromium (skips without one).

What a reader must see: the note rendered (a heading is a heading, not `# Lecture 3`), every
mark visible and on top (nothing covers it), no mark over a formula's glyphs, the rows of an
`aligned` block on lines of their own, a matrix's brackets as tall as the matrix, and in a block
with a right and a wrong claim, the wrong step marked rather than the whole block painted.
Everything is read from the DOM (getBoundingClientRect through DevTools' Runtime.evaluate: the
test harness evaluates script, the page itself has none); nothing depends on timing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from test_html_browser import DevTools, _errors, browser  # noqa: F401  (the headless-Chromium fixture)

NOTE = r"""# Lecture 3

Inline, $\frac{d}{dx}x^2 = 2x$ holds and so does $\frac{d}{dx}\sin x = \cos x$.

$$
\begin{aligned}
\frac{d}{dx}(x^2 + x) &= 2x + 1 \\
&= 3x
\end{aligned}
$$

$$\frac{d}{dx}x^3 = 3x^2, \quad \frac{d}{dx}\cos x = \sin x$$

Let $f(x, y) = x^2 y$. Then

$$\nabla f = \begin{bmatrix} 2xy \\ x^2 \end{bmatrix}$$
"""


def _report(run_cli: Any, tmp_path: Path) -> tuple[Path, list[dict[str, Any]]]:
    note = tmp_path / "lecture.md"
    note.write_text(NOTE, encoding="utf-8")
    report = tmp_path / "lecture.html"
    result = run_cli("check", "--no-cache", "--format", "json", "--report", report, note)
    assert result.code == 1, result.err
    assert f"report written to {report}" in result.err
    findings = [f for file in json.loads(result.out)["files"] for f in file["findings"]]
    return report, findings


def _open(browser: DevTools, page: Path) -> None:
    for domain in ("Runtime", "Log", "Network", "Page"):
        browser.call(f"{domain}.enable")
    browser.call("Emulation.setDeviceMetricsOverride", width=1280, height=1600, deviceScaleFactor=1, mobile=False)
    browser.call("Page.navigate", url=page.as_uri())
    browser.wait_for("Page.loadEventFired")


RECT = "const r = e => { const b = e.getBoundingClientRect(); return {x: b.left + scrollX, y: b.top + scrollY, w: b.width, h: b.height}; };"
TOKENS = "mi, mn, mo, msqrt, mfrac > *"


def _hidden_marks(browser: DevTools) -> list[str]:
    """Ids of marks without a size, outside the page's width, or covered at their centre."""
    hidden: list[str] = browser.evaluate(
        "[...document.querySelectorAll('.mark')].filter(m => { m.scrollIntoView({block: 'center'});"
        " const b = m.getBoundingClientRect(); if (b.width < 4 || b.height < 4 || b.right > innerWidth) return true;"
        " const top = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);"
        " return !(top && top.closest('.mark') === m); }).map(m => m.id)"
    )
    return hidden


def _overlaps(browser: DevTools) -> tuple[int, int, list[Any]]:
    """How many marks and formula glyphs there are, and each (mark, glyph) pair whose boxes overlap."""
    marks, glyphs, hits = browser.evaluate(
        RECT + "const marks = [...document.querySelectorAll('.mark')].map(r);"
        f"const glyphs = [...document.querySelectorAll('main math')].flatMap(m => [...m.querySelectorAll('{TOKENS}')])"
        ".filter(g => !g.closest('.slot') && !g.querySelector('.mark')).map(r).filter(g => g.w > 0 && g.h > 0);"
        "const hit = (a, b) => Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.5 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.5;"
        "[marks.length, glyphs.length, marks.flatMap((m, i) => glyphs.filter(g => hit(m, g)).map(g => [i, g]))]"
    )
    return marks, glyphs, hits


@pytest.fixture
def page(browser: DevTools, run_cli: Any, tmp_path: Path) -> tuple[DevTools, list[dict[str, Any]]]:  # noqa: F811
    report, findings = _report(run_cli, tmp_path)
    _open(browser, report)
    return browser, findings


def test_the_note_is_rendered_and_every_step_has_a_visible_mark(page: tuple[DevTools, list[dict[str, Any]]]) -> None:
    browser, findings = page
    assert browser.evaluate("[...document.querySelectorAll('.block.heading h1')].map(h => h.textContent)") == ["Lecture 3"]
    assert "# Lecture" not in browser.evaluate("document.querySelector('main').innerText")
    assert browser.evaluate("document.querySelectorAll('.mark').length") == len(findings)
    wrong = [f for f in findings if f["verdict"] == "wrong"]
    assert len(wrong) >= 2 and any(f["step"] == 2 for f in wrong)  # the chain's second step, the cos claim
    # every mark has a size, is inside the page's width and is the topmost element at its centre
    assert _hidden_marks(browser) == []
    assert _errors(browser.events) == []


def test_no_mark_overlaps_a_formula(page: tuple[DevTools, list[dict[str, Any]]]) -> None:
    browser, _ = page
    marks, glyphs, hits = _overlaps(browser)
    assert marks >= 6 and glyphs > 50  # the check measured something
    assert hits == []


def test_aligned_rows_are_lines_of_their_own(page: tuple[DevTools, list[dict[str, Any]]]) -> None:
    browser, _ = page
    rows = browser.evaluate(RECT + "[...document.querySelector('main .claim.display mtable').querySelectorAll('mtr')].map(r)")
    assert len(rows) == 2
    assert rows[1]["y"] >= rows[0]["y"] + rows[0]["h"] - 1  # below, not beside or over
    assert "&" not in browser.evaluate("document.querySelector('main .claim.display math').textContent")


def test_the_wrong_step_is_marked_not_the_whole_block(page: tuple[DevTools, list[dict[str, Any]]]) -> None:
    browser, findings = page
    # the chain: the mark of step 1 sits on row 1 and the wrong mark of step 2 on row 2
    verdicts = browser.evaluate(
        "[...document.querySelector('main .claim.display mtable').querySelectorAll('mtr')]"
        ".map(row => [...row.querySelectorAll('.mark')].map(m => m.dataset.verdict))"
    )
    assert verdicts == [["verified"], ["wrong"]]
    # a block with one right and one wrong claim: one mark each, and the block is not painted
    blocks = browser.evaluate(
        "[...document.querySelectorAll('main .claim.display')].map(c => [[...c.querySelectorAll('.mark')]"
        ".map(m => m.dataset.verdict), getComputedStyle(c).backgroundColor])"
    )
    mixed = [b for b in blocks if sorted(b[0]) == ["verified", "wrong"]]
    assert mixed and all(colour in ("rgba(0, 0, 0, 0)", "transparent") for _, colour in mixed)
    assert sum(f["verdict"] == "wrong" for f in findings) == browser.evaluate("document.querySelectorAll('.note.verdict-wrong').length")


def test_matrix_brackets_stretch(page: tuple[DevTools, list[dict[str, Any]]]) -> None:
    browser, _ = page
    sizes = browser.evaluate(
        RECT + "const math = [...document.querySelectorAll('main math')].find(m => m.querySelector('mtable mtr + mtr') && !m.closest('.note') && m.textContent.includes('∇'));"
        "const table = math.querySelector('mtable'); const mo = table.previousElementSibling;"
        "const letter = math.querySelector('mi');"
        "({bracket: r(mo).h, table: r(table).h, letter: r(letter).h, text: mo.textContent})"
    )
    assert sizes["text"] == "["
    assert sizes["bracket"] > 1.5 * sizes["letter"]  # taller than a line of text
    assert sizes["bracket"] >= 0.9 * sizes["table"]  # as tall as the matrix


def test_the_filter_needs_no_script(page: tuple[DevTools, list[dict[str, Any]]]) -> None:
    browser, findings = page
    assert browser.evaluate("document.querySelectorAll('script').length") == 0
    browser.evaluate("document.querySelector('label[for=only-wrong]').click()")
    shown = browser.evaluate("[...document.querySelectorAll('.block')].filter(b => b.offsetParent).length")
    wrong_blocks = browser.evaluate("document.querySelectorAll('.block.has-wrong').length")
    assert shown == wrong_blocks > 0
    first = browser.evaluate("document.querySelector('td.first-problem a').getAttribute('href')")
    assert browser.evaluate(f"document.querySelector('{first}').classList.contains('mark')") is True


def test_the_seed_report_has_no_overlap_and_every_mark_visible(browser: DevTools, shared_dir: Path, run_cli: Any, tmp_path: Path) -> None:  # noqa: F811
    seed = shared_dir / "seeds/000_933100b11f486e8f.txt"
    if not seed.is_file():
        pytest.skip(f"{seed} is not present")
    report = tmp_path / "seed.html"
    result = run_cli("check", "--no-cache", "--format", "json", "--report", report, seed)
    assert result.code in (0, 1), result.err
    findings = [f for file in json.loads(result.out)["files"] for f in file["findings"]]
    _open(browser, report)
    marks, glyphs, hits = _overlaps(browser)
    assert marks == len(findings) and glyphs > 200
    assert hits == []
    assert _hidden_marks(browser) == []
    # the chain of matrices: the layout step and the wrong step each marked on their own, in order
    chain = browser.evaluate(
        "[...document.querySelectorAll('main .claim.display')].map(c => [...c.querySelectorAll('.mark')].map(m => m.dataset.verdict))"
        ".filter(v => v.includes('layout'))"
    )
    assert chain and all(len(set(verdicts)) > 1 for verdicts in chain)
    assert _errors(browser.events) == []
