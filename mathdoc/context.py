"""Document context: which layout the document uses, and which definitions a claim may rely on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .claims import Definition
from .model import Source

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
    directive = _DIRECTIVE.search(source.text)
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
    compact = re.sub(r"\s*_\s*", "_", text)
    compact = re.sub(r"_\{([A-Za-z0-9])\}", r"_\1", compact)
    compact = re.sub(r"\\(mathbf|boldsymbol|bm|vec)\s*\{\s*([A-Za-z])\s*\^[^{}]*\}", r"\\\1{\2}", compact)
    pattern = r"(?<![A-Za-z\\])" + re.escape(name) + r"(?![A-Za-z0-9_])"
    if name.startswith("\\"):
        pattern = re.escape(name) + r"(?![A-Za-z])"
    return re.search(pattern, compact) is not None


def definitions_in_scope(definitions: tuple[Definition, ...], offset: int, text: str) -> tuple[tuple[str, str], ...]:
    """Earlier definitions that `text` (or a definition it uses) mentions; the latest wins."""
    latest: dict[str, Definition] = {}
    equalities: list[Definition] = []
    for definition in definitions:
        if definition.offset >= offset:
            break
        if "+" in definition.head or re.search(r"\)\s*-", definition.head):
            equalities.append(definition)
        else:
            latest[definition.head.replace(" ", "")] = definition
    chosen: dict[str, Definition] = {}
    frontier = [text]
    while frontier:
        piece = frontier.pop()
        for key, definition in latest.items():
            if key not in chosen and _mentions(piece, _head_name(definition.head)):
                chosen[key] = definition
                frontier.append(definition.body)
    ordered = sorted(chosen.values(), key=lambda d: d.offset)
    pairs = [(d.head, d.body) for d in ordered]
    pairs.extend((d.head, d.body) for d in equalities if any(_mentions(text, _head_name(t)) for t in re.split(r"[+-]", d.head)))
    return tuple(pairs)
