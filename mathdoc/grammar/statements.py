"""A whole formula cut into relation chains of parsed members.

| written | read as |
|---|---|
| `\\begin{align*} … \\end{align*}` (equation, gather, multline, aligned, split, …) | the rows inside |
| rows at `\\\\` (`\\\\[2pt]` spacing skipped); a row starting with `=` | continues the previous row's chain |
| a row starting with `+`, `-` or `\\cdot` | continues the previous member |
| `&` | alignment only |
| `\\quad`, `\\qquad`, `,`, `;`, `\\text{…}`, `\\Rightarrow`, `\\implies`, `\\iff` at the top level | separate statements |
| `\\textrm{prod}(a, b)` (words right before a parenthesis) | an operator's name inside the member |
| `\\text{where}`, `\\text{let}`, `\\text{with}`, `令`, `设`, `其中` | the statement after is a definition |
| `=` | a link of a chain; any other relation (`\\approx`, `<`, `\\to`, `\\in`) ends the chain |
| `:=`, `\\coloneqq`, `\\triangleq`, `\\equiv`, `\\stackrel{def}{=}`, `\\overset{…}{=}` | a definition |
| `\\label{…}`, `\\tag{…}`, `\\nonumber` | dropped |
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import tree as t
from .parser import RELATIONS, parse_tokens
from .tokens import Token, is_length, tokenize

_WRAPPERS = frozenset(
    "equation equation* align align* alignat alignat* gather gather* multline multline* eqnarray eqnarray* "
    "flalign flalign* aligned alignedat gathered split math displaymath dmath dmath*".split()
)
_SEPARATORS = frozenset(("\\quad", "\\qquad", "\\Rightarrow", "\\implies", "\\iff", "\\Leftrightarrow", "\\Longrightarrow", "\\therefore", "\\because", "\\hspace", "\\text", "\\textrm", "\\mbox", "\\textnormal", "\\textit", "\\textbf", "\\intertext"))
_DEFINING = frozenset(("\\coloneqq", "\\triangleq", "\\equiv", "\\eqqcolon"))
_DEFINITION_WORDS = re.compile(r"^\s*(?:,|;|\.)?\s*(let|where|with|for|given|set|define|defining|we have|here|令|设|其中|这里)\b", re.IGNORECASE)
MAX_TOKENS = 3000
"""A member longer than this is not a formula a person checks by hand; it is not parsed."""
_DROPPED = frozenset(("\\label", "\\tag", "\\eqref", "\\ref", "\\nonumber", "\\notag", "\\tag*"))


@dataclass(frozen=True, slots=True)
class Member:
    node: t.Node
    start: int
    end: int
    """Offsets in the formula's text; `start == end` for an empty member (a lone `= I`)."""
    mentions_derivative: bool = False
    """Its tokens hold derivative notation (`\\partial`, `\\nabla`, `\\frac{d…}`, a prime), read or not."""


@dataclass(frozen=True, slots=True)
class Chain:
    members: tuple[Member, ...]
    defining: bool
    """Written as a definition (`:=`, `\\text{where}` before it)."""


def statements(text: str) -> tuple[Chain, ...]:
    tokens = _drop_labels(list(tokenize(text)))
    tokens = _unwrap(tokens)
    chains: list[Chain] = []
    for row in _rows(tokens):
        for statement, defining in _statements(row):
            chains.extend(_chains(statement, defining))
    return tuple(chains)


def _depth_step(token: Token) -> int:
    if token.kind == "char" and token.text in "{([":
        return 1
    if token.kind == "char" and token.text in "})]":
        return -1
    if token.kind == "command" and token.text in ("\\left", "\\begin", "\\{", "\\lbrace", "\\langle"):
        return 1
    if token.kind == "command" and token.text in ("\\right", "\\end", "\\}", "\\rbrace", "\\rangle"):
        return -1
    return 0


def _drop_labels(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.kind == "command" and token.text in _DROPPED:
            i += 1
            while i < len(tokens) and tokens[i].kind == "space":
                i += 1
            if i < len(tokens) and tokens[i].is_char("{") and token.text not in ("\\nonumber", "\\notag"):
                i = _group_end(tokens, i)
            continue
        out.append(token)
        i += 1
    return out


def _group_end(tokens: list[Token], i: int) -> int:
    """Index after the `}` matching the `{` at `i`."""
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j].is_char("{"):
            depth += 1
        elif tokens[j].is_char("}"):
            depth -= 1
            if depth == 0:
                return j + 1
    return len(tokens)


def _environment_name(tokens: list[Token], i: int) -> tuple[str, int]:
    """The name of `\\begin{name}` / `\\end{name}` at `i`, and the index after it."""
    j = i + 1
    while j < len(tokens) and tokens[j].kind == "space":
        j += 1
    if j >= len(tokens) or not tokens[j].is_char("{"):
        return "", i + 1
    end = _group_end(tokens, j)
    return "".join(tok.text for tok in tokens[j + 1 : end - 1]), end


