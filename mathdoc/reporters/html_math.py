"""LaTeX to safe MathML for the report: latex2mathml's tree rebuilt, plus what it leaves out.

The notes may come from a stranger's pull request, so MathML is rebuilt from latex2mathml's
element tree with only MathML elements and presentation attributes, every text escaped
(latex2mathml's own string output does not escape `\\text{}`).

On top of that, `render_formula` makes the math read as TeX would set it: `aligned`/`align`
rows become an `mtable` (latex2mathml prints a literal `&` and no line break), brackets around a
matrix stretch, aligned cells are in display style, and a finding's mark can be placed inside the
formula right after the step it speaks of (a slot the caller fills with its own HTML).
"""

from __future__ import annotations

import functools
import html
import re
from typing import TYPE_CHECKING

from .escape import html_text, visible

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

MATHML_NAMESPACE = "http://www.w3.org/1998/Math/MathML"
MATHML_ELEMENTS = frozenset(
    "math mrow mi mn mo ms mtext mspace msup msub msubsup mfrac msqrt mroot mstyle merror mpadded "
    "mphantom mfenced menclose munder mover munderover mtable mtr mtd mlabeledtr mmultiscripts "
    "mprescripts none semantics maligngroup malignmark".split()
)
"""Presentation MathML; anything else (an `annotation-xml`, an HTML element) refuses the math."""
MATHML_ATTRIBUTES = frozenset(
    "xmlns display mathvariant mathcolor mathbackground mathsize dir width height depth lspace rspace "
    "voffset notation columnalign rowalign columnlines rowlines columnspacing rowspacing columnspan "
    "rowspan frame framespacing equalrows equalcolumns stretchy fence separator separators open close "
    "form accent accentunder movablelimits largeop symmetric minsize maxsize linethickness "
    "displaystyle scriptlevel numalign denomalign bevelled align".split()
)
"""Presentation attributes; `href`, `style`, `on*`, `xlink:*` and the like are dropped."""
_CHARACTER_REFERENCE = re.compile(r"(&#(?:x[0-9A-Fa-f]{1,6}|[0-9]{1,7});)")
"""latex2mathml writes symbols and no-break spaces as numeric references inside its text; a
numeric reference can only ever stand for one character, never for markup."""

SLOT = "\ue000"
"""Private-use character that opens a slot (`\\text{SLOT n}`) in the LaTeX; never in a note's
math (a note's own private-use characters are escaped as `&#xe000;` before slots are found)."""
_ANY_SLOT = re.compile(r"\\text\{" + SLOT + r"\d+\}")
_SLOT_TEXT = re.compile("<mtext>" + SLOT + r"(\d+)</mtext>")
_ALIGNED = re.compile(
    r"\\begin\{(aligned|align\*?|alignat\*?|flalign\*?|split|gathered|gather\*?|eqnarray\*?|multline\*?)\}"
    r"(?:\{\d+\})?(.*?)\\end\{\1\}",
    re.S,
)
_ROWS = frozenset("math mrow mstyle mtd mpadded mphantom msqrt menclose".split())
"""Elements whose children are laid out in a row (where a space between two children shows)."""
_LABELS = re.compile(r"\\(?:label|tag\*?)\{[^{}]*\}|\\no(?:number|tag)\b")
_BRACKETS = frozenset("([{|‖⟨⌊⌈)]}⟩⌋⌉")
_RELATION_START = re.compile(r"\s*(?:=|<|>|\\(?:le|ge|leq|geq|ne|neq|approx|equiv|sim|simeq|to|Rightarrow|iff|implies)\b)")


class _UnsafeMathML(ValueError):
    """latex2mathml made an element this page does not let through."""


def _mathml_text(text: str, quote: bool = False) -> str:
    parts = _CHARACTER_REFERENCE.split(text)
    escaped = (part if index % 2 else html.escape(visible(part), quote=quote) for index, part in enumerate(parts))
    return "".join(escaped)


def _mathml(element: Element, out: list[str]) -> None:
    """Serialize like ElementTree (so harmless math is unchanged), escaping every text."""
    tag = element.tag
    if not isinstance(tag, str) or tag not in MATHML_ELEMENTS:
        raise _UnsafeMathML(str(tag))
    attributes = "".join(
        f' {name}="{_mathml_text(value, quote=True)}"'
        for name, value in element.attrib.items()
        if name in MATHML_ATTRIBUTES and (name != "xmlns" or value == MATHML_NAMESPACE)
    )
    if not element.text and not len(element):
        out.append(f"<{tag}{attributes} />")
    else:
        out.append(f"<{tag}{attributes}>{_mathml_text(element.text or '')}")
        for child in element:
            _mathml(child, out)
            out.append(_mathml_text(child.tail or ""))
        out.append(f"</{tag}>")


def _element(latex: str, display: bool) -> Element:
    from latex2mathml.converter import convert_to_element

    return convert_to_element(latex, display="block" if display else "inline")


@functools.lru_cache(maxsize=4096)
def render_math(latex: str, display: bool = False) -> str:
    """MathML for `latex`, or the escaped LaTeX in <code> when latex2mathml cannot read it (or
    makes something that is not plain presentation MathML)."""
    try:
        out: list[str] = []
        _mathml(_element(latex, display), out)
        return "".join(out)
    except Exception:  # latex2mathml raises many kinds of errors on unusual LaTeX
        return f'<code class="tex">{html_text(latex)}</code>'


