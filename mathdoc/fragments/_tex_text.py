"""Reading TeX source by hand: control sequences, brace groups, arguments, comments.

The LaTeX reader has no TeX engine and needs no full tokenizer: it reads just far enough to find
math, macro definitions and macro arguments.  Every function takes the text and an index and
returns indexes, so that callers keep exact offsets into the file.
"""

from __future__ import annotations

import string

LETTERS = frozenset(string.ascii_letters)
"""TeX's letters (catcode 11) in a document: a control word is a backslash and a run of these."""

SPACES = " \t\n"


def control_sequence(text: str, i: int) -> tuple[str, int]:
    """Name (without the backslash) and end of the control sequence whose backslash is at `i`.

    A control word is a run of letters; anything else after the backslash is a one-character
    control symbol (`\\[`, `\\%`, `\\\\`).  A backslash at the very end has the empty name.
    """
    j = i + 1
    if j >= len(text):
        return "", j
    if text[j] not in LETTERS:
        return text[j], j + 1
    k = j
    while k < len(text) and text[k] in LETTERS:
        k += 1
    return text[j:k], k


def line_end(text: str, i: int) -> int:
    """Index of the newline that ends the line holding `i` (or the end of the text)."""
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] in SPACES:
        i += 1
    return i


def group_end(text: str, i: int, open_char: str = "{", close_char: str = "}") -> int | None:
    """Index just after the group opened at `i`, or None when it is never closed.

    Escaped braces and comments do not count.  For a bracket group (`[...]`) only brackets at
    brace depth zero count, as in LaTeX's optional arguments (`[{a]b}]`).
    """
    depth = 0
    braces = 0
    j = i
    while j < len(text):
        ch = text[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "%":
            j = line_end(text, j) + 1
            continue
        if open_char != "{":
            braces += (ch == "{") - (ch == "}")
        if braces == 0 and ch == open_char:
            depth += 1
        elif braces == 0 and ch == close_char:
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return None


def argument(text: str, i: int) -> tuple[int, int, int] | None:
    """The undelimited argument that begins at or after `i`: (inner start, inner end, end).

    A brace group gives its inside; otherwise one token (a control sequence or a character) is
    the argument, as in TeX.  None when the text ends or the group is never closed.
    """
    j = skip_spaces(text, i)
    if j >= len(text) or text[j] == "}":
        return None
    if text[j] == "{":
        end = group_end(text, j)
        return None if end is None else (j + 1, end - 1, end)
    if text[j] == "\\":
        _, end = control_sequence(text, j)
        return j, end, end
    return j, j + 1, j + 1


def optional_argument(text: str, i: int) -> tuple[int, int, int] | None:
    """A `[...]` argument at or after `i` (spaces allowed before it): (inner start, inner end, end)."""
    j = skip_spaces(text, i)
    if j >= len(text) or text[j] != "[":
        return None
    end = group_end(text, j, "[", "]")
    return None if end is None else (j + 1, end - 1, end)


def environment_name(text: str, i: int) -> tuple[str, int] | None:
    """`{name}` right after `\\begin` / `\\end` (which end at `i`): the name and the end."""
    found = argument(text, i)
    if found is None or text[skip_spaces(text, i)] != "{":
        return None
    inner_start, inner_end, end = found
    return text[inner_start:inner_end].strip(), end


def is_escaped(text: str, i: int) -> bool:
    """Whether the character at `i` follows an odd run of backslashes (`\\%` but not `\\\\%`)."""
    count = 0
    j = i - 1
    while j >= 0 and text[j] == "\\":
        count += 1
        j -= 1
    return count % 2 == 1


def strip_comments(text: str) -> str:
    """Text with `%` comments removed the way TeX reads them: the newline and the next line's
    leading spaces go too, so a definition written over several lines reads as one."""
    pieces: list[str] = []
    i = 0
    while True:
        at = text.find("%", i)
        while at >= 0 and is_escaped(text, at):
            at = text.find("%", at + 1)
        if at < 0:
            pieces.append(text[i:])
            return "".join(pieces)
        pieces.append(text[i:at])
        i = line_end(text, at) + 1
        while i < len(text) and text[i] in " \t":
            i += 1
