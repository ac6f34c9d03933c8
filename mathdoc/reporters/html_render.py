"""The note's prose as its reader sees it, cut into blocks that the report annotates one by one.

Markdown is rendered by markdown-it-py with raw HTML off (a note's `<script>` stays text), images
off (the page loads nothing) and links shown as text (the page links only to itself).  Every
formula is first replaced by a placeholder that Markdown cannot touch, so the math is never read
as emphasis or a table cell; the caller puts the MathML back.  Other formats (LaTeX, reST) are
kept as plain text, split at blank lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from .escape import html_text, visible

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

OPEN, CLOSE = "\ue001", "\ue002"
"""Private-use characters around a formula's number; removed from the note's own text first."""
PLACEHOLDER = re.compile(OPEN + r"(\d+)" + CLOSE)
MARKDOWN_KINDS = frozenset({"markdown", "notebook"})


@dataclass(frozen=True, slots=True)
class Block:
    """One top-level block of the note: its HTML with formula placeholders, the formulas in it."""

    html: str
    formulas: tuple[int, ...]
    heading: bool
    plain: bool


def _with_placeholders(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text with each span replaced by its placeholder, and control characters (but line
    breaks and tabs) shown as escapes, as everywhere else in mathdoc's output."""
    cleaned = text.replace(OPEN, "\ufffd").replace(CLOSE, "\ufffd")
    out, position = [], 0
    for number, (start, end) in enumerate(spans):
        out.append(visible(cleaned[position:start], keep="\n\t"))
        out.append(f"{OPEN}{number}{CLOSE}")
        position = end
    out.append(visible(cleaned[position:], keep="\n\t"))
    return "".join(out)


def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(["table", "strikethrough"]).disable(["image"])

    def link_open(self: object, tokens: Sequence[Token], index: int, options: object, env: object) -> str:
        return '<span class="link">'

    def link_close(self: object, tokens: Sequence[Token], index: int, options: object, env: object) -> str:
        return "</span>"

    md.add_render_rule("link_open", link_open)
    md.add_render_rule("link_close", link_close)
    return md


def _groups(tokens: Sequence[Token]) -> list[list[Token]]:
    """The tokens of each top-level block (a paragraph, a heading, a list, a table, a fence)."""
    groups: list[list[Token]] = []
    depth = 0
    for token in tokens:
        if depth == 0:
            groups.append([])
        groups[-1].append(token)
        depth += token.nesting
    return groups


_CODE = re.compile(r"(<pre>.*?</pre>|<code[^>]*>.*?</code>)", re.S)
_COMMENT = re.compile(r"&lt;!--(.*?)--&gt;", re.S)
_VISIBLE = re.compile(r"<[^>]*>")
"""Tags, removed to see whether a block has any text left."""


def _comment(match: re.Match[str]) -> str:
    content = match.group(1).strip()
    if content.startswith("mathdoc:"):
        return f'<code class="directive">{content}</code>'
    return ""


def _comments(rendered: str) -> str:
    """HTML comments of the note, which its reader never sees, are dropped (the note's HTML is
    rendered as text, so they arrive escaped); mathdoc's own directives are shown small, as they
    explain a mark.  Comments inside code are code and stay."""
    parts = _CODE.split(rendered)
    return "".join(part if index % 2 else _COMMENT.sub(_comment, part) for index, part in enumerate(parts))


def markdown_blocks(text: str, spans: Sequence[tuple[int, int]]) -> list[Block]:
    """The note rendered as Markdown, one Block per top-level element."""
    md = _markdown()
    tokens = md.parse(_with_placeholders(text, spans))
    for token in tokens:
        if token.attrs:
            token.attrs.pop("style", None)  # table column alignment: the page allows no inline style
        for child in token.children or ():
            if child.attrs:
                child.attrs.pop("style", None)
    blocks = []
    for group in _groups(tokens):
        rendered = _comments(md.renderer.render(group, md.options, {}))
        if not _VISIBLE.sub("", rendered).strip() and not PLACEHOLDER.search(rendered):
            continue  # a paragraph that held only an HTML comment
        formulas = tuple(int(m.group(1)) for m in PLACEHOLDER.finditer(rendered))
        heading = group[0].type == "heading_open"
        blocks.append(Block(rendered, formulas, heading, plain=False))
    return blocks


def plain_blocks(text: str, spans: Sequence[tuple[int, int]]) -> list[Block]:
    """The note as plain text (LaTeX, reST), a block per paragraph; formulas are never cut."""
    marked = _with_placeholders(text, spans)
    blocks = []
    for part in re.split(r"\n[ \t]*\n\s*", marked):
        if not part.strip():
            continue
        body = html_text(part.strip("\n").rstrip(), keep="\n\t")
        formulas = tuple(int(m.group(1)) for m in PLACEHOLDER.finditer(body))
        one_line = "\n" not in part.strip()
        heading = one_line and bool(re.match(r"\\(?:sub)*section\*?\{|#{1,6} ", part.lstrip()))
        blocks.append(Block(body, formulas, heading, plain=True))
    return blocks


def note_blocks(kind: str, text: str, spans: Sequence[tuple[int, int]]) -> list[Block]:
    if kind in MARKDOWN_KINDS:
        try:
            return markdown_blocks(text, spans)
        except Exception:  # markdown-it on a pathological note: the plain text is still a report
            pass
    return plain_blocks(text, spans)
