"""Math in Markdown, found with markdown-it-py and the dollarmath / amsmath / texmath plugins.

Beyond `$`/`$$` and `\\(`/`\\[`, the dialects of GitHub, Quarto, MyST and Documenter.jl are read;
`_markdown_forms` says which constructs hold math and when ` ``...`` ` is math, not code.

markdown-it gives line maps for blocks only, and inline content has container prefixes
(list markers, `>`, table pipes) removed, so every fragment is located again in the raw source:
a cursor walks forward through the source and each fragment's text is searched for line by line.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.amsmath import amsmath_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.myst_role import myst_role_plugin
from mdit_py_plugins.texmath import texmath_plugin

from ..model import Fragment, Source
from . import _markdown_forms as forms

MATH_TOKENS = {
    "math_inline": False,
    "math_inline_double": True,
    "math_block": True,
    "math_block_label": True,
    "amsmath": True,
    "math_block_eqno": True,
}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True})
    md.use(dollarmath_plugin, allow_space=True, allow_digits=True, double_inline=True)
    md.use(texmath_plugin, delimiters="brackets")
    md.use(amsmath_plugin)
    md.use(myst_role_plugin)
    md.use(front_matter_plugin)
    md.enable("table")
    return md


def parse(text: str) -> list[Token]:
    return _parser().parse(forms.mask_dollars_around_environments(forms.mask_quarto_labels(text)))


def _is_math(token: Token, documenter: bool) -> bool:
    if token.type in MATH_TOKENS or token.type in ("eqn", "inline_math"):
        return True
    if token.type == "fence":
        return forms.fence_kind(token) is not None
    return forms.is_math_role(token) or forms.is_documenter_math(token, documenter)


def _math_tokens(tokens: list[Token], documenter: bool) -> list[tuple[Token, Token | None]]:
    """(math token, enclosing block token) in document order."""
    found: list[tuple[Token, Token | None]] = []
    for token in tokens:
        if _is_math(token, documenter):
            found.append((token, None))
        for child in token.children or ():
            if _is_math(child, documenter):
                found.append((child, token))
    return found


class _Locator:
    """Finds successive fragments in the source, never moving backwards."""

    def __init__(self, source: Source) -> None:
        self.text = source.text
        self.line_starts = source.line_starts
        self.cursor = 0

    def seek_line(self, line: int) -> None:
        if 0 <= line < len(self.line_starts):
            self.cursor = max(self.cursor, self.line_starts[line])

    def find(self, content: str) -> tuple[int, tuple[int, ...] | None] | None:
        """Start offset of `content` (and a per-character map when it is not verbatim)."""
        at = self.text.find(content, self.cursor)
        if at >= 0 and content:
            self.cursor = at + len(content)
            return at, None
        lines = content.split("\n")
        offsets: list[int] = []
        cursor = self.cursor
        for number, piece in enumerate(lines):
            stripped = piece.strip()
            if not stripped:
                newline = self.text.find("\n", cursor)
                offsets.extend([cursor] * len(piece))
                if number < len(lines) - 1:
                    offsets.append(newline if newline >= 0 else cursor)
                    cursor = newline + 1 if newline >= 0 else cursor
                continue
            hit = self.text.find(stripped, cursor)
            if hit < 0:
                return None
            lead = len(piece) - len(piece.lstrip())
            offsets.extend(max(hit - lead + i, 0) if i < lead else hit + i - lead for i in range(len(piece)))
            cursor = hit + len(stripped)
            if number < len(lines) - 1:
                newline = self.text.find("\n", cursor)
                offsets.append(newline if newline >= 0 else cursor)
                cursor = newline + 1 if newline >= 0 else cursor
        if not offsets:
            return None
        self.cursor = cursor
        return offsets[0], tuple(offsets)


_OPENERS = {"math_inline": "$", "math_inline_double": "$$", "inline_math": "\\(", "math_block": "$$"}


def find_fragments(source: Source) -> list[Fragment]:
    tokens = parse(source.text)
    locator = _Locator(source)
    fragments: list[Fragment] = []
    documenter = forms.documenter_page(source.path, source.text)
    for token, block in _math_tokens(tokens, documenter):
        line_map = token.map or (block.map if block is not None else None)
        if line_map:
            locator.seek_line(line_map[0])
        if token.type == "fence":
            fragments.extend(_fence_fragments(token, locator))
            continue
        span = _span_delimiters(token)
        if span is not None:
            fragment = _span_fragment(source, locator, token, *span)
            if fragment is not None:
                fragments.append(fragment)
            continue
        content = token.content
        if token.type == "amsmath":
            content = _amsmath_body(content)
        display = MATH_TOKENS.get(token.type, token.type == "eqn")
        opener = token.markup or _OPENERS.get(token.type, "")
        if token.type.startswith("math_block") and not opener:
            opener = "$$"
        found = None
        if opener:
            # Find the delimiter first so that `$x$` is not matched inside prose before it.
            start = source.text.find(opener, locator.cursor)
            if start >= 0:
                locator.cursor = start + len(opener)
        found = locator.find(content) if content.strip() else None
        if found is None and "|" in content:
            content, found = _escaped_pipes(source, locator, content)
        if found is None:
            continue
        start, offsets = found
        fragment = Fragment(text=content, start=start, display=display, offsets=offsets)
        fragments.extend(_displays_on_one_line(fragment) if opener == "$$" and "$$" in content else [fragment])
    fragments.extend(_missed_brackets(source, fragments))
    fragments.extend(_unbalanced_dollars(source, fragments))
    return fragments


def _escaped_pipes(source: Source, locator: _Locator, content: str) -> tuple[str, tuple[int, tuple[int, ...] | None] | None]:
    """Math in a table cell: markdown-it unescapes the `\\|` a cell needs (`\\|\\mathbf x\\|` becomes
    `|\\mathbf x|`); the math is the source's, backslashes kept (the norm the author wrote)."""
    pattern = "".join(r"\\?\|" if ch == "|" else re.escape(ch) for ch in content)
    match = re.compile(pattern).search(source.text, locator.cursor)
    if match is None or "\n" in match.group(0):
        return content, None
    locator.cursor = match.end()
    return match.group(0), (match.start(), None)


