"""TeX math tokens with their offsets: the first stage of the notation front end.

A small lexer rather than a general TeX engine: math text in notes is already macro-expanded by
the fragment readers, so what is left is control words (`\\frac`), control symbols (`\\,`,
`\\|`, `\\\\`), letters, numbers and single characters.  Every token keeps the offset of its
first character in the text it came from, so that every node of the tree keeps its span.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

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
            j = i + 1
            while j < n and text[j].isascii() and text[j].isalpha():
                j += 1
            if j == i + 1:
                j = min(i + 2, n)
            tokens.append(Token("command", text[i:j], base + i, base + j))
            i = j
        elif ch == "%":
            j = text.find("\n", i)
            i = n if j < 0 else j  # a TeX comment
        elif ch.isspace():
            j = i
            while j < n and text[j].isspace():
                j += 1
            tokens.append(Token("space", text[i:j], base + i, base + j))
            i = j
        elif ch.isdigit() or (ch == "." and i + 1 < n and text[i + 1].isdigit()):
            j = i
            while j < n and text[j].isdigit():
                j += 1
            if j < n - 1 and text[j] == "." and text[j + 1].isdigit():
                j += 1
                while j < n and text[j].isdigit():
                    j += 1
            tokens.append(Token("number", text[i:j], base + i, base + j))
            i = j
        elif ch.isascii() and ch.isalpha():
            tokens.append(Token("letter", ch, base + i, base + i + 1))
            i += 1
        elif ch in _COMBINING and tokens and tokens[-1].kind == "letter" and tokens[-1].end == base + i:
            # `ẋ`, `x̄`: a letter with a combining accent is `\dot{x}`, `\bar{x}`
            letter = tokens.pop()
            tokens.extend(_accented(_COMBINING[ch], letter, base + i + 1))
            i += 1
        elif not ch.isascii() and len(unicodedata.normalize("NFD", ch)) == 2 and unicodedata.normalize("NFD", ch)[1] in _COMBINING and unicodedata.normalize("NFD", ch)[0].isascii():
            decomposed = unicodedata.normalize("NFD", ch)  # a precomposed `ẋ`
            tokens.extend(_accented(_COMBINING[decomposed[1]], Token("letter", decomposed[0], base + i, base + i + 1), base + i + 1))
            i += 1
        elif not ch.isascii() and unicodedata.normalize("NFKC", ch).isascii() and unicodedata.normalize("NFKC", ch).isalpha() and len(unicodedata.normalize("NFKC", ch)) == 1:
            tokens.append(Token("letter", unicodedata.normalize("NFKC", ch), base + i, base + i + 1))  # math italic 𝑔
            i += 1
        elif ch in _FULL_WIDTH:
            tokens.append(Token("char", _FULL_WIDTH[ch], base + i, base + i + 1))
            i += 1
        elif ch in _UNICODE:
            replacement = _UNICODE[ch]
            kind = "command" if replacement.startswith("\\") else "char"
            if replacement == "^T":
                tokens.append(Token("char", "^", base + i, base + i + 1))
                tokens.append(Token("letter", "T", base + i, base + i + 1))
            else:
                tokens.append(Token(kind, replacement, base + i, base + i + 1))
            i += 1
        else:
            tokens.append(Token("char", ch, base + i, base + i + 1))
            i += 1
    return tuple(tokens)
