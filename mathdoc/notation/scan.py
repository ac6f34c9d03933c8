"""Small, dependency-free LaTeX scanning helpers: groups, nesting depth, top-level splits.

Everything here works on plain strings and offsets so that callers can keep positions.
"""

from __future__ import annotations

import re

OPEN = {"{": "}", "(": ")", "[": "]"}
CLOSE = {v: k for k, v in OPEN.items()}
_COMMAND = re.compile(r"\\([A-Za-z]+|.)")


def command_at(text: str, i: int) -> str | None:
    """The control sequence starting at `i` (`\\frac`, `\\{`), or None."""
    if i < len(text) and text[i] == "\\":
        match = _COMMAND.match(text, i)
        if match:
            return match.group(0)
    return None


def skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\n":
        i += 1
    return i


def group_end(text: str, i: int) -> int:
    """Index just after the bracket group that opens at `i`; -1 when it never closes."""
    opener = text[i]
    closer = OPEN[opener]
    depth = 0
    j = i
    while j < len(text):
        ch = text[j]
        if ch == "\\":
            j += 2
            continue
        if ch == opener:
            depth += 1
        elif ch == closer:
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return -1


def read_argument(text: str, i: int) -> tuple[str, int] | None:
    """A macro argument at `i`: a `{...}` group or a single token.  Returns (content, end)."""
    i = skip_spaces(text, i)
    if i >= len(text):
        return None
    if text[i] == "{":
        end = group_end(text, i)
        if end < 0:
            return None
        return text[i + 1 : end - 1], end
    command = command_at(text, i)
    if command:
        return command, i + len(command)
    if text[i] in "}])":
        return None
    return text[i], i + 1


def depth_map(text: str) -> list[int]:
    """Nesting depth of every character: braces, brackets, parentheses and environments.

    `\\left(`/`\\right)` count as brackets; `\\{` does not.  Unbalanced input never raises:
    depths simply do not return to zero.
    """
    depths = [0] * len(text)
    depth = 0
    i = 0
    while i < len(text):
        if text.startswith("\\begin{", i):
            end = text.find("}", i)
            end = len(text) if end < 0 else end + 1
            for k in range(i, end):
                depths[k] = depth
            depth += 1
            i = end
            continue
        if text.startswith("\\end{", i):
            depth = max(depth - 1, 0)
            end = text.find("}", i)
            end = len(text) if end < 0 else end + 1
            for k in range(i, end):
                depths[k] = depth
            i = end
            continue
        ch = text[i]
        if ch == "\\":
            command = command_at(text, i) or "\\"
            for k in range(i, min(i + len(command), len(text))):
                depths[k] = depth
            i += len(command)
            continue
        if ch in OPEN:
            depths[i] = depth
            depth += 1
        elif ch in CLOSE:
            depth = max(depth - 1, 0)
            depths[i] = depth
        else:
            depths[i] = depth
        i += 1
    return depths


def split_top(text: str, separators: tuple[str, ...]) -> list[tuple[str, int]]:
    """Split at separators that stand at depth 0; returns (piece, start offset) pairs."""
    depths = depth_map(text)
    pieces: list[tuple[str, int]] = []
    start = 0
    i = 0
    while i < len(text):
        if depths[i] == 0 and (i == 0 or text[i - 1] != "\\"):
            hit = next((s for s in separators if text.startswith(s, i)), None)
            if hit is not None:
                pieces.append((text[start:i], start))
                i += len(hit)
                start = i
                continue
        i += 1
    pieces.append((text[start:], start))
    return pieces


def balanced(text: str) -> bool:
    """True when braces and environments in `text` are balanced."""
    depth = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
        i += 1
    if depth != 0:
        return False
    plain = text.replace("\\left(", "").replace("\\right)", "").replace("\\(", "").replace("\\)", "")
    if plain.count("(") != plain.count(")"):
        return False
    return text.count("\\begin{") == text.count("\\end{")