def _displays_on_one_line(fragment: Fragment) -> list[Fragment]:
    """`$$a$$ and $$b$$` on one line: a display block to markdown-it, two displays to MathJax (and
    to the reader); the words between are prose."""
    pieces: list[Fragment] = []
    index = 0
    for number, piece in enumerate(fragment.text.split("$$")):
        if number % 2 == 0 and piece.strip():
            offsets = fragment.offsets[index : index + len(piece)] if fragment.offsets is not None else None
            pieces.append(Fragment(text=piece, start=fragment.source_offset(index), display=True, offsets=offsets))
        index += len(piece) + 2
    return pieces


def _fence_fragments(token: Token, locator: _Locator) -> list[Fragment]:
    """```` ```math ```` and ```` ```{math} ```` blocks: display math, one fragment per equation."""
    fragments = []
    for line, text in forms.fence_equations(token):
        locator.seek_line(line)
        found = locator.find(text)
        if found is not None:
            fragments.append(Fragment(text=text, start=found[0], display=True, offsets=found[1]))
    return fragments


def _span_delimiters(token: Token) -> tuple[str, str] | None:
    """Opening and closing delimiters of an inline form whose content is between backticks."""
    if forms.is_github_inline(token):
        return "$`", "`$"
    if token.type == "myst_role":
        return "{math}" + token.markup, token.markup
    if token.type == "code_inline":
        return token.markup, token.markup
    return None


def _span_fragment(source: Source, locator: _Locator, token: Token, opener: str, closer: str) -> Fragment | None:
    """The raw text between the delimiters (markdown-it turns a span's newlines into spaces)."""
    content = token.content[1:-1] if forms.is_github_inline(token) else token.content
    if not content.strip():
        return None
    text = source.text
    at = text.find(opener, locator.cursor)
    end = text.find(closer, at + len(opener)) if at >= 0 else -1
    if at < 0 or end < 0:
        return None
    begin = at + len(opener)
    raw = text[begin:end]
    if raw.split() == content.split():
        lead = len(raw) - len(raw.lstrip())
        locator.cursor = end + len(closer)
        return Fragment(text=raw.strip(), start=begin + lead, display=False)
    locator.cursor = begin
    found = locator.find(content)
    if found is None:
        return None
    return Fragment(text=content, start=found[0], display=False, offsets=found[1])


_BRACKETS = re.compile(r"(?<!\\)\\\[(.+?)(?<!\\)\\\]|(?<!\\)\\\((.+?)(?<!\\)\\\)", re.S)


def _missed_brackets(source: Source, fragments: list[Fragment]) -> list[Fragment]:
    """`\\[ ... \\]` spread over lines inside a paragraph: markdown-it's inline rule misses it."""
    taken = [(f.source_offset(0), f.source_offset(max(len(f.text) - 1, 0))) for f in fragments]
    fences = [m.start() for m in re.finditer(r"^ {0,3}(```|~~~)", source.text, re.M)]
    front_matter = forms.front_matter_end(source.text)
    found = []
    for match in _BRACKETS.finditer(source.text):
        group = 1 if match.group(1) is not None else 2
        start, end = match.start(group), match.end(group)
        if start < front_matter or "\n\n" in match.group(group) or any(a <= end and start <= b for a, b in taken):
            continue
        if sum(1 for f in fences if f < start) % 2 == 1:
            continue
        line_start = source.text.rfind("\n", 0, match.start()) + 1
        if source.text[line_start : match.start()].count("`") % 2 == 1:
            continue
        found.append(Fragment(text=match.group(group), start=start, display=group == 1))
    return found


def _amsmath_body(content: str) -> str:
    """amsmath tokens keep their \\begin/\\end; the claim recogniser wants them too (align)."""
    return content


_DOLLAR = re.compile(r"(?<!\\)\$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")


def _unbalanced_dollars(source: Source, fragments: list[Fragment]) -> list[Fragment]:
    """A paragraph line with an odd number of unescaped `$` outside found fragments is reported.

    markdown-it simply leaves a lone `$` as text; the user meant math there, so it becomes a
    fragment with `error` set, which the recogniser turns into an `unchecked` claim when it holds
    a relation with a derivative.
    """
    covered = [False] * (len(source.text) + 1)
    for fragment in fragments:
        first = fragment.source_offset(0)
        last = fragment.source_offset(len(fragment.text) - 1) if fragment.text else first
        for i in range(max(first - 2, 0), min(last + 3, len(source.text))):
            covered[i] = True
    broken: list[Fragment] = []
    in_fence = False
    front_matter = forms.front_matter_end(source.text)
    for number, start in enumerate(source.line_starts):
        end = source.line_starts[number + 1] - 1 if number + 1 < len(source.line_starts) else len(source.text)
        line = source.text[start:end]
        if start < front_matter:
            continue
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or line.startswith("    ") or "`" in line:
            continue
        stray = [m.start() + start for m in _DOLLAR.finditer(line) if not covered[m.start() + start]]
        if len(stray) % 2 == 1:
            at = stray[-1] if len(stray) > 1 else stray[0]
            text = source.text[at + 1 : end]
            broken.append(Fragment(text=text, start=at + 1, display=False, error="unbalanced `$` on this line"))
    return broken
