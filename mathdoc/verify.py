"""Compare the two values of a step: cheap numeric screening first, symbolic proof after.

Runs inside a worker process (see `mathdoc.timelimit`); everything it returns is plain data.
`mathdoc.steps` evaluates the members (reading by reading, layout by layout) and asks `compare`.
"""

from __future__ import annotations

import hashlib
import random

import sympy
from sympy.core.function import AppliedUndef

from .expected import expected_latex
from .outcome import LayoutResult
from .semantics.values import Value, case_relations, shape_text
from .timelimit import SoftTimeLimit, soft_limit


def _not_an_identity(left: Value, right: Value, written: tuple[bool, bool] = (True, True)) -> LayoutResult | None:
    """Relations that differ because they were never meant as identities.

    `f'(x) = 0` or `\\nabla f = 0` with a non-constant side is an equation to solve (a critical
    point), and `f_x = f_i` with two bare names is a statement about notation.
    """
    for zero, other, as_written in ((left, right, written[0]), (right, left, written[1])):
        is_zero = zero == 0 or (isinstance(zero, sympy.MatrixBase) and zero.is_zero_matrix)
        if is_zero and as_written and _free(other):
            return LayoutResult("unchecked", "equation", "an equation to solve (it holds only at particular points), not an identity")
    if isinstance(left, sympy.Symbol) and isinstance(right, sympy.Symbol):
        return LayoutResult("unchecked", "unparsed", f"`{left}` and `{right}` are two names; nothing to compute")
    return None


def compare(left: Value, right: Value, seed_text: str, proof_seconds: float, transposes: bool = True, rule: bool = False) -> LayoutResult:
    """`rule`: the claim differentiates a combination of named functions (`(f\\circ g)'(a)`), so a
    side written in only some of them (`g'(a)`) still states a rule about them all."""
    left, right = _unwrap(left), _unwrap(right)
    left_matrix, right_matrix = isinstance(left, sympy.MatrixBase), isinstance(right, sympy.MatrixBase)
    if left_matrix != right_matrix or (left_matrix and left.shape != right.shape):
        transposed = _transposed(left, right, seed_text, proof_seconds, transposes)
        if transposed is not None:
            return transposed
        return LayoutResult(
            "differs",
            "wrong-derivative",
            f"the left side is a {_shape_word(left)}, the right side a {_shape_word(right)}",
            expected=_expected_latex(left),
        )
    rng = random.Random(int(hashlib.sha256(seed_text.encode()).hexdigest()[:16], 16))
    undefined = sorted({f.func for value in (left, right) for f in _atoms(value, AppliedUndef)}, key=str)
    if undefined:
        return _compare_abstract(left, right, undefined, rng, rule)
    pairs = list(zip(left, right)) if left_matrix else [(left, right)]
    symbols = sorted(set().union(*(_free(a) | _free(b) for a, b in pairs)), key=lambda s: s.name)
    screened = _screen(pairs, symbols, rng)
    if screened == "no point":
        proved = _prove(pairs, proof_seconds, symbols, rng)
        if proved == "equal":
            return LayoutResult("equal", "verified", "proved symbolically", "symbolic")
        return LayoutResult("unchecked", "unparsed", "the sides could not be evaluated at any point and no symbolic proof was found")
    if screened is not None:
        transposed = _transposed(left, right, seed_text, proof_seconds, transposes)
        if transposed is not None:
            return transposed
        point, index, lhs_value, rhs_value = screened
        where = "" if not left_matrix else f" (entry {index // left.cols + 1},{index % left.cols + 1})"
        return LayoutResult(
            "differs", "wrong-derivative",
            f"the two sides differ{where}",
            expected=_expected_latex(_inside(left, point)),
            point=tuple((s.name, _show(v)) for s, v in point.items()),
            lhs_value=lhs_value, rhs_value=rhs_value,
        )
    proved = _prove(pairs, proof_seconds, symbols, rng)
    if proved == "differs":
        return LayoutResult("differs", "wrong-derivative", "the two sides differ symbolically", expected=_expected_latex(left))
    if proved == "equal":
        return LayoutResult("equal", "verified", "proved symbolically", "symbolic")
    if proved == "timeout":
        return LayoutResult("equal", "verified", "equal at random points (no symbolic proof within the time limit)", "numeric")
    return LayoutResult("equal", "verified", f"equal at random points to {DIGITS} digits (simplification did not reach 0)", "numeric")


