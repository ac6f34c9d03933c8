"""Exact 1-based line and column (in characters) of findings, wherever the math sits.

A finding points at the first character of its step's right-hand member; `end_column` is one past
its last character.  Columns count characters, so a Chinese character or an emoji counts one.
"""

from __future__ import annotations

from pathlib import Path


import mathdoc


def positions(text: str) -> list[tuple[int, int, str]]:
    report = mathdoc.check_text(text, timeout=10, jobs=1)
    return [(f.line, f.column, f.verdict.value) for f in report.findings]


def spans(text: str) -> list[tuple[int, int, int, int]]:
    report = mathdoc.check_text(text, timeout=10, jobs=1)
    return [(f.line, f.column, f.end_line, f.end_column) for f in report.findings]


def test_chinese_prose_before_inline_math() -> None:
    text = "这是中文说明，导数为$\\frac{d}{dx}x^3 = 3x$。再看（$\\frac{d}{dx}x^2 = 2x$）。\n"
    assert positions(text) == [(1, 30, "wrong"), (1, 56, "verified")]


def test_chinese_heading_and_paragraphs_before_the_line() -> None:
    text = "# 第一章 标量导数\n\n幂函数：指数减一。\n\n例如，$\\frac{d}{dx}x^3 = 3x^2$。\n"
    assert positions(text) == [(5, 23, "verified")]


def test_a_character_outside_the_basic_plane_counts_once() -> None:
    assert positions("\U0001F600 emoji first: $\\frac{d}{dx}x^2 = 3x$\n") == [(1, 35, "wrong")]


def test_tabs_count_one_character() -> None:
    assert positions("x:\t$\\frac{d}{dx}x^2 = x$\n") == [(1, 23, "wrong")]


def test_math_in_a_table_row() -> None:
    text = "| 法则 | 示例 |\n|---|---|\n| 常数 | $\\frac{d}{dx}7 = 0$ |\n| 幂 | $\\frac{d}{dx}x^4 = 4x^4$ |\n"
    assert positions(text) == [(3, 25, "verified"), (4, 26, "wrong")]


def test_math_in_list_items() -> None:
    text = "- 列表：$\\frac{d}{dx}x^5 = 5x^5$\n  1. nested: $\\frac{d}{dx}x^6 = 6x^5$\n"
    assert positions(text) == [(1, 25, "wrong"), (2, 33, "verified")]


def test_math_in_a_list_item_continued_on_the_next_line() -> None:
    text = "- derivation: $\\frac{d}{dx}x^3\n  = 3x$\n"
    assert spans(text) == [(2, 5, 2, 7)]


def test_display_block_spanning_lines_points_at_each_step() -> None:
    text = "Intro.\n\n$$\n\\frac{d}{dx}(x^2+1)^2\n= 2(x^2+1) \\cdot 2x\n= 4x^3 + 2x\n$$\n"
    report = mathdoc.check_text(text, timeout=10, jobs=1)
    assert [(f.step, f.line, f.column, f.verdict.value) for f in report.findings] == [
        (1, 5, 3, "verified"),
        (2, 6, 3, "wrong"),
    ]
    assert (report.findings[1].end_line, report.findings[1].end_column) == (6, 12)


def test_aligned_block_inside_display_dollars() -> None:
    text = (
        "$$\n\\begin{aligned}\n\\frac{d}{dx}(x+1)^3 &= 3(x+1)^2 \\\\\n"
        "&= 3x^2 + 3\n\\end{aligned}\n$$\n"
    )
    assert positions(text) == [(3, 24, "verified"), (4, 4, "wrong")]


def test_display_block_in_a_blockquote() -> None:
    text = "> quoted\n> $$\\frac{d}{dx}x^9\n> = 9x^9$$\n"
    assert positions(text) == [(3, 5, "wrong")]


def test_inline_parenthesis_delimiters() -> None:
    text = "Inline \\(\\frac{d}{dx}x^7 = 7x^7\\) and \\(\\frac{d}{dx}x^7 = 7x^6\\).\n"
    assert positions(text) == [(1, 28, "wrong"), (1, 59, "verified")]


def test_display_bracket_delimiters_on_one_line() -> None:
    assert positions("Intro.\n\n\\[\\frac{d}{dx}x^8 = 8x^8\\]\n") == [(3, 21, "wrong")]


def test_display_bracket_delimiters_over_several_lines() -> None:
    text = "Intro.\n\n\\[\n\\frac{d}{dx}x^8\n  = 8x^7\n\\]\n"
    assert spans(text) == [(5, 5, 5, 9)]


def test_display_bracket_delimiters_right_after_a_paragraph_line() -> None:
    assert positions("and in display:\n\\[\n\\frac{d}{dx}x^8 = 8x^8\n\\]\n") == [(3, 19, "wrong")]


def test_crlf_file(tmp_path: Path) -> None:
    path = tmp_path / "crlf.md"
    path.write_bytes(b"Intro line\r\n\r\nThe rule: $\\frac{d}{dx}x^2 = 3x$\r\n")
    report = mathdoc.check_file(path, timeout=10)
    assert [(f.line, f.column) for f in report.findings] == [(3, 30)]


def test_byte_order_mark_is_not_a_column(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes("\ufeff$\\frac{d}{dx}x^2 = 3x$\n".encode("utf-8"))
    report = mathdoc.check_file(path, timeout=10)
    assert [(f.line, f.column) for f in report.findings] == [(1, 20)]


def test_text_output_uses_the_same_positions(run_cli, write_note) -> None:
    note = write_note("# 标题\n\n中文，然后$\\frac{d}{dx}x^3 = 3x$。\n", "中文.md")
    result = run_cli("check", "--no-cache", "--jobs", "1", str(note))
    assert result.out.startswith(f"{note}:3:25: error[wrong-derivative] ")
