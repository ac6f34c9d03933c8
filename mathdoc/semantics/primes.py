"""Primes: `y'` after `y = …`, `(\\cot x)'`, `f'(2)`, `f'(g(x))` of a function only named, and primes
on combinations of functions at a point (`(f\\circ g)'(a)`, `(fg)'(c)`)."""

from __future__ import annotations

import sympy

from .calculus import DEPENDENT_LETTERS, in_time, refuse_where_cases_meet
from .errors import Unchecked
from .evaluate import EvaluatorCore
from .values import Value, _free_symbols
from ..grammar import tree as t
from ..grammar.names import key, scalar_name, undotted


class PrimeRules(EvaluatorCore):
    def prime(self, node: t.Prime) -> Value:
        """`y'` after `y = …`, `(\\cot x)'`: the derivative by the one variable of the expression."""
        grouped = isinstance(node.operand, t.Group)
        operand = node.operand.inner if isinstance(node.operand, t.Group) else node.operand
        if isinstance(operand, t.Symbol) and key(operand) in self.defs.functions:
            params = self.defs.functions[key(operand)][0]
            return self.apply_prime(node, params)
        if grouped and isinstance(operand, t.Symbol) and operand.name in ("x", "t") and key(operand) not in self.defs.symbols:
            return sympy.Integer(1) if node.order == 1 else sympy.Integer(0)  # `[x]'`: the derivative of x
        if isinstance(operand, t.Symbol) and self.prime_on_curve and key(operand) not in self.defs.symbols and key(operand) not in self.defs.functions and node.order <= 2:
            slope = self.implicit_derivative(operand, [sympy.Symbol("x")] * node.order)
            if slope is not None:
                return slope  # `y'` after `x^2 + y^2 = 25`: dy/dx on the curve
        if isinstance(operand, t.Symbol) and key(operand) not in self.defs.symbols and operand.name not in self.implicit_functions:
            raise Unchecked("undefined-function", f"`{key(operand)}'` is used but `{key(operand)}` is not defined earlier in the document")
        written = self.value(operand)
        value = self.expand_dependents(written, set())
        if isinstance(value, sympy.Basic) and value.atoms(sympy.core.function.AppliedUndef) and self.implicit_functions:
            result = value
            for _ in range(node.order):
                result = sympy.diff(result, sympy.Symbol("x"))
            return result
        # The variable is read from what is written (`[u, v]'` is by neither), unless that is just
        # the defined name (`y'` after `y = x^3` is by x).
        free = sorted(_free_symbols(value if isinstance(written, sympy.Symbol) else written), key=lambda s: s.name)
        names = {s.name: s for s in free}
        variable = free[0] if len(free) == 1 else names.get("x") or names.get("t")
        if variable is not None and variable.name not in ("x", "t") and variable.name.split("_")[0] in DEPENDENT_LETTERS:
            raise Unchecked("unparsed", f"a prime on an expression in `{variable}` (by `{variable}`, or by x with `{variable}` a function of x?)")
        if variable is None:
            raise Unchecked("unparsed", "a prime on an expression of several variables (by which one?)" if free else "a prime on a constant")
        if self.dependent:
            value = self._as_functions_of(value, variable)  # `(xy)' = x^2` with y a function of x
        for _ in range(node.order):
            value = self.differentiate(value, variable)
        return value

    def newton_dot(self, node: t.Symbol) -> Value | None:
        """`\\dot x`, `\\ddot x` after `x(t) = t^3` or `x = 5t^2`: the derivative by time, the
        variable of x's definition (or t).  None when x is not defined here: the dotted letter is
        then a name of its own (`\\frac{\\partial L}{\\partial \\dot q} = m\\dot q`)."""
        base = undotted(node)
        order = 2 if node.accent == "ddot" else 1
        name = key(base)
        if name in self.defs.functions:
            params = self.defs.functions[name][0]
            if len(params) != 1:
                raise Unchecked("undefined-function", f"`{name}` is defined earlier as a function of {len(params)} variables; a dot is the derivative by one (time)")
            return self.apply_prime(t.Prime(base, order, node.span), params)
        unread = name in self.defs.symbols and self.expand_dependents(self.value(base), set()) == self.value(base)
        if name not in self.defs.symbols or unread:  # (a definition that cannot be read, `p = \\frac{\\partial L}{\\partial\\dot\\theta}` of an undefined L, is none)
            owner = next((f for f, (params, _) in sorted(self.defs.functions.items()) if any(isinstance(p, t.Symbol) and key(p) == name for p in params)), None)
            if owner is not None:
                # `\\dot p = -\\frac{\\partial H}{\\partial \\theta}` with H(θ, p) defined: the rate of a variable, an equation of motion
                raise Unchecked("equation", f"`{name}` with a dot is the rate of `{name}`, a variable of `{owner}`: an equation of motion, not an identity")
            if name not in self.defs.symbols:
                return None
        value = self.expand_dependents(self.value(base), set())
        time = sympy.Symbol("t")
        free = _free_symbols(value)
        if free and time not in free:
            return self._dots_of_letters(name, value, free, order)
        for _ in range(order):
            value = self.differentiate(value, time)
        return value

    def _dots_of_letters(self, name: str, value: Value, free: set, order: int) -> Value:
        """`\\dot x = \\dot r\\cos\\theta - r\\sin\\theta\\,\\dot\\theta` after `x = r\\cos\\theta`: the letters
        whose dots the claim writes are functions of time, the others constants.  Not for capitals
        (matrices, whose products do not commute)."""
        moving = sorted((s for s in free if f"dot{{{s.name}}}" in self.written_names or f"ddot{{{s.name}}}" in self.written_names), key=lambda s: s.name)
        if not moving or isinstance(value, sympy.MatrixBase) or any(s.name[:1].isupper() for s in free):
            raise Unchecked("undefined-function", f"a dot is the derivative by time t, and the definition of `{name}` is not written in t")
        result = in_time(value, moving, order)
        if result is None:
            raise Unchecked("undefined-function", f"a dot is the derivative by time t, and the definition of `{name}` is not written in t")
        return result


    def apply_prime(self, head: t.Prime, args: tuple[t.Node, ...]) -> Value:
        """`f'(x)`, `f''(2)`: the derivative of the defined f, at the argument."""
        operand = head.operand
        if isinstance(operand, t.Symbol) and key(operand) not in self.defs.functions and key(operand) not in self.defs.symbols and operand.font != "bold":
            return self._abstract_prime(operand, head.order, args)
        if isinstance(operand, t.Function) and len(args) == 1:
            return self._function_prime(operand, head.order, args[0])
        if not isinstance(operand, t.Symbol):
            combined = self._combination_prime(operand, head.order, args)
            if combined is not None:
                return combined
            raise Unchecked("undefined-function", "a prime on a combination of functions applied at a point (such as `(f\\circ g)'(a)`, `(f+g)'(p)` or `(f^{-1})'(y)`) is not evaluated")
        if key(operand) not in self.defs.functions:
            if key(operand) in self.defs.symbols and len(args) == 1 and not isinstance(args[0], (t.Symbol, t.Number)):
                return self._symbol_prime_at(head, args[0])
            name = key(operand)
            raise Unchecked("undefined-function", f"`{name}'` is used but `{name}` is not defined earlier in the document")
        name = key(operand)
        params = self.defs.functions[name][0]
        if len(params) != 1:
            raise Unchecked("undefined-function", f"`{name}` is defined earlier as a function of {len(params)} variables; this `{name}'` is of another `{name}` (a restriction or a composition?)")
        parameter = self.variable(params[0])
        if isinstance(parameter, sympy.MatrixBase):
            raise Unchecked("undefined-function", f"`{name}` is defined earlier as a function of a vector; this `{name}'` is of another `{name}`")
        # names the body uses that are defined in terms of the parameter (`R(q) = pq` after `p = 70 - 0.5q`) are what they are defined as
        value = self.expand_dependents(self.apply_definition(name, params), {parameter})
        for _ in range(head.order):
            value = self.differentiate(value, parameter)
        if len(args) != 1:
            raise Unchecked("undefined-function", f"`{name}` is defined earlier with one argument, this `{name}'` has {len(args)} (another `{name}`?)")
        if not (isinstance(args[0], t.Symbol) and isinstance(params[0], t.Symbol) and key(args[0]) == key(params[0])):
            point = self.value(args[0])
            if isinstance(point, sympy.MatrixBase):
                raise Unchecked("undefined-function", f"`{name}` is defined earlier as a function of a number, this `{name}'` is applied to a vector (another `{name}`?)")
            refuse_where_cases_meet(value, {parameter: point})
            value = value.subs(parameter, point)
        return value

    def _function_prime(self, function: t.Function, order: int, argument: t.Node) -> Value:
        """`\\tanh'(x)`, `\\operatorname{sigmoid}'(z)`, `\\operatorname{abs}'(0)`: the known function's
        derivative at the argument (entry by entry for a vector or matrix)."""
        slot = t.Symbol("xiprime", function.span)  # a name no note writes
        variable = sympy.Symbol(key(slot))
        derivative = self.named_function(function, (slot,))
        for _ in range(order):
            derivative = self.differentiate(derivative, variable)
        point = self.value(self._through_output(function, argument))
        if isinstance(point, sympy.MatrixBase):
            return sympy.ImmutableMatrix(point.applyfunc(lambda entry: self._at(derivative, variable, entry)))
        return self._at(derivative, variable, point)

    def _through_output(self, function: t.Function, argument: t.Node) -> t.Node:
        """`Sigmoid'(A1)` after `A1 = Sigmoid(Z1)`: ML notes write the derivative through the name of the
        function's output; it is taken at Z1 (σ' at σ's own output would compose σ with itself)."""
        body = self.defs.symbols.get(key(argument)) if isinstance(argument, t.Symbol) else None
        if isinstance(body, t.Apply) and isinstance(body.head, t.Function) and body.head.name.lower() == function.name.lower() and len(body.args) == 1:
            return body.args[0]
        return argument

    @staticmethod
    def _at(derivative: Value, variable: sympy.Symbol, point: Value) -> Value:
        refuse_where_cases_meet(derivative, {variable: point})
        return derivative.subs(variable, point)

    def _symbol_prime_at(self, head: t.Prime, argument: t.Node) -> Value:
        """`u'` applied, after `u = 1 + \\sin x` (an expression, not a function definition), to an
        expression: a product (`u'(vw) + u[vw]'`, the product rule for three factors); at a
        constant (`x'(\\pi)`) it is not evaluated: in a text on equations that is a boundary
        condition, not a claim.  (At its variable or a number, `w'(t)` after `w = 2 + 4t`, the
        reading of lower standing "w read as the function w(t)" decides.)"""
        value = self.value(head)
        point = self.value(argument)
        if isinstance(point, sympy.Basic) and not isinstance(point, sympy.MatrixBase) and not point.free_symbols:
            name = key(head.operand) if isinstance(head.operand, t.Symbol) else "it"
            raise Unchecked("evaluation", f"`{name}` is defined as an expression, not as a function; `{name}'` at a number may be a condition on its constants (an initial or boundary value), so it is not evaluated")
        return self.combine(value, "", point)

    def _combination_prime(self, operand: t.Node, order: int, args: tuple[t.Node, ...]) -> Value | None:
        """`(f\\circ g)'(a)`, `(fg)'(c)`, `(f + g)'(p)`, `(f^n)'(x)`, `(\\alpha f)'(c)`: the combination of
        functions as a function of one variable, differentiated, at the point (None when the
        operand is not such a combination)."""
        if len(args) != 1:
            return None
        variable = sympy.Dummy("xi")
        function = self._as_function(operand.inner if isinstance(operand, t.Group) else operand, variable)
        if function is None or not function.has(variable):
            return None
        point = self.scalar(args[0], "a point")
        return sympy.diff(function, variable, order).subs(variable, point)

    def _as_function(self, node: t.Node, variable: sympy.Symbol) -> Value | None:
        """The value at `variable` of a combination of function names (None if `node` is not one)."""
        if isinstance(node, t.Group):
            return self._as_function(node.inner, variable)
        if isinstance(node, t.Symbol) and not node.font and not node.accent:
            name = key(node)
            if name in self.defs.functions:
                params = self.defs.functions[name][0]
                if len(params) != 1 or not isinstance(params[0], t.Symbol):
                    return None
                return self.apply_definition(name, params).subs(self.variable(params[0]), variable)
            if name in self.defs.symbols or node.name in ("x", "t"):
                return None
            if node.sub is not None or len(node.name) != 1 or node.name not in "fghkpquvw":
                return self.value(node)  # a constant factor (`\alpha`, `c`, `e`)
            self.used_abstract.add(name)
            return sympy.Function(name)(variable)
        if isinstance(node, t.Number):
            return self.value(node)
        if isinstance(node, t.Neg):
            inner = self._as_function(node.operand, variable)
            return None if inner is None else -inner
        if isinstance(node, t.Add):
            terms = [self._as_function(term, variable) for term in node.terms]
            return None if any(term is None for term in terms) else sympy.Add(*terms)
        if isinstance(node, t.Mul):
            return self._product_of_functions(node, variable)
        if isinstance(node, (t.Frac, t.Div)):
            top, bottom = self._as_function(node.numerator, variable), self._as_function(node.denominator, variable)
            return None if top is None or bottom is None else top / bottom
        if isinstance(node, t.Pow) and isinstance(node.exponent, (t.Number, t.Symbol)):
            base = self._as_function(node.base, variable)
            if base is None or (isinstance(node.exponent, t.Neg)):
                return None
            exponent = self.value(node.exponent)
            if exponent == -1 and isinstance(node.base, t.Symbol):
                return None  # `f^{-1}`: the inverse function, not a reciprocal
            return base**exponent
        return None

    def _product_of_functions(self, node: t.Mul, variable: sympy.Symbol) -> Value | None:
        """`fg` (a product) or `f\\circ g` (a composition, applied right to left)."""
        if any(op == "circ" for op in node.ops):
            if not all(op == "circ" for op in node.ops):
                return None
            inner: Value = variable
            for factor in reversed(node.factors):
                outer = self._as_function(factor, variable)
                if outer is None:
                    return None
                inner = outer.subs(variable, inner)
            return inner
        factors = [self._as_function(factor, variable) for factor in node.factors]
        return None if any(f is None for f in factors) else sympy.Mul(*factors)

    def _abstract_prime(self, operand: t.Symbol, order: int, args: tuple[t.Node, ...]) -> Value:
        """`f'(g(x))` with f only named: the derivative of an abstract function, at its argument.

        Claims about such functions (the chain or product rule written with f and g) are checked on
        random polynomial instances and never called wrong (see `verify._compare_abstract`).
        """
        if len(args) != 1:
            raise Unchecked("undefined-function", f"`{key(operand)}'` of several arguments, and `{key(operand)}` is not defined in the document")
        name = scalar_name(operand, self.indices) or operand.name
        self.used_abstract.add(name)
        point = self.value(args[0])
        if isinstance(point, sympy.MatrixBase):
            if point.shape != (1, 1):
                raise Unchecked("undefined-function", f"`{name}'` of a vector argument, and `{name}` is not defined in the document")
            point = point[0, 0]
        dummy = sympy.Dummy("xi")
        derivative = sympy.Derivative(sympy.Function(name)(dummy), (dummy, order))
        return sympy.Subs(derivative, dummy, point)
