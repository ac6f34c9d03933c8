"""String-level clean-up of one relation member before it is read: notation as people write it.

`ln(x)` becomes `\\ln(x)`, `\\dfrac` becomes `\\frac`, `\\mathrm{d}` becomes `d`, sizing commands
and spacing disappear, full-width punctuation becomes ASCII.  Nothing here changes meaning.
"""

from __future__ import annotations

import re

_FULL_WIDTH = str.maketrans({"（": "(", "）": ")", "，": ",", "［": "[", "］": "]", "＋": "+", "－": "-", "＝": "=", "：": ":", "；": ";", "。": " ", "、": ","})
_FUNCTIONS = "arcsin|arccos|arctan|sinh|cosh|tanh|sin|cos|tan|cot|sec|csc|exp|ln|log"
_BARE_FUNCTION = re.compile(rf"(?<![\\A-Za-z])({_FUNCTIONS})(?![A-Za-z])")
_SIZING = re.compile(r"\\(?:left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|Biggl|Biggr|big|Big|bigg|Bigg)(?![a-zA-Z])\s*")
_SPACING = re.compile(r"(?<!\\)(?:\\(?:quad|qquad|displaystyle|textstyle|scriptstyle|limits|nolimits)(?![a-zA-Z])|\\[,;:!> ])|~")
_ROMAN_D = re.compile(r"\\(?:mathrm|operatorname|text|mathit)\s*\{\s*d\s*\}|\\(?:mathrm|mathit|rm)\s+d(?![A-Za-z]{2})")
_ROMAN_E = re.compile(r"\\(?:mathrm|operatorname|text|mathit)\s*\{\s*e\s*\}")
_OPERATOR_NAME = re.compile(r"\\(?:operatorname|mathrm|text|textrm|mathit)\s*\{\s*(diag|Diag|tr|Tr|trace|det|sgn|sign|exp|ln|log|sin|cos|tan|max|min)\s*\}")
_FRAC = re.compile(r"\\[dtc]frac(?![a-zA-Z])")
_LOG = re.compile(r"\\log(?![a-zA-Z_])")
_DIGIT_FRAC = re.compile(r"(\d)\s*(\\frac)")
_EMPTY_TEXT = re.compile(r"\\(?:text|mbox|textrm)\s*\{\s*\}")
_TRAILING_PUNCT = re.compile(r"[\s.,;:]+$")
_TIMES_DOT = re.compile(r"\\(?:cdot|times|ast)(?![a-zA-Z])")


def normalize(text: str) -> str:
    text = text.translate(_FULL_WIDTH)
    text = _FRAC.sub(r"\\frac", text)
    text = _ROMAN_D.sub("d", text)
    text = _ROMAN_E.sub("e", text)
    text = _OPERATOR_NAME.sub(lambda m: _operator(m.group(1)), text)
    text = text.replace("\\left.", "").replace("\\right.", "")
    text = _SIZING.sub("", text)
    text = _SPACING.sub(" ", text)
    text = _EMPTY_TEXT.sub(" ", text)
    text = _BARE_FUNCTION.sub(r"\\\1", text)
    text = _LOG.sub(r"\\ln", text)
    text = _DIGIT_FRAC.sub(r"\1 \\cdot \2", text)
    text = text.replace("\\lbrack", "[").replace("\\rbrack", "]").replace("\\{", "{").replace("\\}", "}")
    text = _TRAILING_PUNCT.sub("", text)
    return text.strip()


def _operator(name: str) -> str:
    lowered = name.lower()
    if lowered in ("diag",):
        return "diag"
    if lowered in ("tr", "trace"):
        return "\\operatorname{tr}"
    if lowered in ("exp", "ln", "log", "sin", "cos", "tan", "max", "min", "det"):
        return f"\\{lowered}"
    return f"\\operatorname{{{name}}}"


def strip_products(text: str) -> str:
    """Remove `\\cdot`/`\\times` standing at either end of a scalar run."""
    text = text.strip()
    changed = True
    while changed and text:
        changed = False
        for pattern in ("\\cdot", "\\times", "\\ast", "*"):
            if text.startswith(pattern):
                text = text[len(pattern) :].strip()
                changed = True
            if text.endswith(pattern):
                text = text[: -len(pattern)].strip()
                changed = True
    return text
