"""Read one relation member into a value: a SymPy scalar or an explicit SymPy matrix.

Derivative operators, gradients, vectors, matrices, transposes, `diag` and elementwise operators
are recognised here; runs of plain scalar LaTeX go to `mathdoc.parse` (latex2sympy), with
placeholder symbols standing for the values already computed.  Generic vectors (`\\mathbf{w}` of
unknown length) are instantiated with a concrete length `n` chosen by the caller.
"""

from __future__ import annotations

from .arrays import ArrayRules
from .definitions import Definitions
from .derivatives import DerivativeRules
from .notation import ShapeMismatch, Unchecked
from ..semantics.values import shape_text


class Converter(DerivativeRules, ArrayRules):
    """Evaluates members under one layout ("numerator"/"denominator") and one vector length."""


__all__ = ["Converter", "Definitions", "ShapeMismatch", "Unchecked", "shape_text"]