def _stretch_fences(element: Element) -> None:
    """Brackets around a matrix (`bmatrix`, `pmatrix`, `vmatrix`) stretch to its height: latex2mathml
    leaves them plain `mo`, which some browsers then draw one line high."""
    children = list(element)
    for before, child, after in zip([None, *children], children, [*children[1:], None]):
        if child.tag != "mo" or html.unescape(child.text or "").strip() not in _BRACKETS:
            continue
        form = "prefix" if after is not None and after.tag == "mtable" else "postfix" if before is not None and before.tag == "mtable" else None
        if form:
            child.set("stretchy", "true")
            child.set("fence", "true")
            child.set("form", form)
    for child in children:
        _stretch_fences(child)


def _is_function_name(element: Element) -> bool:
    """`\\sin`, `\\ln`, `\\operatorname{tr}`, perhaps with a power (`\\cos^2`)."""
    if element.tag in ("msup", "msub", "msubsup") and len(element):
        element = element[0]
    text = html.unescape(element.text or "")
    return element.tag in ("mi", "mo") and len(text) > 1 and text.isalpha() and not len(element)


def _space_functions(element: Element) -> None:
    """A thin space after a function name before its argument (`\\sin x`), as TeX sets it;
    latex2mathml writes the name and the argument side by side."""
    from xml.etree.ElementTree import Element as NewElement

    children = list(element)
    for position in range(len(children) - 1, -1, -1) if element.tag in _ROWS else ():
        child = children[position]
        if not _is_function_name(child):
            continue
        after = children[position + 1] if position + 1 < len(children) else None
        if after is not None and after.tag != "mo":
            element.insert(position + 1, NewElement("mspace", {"width": "0.1667em"}))
        if position > 0 and children[position - 1].tag in ("mi", "mn", "msup", "msub", "mrow") and not _is_function_name(children[position - 1]):
            element.insert(position, NewElement("mspace", {"width": "0.1667em"}))  # `2x\cos x`
    for child in children:
        _space_functions(child)


def _polish(root: Element) -> None:
    _stretch_fences(root)
    _space_functions(root)


def _inner(latex: str) -> str:
    """The safe MathML of `latex` without its <math> element (for a cell of a table)."""
    root = _element(latex, True)
    _polish(root)
    out: list[str] = []
    for child in root:
        _mathml(child, out)
    return "".join(out)


def _split_top(text: str, separator: str) -> list[str]:
    """`text` split at `separator` outside braces (`\\\\` for rows, `&` for cells)."""
    parts, depth, start, index = [], 0, 0, 0
    while index < len(text):
        char = text[index]
        if char == "\\" and text.startswith(separator, index) and depth == 0:
            parts.append(text[start:index])
            index += len(separator)
            start = index
            continue
        if char == "\\":
            index += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
        index += 1
    parts.append(text[start:])
    return parts


def _table(environment: str, body: str) -> str:
    """An `aligned`-like environment as an mtable: one mtr per row, cells alternately right and
    left aligned (TeX's align), in display style as TeX sets them."""
    rows = [row for row in _split_top(_LABELS.sub("", body), "\\\\") if row.strip()]
    gather = environment.startswith(("gather", "multline"))
    out = []
    for row in rows:
        row = re.sub(r"^\s*\[[^\]]*\]", "", row)  # `\\[2pt]` row spacing
        cells = [row] if gather else _split_top(row, "&")
        tds = []
        for number, cell in enumerate(cells):
            if number % 2 and _RELATION_START.match(cell):
                cell = "{}" + cell  # a relation after `&` keeps its spacing, as in TeX
            align = "center" if gather else ("left" if number % 2 else "right")
            if not cell.strip():
                tds.append(f'<mtd columnalign="{align}" />')
                continue
            tds.append(f'<mtd columnalign="{align}"><mstyle displaystyle="true" scriptlevel="0">{_inner(cell)}</mstyle></mtd>')
        out.append("<mtr>" + "".join(tds) + "</mtr>")
    return '<mtable displaystyle="true" columnspacing="0" rowspacing="0.5em">' + "".join(out) + "</mtable>"


def render_formula(latex: str, display: bool, slots: dict[int, str] | None = None) -> str:
    """MathML for a formula of the note, with `slots[n]` (the caller's own HTML) put where the
    LaTeX holds `\\text{SLOT n}`.  Falls back to plain `render_math` when anything goes wrong."""
    try:
        return _formula(latex, display, slots or {})
    except Exception:  # latex2mathml on unusual LaTeX, or a slot in a place it cannot be
        return render_math(_ANY_SLOT.sub("", latex), display)


def _formula(latex: str, display: bool, slots: dict[int, str]) -> str:
    tables: list[str] = []

    def table(match: re.Match[str]) -> str:
        tables.append(_table(match.group(1), match.group(2)))
        return "\\text{" + SLOT + str(len(tables) - 1 + 100000) + "}"

    root = _element(_ALIGNED.sub(table, latex), display)
    _polish(root)
    out: list[str] = []
    _mathml(root, out)
    rendered = "".join(out)

    def fill(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if number >= 100000:
            return _SLOT_TEXT.sub(fill, tables[number - 100000])
        return f"<mtext>{slots.get(number, '')}</mtext>"

    return _SLOT_TEXT.sub(fill, rendered)
