"""The Markdown dialects of real repositories, with exact positions (line, column in characters).

GitHub (`` $`...`$ ``, ```` ```math ````), Quarto (`.qmd`: code chunks, `$$ ... $$ {#eq-x}`), MyST
(`{math}` roles and directives, `$$ ... $$ (label)`, `\\begin{align}`), Documenter.jl (` ``x`` ` in
Documenter pages only), mathdoc's own reports (skipped), and directives quoted in code.
A finding points at the first character of its step's right-hand member.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import mathdoc
from mathdoc.code_definitions import CodeFragment
from mathdoc.fragments import find_fragments
from mathdoc.generated import is_generated_report, marker_line
from mathdoc.sources import collect_paths, read_source, source_from_text


def positions(text: str, path: str = "<text>") -> list[tuple[int, int, str]]:
    report = mathdoc.check_text(text, path=path, timeout=10, jobs=1)
    return [(f.line, f.column, f.verdict.value) for f in report.findings]


def file_positions(path: Path) -> list[tuple[int, int, str]]:
    report = mathdoc.check_file(path, timeout=10, jobs=1)
    return [(f.line, f.column, f.verdict.value) for f in report.findings]


def fragment_texts(text: str, path: str = "<text>") -> list[str]:
    return [f.text for f in find_fragments(source_from_text(text, path=path))]


# GitHub ---------------------------------------------------------------------------------------


def test_github_inline_math_is_the_text_between_the_backticks() -> None:
    text = "Power rule: $`\\frac{d}{dx}x^2 = 2x`$ and $`\\frac{d}{dx}x^3 = 3x`$.\n"
    assert fragment_texts(text) == ["\\frac{d}{dx}x^2 = 2x", "\\frac{d}{dx}x^3 = 3x"]
    assert positions(text) == [(1, 33, "verified"), (1, 62, "wrong")]


def test_github_inline_math_after_chinese_prose() -> None:
    assert positions("导数为 $`\\frac{d}{dx}x^3 = 3x`$。\n") == [(1, 25, "wrong")]


def test_github_inline_math_over_two_lines() -> None:
    text = "Chain: $`\\frac{d}{dx}(x+1)^2\n= 2x`$ here.\n"
    assert positions(text) == [(2, 3, "wrong")]


def test_math_fence_is_display_math() -> None:
    text = "Intro.\n\n```math\n\\frac{d}{dx}x^4\n= 4x^4\n```\n"
    (fragment,) = find_fragments(source_from_text(text))
    assert fragment.display
    assert positions(text) == [(5, 3, "wrong")]


def test_math_fence_in_a_list_item_and_a_tilde_fence() -> None:
    text = "- item\n\n  ```math\n  \\frac{d}{dx}x^2 = 2x\n  ```\n\n~~~math\n\\frac{d}{dx}x^5 = 5x^5\n~~~\n"
    assert positions(text) == [(4, 21, "verified"), (8, 19, "wrong")]


def test_other_fences_stay_code() -> None:
    text = "```latex\n\\frac{d}{dx}x^2 = 3x\n```\n\n```\n$\\frac{d}{dx}x^2 = 3x$\n```\n"
    assert fragment_texts(text) == []


# Quarto ---------------------------------------------------------------------------------------


QMD = (
    "---\n"
    "title: \"Rates, $5 a page\"\n"
    "format: html\n"
    "---\n"
    "\n"
    "```{julia}\n"
    "#| echo: false\n"
    "f(x) = x^2  # $\\frac{d}{dx}x^2 = 3x$ is not math here\n"
    "```\n"
    "\n"
    "The slope is $\\frac{d}{dx}x^2 = 2x$, and\n"
    "\n"
    "$$\n"
    "\\frac{d}{dx}\\sin(x) = \\cos(x)\n"
    "$$ {#eq-sine}\n"
    "\n"
    "::: {.callout-note}\n"
    "In a callout: $\\frac{d}{dx}x^3 = 3x$.\n"
    ":::\n"
    "\n"
    "```{python}\n"
    "$$\\frac{d}{dx}x^2 = 3x$$\n"
    "```\n"
)


def test_qmd_files_are_read_as_markdown(tmp_path: Path) -> None:
    note = tmp_path / "lecture.qmd"
    note.write_text(QMD, encoding="utf-8")
    assert read_source(note).kind == "markdown"
    files, errors = collect_paths([str(tmp_path)])
    assert files == [str(note)] and errors == []


def test_qmd_code_chunks_are_code_and_labels_do_not_matter(tmp_path: Path) -> None:
    note = tmp_path / "lecture.qmd"
    note.write_text(QMD, encoding="utf-8")
    assert file_positions(note) == [(11, 33, "verified"), (14, 23, "verified"), (18, 34, "wrong")]


def test_qmd_front_matter_dollar_is_not_an_unbalanced_dollar() -> None:
    fragments = find_fragments(source_from_text(QMD, path="lecture.qmd"))
    assert all(f.error is None for f in fragments)
    assert all(f.start > QMD.index("The slope") for f in fragments)


def test_quarto_label_after_single_line_display() -> None:
    assert positions("$$\\frac{d}{dx}x^2 = 3x$$ {#eq-one}\n") == [(1, 21, "wrong")]


# MyST / Jupyter Book --------------------------------------------------------------------------


def test_myst_math_role() -> None:
    text = "A role: {math}`\\frac{d}{dx}x^2 = 2x`, then {math}`\\frac{d}{dx}x^3 = 3x`.\n"
    assert positions(text) == [(1, 34, "verified"), (1, 69, "wrong")]


def test_other_myst_roles_are_not_math() -> None:
    assert fragment_texts("See {eq}`my-label` and {code}`\\frac{d}{dx}x^2 = 3x`.\n") == []


def test_myst_labelled_display_math() -> None:
    text = "$$\n\\frac{d}{dx}x^2 = 3x\n$$ (eq-square)\n"
    assert positions(text) == [(2, 19, "wrong")]


def test_myst_math_directive_with_a_label_and_two_equations() -> None:
    text = (
        "```{math}\n"
        ":label: eq-powers\n"
        "\n"
        "\\frac{d}{dx}x^2 = 3x\n"
        "\n"
        "\\frac{d}{dx}x^3 = 3x^2\n"
        "```\n"
    )
    assert fragment_texts(text) == ["\\frac{d}{dx}x^2 = 3x", "\\frac{d}{dx}x^3 = 3x^2"]
    assert positions(text) == [(4, 19, "wrong"), (6, 19, "verified")]


def test_align_environment_directly_in_markdown() -> None:
    text = "Text.\n\n\\begin{align}\n\\frac{d}{dx}(x+1)^2 &= 2(x+1) \\\\\n&= 2x + 1\n\\end{align}\n"
    assert positions(text) == [(4, 24, "verified"), (5, 4, "wrong")]


# Documenter.jl --------------------------------------------------------------------------------


DOUBLE = "The derivative ``\\frac{d}{dx}x^2 = 3x`` is given.\n"


def test_double_backticks_in_plain_markdown_are_code() -> None:
    assert fragment_texts(DOUBLE) == []
    assert fragment_texts("```math\nx = 1\n```\n\n" + DOUBLE) == ["x = 1"]  # a math fence alone is no evidence


def test_double_backticks_in_a_page_with_documenter_constructs_are_math() -> None:
    page = "See [`frule`](@ref).\n\n" + DOUBLE
    assert positions(page) == [(3, 36, "wrong")]
    assert positions("```@example demo\nx = 1\n```\n\n" + DOUBLE) == [(5, 36, "wrong")]
    assert positions("```jldoctest\njulia> 1\n1\n```\n\n" + DOUBLE) == [(6, 36, "wrong")]


def test_double_backticks_spanning_lines_in_a_documenter_page() -> None:
    page = "Read [x](@ref).\n\nSo ``\\frac{d}{dx}x^2\n= 3x`` fails.\n"
    assert positions(page) == [(4, 3, "wrong")]


def test_documenter_tree_rule(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    docs = tmp_path / "docs"
    (docs / "src" / "maths").mkdir(parents=True)
    (docs / "make.jl").write_text("using Documenter, MyPackage\nmakedocs(sitename=\"x\")\n", encoding="utf-8")
    page = docs / "src" / "maths" / "rules.md"
    page.write_text(DOUBLE, encoding="utf-8")
    readme = tmp_path / "README.md"
    readme.write_text(DOUBLE, encoding="utf-8")
    assert file_positions(page) == [(1, 36, "wrong")]
    assert file_positions(readme) == []


def test_documenter_sibling_rule(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("Start with [`rrule`](@ref).\n", encoding="utf-8")
    (tmp_path / "page.md").write_text(DOUBLE, encoding="utf-8")
    assert file_positions(tmp_path / "page.md") == [(1, 36, "wrong")]
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "page.md").write_text(DOUBLE, encoding="utf-8")
    (plain / "other.md").write_text("```math\nx = 1\n```\n", encoding="utf-8")
    assert file_positions(plain / "page.md") == []


def test_a_notebook_path_never_takes_the_tree_rules(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("Start with [`rrule`](@ref).\n", encoding="utf-8")
    assert fragment_texts(DOUBLE, path=str(tmp_path / "n.ipynb")) == []


# mathdoc's own reports ------------------------------------------------------------------------


def test_a_report_in_the_checked_tree_is_skipped_with_a_notice(tmp_path: Path, run_cli) -> None:
    note = tmp_path / "note.md"
    note.write_text("$\\frac{d}{dx}x^2 = 3x$\n", encoding="utf-8")
    first = run_cli("check", "--no-cache", "--jobs", "1", "--report", tmp_path / "out.md", tmp_path)
    assert first.code == 1
    second = run_cli("check", "--no-cache", "--jobs", "1", "--format", "json", tmp_path)
    assert "out.md: a report generated by mathdoc, not read as notes" in second.out
    import json

    files = {Path(f["path"]).name: f for f in json.loads(second.out)["files"]}
    assert files["out.md"]["findings"] == []
    assert len(files["note.md"]["findings"]) == 1


def test_html_report_named_on_the_command_line_is_skipped(tmp_path: Path, run_cli) -> None:
    note = tmp_path / "note.md"
    note.write_text("$\\frac{d}{dx}x^2 = 3x$\n", encoding="utf-8")
    run_cli("check", "--no-cache", "--jobs", "1", "--report", tmp_path / "out.html", note)
    again = run_cli("check", "--no-cache", "--jobs", "1", tmp_path / "out.html")
    assert again.code == 0
    assert "a report generated by mathdoc, not read as notes" in again.out + again.err


def test_the_marker_counts_only_at_the_top() -> None:
    assert is_generated_report(marker_line("1.0") + "\n# mathdoc report\n")
    assert not is_generated_report("# Notes\n\n" + marker_line("1.0") + "\n")
    assert not is_generated_report("# mathdoc report\n\nThis lecture explains the report.\n")


# Directives quoted as code --------------------------------------------------------------------


@pytest.mark.parametrize(
    "quoted",
    [
        "Write `<!-- mathdoc: ignore -->` before a claim.\n\n",
        "Write ``<!-- mathdoc: bogus -->`` before a claim.\n\n",
        "```markdown\n<!-- mathdoc: ignore -->\n```\n\n",
        "    <!-- mathdoc: disable -->\n\n",
    ],
)
def test_directives_inside_code_are_examples(quoted: str) -> None:
    report = mathdoc.check_text(quoted + "$\\frac{d}{dx}x^2 = 3x$\n", timeout=10, jobs=1)
    assert [f.verdict.value for f in report.findings] == ["wrong"]
    assert not any("mathdoc" in notice for notice in report.notices)


def test_a_real_directive_after_a_quoted_one_still_works() -> None:
    text = "Use `<!-- mathdoc: ignore -->` like this:\n\n<!-- mathdoc: ignore -->\n$\\frac{d}{dx}x^2 = 3x$\n"
    report = mathdoc.check_text(text, timeout=10, jobs=1)
    assert report.findings == () and report.notices == ()


# The shared corpus ----------------------------------------------------------------------------


def test_quarto_corpus_chunks_never_yield_math(shared_dir: Path) -> None:
    notes = sorted((shared_dir / "corpus" / "calculus-with-julia").glob("*.qmd"))
    if not notes:
        pytest.skip("no .qmd files in the corpus")
    for path in notes:
        source = read_source(path)
        fragments = [f for f in find_fragments(source) if not isinstance(f, CodeFragment)]  # code: for definitions only
        assert fragments, path
        chunks = _chunk_lines(source.text)
        assert not [f for f in fragments if source.locate(f.source_offset(0)).line in chunks], path


def test_documenter_corpus_reads_double_backtick_math(shared_dir: Path) -> None:
    page = shared_dir / "corpus" / "chainrules" / "propagators.md"
    if not page.is_file():
        pytest.skip("no chainrules corpus")
    source = read_source(page)
    assert any(source.text[f.start - 2 : f.start] == "``" for f in find_fragments(source))


def _chunk_lines(text: str) -> set[int]:
    lines: set[int] = set()
    inside = False
    for number, line in enumerate(text.split("\n"), 1):
        if line.startswith("```"):
            inside = line.startswith("```{") if not inside else False
            continue
        if inside:
            lines.add(number)
    return lines


def test_a_layout_directive_quoted_as_code_declares_nothing() -> None:
    from mathdoc.context import declared_layout

    quoted = source_from_text("Write `<!-- mathdoc: layout=numerator -->` at the top.\n")
    assert declared_layout(quoted) is None
    real = source_from_text(quoted.text + "\n<!-- mathdoc: layout=denominator -->\n")
    declaration = declared_layout(real)
    assert declaration is not None and (declaration.layout, declaration.line) == ("denominator", 3)


def test_two_displays_on_one_line_are_two_fragments() -> None:
    # markdown-it reads the line as one display block; MathJax shows two displays, and so does mathdoc
    text = "$$\\frac{d}{dx}x^2 = 2x$$ and so $$\\frac{d}{dx}x^3 = 3x$$\n"
    texts = [f.text for f in find_fragments(source_from_text(text, "<text>"))]
    assert texts == ["\\frac{d}{dx}x^2 = 2x", "\\frac{d}{dx}x^3 = 3x"]
    assert positions(text) == [(1, 21, "verified"), (1, 53, "wrong")]


def test_math_in_a_table_cell_keeps_its_escaped_pipes() -> None:
    # a GFM cell needs `\|` for a norm; markdown-it hands the math over as `|x - a|`, and the claim was dropped
    text = ("| expression | derivative |\n|---|---|\n"
            "| shifted norm | $\\frac{\\partial}{\\partial \\mathbf x}\\|\\mathbf x - \\mathbf a\\|^2 = 2(\\mathbf x - \\mathbf a)$ |\n")
    texts = [f.text for f in find_fragments(source_from_text(text, "<text>"))]
    assert texts == ["\\frac{\\partial}{\\partial \\mathbf x}\\|\\mathbf x - \\mathbf a\\|^2 = 2(\\mathbf x - \\mathbf a)"]
    assert positions(text) == [(3, 84, "verified")]