def _transposed(left: Value, right: Value, seed_text: str, proof_seconds: float, allowed: bool) -> LayoutResult | None:
    """A `layout` result when the right side is the transpose of the correct (matrix) value."""
    if not allowed or not isinstance(left, sympy.MatrixBase) or not isinstance(right, sympy.MatrixBase):
        return None
    if left.T.shape != right.shape or left.shape == (1, 1):
        return None
    if _atoms(left, AppliedUndef) or _atoms(right, AppliedUndef):
        return None
    pairs = list(zip(left.T, right))
    symbols = sorted(set().union(*(_free(a) | _free(b) for a, b in pairs)), key=lambda s: s.name)
    rng = random.Random(int(hashlib.sha256(seed_text.encode()).hexdigest()[:16], 16))
    if _screen(pairs, symbols, rng) is not None:  # differs at a point, or no usable point
        return None
    return LayoutResult("transposed", "layout-mismatch", "the transpose of the correct value", expected=_expected_latex(left))


def _unwrap(value: Value) -> Value:
    if isinstance(value, sympy.MatrixBase) and value.shape == (1, 1):
        return value[0, 0]
    return value


def _shape_word(value: Value) -> str:
    if not isinstance(value, sympy.MatrixBase):
        return "scalar"
    if value.cols == 1:
        return f"{value.rows}x1 column vector"
    if value.rows == 1:
        return f"1x{value.cols} row vector"
    return f"{shape_text(value)} matrix"


def _atoms(value: Value, kind: type) -> set:
    if isinstance(value, sympy.MatrixBase):
        found: set = set()
        for entry in value:
            found |= entry.atoms(kind)
        return found
    return value.atoms(kind) if isinstance(value, sympy.Basic) else set()


def _free(value: Value) -> set:
    return value.free_symbols if isinstance(value, sympy.Basic) else set()


DIGITS = 50
"""Significant digits of every evaluation: a difference of 1e-10, or a term like e^{-100x}
next to x^2, is far above what 50 digits can resolve, and evalf keeps them relative to the value
itself (it raises its working precision through cancellation)."""
RELATIVE_TOLERANCE = sympy.Float(10) ** -30
"""Two values agree when they differ by less than this fraction of the larger one."""
DENOMINATORS = (4, 5, 7, 8, 10)


