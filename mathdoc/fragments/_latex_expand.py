"""Cleaning one piece of LaTeX math: comments dropped, user macros expanded, labels and tags dropped.

Every character keeps the file offset it came from: the characters of a macro's body take the
offset of the macro's call, those of an argument keep their own.  So a claim written with the
author's notation is still reported where the author wrote it.

Expansion rescans each replacement as TeX does, and costs time in proportion to the text it reads
and writes: finished text goes to an output list, and replacement text not read yet waits on a
stack in front of the rest of the fragment, so no step copies the whole text.  It is bounded two
ways, because a document may define a macro in terms of itself, and mathdoc must answer rather
than hang: nesting depth, and a budget of characters that the expansions of a whole document may
write (`Budget`), several times its size.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._latex_macros import Macro, MacroTable
from ._tex_text import LETTERS, argument, control_sequence, is_escaped, line_end, optional_argument

MAX_DEPTH = 50
BUDGET_FACTOR = 4
BUDGET_EXTRA = 1_000_000
"""A document's macros may write `BUDGET_FACTOR` times its length plus `BUDGET_EXTRA` characters."""

DROPPED_WITH_ARGUMENT = frozenset({"label", "tag"})
DROPPED = frozenset({"nonumber", "notag"})
"""Numbering commands: they say nothing about the math and would only confuse a parser."""

_LETTERS = "".join(sorted(LETTERS))


@dataclass(frozen=True, slots=True)
class Traced:
    """Text with the file offset of each of its characters."""

    text: str
    offsets: tuple[int, ...]
    error: str | None = None
    """Why the macros could not be expanded (the text is then left unexpanded)."""


class Budget:
    """Characters that macro expansion may still write, shared by the fragments of one document,
    so that neither one fragment nor a million small ones can make the expansion unbounded."""

    __slots__ = ("limit", "left", "exhausted_at")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.left = limit
        self.exhausted_at: int | None = None
        """File offset of the call that found the budget spent (for a notice), if one did."""

    @classmethod
    def for_text(cls, length: int) -> "Budget":
        return cls(BUDGET_FACTOR * length + BUDGET_EXTRA)


CONVENTIONAL = {
    name: Macro(name, arity, body)
    for names, arity, body in (
        (("abs", "babs", "sabs", "Abs"), 1, "\\left|#1\\right|"),
        (("norm", "bnorm", "snorm", "Norm"), 1, "\\left\\|#1\\right\\|"),
        (("nicefrac", "sfrac"), 2, "\\frac{#1}{#2}"),
    )
    for name in names
}
"""Macros notes use from packages (physics, commath, nicefrac, xfrac) or from a preamble that is not
part of the checked tree, in their usual meaning; only where the document does not define them."""


def clean_math(source_text: str, start: int, end: int, table: MacroTable, budget: Budget | None = None) -> Traced:
    """`source_text[start:end]` as the math it means, with offsets into `source_text`."""
    text, offsets = _drop_comments(source_text, start, end)
    expansion = _Expansion(text, offsets, table, start, budget or Budget.for_text(end - start))
    error = expansion.run()
    if error is None:
        text, offsets = "".join(expansion.out), expansion.out_offsets
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


class _Tail:
    """Whether text written so far ends with a control word (`\\sin`), so that a letter written
    next must be kept apart by a space (`\\sin x`, not `\\sinx`).  Kept up to date in time
    proportional to what is written, however long the runs of letters or backslashes."""

    __slots__ = ("letters", "backslashes", "escaped")

    def __init__(self) -> None:
        self.letters = 0
        """Length of the trailing run of letters."""
        self.backslashes = 0
        """Length of the trailing run of backslashes (0 when the text ends with a letter)."""
        self.escaped = False
        """Whether an odd run of backslashes comes right before the trailing letters."""

    def write(self, text: str) -> None:
        if not text:
            return
        before = text.rstrip(_LETTERS)
        if len(before) < len(text):
            if before:
                core = before.rstrip("\\")
                run = len(before) - len(core) + (self.backslashes if not core else 0)
                self.escaped, self.letters = run % 2 == 1, len(text) - len(before)
            else:
                if self.letters == 0:
                    self.escaped = self.backslashes % 2 == 1
                self.letters += len(text)
            self.backslashes = 0
        else:
            core = text.rstrip("\\")
            self.backslashes = len(text) - len(core) + (self.backslashes if not core else 0)
            self.letters = 0

    def in_control_word(self) -> bool:
        return self.letters > 0 and self.escaped


