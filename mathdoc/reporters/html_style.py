"""The report's one style sheet, with its math font embedded.

Formulas need an OpenType MATH font for stretchy brackets, matrices and well-sized fractions; a
reader's machine may have none and the page may not fetch one (its policy allows no network), so
Noto Sans Math (SIL OFL, `fonts/OFL.txt`) is embedded as a `data:` URL.  Chinese, Japanese and
Korean prose falls back to the CJK fonts a reader's system is likely to have.
"""

from __future__ import annotations

import base64
import functools
from importlib import resources

MATH_FONT_FILE = "NotoSansMath-Regular.woff2"
MATH_FONT_FAMILY = "mathdoc Noto Sans Math"
CJK_FONTS = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei"'

_SHEET = """
:root { --verified: #1b7f3b; --verified-bg: #e3f3e8; --wrong: #b3261e; --wrong-bg: #fde4e2;
  --layout: #8a4b00; --layout-bg: #ffefd5; --unchecked: #555; --unchecked-bg: #eceff1; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", "Noto Sans", CJK_FONTS, sans-serif;
  color: #1d1d1f; background: #fafafa; }
header, main { max-width: 80rem; margin: 0 auto; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin: 1.5rem 0 0.5rem; }
section.file > h2 { font-size: 1.25rem; margin: 0 0 0.25rem; word-break: break-all; }
math { font-family: "MATH_FONT", "Latin Modern Math", "STIX Two Math", "DejaVu Math TeX Gyre", "Cambria Math", math;
  font-size: 1.1em; }
math[display="inline"] mfrac { font-size: 1.2em; }
math[display="block"] { margin: 0.35rem 0; overflow-x: auto; overflow-y: hidden; padding: 0.1rem 0; }
code, pre { font: 0.9em/1.4 ui-monospace, "DejaVu Sans Mono", monospace; background: #f0f0f0; border-radius: 3px; }
code { padding: 0 0.2em; }
pre { padding: 0.5rem 0.75rem; overflow-x: auto; white-space: pre; }
pre code { padding: 0; background: none; }
table.summary { border-collapse: collapse; margin: 0.5rem 0 1rem; background: #fff; }
table.summary th, table.summary td { border: 1px solid #ddd; padding: 0.25rem 0.75rem; text-align: right; }
table.summary th:first-child, table.summary td:first-child, table.summary td.first-problem { text-align: left; }
td.n-wrong, td.n-layout { font-weight: 600; }
tr.has-problems td:first-child a { color: var(--wrong); }
.legend span { margin-right: 1rem; }
.toolbar { position: sticky; top: 0; z-index: 2; background: #fafafa; border-bottom: 1px solid #ddd;
  padding: 0.5rem 1.5rem; max-width: 80rem; margin: 0 auto; }
.filter-input { position: absolute; opacity: 0; pointer-events: none; }
.toggle { display: inline-block; cursor: pointer; padding: 0.2rem 0.75rem; border: 1px solid #999; border-radius: 1rem;
  background: #fff; margin-right: 0.25rem; }
#show-all:checked ~ .toolbar label[for=show-all], #only-problems:checked ~ .toolbar label[for=only-problems],
#only-wrong:checked ~ .toolbar label[for=only-wrong] { background: var(--wrong-bg); border-color: var(--wrong); font-weight: 600; }
.filter-input:focus-visible ~ .toolbar .toggle { outline: 1px dotted #1a73e8; }
#only-problems:checked ~ main .block:not(.problem), #only-problems:checked ~ main section.file:not(.has-problems),
#only-wrong:checked ~ main .block:not(.has-wrong), #only-wrong:checked ~ main section.file:not(.has-wrong) { display: none; }
section.file { background: #fff; border: 1px solid #ddd; border-radius: 6px; margin: 1.5rem 0; padding: 1rem 1.25rem; }
.file-meta { color: #555; margin: 0 0 0.75rem; font-size: 0.9rem; }
.notices { color: #555; font-size: 0.9rem; }
.block { display: grid; grid-template-columns: minmax(0, 1fr) minmax(14rem, 24rem); gap: 1.25rem;
  padding: 0.2rem 0; border-top: 1px solid #f4f4f4; }
.block .text { min-width: 0; overflow-wrap: anywhere; }
.block .text > :first-child { margin-top: 0.2rem; }
.block .text > :last-child { margin-bottom: 0.2rem; }
.block .text.plain { white-space: pre-wrap; }
.block .text h1, .block .text h2, .block .text h3 { margin: 0.6rem 0 0.3rem; line-height: 1.3; }
.block .text h1 { font-size: 1.45rem; } .block .text h2 { font-size: 1.25rem; } .block .text h3 { font-size: 1.1rem; }
.block .text blockquote { margin: 0.3rem 0; padding-left: 0.8rem; border-left: 3px solid #ddd; color: #444; }
.block .text table { border-collapse: collapse; } .block .text th, .block .text td { border: 1px solid #ddd; padding: 0.2rem 0.5rem; }
.block.heading .text.plain { font-weight: 650; font-size: 1.08em; }
.block .notes:empty { visibility: hidden; }
@media (max-width: 50rem) { .block { grid-template-columns: 1fr; } }
.claim { border-radius: 3px; }
.claim.display { display: block; border-left: 3px solid transparent; padding: 0 0 0 0.5rem; margin: 0.25rem 0; }
.claim.display.worst-wrong { border-left-color: var(--wrong); }
.claim.display.worst-layout { border-left-color: var(--layout); }
.claim.display.worst-unchecked { border-left-color: #bbb; }
.claim.display.worst-verified { border-left-color: var(--verified); }
.math.display { display: block; }
.claim.inline.worst-wrong { background: var(--wrong-bg); }
.claim.inline.worst-layout { background: var(--layout-bg); }
.marks { white-space: nowrap; margin-left: 0.15em; }
.mark, .swatch { display: inline-block; font: 600 0.68rem/1.25 system-ui, sans-serif; padding: 0 0.35em; margin: 0 0.15em;
  border-radius: 0.6em; vertical-align: middle; text-decoration: none; color: #fff; white-space: nowrap; }
mtext.slot { padding: 0 0.1em; }
.verdict-verified:is(.mark, .swatch) { background: var(--verified); }
.verdict-wrong:is(.mark, .swatch) { background: var(--wrong); }
.verdict-layout:is(.mark, .swatch) { background: var(--layout); }
.verdict-unchecked:is(.mark, .swatch) { background: var(--unchecked); }
.note { border-left: 4px solid var(--unchecked); background: var(--unchecked-bg); padding: 0.4rem 0.6rem;
  margin: 0.2rem 0 0.5rem; font-size: 0.88rem; line-height: 1.45; overflow-x: auto; }
.note.verdict-wrong { border-color: var(--wrong); background: var(--wrong-bg); }
.note.verdict-layout { border-color: var(--layout); background: var(--layout-bg); }
.note-head a { font-weight: 700; color: inherit; }
.note-claim, .note-row { margin-top: 0.25rem; }
.note math { font-size: 1em; }
.label { display: inline-block; min-width: 7.5em; color: #555; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.03em; }
.link { text-decoration: underline dotted; }
code.directive { font-size: 0.75em; color: #666; background: #f4f4f4; }
:target { box-shadow: 0 0 0 3px #1a73e8; }
section.file, .note, .mark { scroll-margin-top: 4rem; }
"""


@functools.lru_cache(maxsize=1)
def _font_face() -> str:
    """The @font-face rule with the packaged math font, or nothing if the file is missing (a
    broken install still writes a report, with the reader's own fonts)."""
    try:
        data = resources.files("mathdoc.reporters").joinpath("fonts").joinpath(MATH_FONT_FILE).read_bytes()
    except (OSError, ModuleNotFoundError):
        return ""
    encoded = base64.b64encode(data).decode("ascii")
    return f'@font-face {{ font-family: "{MATH_FONT_FAMILY}"; src: url(data:font/woff2;base64,{encoded}) format("woff2"); }}\n'


@functools.lru_cache(maxsize=1)
def style_sheet() -> str:
    """The page's whole style sheet (its hash goes into the Content-Security-Policy)."""
    return _font_face() + _SHEET.replace("CJK_FONTS", CJK_FONTS).replace("MATH_FONT", MATH_FONT_FAMILY)
