"""Escaping of text that comes from the notes, for every output format.

A pull request from a stranger controls the notes, and so the LaTeX, the file names, the names
in `\\input{...}` and the prose that mathdoc prints.  None of it may start a line, move the
cursor, run in a browser or render as a link: control characters become visible escapes
(`\\n`, `\\x1b`), GitHub's legacy `##[command]` marker (which the Actions runner matches anywhere
in a line) is broken up, and each format adds its own quoting on top (HTML entities, Markdown
backslash escapes and code-span fences, workflow-command percent-encoding).
"""

from __future__ import annotations

import html
import re

_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
"""C0, DEL, C1, the Unicode line and paragraph separators, and lone surrogates (which cannot be
encoded, so printing them would crash)."""
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff]")
"""What json.dumps(ensure_ascii=False) leaves raw but a terminal or a log must not see (it
escapes C0 itself; the newlines of its indentation are structure)."""
_LEGACY_COMMAND = "##["
"""The Actions runner reads `##[name]data` as a command wherever it occurs in a line."""
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
"""Entities for Markdown prose (GitHub passes them through as text)."""
_MARKDOWN_PUNCTUATION = frozenset("\\`*_[]()#+-.!|~$:/@")
"""Characters backslash-escaped in Markdown prose (CommonMark allows it for any ASCII
punctuation): emphasis, code, links and images, headings and lists, tables, GitHub math, and
the `:`, `/`, `.` and `@` that GitHub's autolinks (`https://...`, `www.`, e-mail) look for."""


def _escape_one(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, keep: str = "") -> str:
    """`text` with control characters (except those in `keep`) as visible escapes."""
    if keep:
        return _CONTROL.sub(lambda m: m.group() if m.group() in keep else _escape_one(m), text)
    return _CONTROL.sub(_escape_one, text)


def one_line(text: str) -> str:
    """Text for a line-oriented format: control characters escaped, `##[` broken up."""
    return visible(text).replace(_LEGACY_COMMAND, "#\\x23[")


def safe_line_start(line: str) -> str:
    """A line of output that cannot be read as a workflow command: lines of the text format start
    with a path, and a path that starts with `::` (after blanks) gets a `./` in front."""
    return "./" + line if line.lstrip().startswith("::") else line


def json_text(document: str) -> str:
    """JSON from `json.dumps(..., ensure_ascii=False)` with DEL, C1, the line separators and lone
    surrogates written as `\\u` escapes and `##[` as `#\\u0023[`: the same JSON value, but safe to
    print on a terminal or in a CI log.  (JSON's structure is ASCII, so these occur only in strings;
    json.dumps already escapes C0.)"""
    escaped = _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", document)
    return escaped.replace(_LEGACY_COMMAND, "#\\u0023[")


def html_text(text: str, keep: str = "") -> str:
    """Text and attribute values for HTML: `& < > " '` as entities, control characters visible."""
    return html.escape(visible(text, keep), quote=True)


def markdown_text(text: str) -> str:
    """Prose for Markdown (notices, messages, file names): one line, every character with a
    meaning in Markdown or HTML escaped, so nothing renders as a link, image, tag or heading."""
    out = []
    for char in visible(text):
        if char in _HTML_SPECIAL:
            out.append(_HTML_SPECIAL[char])
        elif char in _MARKDOWN_PUNCTUATION:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def markdown_code(text: str) -> str:
    """A code span holding `text` literally, whatever backticks it contains: the fence is one
    backtick longer than the longest run inside (CommonMark), padded by a space when the content
    starts or ends with a backtick or a space."""
    content = visible(text)
    if not content:
        return "``"
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if content[0] in "` " or content[-1] in "` " else ""
    return f"{fence}{pad}{content}{pad}{fence}"
