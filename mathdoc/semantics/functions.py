"""Applications: named functions (`\\sin`, `\\ln`, `\\operatorname{tr}`), the document's functions
(`f(x, y)` with `f` defined), functions it only names (`g(\\mathbf y)`), and products `x(x+1)`."""

from __future__ import annotations

import sympy

from .errors import ShapeMismatch, Unchecked
from .values import Value, _immutable
from ..grammar import tree as t
from ..grammar.sexpr import sexpr
from ..grammar.rules.functions import FUNCTION_LETTERS, hessian_subject, jacobian_subject
from .evaluate import EvaluatorCore
from ..grammar.names import key, scalar_name

_E = sympy.E
SCALAR_FUNCTIONS = {
    "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "cot": sympy.cot, "sec": sympy.sec, "csc": sympy.csc,
    "sinh": sympy.sinh, "cosh": sympy.cosh, "tanh": sympy.tanh, "coth": sympy.coth, "sech": sympy.sech, "csch": sympy.csch,
    "arcsin": sympy.asin, "arccos": sympy.acos, "arctan": sympy.atan, "arccot": sympy.acot, "arcsec": sympy.asec, "arccsc": sympy.acsc,
    "arsinh": sympy.asinh, "arcosh": sympy.acosh, "artanh": sympy.atanh, "arcsinh": sympy.asinh, "arccosh": sympy.acosh, "arctanh": sympy.atanh,
    "exp": sympy.exp, "ln": sympy.log, "log": sympy.log, "lg": lambda x: sympy.log(x, 10),
    "factorial": sympy.factorial, "erf": sympy.erf, "erfc": sympy.erfc, "sgn": sympy.sign, "sign": sympy.sign, "abs": sympy.Abs, "Abs": sympy.Abs,
    "sigmoid": lambda x: 1 / (1 + sympy.exp(-x)), "Sigmoid": lambda x: 1 / (1 + sympy.exp(-x)),
    "softplus": lambda x: sympy.log(1 + sympy.exp(x)), "Softplus": lambda x: sympy.log(1 + sympy.exp(x)),
    "relu": lambda x: sympy.Max(0, x), "ReLU": lambda x: sympy.Max(0, x), "Relu": lambda x: sympy.Max(0, x), "Tanh": sympy.tanh,
}
INVERSES = {"sin": "arcsin", "cos": "arccos", "tan": "arctan", "cot": "arccot", "sec": "arcsec", "csc": "arccsc", "sinh": "arsinh", "cosh": "arcosh", "tanh": "artanh"}


DEFINITION_PREFIX = "cannot evaluate the earlier definition of "
_FIELD_LETTERS = frozenset("f g h F G H u v y L J V Q P ell gamma".split())
"""Letters that, applied to a vector, name a function of the vector (f(**x**) of a scalar field,
another f than one of a scalar): a function of a scalar acts on each entry only under another name
(σ, φ, an activation)."""


