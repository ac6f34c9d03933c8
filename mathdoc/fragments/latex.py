"""Math in LaTeX sources: `$..$`, `\\(..\\)`, `\\[..\\]`, `$$..$$` and the amsmath display environments.

The reader walks the file once, skipping comments, verbatim material and macro definitions, and
cuts out each piece of math.  Each piece is then cleaned (comments, labels and tags dropped) and
its macros expanded, every character keeping the offset of the file character it came from.

The macros are read by the loader, not the finder, because reading them may open the files the
document `\\input`s (only inside the checked root), and a missing or refused one is worth a notice
on the `Source`.  The loader also expands the math, once, because expansion may stop at the
document's budget (see `_latex_expand.Budget`), which is worth a notice too.  It leaves the table
and the fragments in a small cache that the finder reads; a finder given a `Source` the loader did
not make does the work itself.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from ..model import Fragment, Source
from ..sources import LOADERS, ROOTED_LOADERS
from ._latex_collect import VERBATIM_ENVIRONMENTS, collect, collect_macros
from ._latex_expand import Budget, clean_math
from ._latex_macros import DEFINING, MacroTable, read_definition
from ._tex_text import control_sequence, environment_name, line_end

_AMSMATH = ("equation", "align", "gather", "multline", "eqnarray", "flalign", "alignat")
KEPT_ENVIRONMENTS = frozenset(_AMSMATH) | frozenset(name + "*" for name in _AMSMATH)
"""Display environments kept whole, `\\begin` and `\\end` included: the claim recogniser splits
their rows at `\\\\` and reads `&=` / `& = &` itself."""

UNWRAPPED_ENVIRONMENTS = {"math": False, "displaymath": True}
"""LaTeX's own spellings of `\\(..\\)` and `\\[..\\]`: only their content is math."""

_SYMBOL_CLOSERS = {"[": "\\]", "(": "\\)"}


@dataclass(frozen=True, slots=True)
class _Opening:
    """A piece of math that has been opened, and how it must end."""

    opener: str
    """As written (`$`, `\\[`, `\\begin{align*}`), for messages."""
    body: int
    """Offset where the fragment's text begins."""
    search: int
    """Offset where the search for the closer begins."""
    closer: str
    """`$`, `$$`, `\\]`, `\\)`, or the name of the environment to `\\end`."""
    display: bool
    keep_closer: bool = False
    closer_macros: frozenset[str] = frozenset()
    """User macros that close it (`\\ee` for `\\newcommand{\\ee}{\\end{equation}}`)."""


@dataclass(frozen=True, slots=True)
class _Region:
    start: int
    end: int
    display: bool
    error: str | None = None


_TEXT_MODE = re.compile(r"[\\%$]")
_MATH_MODE = re.compile(r"[\\%$\n]")


def math_regions(text: str, table: MacroTable) -> list[_Region]:
    """The spans of the file that hold math, in order (unclosed ones carry an error)."""
    openers, closers = _delimiter_macros(table)
    regions: list[_Region] = []
    i = 0
    while (match := _TEXT_MODE.search(text, i)) is not None:
        i = match.start()
        opening: _Opening | None = None
        if text[i] == "%":
            i = line_end(text, i)
            continue
        if text[i] == "$":
            double = text.startswith("$$", i)
            delimiter = "$$" if double else "$"
            opening = _Opening(delimiter, i + len(delimiter), i + len(delimiter), delimiter, double)
        else:
            name, after = control_sequence(text, i)
            opening, i = _text_command(text, i, name, after, openers, closers)
        if opening is not None:
            region, i = _close(text, opening)
            regions.append(region)
    return regions


def _text_command(
    text: str, i: int, name: str, after: int, openers: dict[str, _Opening], closers: dict[str, frozenset[str]]
) -> tuple[_Opening | None, int]:
    """What a control sequence in text mode opens (if anything), and where reading goes on."""
    if name in _SYMBOL_CLOSERS:
        return _Opening("\\" + name, after, after, _SYMBOL_CLOSERS[name], name == "["), after
    if name == "begin":
        found = environment_name(text, after)
        if found is None:
            return None, after
        environment, end = found
        if environment in KEPT_ENVIRONMENTS:
            opener = f"\\begin{{{environment}}}"
            return _Opening(opener, i, end, environment, True, True, closers.get(environment, frozenset())), end
        if environment in UNWRAPPED_ENVIRONMENTS:
            display = UNWRAPPED_ENVIRONMENTS[environment]
            return _Opening(f"\\begin{{{environment}}}", end, end, environment, display), end
        if environment in VERBATIM_ENVIRONMENTS:
            closing = text.find(f"\\end{{{environment}}}", end)
            return None, len(text) if closing < 0 else closing
        return None, end
    if name in DEFINING:
        definition = read_definition(text, after, name)
        return None, after if definition is None else definition.end
    if name == "verb" and after < len(text):
        start = after + 1 if text[after] == "*" else after
        closing = text.find(text[start], start + 1, line_end(text, start)) if start < len(text) else -1
        return None, after if closing < 0 else closing + 1
    if name in openers:
        template = openers[name]
        body = i if template.keep_closer else after
        return _Opening(f"\\{name}", body, after, template.closer, template.display, template.keep_closer,
                        template.closer_macros), after
    return None, after


