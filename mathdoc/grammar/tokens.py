"""TeX math tokens with their offsets: the first stage of the notation front end.

A small lexer rather than a general TeX engine: math text in notes is already macro-expanded by
the fragment readers, so what is left is control words (`\\frac`), control symbols (`\\,`,
`\\|`, `\\\\`), letters, numbers and single characters.  Every token keeps the offset of its
first character in the text it came from, so that every node of the tree keeps its span.
"""

from __future__ import annotations

import re
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

_FULL_WIDTH = {"（": "(", "）": ")", "，": ",", "［": "[", "］": "]", "＋": "+", "－": "-", "＝": "=", "：": ":", "；": ";", "。": ".", "、": ","}
_UNICODE = {"−": "-", "×": "\\times", "·": "\\cdot", "⋅": "\\cdot", "∂": "\\partial", "∇": "\\nabla", "′": "'", "≈": "\\approx", "≤": "\\le", "≥": "\\ge", "≠": "\\neq", "⊙": "\\odot", "⊗": "\\otimes", "∘": "\\circ", "ᵀ": "^T"}


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    """"command" (`\\frac`, `\\,`), "letter", "number", "char" (any other single character),
    "space"."""
    text: str
    start: int
    end: int

    def is_command(self, *names: str) -> bool:
        return self.kind == "command" and self.text in names

    def is_char(self, *chars: str) -> bool:
        return self.kind == "char" and self.text in chars


_COMBINING = {"\u0307": "\\dot", "\u0308": "\\ddot", "\u0304": "\\bar", "\u0305": "\\bar", "\u0302": "\\hat", "\u0303": "\\tilde"}


def with_depth(tokens: Iterable[Token]) -> Iterator[tuple[int, Token]]:
    """Each token with the bracket depth after it: the `(`, `[`, `{` still open once it is read
    (a separator at depth 0 is outside every bracket; an opening bracket counts itself)."""
    depth = 0
    for token in tokens:
        if token.is_char("(", "[", "{"):
            depth += 1
        elif token.is_char(")", "]", "}"):
            depth -= 1
        yield depth, token


def _accented(command: str, letter: Token, end: int) -> list[Token]:
    start = letter.start
    return [
        Token("command", command, start, start),
        Token("char", "{", start, start),
        Token("letter", letter.text, start, letter.end),
        Token("char", "}", end, end),
    ]


SPELLED_NAMES: ContextVar[tuple[str, ...]] = ContextVar("SPELLED_NAMES", default=())
"""Names of several letters or digits the math being read writes as one name (`loss`, `z2`; see
`spelled_names`), longest first: each is one letter token.  Set with `spelling`, for a document
while its claims are recognised and for a step while it is checked; empty by default."""

_DIFFERENTIATED_RUN = re.compile(r"\\partial\s*\{?\s*([A-Za-z]+[0-9]*)(?![A-Za-z0-9])")
_NOT_NAMES = frozenset("sin cos tan cot sec csc exp log sinh cosh tanh arcsin arccos arctan max min det".split())


def spelled_names(texts: Iterable[str]) -> tuple[str, ...]:
    """Names written with several letters, or letters then digits, that the math differentiates
    by or differentiates (`\\frac{\\partial loss}{\\partial z2}`, `\\partial W2`): there they
    can only be one name, and the rest of the math means the same name by them (`z2 - y`, not
    z times 2). Two letters without digits (`\\partial xy`) are left as letters."""
    runs = {m.group(1) for text in texts for m in _DIFFERENTIATED_RUN.finditer(text)}
    kept = {r for r in runs if (len(r) > 2 or not r.isalpha()) and r.lower() not in _NOT_NAMES}
    return tuple(sorted(kept, key=lambda r: (-len(r), r)))


FUNCTION_NAMES: ContextVar[frozenset[str]] = ContextVar("FUNCTION_NAMES", default=frozenset())
"""Letters the document defines as functions (`p(x) = x^3`; see `function_names`): `\\log p(x)` then
takes p(x) as its argument, as it does for the letters that usually name functions (f, g, h)."""

_DEFINED_FUNCTION = re.compile(r"(?<![A-Za-z\\])([A-Za-z])\s*\(\s*[A-Za-z](?:\s*,\s*[A-Za-z])*\s*\)\s*(?:=|:=|\\coloneqq)")


def function_names(texts: Iterable[str]) -> frozenset[str]:
    """The single letters some formula defines as a function of plain letters (`p(x) = x^3`,
    `q(a, b) := …`)."""
    return frozenset(m.group(1) for text in texts for m in _DEFINED_FUNCTION.finditer(text))


