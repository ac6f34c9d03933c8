"""The tree evaluated into SymPy: a scalar expression or an explicit immutable matrix.

One method per node type, found through `_RULES` (a visible table); the calculus and the
vectors and matrices live in the mixins of `calculus.py` and `arrays.py`, the named functions in
`functions.py`.  An `Unchecked` exception says, in words a reader understands, why a member
cannot be evaluated; a `ShapeMismatch` says which shapes do not fit.
"""

from __future__ import annotations

from typing import Callable

import sympy

from .errors import ShapeMismatch, Unchecked
from .values import Value, _add, _hadamard, _immutable, _multiply, _transpose
from .ambient import Ambient
from ..grammar import tree as t
from ..grammar.rules.functions import FUNCTION_LETTERS
from .env import Definitions
from ..grammar.names import DOTS, key, scalar_name

CONSTANTS = {"pi": sympy.pi, "infty": sympy.oo}


class EvaluatorCore:
    """Evaluates trees under one layout and one length `n` of generic vectors."""

    RULES: dict[type, str] = {}
    """Node type -> the method that evaluates it; the full table is `Evaluator.RULES`."""

    def __init__(self, definitions: Definitions, layout: str = "numerator", n: int = 3, all_generic: bool = False, matrix_context: bool = False) -> None:
        self.defs = definitions
        self.layout = layout
        self.n = n
        self.all_generic = all_generic
        self.matrix_context = matrix_context
        self.indices: dict[str, int] = {}
        self.used_generic = False
        self.used_defined_array = False
        self.used_layout = False
        self.used_abstract: set[str] = set()
        self.sum_bounds: frozenset[str] = frozenset()
        """Undefined letters that bound a sum of the step or its definitions (`n` of `\\sum_{i=1}^n`):
        instantiated like the bound, so the `n` of `\\frac{1}{n}` beside the sum is the same number."""
        self.abstract_of_arrays: set[str] = set()
        """Functions the document only names, applied to a vector: their value may be a vector too."""
        self.applied_names: set[str] = set()
        """Names the claim applies as functions (`g(x)`): `\\frac{dg}{dx}` then means g's derivative."""
        self.applied_arguments: dict[str, tuple[t.Node, ...]] = {}
        """Undefined names a definition in use applies to plain variables (`f(x, y)` in `L(x, y, \\lambda)
        = f(x, y) - …`): a bare `\\frac{\\partial f}{\\partial x}` is then the derivative of f(x, y)."""
        self.depth = 0
        self.held: dict[str, Value] = {}
        """Defined vectors and matrices differentiated by (`\\frac{\\partial L}{\\partial \\mathbf z}` after
        `\\mathbf z = W\\mathbf a`): name -> generic entries that stand for them while the derivative is taken."""
        self.products_first = False
        """A reading: `u(x+1)` is a product even for a letter that usually names a function."""
        self.dependencies: dict[str, tuple[str, ...]] = {}
        self.free_indices: frozenset[str] = frozenset()
        """Index letters a step writes outside every sum, instantiated at each value (`w_j` of
        `\\frac{\\partial}{\\partial w_j}`)."""
        """A reading: name -> the names it is a function of (see `calculus.dependent_value`)."""
        self.implicit_functions: set[str] = set()
        """Bare function letters that stand for functions of x (`(fg)' = f'g + fg'`)."""
        self.written_names: set[str] = set()
        self.written_twice: set[str] = set()
        self.own_sums: set[int] = set()
        """The sums the step writes (by `id`): a sum in a definition it uses binds its own index."""
        """Names the step writes more than once (`D_{\\mathbf u} f = \\nabla f\\cdot\\mathbf u`)."""
        """Names written in the claim itself: a value stated earlier replaces only names the claim
        does not write (the n of `f(x) = x^n` in `f'(x) = 5x^4`)."""
        self.stated_values = False
        """A reading: values stated earlier (`n = 5`) replace their names."""
        self.dependent = False
        """A reading: undefined letters in a `d/dx` operand are functions of x (see calculus.py)."""
        self.dimensions: dict[str, int] = {}
        """The sizes tried for the dimensions of declared shapes (`K`, `m` of `W \\in \\mathbb{R}^{K \\times m}`)."""
        self.used_shapes = False
        self.parameters_in_use: frozenset[str] = frozenset()
        """The parameters of the definitions being evaluated (`x`, `y` of `F(x, y) = x^2 + A(y)`)."""
        self.row_vectors = False
        """A reading: vectors declared in `\\mathbb{R}^n` are rows (`\\mathbf{x}W` in ML notes)."""
        self.gradient_variables: tuple[str, ...] = ()
        self.local = False
        """The local-partial reading: a defined operand is its definition, whose own names are held."""
        """A reading: `\\nabla` of an expression is by these variables (`\\nabla(xy^2z^3)`: x, y, z)."""
        self.frobenius = False
        self.jacobian_determinant = False
        self.prime_on_curve = False
        """A reading: `y'` of an undefined y is dy/dx on the curve stated before it."""
        """A reading: `\\frac{\\partial(x,y)}{\\partial(r,\\theta)}` is the Jacobian's determinant."""
        """A reading: `\\|M\\|_2` (or `\\|M\\|`) of a matrix is its Frobenius norm, as ML notes often mean."""
        self.series_terms = False
        """A reading: an infinite series stands for its first n terms (series compared term by term)."""
        self.primed_functions: set[str] = set()
        """Names the claim writes as `w'(t)`: `w(t)` is then w applied to t, not w times t."""
        self.ambient: Ambient | None = None
        """A reading: undefined differentiated names are arbitrary functions (see `ambient`)."""
        self.bare_applied: dict[str, tuple[t.Node, ...]] = {}
        """Undefined names the claim applies, always to the same variables (`y(x)`): a bare `y` in
        the same claim is that function too (`[y(x)^2]' = 2y\\,y'`)."""

    def value(self, node: t.Node) -> Value:
        self.depth += 1
        if self.depth > 80:
            raise Unchecked("unparsed", "definitions refer to each other in a loop, or the notation is nested too deeply")
        try:
            method = self.RULES.get(type(node))
            if method is None:
                raise Unchecked("unparsed", f"`{type(node).__name__.lower()}` notation is not evaluated")
            result: Value = getattr(self, method)(node)
            return result
        finally:
            self.depth -= 1

    # -- atoms --------------------------------------------------------------------------------
    def number(self, node: t.Number) -> Value:
        return sympy.Rational(node.value)

    def symbol(self, node: t.Symbol) -> Value:
        jacobian = self.jacobian_of(node) if node.name in ("J", "H") and node.sub is not None else None
        if jacobian is not None:
            return jacobian
        unit = self.unit_vector(node)
        if unit is not None:
            return unit
        if node.font == "bold" or (self.matrix_context and _is_matrix_letter(node)) or (self.dimensions and key(node) in self.defs.shapes and not self.defs.shapes[key(node)] == ("1", "1")):
            return self.array_symbol(node)  # a name declared `W \\in \\mathbb R^{m \\times h}` is that matrix wherever it is written
        if node.name in self.indices and node.sub is None and not node.font and not node.accent:
            return sympy.Integer(self.indices[node.name])  # `i^2` inside `\sum_{i=1}^3`
        if node.name == "I" and node.sub is None and self.matrix_context:
            self.used_generic = True
            return _immutable(sympy.eye(self.n))
        delta = self.kronecker(node)
        if delta is not None:
            return delta
        if node.accent in DOTS and key(node) not in self.defs.symbols:
            dotted = self.newton_dot(node)
            if dotted is not None:
                return dotted
        name = scalar_name(node, self.indices)
        if name is None:
            raise Unchecked("unparsed", f"the subscript of `{node.name}` is not a plain index")
        if (node.sub is not None and not node.font and (node.name in self.defs.functions or node.name in self.defs.symbols) and name not in self.defs.symbols
                and isinstance(node.sub, t.Symbol) and self._subscript_variables(node)):
            return self.subscript_partial(node)
        if node.name in self.implicit_functions and node.sub is None and not node.font:
            self.used_abstract.add(node.name)
            return sympy.Function(node.name)(sympy.Symbol("x"))
        arbitrary = self.arbitrary(node)
        if arbitrary is not None:
            return arbitrary
        if self.stated_values and key(node) in self.defs.values and key(node) not in self.written_names:
            return self.value(self.defs.values[key(node)])
        if node.sub is None and not node.accent and not node.font and node.name in self.dimensions and key(node) not in self.defs.symbols and key(node) not in self.defs.values:
            return sympy.Integer(self.dimensions[node.name])  # the n of `\\frac{1}{n}` beside `\\mathbf x \\in \\mathbb{R}^n`, at the size tried
        if node.sub is None and not node.accent and not node.font and node.name in self.sum_bounds and key(node) not in self.defs.symbols and key(node) not in self.defs.values:
            self.used_generic = True
            return sympy.Integer(self.n)
        if node.sub is None and not node.accent and key(node) not in self.defs.symbols:
            if node.name == "e":
                return sympy.E
            if node.name in CONSTANTS:
                return CONSTANTS[node.name]
        if node.font == "roman" and node.name == "d":
            raise Unchecked("unparsed", "a differential `d` outside a derivative is not evaluated")
        return sympy.Symbol(name)

    def kronecker(self, node: t.Symbol) -> Value | None:
        """`\\delta_{ij}` with both indices given values (bound by sums, or free and instantiated):
        1 where they are equal, else 0."""
        if node.name != "delta" or not isinstance(node.sub, t.Symbol) or node.font or key(node) in self.defs.symbols:
            return None
        letters = node.sub.name
        if len(letters) == 2 and any(letter in self.indices for letter in letters) and not all(letter in self.indices for letter in letters):
            # `\\delta_{jc}` with j instantiated and c the index of a class the text fixes: what c is, the math does not say
            unbound = next(letter for letter in letters if letter not in self.indices)
            raise Unchecked("unparsed", f"`\\delta_{{{letters}}}` uses the index `{unbound}`, which is neither summed over nor given values here")
        if len(letters) != 2 or not all(letter in self.indices for letter in letters):
            return None
        return sympy.Integer(1 if self.indices[letters[0]] == self.indices[letters[1]] else 0)

    def arbitrary(self, node: t.Symbol) -> Value | None:
        """A bare name read as a function: `y` beside `y(x)`, or a name of the rule reading."""
        if node.font or node.accent or node.primes:
            return None
        name = key(node)
        if node.sub is None and name in self.bare_applied and name not in self.defs.symbols and name not in self.defs.functions:
            return self.abstract(name, self.bare_applied[name])
        if self.ambient is None:
            return None
        variables = [sympy.Symbol(v) for v in self.ambient.variables]
        if name in self.ambient.scalars:
            self.used_abstract.add(name)
            return sympy.Function(name)(*variables)
        if name in self.ambient.fields:
            self.used_abstract.add(name)
            return _immutable(sympy.Matrix([sympy.Function(f"{name}_{v}")(*variables) for v in self.ambient.variables]))
        return None

    def text(self, node: t.Text) -> Value:
        raise Unchecked("unparsed", f"words inside the formula (`{node.text}`)")

    def dots(self, node: t.Dots) -> Value:
        raise Unchecked("unparsed", "a pattern with `\\dots` stands for many entries")

    def unsupported(self, node: t.Unsupported) -> Value:
        raise Unchecked(node.code, node.reason)

    def group(self, node: t.Group) -> Value:
        return self.value(node.inner)

    def cases(self, node: t.Cases) -> Value:
        """`\\begin{cases} 0 & x<0 \\\\ x & x \\ge 0 \\end{cases}`: a piecewise scalar."""
        pieces: list[tuple[sympy.Expr, object]] = []
        for value, condition in zip(node.values, node.conditions):
            evaluated = self.value(value)
            if isinstance(evaluated, sympy.MatrixBase):
                raise Unchecked("unparsed", "a case whose value is a vector or matrix is not evaluated")
            pieces.append((evaluated, True if condition is None else self.condition(condition)))
        return sympy.Piecewise(*pieces)

    def condition(self, node: t.Condition) -> object:
        members = [self.value(member) for member in node.members]
        if any(isinstance(m, sympy.MatrixBase) for m in members):
            raise Unchecked("unparsed", "a condition of a case on a vector or matrix is not evaluated")
        relations = [_RELATIONS[op](a, b) for op, a, b in zip(node.relations, members, members[1:])]
        return relations[0] if len(relations) == 1 else sympy.And(*relations)

    # -- arithmetic ---------------------------------------------------------------------------
    def neg(self, node: t.Neg) -> Value:
        return -self.value(node.operand)

    def add(self, node: t.Add) -> Value:
        values = [self.value(term) for term in node.terms]
        if any(not isinstance(v, sympy.MatrixBase) and v != 0 for v in values):
            # `L + \\frac{\\lambda}{2}\\|W\\|_F^2`: a capital the document leaves undefined, added to a number, is a number
            values = [sympy.Symbol(scalar_name(term, self.indices) or term.name) if self._generic_capital(term, value) else value for term, value in zip(node.terms, values)]
        total = values[0]
        for term, value in zip(node.terms[1:], values[1:]):
            total = _add_with_zero(total, value)
        return total

    def _generic_capital(self, term: t.Node, value: Value) -> bool:
        """A capital read as a generic matrix only because it stands beside vectors (`L`)."""
        return (isinstance(term, t.Symbol) and isinstance(value, sympy.MatrixBase) and _is_matrix_letter(term) and term.sub is None
                and key(term) not in self.defs.symbols and key(term) not in self.defs.shapes and key(term) not in self.held)

    def mul(self, node: t.Mul) -> Value:
        node = self.operator_d(node)
        if len(node.factors) == 1:
            return self.value(node.factors[0])
        for op, factor, following in zip(node.ops, node.factors, node.factors[1:]):
            if op == "circ" and isinstance(factor, t.Symbol) and isinstance(following, t.Symbol) and (_function_letter(factor) or _function_letter(following)):
                # `f \circ g`, `f \circ \vec\gamma` (a function of a curve): not a Hadamard product
                raise Unchecked("unparsed", "a composition of functions (`g \\circ f`) is not evaluated")
            if isinstance(factor, t.Symbol) and factor.name == "D" and not factor.font and key(factor) not in self.defs.symbols and not self.matrix_context:
                if isinstance(following, (t.Symbol, t.Apply, t.Group)):
                    raise Unchecked("unparsed", f"the operator notation `{key(factor)}` is not evaluated")
        result = self.value(node.factors[0])
        for op, factor in zip(node.ops, node.factors[1:]):
            right = self.value(factor)
            result = self.combine(result, op, right)
        return result

    def operator_d(self, node: t.Mul) -> t.Mul:
        """`Df(x)`, `D_x f(x)`, `D^2 f(x)`, `D_x f`: the derivative operator D, where the document
        does not define `D` and it stands before a function letter, applied to one variable or
        with that variable as D's subscript.  Any other `D` is left as it is."""
        factors, ops = list(node.factors), list(node.ops)
        k = 0
        while k < len(factors) - 1:
            derivative = self._d_applied(factors[k], factors[k + 1]) if ops[k] == "" else None
            if derivative is not None:
                factors[k : k + 2] = [derivative]
                del ops[k]
            k += 1
        return node if len(factors) == len(node.factors) else t.Mul(tuple(factors), tuple(ops), node.span)

    def _d_applied(self, operator: t.Node, operand: t.Node) -> t.Node | None:
        directional = _directional(operator, operand)
        if directional is not None and "D" not in self.defs.symbols and "D" not in self.defs.functions:
            direction = key(operator.sub) if isinstance(operator, t.Symbol) and operator.sub is not None else ""
            if direction not in self.defs.symbols and direction not in self.defs.shapes and direction not in self.written_twice:
                shown = direction.replace("bold:", "")
                raise Unchecked("undefined-function", f"the direction `{shown}` of the directional derivative is not defined in the document")
            return directional
        order = 1
        if isinstance(operator, t.Pow) and isinstance(operator.exponent, t.Number) and operator.exponent.value in ("2", "3"):
            operator, order = operator.base, int(operator.exponent.value)
        if not (isinstance(operator, t.Symbol) and operator.name == "D" and not operator.font and not operator.accent and not operator.primes):
            return None
        if "D" in self.defs.symbols or "D" in self.defs.functions or "D" in self.defs.values or self.matrix_context:
            return None
        head = operand.head if isinstance(operand, t.Apply) else operand
        sub = operator.sub
        if isinstance(sub, t.Symbol) and not sub.font and sub.sub is None and sub.name in "xyzt" and not _function_letter(head):
            return t.Derivative("d", (sub,) * order, operand, "operator", (operator.span[0], operand.span[1]))  # `D_x x^3`
        if not _function_letter(head):
            return None
        args = operand.args if isinstance(operand, t.Apply) else ()
        letters = [a for a in args if isinstance(a, t.Symbol) and not a.font and a.sub is None]
        if sub is None and len(args) == 1 and len(letters) == 1:
            variable = letters[0]
        elif isinstance(sub, t.Symbol) and not sub.font and sub.sub is None and (any(key(a) == key(sub) for a in letters) or (not args and sub.name not in "ijklmn")):
            variable = sub
        else:
            return None
        return t.Derivative("d" if len(args) <= 1 else "partial", (variable,) * order, operand, "operator", (operator.span[0], operand.span[1]))

    def combine(self, left: Value, op: str, right: Value) -> Value:
        if op in ("odot", "otimes", "circ"):
            return _hadamard(left, right, divide=False)
        if op in ("oslash",):
            return _hadamard(left, right, divide=True)
        if op == "div":
            return self.divide(left, right)
        if op == "times" and _is_vector3(left) and _is_vector3(right):
            product = sympy.Matrix(list(left)).cross(sympy.Matrix(list(right)))  # a gradient (a row) × a field
            return _immutable(product.T if left.shape == right.shape == (1, 3) else product)
        if op == "cdot" and _same_vectors(left, right):
            return sum(a * b for a, b in zip(left, right))  # `\vec a \cdot \vec b`: the dot product
        return _multiply(left, right)

    def divide(self, numerator: Value, denominator: Value) -> Value:
        if isinstance(denominator, sympy.MatrixBase):
            if denominator.shape == (1, 1):
                denominator = denominator[0, 0]
            else:
                raise Unchecked("unparsed", "a division by a vector or matrix")
        if denominator == 0:
            raise Unchecked("unparsed", "a division by zero")
        return _immutable(numerator / denominator) if isinstance(numerator, sympy.MatrixBase) else numerator / denominator

    def div(self, node: t.Div) -> Value:
        return self.divide(self.value(node.numerator), self.value(node.denominator))

    def frac(self, node: t.Frac) -> Value:
        return self.divide(self.value(node.numerator), self.value(node.denominator))

    def pow(self, node: t.Pow) -> Value:
        if isinstance(node.base, t.Apply) and self.product_application(node.base):
            # `6y(\\frac{x^2}{y^2})^2` read as a product: the power is the parenthesis's, not y's
            power = t.Pow(node.base.args[0], node.exponent, node.span)
            return self.combine(self.value(node.base.head), "", self.value(power))
        base = self.value(node.base)
        exponent = self.value(node.exponent)
        if isinstance(exponent, sympy.MatrixBase):
            raise Unchecked("unparsed", "a matrix in an exponent")
        if isinstance(base, sympy.MatrixBase):
            if base.shape == (1, 1):
                return base[0, 0] ** exponent
            if not base.is_square:
                raise ShapeMismatch(f"a power of a {base.rows}x{base.cols} matrix, which is not square")
            if exponent == -1:
                if base.det() == 0:
                    raise Unchecked("unparsed", "the inverse of a singular matrix")
                return _immutable(base.inv())
            if exponent.is_Integer and exponent > 0:
                return _immutable(base**exponent)
            raise Unchecked("unparsed", "a non-integer power of a matrix")
        return base**exponent

    def sqrt(self, node: t.Sqrt) -> Value:
        radicand = self.scalar(node.radicand, "a square root")
        if node.index is None:
            return sympy.sqrt(radicand)
        return sympy.root(radicand, self.scalar(node.index, "a root's index"))

    def transpose(self, node: t.Transpose) -> Value:
        return _transpose(self.value(node.operand))

    def abs(self, node: t.Abs) -> Value:
        inner = self.value(node.inner)
        if isinstance(inner, sympy.MatrixBase):
            if inner.shape == (1, 1):
                return sympy.Abs(inner[0, 0])
            raise Unchecked("unparsed", "`|…|` around a vector or matrix (a norm or a determinant?)")
        return sympy.Abs(inner)

    def scalar(self, node: t.Node, what: str) -> Value:
        value = self.value(node)
        if isinstance(value, sympy.MatrixBase):
            if value.shape == (1, 1):
                return value[0, 0]
            raise ShapeMismatch(f"{what} of a {value.rows}x{value.cols} matrix")
        return value

    def _subscript_variables(self, node: t.Symbol) -> bool:
        """The subscript of `T_x` names variables T may be differentiated by: parameters of the
        function T, or letters its expression writes on their own (not the a of `T = T_a + (T_0 -
        T_a)e^{-kt}`, where T_a is a name of its own)."""
        assert isinstance(node.sub, t.Symbol)
        if node.name in self.defs.functions:
            return True
        body = self.defs.symbols[node.name]
        nodes = t.walk(body)
        subscripts = {id(s) for n in nodes if isinstance(n, t.Symbol) and n.sub is not None for s in t.walk(n.sub)}
        alone = {n.name for n in nodes if isinstance(n, t.Symbol) and n.sub is None and not n.font and id(n) not in subscripts}
        return set(node.sub.name) <= alone or any(isinstance(n, t.Symbol) and n.name == node.name and n.sub is None for n in t.walk(body))

    def subscript_partial(self, node: t.Symbol) -> Value:
        """`f_x`, `f_{xy}` once f(x, y) is defined: its partial derivatives; an index otherwise."""
        assert isinstance(node.sub, t.Symbol)
        function = self.defs.functions.get(node.name)
        parameters = {p.name for p in function[0] if isinstance(p, t.Symbol)} if function else set()
        letters = list(node.sub.name)
        if function is None or not set(letters) <= parameters:
            raise Unchecked("unparsed", f"the subscript notation `{node.name}_{node.sub.name}` for a derivative of `{node.name}` is not evaluated")
        value = self.apply_definition(node.name, function[0])
        if isinstance(value, sympy.MatrixBase):
            raise Unchecked("unparsed", f"`{node.name}_{node.sub.name}` of a vector-valued `{node.name}`: a component or a partial derivative?")
        for letter in letters:
            value = self.differentiate(value, sympy.Symbol(letter))
        return value

    # -- hooks the mixins provide (declared here so each mixin type-checks alone) ------------------
    def array_symbol(self, node: t.Symbol) -> Value:
        raise NotImplementedError

    def apply(self, node: t.Apply) -> Value:
        raise NotImplementedError

    def apply_definition(self, name: str, args: tuple[t.Node, ...]) -> Value:
        raise NotImplementedError

    def abstract(self, name: str, args: tuple[t.Node, ...]) -> Value:
        raise NotImplementedError

    def product_application(self, node: t.Apply) -> bool:
        raise NotImplementedError

    def apply_prime(self, head: t.Prime, args: tuple[t.Node, ...]) -> Value:
        raise NotImplementedError

    def derivative_at(self, head: t.Derivative, args: tuple[t.Node, ...]) -> Value:
        raise NotImplementedError

    def _at_a_point(self, node: t.Derivative) -> "t.Apply | None":
        raise NotImplementedError

    def differentiate(self, value: Value, variable: Value, gradient: bool = False) -> Value:
        raise NotImplementedError

    def variable(self, node: t.Node) -> Value:
        raise NotImplementedError

    def operand(self, node: t.Node, variables: list[Value]) -> Value:
        raise NotImplementedError

    def at_point(self, value: Value, pairs: list[tuple[t.Node, t.Node]]) -> Value:
        raise NotImplementedError

    def gradient(self, node: t.Gradient) -> Value:
        raise NotImplementedError

    def expand_dependents(self, value: Value, excluded: set[object], rounds: int = 8) -> Value:
        raise NotImplementedError

    def newton_dot(self, node: t.Symbol) -> Value | None:
        raise NotImplementedError

    def unit_vector(self, node: t.Symbol) -> Value | None:
        raise NotImplementedError

    def holding(self, variables: "tuple[t.Node, ...]", compute: "Callable[[], Value]") -> Value:
        raise NotImplementedError

    def implicit_derivative(self, node: t.Node, variables: list[Value]) -> Value | None:
        raise NotImplementedError


