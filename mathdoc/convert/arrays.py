"""Vectors and matrices: environments, `[a, b]`, bold and arrow vectors, capitals, `diag`."""

from __future__ import annotations

import re

import sympy

from ..notation.scan import group_end, read_argument, skip_spaces, split_top
from .core import ConverterCore
from .notation import _DOTS, _TRANSPOSE, Unchecked
from ..semantics.values import _assemble, _immutable, _transpose, Value


class ArrayRules(ConverterCore):
    def _matrix_environment(self, text: str, i: int, match: re.Match[str]) -> tuple[Value, int, bool]:
        name = match.group(1)
        end_tag = f"\\end{{{name}}}"
        depth = 0
        j = i
        close = -1
        while j < len(text):
            if text.startswith(f"\\begin{{{name}}}", j):
                depth += 1
            elif text.startswith(end_tag, j):
                depth -= 1
                if depth == 0:
                    close = j
                    break
            j += 1
        if close < 0:
            raise Unchecked("unparsed", f"`\\begin{{{name}}}` without `\\end{{{name}}}`")
        body = text[match.end() : close]
        if name == "array":
            spec = read_argument(body, 0)
            body = body[spec[1] :] if spec else body
        rows = [r for r, _ in split_top(body, ("\\\\",))]
        while rows and not rows[-1].strip():
            rows.pop()
        grid: list[list[Value]] = []
        for row in rows:
            cells = [c for c, _ in split_top(row, ("&",))]
            if any(_DOTS.fullmatch(c.strip()) or not c.strip() for c in cells) or any(_DOTS.search(c) for c in cells):
                raise Unchecked("unparsed", "a pattern matrix (with `\\dots` or empty cells) stands for any size")
            grid.append([self.member(c) for c in cells])
        return _assemble(grid), close + len(end_tag), False

    def _bracket(self, text: str, i: int) -> tuple[Value, int, bool] | None:
        end = group_end(text, i)
        if end < 0:
            raise Unchecked("unparsed", "unbalanced brackets")
        inner = text[i + 1 : end - 1]
        cells = [c for c, _ in split_top(inner, (",",))]
        if len(cells) > 1:
            if any(_DOTS.search(c) for c in cells):
                raise Unchecked("unparsed", "a pattern vector (with `\\dots`) stands for any length")
            return _assemble([[self.member(c) for c in cells]]), end, False
        return self.member(inner), end, False

    def _bold(self, text: str, i: int, command: str) -> tuple[Value, int, bool]:
        argument = read_argument(text, i + len(command))
        if argument is None:
            raise Unchecked("malformed-notation", f"`{command}` with no argument")
        inner, end = argument[0].strip(), argument[1]
        transpose = False
        inner_match = _TRANSPOSE.search(inner)
        if inner_match:
            transpose = True
            inner = inner[: inner_match.start()].strip()
        if command == "\\vec" and inner in ("1", "0"):
            value = _immutable(sympy.ones(self.n, 1) * int(inner))
        elif re.fullmatch(r"[A-Z]", inner):
            value = self.matrix(inner)
        else:
            value = self.vector(inner)
        value = _transpose(value) if transpose else value
        after = skip_spaces(text, end)
        if after < len(text) and text[after] == "(":
            raise Unchecked("undefined-function", f"the vector function `{command}{{{inner}}}(...)` is not defined")
        return value, end, False

    def matrix(self, letter: str) -> sympy.ImmutableMatrix:
        """A square matrix named by a capital (`A`, `\\mathbf{A}`): generic n x n entries A_ij."""
        key = f"\\mathbf{{{letter}}}"
        for candidate in (letter, key):
            if candidate in self.defs.symbols and not self.all_generic:
                value = self.member(self.defs.symbols[candidate])
                if isinstance(value, sympy.MatrixBase):
                    self.used_defined_array = True
                    return value
        self.used_generic = True
        return _immutable(sympy.Matrix(self.n, self.n, lambda r, c: sympy.Symbol(f"{letter}_{r + 1}{c + 1}")))

    def vector(self, letter: str) -> Value:
        """The column vector written `\\mathbf{letter}`: its definition, else generic of length n."""
        for key in (f"\\mathbf{{{letter}}}", f"\\boldsymbol{{{letter}}}", f"\\bm{{{letter}}}", f"\\vec{{{letter}}}"):
            if key in self.defs.symbols and not self.all_generic:
                body = self.defs.symbols[key]
                if not _DOTS.search(body):
                    value = self.member(body)
                    if isinstance(value, sympy.MatrixBase):
                        self.used_defined_array = True
                        return value
        if not re.fullmatch(r"[A-Za-z]", letter):
            raise Unchecked("unparsed", f"bold `{letter}` is not a vector name")
        self.used_generic = True
        return _immutable(sympy.Matrix([sympy.Symbol(f"{letter}_{k}") for k in range(1, self.n + 1)]))

    def _diag(self, text: str, i: int) -> tuple[Value, int, bool]:
        j = skip_spaces(text, i + 4)
        if j >= len(text) or text[j] not in "({":
            raise Unchecked("unparsed", "`diag` with no argument")
        end = group_end(text, j)
        if end < 0:
            raise Unchecked("unparsed", "unbalanced `diag(`")
        inner = text[j + 1 : end - 1].strip()
        pattern = re.fullmatch(r"\\(?:dots|ldots|cdots)\s*(.*?)\s*\\(?:dots|ldots|cdots)", inner, re.S)
        if pattern:
            entries = [self._indexed(pattern.group(1), k) for k in range(1, self.n + 1)]
            self.used_generic = True
            return _immutable(sympy.diag(*entries)), end, False
        cells = [c for c, _ in split_top(inner, (",",))]
        if len(cells) > 1:
            if any(_DOTS.search(c) for c in cells):
                raise Unchecked("unparsed", "a pattern `diag(...)` with `\\dots` stands for any size")
            return _immutable(sympy.diag(*[self.member(c) for c in cells])), end, False
        value = self.member(inner)
        if isinstance(value, sympy.MatrixBase):
            return _immutable(sympy.diag(*list(value))), end, False
        return _immutable(sympy.diag(value)), end, False

    def _indexed(self, text: str, k: int) -> Value:
        """The entry `text` written with index `i` (`\\frac{1}{x_i}`), taken at i = k."""
        replaced = re.sub(r"_\s*(\{\s*i\s*\}|i)(?![A-Za-z])", f"_{{{k}}}", text)
        return self.member(replaced)
