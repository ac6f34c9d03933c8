"""What the prose around a definition says of it, read on the source text in the main process.

Two readings change a definition: the word before two plain letters set equal makes them a point
("at $x = y$"), and a condition stated beside a definition makes it one piece of a function defined
by cases ("$H(r) = \\frac12 r^2$ when $|r| \\le \\delta$ and $H(r) = \\delta(|r| - \\frac\\delta2)$
otherwise"): the pieces of one name, stated close together, are one definition by cases, so the
later piece does not replace the earlier one everywhere.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from .claims import Definition


_POINT_WORD = re.compile(r"(?:\b(?:at|when|whenever|if|on|along|for)|当|若|在)\s*(?:[$\\(\[]|:math:`)*\s*$", re.IGNORECASE)
"""A word that makes the math after it a point, before its opening delimiter (`$`, `\\(`, `:math:`)."""


def stated_as_point(text: str, offset: int) -> bool:
    """The word just before `offset` makes what follows a point ("at $x = y$", "when", 当)."""
    return _POINT_WORD.search(text[max(0, offset - 40):offset]) is not None


_OPEN = r"(?:\$\$?|\\\(|:math:`)"
_CLOSE = r"(?:\$\$?|\\\)|`)"
_RELATION = re.compile(r"<|>|\\[lg]eq?(?:slant)?\b|\\[lg]t\b|\\neq?\b|\\in\b|≤|≥")
_CONDITION_AFTER = re.compile(
    rf"\s*(?:[.,;]\s*)?{_CLOSE}?\s*[,，]?\s*(?:"
    rf"(?:\b(?:when|whenever|if|for)\b|当|若)\s*{_OPEN}(?P<math>[^$`]{{1,120}}?){_CLOSE}"
    r"|(?P<otherwise>\b(?:otherwise|elsewhere|else)\b|否则|其他情况|其余情况))",
    re.IGNORECASE,
)
"""The condition stated right after a definition's math: "when $|r| \\le \\delta$", "otherwise", 当 $x<0$ 时."""
_CONDITION_IN_MATH = re.compile(
    r"\s*,?\s*(?:\\q?quad\b|\\[,;:]|~|\s)*\s*(?:"
    r"\\(?:text|mbox|textrm|mathrm)\s*\{\s*(?:for|if|when|whenever|where)\s*\}\s*(?P<worded>[^$=]{1,120}?)"
    r"|(?<=quad)\s*(?P<bare>[^$=\\]*(?:\\(?!text|q?quad)[A-Za-z]+[^$=\\]*)*?))"
    rf"\s*[.,;]?\s*(?:{_CLOSE}|\\end\{{|\\\\|$)"
)
"""A condition written in the math after the last member: `2r \\quad \\text{for } |r| < c`, `1/x, \\quad x > 0`."""
_CONDITION_BEFORE = re.compile(
    rf"(?:\b(?:when|whenever|if|for)\b|当|若)\s*{_OPEN}(?P<math>[^$`]{{1,120}}?){_CLOSE}\s*(?:时)?\s*[,，]?\s*(?:we\s+(?:have|set|take|put)\s+|let\s+)?{_OPEN}\s*$",
    re.IGNORECASE,
)
"""The condition stated right before a definition's math: "For $x < 0$, $f(x) = -x$"."""
_HEADING = re.compile(r"^(?:#{1,6}\s|\\(?:sub)*section\*?\{)|\n\s*\n\s*\n", re.MULTILINE)
_GAP = 300
"""Characters: pieces of one function by cases are stated within this of each other."""
OTHERWISE = "otherwise"
_OTHERWISE_ROW = "\\text{otherwise}"


def condition(text: str, definition: Definition) -> str | None:
    """The condition the prose states beside `definition`: its formula, `OTHERWISE`, or None."""
    if not definition.end:
        return None
    return stated_condition(text, definition.offset, definition.end, otherwise=True)


def stated_condition(text: str, start: int, end: int, otherwise: bool = False) -> str | None:
    """The condition the prose states right after the math that ends at `end` ("… when $|r| \\le
    \\delta$"), or right before the math that starts at `start` ("For $x < 0$, $f(x) = -x$"): the
    formula of a relation; `OTHERWISE` for "otherwise" when `otherwise`; else None."""
    inside = _CONDITION_IN_MATH.match(text, end, end + 160)
    if inside is not None:
        math = inside.group("worded") or inside.group("bare") or ""
        if _RELATION.search(math):
            return math.strip()
    found = _CONDITION_AFTER.match(text, end, end + 160)
    if found is not None:
        math = found.group("math")
        if math is None:
            return OTHERWISE if otherwise else None
        if _RELATION.search(math):
            return math.strip()
    before = _CONDITION_BEFORE.search(text, max(0, start - 160), start)
    if before is not None and _RELATION.search(before.group("math")):
        return before.group("math").strip()
    return None


def read_in_prose(text: str, definitions: Iterable[Definition]) -> tuple[Definition, ...]:
    """The definitions as the prose reads them: an identification after a point word dropped
    (`stated_as_point`), and the pieces of a function by cases joined: the later piece becomes the
    whole definition by cases (an unconditioned piece right after a conditioned one is its
    "otherwise")."""
    read: list[Definition] = []
    pieces: dict[str, list[tuple[Definition, str]]] = {}
    for definition in definitions:
        if definition.identification and stated_as_point(text, definition.offset):
            continue
        if not definition.name or definition.shape or definition.code:
            read.append(definition)
            continue
        stated = condition(text, definition)
        earlier = pieces.get(definition.name)
        if earlier and _continues(text, earlier[-1][0], definition) and earlier[-1][1] != OTHERWISE:
            earlier.append((definition, stated or OTHERWISE))
            read.append(_by_cases(earlier))
            continue
        if stated is not None and stated != OTHERWISE:
            pieces[definition.name] = [(definition, stated)]
        else:
            pieces.pop(definition.name, None)
        read.append(definition)
    return tuple(read)


def _continues(text: str, earlier: Definition, later: Definition) -> bool:
    """`later` defines the same head as `earlier`, close after it, with no heading between."""
    if earlier.head.replace(" ", "") != later.head.replace(" ", "") or earlier.function != later.function:
        return False
    gap = text[earlier.end or earlier.offset:later.offset]
    return len(gap) <= _GAP and _HEADING.search(gap) is None


def _by_cases(pieces: list[tuple[Definition, str]]) -> Definition:
    rows = " \\\\ ".join(f"{d.body} & {_OTHERWISE_ROW if c == OTHERWISE else c}" for d, c in pieces)
    last = pieces[-1][0]
    return replace(last, body=f"\\begin{{cases}} {rows} \\end{{cases}}", uses=frozenset().union(*(d.uses for d, _ in pieces)))
