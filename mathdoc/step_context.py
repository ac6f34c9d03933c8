"""What a step writes, read once for every reading: the `Reading` flags and the `_Context` of
the two members (applied names, dependencies of a chain, implicit functions, bare applications)."""

from __future__ import annotations

from dataclasses import dataclass

from .grammar import tree as t
from .grammar.names import DOTS, INDEX_LETTERS, key, undotted
from .semantics import Definitions
from .semantics.ambient import Ambient
from .explanations import acts_on_a_combination


@dataclass(frozen=True, slots=True)
class Reading:
    label: str
    lhs: t.Node
    rhs: t.Node
    products_first: bool = False
    dependent: bool = False
    """Undefined letters in a `d/dx` operand are functions of x."""
    near_only: bool = False
    """Definitions made far from the claim are left out."""
    stated_values: bool = False
    """Values stated earlier (`n = 5`) are substituted."""
    chain: bool = False
    """Undefined differentiated names are abstract functions (the chain rule with named intermediates)."""
    texts: tuple[str, str] | None = None
    """latex2sympy's reading of the members that are plain scalar LaTeX (their texts)."""
    ambient: Ambient | None = None
    """Undefined differentiated names are arbitrary functions (the rule reading, see `ambient`)."""
    gradient_variables: tuple[str, ...] = ()
    """`\\nabla` of an expression taken by these variables; verifies only."""
    frobenius: bool = False
    """The 2-norm of a matrix read as its Frobenius norm; verifies only."""
    series: bool = False
    """Infinite series are compared term by term (their first 1..4 terms); verifies only."""
    lower: bool = False
    """With the definitions of lower standing (code chunks, an expression read as a function)."""
    at_point: tuple[str, ...] = ()
    """Names whose values the prose states before the claim (`At $t = 1$, \\frac{dx}{dt} = 2k`),
    substituted after the derivatives are taken: the claim read at that point."""
    local: bool = False
    """A derivative of a defined name is the local partial of its definition (the names it uses
    held, as the prose says: "treat μ and σ² as separate nodes"); verifies only."""
    point_values: "tuple[tuple[str, t.Node], ...]" = ()
    """With `at_point`: the values of those names when the prose states the point as a tuple
    (`at $(3, 4)$`, read as the claim's coordinates), not as `name = value`."""
    solved: bool = False
    """The equation with a solution substituted: the sides must be equal (a side 0 does not make
    it an equation to solve)."""
    prime_on_curve: bool = False
    """`y'` of a name the document does not define is dy/dx on the curve stated before it
    (`x^2 + y^2 = 25`); verifies only (in a text on equations the curve may be another's)."""
    jacobian_determinant: bool = False
    """`\\frac{\\partial(x,y)}{\\partial(r,\\theta)}` is the determinant of the Jacobian (as calculus
    texts write it), not the matrix."""
    unbound: tuple[str, ...] = ()
    """Symbols whose definitions are left out: unknowns of a relation stated after them (`y =
    \\arcsin x`, then `\\tan y = x`), the step then checked on that relation's curve; verifies only."""
    sum_length: str = ""
    """A sum without written bounds (`\\sum_i`) runs to this size letter, one of several the step
    writes (`n`, `m`): each is tried (see `evaluation._decide`)."""


