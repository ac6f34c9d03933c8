"""TeX math tokens with their offsets: the first stage of the notation front end.

A small lexer rather than a general TeX engine: math text in notes is already macro-expanded by
the fragment readers, so what is left is control words (`\\frac`), control symbols (`\\,`,
`\\|`, `\\\\`), letters, numbers and single characters.  Every token keeps the offset of its
first character in the text it came from, so that every node of the tree keeps its span.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable

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


def _accented(command: str, letter: Token, end: int) -> list[Token]:
    start = letter.start
    return [
        Token("command", command, start, start),
        Token("char", "{", start, start),
        Token("letter", letter.text, start, letter.end),
        Token("char", "}", end, end),
    ]


def tokenize(text: str, base: int = 0) -> tuple[Token, ...]:
    """Tokens of `text`; offsets are `base` + the index in `text`."""
    tokens: list[Token] = []
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
