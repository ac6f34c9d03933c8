"""Macro definitions in LaTeX: reading `\\newcommand`, `\\def`, `\\DeclareMathOperator`, `\\let`.

Textbooks write derivatives with their own notation (`\\newcommand{\\px}{\\partial x}`), so a
claim can only be read after its macros are expanded.  Each definition is kept with the offset at
which it takes effect, because LaTeX applies a definition only after it (and `\\renewcommand`
changes a macro from that point on).  The files a document inputs are read by
`_latex_collect`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ._tex_text import argument, control_sequence, group_end, optional_argument, skip_spaces, strip_comments

NEWCOMMAND_LIKE = frozenset({"newcommand", "renewcommand", "providecommand", "DeclareRobustCommand"})
DEF_LIKE = frozenset({"def", "gdef", "edef", "xdef"})
DEFINING = NEWCOMMAND_LIKE | DEF_LIKE | {"DeclareMathOperator", "let"}
"""Commands whose text is a definition, never math, even when the body holds `$`."""


@dataclass(frozen=True, slots=True)
class Macro:
    """One user macro: `\\name` with `arity` arguments is replaced by `body` (`#1`..`#9` inside)."""

    name: str
    arity: int
    body: str
    default: str | None = None
    """Value of the optional first argument when a call leaves it out (`[2][x]`), else None."""


@dataclass(frozen=True, slots=True)
class Definition:
    """A definition command read from the source, and where its text ends."""

    macro: Macro | None
    """None when the command was read but defines nothing mathdoc can expand (`\\def\\a#1.{}`)."""
    end: int
    only_if_new: bool = False
    """`\\providecommand` defines a macro only when it does not exist yet."""


@dataclass(frozen=True, slots=True)
class MacroTable:
    """Every definition by name, in order of the offset at which it takes effect."""

    entries: dict[str, tuple[tuple[int, Macro], ...]] = field(default_factory=dict)

    def lookup(self, name: str, position: int) -> Macro | None:
        """The definition of `\\name` in force at `position` of the document."""
        found = self.entries.get(name)
        if not found:
            return None
        index = bisect.bisect_right(found, position, key=_offset) - 1  # no list built: a name may have thousands
        return found[index][1] if index >= 0 else None

    def latest(self) -> dict[str, Macro]:
        return {name: found[-1][1] for name, found in self.entries.items() if found}


def _offset(entry: tuple[int, Macro]) -> int:
    return entry[0]


def read_definition(text: str, i: int, command: str) -> Definition | None:
    """The definition made by `\\command` whose name ends at `i`; None when it is not one."""
    if command in NEWCOMMAND_LIKE:
        return _read_newcommand(text, i, command == "providecommand")
    if command == "DeclareMathOperator":
        return _read_math_operator(text, i)
    if command in DEF_LIKE:
        return _read_def(text, i)
    if command == "let":
        return _read_let(text, i)
    return None


def _macro_name(text: str, i: int) -> tuple[str, int] | None:
    """`\\name` or `{\\name}` after a defining command."""
    found = argument(text, i)
    if found is None:
        return None
    inner_start, inner_end, end = found
    inner = text[inner_start:inner_end].strip()
    if not inner.startswith("\\"):
        return None
    name, after = control_sequence(inner, 0)
    return (name, end) if name and after == len(inner) else None


def _star(text: str, i: int) -> tuple[bool, int]:
    return (True, i + 1) if text.startswith("*", i) else (False, i)


def _read_newcommand(text: str, i: int, only_if_new: bool) -> Definition | None:
    _, i = _star(text, i)
    named = _macro_name(text, i)
    if named is None:
        return None
    name, i = named
    arity, default = 0, None
    count = optional_argument(text, i)
    if count is not None:
        digits = text[count[0] : count[1]].strip()
        if not digits.isdigit() or not 0 <= int(digits) <= 9:
            return Definition(None, count[2])
        arity, i = int(digits), count[2]
        given = optional_argument(text, i)
        if given is not None:
            default, i = text[given[0] : given[1]], given[2]
    body = _body(text, i)
    if body is None:
        return None
    content, end = body
    return Definition(Macro(name, arity, content, default), end, only_if_new)


def _body(text: str, i: int) -> tuple[str, int] | None:
    j = skip_spaces(text, i)
    if j >= len(text) or text[j] != "{":
        return None
    end = group_end(text, j)
    if end is None:
        return None
    return strip_comments(text[j + 1 : end - 1]), end


def _read_math_operator(text: str, i: int) -> Definition | None:
    starred, i = _star(text, i)
    named = _macro_name(text, i)
    if named is None:
        return None
    name, i = named
    body = _body(text, i)
    if body is None:
        return None
    content, end = body
    operator = "\\operatorname*" if starred else "\\operatorname"
    return Definition(Macro(name, 0, f"{operator}{{{content}}}"), end)


_PARAMETERS = re.compile(r"(?:#[1-9])*")


def _read_def(text: str, i: int) -> Definition | None:
    j = skip_spaces(text, i)
    if not text.startswith("\\", j):
        return None
    name, j = control_sequence(text, j)
    brace = text.find("{", j, j + 40)
    if not name or brace < 0:
        return None
    parameters = text[j:brace]
    body = _body(text, brace)
    if body is None:
        return None
    content, end = body
    expected = "".join(f"#{n}" for n in range(1, len(parameters) // 2 + 1))
    if not _PARAMETERS.fullmatch(parameters) or parameters != expected:
        return Definition(None, end)  # delimited parameters: beyond what mathdoc expands
    return Definition(Macro(name, len(parameters) // 2, content), end)


def _read_let(text: str, i: int) -> Definition | None:
    j = skip_spaces(text, i)
    if not text.startswith("\\", j):
        return None
    name, j = control_sequence(text, j)
    j = skip_spaces(text, j)
    if text.startswith("=", j):
        j = skip_spaces(text, j + 1)
    if not name or j >= len(text):
        return None
    if text[j] == "\\":
        _, end = control_sequence(text, j)
    else:
        end = j + 1
    return Definition(Macro(name, 0, text[j:end]), end)
