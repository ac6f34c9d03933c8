"""Recognise claims and definitions in math fragments, from the typed tree (no SymPy here).

`grammar.statements` cuts each fragment into relation chains of parsed members.  A chain of which
a member holds a derivative is a claim; a chain whose first member names a function, a symbol or a
vector, without any derivative, is a definition for the document context.  Every later stage reads
the same trees: nothing here scans the LaTeX text again.
"""

from __future__ import annotations

import dataclasses

import functools
import re
from dataclasses import dataclass

from .grammar import tree as t
from .grammar.statements import Chain, Member as TreeMember, statements
from .grammar.tokens import FUNCTION_NAMES, SPELLED_NAMES, tokenize
from .model import Claim, ClaimKind, Fragment, Member
from .grammar.names import DOTS, key, undotted
from .grammar.differentials import is_total_differential
from .grammar import parse
from .code_definitions import CodeFragment, code_definitions

_DERIVATIVES = (t.Derivative, t.Gradient, t.Prime)


@dataclass(frozen=True, slots=True)
class Definition:
    """`head = body` with no derivative: a function, symbol or vector the document defines."""

    head: str
    body: str
    offset: int
    """Source offset where the definition starts (only earlier definitions are in scope)."""
    name: str = ""
    """The defined name's key (`f`, `y_1`, `bold:x`); empty for a stated equality."""
    uses: frozenset[str] = frozenset()
    """Names the body mentions (a definition can depend on another)."""
    function: bool = False
    """Defines a function (`f(x) = …`), not a symbol."""
    equality: frozenset[str] = frozenset()
    """For `f_i(w_i) + g_i(x_i) = w_i + x_i`: the names its left side mentions."""
    code: str = ""
    """For a definition read from a code chunk: its line of code (a reading of lower standing)."""
    shape: bool = False
    """A declaration `W \\in \\mathbb{R}^{K \\times m}`: `body` is the dimensions (`K \\times m`)."""
    identification: bool = False
    """Two plain letters, `x = y`: a definition ("the shear $u = x$, $v = y + x^2$"), except where the
    word before it makes it a point where two variables meet ("at $x = y$", see `prose_definitions`)."""
    end: int = 0
    """Source offset where the body ends (0 where not known): the prose after it may state the
    condition under which the definition holds ("… when $|r| \\le \\delta$")."""


@dataclass(frozen=True, slots=True)
class Recognised:
    claims: tuple[Claim, ...]
    definitions: tuple[Definition, ...]


def has_derivative(node: t.Node) -> bool:
    """The tree holds derivative notation, read (`Derivative`, `Gradient`, `Prime`) or malformed."""
    for sub in t.walk(node):
        if isinstance(sub, _DERIVATIVES) or (isinstance(sub, t.Unsupported) and sub.code == "malformed-notation"):
            return True
        if isinstance(sub, t.Symbol) and sub.accent in DOTS:
            return True  # `\\dot x`: Newton's derivative by time
        if isinstance(sub, t.Mul) and any(op == "" and _operator_d(a, b) for op, a, b in zip(sub.ops, sub.factors, sub.factors[1:])):
            return True
        if isinstance(sub, t.Apply) and len(sub.args) == 1 and isinstance(sub.head, t.Symbol) and sub.head.sub is not None and _operator_d(sub.head, sub.args[0]):
            return True  # `D_x(x^2 + x)`
        if _jacobian_symbol(sub):
            return True  # `J_{\\mathbf F}(x, y)`
    return False


def _jacobian_symbol(node: t.Node) -> bool:
    """`J_{\\mathbf F}`, `J_F`, `J_{\\mathbf g}`: the Jacobian of a (vector) function; not `J_\\theta`."""
    from .grammar.rules.functions import hessian_subject, jacobian_subject

    return jacobian_subject(node) is not None or hessian_subject(node) is not None  # `H_f` too


def _operator_d(operator: t.Node, operand: t.Node) -> bool:
    """`D_x x^3`, `Df(x)`, `D^2 f(x)`: the derivative operator D before what it acts on (the
    evaluator decides whether the document gives D another meaning)."""
    from .grammar.rules.functions import FUNCTION_LETTERS

    if isinstance(operator, t.Pow) and isinstance(operator.exponent, t.Number):
        operator = operator.base
    if not (isinstance(operator, t.Symbol) and operator.name == "D" and not operator.font and not operator.accent):
        return False
    if isinstance(operator.sub, t.Symbol) and not operator.sub.sub and (operator.sub.font == "bold" or operator.sub.name in "xyzt"):
        return True
    head = operand.head if isinstance(operand, t.Apply) else None
    return operator.sub is None and isinstance(head, t.Symbol) and head.name in FUNCTION_LETTERS


