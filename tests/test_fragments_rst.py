"""reStructuredText: `.. math::` blocks and `:math:` roles, with exact positions."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from mathdoc.fragments import find_fragments as find_any
from mathdoc.fragments.rst import find_fragments
from mathdoc.model import Fragment, Source
from mathdoc.sources import read_source


def _read(text: str) -> tuple[Source, list[Fragment]]:
    source = Source(path="notes.rst", text=text, kind="rst")
    return source, find_fragments(source)


def _where(source: Source, fragment: Fragment, index: int = 0) -> tuple[int, int]:
    location = source.locate(fragment.source_offset(index))
    return location.line, location.column


BLOCK = """\
Intro line.

.. math::
   :label: first
   :nowrap:

   \\frac{d}{dx} x^2 = 2x

   \\frac{d}{dx} \\sin x
      = \\cos x

After the block.
"""


def test_math_directive_skips_options_and_splits_equations_at_blank_lines() -> None:
    source, found = _read(BLOCK)
    assert [f.text for f in found] == ["\\frac{d}{dx} x^2 = 2x", "\\frac{d}{dx} \\sin x\n= \\cos x"]
    assert all(f.display for f in found)
    assert found[0].offsets is None
    assert _where(source, found[0]) == (7, 4)
    assert _where(source, found[1]) == (9, 4)
    assert _where(source, found[1], found[1].text.index("=")) == (10, 7)
    assert _where(source, found[1], found[1].text.index("\\cos")) == (10, 9)


def test_directive_argument_is_an_equation_of_its_own() -> None:
    source, found = _read(".. math:: a = b\n\n   c = d\n")
    assert [f.text for f in found] == ["a = b", "c = d"]
    assert _where(source, found[0]) == (1, 11)
    assert _where(source, found[1]) == (3, 4)


def test_math_roles_with_exact_positions() -> None:
    text = "The slope :math:`\\frac{d}{dx} x^3 = 3x^2` is\nknown, and so is `y' = 1`:math:.\n"
    source, found = _read(text)
    assert [(f.text, f.display) for f in found] == [("\\frac{d}{dx} x^3 = 3x^2", False), ("y' = 1", False)]
    assert _where(source, found[0]) == (1, 18)
    assert _where(source, found[0], found[0].text.index("3x^2")) == (1, 37)
    assert _where(source, found[1]) == (2, 19)


def test_role_inside_a_nested_directive_and_a_math_block_inside_a_note() -> None:
    text = ".. note::\n\n   Here :math:`z = 1` holds and\n\n   .. math::\n\n      w = 2\n"
    source, found = _read(text)
    assert [f.text for f in found] == ["z = 1", "w = 2"]
    assert _where(source, found[0]) == (3, 16)
    assert _where(source, found[1]) == (7, 7)


def test_literal_blocks_code_comments_and_inline_literals_hold_no_math() -> None:
    text = (
        "Markup example::\n\n   :math:`a = 1`\n\n"
        ".. code-block:: rst\n\n   :math:`b = 2`\n   .. math:: c = 3\n\n"
        ".. a comment with :math:`d = 4`\n   continued :math:`e = 5`\n\n"
        "Inline ``:math:`f = 6``` and real :math:`g = 7`.\n"
    )
    _, found = _read(text)
    assert [f.text for f in found] == ["g = 7"]


def test_unclosed_role_is_reported_as_broken() -> None:
    source, found = _read("Broken :math:`x = 1\n\nNext paragraph :math:`y = 2`.\n")
    assert [(f.text, f.error is not None) for f in found] == [("x = 1", True), ("y = 2", False)]
    assert _where(source, found[0]) == (1, 15)
    assert _where(source, found[1]) == (3, 23)


def test_rst_files_are_read_through_the_registry(tmp_path: Path) -> None:
    path = tmp_path / "g.rst"
    path.write_text(BLOCK, encoding="utf-8")
    source = read_source(path)
    assert source.kind == "rst"
    assert [f.text for f in find_any(source)][0] == "\\frac{d}{dx} x^2 = 2x"


_ATOMS = st.sampled_from(
    [":math:`", "`", ".. math::", "   ", "::", ".. ", "``", "\n", "\n\n", "x", "= y", " :label: a", "\t"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ATOMS, max_size=40).map("".join))
def test_any_text_gives_fragments_made_of_the_files_characters(text: str) -> None:
    _, found = _read(text)
    for fragment in found:
        for index, char in enumerate(fragment.text):
            assert char == "\n" or text[fragment.source_offset(index)] == char


def test_a_point_stated_with_the_math_role_is_not_a_definition() -> None:
    """"At :math:`x = y`" is a point where x and y meet, as "At $x = y$" is: x stays a variable."""
    from mathdoc.api import check_text

    text = "At :math:`x = y` the kernel equals one.\n\nThen :math:`\\frac{\\partial}{\\partial y}(x - y)^2 = 5(x - y)`.\n"
    (finding,) = check_text(text, path="notes.rst", kind="rst").findings
    assert (finding.line, finding.verdict.value, finding.code) == (3, "wrong", "wrong-derivative")
