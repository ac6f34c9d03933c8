"""Find the math fragments of a source.  One module per input kind; this registry picks one."""

from __future__ import annotations

import importlib
from typing import Callable

from ..generated import is_generated_report
from ..model import Fragment, Source

FragmentFinder = Callable[[Source], list[Fragment]]

FINDERS: dict[str, str] = {
    "markdown": "mathdoc.fragments.markdown:find_fragments",
    "latex": "mathdoc.fragments.latex:find_fragments",
    "notebook": "mathdoc.fragments.notebook:find_fragments",
    "rst": "mathdoc.fragments.rst:find_fragments",
}
"""kind -> "module:function".  Imported on first use so a run over Markdown never loads the
LaTeX reader."""


def find_fragments(source: Source) -> list[Fragment]:
    """Fragments in source order; none in a report that mathdoc wrote (see `mathdoc.generated`).

    A Markdown source's Julia and Python chunks come as `CodeFragment`s: never math, only read
    for the definitions they make (see `mathdoc.code_definitions`)."""
    if is_generated_report(source.text):
        return []
    target = FINDERS.get(source.kind, FINDERS["markdown"])
    module_name, _, function_name = target.partition(":")
    finder: FragmentFinder = getattr(importlib.import_module(module_name), function_name)
    found = finder(source)
    if source.kind == "markdown" and ("```" in source.text or "~~~" in source.text):
        from ..code_definitions import code_fragments

        found = found + code_fragments(source)  # code chunks, for the definitions they make
    return sorted(found, key=lambda f: f.source_offset(0))


def math_fragments(source: Source) -> list[Fragment]:
    """Only the math (what a report shows): code chunks left out."""
    from ..code_definitions import CodeFragment

    return [f for f in find_fragments(source) if not isinstance(f, CodeFragment)]