def _delimiter_macros(table: MacroTable) -> tuple[dict[str, _Opening], dict[str, frozenset[str]]]:
    """User macros that stand for a math delimiter, as `\\be`/`\\ee` stand for `equation`."""
    closing: dict[str, set[str]] = {}
    opening: dict[str, tuple[str, bool, bool]] = {}
    for name, macro in table.latest().items():
        body = macro.body.strip()
        if macro.arity:
            continue
        if body in ("\\[", "\\("):
            opening[name] = (_SYMBOL_CLOSERS[body[1]], body == "\\[", False)
        elif body in ("\\]", "\\)"):
            closing.setdefault(body, set()).add(name)
        elif (begun := re.fullmatch(r"\\begin\s*\{([a-z]+\*?)\}", body)) and begun[1] in KEPT_ENVIRONMENTS:
            opening[name] = (begun[1], True, True)
        elif (ended := re.fullmatch(r"\\end\s*\{([a-z]+\*?)\}", body)) and ended[1] in KEPT_ENVIRONMENTS:
            closing.setdefault(ended[1], set()).add(name)
    closers = {closer: frozenset(names) for closer, names in closing.items()}
    openers = {
        name: _Opening(name, 0, 0, closer, display, keep, closers.get(closer, frozenset()))
        for name, (closer, display, keep) in opening.items()
    }
    return openers, closers


def _close(text: str, opening: _Opening) -> tuple[_Region, int]:
    """The region of an opened piece of math, and where text mode resumes."""
    j = opening.search
    while (match := _MATH_MODE.search(text, j)) is not None:
        j = match.start()
        ch = text[j]
        if ch == "%":
            j = line_end(text, j)
        elif ch == "\n":
            k = j + 1
            while k < len(text) and text[k] in " \t":
                k += 1
            if k < len(text) and text[k] == "\n":
                return _unclosed(text, opening, j, "a blank line ends the paragraph first")
            j += 1
        elif ch == "$":
            if opening.closer in ("$", "$$") and text.startswith(opening.closer, j):
                return _Region(opening.body, j, opening.display), j + len(opening.closer)
            j += 1  # a `$` inside `\text{..}` of display math
        else:
            name, after = control_sequence(text, j)
            if ("\\" + name) == opening.closer or name in opening.closer_macros:
                end = after if opening.keep_closer else j
                return _Region(opening.body, end, opening.display), after
            if name == "end":
                found = environment_name(text, after)
                if found is not None and found[0] == opening.closer:
                    end = found[1] if opening.keep_closer else j
                    return _Region(opening.body, end, opening.display), found[1]
                if found is not None and found[0] == "document":
                    return _unclosed(text, opening, j, "the document ends first")
            if name == "[" or (name == "begin" and (environment_name(text, after) or ("", 0))[0] in KEPT_ENVIRONMENTS):
                return _unclosed(text, opening, j, "another display begins first")
            j = after
    return _unclosed(text, opening, len(text), "the file ends first")


def _unclosed(text: str, opening: _Opening, stop: int, reason: str) -> tuple[_Region, int]:
    """An unclosed piece: the rest of its line (inline math) or of its paragraph (display)."""
    end = stop if opening.display else min(stop, line_end(text, opening.search))
    while end > opening.body and text[end - 1] in " \t\n":
        end -= 1
    symbol = opening.closer in ("$", "$$", "\\]", "\\)")
    closer = f"`{opening.closer}`" if symbol else f"`\\end{{{opening.closer}}}`"
    error = f"`{opening.opener}` is never closed by {closer}: {reason}"
    resume = stop if opening.display else max(end, opening.search)
    return _Region(opening.body, end, opening.display, error), resume


def find_fragments(source: Source) -> list[Fragment]:
    with _tables_lock:
        cached = _cache.get((source.path, source.text))
    if cached is not None:
        return list(cached[1])
    table, _ = collect_macros(source.path, source.text)
    return _find(source.text, table)[0]


def _find(text: str, table: MacroTable) -> tuple[list[Fragment], int | None]:
    """The fragments, and the offset where the expansion budget ran out (None if it did not)."""
    budget = Budget.for_text(len(text))
    fragments: list[Fragment] = []
    for region in math_regions(text, table):
        fragment = _fragment(text, region, table, budget)
        if fragment is not None:
            fragments.append(fragment)
    return fragments, budget.exhausted_at


def _fragment(text: str, region: _Region, table: MacroTable, budget: Budget) -> Fragment | None:
    traced = clean_math(text, region.start, region.end, table, budget)
    error = region.error or traced.error
    if not traced.text.strip() and error is None:
        return None
    verbatim = traced.text == text[region.start : region.end]
    offsets = None if verbatim else traced.offsets
    start = traced.offsets[0] if traced.offsets else region.start
    return Fragment(text=traced.text, start=start, display=region.display, offsets=offsets, error=error)


_CACHE_SIZE = 64
_cache: dict[tuple[str, str], tuple[MacroTable, tuple[Fragment, ...]]] = {}
_tables_lock = threading.Lock()


def load_latex(
    path: str, text: str, kind: str = "latex", notices: tuple[str, ...] = (), root: str | None = None
) -> Source:
    """The `Source` of a .tex file; its macros (and those of its inputs inside `root`, by default
    the file's directory) are read now, and its math expanded."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    table, found, looked_at = collect(path, text, root)
    fragments, exhausted = _find(text, table)
    if exhausted is not None:
        from ..sources import printable

        line = text.count("\n", 0, exhausted) + 1
        found += (
            f"{printable(path)}:{line}: macro expansion stopped: the macros expand to more than "
            f"{Budget.for_text(len(text)).limit} characters in all; the math from here on is read unexpanded",
        )
    with _tables_lock:
        if len(_cache) >= _CACHE_SIZE:
            del _cache[next(iter(_cache))]
        _cache[(path, text)] = (table, tuple(fragments))
    return Source(path=path, text=text, kind=kind, notices=tuple(notices) + found, dependencies=looked_at)


def _load_rooted(path: str, text: str, kind: str, notices: tuple[str, ...], root: str) -> Source:
    return load_latex(path, text, kind, notices, root)


LOADERS["latex"] = load_latex
ROOTED_LOADERS["latex"] = _load_rooted
