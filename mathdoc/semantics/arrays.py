"""Vectors and matrices: literals, bold vectors, capitals as matrices, norms, sums over an index."""

from __future__ import annotations

import sympy

from .errors import ShapeMismatch, Unchecked
from .values import Value, _assemble, _immutable
from ..grammar import tree as t
from .evaluate import EvaluatorCore
from ..grammar.names import INDEX_LETTERS, key, scalar_name

GENERIC_BOUNDS = frozenset(("n", "N", "m", "d", "K", "k", "T", "D", "M"))


class ArrayRules(EvaluatorCore):
    def array_symbol(self, node: t.Symbol) -> Value:
        """`\\mathbf{x}` (a defined vector, or x_1..x_n), `A` / `\\mathbf{A}` (n x n), `\\mathbf{1}`."""
        name = key(node)
        if name in self.held:
            return self.held[name]
        body = self.defs.symbols.get(name)
        if body is not None and node.font != "bold" and not any(isinstance(n, t.Dots) for n in t.walk(body)):
            value = self.value(body)
            if not isinstance(value, sympy.MatrixBase):
                return value  # a capital beside vectors that the document defines as a scalar (`L = \tfrac12\|\mathbf z\|^2`)
        literal = isinstance(body, (t.Matrix, t.Tuple))
        if body is not None and (not self.all_generic or not literal) and not any(isinstance(n, t.Dots) for n in t.walk(body)):
            # a definition with `\dots` (x_1, …, x_n) leaves the vector generic, and so does one written
            # entry by entry while the generic length is swept; `\mathbf z_2 = W_2\mathbf a_1 + \mathbf b_2` is read at every length
            value = self.value(body)
            if isinstance(value, sympy.MatrixBase):
                self.used_defined_array = True
                return value
        if node.name == "0" and node.sub is None:
            return sympy.Integer(0)  # the zero vector: zero of whatever shape the other side has
        declared = self.defs.shapes.get(name)
        if declared is not None and (self.dimensions or all(d.isdigit() for d in declared)):
            return self._declared_array(node, declared)  # `\\mathbf x \\in \\mathbb R^3`: three entries, whatever the generic length
        if node.name == "1" and node.sub is None:
            self.used_generic = True
            return _immutable(sympy.ones(self.n, 1))
        letter = scalar_name(t.Symbol(node.name, node.span, sub=node.sub), self.indices)
        if letter is None or not (node.name.isalpha() and (len(node.name) == 1 or node.name.isalpha() and node.name.islower() and len(node.name) > 2)):
            raise Unchecked("unparsed", f"bold `{node.name}` is not a vector name")
        self.used_generic = True
        if node.name[0].isupper() or node.name in ("Sigma", "Lambda"):
            return _immutable(sympy.Matrix(self.n, self.n, lambda r, c: sympy.Symbol(f"{letter}_{{{r + 1}{c + 1}}}")))
        if node.sub is not None:
            return _immutable(sympy.Matrix(_entries(letter, self.n)))
        return _immutable(sympy.Matrix([sympy.Symbol(f"{letter}_{k}") for k in range(1, self.n + 1)]))

    def _declared_array(self, node: t.Symbol, declared: tuple[str, str]) -> Value:
        """A name declared `\\in \\mathbb{R}^{K \\times m}` (or `^n`): generic entries, at the sizes of
        the dimensions being tried (see `steps._decide`)."""
        rows, cols = (self._dimension(d) for d in declared)
        letter = scalar_name(t.Symbol(node.name, node.span, sub=node.sub), self.indices) or node.name
        self.used_shapes = True
        if cols == 1 and not node.name[0].isupper():
            column = sympy.Matrix(_entries(letter, rows) if node.sub is not None else [sympy.Symbol(f"{letter}_{k}") for k in range(1, rows + 1)])
            return _immutable(column.T if self.row_vectors else column)  # `\\mathbb{R}^n`: a column, or a row in ML notes
        return _immutable(sympy.Matrix(rows, cols, lambda r, c: sympy.Symbol(f"{letter}_{{{r + 1}{c + 1}}}")))

    def _dimension(self, text: str) -> int:
        if text.isdigit():
            return int(text)
        if text not in self.dimensions:
            raise Unchecked("unparsed", f"the dimension `{text}` is not a number or a declared size")
        return self.dimensions[text]

    def matrix(self, node: t.Matrix) -> Value:
        grid: list[list[Value]] = []
        for row in node.rows:
            if any(isinstance(cell, t.Dots) for cell in row):
                raise Unchecked("unparsed", "a pattern matrix (with `\\dots` or empty cells) stands for any size")
            grid.append([self.value(cell) for cell in row])
        return _assemble(grid)

    def tuple(self, node: t.Tuple) -> Value:
        if any(isinstance(item, t.Dots) for item in node.items):
            raise Unchecked("unparsed", "a pattern vector (with `\\dots`) stands for any length")
        values = [self.value(item) for item in node.items]
        if node.bracket == "<" and len(values) == 2 and all(isinstance(v, sympy.MatrixBase) and 1 in v.shape and v.shape != (1, 1) for v in values):
            if values[0].shape != values[1].shape:
                raise ShapeMismatch(f"an inner product of a {values[0].rows}x{values[0].cols} and a {values[1].rows}x{values[1].cols} vector")
            return sum(a * b for a, b in zip(values[0], values[1]))  # `\langle u, v \rangle`
        return _assemble([values])

    def norm(self, node: t.Norm) -> Value:
        value = self.value(node.inner)
        which = node.sub
        kind = "2" if which is None else (which.value if isinstance(which, t.Number) else getattr(which, "name", "?"))
        if not isinstance(value, sympy.MatrixBase):
            return sympy.Abs(value)
        if value.rows > 1 and value.cols > 1:
            if kind == "F" or (kind == "2" and self.frobenius):
                return sympy.sqrt(sum(entry**2 for entry in value))
            raise Unchecked("unparsed", "the norm of a matrix (which norm?)")
        if kind in ("2", "F"):
            return sympy.sqrt(sum(entry**2 for entry in value))
        if kind == "1":
            return sum(sympy.Abs(entry) for entry in value)
        raise Unchecked("unparsed", f"the {kind}-norm is not evaluated")

    def sum(self, node: t.Sum) -> Value:
        index = node.index.name if node.index is not None else self.implicit_index(node)
        shadowed = self.indices.get(index) if index in self.free_indices or id(node) not in self.own_sums else None
        if index in self.indices and shadowed is None:
            raise Unchecked("malformed-notation", f"the index `{index}` is bound twice")
        lower = sympy.Integer(1) if node.lower is None else self.scalar(node.lower, "a lower bound")
        upper = self.upper_bound(node)
        if upper == sympy.oo and self.series_terms and getattr(lower, "is_Integer", False):
            self.used_generic = True
            upper = lower + self.n - 1  # the reading "term by term": the first n terms
        if not (getattr(lower, "is_Integer", False) and getattr(upper, "is_Integer", False)):
            raise Unchecked("unparsed", "a sum whose bounds are not whole numbers")
        if upper - lower > 12:
            raise Unchecked("unparsed", "a sum of more than 12 terms is not expanded")
        total: Value | None = None
        for value in range(int(lower), int(upper) + 1):
            self.indices[index] = value
            try:
                term = self.value(node.body)
            finally:
                del self.indices[index]
            if total is None:
                total = term  # a sum of vectors or matrices starts from its first term, not from the number 0
            elif isinstance(total, sympy.MatrixBase) != isinstance(term, sympy.MatrixBase) or (isinstance(total, sympy.MatrixBase) and node.kind == "sum" and total.shape != term.shape):
                raise ShapeMismatch(f"the terms of the sum have different shapes ({_shape_text(total)} and {_shape_text(term)})")
            else:
                total = (total + term) if node.kind == "sum" else (total * term)
        if total is None:
            total = sympy.Integer(0 if node.kind == "sum" else 1)
        if shadowed is not None:
            self.indices[index] = shadowed  # a definition's sum binds its own `i`, not the step's free one
        return total

    def implicit_index(self, node: t.Sum) -> str:
        """`\\sum (\\hat y_i - y_i) x_i`: the one index letter its body writes in subscripts, from 1 to
        the generic length."""
        letters = {n.sub.name for n in t.walk(node.body) if isinstance(n, t.Symbol) and isinstance(n.sub, t.Symbol)
                   and n.sub.name in INDEX_LETTERS and n.sub.name not in self.indices}
        if len(letters) != 1:
            raise Unchecked("unparsed", f"a `\\{node.kind}` without its index")
        return letters.pop()

    def upper_bound(self, node: t.Sum) -> Value:
        """`n` (or `N`, `m`, …) not defined: the generic length, instantiated like a vector's."""
        upper = node.upper
        if upper is None or (isinstance(upper, t.Symbol) and upper.sub is None and upper.name in GENERIC_BOUNDS and key(upper) not in self.defs.symbols):
            self.used_generic = True
            return sympy.Integer(self.n)
        return self.scalar(upper, "an upper bound")


def _entries(letter: str, count: int) -> list[sympy.Symbol]:
    """The entries of a vector named with a subscript: entry l of `\\mathbf k_j` is `k_{jl}`, as
    notes write it (a row of data: `x_{ij}` of `\\mathbf x_i`)."""
    base, _, sub = letter.partition("_")
    if len(sub) == 1 and sub.isalnum():
        return [sympy.Symbol(f"{base}_{{{sub}{k}}}") for k in range(1, count + 1)]
    return [sympy.Symbol(f"{letter}_{{{k}}}") for k in range(1, count + 1)]


def _shape_text(value: Value) -> str:
    return f"{value.rows}x{value.cols}" if isinstance(value, sympy.MatrixBase) else "a scalar"