def convention(node: t.Node) -> str:
    """Which convention orients the value of `node` (see `Claim.conventions`)."""
    found = ""
    for sub in t.walk(node):
        if isinstance(sub, t.Derivative) and any(_vector_name(v) or _matrix_letter(v) for v in sub.variables) and _scalar_operand(sub.operand):
            found = "scalar by array"  # `\frac{\partial L}{\partial \mathbf w}`, `\frac{\partial L}{\partial W}`: a gradient, by a declared convention
        elif isinstance(sub, t.Derivative) and any(_vector_name(v) for v in sub.variables):
            return "jacobian"
        if isinstance(sub, t.Gradient) and sub.kind == "grad" and sub.order == 1:
            found = "gradient"
    return found


def _matrix_letter(node: t.Node) -> bool:
    return isinstance(node, t.Symbol) and not node.font and not node.accent and len(node.name) == 1 and node.name.isupper() and node.name != "I"


def _scalar_operand(node: "t.Node | None") -> bool:
    """A plain name or an application (`L`, `f(\\mathbf x)`, `\\ell`): the operand of a gradient.
    A bold name, a matrix or an expression in them is a vector's Jacobian."""
    if node is None:
        return False
    if isinstance(node, t.Apply):
        node = node.head
    return isinstance(node, t.Symbol) and node.font != "bold" and not node.primes


def _vector_name(node: t.Node) -> bool:
    return any(isinstance(n, t.Symbol) and n.font == "bold" for n in t.walk(node)) or isinstance(node, (t.Matrix, t.Tuple))


def _derivative_member(member: TreeMember, partials: "dict[str, frozenset[str]] | None" = None) -> bool:
    return (has_derivative(member.node) or (isinstance(member.node, t.Unsupported) and member.mentions_derivative)
            or bool(partials and any(_subscript_partial(n, partials) for n in t.walk(member.node))))


def _subscript_partial(node: t.Node, partials: "dict[str, frozenset[str]]") -> bool:
    """`f_x`, `f_{xy}` after `f(x, y) = …` (a scalar function): a partial derivative in subscripts."""
    if not (isinstance(node, t.Symbol) and isinstance(node.sub, t.Symbol) and not node.font and node.sub.sub is None):
        return False
    parameters = partials.get(node.name)
    return parameters is not None and bool(node.sub.name) and set(node.sub.name) <= parameters


class _ScalarFunctions:
    """The functions defined so far with one-letter parameters and a scalar body: name ->
    parameters, brought up to date with the definitions added since the last call (read once
    each, not once per chain)."""

    def __init__(self) -> None:
        self.found: dict[str, frozenset[str]] = {}
        self.seen = 0

    def of(self, definitions: list[Definition]) -> dict[str, frozenset[str]]:
        for definition in definitions[self.seen:]:
            if not definition.function or definition.code:
                continue
            parameters = _scalar_parameters(definition.head, definition.body)
            if parameters is None:
                self.found.pop(definition.name, None)
            else:
                self.found[definition.name] = parameters
        self.seen = len(definitions)
        return self.found


def _scalar_parameters(head_text: str, body_text: str) -> frozenset[str] | None:
    return _parameters_spelled(head_text, body_text, SPELLED_NAMES.get(), FUNCTION_NAMES.get())


@functools.lru_cache(maxsize=4096)
def _parameters_spelled(head_text: str, body_text: str, names: tuple[str, ...], functions: frozenset[str]) -> frozenset[str] | None:
    """(`names` and `functions` key the cache: the texts are read with them.)"""
    head, body = parse(head_text), parse(body_text)
    if isinstance(head, t.Apply) and all(isinstance(a, t.Symbol) and len(a.name) == 1 and a.sub is None for a in head.args):
        if not any(isinstance(n, (t.Matrix, t.Tuple)) for n in t.walk(body)):
            return frozenset(a.name for a in head.args if isinstance(a, t.Symbol))
    return None


def names_in(node: t.Node) -> frozenset[str]:
    """Keys of every name the tree mentions (symbols, applied functions, differentiated names)."""
    found = set()
    for sub in t.walk(node):
        if isinstance(sub, t.Symbol) and sub.name:
            found.add(key(sub))
            if isinstance(sub.sub, t.Symbol) and not sub.font:
                found.add(sub.name)  # `f_x`: the partial of f, whose definition it needs
            if sub.accent in DOTS:
                found.add(key(undotted(sub)))  # `\\dot x`: the derivative of x
    return frozenset(found)


