"""The reading conventions of the grammar, collected from the rule modules into one document.

Each rule module states its conventions as a table in its docstring (one fixture per row in
`tests/grammar/`); `python -m mathdoc.grammar.conventions` prints them all as `docs/conventions.md`,
and a test keeps that file equal to the tables.
"""

from __future__ import annotations

import importlib

MODULES = (
    ("Precedence", "mathdoc.grammar.parser"),
    ("Formulas, rows and statements", "mathdoc.grammar.statements"),
    ("Functions and their arguments", "mathdoc.grammar.rules.functions"),
    ("Fractions and derivatives", "mathdoc.grammar.rules.fractions"),
    ("Powers, subscripts, primes", "mathdoc.grammar.rules.scripts"),
    ("Brackets", "mathdoc.grammar.rules.delimiters"),
    ("Matrices", "mathdoc.grammar.rules.environments"),
    ("Operators", "mathdoc.grammar.rules.operators"),
    ("Indicators and blackboard bold", "mathdoc.grammar.rules.indicators"),
    ("Integrals and limits", "mathdoc.grammar.rules.integrals"),
    ("Other readings tried before a step is called wrong", "mathdoc.semantics.readings"),
)


def table(module_name: str) -> str:
    doc = importlib.import_module(module_name).__doc__ or ""
    lines = [line.strip() for line in doc.splitlines() if line.strip().startswith("|")]
    return "\n".join(lines)


def document() -> str:
    parts = [
        "# How mathdoc reads TeX math",
        "",
        "Generated from the rule modules by `python -m mathdoc.grammar.conventions`; each row has a",
        "fixture in `tests/grammar/`. Where notation can be read more than one way, the first reading",
        "is preferred and the others are tried before a step is called wrong.",
    ]
    for title, module in MODULES:
        parts += ["", f"## {title}", "", f"(`{module}`)", "", table(module)]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    print(document(), end="")
