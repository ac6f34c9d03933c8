"""The grammar's rule tables: what each command or bracket means, in a visible, ordered form.

`COMMANDS` maps a control word to the rule that reads the atom it starts; `CHARS` does the same for
single characters; `POSTFIX` is the ordered list of marks that may follow an atom.  Each rule is a
function `(parser, token) -> Node` in the module of its construct, like markdown-it's rule lists.
"""

from __future__ import annotations

from typing import Callable

from .. import tree as t
from ..parser import INFIX_PRODUCTS, RELATIONS, Parser
from ..tokens import Token
from . import atoms, delimiters, environments, fractions, functions, indicators, integrals, operators, scripts

Rule = Callable[[Parser, Token], t.Node]

COMMANDS: dict[str, Rule] = {
    **{f"\\{name}": atoms.greek for name in atoms.GREEK},
    **{command: atoms.font for command in atoms.FONTS},
    **{command: atoms.accent for command in atoms.ACCENTS},
    **{command: atoms.text for command in atoms.TEXT},
    **{f"\\{name}": functions.named for name in functions.COMMAND_FUNCTIONS},
    "\\operatorname": functions.operatorname,
    **{command: fractions.fraction for command in ("\\frac", "\\dfrac", "\\tfrac", "\\cfrac")},
    "\\partial": fractions.partial,
    "\\sqrt": atoms.square_root,
    "\\nabla": operators.gradient,
    "\\sum": operators.big_operator,
    "\\prod": operators.big_operator,
    **{command: operators.unsupported for command in operators.UNSUPPORTED},
    "\\mathbb": indicators.blackboard,
    "\\int": integrals.integral,
    "\\lim": integrals.limit,
    **{command: atoms.dots for command in atoms.DOTS},
    "\\infty": atoms.constant,
    "\\left": delimiters.left,
    **{command: delimiters.norm for command in delimiters.NORMS},
    **{command: delimiters.absolute for command in delimiters.ABS},
    "\\{": delimiters.brace_set,
    "\\lbrace": delimiters.brace_set,
    "\\lbrack": delimiters.bracket,
    "\\langle": delimiters.angle,
    "\\begin": environments.begin,
    **{command: atoms.transparent for command in atoms.TRANSPARENT},
    **{command: atoms.skip_with_argument for command in atoms.IGNORED_WITH_ARGUMENT},
}

CHARS: dict[str, Rule] = {
    "(": delimiters.parenthesis,
    "[": delimiters.bracket,
    "{": delimiters.brace_group,
    "|": delimiters.bar,
}

NOT_ATOMS = frozenset(("\\right", "\\end", "\\\\", "\\pm", "\\mp", "\\middle"))


def starts_atom(parser: Parser, token: Token) -> bool:
    """Whether `token` can begin a factor of a juxtaposition (`2x`, `x\\sin x`, `a(b+c)`)."""
    if token.kind in ("letter", "number"):
        return True
    if token.kind == "command":
        return token.text not in RELATIONS and token.text not in INFIX_PRODUCTS and token.text not in NOT_ATOMS
    return token.text in CHARS


def atom(parser: Parser) -> t.Node:
    token = parser.next()
    if token.kind == "number":
        return t.Number(token.text, (token.start, token.end))
    if token.kind == "letter":
        return functions.spelled(parser, token) or atoms.letter(parser, token)
    rule = COMMANDS.get(token.text) if token.kind == "command" else CHARS.get(token.text)
    if rule is None:
        if token.kind == "command":
            raise parser.fail(f"the command `{token.text}` is not known to mathdoc", token=token)
        raise parser.fail(f"unexpected `{token.text}`", token=token)
    return rule(parser, token)


def postfix(parser: Parser, node: t.Node, applications: bool = True) -> t.Node:
    return scripts.postfix(parser, node, applications)
