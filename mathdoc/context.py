"""Document context: which layout the document uses, and which definitions a claim may rely on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .claims import Definition
from .model import Source
from .suppress import code_ranges, inside

_DIRECTIVE = re.compile(r"(?:<!--|%|\.\.)\s*mathdoc:\s*layout\s*=\s*(numerator|denominator)\b", re.IGNORECASE)
_PROSE = re.compile(r"\b(numerator|denominator)[- ]layout|(分子|分母)布局", re.IGNORECASE)
_NAME = re.compile(r"\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*[A-Za-z]+\s*\}|[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?|\\[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class LayoutDeclaration:
    layout: str
    how: str
    """"directive", "configuration", "prose" or "inferred"."""
    line: int | None


def declared_layout(source: Source, configured: str | None = None) -> LayoutDeclaration | None:
    """A directive beats the configuration, which beats a sentence in the prose."""
    code = code_ranges(source) if "mathdoc:" in source.text.lower() else []
    directive = next((m for m in _DIRECTIVE.finditer(source.text) if not inside(code, m.start())), None)
    if directive:
        return LayoutDeclaration(directive.group(1).lower(), "directive", source.locate(directive.start()).line)
    if configured:
        return LayoutDeclaration(configured, "configuration", None)
    prose = _PROSE.search(source.text)
    if prose:
        word = (prose.group(1) or "").lower()
        layout = word if word else ("numerator" if prose.group(2) == "分子" else "denominator")
        return LayoutDeclaration(layout, "prose", source.locate(prose.start()).line)
    return None


def _head_name(head: str) -> str:
    head = re.sub(r"\s+", "", head)
    head = re.sub(r"\(.*\)$", "", head)
    return re.sub(r"_\{([A-Za-z0-9])\}", r"_\1", head)


def _mentions(text: str, name: str) -> bool:
    compact = re.sub(r"(\{\s*)d(?=[A-Za-z\\])", r"\1d ", text)  # `\frac{dy}{dx}` mentions y
    compact = re.sub(r"\s*_\s*", "_", compact)
    compact = re.sub(r"_\{([A-Za-z0-9])\}", r"_\1", compact)
    compact = re.sub(r"\\(mathbf|boldsymbol|bm|vec)\s*\{\s*([A-Za-z])\s*\^[^{}]*\}", r"\\\1{\2}", compact)
    pattern = r"(?<![A-Za-z\\])" + re.escape(name) + r"(?![A-Za-z0-9_])"
    if name.startswith("\\"):
        pattern = re.escape(name) + r"(?![A-Za-z])"
    return re.search(pattern, compact) is not None


_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s", re.MULTILINE)
_LATEX_HEADING = re.compile(r"\\(part|chapter|section|subsection|subsubsection)\*?\s*\{")
_LATEX_LEVEL = {"part": 0, "chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4}
_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)


def headings(source: Source) -> tuple[tuple[int, int], ...]:
    """(offset, level) of every section heading, outside code fences."""
    if source.kind == "latex":
        return tuple((m.start(), _LATEX_LEVEL[m.group(1)]) for m in _LATEX_HEADING.finditer(source.text))
    fences = [m.start() for m in _FENCE.finditer(source.text)]
    found = []
    for match in _MARKDOWN_HEADING.finditer(source.text):
        inside = sum(1 for f in fences if f < match.start()) % 2 == 1
        if not inside:
            found.append((match.start(), len(match.group(1))))
    return tuple(found)


def _in_scope(definition_offset: int, offset: int, sections: tuple[tuple[int, int], ...]) -> bool:
    """A definition holds until the next heading of its own section's level or higher."""
    level = None
    for heading_offset, heading_level in sections:
        if heading_offset <= definition_offset:
            level = heading_level
        elif heading_offset < offset and (level is None or heading_level <= level):
            return False
    return True


def definitions_in_scope(
    definitions: tuple[Definition, ...], offset: int, text: str, sections: tuple[tuple[int, int], ...] = ()
) -> tuple[tuple[str, str], ...]:
    """Earlier definitions, still in scope, that `text` (or a definition it uses) mentions; the latest wins."""
    latest: dict[str, Definition] = {}
    remote: set[str] = set()
    equalities: list[Definition] = []
    for definition in definitions:
        if definition.offset >= offset:
            break
        if not _in_scope(definition.offset, offset, sections):
            # From an earlier section: a function still counts where the claim applies it by
            # name, `\nabla f(x,y)`; a bare `b` there is more likely a new symbol.
            if "(" in definition.head and "+" not in definition.head:
                key = definition.head.replace(" ", "")
                latest[key] = definition
                remote.add(key)
            continue
        if "+" in definition.head or re.search(r"\)\s*-", definition.head):
            equalities.append(definition)
        else:
            latest[definition.head.replace(" ", "")] = definition
            remote.discard(definition.head.replace(" ", ""))
    chosen: dict[str, Definition] = {}
    frontier = [text]
    while frontier:
        piece = frontier.pop()
        for key, definition in latest.items():
            name = _head_name(definition.head)
            if key in remote and not re.search(re.escape(name) + r"\s*\(", re.sub(r"_\{([A-Za-z0-9])\}", r"_\1", piece)):
                continue
            if key not in chosen and _mentions(piece, name):
                chosen[key] = definition
                frontier.append(definition.body)
    ordered = sorted(chosen.values(), key=lambda d: d.offset)
    pairs = [(d.head, d.body) for d in ordered]
    pairs.extend((d.head, d.body) for d in equalities if any(_mentions(text, _head_name(t)) for t in re.split(r"[+-]", d.head)))
    return tuple(pairs)