def _unwrap(tokens: list[Token]) -> list[Token]:
    """Blank the wrappers of align-like environments (wherever they are at the top level)."""
    out: list[Token] = []
    i = 0
    depth = 0
    while i < len(tokens):
        token = tokens[i]
        if token.kind == "command" and token.text in ("\\begin", "\\end") and depth == 0:
            name, after = _environment_name(tokens, i)
            if name in _WRAPPERS:
                if token.text == "\\begin" and name.startswith("alignat"):
                    after = _group_end(tokens, after) if after < len(tokens) and tokens[after].is_char("{") else after
                out.append(Token("command", "\\\\", token.start, token.start))  # a wrapper ends a row
                i = after
                continue
        depth += _depth_step(token)
        out.append(token)
        i += 1
    return out


def _rows(tokens: list[Token]) -> list[list[Token]]:
    rows: list[list[Token]] = [[]]
    depth = 0
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if depth == 0 and token.is_command("\\\\", "\\cr", "\\newline"):
            rows.append([])
            i += 1
            i = _skip_spacing(tokens, i)
            continue
        if depth == 0 and token.is_char("&"):
            i += 1
            continue
        depth = max(0, depth + _depth_step(token))
        rows[-1].append(token)
        i += 1
    joined: list[list[Token]] = []
    for row in rows:
        meaningful = [tok for tok in row if tok.kind != "space"]
        if not meaningful:
            continue
        continues = joined and (
            meaningful[0].is_char("=", "+", "-") or meaningful[0].is_command("\\cdot", "\\times") or _ends_with_relation(joined[-1])
        )  # `&= …` continues the chain; `&+ …` continues the previous member
        if continues:
            joined[-1].extend(row)
        else:
            joined.append(list(row))
    return joined


def _skip_spacing(tokens: list[Token], i: int) -> int:
    j = i
    while j < len(tokens) and tokens[j].kind == "space":
        j += 1
    if j < len(tokens) and tokens[j].is_char("["):
        for k in range(j, min(j + 12, len(tokens))):
            if tokens[k].is_char("]"):
                return k + 1 if is_length("".join(tok.text for tok in tokens[j + 1 : k])) else i
    return i



def _ends_with_relation(row: list[Token]) -> bool:
    meaningful = [tok for tok in row if tok.kind != "space"]
    return bool(meaningful) and meaningful[-1].is_char("=")


def _statements(row: list[Token]) -> list[tuple[list[Token], bool]]:
    pieces: list[tuple[list[Token], bool]] = [([], False)]
    depth = 0
    i = 0
    while i < len(row):
        token = row[i]
        if depth == 0 and (token.is_char(",", ";") or (token.kind == "command" and token.text in _SEPARATORS)):
            defining = False
            if token.kind == "command" and token.text in ("\\text", "\\textrm", "\\mbox", "\\textnormal", "\\textit", "\\textbf", "\\intertext", "\\hspace"):
                j = i + 1
                while j < len(row) and row[j].kind == "space":
                    j += 1
                end = _group_end(row, j) if j < len(row) and row[j].is_char("{") else j
                after = _skip_spaces(row, end)
                if after < len(row) and (row[after].is_char("(") or row[after].is_command("\\left")):
                    pieces[-1][0].extend(row[i:end])  # `\textrm{prod}(a, b)`: an operator's name, not words
                    i = end
                    continue
                words = "".join(tok.text for tok in row[j + 1 : end - 1])
                defining = bool(_DEFINITION_WORDS.match(words))
                i = end
            else:
                i += 1
            pieces.append(([], defining))
            continue
        depth = max(0, depth + _depth_step(token))
        pieces[-1][0].append(token)
        i += 1
    return [(tokens, defining) for tokens, defining in pieces if any(tok.kind != "space" for tok in tokens)]


