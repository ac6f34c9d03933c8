"""The LaTeX reader: math delimiters and environments, comments, labels, macros, inputs, positions."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathdoc.fragments import find_fragments as find_any
from mathdoc.fragments.latex import find_fragments, load_latex
from mathdoc.model import Fragment, Source
from mathdoc.sources import read_source, source_from_text


def _read(text: str, path: str = "notes.tex") -> tuple[Source, list[Fragment]]:
    source = load_latex(path, text, "latex", ())
    return source, find_fragments(source)


def _where(source: Source, fragment: Fragment, index: int = 0) -> tuple[int, int]:
    location = source.locate(fragment.source_offset(index))
    return location.line, location.column


def test_inline_dollar_and_parenthesis_math_with_exact_positions() -> None:
    source, found = _read("Let $x^2 = y$ and\n  \\(\\frac{d}{dx}x = 1\\) hold.\n")
    assert [f.text for f in found] == ["x^2 = y", "\\frac{d}{dx}x = 1"]
    assert [f.display for f in found] == [False, False]
    assert [f.offsets for f in found] == [None, None]
    assert _where(source, found[0]) == (1, 6)
    assert _where(source, found[1]) == (2, 5)
    assert _where(source, found[1], found[1].text.index("=")) == (2, 19)


def test_display_brackets_and_double_dollars() -> None:
    source, found = _read("Text\n\\[\n  a = b\n\\]\nthen $$c = d$$ end.\n")
    assert [f.text for f in found] == ["\n  a = b\n", "c = d"]
    assert all(f.display for f in found)
    assert _where(source, found[0], 3) == (3, 3)
    assert _where(source, found[1]) == (5, 8)


def test_align_star_is_kept_whole_with_begin_and_end() -> None:
    text = "Chain:\n\\begin{align*}\n  f &= g \\\\\n  &= h\n\\end{align*}\nafter $z$\n"
    source, found = _read(text)
    assert found[0].text == "\\begin{align*}\n  f &= g \\\\\n  &= h\n\\end{align*}"
    assert found[0].display and found[0].offsets is None
    assert _where(source, found[0]) == (2, 1)
    assert _where(source, found[0], found[0].text.index("&= h")) == (4, 3)
    assert found[1].text == "z"


@pytest.mark.parametrize(
    "environment", ["equation", "equation*", "align", "gather*", "multline", "eqnarray*", "flalign", "alignat*"]
)
def test_every_display_environment_is_found(environment: str) -> None:
    argument = "{2}" if environment.startswith("alignat") else ""
    text = f"\\begin{{{environment}}}{argument} a = b \\end{{{environment}}}\n"
    _, found = _read(text)
    assert [f.text for f in found] == [text.rstrip("\n")]


def test_eqnarray_and_nested_aligned_stay_in_the_text() -> None:
    text = (
        "\\begin{eqnarray}\n  y & = & x^2 \\\\\n  & = & x x\n\\end{eqnarray}\n"
        "\\begin{equation}\\begin{aligned} p &= q \\end{aligned}\\end{equation}\n"
    )
    _, found = _read(text)
    assert "& = & x^2" in found[0].text and found[0].text.endswith("\\end{eqnarray}")
    assert found[1].text == "\\begin{equation}\\begin{aligned} p &= q \\end{aligned}\\end{equation}"


def test_math_and_displaymath_environments_give_their_content() -> None:
    _, found = _read("\\begin{math}a=b\\end{math} and \\begin{displaymath}c=d\\end{displaymath}\n")
    assert [(f.text, f.display) for f in found] == [("a=b", False), ("c=d", True)]


def test_comments_are_removed_and_offsets_point_into_the_file() -> None:
    text = "\\[\n  a = b % the $x$ here is not math \\]\n  + c\n\\]\n"
    source, found = _read(text)
    assert len(found) == 1
    fragment = found[0]
    assert fragment.text == "\n  a = b \n  + c\n"
    assert fragment.offsets is not None
    assert _where(source, fragment, fragment.text.index("+")) == (3, 3)
    assert _where(source, fragment, fragment.text.index("b")) == (2, 7)


def test_escaped_percent_is_not_a_comment_but_one_after_a_line_break_is() -> None:
    _, found = _read("$50\\% = 0.5$\n\\[ a \\\\% c \\]\n b \\]\n")
    assert [f.text for f in found] == ["50\\% = 0.5", " a \\\\\n b "]
    assert found[0].offsets is None and found[1].offsets is not None


def test_dollar_in_a_text_comment_opens_nothing() -> None:
    _, found = _read("% costs $5\nPrice $p = 5$.\n")
    assert [f.text for f in found] == ["p = 5"]


def test_labels_tags_and_numbering_commands_are_removed() -> None:
    text = "\\begin{align}\n  a &= b \\label{eq:one} \\\\\n  &= c \\tag*{$\\star$} \\nonumber\\notag\n\\end{align}\n"
    source, found = _read(text)
    assert found[0].text == "\\begin{align}\n  a &= b  \\\\\n  &= c  \n\\end{align}"
    assert "label" not in found[0].text
    assert _where(source, found[0], found[0].text.index("c")) == (3, 6)


def test_verbatim_listings_comment_environments_and_verb_are_ignored() -> None:
    text = (
        "\\begin{verbatim}\n$a = b$\n\\end{verbatim}\n"
        "\\begin{lstlisting}\n\\[ c = d \\]\n\\end{lstlisting}\n"
        "\\begin{comment}\n$e = f$\n\\end{comment}\n"
        "\\verb|$g$| and $h = i$\n"
    )
    _, found = _read(text)
    assert [f.text for f in found] == ["h = i"]


def test_notation_macros_expand_as_their_definitions_say() -> None:
    text = (
        "\\newcommand{\\px}{\\partial x}\n"
        "\\newcommand{\\dx}{\\Delta x}\n"
        "$\\frac{\\partial f}{\\px} = 2$ and $\\dx$\n"
    )
    source, found = _read(text)
    assert [f.text for f in found] == ["\\frac{\\partial f}{\\partial x} = 2", "\\Delta x"]
    macro_call = text.index("\\px}", text.index("$"))
    expanded = found[0].text.index("\\partial x")
    assert [found[0].source_offset(expanded + i) for i in range(10)] == [macro_call] * 10
    assert _where(source, found[0], expanded) == (3, 20)
    assert _where(source, found[0], 0) == (3, 2)
    assert _where(source, found[0], found[0].text.index("= 2")) == (3, 25)


def test_macros_with_arguments_keep_the_arguments_offsets() -> None:
    text = "\\newcommand{\\sq}[1]{{#1}^2}\n$\\sq{x+1} = y$\n"
    source, found = _read(text)
    fragment = found[0]
    assert fragment.text == "{x+1}^2 = y"
    call = text.index("\\sq{x")
    argument = text.index("x+1")
    assert fragment.source_offset(0) == call  # the body's brace
    assert [fragment.source_offset(i) for i in (1, 2, 3)] == [argument, argument + 1, argument + 2]
    assert fragment.source_offset(5) == call  # the body's ^
    assert _where(source, fragment, fragment.text.index("y")) == (2, 13)


def test_optional_default_argument_def_let_and_math_operators() -> None:
    text = (
        "\\newcommand{\\g}[2][t]{g_{#1}(#2)}\n"
        "\\def\\h#1#2{h(#1,#2)}\n"
        "\\let\\eps\\varepsilon\n"
        "\\DeclareMathOperator{\\tr}{tr}\n"
        "\\DeclareMathOperator*{\\argmax}{arg\\,max}\n"
        "$\\g{x} + \\g[s]{y} = \\h{a}{b} + \\eps + \\tr A + \\argmax_x$\n"
    )
    _, found = _read(text)
    assert found[0].text == (
        "g_{t}(x) + g_{s}(y) = h(a,b) + \\varepsilon + \\operatorname{tr} A + \\operatorname*{arg\\,max}_x"
    )


def test_control_words_stay_separate_from_following_letters() -> None:
    text = "\\newcommand{\\op}{\\sin}\n\\newcommand{\\ap}[1]{\\alpha#1}\n$\\op{}x + \\ap{b} + \\ap y$\n"
    _, found = _read(text)
    assert found[0].text == "\\sin{}x + \\alpha b + \\alpha y"


def test_definitions_apply_only_after_they_are_made() -> None:
    text = (
        "$\\k$\n\\newcommand{\\k}{1}\n$\\k$\n\\renewcommand{\\k}{2}\n$\\k$\n"
        "\\providecommand{\\k}{3}\n$\\k$\n"
    )
    _, found = _read(text)
    assert [f.text for f in found] == ["\\k", "1", "2", "2"]


def test_definitions_are_not_read_as_math() -> None:
    _, found = _read("\\newcommand{\\half}{$\\frac12$}\n\\def\\open{\\[}\nthen $a$\n")
    assert [f.text for f in found] == ["a"]


def test_macros_from_input_and_include_files(tmp_path: Path) -> None:
    (tmp_path / "macros.tex").write_text("\\newcommand{\\vx}{\\mathbf{x}}\n", encoding="utf-8")
    (tmp_path / "more.tex").write_text("\\newcommand{\\R}{\\mathbb{R}}\n\\input{deeper}\n", encoding="utf-8")
    (tmp_path / "deeper.tex").write_text("\\newcommand{\\one}{1}\n", encoding="utf-8")
    main = tmp_path / "main.tex"
    main.write_text("\\input{macros}\n\\include{more.tex}\n$\\vx \\in \\R^{\\one}$\n", encoding="utf-8")
    source = read_source(main)
    assert source.notices == ()
    fragments = find_fragments(source)
    assert [f.text for f in fragments] == ["\\mathbf{x} \\in \\mathbb{R}^{1}"]
    assert _where(source, fragments[0]) == (3, 2)


def test_missing_input_is_a_notice_and_reading_goes_on(tmp_path: Path) -> None:
    main = tmp_path / "main.tex"
    main.write_text("Intro\n\\input{nowhere}\n$a = b$\n", encoding="utf-8")
    source = read_source(main)
    assert len(source.notices) == 1
    notice = source.notices[0]
    assert notice.startswith(f"{main}:2: \\input{{nowhere}} not found")
    assert "nowhere.tex" in notice
    assert [f.text for f in find_fragments(source)] == ["a = b"]


def test_input_cycle_does_not_loop(tmp_path: Path) -> None:
    (tmp_path / "a.tex").write_text("\\input{b}\n\\newcommand{\\x}{X}\n", encoding="utf-8")
    (tmp_path / "b.tex").write_text("\\input{a}\n", encoding="utf-8")
    main = tmp_path / "main.tex"
    main.write_text("\\input{a}\n$\\x$\n", encoding="utf-8")
    assert [f.text for f in find_fragments(read_source(main))] == ["X"]


@pytest.mark.parametrize(
    "definitions",
    [
        "\\newcommand{\\loop}{\\loop}",
        "\\def\\loop{x\\loop}",
        "\\newcommand{\\loop}{\\other}\\newcommand{\\other}{\\loop\\loop}",
        "\\newcommand{\\loop}[1]{\\loop{#1#1}}",
        "\\def\\loop{\\loop\\loop\\loop\\loop}",
    ],
)
def test_recursive_macros_end_with_an_error_not_a_hang(definitions: str) -> None:
    _, found = _read(definitions + "\n$a = \\loop + b$\n")  # returning at all is the point: no hang
    assert len(found) == 1
    error = found[0].error
    assert error is not None
    assert "\\loop" in error or "\\other" in error
    assert found[0].text == "a = \\loop + b"


def test_unclosed_math_is_reported_as_broken() -> None:
    source, found = _read("Costs $5 today\n\nand \\[ a = b\n\nthen $c$\n")
    assert [(f.text, f.error is not None) for f in found] == [("5 today", True), (" a = b", True), ("c", False)]
    assert "never closed" in (found[0].error or "")
    assert _where(source, found[1]) == (3, 7)


def test_unclosed_environment_stops_at_the_next_display() -> None:
    _, found = _read("\\begin{align*}\n a &= b\n\\[ c = d \\]\n")
    assert found[0].error is not None and found[0].text.startswith("\\begin{align*}")
    assert [f.text for f in found[1:]] == [" c = d "]


def test_delimiter_macros_open_and_close_equations() -> None:
    text = "\\newcommand{\\be}{\\begin{equation}}\n\\newcommand{\\ee}{\\end{equation}}\n\\be x = 1 \\ee\n"
    source, found = _read(text)
    assert found[0].text == "\\begin{equation} x = 1 \\end{equation}"
    assert _where(source, found[0]) == (3, 1)
    assert _where(source, found[0], found[0].text.index("x")) == (3, 5)


def test_cp1252_file_gets_a_notice_and_its_math(tmp_path: Path) -> None:
    path = tmp_path / "old.tex"
    path.write_bytes("La dérivée : $\\frac{d}{dx}x^2 = 2x$.\n".encode("cp1252"))
    source = read_source(path)
    assert any("cp1252" in notice for notice in source.notices)
    found = find_fragments(source)
    assert [f.text for f in found] == ["\\frac{d}{dx}x^2 = 2x"]
    assert _where(source, found[0]) == (1, 15)


def test_source_from_text_and_the_finder_registry_read_latex() -> None:
    source = source_from_text("\\newcommand{\\dd}{\\mathrm{d}}\r\n$\\dd x$\r\n", path="t.tex", kind="latex")
    assert source.kind == "latex" and "\r" not in source.text
    found = find_any(source)
    assert [f.text for f in found] == ["\\mathrm{d} x"]
    assert _where(source, found[0]) == (2, 2)


def test_a_source_not_made_by_the_loader_still_gets_its_macros() -> None:
    source = Source(path="x.tex", text="\\newcommand{\\one}{1}\n$\\one$\n", kind="latex")
    assert [f.text for f in find_fragments(source)] == ["1"]


def test_local_package_macros_are_read_and_standard_packages_are_not_notices(tmp_path: Path) -> None:
    (tmp_path / "notation.sty").write_text("\\newcommand{\\grad}{\\nabla}\n", encoding="utf-8")
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "defs.tex").write_text("\\def\\half{\\frac12}\n", encoding="utf-8")
    main = tmp_path / "main.tex"
    main.write_text(
        "\\usepackage[utf8]{inputenc}\n\\usepackage{amsmath,notation}\n\\input{chapters/defs}\n$\\grad f = \\half$\n",
        encoding="utf-8",
    )
    source = read_source(main)
    assert source.notices == ()
    assert [f.text for f in find_fragments(source)] == ["\\nabla f = \\frac12"]


_ATOMS = st.sampled_from(
    ["$", "$$", "\\[", "\\]", "\\(", "\\)", "%", "\\%", "\\\\", "{", "}", "[", "]", "#1", "\n", "\n\n", " ", "x", "=",
     "\\begin{align*}", "\\end{align*}", "\\begin{equation}", "\\end{equation}", "\\newcommand{\\a}{\\b}",
     "\\newcommand{\\b}[1]{#1\\a}", "\\def\\c#1{\\c{#1#1}}", "\\a", "\\b", "\\c", "\\label{", "\\verb|",
     "\\begin{verbatim}", "\\end{verbatim}", "\\newcommand{\\d}[2][z]{#1#2}", "\\d", "\\input{", "\\let\\e\\a", "\\e"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ATOMS, max_size=40).map("".join))
def test_any_text_gives_fragments_whose_offsets_stay_in_the_file(text: str) -> None:
    source, found = _read(text, path="/nonexistent/dir/any.tex")
    for fragment in found:
        if fragment.offsets is None:
            assert source.text[fragment.start : fragment.start + len(fragment.text)] == fragment.text
        else:
            assert len(fragment.offsets) == len(fragment.text)
            assert all(0 <= offset < len(source.text) for offset in fragment.offsets)
