"""Jupyter notebooks: the math of their Markdown cells, located in the .ipynb file itself.

The `Source` text is the Markdown cells joined with blank lines, so the recogniser sees the
notebook as one document (a definition in one cell is in scope in the next).  Positions are
mapped back twice: to the line and column of the .ipynb file, where an editor or CI annotation
points, and to the cell and its own line and column, which is how notebook users navigate.

The JSON is read with a decoder that remembers where each string literal starts in the file;
walking a literal's escapes (`\\\\`, `\\n`, `\\u00e9`) gives the file column of every character.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import json.decoder
import json.scanner
import re
from dataclasses import dataclass
from typing import Any

from .. import surrogates
from ..model import Fragment, Location, Source
from ..sources import LOADERS, SourceError
from . import markdown

_NEWLINE = re.compile("\n")
CELL_SEPARATOR = "\n\n"
"""Between cells: a blank line, so that no Markdown block runs from one cell into the next."""


class _LocatedString(str):
    """A JSON string value that knows where its literal's first character is in the file."""

    at: int


def _parse_located_string(text: str, end: int, strict: bool = True) -> tuple[str, int]:
    value, after = json.decoder.scanstring(text, end, strict)  # type: ignore[attr-defined]  # public, untyped
    located = _LocatedString(value)
    located.at = end
    return located, after


class _LocatingDecoder(json.JSONDecoder):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.parse_string = _parse_located_string
        # The C scanner ignores `parse_string`; the pure-Python one calls it for every value.
        self.scan_once = json.scanner.py_make_scanner(self)  # type: ignore[attr-defined]


def _literal_offsets(raw: str, literal: _LocatedString) -> list[int]:
    """File offset of each character of a decoded JSON string, and one for its closing quote."""
    offsets: list[int] = []
    at = literal.at
    for ch in literal:
        offsets.append(at)
        if raw[at] != "\\":
            at += 1
        elif raw[at + 1] != "u":
            at += 2
        else:
            at += 12 if ord(ch) > 0xFFFF else 6  # a surrogate pair is two \uXXXX escapes
    offsets.append(at)
    return offsets


@dataclass(frozen=True, slots=True)
class NotebookCell:
    """One Markdown cell as it sits in the joined text and in the file."""

    index: int
    """Position among all the notebook's cells (code cells included), from 0."""
    cell_id: str | None
    start: int
    """Offset of the cell's first character in `Source.text`."""
    text: str
    file_offsets: tuple[int, ...]
    """File offset of each character of `text`, plus one for the end of the cell."""
    line_starts: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class NotebookLocator:
    """Maps an offset of the joined text to the .ipynb file and to the cell."""

    cells: tuple[NotebookCell, ...]
    file_line_starts: tuple[int, ...]
    cell_starts: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "cell_starts", tuple(cell.start for cell in self.cells))

    def __call__(self, offset: int) -> Location:
        if not self.cells:
            return Location(line=1, column=1)
        index = max(bisect.bisect_right(self.cell_starts, offset) - 1, 0)
        cell = self.cells[index]
        inner = max(0, min(offset - cell.start, len(cell.text)))
        at = cell.file_offsets[inner]
        line = bisect.bisect_right(self.file_line_starts, at) - 1
        cell_line = bisect.bisect_right(cell.line_starts, inner) - 1
        return Location(
            line=line + 1,
            column=at - self.file_line_starts[line] + 1,
            cell=cell.index,
            cell_id=cell.cell_id,
            cell_line=cell_line + 1,
            cell_column=inner - cell.line_starts[cell_line] + 1,
        )


