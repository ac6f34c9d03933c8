"""Atoms: letters, Greek letters, fonts (`\\mathbf`), accents (`\\hat`), `\\text`, `\\sqrt`, dots."""

from __future__ import annotations

from .. import tree as t
from ..parser import Parser
from ..tokens import Token

GREEK = frozenset(
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi rho "
    "varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi "
    "Psi Omega ell hbar imath jmath".split()
)
FONTS = {
    "\\mathbf": "bold", "\\boldsymbol": "bold", "\\bm": "bold", "\\vec": "bold", "\\mathbfit": "bold",
    "\\overrightarrow": "bold", "\\pmb": "bold", "\\mathrm": "roman", "\\rm": "roman", "\\mathit": "",
    "\\mathcal": "cal", "\\mathbb": "bb", "\\mathsf": "sf", "\\mathtt": "tt", "\\mathscr": "cal",
    "\\mathfrak": "frak", "\\textbf": "bold",
}
ACCENTS = {
    "\\hat": "hat", "\\widehat": "hat", "\\bar": "bar", "\\overline": "bar", "\\tilde": "tilde",
    "\\widetilde": "tilde", "\\dot": "dot", "\\ddot": "ddot", "\\check": "check", "\\breve": "breve",
    "\\underline": "underline",
}
TEXT = frozenset(("\\text", "\\textrm", "\\textit", "\\mbox", "\\textnormal", "\\textsf", "\\texttt"))
DOTS = frozenset(("\\dots", "\\ldots", "\\cdots", "\\vdots", "\\ddots", "\\dotsc", "\\dotsb"))
TRANSPARENT = frozenset(("\\underset", "\\overset", "\\boxed", "\\displaystyle", "\\color", "\\underbrace", "\\overbrace", "\\cancel", "\\bcancel", "\\mathop", "\\mathord", "\\mathbin", "\\mathrel"))
IGNORED_WITH_ARGUMENT = frozenset(("\\label", "\\tag", "\\hspace", "\\vspace", "\\ref", "\\eqref", "\\vphantom", "\\hphantom", "\\phantom"))


MISSPELLED = ("nabla", "partial", "mathbf", "frac", "sqrt", "cdot", "times", "alpha", "beta", "theta", "lambda", "sigma", "infty", "left", "right", "text", "mathrm", "boldsymbol")
"""Command names written without their backslash: letters read as a product would be a misreading."""


def letter(parser: Parser, token: Token) -> t.Node:
    if token.text == "d":
        slash = _slash_leibniz(parser, token)
        if slash is not None:
            return slash
    run = _letter_run(parser, parser.pos - 1)
    following = parser.peek()
    if token.text == "l" and (run.startswith("ln") or (following is not None and following.kind == "letter" and following.text == "n" and len(run) == 1)):
        raise parser.fail("`ln` written with a space or glued to its argument (read as letters it would be a product)", token=token)
    for word in MISSPELLED:
        if word in run:
            raise parser.fail(f"`{word}` written without a backslash (read as letters it would be a product)", token=token)
    return t.Symbol(token.text, (token.start, token.end))


def _slash_leibniz(parser: Parser, token: Token) -> t.Node | None:
    """`dy/dx` as one atom, so that `df/du \\cdot du/dx` is a product of two derivatives."""
    tokens, i = parser.tokens, parser.pos
    if i + 3 >= len(tokens) or not tokens[i + 1].is_char("/") or tokens[i + 2].text != "d":
        return None
    top, bottom = tokens[i], tokens[i + 3]
    if not _name_token(top) or not _name_token(bottom):
        return None
    if i + 4 < len(tokens) and (tokens[i + 4].kind == "letter" and tokens[i + 4].start == bottom.end or tokens[i + 4].is_char("_", "^")):
        return None  # `dy/dx_1`, `dy/dxy`: leave to the general reading
    parser.pos = i + 4
    operand = t.Symbol(top.text.lstrip("\\"), (top.start, top.end))
    variable = t.Symbol(bottom.text.lstrip("\\"), (bottom.start, bottom.end))
    return t.Derivative("d", (variable,), operand, "leibniz", (token.start, bottom.end))


def _name_token(token: Token) -> bool:
    return token.kind == "letter" or (token.kind == "command" and token.text[1:] in GREEK)


def _letter_run(parser: Parser, index: int) -> str:
    """The adjacent letters around token `index` (`nabla` in `nabla x`)."""
    tokens = parser.tokens
    start = end = index
    while start > 0 and tokens[start - 1].kind == "letter" and tokens[start - 1].end == tokens[start].start:
        start -= 1
    while end + 1 < len(tokens) and tokens[end + 1].kind == "letter" and tokens[end + 1].start == tokens[end].end:
        end += 1
    return "".join(tok.text for tok in tokens[start : end + 1])


