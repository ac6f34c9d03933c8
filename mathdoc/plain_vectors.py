"""Plain letters read as a matrix and a vector: `k = Wx` with W a capital and x, k lowercase, not bold.

Read as scalars, ∂(Wx)/∂x = W in any layout; read as a matrix times a vector it is W in numerator
layout and Wᵀ in denominator layout.  In a document that declares a layout, or in a step that
writes a transpose, the matrix-times-vector reading is plausible, so the step is also decided
with these letters as vectors (the text rewritten with them bold, everything else as before):

- the lowercase letter a plain capital (or its transpose) multiplies (`x` of `Wx`, `w` of `Xw`),
  and one whose transpose multiplies a capital (`a` of `a^\top W`);
- a plain lowercase letter added to such a product (`b` of `Wx + b`, `y` of `Xw - y`);
- a plain lowercase name defined as such a product or sum (`k` of `k = Wx`).

A layout then is verified only when the vector reading holds in it (see `combine`); a scalar
reading that holds does not verify a step the vector reading contradicts.
"""

from __future__ import annotations

from dataclasses import replace

from .grammar import parse, tree as t
from .outcome import LayoutResult, StepResult

MATRIX_NOTATION = "matrix notation"
"""Mirrors `context.MATRIX_NOTATION`: an entry saying the document declares a layout or writes a
transpose somewhere; `check_step` takes it out of the definitions."""
_NOT_MATH = ("shape", "tuple point", "local", "condition")
"""Distance fields of entries whose texts are not expressions in the document's letters."""


def split_marker(definitions: "tuple[tuple[str, ...], ...]") -> "tuple[bool, tuple[tuple[str, ...], ...]]":
    """Whether the definitions carry the `MATRIX_NOTATION` entry, and the definitions without it."""
    kept = tuple(entry for entry in definitions if not (len(entry) > 2 and entry[2] == MATRIX_NOTATION))
    return len(kept) != len(definitions), kept


def vector_letters(lhs: str, rhs: str, definitions: "tuple[tuple[str, ...], ...]", declared: bool) -> frozenset[str]:
    """The plain lowercase letters to read as vectors (see the module), or none: the step neither
    is in a document that declares a layout nor writes a transpose, or no capital multiplies a letter."""
    step = [parse(lhs), parse(rhs)]
    bodies = {entry[0].strip(): parse(entry[1]) for entry in definitions if _is_math(entry) and entry[1].strip()}
    if not declared and not any(isinstance(n, t.Transpose) for node in step for n in t.walk(node)):
        return frozenset()
    defined = set(bodies)
    found: set[str] = set()
    for node in step + list(bodies.values()):
        found |= _multiplied(node, defined)
    if not found:
        return frozenset()
    found |= {head for head, body in bodies.items() if _plain_letter_text(head) and _is_product_of(body, found)}
    return frozenset(found)


def _is_math(entry: "tuple[str, ...]") -> bool:
    return not (len(entry) > 2 and (entry[2] in _NOT_MATH or entry[2].startswith("code:")))


def _plain_letter_text(text: str) -> bool:
    return len(text) == 1 and text.isascii() and text.islower()


def _plain_lower(node: t.Node, defined: "set[str]") -> bool:
    return (isinstance(node, t.Symbol) and len(node.name) == 1 and node.name.isascii() and node.name.islower() and not node.font
            and not node.accent and node.sub is None and not node.primes and node.name not in defined)


def _capital(node: t.Node) -> bool:
    if isinstance(node, t.Transpose):
        node = node.operand
    return (isinstance(node, t.Symbol) and len(node.name) == 1 and node.name.isascii() and node.name.isupper() and node.name != "I"
            and not node.font and not node.accent)


def _multiplied(node: t.Node, defined: "set[str]") -> set[str]:
    """Letters multiplied by a capital in `node`, and the letters added to those products."""
    found: set[str] = set()
    for product in t.walk(node):
        if isinstance(product, t.Mul):
            pairs = zip(product.factors, product.factors[1:], product.ops)
            for a, b, op in pairs:
                if op in ("", "cdot") and _capital(a) and _plain_lower(b, defined) and isinstance(b, t.Symbol):
                    found.add(b.name)
                if op in ("", "cdot") and _capital(b) and isinstance(a, t.Transpose) and _plain_lower(a.operand, defined) and isinstance(a.operand, t.Symbol):
                    found.add(a.operand.name)  # `a^\top W`: a row vector times a matrix
    for total in t.walk(node):
        if isinstance(total, t.Add) and found and any(_is_product_of(term, found) for term in total.terms):
            found |= {_unsigned(term).name for term in total.terms if _plain_lower(_unsigned(term), defined) and isinstance(_unsigned(term), t.Symbol)}  # type: ignore[union-attr]
    return found