def _is_matrix_letter(node: t.Symbol) -> bool:
    return len(node.name) == 1 and node.name.isupper() and node.name != "I" and not node.accent and node.font in ("", "roman")


def _directional(operator: t.Node, operand: t.Node) -> t.Node | None:
    """`D_{\\mathbf u} f(0, 1, 2)`: the directional derivative, ∇f(0, 1, 2) · u."""
    if not (isinstance(operator, t.Symbol) and operator.name == "D" and not operator.font and isinstance(operator.sub, t.Symbol) and operator.sub.font == "bold"):
        return None
    head = operand.head if isinstance(operand, t.Apply) else operand
    if not _function_letter(head):
        return None
    span = (operator.span[0], operand.span[1])
    return t.Mul((t.Gradient(operand, None, 1, span, "grad"), operator.sub), ("cdot",), span)


def _function_letter(node: t.Node) -> bool:
    return isinstance(node, t.Symbol) and node.name in FUNCTION_LETTERS and not node.font


def _same_vectors(left: Value, right: Value) -> bool:
    return (
        isinstance(left, sympy.MatrixBase) and isinstance(right, sympy.MatrixBase) and left.shape == right.shape
        and 1 in left.shape and left.shape != (1, 1)
    )


def _is_vector3(value: Value) -> bool:
    return isinstance(value, sympy.MatrixBase) and value.shape in ((3, 1), (1, 3))


def _add_with_zero(left: Value, right: Value) -> Value:
    """`0` is the zero of whatever shape the other side has; a 1x1 matrix is a scalar."""
    left_matrix, right_matrix = isinstance(left, sympy.MatrixBase), isinstance(right, sympy.MatrixBase)
    if left_matrix and not right_matrix and right == 0:
        return left
    if right_matrix and not left_matrix and left == 0:
        return right
    if left_matrix and left.shape == (1, 1) and not right_matrix:
        return left[0, 0] + right
    if right_matrix and right.shape == (1, 1) and not left_matrix:
        return left + right[0, 0]
    return _add(left, right)


_RELATIONS = {"<": sympy.Lt, "<=": sympy.Le, ">": sympy.Gt, ">=": sympy.Ge, "!=": sympy.Ne, "=": sympy.Eq}

CORE_RULES = {
    t.Number: "number", t.Symbol: "symbol", t.Text: "text", t.Dots: "dots", t.Unsupported: "unsupported",
    t.Group: "group", t.Neg: "neg", t.Add: "add", t.Mul: "mul", t.Div: "div", t.Frac: "frac", t.Pow: "pow",
    t.Sqrt: "sqrt", t.Transpose: "transpose", t.Abs: "abs", t.Cases: "cases",
}
