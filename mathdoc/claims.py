"""Recognise claims and definitions in math fragments, by syntax alone (no SymPy here).

A fragment is cut into rows (`\\\\` of align-like environments; a row that starts with `=`
continues the previous row's chain), rows into statements (at `\\quad`, `\\text{where}`, `,`,
`\\Rightarrow`, ...), statements into relation chains split at top-level `=`.  A chain of which a
member holds a derivative is a claim; a chain that names a function, a symbol or a vector without
any derivative is a definition for the document context.

Layout characters (`&`, `\\\\`, `\\label{}`) are blanked out with spaces rather than removed, so
offsets into the fragment stay exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Claim, ClaimKind, Fragment, Member
from .notation.scan import balanced, depth_map, group_end, split_top

DERIVATIVE = re.compile(
    r"\\partial|\\nabla|\\[dt]?frac\s*\{\s*(?:d|\\(?:mathrm|operatorname|rm|mathit)\s*\{?\s*d\s*\}?)"
    r"(?![a-zA-Z])|\\frac\s*\{\s*d\s*\^|[A-Za-z}]\s*'+\s*\(|\\frac\s*\{\s*d[a-zA-Z\\]"
)
_ENV = re.compile(
    r"^\s*\\begin\{(equation|align|alignat|gather|multline|eqnarray|flalign|aligned|alignedat|gathered|split|math|displaymath)(\*?)\}(\{\d+\})?"
)
_BLANK = re.compile(r"\\(label|tag|eqref|ref)\s*\{[^{}]*\}|\\(nonumber|notag|displaystyle|textstyle|qquad|quad)(?![a-zA-Z])|\\[,;:!>]")
_TEXT = re.compile(r"\\(?:text|textrm|mbox|textnormal|textit|textbf)\s*\{([^{}]*)\}")
_STATEMENT_WORDS = re.compile(
    r"^\s*(?:,|;|\.)?\s*(and|where|let|with|for|if|when|so|thus|hence|then|since|because|i\.e\.|e\.g\.|"
    r"or|since|such that|since|which|given|as|这里|其中|令|设|所以|因此|即)\b",
    re.IGNORECASE,
)
_RELATION = re.compile(
    r"\\(?:approx|neq|ne|leq|geq|le|ge|leqslant|geqslant|Rightarrow|implies|Leftrightarrow|iff|to|"
    r"rightarrow|longrightarrow|mapsto|propto|sim|simeq|equiv|coloneqq|triangleq|doteq|in|notin|subset|"
    r"subseteq|ll|gg|cong|stackrel|overset)(?![a-zA-Z])|:=|<=|>=|<|>"
)
_DEFINING_RELATIONS = ("\\coloneqq", "\\triangleq", ":=", "\\equiv", "\\stackrel", "\\overset")


@dataclass(frozen=True, slots=True)
class Definition:
    """`head = body` with no derivative: a function, symbol or vector the document defines."""

    head: str
    body: str
    offset: int
    """Source offset where the definition starts (only earlier definitions are in scope)."""


@dataclass(frozen=True, slots=True)
class Recognised:
    claims: tuple[Claim, ...]
    definitions: tuple[Definition, ...]


def has_derivative(text: str) -> bool:
    return DERIVATIVE.search(text) is not None


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _unwrap(text: str) -> str:
    """Blank out outer environment wrappers (`\\begin{align*}` ... `\\end{align*}`), repeatedly."""
    while True:
        match = _ENV.match(text)
        if not match:
            return text
        end_tag = f"\\end{{{match.group(1)}{match.group(2)}}}"
        close = text.rfind(end_tag)
        if close < 0 or text[close + len(end_tag) :].strip(" .,;\n"):
            return text
        text = _blank(text, match.start(0), match.end(0))
        text = _blank(text, close, close + len(end_tag))


def _clean(text: str) -> str:
    for match in list(_BLANK.finditer(text)):
        text = _blank(text, match.start(), match.end())
    depths = depth_map(text)
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch == "&" and depths[i] == 0 and (i == 0 or chars[i - 1] != "\\"):
            chars[i] = " "
    return "".join(chars)


def _rows(text: str) -> list[tuple[str, int]]:
    """Rows at top-level `\\\\`; a row starting with `=` joins the previous one."""
    rows: list[tuple[str, int]] = []
    for piece, start in split_top(text, ("\\\\",)):
        if rows and piece.lstrip().startswith("="):
            previous, previous_start = rows[-1]
            rows[-1] = (previous + " " * (start - previous_start - len(previous)) + piece, previous_start)
        else:
            rows.append((piece, start))
    return rows


def _statements(row: str, start: int) -> list[tuple[str, int, bool]]:
    """(statement, offset, is_definition_context) pieces of a row."""
    pieces: list[tuple[str, int, bool]] = []
    text = row
    cuts: list[tuple[int, int, bool]] = []
    depths = depth_map(text)
    for match in _TEXT.finditer(text):
        if depths[match.start()] == 0:
            words = match.group(1).strip().lower()
            cuts.append((match.start(), match.end(), bool(re.match(r"(let|where|with|for|given|set|define|令|设|其中)\b", words))))
    for match in re.finditer(r"\\(quad|qquad|Rightarrow|implies|iff|Leftrightarrow)(?![a-zA-Z])|[,;]", text):
        if depths[match.start()] == 0:
            cuts.append((match.start(), match.end(), False))
    cuts.sort()
    position = 0
    definition_next = False
    for cut_start, cut_end, defines in cuts:
        if cut_start < position:
            continue
        pieces.append((text[position:cut_start], start + position, definition_next))
        position = cut_end
        definition_next = defines
    pieces.append((text[position:], start + position, definition_next))
    return [p for p in pieces if p[0].strip()]


def _chains(statement: str, start: int) -> list[tuple[list[Member], bool]]:
    """Relation chains at `=`; other relations end a chain.  (members, defining) pairs."""
    chains: list[tuple[list[Member], bool]] = []
    depths = depth_map(statement)
    boundaries = [0]
    kinds: list[bool] = []
    i = 0
    while i < len(statement):
        if depths[i] == 0 and (i == 0 or statement[i - 1] != "\\"):
            match = _RELATION.match(statement, i)
            hit = match.group(0) if match else None
            if hit is not None:
                boundaries.append(i)
                kinds.append(hit in _DEFINING_RELATIONS)
                i += len(hit)
                if hit in ("\\stackrel", "\\overset"):
                    for _ in range(2):
                        while i < len(statement) and statement[i] == " ":
                            i += 1
                        if i < len(statement) and statement[i] == "{":
                            end = group_end(statement, i)
                            i = end if end > 0 else len(statement)
                    if i < len(statement) and statement[i] == "=":
                        i += 1
                boundaries.append(i)
                continue
        i += 1
    boundaries.append(len(statement))
    segments = [(boundaries[k], boundaries[k + 1]) for k in range(0, len(boundaries), 2)]
    for number, (seg_start, seg_end) in enumerate(segments):
        segment = statement[seg_start:seg_end]
        members = []
        for piece, offset in split_top(segment, ("=",)):
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                members.append(Member(piece.strip(), start + seg_start + offset + lead))
            else:
                members.append(Member("", start + seg_start + offset))
        defining = number > 0 and kinds[number - 1]
        chains.append((members, defining))
    return chains


def classify(texts: list[str]) -> ClaimKind:
    joined = " ".join(texts)
    if re.search(r"\\(otimes|odot|oslash|circ)\b|diag", joined):
        return ClaimKind.ELEMENTWISE
    if re.search(r"\\(mathbf|boldsymbol|bm|vec)\b", joined) and re.search(r"\\partial\s*\\(mathbf|boldsymbol|bm|vec)|\\nabla_", joined):
        return ClaimKind.MATRIX_IDENTITY if re.search(r"\^\s*(T|\\top|\{)", joined) or re.search(r"(?<![a-zA-Z\\])[A-Z](?![a-zA-Z])", joined) else ClaimKind.JACOBIAN
    if "\\begin{" in joined and ("\\partial" in joined or "\\nabla" in joined):
        return ClaimKind.JACOBIAN
    if "\\nabla" in joined:
        return ClaimKind.GRADIENT
    if "\\partial" in joined:
        return ClaimKind.PARTIAL
    return ClaimKind.SCALAR


_BASE = re.compile(r"^(?:[A-Za-z]|\\[A-Za-z]+|\\(?:mathbf|boldsymbol|bm|vec|mathrm|hat|tilde|bar)\s*\{\s*[A-Za-z]+\s*\})$")
_SUBSCRIPT = re.compile(r"_(?:\{.*\}|[A-Za-z0-9])$")
_APPLICATION = re.compile(r"\((.*)\)$")


def is_definition_head(text: str) -> bool:
    """`f(x, y)`, `f_1(\\mathbf{x})`, `y_1`, `\\mathbf{x}`, `J_{\\mathbf{w}}`: names a definition gives.

    Sums of applications (`f_i(w_i) + g_i(x_i)`) also count: the document states an equality
    between expressions that later claims may rely on.
    """
    text = text.strip()
    if not text or "\\frac" in text or "\\partial" in text or "\\nabla" in text:
        return False
    terms = [t.strip() for t in re_split_terms(text)]
    return all(_is_name(t) for t in terms if t)


def re_split_terms(text: str) -> list[str]:
    return [piece for piece, _ in split_top(text, ("+", "-"))]


def _is_name(text: str) -> bool:
    text = _APPLICATION.sub("", text).strip() if text.endswith(")") and "(" in text else text
    text = _SUBSCRIPT.sub("", text).strip()
    return bool(_BASE.match(text)) and text not in ("\\dots", "\\ldots", "\\cdots", "\\vdots", "\\infty")


def recognise(fragments: list[Fragment]) -> Recognised:
    claims: list[Claim] = []
    definitions: list[Definition] = []
    for fragment in fragments:
        error = fragment.error or (None if balanced(fragment.text) else "unbalanced braces, parentheses or environments")
        if error:
            fragment = fragment if fragment.error else Fragment(fragment.text, fragment.start, fragment.display, fragment.offsets, error)
            if "=" in fragment.text and has_derivative(fragment.text):
                claims.append(
                    Claim(
                        fragment=fragment,
                        members=(Member(fragment.text.strip(), 0),),
                        kind=classify([fragment.text]),
                        index=len(claims),
                        problem=fragment.error,
                    )
                )
            continue
        text = _clean(_unwrap(fragment.text))
        for row, row_start in _rows(text):
            for statement, statement_start, defining in _statements(row, row_start):
                for members, defining_relation in _chains(statement, statement_start):
                    _add_chain(fragment, members, defining or defining_relation, claims, definitions)
    return Recognised(tuple(claims), tuple(definitions))


def _add_chain(
    fragment: Fragment,
    members: list[Member],
    defining: bool,
    claims: list[Claim],
    definitions: list[Definition],
) -> None:
    if len(members) < 2:
        return
    texts = [m.text for m in members]
    derivative = [has_derivative(t) for t in texts]
    offset = fragment.source_offset(members[0].start)
    if not any(derivative) or defining:
        if not any(derivative) and is_definition_head(texts[0]):
            for k in range(len(texts) - 1):
                if texts[k + 1] and (k == 0 or is_definition_head(texts[k])):
                    definitions.append(Definition(texts[k], texts[k + 1], offset))
        return
    if not texts[0] and len(texts) == 2:
        return  # a lone `= I`: a fragment of prose, not a claim
    if not derivative[0] and is_definition_head(texts[0]) and "(" not in texts[0] and len(texts) >= 3:
        # `J = [\nabla f; \nabla g] = ...`: J names what follows; check the rest of the chain.
        definitions.append(Definition(texts[0], texts[1], offset))
        members = members[1:]
    elif not derivative[0] and is_definition_head(texts[0]) and "(" not in texts[0] and len(texts) == 2:
        definitions.append(Definition(texts[0], texts[1], offset))
        return
    members[0] = _without_operator_label(members[0])
    claims.append(
        Claim(
            fragment=fragment,
            members=tuple(members),
            kind=classify([m.text for m in members]),
            index=len(claims),
        )
    )


_LABEL = re.compile(r"^(\\otimes|\\oslash|\\odot|\\circ|\\times|\\div|\+|-|/)\s+(?=\\frac\s*\{)")


def _without_operator_label(member: Member) -> Member:
    """Drop a table label such as the `-` of `- \\frac{\\partial (\\mathbf{w} - \\mathbf{x})}{...}`.

    Tables of elementwise rules put the operator in front of its derivative.  It is a label, not a
    sign, exactly when the same operator stands inside the derivative's numerator.
    """
    match = _LABEL.match(member.text)
    if not match:
        return member
    rest = member.text[match.end() :]
    numerator_end = group_end(rest, rest.index("{"))
    numerator = rest[: numerator_end if numerator_end > 0 else len(rest)]
    if match.group(1) not in numerator:
        return member
    return Member(rest, member.start + match.end())