class FunctionRules(EvaluatorCore):
    def apply(self, node: t.Apply) -> Value:
        head = node.head
        if isinstance(head, t.Symbol) and head.name == "D" and head.sub is not None and len(node.args) == 1:
            derivative = self._d_applied(head, t.Group(node.args[0], "(", node.span))  # `D_x(x^2 + x)`
            if derivative is not None:
                return self.value(derivative)
        if isinstance(head, t.Function):
            return self.named_function(head, node.args)
        if isinstance(head, t.Symbol):
            return self.apply_symbol(head, node)
        if isinstance(head, t.Prime):
            operand = head.operand
            if isinstance(operand, t.Symbol) and operand.name in self.implicit_functions and len(node.args) == 1:
                return self.combine(self.value(head), "", self.value(node.args[0]))  # `u'(vw)` beside `v'w`: a product
            return self.apply_prime(head, node.args)
        if isinstance(head, t.Derivative):
            return self.derivative_at(head, node.args)
        raise Unchecked("unparsed", "an application of an expression")

    def function(self, node: t.Function) -> Value:
        raise Unchecked("unparsed", f"`{node.name}` with no argument")

    def named_function(self, head: t.Function, args: tuple[t.Node, ...]) -> Value:
        name = head.name
        if name in ("max", "min"):
            values = [self.scalar(a, f"`\\{name}`") for a in args]
            return (sympy.Max if name == "max" else sympy.Min)(*values)
        if name in ("det", "tr", "trace", "Tr", "diag", "Diag", "softmax"):
            return self.matrix_function(name.lower(), args)
        if len(args) != 1:
            raise Unchecked("malformed-notation", f"`{name}` takes one argument, {len(args)} given")
        power = self.scalar(head.power, "an exponent") if head.power is not None else None
        if power == -1 and name in INVERSES:
            name, power = INVERSES[name], None  # `\sin^{-1} x` is arcsin x (1/sin x is the other reading)
        function = SCALAR_FUNCTIONS.get(name)
        if function is None:
            raise Unchecked("unparsed", f"the function `{name}` is not evaluated")
        argument = self.value(args[0])
        if isinstance(argument, sympy.MatrixBase):
            if argument.shape == (1, 1):
                argument = argument[0, 0]
            elif name in ("exp", "ln", "log", "sigmoid", "relu", "ReLU", "tanh", "softplus") or 1 in argument.shape:
                return _immutable(argument.applyfunc(lambda e: self._scalar_function(function, head, e, power)))  # `\\sin(\\mathbf x)`: entry by entry
            else:
                raise Unchecked("unparsed", f"`{name}` of a matrix (entry by entry, or the matrix function?)")
        return self._scalar_function(function, head, argument, power)

    def _scalar_function(self, function: object, head: t.Function, argument: Value, power: Value) -> Value:
        value = function(argument)  # type: ignore[operator]
        if head.base is not None:
            if head.name != "log":
                raise Unchecked("unparsed", f"a subscript on `{head.name}`")
            value = sympy.log(argument) / sympy.log(self.scalar(head.base, "the base of a logarithm"))
        return value if power is None else value**power

    def matrix_function(self, name: str, args: tuple[t.Node, ...]) -> Value:
        if name == "diag" and len(args) == 1:
            pattern = self.diagonal_pattern(args[0])
            if pattern is not None:
                return pattern
        values = [self.value(a) for a in args]
        if name == "diag":
            if len(values) > 1:
                return _immutable(sympy.diag(*[self.scalar(a, "an entry of `diag`") for a in args]))
            value = values[0]
            if isinstance(value, sympy.MatrixBase):
                if value.rows > 1 and value.cols > 1:
                    raise Unchecked("unparsed", "`diag` of a matrix (its diagonal, or a block matrix?)")
                return _immutable(sympy.diag(*list(value)))
            return _immutable(sympy.diag(value))
        if len(values) != 1:
            raise Unchecked("malformed-notation", f"`{name}` takes one argument, {len(values)} given")
        value = values[0]
        if name == "softmax":
            if not isinstance(value, sympy.MatrixBase) or 1 not in value.shape:
                raise Unchecked("unparsed", "softmax of something that is not a vector")
            total = sum(sympy.exp(e) for e in value)
            return _immutable(value.applyfunc(lambda e: sympy.exp(e) / total))
        if not isinstance(value, sympy.MatrixBase) or not value.is_square:
            if name in ("tr", "trace") and not isinstance(value, sympy.MatrixBase):
                return value  # the trace of a scalar (a 1x1 product such as x^T A x)
            raise Unchecked("unparsed", f"`{name}` of something that is not a square matrix")
        return value.trace() if name in ("tr", "trace") else value.det()

    def diagonal_pattern(self, node: t.Node) -> Value | None:
        """`diag(\\dots \\frac{1}{x_i} \\dots)`: the entry written with index i, for i = 1..n."""
        if not (isinstance(node, t.Mul) and len(node.factors) >= 3 and isinstance(node.factors[0], t.Dots) and isinstance(node.factors[-1], t.Dots)):
            return None
        body_factors = node.factors[1:-1]
        body = body_factors[0] if len(body_factors) == 1 else t.Mul(body_factors, node.ops[1:-1], node.span)
        indices = sorted({n.sub.name for n in t.walk(body) if isinstance(n, t.Symbol) and isinstance(n.sub, t.Symbol) and n.sub.name in "ijkl"})
        if len(indices) != 1 or indices[0] in self.indices:
            raise Unchecked("unparsed", "a pattern `diag(\\dots … \\dots)` without one index")
        self.used_generic = True
        entries = []
        for value in range(1, self.n + 1):
            self.indices[indices[0]] = value
            try:
                entries.append(self.scalar(body, "an entry of `diag`"))
            finally:
                del self.indices[indices[0]]
        return _immutable(sympy.diag(*entries))

    def apply_symbol(self, head: t.Symbol, node: t.Apply) -> Value:
        name = key(head)
        if name in self.defs.functions:
            return self.apply_definition(name, node.args)
        jacobian = self.jacobian_of(head) if head.name in ("J", "H") else None
        if jacobian is not None:
            params = self.defs.functions[key(head.sub)][0]  # type: ignore[arg-type]
            if len(params) != len(node.args):
                raise Unchecked("unparsed", "a Jacobian applied to arguments that do not match its function's")
            return self.at_point(jacobian, list(zip(params, node.args)))
        if self.ambient is not None and name in (self.ambient.scalars | self.ambient.fields) and len(node.args) == 1:
            return self.combine(self.symbol(head), "", self.value(node.args[0]))  # `f(\\nabla\\cdot F)`: f times it
        if head.font == "roman" and len(head.name) > 1:
            raise Unchecked("undefined-function", f"the operator `{head.name}` is not defined in the document")
        if isinstance(head.sub, t.Symbol) and head.name in self.defs.functions and not head.font:
            params = self.defs.functions[head.name][0]
            if len(params) == len(node.args) and set(head.sub.name) <= {p.name for p in params if isinstance(p, t.Symbol)}:
                return self.at_point(self.subscript_partial(head), list(zip(params, node.args)))  # `f_x(1, 2)`
        plain = scalar_name(head, self.indices)
        # `x_i (y_i - \\hat y_i)` under `\\sum_i`, read with products first: an entry of x times the parenthesis
        entry = self.products_first and isinstance(head.sub, t.Symbol) and head.sub.name in self.indices
        # `\\mathbf{X}(\\mathbf{X}\\mathbf{w} - \\mathbf{y})`: in the products-first reading a bold capital
        # is a matrix times the parenthesis (preferred, it is a vector field applied: `\\vec F(\\vec r)`)
        matrix = self.products_first and head.font == "bold" and head.name[:1].isupper() and len(node.args) == 1
        surely_function = (head.sub is not None and not entry) or len(node.args) > 1 or (head.font == "bold" and not matrix) or "^" in head.name
        surely_function = surely_function or name in self.primed_functions
        # `F(x, y) = x^2 + A(y)`: a capital applied to a parameter of the definition is a function of it
        surely_function = surely_function or (head.name.isupper() and len(node.args) == 1 and isinstance(node.args[0], t.Symbol)
                                              and key(node.args[0]) in self.parameters_in_use)
        if surely_function or (head.name in FUNCTION_LETTERS and not self.products_first):
            if head.font == "bold":
                raise Unchecked("undefined-function", f"the vector function `{name.replace('bold:', '')}(…)` is not defined in the document")
            return self.abstract(plain or head.name, node.args)
        if name in self.defs.symbols and all(isinstance(a, t.Symbol) for a in node.args):
            return self.symbol(head)  # `y(x)` after `y = x^2`: y written with its variable
        return self.combine(self.symbol(head), "", self.value(node.args[0]))  # `x(x+1)`: a product

    def product_application(self, node: t.Apply) -> bool:
        """`y(\\frac{x^2}{y^2})` that `apply_symbol` reads as y times the parenthesis."""
        head = node.head
        if not isinstance(head, t.Symbol) or not node.parens or len(node.args) != 1:
            return False
        name = key(head)
        if name in self.defs.functions or name in self.defs.symbols or (head.font == "roman" and len(head.name) > 1):
            return False
        if self.ambient is not None and name in (self.ambient.scalars | self.ambient.fields):
            return True
        matrix = self.products_first and head.font == "bold" and head.name[:1].isupper()
        initial = isinstance(head.sub, t.Number) and head.sub.value == "0"  # `B_0(1 + r/m)^{mt}`: an initial value times the parenthesis
        surely_function = (head.sub is not None and not initial) or (head.font == "bold" and not matrix) or "^" in head.name or name in self.primed_functions
        return not surely_function and not (head.name in FUNCTION_LETTERS and not self.products_first)

    def definition_value(self, name: str, body: t.Node) -> Value:
        """The value of a definition's body; when it cannot be evaluated, the reason says that it is
        the definition (written elsewhere in the document), not the claim, that is not read."""
        try:
            return self.value(body)
        except Unchecked as exc:
            if exc.message.startswith(DEFINITION_PREFIX):
                raise
            raise Unchecked(exc.code, f"{DEFINITION_PREFIX}`{name.replace('bold:', '')}` it uses: {exc.message}") from None

    def abstract(self, name: str, args: tuple[t.Node, ...]) -> Value:
        """`g_1(\\mathbf{y})`: a function the document only names; vectors count as their entries."""
        values: list[Value] = []
        for arg in args:
            value = self.value(arg)
            if isinstance(value, sympy.MatrixBase) and len(value) > 1:
                self.abstract_of_arrays.add(name)
            values.extend(list(value) if isinstance(value, sympy.MatrixBase) else [value])
        self.used_abstract.add(name)
        return sympy.Function(name)(*values)

    def jacobian_of(self, node: t.Symbol) -> Value | None:
        """`J_{\\mathbf F}` (or `J_F`) of a vector function the document defines, `\\mathbf F(x, y) =
        \\begin{bmatrix} … \\end{bmatrix}`: the matrix of ∂F_i/∂x_j (rows the components), in the
        document's layout (transposed in denominator layout); None for any other J."""
        if hessian_subject(node) is not None:
            return self._hessian_of(node)
        sub = jacobian_subject(node)
        if sub is None or key(node) in self.defs.symbols:
            return None
        if key(sub) not in self.defs.functions:
            if key(sub) not in self.defs.symbols:
                raise Unchecked("undefined-function", f"the Jacobian of `{key(sub).replace('bold:', '')}`, which the document does not define as a vector function")
            return None
        params, _ = self.defs.functions[key(sub)]
        value = self.apply_definition(key(sub), params)
        variables = [self.value(p) for p in params]
        if not isinstance(value, sympy.MatrixBase) or 1 not in value.shape or not all(isinstance(v, sympy.Symbol) for v in variables):
            raise Unchecked("unparsed", f"the Jacobian of `{key(sub).replace('bold:', '')}`, which is not a vector function of named variables")
        self.used_layout = True
        matrix = sympy.Matrix([[sympy.diff(entry, v) for v in variables] for entry in value])
        return _immutable(matrix if self.layout == "numerator" else matrix.T)

    def _hessian_of(self, node: t.Symbol) -> Value | None:
        """`H_f` of a scalar function the document defines, `f(x, y) = …`: the matrix of ∂²f/∂x_i∂x_j."""
        sub = hessian_subject(node)
        if sub is None or key(node) in self.defs.symbols:
            return None
        if key(sub) not in self.defs.functions:
            raise Unchecked("undefined-function", f"the Hessian of `{key(sub)}`, which the document does not define as a function")
        params, _ = self.defs.functions[key(sub)]
        value = self.apply_definition(key(sub), params)
        variables = [self.value(p) for p in params]
        if isinstance(value, sympy.MatrixBase) or not all(isinstance(v, sympy.Symbol) for v in variables):
            raise Unchecked("unparsed", f"the Hessian of `{key(sub)}`, which is not a scalar function of named variables")
        return _immutable(sympy.hessian(value, variables))

    def apply_definition(self, name: str, args: tuple[t.Node, ...]) -> Value:
        params, body = self.defs.functions[name]
        if len(params) != len(args):
            count = f"{len(params)} argument" + ("s" if len(params) != 1 else "")
            shown = name.replace("bold:", "")
            raise Unchecked("undefined-function", f"`{shown}` takes {count} as defined earlier, {len(args)} given here (another `{shown}`?)")
        outer = self.parameters_in_use
        self.parameters_in_use = outer | {key(p) for p in params if isinstance(p, t.Symbol)}
        try:
            value = self.definition_value(name, body)
        finally:
            self.parameters_in_use = outer
        mapping: dict[sympy.Basic, sympy.Basic] = {}
        for param, arg in zip(params, args):
            if param == arg or (isinstance(param, t.Symbol) and isinstance(arg, t.Symbol) and key(param) == key(arg)):
                continue
            if isinstance(param, t.Pow):
                if sexpr(param) == sexpr(arg):
                    continue  # `\\ell(\\mu, \\sigma^2)` applied as defined
                shown = name.replace("bold:", "")
                raise Unchecked("undefined-function", f"`{shown}` is defined in terms of `{sexpr(param)}`; applied to another argument it is not evaluated")
            source, target = self.value(param), self.value(arg)
            if isinstance(target, sympy.MatrixBase) and target.shape == (1, 1) and not isinstance(source, sympy.MatrixBase):
                target = target[0, 0]  # `\sigma(\mathbf w^\top\mathbf x)`: a 1×1 matrix is the scalar it holds
            if (isinstance(target, sympy.MatrixBase) and not isinstance(source, sympy.MatrixBase) and len(params) == 1
                    and not isinstance(value, sympy.MatrixBase) and name not in _FIELD_LETTERS):
                # a function of a scalar applied to a vector acts on each entry, as NumPy's do (`\sigma(\mathbf z)`)
                return _immutable(target.applyfunc(lambda entry: value.xreplace({source: entry})))
            if isinstance(source, sympy.MatrixBase) or isinstance(target, sympy.MatrixBase):
                if not (isinstance(source, sympy.MatrixBase) and isinstance(target, sympy.MatrixBase)) or source.shape != target.shape:
                    shown = name.replace("bold:", "")
                    raise Unchecked("undefined-function", f"`{shown}` is defined earlier for an argument of another shape (another `{shown}`?)")
                mapping.update(dict(zip(source, target)))
            else:
                mapping[source] = target
        if mapping:
            value = _immutable(value.xreplace(mapping)) if isinstance(value, sympy.MatrixBase) else value.xreplace(mapping)
        return value
