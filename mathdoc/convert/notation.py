"""Patterns and errors shared by the converter's rules."""

from __future__ import annotations

import re

from ..semantics.errors import ShapeMismatch, Unchecked  # noqa: F401


_VECTOR_FONT = re.compile(r"\\(mathbf|boldsymbol|bm|vec|mathbfit|overrightarrow)(?![a-zA-Z])")
_MATRIX_ENV = re.compile(r"\\begin\{(bmatrix|pmatrix|matrix|Bmatrix|smallmatrix|array)\}")
_DOTS = re.compile(r"\\(dots|ldots|cdots|vdots|ddots)(?![a-zA-Z])")
_TRANSPOSE = re.compile(r"\^\s*(?:T(?![a-zA-Z])|\\top(?![a-zA-Z])|\\intercal|\{\s*(?:T|\\top|\\intercal|\\mathsf\s*\{?\s*T\s*\}?|\\mathrm\s*\{?\s*T\s*\}?|\\rm\s+T|\\mathsf\s+T)\s*\}|\\mathsf\s*\{?\s*T\s*\}?|\\mathrm\s*\{?\s*T\s*\}?)")
_ELEMENTWISE = {"\\otimes": "mul", "\\odot": "mul", "\\circ": "mul", "\\oslash": "div"}
_GENERIC_OPERATORS = ("\\bigcirc", "\\star", "\\diamond", "\\bullet", "\\square")
_SPECIAL = re.compile(
    r"\\frac|\\partial|\\nabla|\\begin\{|\\mathbf|\\boldsymbol|\\bm(?![a-zA-Z])|\\vec|\\otimes|\\odot|\\oslash|\\circ(?![a-zA-Z])|diag|\[|'|\^\s*\\top|\^\s*T(?![a-zA-Z])|(?<![\\A-Za-z])I(?![A-Za-z])|\\bigcirc|\\\||\\lVert|\\Vert|\\operatorname\{tr\}|(?<![\\A-Za-z])D(?=_|\s*[A-Za-z(\\])"
)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?|-?\\frac\{\d+\}\{\d+\}")
_INDEX_LETTERS = {"i", "j", "k", "l"}
_NAME = re.compile(r"((?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*[A-Za-z]+\s*\})|[A-Za-z]|\\[A-Za-z]+)(\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?")


def _clean_name(name: str) -> str:
    """Canonical text of a name: `f_{1}` and `f_1` are the same function."""
    name = re.sub(r"\s+", "", name)
    name = re.sub(r"_\{([A-Za-z0-9])\}", r"_\1", name)
    return name