def _unsigned(node: t.Node) -> t.Node:
    return node.operand if isinstance(node, t.Neg) else node


def _is_product_of(node: t.Node, letters: "set[str]") -> bool:
    """`Wx`, `-Wx`, `Wx + b`: a capital times one of `letters`, alone or as a term of a sum."""
    node = _unsigned(node)
    if isinstance(node, t.Group):
        node = node.inner
    if isinstance(node, t.Add):
        return any(_is_product_of(term, letters) for term in node.terms)
    return isinstance(node, t.Mul) and any(_capital(a) and isinstance(b, t.Symbol) and b.name in letters and not b.font
                                           for a, b in zip(node.factors, node.factors[1:]))


def bolden(text: str, letters: frozenset[str]) -> str:
    """`text` with every plain occurrence of `letters` written `\\mathbf{…}`."""
    if not text.strip():
        return text
    spans = sorted({n.span for n in t.walk(parse(text)) if isinstance(n, t.Symbol) and n.name in letters and not n.font
                    and not n.accent and n.sub is None and not n.primes and text[n.span[0]:n.span[1]] == n.name}, reverse=True)
    for start, end in spans:
        text = f"{text[:start]}\\mathbf{{{text[start:end]}}}{text[end:]}"
    return text


def vector_task(lhs: str, rhs: str, definitions: "tuple[tuple[str, ...], ...]", letters: frozenset[str]) -> "tuple[str, str, tuple[tuple[str, ...], ...]]":
    """The step and its definitions with `letters` bold."""
    entries = tuple((bolden(e[0], letters), bolden(e[1], letters)) + tuple(e[2:]) if _is_math(e) else e for e in definitions)
    return bolden(lhs, letters), bolden(rhs, letters), entries


def transposes_a_letter(lhs: str, rhs: str, definitions: "tuple[tuple[str, ...], ...]", letters: frozenset[str]) -> bool:
    """The step, or a definition, writes the transpose of one of `letters` (`x^\\top Wx`): then
    they are not scalars (a scalar reading that holds is no reading of what is written)."""
    texts = [lhs, rhs] + [entry[1] for entry in definitions if _is_math(entry) and entry[1].strip()]
    return any(isinstance(n, t.Transpose) and isinstance(n.operand, t.Symbol) and n.operand.name in letters and not n.operand.font
               for text in texts for n in t.walk(parse(text)))


def combine(scalar: StepResult, vector: StepResult, letters: frozenset[str], scalars_plausible: bool = True) -> StepResult:
    """Per layout, the step under both readings (see `_combined`); with `scalars_plausible` false
    the vector reading decides alone, unless its shapes do not fit."""
    shown = ", ".join(sorted(letters))
    by_layout = tuple((layout, _combined(scalar.get(layout), vector.get(layout), shown, scalars_plausible)) for layout, _ in scalar.by_layout)
    sensitive = scalar.layout_sensitive or vector.layout_sensitive or by_layout[0][1] != by_layout[-1][1]
    return StepResult(by_layout, sensitive)


def _combined(scalar: LayoutResult, vector: LayoutResult, shown: str, scalars_plausible: bool) -> LayoutResult:
    """The vector reading decides when it holds, or gives the transpose (a layout finding); a
    scalar reading that holds stands only when the vector one does not fit or cannot be read, and
    is ambiguous when the vector one differs.  Neither holding: the one that is undecided, else
    the scalar one (wrong only when every reading differs)."""
    label = f"reading {shown} as vectors and the plain capitals beside them as matrices"
    if vector.status == "shape" or (scalar.status == "equal" and vector.status == "unchecked" and vector.code == "unparsed" and vector.condition is None):
        return scalar
    if vector.status in ("equal", "transposed") or not scalars_plausible:
        return replace(vector, message=f"{vector.message}, {label}")
    if scalar.status == "equal":
        but = f"holds with {shown} as scalars; with {shown} as vectors and the plain capitals beside them as matrices"
        if vector.status == "unchecked":
            return replace(vector, message=f"{but}: {vector.message}")
        return LayoutResult("unchecked", "ambiguous", f"{but} it does not: {vector.message}")
    if scalar.status == "unchecked" or vector.status != "unchecked":
        return scalar
    return vector
