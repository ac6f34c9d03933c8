"""What the document defines, read from the tree: functions, symbols and stated equalities."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ..grammar import parse, tree as t
from ..grammar.names import key
from ..grammar.sexpr import sexpr

DOTS_FREE = "no-dots"
CODE = "code:"
"""Mirrors `context.CODE`: the distance field of a definition read from a code chunk."""
SHAPE = "shape"
"""Mirrors `context.SHAPE`: a declared shape; the body is `n` or `m \\times n`."""
EARLIER = "earlier"
"""Mirrors `context.EARLIER`: an earlier definition of a function redefined in other variables."""
LATER = "later"
"""Mirrors `context.LATER`: a definition made after the claim (a solution stated after an equation)."""
SOLUTION = "solution"
"""Mirrors `context.SOLUTION`: a definition made after the claim that the prose calls its solution."""
POINT = "point"
"""Mirrors `context.POINT`: a value stated in the claim's paragraph, before it (`At $t = 1$, …`)."""
LOCAL = "local"
"""Mirrors `context.LOCAL`: the prose takes derivatives as local partials."""
REBOUND = "rebound"
"""Mirrors `context.REBOUND`: a symbol defined before a relation that mentions it."""
CONDITION = "condition"
"""Mirrors `context.CONDITION`: the condition the text states for the claim (`for $|r| < c$`)."""
TUPLE_POINT = "tuple point"
"""Mirrors `context.TUPLE_POINT`: a point stated as a tuple in the claim's paragraph (`at $(3, 4)$`)."""


def made_later(entry: "tuple[str, ...]") -> bool:
    """A definition made after the claim (`LATER` or `SOLUTION`)."""
    return len(entry) > 2 and entry[2] in (LATER, SOLUTION)


