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
    """Fragments in source order; none in a report that mathdoc wrote (see `mathdoc.generated`)."""
    if is_generated_report(source.text):
        return []
    target = FINDERS.get(source.kind, FINDERS["markdown"])
    module_name, _, function_name = target.partition(":")
    finder: FragmentFinder = getattr(importlib.import_module(module_name), function_name)
    return sorted(finder(source), key=lambda f: f.source_offset(0))
