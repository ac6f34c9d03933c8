"""Definitions read from the code cells of a note: Julia and Python one-line functions.

Quarto and Markdown notes often define the function of an example in code (```` ```{julia} ````
`f(x) = exp(x)*sin(x)`, ```` ```python ```` `def f(x): return x**2`) and then write its
derivative in the math.  Such a definition is a reading of lower standing than one written in
the math (code may compute something the prose does not state), so it is handed on marked as
code: it may verify a step, but a step that differs only under it is left unchecked.

Nothing is executed.  A definition is recognised only on a top-level line (no indentation) of a
visible chunk, with a one-letter function name and an arithmetic body: numbers, names, `+ - * /`,
`**` or `^`, and calls of exp, sin, cos, tan, log, sqrt and their kin.  The body is parsed with
Python's `ast` (Julia's `^` and juxtaposition `4t` are rewritten first); anything else is no
definition.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from .model import Fragment, Source

LANGUAGES = {"julia": "Julia", "jl": "Julia", "python": "Python", "py": "Python", "python3": "Python", "ipython": "Python", "ipython3": "Python"}
_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})[ \t]*\{?\.?(?P<info>[A-Za-z0-9_+-]*)[^\n]*$")
_HIDDEN = re.compile(r"^#\|\s*(?:echo|include)\s*:\s*false\b", re.MULTILINE)
_NAME = r"[A-Za-z\u0370-\u03ff][A-Za-z0-9_\u0370-\u03ff]*"
_JULIA_FUNCTION = re.compile(rf"^(?P<name>{_NAME})\((?P<params>[^()]*)\)\s*=(?!=)\s*(?P<body>.+)$")
_ARROW = re.compile(rf"^(?P<name>{_NAME})\s*=\s*(?:\((?P<params>[^()]*)\)|(?P<param>{_NAME}))\s*->\s*(?P<body>.+)$")
_LAMBDA = re.compile(rf"^(?P<name>{_NAME})\s*=\s*lambda\s+(?P<params>[^:]*):\s*(?P<body>.+)$")
_DEF = re.compile(rf"^def\s+(?P<name>{_NAME})\((?P<params>[^()]*)\)\s*(?:->\s*[\w.]+\s*)?:\s*(?P<rest>.*)$")
_RETURN = re.compile(r"^(?P<indent>[ \t]+)return\s+(?P<body>.+)$")

GREEK = {
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu",
    "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
}
_UNICODE_GREEK = {chr(0x3B1 + i): name for i, name in enumerate(
    ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu",
     "xi", "omicron", "pi", "rho", "finalsigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"])}
FUNCTIONS = {"exp": "\\exp", "sin": "\\sin", "cos": "\\cos", "tan": "\\tan", "log": "\\ln", "sinh": "\\sinh",
             "cosh": "\\cosh", "tanh": "\\tanh", "asin": "\\arcsin", "acos": "\\arccos", "atan": "\\arctan",
             "arcsin": "\\arcsin", "arccos": "\\arccos", "arctan": "\\arctan", "sec": "\\sec", "csc": "\\csc", "cot": "\\cot"}
_MODULES = {"np", "numpy", "math", "sp", "sympy", "torch", "jnp"}
_CONSTANTS = {"pi": "\\pi", "e": "e"}
MAX_BODY = 200


class NotArithmetic(Exception):
    """The code is not a plain arithmetic expression: no definition."""


@dataclass(frozen=True, slots=True)
class CodeFragment(Fragment):
    """The text of one code chunk, handed to the recogniser for definitions, never read as math."""

    language: str = ""
    """"Julia" or "Python"."""


@dataclass(frozen=True, slots=True)
class CodeDefinition:
    head: str
    """LaTeX of the defined name with its parameters: `f(x)`."""
    body: str
    """LaTeX of the body: `\\exp(x) \\cdot \\sin(x)`."""
    offset: int
    """Offset of the definition's line in the chunk's text."""
    code: str
    """The line of code, for messages."""


def code_fragments(source: Source) -> list[Fragment]:
    """The visible Julia and Python chunks of a Markdown (or Quarto) source, as code fragments."""
    found: list[Fragment] = []
    lines = source.text.split("\n")
    offset, index = 0, 0
    starts = []
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if not match:
            index += 1
            continue
        fence = match.group("fence")
        end = next((k for k in range(index + 1, len(lines)) if lines[k].startswith(fence[0] * len(fence)) and not lines[k].strip(fence[0] + " \t")), len(lines))
        language = LANGUAGES.get(match.group("info").lower())
        if language and end > index + 1:
            text = "\n".join(lines[index + 1 : end])
            if not _HIDDEN.search(text):
                found.append(CodeFragment(text=text, start=starts[index + 1], display=False, language=language))
        index = end + 1
    return found


def code_definitions(text: str, language: str) -> list[CodeDefinition]:
    """Every one-line function definition with an arithmetic body, in order."""
    found: list[CodeDefinition] = []
    lines = text.split("\n")
    offset = 0
    for number, line in enumerate(lines):
        definition = _definition(line, lines[number + 1 : number + 3], language)
        if definition is not None:
            head, body = definition
            code = line.strip() if line.rstrip().endswith(tuple(")0123456789")) or ":" not in line else f"{line.strip()} {lines[number + 1].strip()}"
            found.append(CodeDefinition(head, body, offset, code))
        offset += len(line) + 1
    return found


def _definition(line: str, following: list[str], language: str) -> tuple[str, str] | None:
    if not line or line[0].isspace() or len(line) > MAX_BODY:
        return None
    line = line.split("#", 1)[0].rstrip().rstrip(";")
    candidates = [_JULIA_FUNCTION, _ARROW] if language == "Julia" else [_LAMBDA, _DEF]
    for pattern in candidates:
        match = pattern.match(line)
        if match is None:
            continue
        fields = match.groupdict()
        params = fields.get("params") or fields.get("param") or ""
        body = fields.get("body")
        if pattern is _DEF:
            body = fields["rest"].removeprefix("return").strip() if fields["rest"].startswith("return") else _returned(following)
        if body is None:
            return None
        try:
            return _head(fields["name"], params), translate(body, language)
        except NotArithmetic:
            return None
    return None


def _returned(following: list[str]) -> str | None:
    """`def f(x):` followed by one `return …` line and nothing more in the body."""
    if not following:
        return None
    match = _RETURN.match(following[0])
    if match is None:
        return None
    if len(following) > 1 and following[1].startswith(match.group("indent")) and following[1].strip():
        return None
    return match.group("body").split("#", 1)[0].strip()


def _head(name: str, params: str) -> str:
    if not _one_letter(name):
        raise NotArithmetic(name)
    names = [p.strip().split(":")[0].split("::")[0].strip() for p in params.split(",")] if params.strip() else []
    if not names or len(set(names)) != len(names):
        raise NotArithmetic(params)
    return f"{_name(name)}({', '.join(_name(p) for p in names)})"


def _one_letter(name: str) -> bool:
    return len(name) == 1 or name in GREEK or (len(name) == 1 and name in _UNICODE_GREEK)


def _name(name: str) -> str:
    """A code name as math: `x`, `θ` / `theta` -> `\\theta`, `x1` -> `x_{1}`; other names are refused."""
    if name in _UNICODE_GREEK:
        name = _UNICODE_GREEK[name]
    if name in GREEK:
        return "\\" + name
    match = re.fullmatch(r"([A-Za-z])_?([0-9])", name)
    if match:
        return f"{match.group(1)}_{{{match.group(2)}}}"
    if len(name) == 1 and name.isascii() and name.isalpha():
        return name
    raise NotArithmetic(name)


# ------------------------------------------------------------------ expressions


def translate(code: str, language: str) -> str:
    """LaTeX for an arithmetic code expression, or NotArithmetic."""
    if language == "Julia":
        code = _julia_to_python(code)
    try:
        tree = ast.parse(code.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError):
        raise NotArithmetic(code) from None
    return _latex(tree.body)


def _julia_to_python(code: str) -> str:
    """`^` -> `**`, `4t` / `2(x+1)` / `)(` -> explicit products, `π` -> `pi`, `ℯ` -> `e`."""
    if re.search(r"[\[\]{}'\"$;:?!<>=&|@]|\.(?![0-9])|(?<![0-9])\.|[0-9][eE][-+0-9]", code):
        raise NotArithmetic(code)  # arrays, strings, broadcasting `.^`, fields, splats, `1e-3`
    if re.search(r"[/^]\s*[0-9.]+\s*[A-Za-z_\u0370-\u03ff(]", code):
        raise NotArithmetic(code)  # `1/2x` is 1/(2x) and `x^2y` is x^(2y) in Julia: not guessed
    code = code.replace("π", "pi").replace("ℯ", "e").replace("^", "**")
    code = re.sub(r"(?<![A-Za-z_\u0370-\u03ff0-9.])([0-9]+(?:\.[0-9]+)?)\s*(?=[A-Za-z_\u0370-\u03ff(])", r"\1*", code)
    code = re.sub(r"\)\s*\(", ")*(", code)
    return "".join(f"_g_{_UNICODE_GREEK[c]}_" if c in _UNICODE_GREEK else c for c in code)


_PRECEDENCE = {ast.Add: 1, ast.Sub: 1, ast.Mult: 2, ast.Div: 2, ast.Pow: 4}


def _latex(node: ast.expr) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return _number(node.value)
    if isinstance(node, ast.Name):
        return _variable(node.id)
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in _MODULES and node.attr in ("pi", "e"):
        return _CONSTANTS[node.attr]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        inner = _latex(node.operand)
        if isinstance(node.operand, ast.BinOp) and _PRECEDENCE[type(node.operand.op)] < 4:
            inner = f"({inner})"
        return ("-" if isinstance(node.op, ast.USub) else "") + inner
    if isinstance(node, ast.BinOp) and type(node.op) in _PRECEDENCE:
        return _binary(node)
    if isinstance(node, ast.Call):
        return _call(node)
    raise NotArithmetic(ast.dump(node)[:40])


def _number(value: int | float) -> str:
    if isinstance(value, float) and not value.is_integer():
        text = repr(value)
        if "e" in text or "inf" in text or "nan" in text:
            raise NotArithmetic(text)
        return text
    return str(int(value))


def _variable(name: str) -> str:
    if name.startswith("_g_") and name.endswith("_"):
        name = name[3:-1]
    if name == "pi":
        return "\\pi"
    return _name(name)


def _binary(node: ast.BinOp) -> str:
    op = type(node.op)
    if op is ast.Div:
        return f"\\frac{{{_latex(node.left)}}}{{{_latex(node.right)}}}"
    if op is ast.Pow:
        base = _latex(node.left)
        if not isinstance(node.left, (ast.Name, ast.Constant)) or base.startswith("-"):
            base = f"({base})"
        return f"{base}^{{{_latex(node.right)}}}"
    left, right = _operand(node.left, op, False), _operand(node.right, op, True)
    if op is ast.Mult:
        return f"{left} \\cdot {right}"
    sign = "+" if op is ast.Add else "-"
    if right.startswith("-"):
        right = f"({right})"
    return f"{left} {sign} {right}"


def _operand(node: ast.expr, op: type[ast.operator], right: bool) -> str:
    text = _latex(node)
    if isinstance(node, ast.BinOp) and type(node.op) in _PRECEDENCE:
        inner = _PRECEDENCE[type(node.op)]
        mine = _PRECEDENCE[op]
        if inner < mine or (right and inner == mine and op is ast.Sub):
            return f"({text})"
    if isinstance(node, ast.UnaryOp) and op is ast.Mult:
        return f"({text})"
    return text


def _call(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in _MODULES:
        name = func.attr
    elif isinstance(func, ast.Name):
        name = func.id
    else:
        raise NotArithmetic("call")
    if node.keywords or len(node.args) != 1:
        raise NotArithmetic(name)
    argument = _latex(node.args[0])
    if name == "sqrt":
        return f"\\sqrt{{{argument}}}"
    if name in ("abs",):
        return f"\\left|{argument}\\right|"
    if name not in FUNCTIONS:
        raise NotArithmetic(name)
    return f"{FUNCTIONS[name]}\\left({argument}\\right)"