def greek(parser: Parser, token: Token) -> t.Node:
    return t.Symbol(token.text[1:], (token.start, token.end))


def constant(parser: Parser, token: Token) -> t.Node:
    return t.Symbol(token.text[1:], (token.start, token.end))


def font(parser: Parser, token: Token) -> t.Node:
    """`\\mathbf{x}`, `\\vec x`, `\\mathrm{d}`, `\\mathrm{loss}`, `\\mathbf{1}`, `\\mathbf{x}^\\top` inside."""
    style = FONTS[token.text]
    tokens = parser.group_tokens()
    end = parser.last_end()
    span = (token.start, end)
    if all(tok.kind == "letter" for tok in tokens) and tokens:
        name = "".join(tok.text for tok in tokens)
        if style == "roman" and len(name) > 1:
            from .functions import function_node

            known = function_node(name, span)
            if known is not None:
                from .functions import application

                return application(parser, known)
        return t.Symbol(name, span, font=style if (style != "roman" or len(name) > 1) else ("roman" if name in ("d", "e", "i") else ""))
    if len(tokens) == 1 and tokens[0].kind == "number":
        return t.Symbol(tokens[0].text, span, font=style)
    inner = parser.sub_parse(list(tokens), "font argument")
    return _restyle(inner, style, parser, token)


def _restyle(node: t.Node, style: str, parser: Parser, token: Token) -> t.Node:
    if isinstance(node, t.Symbol):
        return t.Symbol(node.name, node.span, font=style, sub=node.sub, accent=node.accent, primes=node.primes)
    if isinstance(node, t.Transpose):
        return t.Transpose(_restyle(node.operand, style, parser, token), node.span)
    if isinstance(node, t.Pow):
        return t.Pow(_restyle(node.base, style, parser, token), node.exponent, node.span)
    if style in ("bold", "roman", ""):
        return node  # `\mathbf{A x}`, `\mathrm{(x+1)}`: the font changes no value
    raise parser.fail(f"`{token.text}` around an expression", token=token)


def accent(parser: Parser, token: Token) -> t.Node:
    tokens = parser.group_tokens()
    inner = parser.sub_parse(list(tokens), "accent argument")
    if not isinstance(inner, t.Symbol) or inner.accent:
        raise parser.fail(f"`{token.text}` over an expression", token=token)
    return t.Symbol(inner.name, (token.start, parser.last_end()), font=inner.font, sub=inner.sub, accent=ACCENTS[token.text])


def text(parser: Parser, token: Token) -> t.Node:
    tokens = parser.group_tokens()
    words = "".join(tok.text if tok.kind != "space" else " " for tok in tokens).strip()
    span = (token.start, parser.last_end())
    if words in ("d", "e"):
        return t.Symbol(words, span, font="roman")
    from .functions import function_node

    known = function_node(words, span)
    return known if known is not None else t.Text(words, span)


def square_root(parser: Parser, token: Token) -> t.Node:
    index = None
    following = parser.peek()
    if following is not None and following.is_char("["):
        parser.next()
        index = parser.with_closer(lambda tok: tok.is_char("]"), lambda: parser.expression(0))
        parser.expect_char("]")
    radicand = parser.sub_parse(list(parser.group_tokens()), "square root")
    return t.Sqrt(radicand, index, (token.start, parser.last_end()))


def dots(parser: Parser, token: Token) -> t.Node:
    return t.Dots((token.start, token.end))


def transparent(parser: Parser, token: Token) -> t.Node:
    """`\\boxed{x}`, `\\underbrace{x}_{\\text{...}}`: the argument is the value."""
    if token.text in ("\\displaystyle",):
        return parser.atom()
    if token.text == "\\color":
        parser.group_tokens()
        return parser.atom()
    if token.text in ("\\underset", "\\overset"):
        parser.group_tokens()  # the decoration; the value is the second argument
        return parser.sub_parse(list(parser.group_tokens()))
    inner = parser.sub_parse(list(parser.group_tokens()))
    following = parser.peek()
    if token.text in ("\\underbrace", "\\overbrace") and following is not None and following.is_char("_", "^"):
        parser.next()
        parser.group_tokens()  # the label under the brace
    return inner


def skip_with_argument(parser: Parser, token: Token) -> t.Node:
    """`\\label{…}`, `\\vphantom{…}`: nothing to read; the value is what follows."""
    parser.group_tokens()
    if parser.at_end():
        raise parser.fail(f"nothing after `{token.text}`", token=token)
    return parser.postfix(parser.atom())