def applied_in(node: t.Node) -> frozenset[str]:
    """Keys of the names applied as functions (`f(x)`, `f'(2)`, `\\nabla f(x, y)`)."""
    found = set()
    for sub in t.walk(node):
        if isinstance(sub, t.Apply):
            head = sub.head.operand if isinstance(sub.head, t.Prime) else sub.head
            if isinstance(head, t.Symbol):
                found.add(key(head))
    return frozenset(found)


def classify(nodes: list[t.Node]) -> ClaimKind:
    everything = [sub for node in nodes for sub in t.walk(node)]
    if any(isinstance(s, t.Mul) and set(s.ops) & {"odot", "otimes", "oslash", "circ"} for s in everything) or any(
        isinstance(s, t.Function) and s.name.lower() == "diag" for s in everything
    ):
        return ClaimKind.ELEMENTWISE
    derivatives = [s for s in everything if isinstance(s, (t.Derivative, t.Gradient))]
    by_vector = any(
        any(isinstance(v, t.Symbol) and v.font == "bold" for v in (s.variables if isinstance(s, t.Derivative) else (s.variable,)))
        for s in derivatives
    )
    bold = any(isinstance(s, t.Symbol) and s.font == "bold" for s in everything)
    if bold and by_vector:
        matrices = any(isinstance(s, t.Transpose) or (isinstance(s, t.Symbol) and s.name.isupper() and len(s.name) == 1) for s in everything)
        return ClaimKind.MATRIX_IDENTITY if matrices else ClaimKind.JACOBIAN
    if any(isinstance(s, t.Matrix) for s in everything) and derivatives:
        return ClaimKind.JACOBIAN
    if any(isinstance(s, t.Gradient) for s in everything):
        return ClaimKind.GRADIENT
    if any(isinstance(s, t.Derivative) and s.kind == "partial" for s in everything):
        return ClaimKind.PARTIAL
    return ClaimKind.SCALAR


def is_definition_head(node: t.Node) -> bool:
    """`f(x, y)`, `f_1(\\mathbf{x})`, `y_1`, `\\mathbf{x}`, `\\mathbf{x}^\\top`: names a definition gives."""
    if isinstance(node, t.Symbol):
        return bool(node.name) and node.name not in ("infty",)
    if isinstance(node, t.Transpose):
        return isinstance(node.operand, t.Symbol)
    if isinstance(node, t.Apply):
        return isinstance(node.head, t.Symbol) and all(isinstance(a, t.Symbol) for a in node.args)
    return False


def _is_equality_head(node: t.Node) -> bool:
    """`f_i(w_i) + g_i(x_i)`: a sum of applications, stated equal to something."""
    return isinstance(node, t.Add) and all(is_definition_head(term) for term in node.terms) and any(isinstance(term, t.Apply) for term in node.terms)


def recognise(fragments: list[Fragment]) -> Recognised:
    claims: list[Claim] = []
    partials = _ScalarFunctions()
    definitions: list[Definition] = []
    for fragment in fragments:
        if not fragment.error and not balanced(fragment.text):
            fragment = Fragment(fragment.text, fragment.start, fragment.display, fragment.offsets, f"unbalanced brackets: {unbalanced(fragment.text)}")
        if isinstance(fragment, CodeFragment):
            definitions.extend(_code_definitions(fragment))
            continue
        if fragment.error:
            _broken(fragment, claims)
            continue
        definitions.extend(_declarations(fragment))
        for chain in statements(fragment.text):
            _add_chain(fragment, chain, claims, definitions, partials.of(definitions))
    return Recognised(tuple(claims), tuple(definitions))


_NAME = r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*(?:\{\s*\\?[A-Za-z]+\s*\}|\\[A-Za-z]+|\s+[A-Za-z])|\\?[A-Za-z]+)(?:_\{?[A-Za-z0-9]+\}?)?"
"""A declared name: `W`, `\\mathbf{x}`, `\\mathbf x`, `\\boldsymbol\\theta`, `\\mathbf{w}_1`."""
_DECLARATION = re.compile(
    rf"({_NAME}(?:\s*,\s*{_NAME})*)"
    r"\s*\\in\s*(?:\\mathbb\s*\{?\s*R\s*\}?|\\R(?![A-Za-z]))\s*\^\s*(\{[^{}]*\}|[A-Za-z0-9])"
)


