"""Environments inside a member: matrices (`bmatrix`, `pmatrix`, `array`, …).

| written | read as |
|---|---|
| `\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}` (also pmatrix, matrix, Bmatrix, smallmatrix, array) | a matrix |
| a row ending in `\\\\[0.7em]`, a trailing `\\\\` before `\\end` | row spacing; no extra row |
| `\\begin{vmatrix} … \\end{vmatrix}` | the determinant of the matrix |
| `\\begin{cases} 0 & x<0 \\\\ x & x\\ge 0 \\end{cases}` (also dcases; a row wrapped in `\\begin{matrix}`) | a value for each condition: `\\text{if}`, `,` before a condition are words; `\\text{otherwise}`, "else", 其他, 否则 are the last case |
"""

from __future__ import annotations

from typing import Callable

from .. import tree as t
from ..parser import Parser
from ..tokens import Token

MATRICES = frozenset(("bmatrix", "pmatrix", "matrix", "Bmatrix", "smallmatrix", "array", "bmatrix*", "pmatrix*", "vmatrix", "Vmatrix"))


CASES = frozenset(("cases", "dcases", "cases*"))
_RELATION = {"<": "<", ">": ">", "\\lt": "<", "\\gt": ">", "\\le": "<=", "\\leq": "<=", "\\leqslant": "<=",
             "\\ge": ">=", "\\geq": ">=", "\\geqslant": ">=", "\\neq": "!=", "\\ne": "!=", "=": "="}
_OTHERWISE = ("otherwise", "else", "elsewhere", "其他", "否则", "其它")
_WORDS = ("if", "for", "when", "若", "当")


def begin(parser: Parser, token: Token) -> t.Node:
    name = "".join(tok.text for tok in parser.group_tokens())
    if name in CASES:
        return _cases(parser, name, token)
    if name not in MATRICES:
        raise parser.fail(f"the environment `{name}` inside a formula is not evaluated", token=token)
    if name == "array" or name.endswith("*"):
        following = parser.peek()
        if following is not None and following.is_char("{", "["):
            parser.group_tokens() if following.is_char("{") else _skip_bracket(parser)
    rows = _rows(parser, name, token)
    span = (token.start, parser.last_end())
    matrix = t.Matrix(tuple(rows), name, span)
    if name == "vmatrix":
        return t.Apply(t.Function("det", span), (matrix,), True, span)
    if name == "Vmatrix":
        return t.Norm(matrix, None, span)
    return matrix


def _rows(parser: Parser, name: str, token: Token) -> list[tuple[t.Node, ...]]:
    rows: list[tuple[t.Node, ...]] = []
    cells: list[t.Node] = []

    def closes(tok: Token) -> bool:
        return tok.is_char("&") or tok.is_command("\\\\", "\\end", "\\cr")

    while True:
        following = parser.peek()
        if following is None:
            raise parser.fail(f"`\\begin{{{name}}}` without `\\end{{{name}}}`", token=token)
        if following.is_command("\\hline"):
            parser.next()
            continue
        if closes(following):
            cells.append(t.Dots((following.start, following.start)))  # an empty cell
        else:
            cells.append(parser.with_closer(closes, lambda: parser.expression(0)))
        separator = parser.next()
        if separator.is_char("&"):
            continue
        rows.append(tuple(cells))
        cells = []
        if separator.is_command("\\\\", "\\cr"):
            following = parser.peek()
            if following is not None and following.is_char("["):
                _skip_bracket(parser)
            continue
        end = "".join(tok.text for tok in parser.group_tokens())
        if end != name:
            raise parser.fail(f"`\\begin{{{name}}}` closed by `\\end{{{end}}}`", token=token)
        break
    while rows and all(isinstance(cell, t.Dots) and cell.span[0] == cell.span[1] for cell in rows[-1]):
        rows.pop()  # a trailing `\\` before `\end`
    if not rows:
        raise parser.fail(f"an empty `{name}`", token=token)
    return rows


def _cases(parser: Parser, name: str, token: Token) -> t.Node:
    values: list[t.Node] = []
    conditions: list[t.Condition | None] = []
    while True:
        row = _row_tokens(parser, name, token)
        if row is None:
            break
        if row and row[0].is_command("\\begin") and row[-1].is_char("}"):
            row = _unwrapped(row)  # `\\begin{matrix} 0 & x<0 \\end{matrix}`: one row of a matrix
        cells = _split(row, lambda tok: tok.is_char("&"))
        if not any(cells):
            continue  # a trailing `\\`
        cells = [_trimmed(cell) for cell in cells]
        if len(cells) != 2 or not cells[0]:
            raise parser.fail(f"a row of `{name}` that is not a value and a condition", token=token)
        values.append(parser.sub_parse(cells[0], "value of a case"))
        conditions.append(condition(parser, cells[1], token))
    if not values:
        raise parser.fail(f"an empty `{name}`", token=token)
    return t.Cases(tuple(values), tuple(conditions), (token.start, parser.last_end()))