@contextmanager
def spelling(names: tuple[str, ...], functions: frozenset[str] = frozenset()) -> Iterator[None]:
    """Read math with `names` as one name each (see `SPELLED_NAMES`) and `functions` as names of
    functions (see `FUNCTION_NAMES`)."""
    token = SPELLED_NAMES.set(names)
    defined = FUNCTION_NAMES.set(functions)
    try:
        yield
    finally:
        FUNCTION_NAMES.reset(defined)
        SPELLED_NAMES.reset(token)


def _spelled(text: str, i: int, names: tuple[str, ...]) -> str | None:
    """The spelled name that starts a word at `i`, if any."""
    if i > 0 and (text[i - 1].isalpha() or text[i - 1] == "\\"):
        return None
    for name in names:
        end = i + len(name)
        if text.startswith(name, i) and (end == len(text) or not (text[end].isascii() and text[end].isalnum())):
            return name
    return None


def tokenize(text: str, base: int = 0) -> tuple[Token, ...]:
    """Tokens of `text`; offsets are `base` + the index in `text`."""
    tokens: list[Token] = []
    names = SPELLED_NAMES.get()
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\":
            j = _run(text, i + 1, lambda c: c.isascii() and c.isalpha())
            j = j if j > i + 1 else min(i + 2, n)
            tokens.append(Token("command", text[i:j], base + i, base + j))
        elif ch == "%":
            j = text.find("\n", i)
            j = n if j < 0 else j  # a TeX comment
        elif ch.isspace():
            j = _run(text, i, str.isspace)
            tokens.append(Token("space", text[i:j], base + i, base + j))
        elif names and ch.isascii() and ch.isalpha() and (name := _spelled(text, i, names)) is not None:
            j = i + len(name)
            tokens.append(Token("letter", name, base + i, base + j))
        elif _digit(ch) or (ch == "." and i + 1 < n and _digit(text[i + 1])):
            j = _number_end(text, i)
            tokens.append(Token("number", text[i:j], base + i, base + j))
        else:
            tokens.extend(_character(ch, tokens, base + i))
            j = i + 1
        i = j
    return tuple(tokens)


def _run(text: str, i: int, accept: Callable[[str], bool]) -> int:
    while i < len(text) and accept(text[i]):
        i += 1
    return i


def _digit(ch: str) -> bool:
    """An ASCII digit: `²` or `٣` are characters, not numbers TeX reads."""
    return "0" <= ch <= "9"


def _number_end(text: str, i: int) -> int:
    j = _run(text, i, _digit)
    if j < len(text) - 1 and text[j] == "." and _digit(text[j + 1]):
        j = _run(text, j + 1, _digit)
    return j


def _character(ch: str, tokens: list[Token], at: int) -> list[Token]:
    """The tokens of one character that is not a command, a space or a digit (popping a letter
    from `tokens` when `ch` is a combining accent on it)."""
    if ch.isascii() and ch.isalpha():
        return [Token("letter", ch, at, at + 1)]
    if ch in _COMBINING and tokens and tokens[-1].kind == "letter" and tokens[-1].end == at:
        return _accented(_COMBINING[ch], tokens.pop(), at + 1)  # `x̄`: a letter with a combining accent
    decomposed = unicodedata.normalize("NFD", ch)
    if not ch.isascii() and len(decomposed) == 2 and decomposed[1] in _COMBINING and decomposed[0].isascii():
        return _accented(_COMBINING[decomposed[1]], Token("letter", decomposed[0], at, at + 1), at + 1)  # `ẋ`
    compatible = unicodedata.normalize("NFKC", ch)
    if not ch.isascii() and len(compatible) == 1 and compatible.isascii() and compatible.isalpha():
        return [Token("letter", compatible, at, at + 1)]  # math italic `𝑔`
    if ch in _FULL_WIDTH:
        return [Token("char", _FULL_WIDTH[ch], at, at + 1)]
    if ch in _UNICODE:
        replacement = _UNICODE[ch]
        if replacement == "^T":
            return [Token("char", "^", at, at + 1), Token("letter", "T", at, at + 1)]
        return [Token("command" if replacement.startswith("\\") else "char", replacement, at, at + 1)]
    return [Token("char", ch, at, at + 1)]


_LENGTH = re.compile(r"^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*(pt|em|ex|mm|cm|in|bp|pc|dd|cc|sp|mu)\s*$")


def is_length(text: str) -> bool:
    """`2pt`, `0.7em`: the spacing of a row break `\\\\[…]`; `[u\\cdot v]'` after a row break is math."""
    return bool(_LENGTH.match(text))
