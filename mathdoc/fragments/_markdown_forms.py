"""The Markdown dialects of real repositories: which constructs hold math, and which hold code.

Read as math, everywhere:

- GitHub's inline math `` $`...`$ `` (the text between the backticks);
- fenced ```` ```math ```` blocks (GitHub, GitLab, Documenter.jl) and MyST's ```` ```{math} ````
  directive (its `:label:` option lines dropped; blank-line separated equations are separate, as
  Sphinx renders them);
- MyST's `` {math}`...` `` role.

Quarto's code chunks (```` ```{julia} ````, ```` ```{python} ````) and every other fence are code.

Documenter.jl's double-backtick inline math (` ``x^2`` `) is the one form whose meaning depends
on the renderer: everywhere else ` ``...`` ` is a code span (the way to quote a backtick).  It is
read as math only in a Documenter page, and a page is one when

1. the file itself uses a construct that only Documenter renders: an `@`-block fence
   (```` ```@example ````, ```` ```@docs ````, ...), a ```` ```jldoctest ```` fence, an
   `[...](@ref)` link, or `using Documenter`; or
2. it is a `.md` file under a directory whose `make.jl` mentions `Documenter` (the
   `docs/make.jl` + `docs/src/` layout; a repository's top-level README is not under `docs/`); or
3. another `.md` file in the same directory passes rule 1 (pages copied out of a `docs/src` tree).

A ```` ```math ```` fence alone is not evidence: GitHub renders it too, and a README with math
fences still writes code in ` ``...`` `.  So a plain Markdown file never has a code span read as
math.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from markdown_it.token import Token

MATH_FENCE_INFOS = frozenset({"math", "{math}"})

_DOCUMENTER_ONLY = re.compile(
    r"^[ \t>]*(?:`{3,}|~{3,})[ \t]*(?:@[A-Za-z]+|jldoctest)\b|\]\(@ref\b|\busing[ \t]+Documenter\b", re.M
)
_PAGE_SUFFIXES = (".md", ".markdown")
_MAX_PARENTS = 8
_MAX_SIBLINGS = 200
_READ_LIMIT = 256 * 1024
_OPTION_LINE = re.compile(r"^[ \t]*:[A-Za-z][\w-]*:(?:[ \t].*)?$")


def fence_kind(token: Token) -> str | None:
    """"math" / "{math}" when a fence holds math, None for code."""
    words = token.info.split(maxsplit=1)
    return words[0] if words and words[0] in MATH_FENCE_INFOS else None


def fence_equations(token: Token) -> list[tuple[int, str]]:
    """(line of the source, text) of each equation of a math fence, in order."""
    if token.map is None:
        return []
    kind = fence_kind(token)
    lines = token.content.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    first = token.map[0] + 1
    found: list[tuple[int, str]] = []
    if kind == "{math}":
        argument = token.info.split(maxsplit=1)[1:] or [""]
        if argument[0].strip():
            found.append((token.map[0], argument[0].strip()))
        skip = _option_lines(lines)
        groups = _paragraphs(lines[skip:])
        found.extend((first + skip + offset, text) for offset, text in groups)
    else:
        body = "\n".join(lines).strip("\n")
        lead = next((i for i, line in enumerate(lines) if line.strip()), 0)
        if body.strip():
            found.append((first + lead, body))
    return found


def _option_lines(lines: list[str]) -> int:
    """How many leading lines are directive options (`:label: eq1`, or a `---` YAML block)."""
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if end is not None:
            return end + 1
    count = 0
    while count < len(lines) and _OPTION_LINE.match(lines[count]):
        count += 1
    return count


def _paragraphs(lines: list[str]) -> list[tuple[int, str]]:
    """Blank-line separated groups: (index of the first line, text)."""
    groups: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for index, line in enumerate(lines + [""]):
        if line.strip():
            if not current:
                start = index
            current.append(line)
        elif current:
            groups.append((start, "\n".join(current)))
            current = []
    return groups


def is_github_inline(token: Token) -> bool:
    """`` $`...`$ ``: dollarmath sees a `$...$` whose content is wrapped in backticks."""
    content = token.content
    return token.type == "math_inline" and len(content) > 2 and content[0] == "`" and content[-1] == "`"


def is_math_role(token: Token) -> bool:
    return token.type == "myst_role" and (token.meta or {}).get("name") == "math"


def is_documenter_math(token: Token, documenter: bool) -> bool:
    return documenter and token.type == "code_inline" and token.markup == "``"


def documenter_page(path: str, text: str) -> bool:
    """Whether ` ``...`` ` is inline math in this file (the rules in the module docstring)."""
    if _DOCUMENTER_ONLY.search(text):
        return True
    if not path.lower().endswith(_PAGE_SUFFIXES):
        return False
    try:
        file = Path(path).resolve()
        if not file.is_file():
            return False
    except (OSError, RuntimeError, ValueError):
        return False
    return _under_documenter_make(file.parent) or _sibling_is_documenter(file.parent, file.name)


@lru_cache(maxsize=64)
def _under_documenter_make(directory: Path) -> bool:
    for parent in [directory, *directory.parents][:_MAX_PARENTS]:
        make = parent / "make.jl"
        if make.is_file() and "Documenter" in _head(make):
            return True
        if (parent / ".git").exists():
            break
    return False


@lru_cache(maxsize=64)
def _documenter_files(directory: Path) -> frozenset[str]:
    try:
        pages = sorted(p for p in directory.iterdir() if p.suffix.lower() in _PAGE_SUFFIXES and p.is_file())
    except OSError:
        return frozenset()
    return frozenset(p.name for p in pages[:_MAX_SIBLINGS] if _DOCUMENTER_ONLY.search(_head(p)))


def _sibling_is_documenter(directory: Path, name: str) -> bool:
    return bool(_documenter_files(directory) - {name})


def _head(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            return handle.read(_READ_LIMIT).decode("utf-8", errors="replace")
    except OSError:
        return ""


_QUARTO_LABEL = re.compile(r"(?<=\$\$)[ \t]*\{#[A-Za-z][\w:.-]*\}[ \t]*$", re.M)


def mask_quarto_labels(text: str) -> str:
    """`$$ {#eq-x}` -> `$$` and spaces: dollarmath closes a display block only at a bare `$$`
    (or `$$ (label)`), so a Quarto label would run the block on to the next `$$` of the file.
    Same length, so every offset still holds."""
    return _QUARTO_LABEL.sub(lambda m: " " * len(m.group()), text)


_AMSMATH = re.compile(r"[ \t]*\\begin\{(equation|multline|gather|align|alignat|flalign|eqnarray)\*?\}")


def mask_dollars_around_environments(text: str) -> str:
    """`$$` lines around `\\begin{align*} … \\end{align*}` right after a line of prose: a math
    block cannot interrupt a paragraph, so that opening `$$` would be text and pair with a later
    `$`. The environment alone is read (amsmath can interrupt a paragraph); those two `$$` lines
    become spaces, so every offset still holds."""
    lines = text.split("\n")
    for k in range(1, len(lines) - 1):
        if lines[k].strip() != "$$" or not lines[k - 1].strip() or not _AMSMATH.match(lines[k + 1]):
            continue
        name = _AMSMATH.match(lines[k + 1]).group(0).strip()  # type: ignore[union-attr]
        closing = name.replace("\\begin", "\\end")
        for j in range(k + 1, min(len(lines) - 1, k + 200)):
            if lines[j].strip().startswith(closing) and lines[j + 1].strip() == "$$":
                lines[k] = " " * len(lines[k])
                lines[j + 1] = " " * len(lines[j + 1])
                break
    return "\n".join(lines)


def front_matter_end(text: str) -> int:
    """Offset just past a leading YAML front matter block (`---` ... `---`), else 0."""
    match = re.match(r"---[ \t]*\n(?:.*\n)*?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", text)
    return match.end() if match else 0


def code_ranges(text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) offsets of code: the given block ranges and the inline code spans between them.

    A code span is a run of N backticks closed by the next run of exactly N backticks in the same
    paragraph (CommonMark); an unclosed run is literal text.
    """
    ranges = sorted(blocks)
    prose_start = 0
    spans: list[tuple[int, int]] = []
    for start, end in ranges + [(len(text), len(text))]:
        spans.extend(_code_spans(text, prose_start, start))
        prose_start = max(prose_start, end)
    return sorted(ranges + spans)


_TICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _code_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    segment = text[start:end]
    spans: list[tuple[int, int]] = []
    position = 0
    while True:
        opener = _TICKS.search(segment, position)
        if opener is None:
            return spans
        if opener.start() > 0 and segment[opener.start() - 1] == "\\":
            position = opener.end()
            continue
        closer = _closing_run(segment, opener.end(), len(opener.group()))
        if closer is None:
            position = opener.end()
            continue
        spans.append((start + opener.start(), start + closer))
        position = closer


def _closing_run(segment: str, after: int, length: int) -> int | None:
    paragraph_end = _BLANK_LINE.search(segment, after)
    limit = paragraph_end.start() if paragraph_end else len(segment)
    for run in _TICKS.finditer(segment, after, limit):
        if len(run.group()) == length:
            return run.end()
    return None