@dataclass(frozen=True, slots=True)
class _Context:
    matrix_context: bool
    applied: frozenset[str]
    states_point: bool
    near: Definitions | None
    """The definitions without the far ones, when some are far."""
    total_derivative: bool
    left: t.Node
    right: t.Node
    implicit: frozenset[str]
    """Function letters written bare with primes (`(fg)' = f'g + fg'`): functions of x."""
    dependencies: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """For the chain-rule reading: each differentiated name and the names it depends on."""
    shortcut: bool = False
    """Some path of the chain skips an intermediate (the reading then verifies only)."""
    texts: tuple[str, str] | None = None
    defined_near: frozenset[str] = frozenset()
    """Functions the document defines near the claim (a differential equation in one is checked;
    a name set equal to an expression, `y = -x^2`, may be a step of solving something else)."""
    through_definitions: frozenset[str] = frozenset()
    """The names the definitions of the step's names use (through definitions of definitions)."""
    closed_near: frozenset[str] = frozenset()
    """Names defined near the claim in terms of what the claim writes only (see `steps._closed_near`):
    a relation of the derivative of one with itself is a claim about that definition."""
    supplemented: Definitions | None = None
    """The definitions with those of lower standing added (see `Definitions.supplemented`)."""
    defined: frozenset[str] = frozenset()
    """Every name the definitions in scope give a value (functions and symbols, near or far)."""
    bare_applied: tuple[tuple[str, tuple[t.Node, ...]], ...] = ()
    """Names applied, always to the same plain variables, and also written bare (`y(x)` and `y`)."""
    stated_here: frozenset[str] = frozenset()
    """Names given a value in the claim's paragraph, before it (`when $s = 10$`): a point the claim may be at."""
    combination: bool = False
    """A derivative acts on a combination of names (`(f\\circ g)'`, `\\frac{d}{dx} f(g(x))`): a rule."""

    @classmethod
    def of(cls, left: t.Node, right: t.Node, near: Definitions | None) -> "_Context":
        nodes = t.walk(left) + t.walk(right)
        matrix = any(
            (isinstance(n, t.Symbol) and n.font == "bold") or isinstance(n, (t.Transpose, t.Matrix))
            or (isinstance(n, t.Function) and n.name in ("tr", "det", "trace", "diag"))
            for n in nodes
        )
        applied = frozenset(
            n.head.name for n in nodes if isinstance(n, t.Apply) and isinstance(n.head, t.Symbol) and n.head.sub is None
        )
        point = any(isinstance(n, t.Evaluate) or (isinstance(n, t.Apply) and not isinstance(n.head, t.Function) and any(isinstance(a, t.Number) for a in n.args)) for n in nodes)
        total = any(isinstance(n, t.Derivative) and n.kind == "d" for n in nodes)
        dependencies, shortcut = _dependencies(nodes)
        return cls(matrix, applied, point, near, total, left, right, _implicit_functions(nodes), dependencies, bare_applied=_bare_applied(nodes), shortcut=shortcut,
                   combination=acts_on_a_combination(left) or acts_on_a_combination(right))


def _bare_applied(nodes: list[t.Node]) -> tuple[tuple[str, tuple[t.Node, ...]], ...]:
    """`y(x)` and a bare `y` in one claim: the same function (y applied to the same plain variables
    everywhere, the variables not y itself)."""
    heads = {id(n.head) for n in nodes if isinstance(n, t.Apply)} | {id(n.operand) for n in nodes if isinstance(n, t.Prime)}
    arguments: dict[str, set[tuple[str, ...]]] = {}
    first: dict[str, tuple[t.Node, ...]] = {}
    for node in nodes:
        head = node.head if isinstance(node, t.Apply) else None
        if isinstance(node, t.Apply) and isinstance(head, t.Symbol) and head.sub is None and not head.font:
            args = node.args
            plain = all(isinstance(a, t.Symbol) and not a.font and a.sub is None for a in args)
            names = tuple(key(a) for a in args if isinstance(a, t.Symbol)) if plain else ("",)
            arguments.setdefault(key(head), set()).add(names)
            first.setdefault(key(head), args)
    variables = {key(v) for n in nodes if isinstance(n, t.Derivative) for v in n.variables if isinstance(v, t.Symbol)}
    bare = {key(n) for n in nodes if isinstance(n, t.Symbol) and id(n) not in heads and n.sub is None and not n.font and not n.accent and not n.primes}
    bare -= variables  # `\\frac{dg}{dh}(h(x))`: differentiated by h, a variable there
    found = []
    for name in sorted(bare & set(arguments)):
        forms = arguments[name]
        if len(forms) == 1 and "" not in next(iter(forms)) and name not in next(iter(forms)):
            found.append((name, first[name]))
    return tuple(found)


