"""Notebooks: Markdown cells only, positions in the .ipynb file and in the cell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathdoc.fragments import find_fragments as find_any
from mathdoc.fragments.notebook import NotebookLocator, find_fragments, load_notebook
from mathdoc.model import Fragment, Location, Source
from mathdoc.sources import SourceError, read_source


def _markdown(cell_id: str | None, source: object) -> dict[str, object]:
    cell: dict[str, object] = {"cell_type": "markdown", "metadata": {}, "source": source}
    if cell_id is not None:
        cell["id"] = cell_id
    return cell


def _code(source: str) -> dict[str, object]:
    return {"cell_type": "code", "execution_count": None, "id": "code1", "metadata": {}, "outputs": [],
            "source": source}


def _notebook(*cells: dict[str, object]) -> str:
    return json.dumps({"cells": list(cells), "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n"


def _locate(source: Source, fragment: Fragment, index: int = 0) -> Location:
    return source.locate(fragment.source_offset(index))


def _file_position(raw: str, needle: str) -> tuple[int, int]:
    """1-based line and column of `needle` in the raw file (it must occur once)."""
    assert raw.count(needle) == 1
    at = raw.index(needle)
    line = raw.count("\n", 0, at) + 1
    return line, at - (raw.rfind("\n", 0, at) + 1) + 1


RAW = _notebook(
    _markdown("intro", ["# Title\n", "\n", "Let $f(x) = x^2 \\sin x$ hold.\n"]),
    _code("x = 1\n$not = markdown$"),
    _markdown("claims", "Then\n$$\\frac{d}{dx} f(x) = 2x \\sin x + x^2 \\cos x$$\nand \"$g' = 1$\" here."),
)


def test_text_is_the_markdown_cells_joined_with_blank_lines() -> None:
    source = load_notebook("nb.ipynb", RAW, "notebook", ())
    assert source.kind == "notebook"
    assert source.text == (
        "# Title\n\nLet $f(x) = x^2 \\sin x$ hold.\n" + "\n\n"
        "Then\n$$\\frac{d}{dx} f(x) = 2x \\sin x + x^2 \\cos x$$\nand \"$g' = 1$\" here."
    )
    assert "not = markdown" not in source.text


def test_fragments_are_located_in_the_file_and_in_the_cell() -> None:
    source = load_notebook("nb.ipynb", RAW, "notebook", ())
    found = find_fragments(source)
    assert [f.text for f in found] == ["f(x) = x^2 \\sin x", "\\frac{d}{dx} f(x) = 2x \\sin x + x^2 \\cos x", "g' = 1"]
    first = _locate(source, found[0])
    assert (first.line, first.column) == _file_position(RAW, "f(x) = x^2")
    assert (first.cell, first.cell_id, first.cell_line, first.cell_column) == (0, "intro", 3, 6)
    second = _locate(source, found[1])
    assert (second.line, second.column) == _file_position(RAW, "\\\\frac{d}")
    assert (second.cell, second.cell_id, second.cell_line, second.cell_column) == (2, "claims", 2, 3)


def test_escapes_in_the_json_string_shift_file_columns_but_not_cell_columns() -> None:
    source = load_notebook("nb.ipynb", RAW, "notebook", ())
    found = find_fragments(source)
    claim = found[1]
    cos = claim.text.index("\\cos")  # after three escaped backslashes in the file
    location = _locate(source, claim, cos)
    line, column = _file_position(RAW, "$$\\\\frac")
    assert location.line == line
    assert location.column == column + 2 + cos + 2  # `$$`, then one more per earlier `\\` (two)
    assert location.cell_column == 3 + cos
    quoted = _locate(source, found[2])
    assert (quoted.line, quoted.column) == _file_position(RAW, "g' = 1")
    assert quoted.cell_line == 3 and quoted.cell_column == 7


def test_unicode_escapes_and_crlf_inside_cells() -> None:
    raw = (
        '{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [\n'
        ' {"cell_type": "markdown", "id": "u", "metadata": {},\n'
        '  "source": ["d\\u00e9riv\\u00e9e\\r\\n", "$x = 1$"]}\n]}\n'
    )
    source = load_notebook("u.ipynb", raw, "notebook", ())
    assert source.text == "dérivée\n$x = 1$"
    (fragment,) = find_fragments(source)
    location = _locate(source, fragment)
    assert (location.line, location.column) == _file_position(raw, "x = 1")
    assert (location.cell_line, location.cell_column) == (2, 2)


def test_unclosed_math_cannot_run_into_the_next_cell() -> None:
    raw = _notebook(_markdown("a", "$$\na = b\n"), _markdown("b", "$c = d$"))
    source = load_notebook("nb.ipynb", raw, "notebook", ())
    found = find_fragments(source)
    assert not any("a = b" in f.text and "c = d" in f.text for f in found)
    assert found[-1].text == "c = d"
    assert _locate(source, found[-1]).cell_id == "b"


def test_read_source_uses_the_notebook_loader_and_cells_without_id(tmp_path: Path) -> None:
    path = tmp_path / "old.ipynb"
    path.write_text(_notebook(_markdown(None, ["$\\frac{d}{dx}x^2 = 2x$"])), encoding="utf-8")
    source = read_source(path)
    (fragment,) = find_any(source)
    location = _locate(source, fragment)
    assert location.cell == 0 and location.cell_id is None
    assert (location.line, location.column) == _file_position(path.read_text(encoding="utf-8"), "\\\\frac")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('{"cells": [', "invalid JSON"),
        ("[1, 2, 3]", 'no "cells"'.replace("no ", "without a ")),
        ('{"metadata": {}}', "not a Jupyter notebook"),
    ],
)
def test_broken_or_foreign_json_is_a_source_error_naming_the_file(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "bad.ipynb"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert words in str(caught.value)


def test_empty_notebook_has_no_fragments_and_a_sane_location() -> None:
    source = load_notebook("e.ipynb", _notebook(), "notebook", ())
    assert source.text == "" and find_fragments(source) == []
    assert source.locate(0) == Location(line=1, column=1)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.text(alphabet=st.sampled_from(list("ab $\\\"\n\té😀/")), max_size=30), min_size=1, max_size=4),
    st.booleans(),
)
def test_every_character_is_located_at_its_own_json_spelling(sources: list[str], ascii_only: bool) -> None:
    raw = json.dumps(
        {"cells": [_markdown(f"c{i}", s.splitlines(keepends=True)) for i, s in enumerate(sources)],
         "metadata": {}, "nbformat": 4, "nbformat_minor": 5},
        indent=1, ensure_ascii=ascii_only,
    )
    source = load_notebook("p.ipynb", raw, "notebook", ())
    assert isinstance(source.locator, NotebookLocator)
    file_lines = raw.split("\n")
    for cell in source.locator.cells:
        assert cell.text == sources[cell.index]
        cell_lines = cell.text.split("\n")
        for inner, char in enumerate(cell.text):
            location = source.locate(cell.start + inner)
            assert location.cell == cell.index and location.cell_line is not None and location.cell_column is not None
            spelled = file_lines[location.line - 1][location.column - 1]
            assert spelled == char or spelled == "\\"
            assert (cell_lines[location.cell_line - 1] + "\n")[location.cell_column - 1] == char