@dataclass
class Definitions:
    functions: dict[str, tuple[tuple[t.Node, ...], t.Node]] = field(default_factory=dict)
    """name -> (parameters, body): `f(x, y) = 3x^2y`."""
    symbols: dict[str, t.Node] = field(default_factory=dict)
    """name -> body: `y_1 = 3x_1^2x_2`, `bold:x -> [x_1, x_2, x_3]^T`."""
    equalities: list[tuple[t.Node, t.Node]] = field(default_factory=list)
    """`f_i(w_i) + g_i(x_i) = w_i + x_i`: stated equalities between expressions."""

    equations: list[tuple[t.Node, t.Node]] = field(default_factory=list)
    """`x^2 + y^2 = 25`: curves and constraints stated earlier (for implicit derivatives)."""
    values: dict[str, t.Node] = field(default_factory=dict)
    """name -> number: `n = 5` stated in the prose; substituted only in the reading "with the stated values"."""
    points: set[str] = field(default_factory=set)
    """Names of `values` stated in the claim's own paragraph, before it: a point the claim may be at."""
    stated_tuple: tuple[t.Node, ...] = ()
    """The coordinates of a point stated as a tuple in the claim's paragraph (`at $(3, 4)$`), in order."""
    local: bool = False
    """The prose takes derivatives as local partials (see `context.LOCAL`)."""
    stated_names: tuple[t.Node, ...] = ()
    """The names of those coordinates, when the prose names them (`$(K, L) = (16, 4)$`)."""
    reading_far: bool = False
    """Set while a far definition is added (a value stated far away is not a reading)."""
    far: bool = False
    """Some definition was made far from the claim (see `context.NEAR`)."""
    shapes: dict[str, tuple[str, str]] = field(default_factory=dict)
    """name -> (rows, columns) as declared (`W \\in \\mathbb{R}^{K \\times m}`: ("K", "m"); a vector: ("n", "1"))."""
    rebound: tuple[str, ...] = ()
    """Symbols defined before a relation that mentions them (see `context.REBOUND`)."""
    condition: "t.Condition | None" = None
    """The condition the text states for the claim (see `context.CONDITION`): the step is compared
    only where it holds."""
    lower: dict[str, str] = field(default_factory=dict)
    """name -> where its definition comes from, for definitions of lower standing added by
    `supplemented` (a code chunk, or `u = 1 + \\sin x` read as the function u(x))."""

    @classmethod
    def from_pairs(cls, pairs: "tuple[tuple[str, ...], ...]", near_only: bool = False, code: bool = False, later: bool = False) -> "Definitions":
        """From (head, body) or (head, body, "near"/"far"/"code:…") texts; `near_only` drops the
        far ones; definitions read from code chunks count only with `code`, those made after the
        claim only with `later` (then they replace earlier ones of the name)."""
        defs = cls()
        for entry in pairs:
            head_text, body_text = entry[0], entry[1]
            if made_later(entry):
                if later:
                    defs.add(parse(head_text), parse(body_text))
                continue
            far = len(entry) > 2 and entry[2] == "far"
            if far and near_only:
                continue
            if len(entry) > 2 and entry[2].startswith(CODE):
                if code:
                    defs._add_code(entry[0], entry[1], entry[2][len(CODE):])
                continue
            if len(entry) > 2 and entry[2] == LOCAL:
                defs.local = True
                continue
            if len(entry) > 2 and entry[2] == REBOUND:
                defs.rebound += (key(parse(head_text)),)
                continue
            if len(entry) > 2 and entry[2] == CONDITION:
                defs.condition = read_condition(entry[1])
                continue
            if len(entry) > 2 and entry[2] == TUPLE_POINT:
                stated, names = parse(entry[1]), parse(entry[0]) if entry[0] else None
                if isinstance(stated, t.Tuple):
                    defs.stated_tuple = stated.items
                    if isinstance(names, t.Tuple) and len(names.items) == len(stated.items) and all(isinstance(n, t.Symbol) for n in names.items):
                        defs.stated_names = names.items
                continue
            if len(entry) > 2 and entry[2] == SHAPE:
                rows, _, cols = entry[1].partition("\\times")
                declared = parse(entry[0])
                if isinstance(declared, t.Symbol):
                    defs.shapes[key(declared)] = (rows.strip(), cols.strip() or "1")
                continue
            if len(entry) > 2 and entry[2] == EARLIER:
                if code:
                    defs._add_earlier(entry[0], entry[1])
                continue
            defs.far = defs.far or far
            head, body = parse(head_text), parse(body_text)
            if len(entry) > 2 and entry[2] == POINT and isinstance(head, t.Symbol):
                defs.points.add(key(head))
                if head.font == "bold" and isinstance(body, t.Tuple):
                    defs.points.update(f"{head.name}_{index}" for index in range(1, len(body.items) + 1))
            defs.reading_far = far
            defs.add(head, body)
        defs.reading_far = False
        defs._combinations_of_functions()
        defs._relations_of_variables()
        return defs

    def without(self, names: "tuple[str, ...]") -> "Definitions":
        """The definitions with those of these symbols left out (see `rebound`)."""
        return dataclasses.replace(self, symbols={n: b for n, b in self.symbols.items() if n not in names}, rebound=())

    def _relations_of_variables(self) -> None:
        """`x = y` where x and y are both variables of one defined function (`U(x, y)`; "from the
        first two conditions, $x = y$"): a relation that holds at a point, not x defined as y."""
        for name in sorted(self.symbols):
            body = self.symbols[name]
            if isinstance(body, t.Symbol) and any({name, key(body)} <= {key(p) for p in params if isinstance(p, t.Symbol)} for params, _ in self.functions.values()):
                del self.symbols[name]

    def _combinations_of_functions(self) -> None:
        """`f = u\\cdot v` with `u(x) = x^3`, `v(x) = (1-x)^2` defined: a name defined as a
        combination of functions of one and the same variable, some written without their argument,
        and of nothing else, is that function of the variable, so that `f'(x)` and `f(2)` read as (u·v)'(x) and (u·v)(2)."""
        for name in sorted(set(self.symbols) - set(self.functions)):
            body = self.symbols[name]
            arithmetic = (t.Number, t.Symbol, t.Neg, t.Add, t.Div, t.Frac, t.Pow, t.Sqrt, t.Apply, t.Function, t.Group)
            if not all(isinstance(n, arithmetic) or (isinstance(n, t.Mul) and set(n.ops) <= {"", "cdot", "*", "times"}) for n in t.walk(body)):
                continue  # `f = u \circ v` is a composition, not a product
            names = sorted({key(n) for n in t.walk(body) if isinstance(n, t.Symbol)})
            used = [self.functions[n] for n in names if n in self.functions]
            if not used or not all(len(params) == 1 and isinstance(params[0], t.Symbol) for params, _ in used):
                continue
            variables = {key(params[0]) for params, _ in used}
            if len(variables) != 1 or set(names) - set(self.functions) - variables or not _bare_function(body, set(self.functions)):
                continue  # `a = \sigma(u)` is a value in u: `a(1-a)` stays a product
            variable = used[0][0][0]
            self.functions[name] = ((variable,), t.rewrite(body, lambda n: _applied_at(n, set(self.functions), variable)))

    def _add_code(self, head_text: str, body_text: str, line: str) -> None:
        head, body = parse(head_text), parse(body_text)
        if isinstance(head, t.Apply) and isinstance(head.head, t.Symbol) and key(head.head) not in self.functions:
            self.add(head, body)
            language, _, code = line.partition(": ")
            self.lower[key(head.head)] = f"`{key(head.head)}` as defined only in the {language} code `{code}`"

    def _add_earlier(self, head_text: str, body_text: str) -> None:
        head, body = parse(head_text), parse(body_text)
        if isinstance(head, t.Apply) and isinstance(head.head, t.Symbol) and key(head.head) in self.functions:
            name = key(head.head)
            kept = self.functions.pop(name)
            self.add(head, body)
            if name in self.functions:
                self.lower[name] = f"`{name}` as its earlier definition `{head_text} = {body_text}`"
            else:
                self.functions[name] = kept

    @classmethod
    def supplemented(cls, pairs: "tuple[tuple[str, ...], ...]", applications: "dict[str, list[tuple[t.Node, ...]]]") -> "Definitions | None":
        """The definitions with those of lower standing added, or None when there are none:
        functions defined only in code chunks, and a name defined near the claim as an
        expression in one variable (`w = 2 + 4t`) that the claim applies to that variable or at
        a number (`w'(t)`, `w(0)`), read as that function."""
        defs = cls.from_pairs(pairs, code=True)
        near = cls.from_pairs(pairs, near_only=True).symbols
        for name in sorted(set(applications) - set(defs.functions)):
            body = defs.symbols.get(name)
            variable = _only_variable(body, defs) if body is not None and name in near else None
            if body is not None and variable is not None and all(_at(args, variable) for args in applications[name]):
                defs.functions[name] = ((variable,), body)
                defs.lower[name] = f"`{name}`, defined as an expression in {variable.name}, read as the function {name}({variable.name})"
        return defs if defs.lower else None

    def add(self, head: t.Node, body: t.Node) -> None:
        if isinstance(body, t.Unsupported):
            return
        if isinstance(head, t.Apply) and len(head.args) == 1 and isinstance(head.args[0], (t.Add, t.Mul)):
            head, body = _at_any_point(head, body)
        logged = _log_of_application(head)
        if logged is not None:  # `\\log f(x; p) = x\\log p + (1-x)\\log(1-p)`: the log-likelihood defines f
            head, body = logged, t.Apply(t.Function("exp", body.span), (body,), True, body.span)
        named = head.head if isinstance(head, t.Apply) else head
        if isinstance(named, t.Symbol) and _mentions(body, key(named)):
            return  # `x = \\log(e^x)`, `y = y(x)`, `f(a) = f(b)`: a relation of x with itself, not what x is
        if isinstance(head, t.Apply) and isinstance(head.head, t.Symbol) and all(isinstance(a, t.Symbol) or _power_parameter(a) for a in head.args):
            if is_number(body) or _numbers(body) or (isinstance(body, t.Symbol) and all(key(body) != key(a) for a in head.args if isinstance(a, t.Symbol))):
                return  # `f(x, y) = 0 if and only if …`, `g(x, y) = k`: a condition; `\\mathbf x(s) = (1, 0)`: a value at s
            self.functions[key(head.head)] = (head.args, body)
        elif isinstance(head, t.Symbol):
            if is_number(body):
                if not self.reading_far:
                    self.values[key(head)] = body  # `x = 1`, `n = 5`: an example value, used as a reading only
                return
            self.symbols[key(head)] = body
            if head.font == "bold" and isinstance(body, t.Tuple) and _numbers(body) and not self.reading_far:
                for index, item in enumerate(body.items, 1):  # `\\mathbf w = (0.5, 0.2)`: w_1 = 0.5, w_2 = 0.2
                    self.values.setdefault(f"{head.name}_{index}", item)
        elif isinstance(head, t.Transpose) and isinstance(head.operand, t.Symbol):
            self.symbols[key(head.operand)] = t.Transpose(body, body.span)
        elif isinstance(head, t.Add) and all(isinstance(term, t.Apply) or (isinstance(term, t.Neg) and isinstance(term.operand, t.Apply)) for term in head.terms):
            self.equalities.append((head, body))
        else:
            self.equations.append((head, body))