def _dependencies(nodes: list[t.Node]) -> tuple[tuple[tuple[str, tuple[str, ...]], ...], bool]:
    """`\\frac{dy}{du}\\frac{du}{dx}`: y depends on u, u on x (a variable reachable through another
    dependency is left out: y depends on x only through u). Empty when the graph has a cycle.
    Also whether an intermediate was so left out, reached directly too (`f` of
    `\\frac{\\partial f}{\\partial a}\\frac{\\partial a}{\\partial u} + \\frac{\\partial f}{\\partial u}`, a path that skips a)."""
    from .grammar.names import key

    direct: dict[str, set[str]] = {}
    for node in nodes:
        if isinstance(node, t.Derivative) and isinstance(node.operand, t.Symbol) and not node.operand.font:
            variables = {key(v) for v in node.variables if isinstance(v, t.Symbol) and not v.font}
            if len(variables) == len(set(node.variables)):
                direct.setdefault(key(node.operand), set()).update(variables)

    def reach(name: str, seen: frozenset[str]) -> set[str] | None:
        found: set[str] = set()
        for dep in direct.get(name, ()):
            if dep in seen:
                return None
            below = reach(dep, seen | {dep})
            if below is None:
                return None
            found |= {dep} | below
        return found

    reduced = []
    shortcut = False
    for name in sorted(direct):
        if reach(name, frozenset({name})) is None:
            return (), False
        deps = direct[name]
        kept = sorted(d for d in deps if not any(d in (reach(e, frozenset({e})) or set()) for e in deps if e != d))
        shortcut = shortcut or any(d in direct for d in set(deps) - set(kept))
        reduced.append((name, tuple(kept)))
    return tuple(reduced), shortcut


def _bare_elsewhere(application: t.Apply, nodes: list[t.Node]) -> bool:
    """`u'(vw)` in a claim that also writes `v'` alone: the parenthesis multiplies."""
    head = application.head
    if not (isinstance(head, t.Prime) and isinstance(head.operand, t.Symbol)):
        return False
    heads = {id(n.head) for n in nodes if isinstance(n, t.Apply)}
    return any(isinstance(n, t.Prime) and isinstance(n.operand, t.Symbol) and id(n) not in heads for n in nodes)


def _implicit_functions(nodes: list[t.Node]) -> frozenset[str]:
    from .grammar.rules.functions import FUNCTION_LETTERS

    heads = {id(n.head) for n in nodes if isinstance(n, t.Apply) and not _bare_elsewhere(n, nodes)}
    found = set()
    for node in nodes:
        operand = node.operand if isinstance(node, t.Prime) else None
        if isinstance(operand, t.Symbol) and id(node) not in heads and operand.sub is None and not operand.font:
            if operand.name in FUNCTION_LETTERS or (len(operand.name) == 1 and operand.name not in "xt"):
                found.add(operand.name)  # `f'` written alone: f is a function of x
    return frozenset(found)


def _writes_rates(left: t.Node, right: t.Node, defs: Definitions | None = None) -> bool:
    """The claim treats some letter the document does not define as a function: a derivative or
    a prime of a plain name (`\\frac{dx}{dt}`, `y'`, `\\dot x`) or a name applied (`x(t)`).  Only
    then are its undefined letters plausibly functions of the variable; in `\\frac{d}{dv}(x - uv)^2
    = -2(x - uv)u` they are constants, and so is the x of `\\frac{df}{dw}` after `f(w) = w^3 + x`
    (but not a prediction `\\hat y` in `C = (\\hat y - y)^2`, which depends on the parameters)."""
    for node in t.walk(left) + t.walk(right):
        name = key(node.operand) if isinstance(node, (t.Derivative, t.Prime)) and isinstance(node.operand, t.Symbol) else (
            key(node.head) if isinstance(node, t.Apply) and isinstance(node.head, t.Symbol) else None)
        if name is not None and (defs is None or not _defined_in_constants(name, defs)):
            return True
        if isinstance(node, t.Symbol) and node.accent in DOTS:
            return True
    return False


def _defined_in_constants(name: str, defs: Definitions) -> bool:
    """`name` is defined, and its definition writes no undefined hatted letter (a prediction)."""
    body = defs.symbols.get(name) if name in defs.symbols else defs.functions[name][1] if name in defs.functions else None
    if body is None:
        return False
    return not any(isinstance(n, t.Symbol) and key(n) not in defs.symbols and key(n) not in defs.functions
                   and (n.accent == "hat" or _loss_letter(n, defs)) for n in t.walk(body))


def _loss_letter(node: t.Symbol, defs: Definitions) -> bool:
    """An undefined capital a definition adds to (`L_{\\text{reg}} = L + \\frac{\\lambda}{2}\\|W\\|_F^2`):
    a loss or an objective, which depends on the parameters, not a constant."""
    return len(node.name) == 1 and node.name.isupper() and node.sub is None and not node.font and not node.accent and key(node) not in defs.shapes


