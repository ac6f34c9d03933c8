"""Meaning of the tree: evaluation into SymPy values under a document's definitions and layout.

`Evaluator` combines the rule mixins; `Evaluator.RULES` is the whole table of node type ->
method, visible in one place.
"""

from __future__ import annotations

from ..grammar import tree as t
from .arrays import ArrayRules
from .calculus import CalculusRules
from .env import Definitions
from .evaluate import CORE_RULES
from .functions import FunctionRules
from .integrals import IntegralRules
from .points import PointRules
from .primes import PrimeRules
from .vector_calculus import VectorCalculusRules


class Evaluator(CalculusRules, PointRules, PrimeRules, VectorCalculusRules, FunctionRules, ArrayRules, IntegralRules):
    RULES = {
        **CORE_RULES,
        t.Apply: "apply", t.Function: "function",
        t.Derivative: "derivative", t.Gradient: "gradient", t.Prime: "prime", t.Evaluate: "evaluate",
        t.Matrix: "matrix", t.Tuple: "tuple", t.Norm: "norm", t.Sum: "sum",
        t.Integral: "integral", t.Limit: "limit",
    }


__all__ = ["Definitions", "Evaluator"]