def _sample_point(symbols, rng: random.Random) -> dict:
    """Rationals of moderate size, |x| in [0.1, 2] and of either sign: far from where tanh, exp
    or a power saturate or underflow, with both halves of the real line (a side that is not real
    at a point just makes that point unusable)."""
    point = {}
    for symbol in symbols:
        denominator = rng.choice(DENOMINATORS)
        numerator = rng.randint(-(-denominator // 10), 2 * denominator)
        point[symbol] = sympy.Rational(rng.choice((1, -1)) * numerator, denominator)
    return point


def _screen(pairs, symbols, rng: random.Random):
    """A point where some pair differs, or None when all agree at every usable point."""
    usable = 0
    cases = _case_points(pairs, symbols, rng)
    for attempt in range(24 + len(cases)):
        point = cases[attempt] if attempt < len(cases) else _sample_point(symbols, rng)
        results: list[tuple[int, sympy.Expr, sympy.Expr]] = []
        for index, (a, b) in enumerate(pairs):
            va, vb = _number(a, point), _number(b, point)
            if va is None or vb is None:
                break
            results.append((index, va, vb))
        if len(results) < len(pairs):
            continue
        usable += 1
        for index, va, vb in results:
            if not _agree(va, vb):
                positive = _positive_counterexample(pairs, point)  # shown where the letters are positive, when the sides differ there too
                if positive is not None:
                    return positive
                shown_a, shown_b = _show_pair(va, vb)
                return point, index, shown_a, shown_b
        if (usable >= 6 and attempt >= len(cases)) or not symbols:
            return None
    return None if usable >= 2 else "no point"


def _positive_counterexample(pairs, point: dict):
    """The point with every letter made positive, when some pair differs there too (a text that
    states `x > 0` should see a counterexample inside it): (point, index, left, right), else None."""
    if all(not (v < 0) for v in point.values()):
        return None
    mirrored = {s: abs(v) for s, v in point.items()}
    for index, (a, b) in enumerate(pairs):
        va, vb = _number(a, mirrored), _number(b, mirrored)
        if va is None or vb is None:
            return None
        if not _agree(va, vb):
            shown_a, shown_b = _show_pair(va, vb)
            return mirrored, index, shown_a, shown_b
    return None


def _case_points(pairs, symbols, rng: random.Random) -> list[dict]:
    """For values defined by cases: points on each side of every boundary between cases and
    between two boundaries (`0 & x<1 \\\\ 1 & x \\ge 0` differs on [0, 1) only, which random
    points may miss), the other symbols at random."""
    boundaries: dict[sympy.Symbol, set[sympy.Rational]] = {}
    for relation in (r for pair in pairs for side in pair for r in case_relations(side)):
        free = (relation.lhs - relation.rhs).free_symbols
        if len(free) != 1:
            continue
        symbol = next(iter(free))
        try:
            roots = sympy.solve(relation.lhs - relation.rhs, symbol)
        except (NotImplementedError, TypeError, ValueError):
            continue
        boundaries.setdefault(symbol, set()).update(r for r in roots if r.is_Rational)
    points = []
    for symbol, found in sorted(boundaries.items(), key=lambda item: item[0].name):
        if symbol not in symbols:
            continue
        ordered = sorted(found)
        values = {b + d for b in ordered for d in (sympy.Rational(-1, 7), sympy.Rational(1, 7), sympy.Rational(-5, 4), sympy.Rational(5, 4))}
        values |= {(a + b) / 2 for a, b in zip(ordered, ordered[1:])}
        for value in sorted(values):
            point = _sample_point(symbols, rng)
            point[symbol] = value
            points.append(point)
    return points[:16]


def _number(expr: Value, point: dict) -> sympy.Expr | None:
    """The real value of `expr` at `point` to DIGITS digits (exact when rational), or None when
    it is not a finite real number there.  A result whose digits evalf could not settle (a
    cancellation to zero, `0.e-160`) comes back as exactly 0."""
    try:
        exact = sympy.sympify(expr).xreplace(point)
        if exact.is_Rational:
            return exact
        value = sympy.N(exact, DIGITS)
        real, imaginary = value.as_real_imag()
        real, imaginary = _settled(real), _settled(imaginary)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError, AttributeError, RecursionError):
        return None
    if real is None or imaginary is None or imaginary != 0:
        return None
    return real


def _settled(part: sympy.Expr) -> sympy.Expr | None:
    """A finite number with its unsettled zero made exact, or None."""
    if part.is_Rational:
        return part
    if not isinstance(part, sympy.Float):
        return None  # unevaluated (no numeric form), infinite or nan
    if not part.is_finite:
        return None
    if part._prec < 53 and part == 0 or part._prec < 20:
        return sympy.Integer(0)  # evalf found no digits: a value indistinguishable from zero
    return part


def _agree(va: sympy.Expr, vb: sympy.Expr) -> bool:
    """Equal within RELATIVE_TOLERANCE of the larger magnitude (exactly, when both are exact)."""
    if va.is_Rational and vb.is_Rational:
        return bool(va == vb)
    difference = abs(va - vb)
    scale = max(abs(va), abs(vb))
    return bool(difference <= RELATIVE_TOLERANCE * scale)


def _show(value: Value) -> str:
    if isinstance(value, complex):
        value = value.real
    if isinstance(value, (float, sympy.Float)):
        return f"{float(value):.6g}"
    return str(value)


def _show_pair(va: sympy.Expr, vb: sympy.Expr) -> tuple[str, str]:
    """Both values, with as many significant digits (6 at least) as it takes to tell them apart."""
    for digits in (6, 10, 15, 20, 30, 40, DIGITS):
        first, second = _digits(va, digits), _digits(vb, digits)
        if first != second:
            return first, second
    return first, second


def _digits(value: sympy.Expr, digits: int) -> str:
    """`value` to `digits` significant digits: as a float reads up to 15, from SymPy beyond."""
    if value.is_Integer:
        return str(value)
    if digits <= 15:
        return f"{float(value):.{digits}g}"
    return str(sympy.N(value, digits))


def _prove(pairs, seconds: float, symbols=(), rng: random.Random | None = None) -> str:
    """"equal" when every difference simplifies to 0; "differs" when one simplifies to something
    that is clearly nonzero at a point where both sides are real; "timeout" when the time limit
    stopped the proof; "unknown" when simplification ended without deciding."""
    try:
        with soft_limit(seconds):
            undecided = False
            for a, b in pairs:
                difference = sympy.sympify(a - b)
                if difference == 0:
                    continue
                for simplifier in (sympy.expand, sympy.cancel, sympy.simplify):
                    difference = simplifier(difference)
                    if difference == 0:
                        break
                else:
                    if _clearly_nonzero(difference, a, b, symbols, rng):
                        return "differs"
                    undecided = True
    except SoftTimeLimit:
        return "timeout"
    return "unknown" if undecided else "equal"


def _clearly_nonzero(difference: sympy.Expr, a: Value, b: Value, symbols, rng: random.Random | None) -> bool:
    """Whether the simplified difference is nonzero at one of a few points where both sides are
    real: evaluated directly, it has none of the cancellation that comparing the sides has."""
    if difference.is_number:
        return _settled_nonzero(_number(difference, {}))
    draw = rng or random.Random(0)
    for _attempt in range(12):
        point = _sample_point(sorted(_free(difference) | set(symbols), key=lambda s: s.name), draw)
        va, vb = _number(a, point), _number(b, point)
        if va is None or vb is None:
            continue
        if _settled_nonzero(_number(difference, point)):
            return True
    return False


def _settled_nonzero(value: sympy.Expr | None) -> bool:
    """Nonzero with at least 30 digits that evalf vouches for (it works through cancellation)."""
    if value is None or value == 0:
        return False
    return bool(value.is_Rational) or getattr(value, "_prec", 0) >= 100


def _inside(value: Value, point: dict) -> Value:
    """A value restricted to a stated condition (`Piecewise((v, cond), (nan, True))`, see
    `evaluation._where`) as it is at `point`: v, and of a value by cases the case that holds there."""
    if not (isinstance(value, sympy.Piecewise) and len(value.args) == 2 and value.args[1].expr is sympy.nan):
        return value
    inner = value.args[0].expr
    if isinstance(inner, sympy.Piecewise):
        for piece in inner.args:
            if piece.cond is sympy.true or bool(piece.cond.xreplace(point)) is True:
                return piece.expr
    return inner


def _expected_latex(value: Value) -> str:
    """The correct value for the report, by the one printer of expected values."""
    return expected_latex(value)


def _as_logistic(left: Value, right: Value, functions: list, rng: random.Random) -> LayoutResult | None:
    """σ, undefined where the claim is, as notes use it: the logistic function (σ(t) = 1/(1+e^{-t})).
    Verified when the sides agree with it; when they differ for it too, σ as any function decides
    (None)."""
    sigma = [f for f in functions if str(f) == "sigma" and _arity(f, left, right) == 1]
    if not sigma:
        return None
    t_ = sympy.Dummy("t")
    mapping = {sigma[0]: sympy.Lambda(t_, 1 / (1 + sympy.exp(-t_)))}
    concrete = [_instantiate(v, mapping) for v in (left, right)]
    if any(_atoms(v, AppliedUndef) for v in concrete):
        return None
    pairs = list(zip(concrete[0], concrete[1])) if isinstance(concrete[0], sympy.MatrixBase) else [tuple(concrete)]
    symbols = sorted(set().union(*(_free(a) | _free(b) for a, b in pairs)), key=lambda s: s.name)
    screened = _screen(pairs, symbols, rng)
    if screened is None:
        return LayoutResult("equal", "verified", "equal at random points with σ the logistic function 1/(1+e^{-t}) (σ is not defined here)", "numeric")
    return None  # differing for the logistic σ too: σ as any function decides


def _compare_abstract(left: Value, right: Value, functions: list, rng: random.Random, rule: bool = False) -> LayoutResult:
    """Claims about functions the document only names (the chain rule with `g_1(\\mathbf{y})`).

    Each named function is replaced by random polynomials, three times.  Equal every time: the
    claim holds for those instances (confirmed numerically, not proved).  Different, when both sides
    are written in the same named functions (a rule such as `(fg)' = f'g'`): the rule is wrong,
    shown on the instance.  Different otherwise (`f'(x) = 2x` with f defined only in the prose): the
    claim depends on what the functions are, so it is left unchecked.
    """
    names = ", ".join(f"`{f}`" for f in functions)
    logistic = _as_logistic(left, right, functions, rng)
    if logistic is not None:
        return logistic
    for _round in range(3):
        mapping = {}
        for function in functions:
            arity = _arity(function, left, right)
            if arity is None:
                return LayoutResult("unchecked", "undefined-function", f"{names} used with different numbers of arguments")
            mapping[function] = _random_polynomial(arity, rng)
        concrete = [_instantiate(v, mapping) for v in (left, right)]
        pairs = list(zip(concrete[0], concrete[1])) if isinstance(concrete[0], sympy.MatrixBase) else [tuple(concrete)]
        symbols = sorted(set().union(*(_free(a) | _free(b) for a, b in pairs)), key=lambda s: s.name)
        screened = _screen(pairs, symbols, rng)
        if screened == "no point":
            return LayoutResult("unchecked", "unparsed", f"with {names} instantiated, the sides could not be evaluated at any point")
        if screened is not None:
            if _same_functions(left, right, rule):
                point, index, lhs_value, rhs_value = screened
                shown = "; ".join(_instance_text(f, mapping[f], left, right) for f in functions)
                return LayoutResult(
                    "differs", "wrong-derivative", f"the rule does not hold for every function: it fails for {shown}",
                    point=tuple((s.name, _show(v)) for s, v in point.items()), lhs_value=lhs_value, rhs_value=rhs_value,
                )
            return LayoutResult(
                "unchecked", "undefined-function",
                f"uses {names}, which the document does not define, and the sides differ for some instances of "
                "them; the claim may hold only under a condition stated in the prose",
            )
    return LayoutResult("equal", "verified", f"equal for random instances of {names} (not defined in the document)", "numeric")


def _instance_text(function, instance: sympy.Lambda, left: Value, right: Value) -> str:
    """`f(x, y) = x^2 - 3xy + 1`: the instance in the variables the claim applies it to, when it
    always applies it to the same ones; else in t (and t_1, t_2, …)."""
    applied = {a.args for v in (left, right) for a in _atoms(v, AppliedUndef) if a.func == function}
    if len(applied) == 1:
        args = next(iter(applied))
        if all(isinstance(a, sympy.Symbol) for a in args) and len(set(args)) == len(args):
            body = instance.expr.xreplace(dict(zip(instance.variables, args)))
            return f"{function}({', '.join(map(str, args))}) = {_plain(body)}"
    names = ("t",) if len(instance.variables) == 1 else tuple(f"t_{i}" for i in range(len(instance.variables)))
    body = instance.expr.xreplace({v: sympy.Symbol(n) for v, n in zip(instance.variables, names)})
    return f"{function}({', '.join(names)}) = {_plain(body)}"


def _plain(expr: sympy.Expr) -> str:
    return sympy.sstr(expr).replace("**", "^")


def _same_functions(left: Value, right: Value, rule: bool = False) -> bool:
    """Both sides are written in the same named functions, applied at the same variables: a rule
    such as `(fg)' = f'g'`, not a relation between values at points (`x'(-\\pi) = x'(\\pi)`).
    The variables of `\\int_a^b F'(x)\\,dx` are its limits.  With `rule` (a derivative of a
    combination of the functions), one side may write only some of them."""
    def names(value: Value) -> set[str]:
        return {str(a.func) for a in _atoms(value, AppliedUndef)}

    def variables(value: Value) -> set[object]:
        found: set[object] = set()
        for application in _atoms(value, AppliedUndef) | _atoms(value, sympy.Subs):
            arguments = application.point if isinstance(application, sympy.Subs) else application.args
            for argument in arguments:
                found |= set(getattr(argument, "free_symbols", set()))
        for integral in _atoms(value, sympy.Integral):
            found |= {s for limit in integral.limits for bound in limit[1:] for s in getattr(bound, "free_symbols", set())}
        return {v for v in found if not isinstance(v, sympy.Dummy) and v in free(value)}

    def free(value: Value) -> set[object]:
        symbols = value.free_symbols if not isinstance(value, sympy.MatrixBase) else set().union(*(e.free_symbols for e in value))
        return {s for s in symbols if not isinstance(s, sympy.Dummy)}

    mine, theirs = names(left), names(right)
    related = mine == theirs or (rule and bool(mine & theirs) and (mine <= theirs or theirs <= mine))
    # a constant on one side only (the λ of `(λ_1 - λ_2)\\int x_1 x_2 = \\int (x_2''x_1 - x_2x_1'')`) ties
    # the functions to a condition (an equation they solve), not a rule for every function
    return bool(mine) and related and bool(variables(left)) and variables(left) == variables(right) and free(left) == free(right)


def _arity(function, left: Value, right: Value) -> int | None:
    arities = {len(a.args) for v in (left, right) for a in _atoms(v, AppliedUndef) if a.func == function}
    return arities.pop() if len(arities) == 1 else None


def _random_polynomial(arity: int, rng: random.Random) -> sympy.Lambda:
    variables = sympy.symbols(f"t_0:{arity}")
    terms = []
    for variable in variables:
        terms.append(rng.choice((-3, -2, -1, 1, 2, 3)) * variable)
        terms.append(rng.choice((-2, -1, 1, 2)) * variable**2)
        terms.append(rng.choice((-1, 1)) * variable**3)
    for first in range(arity):
        for second in range(first + 1, arity):
            terms.append(rng.choice((-2, -1, 1, 2)) * variables[first] * variables[second])
    terms.append(rng.randint(-5, 5))
    return sympy.Lambda(variables, sympy.Add(*terms))


def _instantiate(value: Value, mapping: dict) -> Value:
    def concrete(expr: sympy.Expr) -> sympy.Expr:
        expr = _derivatives_as_subs(expr)
        for function, polynomial in mapping.items():
            expr = expr.replace(function, polynomial)
        # An integral of instances is left to numeric quadrature at the sample points: its
        # antiderivative (of a composition of cubics, under a root) can take SymPy minutes.
        integrals = {i: _integral_of_instances(i) for i in expr.atoms(sympy.Integral)}
        return (expr.xreplace(integrals) if integrals else expr).doit(integrals=False)

    if isinstance(value, sympy.MatrixBase):
        return sympy.ImmutableMatrix(value.applyfunc(concrete))
    return concrete(sympy.sympify(value))


def _integral_of_instances(integral: sympy.Integral) -> sympy.Expr:
    """A polynomial integrand (instances of `F'(x)`, `f(t)x`) is integrated exactly, which is fast;
    any other is left to numeric quadrature at the sample points."""
    function = integral.function.doit(integrals=False)
    variables = [limit[0] for limit in integral.limits]
    if function.is_polynomial(*variables):
        return sympy.Integral(function, *integral.limits).doit()
    return sympy.Integral(function, *integral.limits)


def _derivatives_as_subs(expr: sympy.Basic) -> sympy.Basic:
    """SymPy writes d h(a(t))/dt with a derivative by `a(t)`; make it a `Subs` so `a` can be replaced."""
    replaced = {}
    for derivative in expr.atoms(sympy.Derivative):
        variables = [v for v in dict.fromkeys(derivative.variables) if not isinstance(v, sympy.Symbol)]
        if variables:
            dummies = {v: sympy.Dummy("xi") for v in variables}
            replaced[derivative] = sympy.Subs(derivative.xreplace(dummies), tuple(dummies.values()), tuple(variables))
    return expr.xreplace(replaced) if replaced else expr