class _Pending:
    """What is left to read: replacement text not read yet, then the rest of the fragment.

    The replacement text is a stack whose last element is the next character, so that reading a
    character, and putting a replacement in front of everything, cost only what they touch.  It
    reads like a string (`len`, indexing, slicing, `find`), so that `_tex_text` can parse the
    arguments of a call however they straddle a replacement and the text after it.
    """

    __slots__ = ("text", "offsets", "pos", "chars", "char_offsets", "depths")

    def __init__(self, text: str, offsets: list[int]) -> None:
        self.text = text
        self.offsets = offsets
        self.pos = 0
        self.chars: list[str] = []
        self.char_offsets: list[int] = []
        self.depths: list[int] = []

    def __len__(self) -> int:
        return len(self.chars) + len(self.text) - self.pos

    def __getitem__(self, key: int | slice) -> str:
        if isinstance(key, slice):
            start, stop, _ = key.indices(len(self))
            return "".join(self.span(start, stop)[0])
        n = len(self.chars)
        if key < 0:
            key += len(self)
        if key < n:
            return self.chars[n - 1 - key]
        return self.text[self.pos + key - n]

    def find(self, sub: str, start: int = 0) -> int:
        """Index of the next character `sub` (one character, as `line_end` asks) at or after `start`."""
        n = len(self.chars)
        for k in range(start, n):
            if self.chars[n - 1 - k] == sub:
                return k
        at = self.text.find(sub, self.pos + max(start - n, 0))
        return -1 if at < 0 else at - self.pos + n

    def control_sequence(self) -> tuple[str, int]:
        """`_tex_text.control_sequence` at the next character, read from the text itself when no
        replacement is pending (the common case, and much the faster)."""
        if self.chars:
            return control_sequence(self, 0)  # type: ignore[arg-type]  # reads like a string
        name, end = control_sequence(self.text, self.pos)
        return name, end - self.pos

    def first(self) -> str:
        """The next character, or "" at the end."""
        if self.chars:
            return self.chars[-1]
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def depth(self, k: int) -> int:
        n = len(self.chars)
        return self.depths[n - 1 - k] if k < n else 0

    def offset(self, k: int) -> int:
        n = len(self.chars)
        return self.char_offsets[n - 1 - k] if k < n else self.offsets[self.pos + k - n]

    def span(self, start: int, stop: int) -> tuple[list[str], list[int], list[int]]:
        """Characters `start`..`stop` in reading order, with their offsets and depths."""
        n = len(self.chars)
        chars: list[str] = []
        offsets: list[int] = []
        depths: list[int] = []
        if start < n:
            low, high = n - min(stop, n), n - start
            chars = self.chars[low:high][::-1]
            offsets = self.char_offsets[low:high][::-1]
            depths = self.depths[low:high][::-1]
        if stop > n:
            low, high = self.pos + max(start, n) - n, self.pos + stop - n
            chars.extend(self.text[low:high])
            offsets.extend(self.offsets[low:high])
            depths.extend([0] * (high - low))
        return chars, offsets, depths

    def drop(self, count: int) -> None:
        """Forget the next `count` characters (read into the output, or consumed by a call)."""
        n = len(self.chars)
        taken = min(count, n)
        if taken:
            del self.chars[n - taken :], self.char_offsets[n - taken :], self.depths[n - taken :]
        self.pos += count - taken

    def push(self, chars: list[str], offsets: list[int], depths: list[int]) -> None:
        """Put text (in reading order) in front of everything left."""
        self.chars.extend(reversed(chars))
        self.char_offsets.extend(reversed(offsets))
        self.depths.extend(reversed(depths))


_Piece = tuple[list[str], list[int], list[int]]