def _bare_function(node: t.Node, functions: set[str]) -> bool:
    """Some function name written without its argument (`u` of `u \\cdot v`)."""
    heads = {id(n.head) for n in t.walk(node) if isinstance(n, t.Apply)}
    return any(isinstance(n, t.Symbol) and key(n) in functions and id(n) not in heads for n in t.walk(node))


def _applied_at(node: t.Node, functions: set[str], variable: t.Symbol) -> t.Node | None:
    """A bare function name as its value at `variable` (`u` as u(x)); an application is kept."""
    if isinstance(node, t.Apply):
        return dataclasses.replace(node, args=tuple(t.rewrite(a, lambda n: _applied_at(n, functions, variable)) for a in node.args))
    if isinstance(node, t.Symbol) and key(node) in functions:
        return t.Apply(node, (variable,), True, node.span)
    return None


def _at_any_point(head: t.Apply, body: t.Node) -> tuple[t.Node, t.Node]:
    """`f(x+\\epsilon) = g(x+\\epsilon) + h(x+\\epsilon)`: f is g + h at every point, when the body
    uses the argument only as a whole; then it reads as `f(x) = g(x) + h(x)`.  Else unchanged."""
    argument = head.args[0]
    letters = [n for n in t.walk(argument) if isinstance(n, t.Symbol)]
    if not letters:
        return head, body
    pattern = sexpr(argument)
    placeholder = t.Symbol("\x00", argument.span)
    general = _replace_like(body, pattern, placeholder)
    if general is body or any(isinstance(n, t.Symbol) and key(n) in {key(v) for v in letters} for n in t.walk(general)):
        return head, body
    variable = letters[0]
    return dataclasses.replace(head, args=(variable,)), _replace_like(general, sexpr(placeholder), variable)


