"""`\\mathbb`: the indicator of a condition, and the blackboard-bold operators not evaluated.

| written | read as |
|---|---|
| `\\mathbb{1}[z > 0]`, `\\mathbb 1(x \\ge 0)`, `\\mathbb{1}_{x<0}`, `\\mathbb{I}\\{x > 0\\}` | 1 where the condition holds, 0 elsewhere |
| `\\mathbb{E}[X]`, `\\mathbb{P}(A)` | not evaluated (an expectation, a probability) |
"""

from __future__ import annotations

from .. import tree as t
from ..parser import Parser
from ..tokens import Token
from .environments import condition

_INDICATORS = ("1", "I")
_OPENERS = {"[": "]", "(": ")", "\\{": "\\}", "\\lbrace": "\\rbrace"}


def blackboard(parser: Parser, token: Token) -> t.Node:
    letter = "".join(tok.text for tok in parser.group_tokens())
    if letter in _INDICATORS:
        tokens = _condition_tokens(parser)
        if tokens is not None:
            found = condition(parser, tokens, token)
            if found is not None:
                one, zero = t.Number("1", (token.start, token.end)), t.Number("0", (token.start, token.end))
                return t.Cases((one, zero), (found, None), (token.start, parser.last_end()))
        raise parser.fail("an indicator without its condition (`\\mathbb{1}[x > 0]`)", token=token)
    what = {"E": "an expectation", "P": "a probability", "V": "a variance"}.get(letter, "a blackboard-bold operator")
    raise parser.fail(f"{what} (`\\mathbb{{{letter}}}`) is not evaluated", token=token)


def _condition_tokens(parser: Parser) -> list[Token] | None:
    """The tokens of `[…]`, `(…)`, `\\{…\\}` or `_{…}` after the indicator (the brackets matched)."""
    following = parser.peek()
    if following is None:
        return None
    if following.is_char("_"):
        parser.next()
        return list(parser.group_tokens())
    closer = _OPENERS.get(following.text) if following.kind in ("char", "command") else None
    if closer is None:
        return None
    parser.next()
    depth, found = 0, list[Token]()
    while (current := parser.peek()) is not None:
        parser.next()
        if current.text == following.text:
            depth += 1
        elif current.text == closer:
            if depth == 0:
                return found
            depth -= 1
        found.append(current)
    return None