class _Expansion:
    """Expands macros, rescanning each replacement as TeX does, in one pass over the fragment."""

    def __init__(self, text: str, offsets: list[int], table: MacroTable, position: int, budget: Budget) -> None:
        self.pending = _Pending(text, list(offsets))
        self.out: list[str] = []
        self.out_offsets: list[int] = []
        self.table = table
        self.position = position
        self.budget = budget
        self.macros: dict[str, Macro | None] = {}

    def run(self) -> str | None:
        """Expand everything; the reason when expansion had to stop, else None."""
        pending = self.pending
        while self._copy_to_backslash():
            name, end = pending.control_sequence()
            macro = self._lookup(name)
            if macro is None:
                self._copy(end)
                continue
            if pending.depth(0) >= MAX_DEPTH:
                return f"macro \\{name} nests more than {MAX_DEPTH} deep (is it defined in terms of itself?)"
            error = self._replace(end, macro)
            if error is not None:
                return error
        return None

    def _lookup(self, name: str) -> Macro | None:
        if not name:
            return None
        if name not in self.macros:
            self.macros[name] = self.table.lookup(name, self.position) or CONVENTIONAL.get(name)
        return self.macros[name]

    def _copy_to_backslash(self) -> bool:
        """Move text to the output up to the next backslash; False when nothing is left."""
        pending = self.pending
        chars = pending.chars
        while chars:
            if chars[-1] == "\\":
                return True
            self.out.append(chars.pop())
            self.out_offsets.append(pending.char_offsets.pop())
            pending.depths.pop()
        at = pending.text.find("\\", pending.pos)
        stop = len(pending.text) if at < 0 else at
        self.out.extend(pending.text[pending.pos : stop])
        self.out_offsets.extend(pending.offsets[pending.pos : stop])
        pending.pos = stop
        return at >= 0

    def _copy(self, count: int) -> None:
        chars, offsets, _ = self.pending.span(0, count)
        self.out.extend(chars)
        self.out_offsets.extend(offsets)
        self.pending.drop(count)

    def _replace(self, end: int, macro: Macro) -> str | None:
        """Replace the call that begins the pending text (its name ends at `end`) by its expansion."""
        pending = self.pending
        call, depth = pending.offset(0), pending.depth(0) + 1
        arguments = self._arguments(end, macro, call, depth)
        if isinstance(arguments, str):
            return arguments
        pieces, stop = arguments
        written = len(macro.body) + _argument_length(macro.body, pieces)
        if written > self.budget.left:
            self.budget.left = 0
            if self.budget.exhausted_at is None:
                self.budget.exhausted_at = call
            return (
                f"macro \\{macro.name}: the document's macros expand to more than {self.budget.limit} characters "
                "in all (is it defined in terms of itself?)"
            )
        self.budget.left -= written
        pending.drop(stop)
        context = self.out[-40:]
        if pieces or "#" in macro.body:
            (chars, offsets, depths), tail = _substitute(macro.body, pieces, call, depth, "".join(context))
        else:  # the common case, kept cheap: a body without parameters
            chars, offsets, depths = _literal(macro.body, call, depth, context)
            tail = None
        if pending.first() in LETTERS and _ends_in_control_word(tail, context, chars):
            chars.append(" ")
            offsets.append(call)
            depths.append(depth)
        pending.push(chars, offsets, depths)
        return None

    def _arguments(self, end: int, macro: Macro, call: int, depth: int) -> tuple[list[_Piece], int] | str:
        """The call's arguments as (text, offsets, depths) pieces, and where the call ends."""
        pieces: list[_Piece] = []
        if not macro.arity:
            return pieces, end
        direct = not self.pending.chars  # nothing pending: parse the text itself, at its position
        shift = self.pending.pos if direct else 0
        pending: str = self.pending.text if direct else self.pending  # type: ignore[assignment]  # reads like a string
        j = end + shift
        needed = macro.arity
        if macro.default is not None and needed:
            given = optional_argument(pending, j)
            if given is None:
                default = macro.default
                pieces.append((list(default), [call] * len(default), [depth] * len(default)))
            else:
                pieces.append(self.pending.span(given[0] - shift, given[1] - shift))
                j = given[2]
            needed -= 1
        for _ in range(needed):
            found = argument(pending, j)
            if found is None:
                return f"macro \\{macro.name} needs {macro.arity} argument(s) here"
            pieces.append(self.pending.span(found[0] - shift, found[1] - shift))
            j = found[2]
        return pieces, j - shift


def _argument_length(body: str, pieces: list[_Piece]) -> int:
    """Characters that the `#n` of `body` bring in (an upper bound on what a call writes, less the body)."""
    total = 0
    at = body.find("#")
    while at >= 0:
        if at + 1 < len(body) and body[at + 1].isdigit() and 0 < int(body[at + 1]) <= len(pieces):
            total += len(pieces[int(body[at + 1]) - 1][0]) + 1
        at = body.find("#", at + 2)
    return total


def _substitute(body: str, pieces: list[_Piece], call: int, depth: int, context: str) -> tuple[_Piece, _Tail]:
    """The replacement text of one call: `body` with its `#n` replaced by the arguments, and a space
    wherever a letter would otherwise lengthen a control word (`context` is the text before); and
    how the context and replacement end, for the boundary with the text after the call."""
    chars: list[str] = []
    offsets: list[int] = []
    depths: list[int] = []
    tail = _Tail()
    tail.write(context)

    def emit(text: list[str] | str, piece_offsets: list[int], piece_depths: list[int]) -> None:
        if text and text[0] in LETTERS and tail.in_control_word():
            chars.append(" ")
            offsets.append(piece_offsets[0])
            depths.append(piece_depths[0])
            tail.write(" ")
        chars.extend(text)
        offsets.extend(piece_offsets)
        depths.extend(piece_depths)
        tail.write(text if isinstance(text, str) else "".join(text))

    k = 0
    while k < len(body):
        if body[k] == "#" and k + 1 < len(body) and body[k + 1] == "#":
            emit("#", [call], [depth])
            k += 2
        elif body[k] == "#" and k + 1 < len(body) and body[k + 1].isdigit() and 0 < int(body[k + 1]) <= len(pieces):
            emit(*pieces[int(body[k + 1]) - 1])
            k += 2
        else:
            run = body.find("#", k + 1)
            run = len(body) if run < 0 else run
            emit(body[k:run], [call] * (run - k), [depth] * (run - k))
            k = run
    return (chars, offsets, depths), tail


def _literal(body: str, call: int, depth: int, context: list[str]) -> _Piece:
    """The replacement text of a call whose body has no parameters (`_substitute`, faster)."""
    count = len(body)
    if body and body[0] in LETTERS:
        tail = _Tail()
        tail.write("".join(context))
        if tail.in_control_word():
            return [" ", *body], [call] * (count + 1), [depth] * (count + 1)
    return list(body), [call] * count, [depth] * count


def _ends_in_control_word(tail: _Tail | None, context: list[str], chars: list[str]) -> bool:
    """Whether the context and replacement end with a control word (`tail` when it is known)."""
    if tail is None:
        tail = _Tail()
        tail.write("".join(context))
        tail.write("".join(chars))
    return tail.in_control_word()


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