def _declarations(fragment: Fragment) -> list[Definition]:
    """`\\mathbf{x} \\in \\mathbb{R}^n`, `W, V \\in \\mathbb{R}^{K \\times m}`: the shapes of names."""
    found = []
    for match in _DECLARATION.finditer(fragment.text):
        dims = match.group(2).strip("{} ")
        if not re.fullmatch(r"[A-Za-z0-9]+(\s*\\times\s*[A-Za-z0-9]+)?", dims):
            continue
        for name_text in re.split(r"\s*,\s*", match.group(1)):
            node = parse(name_text)
            if isinstance(node, t.Symbol) and (node.font == "bold" or (not node.font and node.name[:1].isupper())):
                found.append(Definition(head=name_text, body=dims, offset=fragment.source_offset(match.start()), name=key(node), shape=True))
    return found


def _code_definitions(fragment: CodeFragment) -> list[Definition]:
    """`f(x) = exp(x)*sin(x)` in a Julia chunk: a function definition marked as read from code."""
    found = []
    for read in code_definitions(fragment.text, fragment.language):
        try:
            head, body = parse(read.head), parse(read.body)
        except Exception:  # a translation the grammar cannot read is no definition
            continue
        if not (isinstance(head, t.Apply) and isinstance(head.head, t.Symbol)) or isinstance(body, t.Unsupported):
            continue
        found.append(Definition(head=read.head, body=read.body, offset=fragment.source_offset(read.offset), name=key(head.head),
                                uses=names_in(body), function=True, code=f"{fragment.language}: {read.code}"))
    return found


def balanced(text: str) -> bool:
    """Braces, `\\left`/`\\right`, environments and brackets pair up (see `unbalanced`)."""
    return unbalanced(text) is None


def unbalanced(text: str) -> str | None:
    """What does not pair up, said with the text before it ("the `(` after `\\langle` is never
    closed"); None when braces, `\\left`/`\\right`, environments and brackets all pair up.

    `(` and `[` close with either `)` or `]`, for half-open intervals such as `(0, 1]`.
    """
    stack: list[tuple[str, str, int]] = []
    tokens = [tok for tok in tokenize(text) if tok.kind != "space"]
    skip = False
    for token in tokens:
        if skip:
            skip = False
            continue
        kind = {"{": "{", "(": "(", "[": "(", "\\left": "left", "\\begin": "begin"}.get(token.text) if token.kind in ("char", "command") else None
        closing = {"}": "{", ")": "(", "]": "(", "\\right": "left", "\\end": "begin"}.get(token.text) if token.kind in ("char", "command") else None
        if token.kind == "char" and token.text in ("\\left", "\\right"):
            kind = closing = None
        if kind is not None and (token.kind == "command") == (kind in ("left", "begin")):
            stack.append((kind, token.text, token.start))
            skip = kind == "left"
        elif closing is not None and (token.kind == "command") == (closing in ("left", "begin")):
            if not stack:
                return f"a `{token.text}`{_after(text, token.start)} closes nothing"
            if stack[-1][0] != closing:
                return f"a `{token.text}`{_after(text, token.start)} closes the `{stack[-1][1]}`{_after(text, stack[-1][2])}"
            stack.pop()
            skip = closing == "left"
    if stack:
        return f"the `{stack[-1][1]}`{_after(text, stack[-1][2])} is never closed"
    return None


def _after(text: str, start: int) -> str:
    """" after `…(bt)/a`": the few characters before a position, as a reader finds the place."""
    before = " ".join(text[max(0, start - 14):start].split())
    return f" after `{'…' if start > 14 else ''}{before}`" if before else " at the start"


def _broken(fragment: Fragment, claims: list[Claim]) -> None:
    chains = statements(fragment.text)
    if any(_derivative_member(m) for chain in chains for m in chain.members) or _mentions(fragment.text):
        text = fragment.text.strip()
        claims.append(Claim(fragment, (Member(text, fragment.text.index(text[:1]) if text else 0),), ClaimKind.SCALAR, len(claims), problem=fragment.error))


def _mentions(text: str) -> bool:
    from .grammar.statements import _mentions_derivative

    tokens = [tok for tok in tokenize(text) if tok.kind != "space"]
    return _mentions_derivative(tokens) and any(tok.is_char("=") for tok in tokens)


def _member(fragment: Fragment, member: TreeMember) -> Member:
    return Member(fragment.text[member.start : member.end], member.start)