def _replace_like(node: t.Node, pattern: str, new: t.Node) -> t.Node:
    """`node` with every sub-node that reads as `pattern` (an S-expression) replaced by `new`."""
    return t.rewrite(node, lambda sub: new if sexpr(sub) == pattern else None)


def _mentions(node: t.Node, name: str) -> bool:
    return any(isinstance(n, t.Symbol) and key(n) == name for n in t.walk(node))


def _at(args: tuple[t.Node, ...], variable: t.Symbol) -> bool:
    """`w(t)` or `w'(0)`: applied to the variable of its expression, or at a number."""
    if len(args) != 1:
        return False
    arg = args[0]
    return is_number(arg) or (isinstance(arg, t.Symbol) and key(arg) == key(variable))


def _only_variable(body: t.Node, defs: "Definitions") -> t.Symbol | None:
    """The one plain letter an expression is in (`2 + 4t`: t), none if it has no or several."""
    letters = {n.name: n for n in t.walk(body) if isinstance(n, t.Symbol) and len(n.name) == 1 and n.sub is None
               and not n.font and not n.accent and not n.primes and n.name != "e"}
    free = [n for name, n in letters.items() if name not in defs.symbols and name not in defs.functions]
    unknown = (t.Derivative, t.Prime, t.Gradient, t.Unsupported, t.Matrix, t.Tuple, t.Dots)
    if len(free) != 1 or any(isinstance(n, unknown) or (isinstance(n, t.Apply) and not isinstance(n.head, t.Function)) for n in t.walk(body)):
        return None
    return free[0]


def _log_of_application(head: t.Node) -> t.Apply | None:
    """`f(x; p)` of the head `\\log f(x; p)`: a function of its parameters, defined through its logarithm."""
    if not (isinstance(head, t.Apply) and isinstance(head.head, t.Function) and head.head.name in ("log", "ln") and head.head.base is None and head.head.power is None and len(head.args) == 1):
        return None
    inner = head.args[0]
    if isinstance(inner, t.Apply) and isinstance(inner.head, t.Symbol) and inner.args and all(isinstance(a, t.Symbol) for a in inner.args):
        return inner
    return None