def _letters_kept(left: t.Node, right: t.Node) -> bool:
    """Every letter under a derivative operator on one side is written on the other too
    (`\\frac{d}{dv}(x - uv)^2 = -2(x - uv)u`): the letters are constants there.  A letter that
    vanishes (`\\frac{d}{dt}[(60+2t)^{3/2} x] = 0.5(60+2t)^{3/2}`) may be the unknown of an equation."""
    def letter(node: t.Symbol) -> str:
        indexed = isinstance(node.sub, t.Symbol) and node.sub.name and set(node.sub.name) <= set(INDEX_LETTERS)
        return node.name if indexed else key(node)  # `w_i` under a sum and `w_j` beside it: entries of one w

    for one, other in ((left, right), (right, left)):
        written = {letter(n) for n in t.walk(other) if isinstance(n, t.Symbol)}
        for node in t.walk(one):
            if isinstance(node, (t.Derivative, t.Prime)) and not isinstance(node.operand, t.Symbol):
                # a prime on an expression (`(xy)' = x^2`) is by x or t: the letters besides them count
                variables = {letter(v) for v in node.variables if isinstance(v, t.Symbol)} if isinstance(node, t.Derivative) else {"x", "t"}
                sums = [n for n in t.walk(node.operand) if isinstance(n, t.Sum)]
                bounds = {id(b) for n in sums for part in (n.index, n.lower, n.upper) if part is not None for b in t.walk(part)}
                bounds |= {id(b) for n in t.walk(node.operand) if isinstance(n, t.Symbol) and n.sub is not None for b in t.walk(n.sub)}  # subscripts
                letters = {letter(n) for n in t.walk(node.operand) if isinstance(n, t.Symbol) and len(n.name) == 1 and not n.font and id(n) not in bounds} - variables
                if letters - written:
                    return False
    return True


def _differentiated_names(left: t.Node, right: t.Node) -> frozenset[str]:
    nodes = t.walk(left) + t.walk(right)
    dotted = {key(undotted(n)) for n in nodes if isinstance(n, t.Symbol) and n.accent in DOTS}
    return frozenset(key(n.operand) for n in nodes if isinstance(n, (t.Prime, t.Derivative)) and isinstance(n.operand, t.Symbol)) | dotted


def free_indices(left: t.Node, right: t.Node) -> tuple[str, ...]:
    """The index letters (i, j, k, l) a step writes in subscripts outside every sum that binds
    them (`j` of `\\frac{\\partial}{\\partial w_j}\\sum_i w_i^2 = 2w_j`, `i` of `x_{ij}` where only j is
    summed), in alphabetical order; not those of a pattern with dots."""
    found: set[str] = set()

    def visit(node: t.Node, bound: frozenset[str]) -> None:
        if any(isinstance(child, t.Dots) for child in t.children(node)):
            return  # `diag(\\dots \\frac{\\partial (w_i + x_i)}{\\partial w_i} \\dots)`: a pattern binds its index
        if isinstance(node, t.Symbol) and isinstance(node.sub, t.Symbol) and not node.sub.font and node.sub.sub is None:
            letters = node.sub.name
            if letters and set(letters) <= set(INDEX_LETTERS) and len(letters) <= 2:
                found.update(set(letters) - bound)
        if isinstance(node, t.Sum) and node.index is None:
            return  # `\\sum (\\hat y_i - y_i) x_i`: the index is implicit, and its letters are bound
        inner = bound | {node.index.name} if isinstance(node, t.Sum) and node.index is not None else bound
        for child in t.children(node):
            visit(child, inner if isinstance(node, t.Sum) and child is node.body else bound)

    visit(left, frozenset())
    visit(right, frozenset())
    return tuple(sorted(found))


def clashing_indices(left: t.Node, right: t.Node, free: tuple[str, ...]) -> tuple[str, ...]:
    """The free indices the step also binds by a sum (`\\frac{\\partial}{\\partial x_i}\\sum_{i=1}^n x_i^2`)."""
    bound = {n.index.name for n in t.walk(left) + t.walk(right) if isinstance(n, t.Sum) and n.index is not None}
    return tuple(letter for letter in free if letter in bound)