def load_notebook(path: str, text: str, kind: str = "notebook", notices: tuple[str, ...] = ()) -> Source:
    """The `Source` of an .ipynb file: its Markdown cells, with a locator into the file."""
    try:
        document = json.loads(text, cls=_LocatingDecoder)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise SourceError(f"{path}: not a notebook: invalid JSON ({exc.msg} at {where})") from None
    except RecursionError:
        raise SourceError(f"{path}: not a notebook: JSON nested too deeply") from None
    raw_cells = _raw_cells(document, path)
    cells: list[NotebookCell] = []
    found: list[str] = []
    repaired = 0
    start = 0
    for index, raw_cell in enumerate(raw_cells):
        if not isinstance(raw_cell, dict) or raw_cell.get("cell_type") != "markdown":
            continue
        read = _cell_text(text, raw_cell.get("source"))
        if read is None:
            found.append(f"{path}: cell {index}: its source is not text; skipped")
            continue
        cell_text, offsets = read
        if not cell_text.strip():
            continue
        clean_text = surrogates.clean(cell_text)  # one for one: the offsets still hold
        repaired += clean_text != cell_text
        cell_text = clean_text
        if cells:
            start += len(CELL_SEPARATOR)
        cell_id = raw_cell.get("id")
        starts = (0, *(i + 1 for i, ch in enumerate(cell_text) if ch == "\n"))
        cell_id = surrogates.clean(cell_id) if isinstance(cell_id, str) else None
        cells.append(NotebookCell(index, cell_id, start, cell_text, offsets, starts))
        start += len(cell_text)
    if repaired:
        found.append(f"{path}: {repaired} Markdown cell{'s' if repaired != 1 else ''} with a lone surrogate escape (such as \\ud800, invalid Unicode); read with U+FFFD in its place")
    file_line_starts = (0, *(match.end() for match in _NEWLINE.finditer(text)))
    joined = CELL_SEPARATOR.join(cell.text for cell in cells)
    locator = NotebookLocator(tuple(cells), file_line_starts)
    return Source(path=path, text=joined, kind=kind, notices=tuple(notices) + tuple(found), locator=locator)


def _raw_cells(document: object, path: str) -> list[object]:
    """The cells of nbformat 4 (`cells`) or 3 (`worksheets[0].cells`)."""
    if isinstance(document, dict):
        cells = document.get("cells")
        worksheets = document.get("worksheets")
        if cells is None and isinstance(worksheets, list) and worksheets and isinstance(worksheets[0], dict):
            cells = worksheets[0].get("cells")
        if isinstance(cells, list):
            return cells
    raise SourceError(f'{path}: not a Jupyter notebook (JSON without a "cells" list)')


def _cell_text(raw: str, source: object) -> tuple[str, tuple[int, ...]] | None:
    """A cell's text (newlines normalised) and the file offset of each character, or None."""
    if source is None or source == "" or source == []:
        return "", (0,)
    parts = [source] if isinstance(source, str) else source
    if not isinstance(parts, list) or not all(isinstance(part, _LocatedString) for part in parts):
        return None
    chars: list[str] = []
    offsets: list[int] = []
    end = 0
    for part in parts:
        part_offsets = _literal_offsets(raw, part)
        chars.extend(part)
        offsets.extend(part_offsets[:-1])
        end = part_offsets[-1]
    kept = [i for i, ch in enumerate(chars) if not (ch == "\r" and i + 1 < len(chars) and chars[i + 1] == "\n")]
    text = "".join("\n" if chars[i] == "\r" else chars[i] for i in kept)
    return text, (*(offsets[i] for i in kept), end)


def find_fragments(source: Source) -> list[Fragment]:
    """Markdown math, found cell by cell so that an unclosed `$$` cannot swallow the next cell."""
    locator = source.locator
    if not isinstance(locator, NotebookLocator):
        return markdown.find_fragments(dataclasses.replace(source, kind="markdown", locator=None, line_starts=()))
    fragments: list[Fragment] = []
    for cell in locator.cells:
        for fragment in markdown.find_fragments(Source(path=source.path, text=cell.text, kind="markdown")):
            offsets = None if fragment.offsets is None else tuple(o + cell.start for o in fragment.offsets)
            fragments.append(dataclasses.replace(fragment, start=fragment.start + cell.start, offsets=offsets))
    return fragments


LOADERS["notebook"] = load_notebook
