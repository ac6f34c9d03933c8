"""Cleaning one piece of LaTeX math: comments dropped, user macros expanded, labels and tags dropped.

Every character keeps the file offset it came from: the characters of a macro's body take the
offset of the macro's call, those of an argument keep their own.  So a claim written with the
author's notation is still reported where the author wrote it.

Expansion is bounded three ways (nesting depth, number of expansions, size), because a document
may define a macro in terms of itself, and mathdoc must answer rather than hang.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._latex_macros import Macro, MacroTable
from ._tex_text import LETTERS, argument, control_sequence, is_escaped, line_end, optional_argument

MAX_DEPTH = 50
MAX_EXPANSIONS = 5000
MAX_GROWTH = 20
"""The expanded text may be this many times as long as the original (and at least 10,000)."""

DROPPED_WITH_ARGUMENT = frozenset({"label", "tag"})
DROPPED = frozenset({"nonumber", "notag"})
"""Numbering commands: they say nothing about the math and would only confuse a parser."""


@dataclass(frozen=True, slots=True)
class Traced:
    """Text with the file offset of each of its characters."""

    text: str
    offsets: tuple[int, ...]
    error: str | None = None
    """Why the macros could not be expanded (the text is then left unexpanded)."""


def clean_math(source_text: str, start: int, end: int, table: MacroTable) -> Traced:
    """`source_text[start:end]` as the math it means, with offsets into `source_text`."""
    text, offsets = _drop_comments(source_text, start, end)
    expansion = _Expansion(text, offsets, table, start)
    error = expansion.run()
    if error is None:
        text, offsets = expansion.text, expansion.offsets
    text, offsets = _drop_numbering(text, offsets)
    return Traced(text, tuple(offsets), error)


def _drop_comments(text: str, start: int, end: int) -> tuple[str, list[int]]:
    pieces: list[str] = []
    offsets: list[int] = []
    i = start
    while i < end:
        at = text.find("%", i, end)
        while at >= 0 and is_escaped(text, at):
            at = text.find("%", at + 1, end)
        stop = end if at < 0 else at
        pieces.append(text[i:stop])
        offsets.extend(range(i, stop))
        i = end if at < 0 else min(line_end(text, at), end)
    return "".join(pieces), offsets


def _ends_with_control_word(chars: list[str]) -> bool:
    """Whether a letter appended now would lengthen a control word (`\\sin` + `x`)."""
    j = len(chars)
    while j > 0 and chars[j - 1] in LETTERS:
        j -= 1
    if j == len(chars) or j == 0 or chars[j - 1] != "\\":
        return False
    backslashes = 0
    while j - 1 - backslashes >= 0 and chars[j - 1 - backslashes] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


class _Expansion:
    """Expands macros in place, rescanning each replacement as TeX does."""

    def __init__(self, text: str, offsets: list[int], table: MacroTable, position: int) -> None:
        self.text = text
        self.offsets = list(offsets)
        self.depths = [0] * len(text)
        self.table = table
        self.position = position

    def run(self) -> str | None:
        """Expand everything; the reason when expansion had to stop, else None."""
        limit = max(len(self.text) * MAX_GROWTH, 10_000)
        count = 0
        i = self.text.find("\\")
        while i >= 0:
            name, end = control_sequence(self.text, i)
            macro = self.table.lookup(name, self.position) if name else None
            if macro is None:
                i = self.text.find("\\", end)
                continue
            if self.depths[i] >= MAX_DEPTH:
                return f"macro \\{name} nests more than {MAX_DEPTH} deep (is it defined in terms of itself?)"
            count += 1
            if count > MAX_EXPANSIONS:
                return f"more than {MAX_EXPANSIONS} macro expansions (is \\{name} defined in terms of itself?)"
            replaced = self._replace(i, end, macro)
            if isinstance(replaced, str):
                return replaced
            if len(self.text) > limit:
                return f"macro \\{name} expands to more than {limit} characters"
            i = self.text.find("\\", i)
        return None

    def _replace(self, i: int, end: int, macro: Macro) -> None | str:
        call, depth = self.offsets[i], self.depths[i] + 1
        arguments = self._arguments(end, macro, call, depth)
        if isinstance(arguments, str):
            return arguments
        pieces, stop = arguments
        chars: list[str] = []
        offsets: list[int] = []
        depths: list[int] = []

        def emit(piece: tuple[str, list[int], list[int]]) -> None:
            text, piece_offsets, piece_depths = piece
            if text and text[0] in LETTERS and _ends_with_control_word(chars):
                chars.append(" ")
                offsets.append(piece_offsets[0])
                depths.append(piece_depths[0])
            chars.extend(text)
            offsets.extend(piece_offsets)
            depths.extend(piece_depths)

        if i > 0:
            chars.extend(self.text[max(0, i - 40) : i])  # context for the first boundary only
        context = len(chars)
        body, k = macro.body, 0
        while k < len(body):
            if body[k] == "#" and k + 1 < len(body) and body[k + 1] == "#":
                emit(("#", [call], [depth]))
                k += 2
            elif body[k] == "#" and k + 1 < len(body) and body[k + 1].isdigit() and 0 < int(body[k + 1]) <= len(pieces):
                emit(pieces[int(body[k + 1]) - 1])
                k += 2
            else:
                run = k + 1
                while run < len(body) and body[run] != "#":
                    run += 1
                emit((body[k:run], [call] * (run - k), [depth] * (run - k)))
                k = run
        if stop < len(self.text) and self.text[stop] in LETTERS and _ends_with_control_word(chars):
            chars.append(" ")
            offsets.append(call)
            depths.append(depth)
        del chars[:context]
        self.text = self.text[:i] + "".join(chars) + self.text[stop:]
        self.offsets[i:stop] = offsets
        self.depths[i:stop] = depths
        return None

    def _arguments(
        self, end: int, macro: Macro, call: int, depth: int
    ) -> tuple[list[tuple[str, list[int], list[int]]], int] | str:
        """The call's arguments as (text, offsets, depths) pieces, and where the call ends."""
        pieces: list[tuple[str, list[int], list[int]]] = []
        j = end
        needed = macro.arity
        if macro.default is not None and needed:
            given = optional_argument(self.text, j)
            if given is None:
                default = macro.default
                pieces.append((default, [call] * len(default), [depth] * len(default)))
            else:
                pieces.append(self._piece(given[0], given[1]))
                j = given[2]
            needed -= 1
        for _ in range(needed):
            found = argument(self.text, j)
            if found is None:
                return f"macro \\{macro.name} needs {macro.arity} argument(s) here"
            pieces.append(self._piece(found[0], found[1]))
            j = found[2]
        return pieces, j

    def _piece(self, start: int, end: int) -> tuple[str, list[int], list[int]]:
        return self.text[start:end], self.offsets[start:end], self.depths[start:end]


def _drop_numbering(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    kept: list[str] = []
    kept_offsets: list[int] = []
    i = 0
    while (at := text.find("\\", i)) >= 0:
        name, end = control_sequence(text, at)
        if name in DROPPED_WITH_ARGUMENT:
            if text.startswith("*", end):
                end += 1
            found = argument(text, end)
            end = found[2] if found is not None else end
        elif name not in DROPPED:
            kept.append(text[i:end])
            kept_offsets.extend(offsets[i:end])
            i = end
            continue
        kept.append(text[i:at])
        kept_offsets.extend(offsets[i:at])
        i = end
    kept.append(text[i:])
    kept_offsets.extend(offsets[i:])
    return "".join(kept), kept_offsets