def _row_tokens(parser: Parser, name: str, token: Token) -> list[Token] | None:
    """The tokens of the next row, up to its `\\\\` (its spacing skipped); None at `\\end{name}`."""
    row: list[Token] = []
    depth = 0
    while True:
        following = parser.peek()
        if following is None:
            raise parser.fail(f"`\\begin{{{name}}}` without `\\end{{{name}}}`", token=token)
        if depth == 0 and following.is_command("\\end") and not row:
            parser.next()
            end = "".join(tok.text for tok in parser.group_tokens())
            if end != name:
                raise parser.fail(f"`\\begin{{{name}}}` closed by `\\end{{{end}}}`", token=token)
            return None
        if depth == 0 and (following.is_command("\\\\", "\\cr") or (following.is_command("\\end") and _closes(parser, name))):
            if following.is_command("\\\\", "\\cr"):
                parser.next()
                if parser.peek() is not None and parser.peek().is_char("["):  # type: ignore[union-attr]
                    _skip_bracket(parser)
            return row
        parser.next()
        depth += 1 if following.is_char("{") or following.is_command("\\begin") else -1 if following.is_char("}") or following.is_command("\\end") else 0
        row.append(following)


def _trimmed(cell: list[Token]) -> list[Token]:
    """A cell without the punctuation of the sentence it is written as (`x^2, & x > 0.`)."""
    while cell and cell[-1].is_char(",", ".", ";"):
        cell = cell[:-1]
    return cell


def _closes(parser: Parser, name: str) -> bool:
    """The `\\end` at the parser's position closes `name`."""
    text = "".join(tok.text for tok in parser.tokens[parser.pos + 1 : parser.pos + 2 + len(name)])
    return text.startswith("{" + name)


def _unwrapped(row: list[Token]) -> list[Token]:
    close = next((i for i in range(len(row) - 1, -1, -1) if row[i].is_command("\\end")), None)
    open_end = next((i for i, tok in enumerate(row) if tok.is_char("}")), None)
    if close is None or open_end is None or open_end >= close:
        return row
    return row[open_end + 1 : close]


def _split(tokens: list[Token], separator: "Callable[[Token], bool]") -> list[list[Token]]:
    parts: list[list[Token]] = [[]]
    depth = 0
    for tok in tokens:
        if tok.is_char("{"):
            depth += 1
        elif tok.is_char("}"):
            depth -= 1
        if depth == 0 and separator(tok):
            parts.append([])
        else:
            parts[-1].append(tok)
    return parts


def condition(parser: Parser, tokens: list[Token], token: Token) -> t.Condition | None:
    """`x<0`, `\\text{if } x \\ge 0`, `\\text{otherwise}`: the relations of a case, None for
    "otherwise".  Words between relations (`x \\neq 0 \\text{ or } y \\neq 0`) are not read."""
    texts = _texts(tokens)
    words = "".join(tok.text for tok in tokens if tok.kind == "letter").strip()
    if any(w in _OTHERWISE for w in texts) or words in _OTHERWISE:
        return None
    kept = _without_words(tokens)
    while kept and kept[0].is_char(",", ";"):
        kept = kept[1:]
    if any(tok.is_command(*_TEXT_COMMANDS) for tok in kept) or any(tok.kind == "letter" and tok.text in ("and", "or") for tok in kept):
        raise parser.fail("a condition of a case in words (`and`, `or`) is not read", token=tokens[0] if tokens else token)
    relation_tokens = [tok for tok in kept if tok.kind in ("char", "command") and tok.text in _RELATION and _top_level(kept, tok)]
    parts = _split(kept, lambda tok: any(tok is r for r in relation_tokens))
    if len(parts) < 2 or any(not part for part in parts):
        raise parser.fail("a condition of a case that is not a relation (`x < 0`)", token=tokens[0] if tokens else token)
    members = tuple(parser.sub_parse(part, "side of a condition") for part in parts)
    return t.Condition(members, tuple(_RELATION[tok.text] for tok in relation_tokens), (tokens[0].start, tokens[-1].end))


_TEXT_COMMANDS = ("\\text", "\\mbox", "\\textrm", "\\mathrm", "\\textit")


def _top_level(tokens: list[Token], target: Token) -> bool:
    depth = 0
    for tok in tokens:
        if tok is target:
            return depth == 0
        depth += 1 if tok.is_char("{") else -1 if tok.is_char("}") else 0
    return False


def _texts(tokens: list[Token]) -> list[str]:
    """The words of `\\text{…}` groups among `tokens`."""
    found: list[str] = []
    for i, tok in enumerate(tokens):
        if tok.kind == "command" and tok.text in ("\\text", "\\mbox", "\\textrm", "\\mathrm", "\\textit") and i + 1 < len(tokens) and tokens[i + 1].is_char("{"):
            j = i + 2
            letters = []
            while j < len(tokens) and not tokens[j].is_char("}"):
                letters.append(tokens[j].text)
                j += 1
            found.append("".join(letters).strip().rstrip(",.").strip())
    return found


def _without_words(tokens: list[Token]) -> list[Token]:
    """`tokens` without their leading `\\text{if}` group and bare word `if`, `for`, `when` (a
    `\\text` group further on is kept: words between relations are not read)."""
    kept: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not kept and tok.kind == "command" and tok.text in _TEXT_COMMANDS and i + 1 < len(tokens) and tokens[i + 1].is_char("{"):
            j = i + 2
            while j < len(tokens) and not tokens[j].is_char("}"):
                j += 1
            i = j + 1
            continue
        kept.append(tok)
        i += 1
    letters = "".join(tok.text for tok in kept[:4] if tok.kind == "letter")
    for word in _WORDS:
        if letters.startswith(word) and len(kept) > len(word) and all(tok.kind == "letter" for tok in kept[: len(word)]):
            return kept[len(word):]
    return kept


def _skip_bracket(parser: Parser) -> None:
    """`[0.7em]` after a row break, `[c]` after `\\begin{array}`."""
    parser.next()
    while parser.peek() is not None and not parser.peek().is_char("]"):  # type: ignore[union-attr]
        parser.next()
    if parser.peek() is not None:
        parser.next()
