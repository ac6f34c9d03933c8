"""Values are SymPy scalars or explicit immutable matrices; arithmetic on them with shape checks."""

from __future__ import annotations

from typing import Any

import sympy

from .errors import ShapeMismatch

Value = Any
"""A SymPy scalar expression or an explicit `sympy.ImmutableMatrix` (SymPy is not typed)."""


def _substitute(value: Value, mapping: dict[Any, Any]) -> Value:
    """xreplace, except where a derivative's variable is replaced: there `subs` keeps it a `Subs`."""
    def one(expr: sympy.Basic) -> sympy.Basic:
        replaced = {}
        for derivative in expr.atoms(sympy.Derivative):
            variables = [v for v in dict.fromkeys(derivative.variables) if v in mapping]
            if variables:
                dummies = {v: sympy.Dummy(str(v)) for v in variables}
                replaced[derivative] = sympy.Subs(derivative.xreplace(dummies), tuple(dummies.values()), tuple(mapping[v] for v in variables))
        if replaced:
            expr = expr.xreplace(replaced)
        return expr.xreplace(mapping)

    if isinstance(value, sympy.MatrixBase):
        return _immutable(value.applyfunc(one))
    return one(value)


def _free_symbols(value: Value) -> set[Any]:
    return value.free_symbols if isinstance(value, sympy.Basic) else set()


def _immutable(matrix: Value) -> sympy.ImmutableMatrix:
    return sympy.ImmutableMatrix(matrix)


def _transpose(value: Value) -> Value:
    return _immutable(value.T) if isinstance(value, sympy.MatrixBase) else value


def _assemble(grid: list[list[Value]]) -> Value:
    """A matrix from cells that are scalars or blocks (gradients stacked into a Jacobian)."""
    rows = []
    for cells in grid:
        blocks = [c if isinstance(c, sympy.MatrixBase) else sympy.Matrix([[c]]) for c in cells]
        heights = {b.rows for b in blocks}
        if len(heights) > 1:
            raise ShapeMismatch(f"cells of heights {sorted(heights)} side by side in one row")
        rows.append(sympy.Matrix.hstack(*blocks))
    widths = {r.cols for r in rows}
    if len(widths) > 1:
        raise ShapeMismatch(f"rows of widths {sorted(widths)} stacked in one matrix")
    matrix = sympy.Matrix.vstack(*rows)
    return _immutable(matrix)


def shape_text(value: Value) -> str:
    if isinstance(value, sympy.MatrixBase):
        return f"{value.rows}x{value.cols}"
    return "scalar"


def _add(left: Value, right: Value) -> Value:
    left_matrix = isinstance(left, sympy.MatrixBase)
    right_matrix = isinstance(right, sympy.MatrixBase)
    if left_matrix and right_matrix:
        if left.shape != right.shape:
            raise ShapeMismatch(f"a sum of a {shape_text(left)} and a {shape_text(right)} matrix")
        return _immutable(left + right)
    if left_matrix or right_matrix:
        vector, other = (left, right) if left_matrix else (right, left)
        if isinstance(other, sympy.Number) and 1 in vector.shape:
            # a number beside a vector is added to each entry, as NumPy broadcasts it (`1 - \\sigma(\\mathbf z)`)
            return _immutable(vector.applyfunc(lambda entry: entry + other))
        raise ShapeMismatch(f"a sum of a {shape_text(left)} and a {shape_text(right)}")
    return left + right


def _multiply(left: Value, right: Value) -> Value:
    left_matrix = isinstance(left, sympy.MatrixBase)
    right_matrix = isinstance(right, sympy.MatrixBase)
    if left_matrix and right_matrix:
        if left.cols != right.rows:
            if left.shape == (1, 1) or right.shape == (1, 1):
                scalar, other = (left, right) if left.shape == (1, 1) else (right, left)
                return _immutable(other * scalar[0, 0])
            raise ShapeMismatch(f"a {shape_text(left)} matrix times a {shape_text(right)} matrix")
        return _immutable(left * right)
    if left_matrix or right_matrix:
        return _immutable(left * right)
    return left * right


def _hadamard(left: Value, right: Value, divide: bool) -> Value:
    left_matrix = isinstance(left, sympy.MatrixBase)
    right_matrix = isinstance(right, sympy.MatrixBase)
    if left_matrix and right_matrix:
        if left.shape != right.shape:
            raise ShapeMismatch(f"an elementwise operation on a {shape_text(left)} and a {shape_text(right)}")
        return _immutable(left.multiply_elementwise(right.applyfunc(lambda v: 1 / v) if divide else right))
    if divide:
        if right_matrix:
            return _immutable(right.applyfunc(lambda v: left / v))
        return _immutable(left / right) if left_matrix else left / right
    return _multiply(left, right)


def case_relations(value: object) -> "list[sympy.core.relational.Relational]":
    """The relations in the conditions of every case of every piecewise part of `value` (a
    scalar or a matrix): where a function defined by cases changes from one case to another."""
    entries = list(value) if isinstance(value, sympy.MatrixBase) else [value]
    found: list[sympy.core.relational.Relational] = []
    for entry in entries:
        if not isinstance(entry, sympy.Basic):
            continue
        for piecewise in sorted(entry.atoms(sympy.Piecewise), key=sympy.default_sort_key):
            for _, condition in piecewise.args:
                found.extend(sorted(getattr(condition, "atoms", lambda *_: set())(sympy.core.relational.Relational), key=sympy.default_sort_key))
    return found