def _add_chain(fragment: Fragment, chain: Chain, claims: list[Claim], definitions: list[Definition], partials: dict[str, frozenset[str]]) -> None:
    members = list(chain.members)
    total = is_total_differential([m.node for m in members])  # `dz = 2x\\,dx + …` (see `grammar.differentials`)
    derivative = [total or _derivative_member(m, partials) for m in members]
    offset = fragment.source_offset(members[0].start)
    if chain.defining and len(members) > 2 and not derivative[0] and any(derivative[1:]) and is_definition_head(members[0].node) and not isinstance(members[0].node, t.Apply):
        # `\\delta := \\frac{\\partial L}{\\partial z} = z - y`: δ names what follows; the rest is a claim
        definitions.append(_definition(fragment, members[0], members[1], offset))
        chain = dataclasses.replace(chain, members=chain.members[1:], defining=False)
        members, derivative = members[1:], derivative[1:]
        offset = fragment.source_offset(members[0].start)
    if not any(derivative) or chain.defining:
        if not any(derivative):
            if not chain.defining and _identifies_variables(members):
                definitions.append(dataclasses.replace(_definition(fragment, members[0], members[1], offset), identification=True))
            else:
                _definitions(fragment, members, offset, definitions)
        elif len(members) == 2 and not derivative[0] and is_definition_head(members[0].node) and not isinstance(members[0].node, t.Apply):
            definitions.append(_definition(fragment, members[0], members[1], offset))  # `\\boldsymbol\\delta := \\frac{\\partial L}{\\partial \\mathbf z}`
        return
    if members[0].start == members[0].end and len(members) == 2:
        return  # a lone `= I`: a fragment of prose, not a claim
    head = members[0].node
    if not derivative[0] and is_definition_head(head) and not isinstance(head, t.Apply):
        # `J = [\nabla f; \nabla g] = ...`: J names what follows; check the rest of the chain.
        definitions.append(_definition(fragment, members[0], members[1], offset))
        members = members[1:]
        if len(members) < 2:
            return
    nodes = [m.node for m in members]
    claims.append(
        Claim(
            fragment=fragment,
            members=tuple(_member(fragment, m) for m in members),
            kind=classify(nodes),
            index=len(claims),
            names=frozenset().union(*(names_in(n) for n in nodes)),
            applied=frozenset().union(*(applied_in(n) for n in nodes)),
            derivative=tuple(total or _derivative_member(m, partials) for m in members),
            conventions=tuple(convention(n) for n in nodes),
        )
    )


def _identifies_variables(members: list[TreeMember]) -> bool:
    """`x = y` with two plain letters: a definition, or a point where two variables meet ("at $x = y$
    the kernel is 1"), as the word before it says (see `Definition.identification`)."""
    return len(members) == 2 and all(
        isinstance(m.node, t.Symbol) and m.node.sub is None and not m.node.primes and not m.node.accent for m in members
    ) and key(members[0].node) != key(members[1].node)  # type: ignore[arg-type]


def _definitions(fragment: Fragment, members: list[TreeMember], offset: int, definitions: list[Definition]) -> None:
    head = members[0].node
    if _is_equality_head(head) and len(members) == 2:
        definitions.append(_definition(fragment, members[0], members[1], offset))
        return
    if not is_definition_head(head):
        if len(members) == 2 and _is_equation(members[0].node, members[1].node):
            # `x^2 + y^2 = 25`: a curve, for implicit derivatives of the names it relates
            definitions.append(_definition(fragment, members[0], members[1], offset, equation=True))
        return
    for k in range(len(members) - 1):
        if members[k + 1].start == members[k + 1].end:
            continue
        if k == 0 or is_definition_head(members[k].node) or _is_equality_head(members[k].node):
            definitions.append(_definition(fragment, members[k], members[k + 1], offset))


def _is_equation(left: t.Node, right: t.Node) -> bool:
    """A relation between at least two plain names, both sides readable: a curve or a constraint."""
    if any(isinstance(n, (t.Unsupported, t.Text, t.Dots, t.Matrix, t.Tuple)) for n in t.walk(left) + t.walk(right)):
        return False
    letters = {n.name for n in t.walk(left) + t.walk(right) if isinstance(n, t.Symbol) and n.sub is None and not n.font and len(n.name) == 1}
    return len(letters) >= 2


def _definition(fragment: Fragment, head: TreeMember, body: TreeMember, offset: int, equation: bool = False) -> Definition:
    node = head.node
    named = node.operand if isinstance(node, t.Transpose) else node
    if equation:
        name, function = "", False
    elif isinstance(named, t.Apply) and isinstance(named.head, t.Symbol):
        name, function = key(named.head), True
    elif isinstance(named, t.Symbol):
        name, function = key(named), False
    else:
        name, function = "", False
    return Definition(
        head=fragment.text[head.start : head.end],
        body=fragment.text[body.start : body.end],
        offset=offset,
        name=name,
        uses=names_in(body.node),
        function=function,
        equality=(names_in(node) | names_in(body.node)) if equation else (names_in(node) if not name else frozenset()),
        end=fragment.source_offset(body.end),
    )