def _relation_at(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """(relation, index after it) when a relation starts at `i`."""
    token = tokens[i]
    if token.is_char(":") and i + 1 < len(tokens) and tokens[i + 1].is_char("="):
        return ":=", i + 2
    if token.is_char("<", ">") and i + 1 < len(tokens) and tokens[i + 1].is_char("="):
        return "<=", i + 2
    if token.kind == "command" and token.text in ("\\stackrel", "\\overset"):
        j = _group_end(tokens, _skip_spaces(tokens, i + 1))
        j = _skip_spaces(tokens, j)
        k = _group_end(tokens, j) if j < len(tokens) and tokens[j].is_char("{") else j + 1
        inner = "".join(tok.text for tok in tokens[j:k]).strip("{} ")
        return (":=" if inner == "=" else "other"), k
    if (token.kind == "char" and token.text in "=<>") or (token.kind == "command" and token.text in RELATIONS):
        return token.text, i + 1
    return None


def _skip_spaces(tokens: list[Token], i: int) -> int:
    while i < len(tokens) and tokens[i].kind == "space":
        i += 1
    return i


def _chains(tokens: list[Token], defining: bool) -> list[Chain]:
    chains: list[Chain] = []
    members: list[list[Token]] = [[]]
    depth = 0
    i = 0
    while i < len(tokens):
        found = _relation_at(tokens, i) if depth == 0 else None
        if found is None:
            depth = max(0, depth + _depth_step(tokens[i]))
            members[-1].append(tokens[i])
            i += 1
            continue
        relation, i = found
        if relation == "=":
            members.append([])
            continue
        if relation == ":=" or relation in _DEFINING:
            defining = True  # `f(x) := x^2`: a link of a definition
            members.append([])
            continue
        if len(members) >= 2:
            chains.append(_chain(members, defining))
        defining = False
        members = [[]]
    if len(members) >= 2:
        chains.append(_chain(members, defining))
    return chains


def _chain(members: list[list[Token]], defining: bool) -> Chain:
    parsed = []
    for tokens in members:
        meaningful = [tok for tok in tokens if tok.kind != "space"]
        if not meaningful:
            position = tokens[0].start if tokens else 0
            parsed.append(Member(t.Unsupported("an empty member", (position, position)), position, position))
            continue
        meaningful = _without_label(_strip_punctuation(meaningful))
        if len(meaningful) > MAX_TOKENS:
            node: t.Node = t.Unsupported(f"a member of more than {MAX_TOKENS} tokens is not read", (meaningful[0].start, meaningful[-1].end))
        else:
            node = parse_tokens(meaningful) if meaningful else t.Unsupported("an empty member", (0, 0))
        start, end = (meaningful[0].start, meaningful[-1].end) if meaningful else (0, 0)
        parsed.append(Member(node, start, end, _mentions_derivative(meaningful)))
    return Chain(tuple(parsed), defining)


_LABELS = frozenset(("\\otimes", "\\oslash", "\\odot", "\\circ", "\\times", "\\div", "+", "-", "/"))
_MARKERS = frozenset(("\\partial", "\\nabla", "\\prime"))


def _without_label(tokens: list[Token]) -> list[Token]:
    """Drop a table label such as the `-` of `- \\frac{\\partial (\\mathbf{w} - \\mathbf{x})}{...}`.

    Tables of elementwise rules put the operator in front of its derivative.  It is a label, not a
    sign, exactly when the same operator stands inside the derivative's numerator.
    """
    if len(tokens) < 3 or tokens[0].text not in _LABELS or not tokens[1].is_command("\\frac", "\\dfrac", "\\tfrac"):
        return tokens
    if not tokens[2].is_char("{") or len(tokens) < 4 or not (tokens[3].is_command("\\partial") or tokens[3].text == "d"):
        return tokens  # only a derivative's fraction carries a label
    end = _group_end(tokens, 2)
    if any(tok.text == tokens[0].text for tok in tokens[3 : end - 1]):
        return tokens[1:]
    return tokens


def _mentions_derivative(tokens: list[Token]) -> bool:
    for k, token in enumerate(tokens):
        if token.kind == "command" and token.text in _MARKERS:
            return True
        if token.is_char("'") and k > 0 and (tokens[k - 1].kind == "letter" or tokens[k - 1].is_char(")", "}", "^")):
            return True
        if token.kind == "command" and token.text in ("\\frac", "\\dfrac", "\\tfrac") and k + 2 < len(tokens) and tokens[k + 1].is_char("{"):
            following = tokens[k + 2]
            if following.text == "d" or (following.kind == "command" and following.text in ("\\mathrm", "\\operatorname", "\\textrm", "\\rm", "\\mathit")):
                return True
    return False


def _strip_punctuation(tokens: list[Token]) -> list[Token]:
    """A full stop or comma closing the sentence around a display formula is not math, nor are
    units after a space (`40\\ \\mathrm{cm^2/s}`, `2t\\,\\mathrm{m/s}`)."""
    while tokens and (tokens[-1].is_char(".", ",", ";", ":") or tokens[-1].kind == "command" and tokens[-1].text in ("\\,", "\\;", "\\quad", "\\qquad", "\\!")):
        tokens = tokens[:-1]
    units = _units_at_end(tokens)
    return tokens[:units] if units else tokens


def _units_at_end(tokens: list[Token]) -> int:
    """Where units written `\\ \\mathrm{…}` (or `\\,`, `~`) close a member; 0 when none do."""
    if len(tokens) < 5 or not tokens[-1].is_char("}"):
        return 0
    depth = 0
    for k in range(len(tokens) - 1, -1, -1):
        depth += 1 if tokens[k].is_char("}") else -1 if tokens[k].is_char("{") else 0
        if depth == 0:
            break
    else:
        return 0
    font = k - 1
    if font < 2 or not tokens[font].is_command("\\mathrm", "\\text", "\\textrm", "\\rm"):
        return 0
    space = font - 1
    if not (tokens[space].is_command("\\ ", "\\,", "\\;") or tokens[space].is_char("~")):
        return 0
    if "".join(tok.text for tok in tokens[font + 2 : -1]) in ("e", "d", "i", "T", "dx", "dt"):
        return 0  # `2\\,\\mathrm{e}`, `\\,\\mathrm{d}`: Euler's number, a differential, not units
    return space if any(tok.kind in ("number", "letter") for tok in tokens[:space]) else 0
