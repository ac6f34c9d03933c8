"""The one module that imports latex2sympy2_extended: scalar LaTeX leaves -> SymPy.

The grammar (`mathdoc.grammar`) is the parser of record.  latex2sympy stays as one more reading
of a member that is plain scalar LaTeX (tried in `mathdoc.steps` when the grammar's reading
differs) and as the oracle of the property tests; it misreads matrix-calculus notation, so it
never sees any.  Its result is checked for the tell-tale signs of a silent misreading before it is
trusted.
"""

from __future__ import annotations

import re
from functools import lru_cache

import sympy
from latex2sympy2_extended import latex2sympy
from latex2sympy2_extended.latex2sympy2 import ConversionConfig
from latex2sympy2_extended.math_normalization import NormalizationConfig

from .quickparse import quick_parse

_CONVERSION = ConversionConfig(
    interpret_as_mixed_fractions=False,
    interpret_simple_eq_as_assignment=False,
    interpret_contains_as_eq=False,
    lowercase_symbols=False,
)
_NORMALIZATION = NormalizationConfig(
    basic_latex=False, units=False, malformed_operators=False, nits=False, boxed="none", equations=False
)

KNOWN_MULTILETTER = {
    "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta",
    "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi",
    "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma",
    "Upsilon", "Phi", "Psi", "Omega", "ell",
}
SUSPICIOUS_NAMES = {"nabla", "mathbf", "partial", "mathrm", "text", "left", "right", "boldsymbol", "frac", "vec", "bm", "operatorname", "dots", "ldots", "cdots", "vdots", "top", "mathsf"}


class ParseError(Exception):
    """Scalar LaTeX that could not be read, or was read in a way that cannot be trusted."""


def placeholder(number: int) -> str:
    """LaTeX that latex2sympy reads as one symbol, for a value already evaluated."""
    return f" \\Xi_{{{90000 + number}}} "


def placeholder_symbol(number: int) -> sympy.Symbol:
    return sympy.Symbol(f"Xi_{{{90000 + number}}}")


_UNSUPPORTED = re.compile(r"\\(mid|vert|Vert|mathcal|mathbb|lim|sum|prod|int|oint|infty|in|ldots|cdots|dots|vdots|mathop|underbrace|overbrace)(?![a-zA-Z])|\|\|")
_SPELLED = ("ln", "log", "sin", "cos", "tan", "exp", "nabla", "mathbf", "partial", "sqrt", "frac")
_PLACEHOLDER_NAME = re.compile(r"^Xi_\{9\d{4}\}$")


def _base_name(name: str) -> str:
    base = name.split("_", 1)[0].lstrip("\\")
    return base


@lru_cache(maxsize=4096)
def parse_scalar(text: str) -> sympy.Expr:
    """SymPy expression of scalar LaTeX `text`; raises ParseError with a reason."""
    if not text.strip():
        raise ParseError("empty expression")
    if _nesting(text) > 60:
        raise ParseError("nested too deeply to read")
    unsupported = _UNSUPPORTED.search(text)
    if unsupported:
        raise ParseError(f"`{unsupported.group(0)}` in `{text.strip()}` is not evaluated")
    stripped = text.strip()
    if stripped[0] in "_^&)}]" or "&" in stripped or not _balanced(stripped):
        raise ParseError(f"`{stripped}` is not a complete expression")
    quick = quick_parse(text)
    if quick is not None:
        check_trustworthy(quick, text)
        return quick
    try:
        result = latex2sympy(text, normalization_config=_NORMALIZATION, conversion_config=_CONVERSION)
    except Exception as exc:  # the parser raises bare Exception for syntax errors
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ParseError(f"cannot parse `{text.strip()}`: {message}") from None
    if isinstance(result, (list, tuple)):
        raise ParseError(f"`{text.strip()}` is a list, not a value")
    if not isinstance(result, sympy.Expr):
        raise ParseError(f"`{text.strip()}` is not a scalar expression ({type(result).__name__})")
    check_trustworthy(result, text)
    # latex2sympy keeps `\log_2 x` as an unevaluated two-argument log whose derivative forgets the
    # base; spell it out as a quotient of natural logarithms.
    return result.replace(
        lambda e: isinstance(e, sympy.log) and len(e.args) == 2,
        lambda e: sympy.log(e.args[0]) / sympy.log(e.args[1]),
    )


def warm_up() -> None:
    """Let antlr build its prediction tables on a typical leaf (its first parses are slow)."""
    latex2sympy(r"\frac{a}{b} + c(d+1)^{2} - \sin x", normalization_config=_NORMALIZATION, conversion_config=_CONVERSION)


def _balanced(text: str) -> bool:
    """Brackets of each kind pair up (escaped ones aside); antlr is slow to say it otherwise."""
    plain = re.sub(r"\\[{}()\[\]|]", "", text)
    return all(plain.count(a) == plain.count(b) for a, b in ("{}", "()", "[]"))


def _nesting(text: str) -> int:
    depth = deepest = 0
    for ch in text:
        if ch in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "})]":
            depth -= 1
    return deepest


def check_trustworthy(expr: sympy.Expr, text: str) -> None:
    """Reject parses that silently dropped or misread notation."""
    for symbol in sorted(expr.free_symbols, key=lambda s: s.name):  # sorted: the message names the same symbol every run
        name = symbol.name
        if _PLACEHOLDER_NAME.match(name):
            continue
        base = _base_name(name)
        if base in SUSPICIOUS_NAMES or "{" in base or "\\" in base:
            raise ParseError(f"`{text.strip()}` was misread (a stray `{name}` symbol)")
        if len(base) > 1 and base not in KNOWN_MULTILETTER:
            raise ParseError(f"`{text.strip()}` was misread (unknown name `{name}`)")
    names = {_base_name(s.name) for s in expr.free_symbols}
    bare = re.sub(r"\\[A-Za-z]+", " ", text)
    for word in _SPELLED:
        letters = set(word)
        if letters <= names and re.search(r"\s*".join(word), bare):
            raise ParseError(f"`{text.strip()}` was misread (`{word}` read as a product of letters)")
    if "d" in names and re.search(r"(?<![A-Za-z\\])d\s*[a-zA-Z]", bare):
        raise ParseError(f"`{text.strip()}` was misread (a lone `d`, as in a differential)")
    for function in sorted(expr.atoms(sympy.Function), key=str):
        name = getattr(function.func, "__name__", "")
        if name.startswith("\\") or name in SUSPICIOUS_NAMES:
            raise ParseError(f"`{text.strip()}` uses an unknown function `{name}`")


def symbol(name: str) -> sympy.Symbol:
    """The symbol latex2sympy would make for the variable written `name` (`x_1`, `w_i`)."""
    return sympy.Symbol(name)


def latex_of(value: object) -> str:
    return sympy.latex(value)