def _power_parameter(node: t.Node) -> bool:
    """`\\sigma^2` of `\\ell(\\mu, \\sigma^2)`: a parameter written as a power of a letter (the variance)."""
    return isinstance(node, t.Pow) and isinstance(node.base, t.Symbol) and isinstance(node.exponent, t.Number) and node.exponent.value.isdigit()


def _numbers(node: t.Node) -> bool:
    """A vector or matrix of numbers written out (`(1, 0)`, `\\begin{bmatrix} 1 \\\\ 0 \\end{bmatrix}`)."""
    if isinstance(node, t.Tuple):
        return all(is_number(item) for item in node.items)
    if isinstance(node, t.Matrix):
        return all(is_number(cell) for row in node.rows for cell in row)
    return False


def is_number(node: t.Node) -> bool:
    if isinstance(node, t.Number):
        return True
    if isinstance(node, t.Neg):
        return is_number(node.operand)
    if isinstance(node, (t.Frac, t.Div)):
        return is_number(node.numerator) and is_number(node.denominator)
    return False


def through_definitions(roots: "list[t.Node]", defs: Definitions, functions: bool = False) -> list[t.Node]:
    """The nodes of the bodies of the definitions the names under `roots` use, through definitions
    of definitions (`\\mathbf a = \\sigma(\\mathbf u)` brings in u); symbols' bodies, and with
    `functions` the functions' too."""
    bodies = {**({name: body for name, (_, body) in defs.functions.items()} if functions else {}), **defs.symbols}
    found: list[t.Node] = []
    seen: set[str] = set()
    pending = list(roots)
    while pending:
        for n in t.walk(pending.pop()):
            name = key(n) if isinstance(n, t.Symbol) else None
            if name is not None and name not in seen and name in bodies:
                seen.add(name)
                found.extend(t.walk(bodies[name]))
                pending.append(bodies[name])
    return found


def applications(left: t.Node, right: t.Node, defs: Definitions) -> dict[str, list[tuple[t.Node, ...]]]:
    """The arguments of every name written as a function (`w(t)`, `w'(0)`) in the step or in the
    bodies of the functions it may use."""
    nodes = t.walk(left) + t.walk(right) + [n for _, body in defs.functions.values() for n in t.walk(body)]
    found: dict[str, list[tuple[t.Node, ...]]] = {}
    for node in nodes:
        if isinstance(node, t.Apply):
            head = node.head.operand if isinstance(node.head, t.Prime) else node.head
            if isinstance(head, t.Symbol):
                found.setdefault(key(head), []).append(node.args)
    return found


def applied_in_definitions(defs: Definitions) -> dict[str, tuple[t.Node, ...]]:
    """Undefined names the defined functions apply to plain variables, each always to the same
    ones (`f(x, y)` in `L(x, y, \\lambda) = f(x, y) - \\lambda g(x, y)`)."""
    found: dict[str, tuple[t.Node, ...]] = {}
    clashes: set[str] = set()
    for _, body in defs.functions.values():
        for node in t.walk(body):
            if not (isinstance(node, t.Apply) and isinstance(node.head, t.Symbol) and node.args):
                continue
            name = key(node.head)
            if name in defs.functions or name in defs.symbols or not all(isinstance(a, t.Symbol) and not a.font for a in node.args):
                continue
            if name in found and [key(a) for a in found[name] if isinstance(a, t.Symbol)] != [key(a) for a in node.args if isinstance(a, t.Symbol)]:
                clashes.add(name)
            found.setdefault(name, node.args)
    return {name: args for name, args in found.items() if name not in clashes}


def read_condition(text: str) -> "t.Condition | None":
    """`|r| < c` read as the grammar reads a case's condition; None when it is not a relation it reads."""
    try:
        node = parse(f"\\begin{{cases}} 0 & {text} \\end{{cases}}")
    except Exception:  # a condition the grammar cannot read is not applied
        return None
    if isinstance(node, t.Cases) and len(node.conditions) == 1 and isinstance(node.conditions[0], t.Condition):
        return node.conditions[0]
    return None
