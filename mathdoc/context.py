"""Document context: which layout the document uses, and which definitions a claim may rely on."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .claims import Definition
from .model import Source
from .suppress import code_ranges, inside

_DIRECTIVE = re.compile(r"(?:<!--|%|\.\.)\s*mathdoc:\s*layout\s*=\s*(numerator|denominator)\b", re.IGNORECASE)
_PROSE = re.compile(r"\b(numerator|denominator)[- ]layout|(分子|分母)布局", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class LayoutDeclaration:
    layout: str
    how: str
    """"directive", "configuration", "prose" or "inferred"."""
    line: int | None


def declared_layout(source: Source, configured: str | None = None) -> LayoutDeclaration | None:
    """A directive beats the configuration, which beats a sentence in the prose."""
    code = code_ranges(source) if "mathdoc:" in source.text.lower() else []
    directive = next((m for m in _DIRECTIVE.finditer(source.text) if not inside(code, m.start())), None)
    if directive:
        return LayoutDeclaration(directive.group(1).lower(), "directive", source.locate(directive.start()).line)
    if configured:
        return LayoutDeclaration(configured, "configuration", None)
    prose = _PROSE.search(source.text)
    if prose:
        word = (prose.group(1) or "").lower()
        layout = word if word else ("numerator" if prose.group(2) == "分子" else "denominator")
        return LayoutDeclaration(layout, "prose", source.locate(prose.start()).line)
    return None


_GRADIENT_DIRECTIVE = re.compile(r"(?:<!--|%|\.\.)\s*mathdoc:\s*gradient\s*=\s*(row|column)\b", re.IGNORECASE)
_GRADIENT_PROSE = re.compile(r"\bgradients?\s*(?:,[^,.;]{1,40},\s*)?(?:is|are)\s+(?:(?:always|written|taken)\s+)?(?:an?\s+|as\s+)?(row|column)\s+vectors?|梯度(?:是|为|写成)(行|列)向量"
                            r"|\bgradients?\b[^.;:]{0,80}?\b(?:has|have|takes?|is of) the same shape as\b|梯度[^。；]{0,40}?(?:形状相同|同形)", re.IGNORECASE)
"""The sentences that declare the gradient convention: "gradients are column vectors", or "the
gradient … has the same shape as" the variable (a column for a column vector: the denominator result)."""
GRADIENT_LAYOUTS = {"row": "numerator", "column": "denominator"}
"""A gradient written as a row is the numerator-layout result of a scalar's derivative; as a column, the denominator-layout one."""


def declared_gradient(source: Source) -> LayoutDeclaration | None:
    """The document's gradient convention, declared apart from its Jacobian layout: a directive
    `mathdoc: gradient=column`, or a sentence ("gradients are column vectors", 梯度是列向量).  Its
    `layout` is the layout whose result a gradient in that orientation is."""
    code = code_ranges(source) if "mathdoc:" in source.text.lower() else []
    directive = next((m for m in _GRADIENT_DIRECTIVE.finditer(source.text) if not inside(code, m.start())), None)
    if directive:
        return LayoutDeclaration(GRADIENT_LAYOUTS[directive.group(1).lower()], "directive", source.locate(directive.start()).line)
    prose = _GRADIENT_PROSE.search(source.text)
    if prose:
        word = (prose.group(1) or "").lower() or ("row" if prose.group(2) == "行" else "column")
        return LayoutDeclaration(GRADIENT_LAYOUTS[word], "prose", source.locate(prose.start()).line)
    return None


_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s", re.MULTILINE)
_LATEX_HEADING = re.compile(r"\\(part|chapter|section|subsection|subsubsection)\*?\s*\{")
_LATEX_LEVEL = {"part": 0, "chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4}
_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)


_EXAMPLE = re.compile(
    r"^[ \t>]*(?:[#*_]+\s*|\\textbf\{|\\paragraph\{)?(?:Example|Exercise|Problem|例|练习|习题)\b"
    r"|\\begin\{(?:example|exercise|problem|theorem|thm|prop|proposition|lemma|lem|corollary|cor|defn|definition)\*?\}",
    re.MULTILINE,
)
EXAMPLE_LEVEL = 7
"""An example (or a theorem, a proposition, a lemma, a definition: a statement about its own
objects) is a section below every heading: definitions made in it end at the next one."""
_EXAMPLE_END = re.compile(r"\\end\{(?:example|exercise|problem)\*?\}")
EXAMPLE_END = 8
"""The end of an example environment: its solution may follow it (`\\end{example}`, then the
computation), or the text may go back to the general case; a definition made in the example is
a far one after it (it may verify a claim, never make it wrong)."""


_SOLUTION_FOLLOWS = re.compile(r"(?:\s|%[^\n]*\n)*(?:\\exsol\b|\\begin\{(?:solution|proof|answer)\*?\}|\\(?:textbf|emph|textit)\{(?:Solution|Answer|解答?)|(?:Solution|Answer|解答?)\b)", re.IGNORECASE)
"""What opens the solution of an exercise right after its end (`\\end{exercise}`, then `\\exsol{…}`):
the exercise's definitions hold in it (the next example still ends them)."""


def headings(source: Source) -> tuple[tuple[int, int], ...]:
    """(offset, level) of every section heading and example, outside code fences."""
    examples = [(m.start(), EXAMPLE_LEVEL) for m in _EXAMPLE.finditer(source.text)]
    examples += [(m.start(), EXAMPLE_END) for m in _EXAMPLE_END.finditer(source.text) if not _SOLUTION_FOLLOWS.match(source.text, m.end())]
    if source.kind == "latex":
        found = [(m.start(), _LATEX_LEVEL[m.group(1)]) for m in _LATEX_HEADING.finditer(source.text)]
        return tuple(sorted(found + examples))
    fences = [m.start() for m in _FENCE.finditer(source.text)]
    found = []
    for match in _MARKDOWN_HEADING.finditer(source.text):
        inside = sum(1 for f in fences if f < match.start()) % 2 == 1
        if not inside:
            found.append((match.start(), len(match.group(1))))
    return tuple(sorted(found + examples))


def _in_scope(definition_offset: int, offset: int, sections: tuple[tuple[int, int], ...]) -> bool:
    """A definition holds until the next heading of its own section's level or higher."""
    level = None
    for heading_offset, heading_level in sections:
        if heading_level == EXAMPLE_END:
            continue
        if heading_offset <= definition_offset:
            level = heading_level
        elif heading_offset < offset and (level is None or heading_level <= level):
            return False
    return True


def definitions_in_scope(
    definitions: tuple[Definition, ...], offset: int, names: frozenset[str], applied: frozenset[str],
    sections: tuple[tuple[int, int], ...] = (), after: "After | None" = None,
) -> tuple[tuple[str, str, str], ...]:
    """Earlier definitions, still in scope, of the names a claim mentions (and of the names those
    definitions use); the latest definition of a name wins.

    A definition from an earlier section or example still counts where the claim applies the
    function by name (`\\nabla f(x,y)`); a bare `b` or `C` there is more likely a new symbol or a
    constant.  Each entry is (head, body, "near" or "far"), or (head, body, "code:" + the line of
    code) for a function defined only in a code chunk near the claim (a reading of lower standing,
    used where the math defines no such name nearby), or (head, body, "earlier") for a near
    definition of a function the document then redefined in other variables, or (head, body,
    "later" or "solution") for a definition made after it (see `_later_solutions`).
    """
    latest: dict[str, Definition] = {}
    remote: set[str] = set()
    ended: set[str] = set()
    equalities: list[Definition] = []
    code: dict[str, Definition] = {}
    previous: dict[str, Definition] = {}
    shapes: dict[str, Definition] = {}
    values: dict[str, Definition] = {}
    earlier_sections: dict[str, Definition] = {}
    for definition in definitions:
        if definition.offset >= offset:
            break
        if definition.shape:
            if _in_scope(definition.offset, offset, sections):
                shapes[definition.name] = definition  # the latest declaration of the name
            continue
        if definition.code:
            if _in_scope(definition.offset, offset, sections) and offset - definition.offset <= NEAR:
                code[definition.name] = definition
            else:
                code.pop(definition.name, None)
            continue
        code.pop(definition.name, None)  # a later math definition ends the code one
        if not definition.name:
            if _in_scope(definition.offset, offset, sections):
                equalities.append(definition)
            continue
        if not _in_scope(definition.offset, offset, sections):
            if definition.function:
                latest[definition.name] = definition  # a function of another section, where the claim applies it
                remote.add(definition.name)
                earlier_sections.pop(definition.name, None)
            elif not _example_between(definition.offset, offset, sections):
                earlier_sections[definition.name] = definition  # "## Setup", then "## Gradients": a far reading, if nothing else defines it
            continue
        earlier_sections.pop(definition.name, None)
        kept = latest.get(definition.name)
        if (kept is not None and _NUMBER.fullmatch(definition.body) and not _NUMBER.fullmatch(kept.body) and definition.name not in remote
                and offset - kept.offset <= NEAR):
            values[definition.name] = definition  # `u = wx + b`, then "take w = 1, … Then u = 0": a value at a point, not a new u
            continue
        values.pop(definition.name, None)
        _remember_earlier(previous, latest.get(definition.name), definition, remote)
        latest[definition.name] = definition
        remote.discard(definition.name)
        if any(definition.offset < end < offset for end, level in sections if level == EXAMPLE_END):
            ended.add(definition.name)
        else:
            ended.discard(definition.name)
    for name, definition in earlier_sections.items():
        if name not in latest:
            latest[name] = definition
            remote.add(name)
    if after is not None:
        for name in [n for n, d in sorted(latest.items()) if not d.function and _posed_between(after.text, d.offset, offset)]:
            del latest[name]  # "Show that $y = 1/x$ solves …", then "Next, solve $y' + 4y = e^x$": y is the new unknown
            previous.pop(name, None)
            values.pop(name, None)
    chosen: dict[str, Definition] = {}
    from_code: dict[str, Definition] = {}
    earlier: dict[str, Definition] = {}
    frontier = sorted(names)
    while frontier:
        name = frontier.pop()
        if name in chosen or name in from_code or name in earlier:
            continue
        found = latest.get(name)
        if found is None:
            found = _indexed(latest, name)  # `\\pi_1` where `\\pi_i = …` is defined for each i
            if found is not None and found.name in chosen:
                continue
        if found is not None and not (name in remote and found.function and name not in applied and not _spelled(found)):
            chosen[found.name] = found
            frontier.extend(sorted(found.uses - set(chosen)))
        if name in code and (found is None or name in remote):
            from_code[name] = code[name]
            frontier.extend(sorted(code[name].uses - set(chosen)))
        if name in previous and offset - previous[name].offset <= NEAR:
            earlier[name] = previous[name]
            frontier.extend(sorted(previous[name].uses - set(chosen)))
    ordered = sorted(chosen.values(), key=lambda d: d.offset)
    pairs = [(d.head, d.body, _point(d, offset, after) or _distance(d, offset, remote | ended)) for d in ordered]
    related = [d for d in equalities if d.equality & names]
    pairs.extend((d.head, d.body, _distance(d, offset, remote)) for d in related)
    # `y = \\arcsin x`, then `\\tan y = x`: a relation stated after y's definition may pose a new y
    pairs.extend((d.head, "", REBOUND) for d in ordered if not d.function and any(e.offset > d.offset and d.name in e.equality for e in related))
    pairs.extend((d.head, d.body, CODE + d.code) for d in sorted(from_code.values(), key=lambda d: d.offset))
    pairs.extend((d.head, d.body, EARLIER) for d in sorted(earlier.values(), key=lambda d: d.offset))
    pairs.extend((d.head, d.body, _point(d, offset, after) or _distance(d, offset, remote)) for d in sorted(values.values(), key=lambda d: d.offset) if d.name in chosen)
    reached = set(names).union(*(d.uses for d in chosen.values()))  # `\\mathbf y` of `L = \\|\\mathbf z - \\mathbf y\\|^2`
    pairs.extend((d.head, d.body, SHAPE) for d in sorted(shapes.values(), key=lambda d: d.offset) if d.name in reached)
    if after is not None and _LOCAL.search(after.text, max(0, offset - 400), offset):
        pairs.append(("", "", LOCAL))
    stated = _stated_tuple(offset, after)
    if stated is not None:
        pairs.append((stated[0], stated[1], TUPLE_POINT))
    for later in _later_solutions(definitions, offset, names, sections, after.text if after is not None else ""):
        pairs.append((later.head, later.body, SOLUTION if after is not None and after.states_solution(later) else LATER))
    return tuple(pairs)


@dataclass(frozen=True, slots=True)
class After:
    """What follows a claim, to tell a solution the prose states (`y' = ky`, then "the general
    solution is `y = Ce^{kx}`") from a trial one ("try `y = e^{rx}`")."""

    end: int
    """Source offset where the claim ends."""
    text: str
    """The source text."""
    claims: tuple[tuple[int, frozenset[str]], ...]
    """(offset, names) of every claim of the document."""
    start: int = -1
    """Source offset where the claim starts (-1: not known)."""

    def states_solution(self, definition: Definition) -> bool:
        """The sentence that states the definition, after the claim, calls it the solution and
        says nothing of a trial, a guess, a condition or a negation; and no other claim about the
        name lies between (the solution may be of that one, as of a homogeneous equation)."""
        if any(self.end <= offset < definition.offset and definition.name in names for offset, names in self.claims):
            return False
        between = self.text[self.end:definition.offset]
        sentence = between[max((m.end() for m in _SENTENCE_END.finditer(between)), default=0):]
        if _SOLUTION.search(sentence) and not _NOT_A_SOLUTION.search(sentence):
            return True
        if self._answers(definition, between):
            return True
        if self.start < 0 or _SENTENCE_END.search(between):
            return False
        # "The general solution of $y' = y + x$ is $y = …$": the words stand before the equation
        before = self.text[max(0, self.start - 300):self.start]
        before = before[max((m.end() for m in _SENTENCE_END.finditer(before)), default=0):]
        return bool(_SOLUTION_OF.search(before)) and not _NOT_A_SOLUTION.search(before) and _IS.fullmatch(_DELIMITERS.sub(" ", between)) is not None


    def _answers(self, definition: Definition, between: str) -> bool:
        """The definition opens the solution block of the exercise the claim is in (`\\end{exercise}`,
        then `\\exsol{$y = Ce^{x^2}$}`): its answer, when the first sentence of the block states it
        with no word of a trial or a guess, and the claim is the exercise's only claim about the name
        (an exercise of several parts pairs its answers with them in ways not read here)."""
        end = _EXERCISE_END.search(between)
        opener = _SOLUTION_FOLLOWS.match(between, end.end()) if end is not None else None
        if end is None or opener is None:
            return False
        opening = between[opener.end():].lstrip("{%.: \n*")
        if _SENTENCE_END.search(opening) or _NOT_A_SOLUTION.search(opening):
            return False
        begun = [m.end() for m in _EXERCISE_BEGIN.finditer(self.text, 0, max(self.start, 0))]
        first = begun[-1] if begun else 0
        if not _SOLVE.search(self.text, first, max(self.start, 0)):
            return False  # "Find and classify the critical points": an answer, but not a solution of the equation
        return sum(1 for offset, names in self.claims if first <= offset < self.end + end.start() and definition.name in names) == 1


_EXERCISE_END = re.compile(r"\\end\{(?:exercise|problem)\*?\}")
_SOLVE = re.compile(r"\bsolve\b|\b(?:general|particular) solution|\bsolution (?:of|to)\b|求解|解方程|通解|特解", re.IGNORECASE)
"""An exercise that asks for the solution of its equation (its solution block then states it)."""
_EXERCISE_BEGIN = re.compile(r"\\begin\{(?:exercise|problem)\*?\}")
_SENTENCE_END = re.compile(r"[.!?;:](?:\s|$)|[。！？；：]|\n\s*\n")
_SOLUTION = re.compile(r"\b(?:general|particular) solution|\b(?:the|its|a) solutions? (?:is|are|of)\b|\bsolution is\b|\bsolved by\b|\b(?:has|have|with) (?:the |a |as (?:its |a )?)?(?:unique )?solutions?\b|通解|特解|解为|解是|的解", re.IGNORECASE)
_SOLUTION_OF = re.compile(r"\b(?:general |particular )?solutions? (?:of|to)(?: the equation| the ODE)?\s*(?:\$\$?|\\\(|\\\[|\\begin\{equation\*?\})?\s*$|(?:通解|特解|的解)\s*\$*\s*$|方程\s*\$*\s*$", re.IGNORECASE)
_IS = re.compile(r"\s*(?:is|are|reads|is given by|=|:|,|为|是)?\s*", re.IGNORECASE)
_DELIMITERS = re.compile(r"\$|\\[()\[\]]|\\(?:begin|end)\{(?:equation|align|gather)\*?\}")
_NOT_A_SOLUTION = re.compile(r"\b(?:not|no|tr(?:y|ies|ied|ying)|guess\w*|suppos\w*|assum\w*|ansatz|trial|attempt|form|if|whether|check|verify|show|homogeneous|complementary|associated)\b|\?|不|试|假设|猜|若|如果|齐次", re.IGNORECASE)


def _later_solutions(definitions: tuple[Definition, ...], offset: int, names: frozenset[str], sections: tuple[tuple[int, int], ...], text: str = "") -> list[Definition]:
    """The first definition after the claim of each name it mentions, near it and before the next
    heading or example: a solution stated after a differential equation (`y' = ky`, then `y =
    Ce^{kx}`).  Read only to verify an equation with it, never to call a step wrong."""
    found: dict[str, Definition] = {}
    for definition in definitions:
        if definition.offset <= offset:
            continue
        if definition.offset - offset > NEAR or not _in_scope(offset, definition.offset, sections):
            break
        if any(offset < end < definition.offset for end, level in sections if level == EXAMPLE_END):
            break
        if definition.name in names and not (definition.code or definition.shape or definition.name in found):
            found[definition.name] = definition
        elif text and not (definition.code or definition.shape or definition.name in found or definition.name in names) and any(
                definition.name in d.uses and not _SENTENCE_END.search(text, d.offset + len(d.head) + len(d.body), definition.offset) for d in found.values()):
            found[definition.name] = definition  # "… is $x = A\\cos(\\omega_0 t)$, where $\\omega_0 = \\sqrt{k/m}$" (in the same sentence)
    return sorted(found.values(), key=lambda d: d.offset)


_ENTRY_NAME = re.compile(r"(.+)_\{?(\d+)\}?")


def _indexed(latest: "dict[str, Definition]", name: str) -> "Definition | None":
    """The definition `x_i = …` of an entry `x_2` the claim writes (an indexed definition holds for each i)."""
    match = _ENTRY_NAME.fullmatch(name)
    if match is None:
        return None
    for letter in "ijkl":
        for spelled in (f"{match.group(1)}_{letter}", f"{match.group(1)}_{{{letter}}}"):
            if spelled in latest and not latest[spelled].function:
                return latest[spelled]
    return None


_POSE = re.compile(r"\bsolve\b(?!\s+for\b)|求解|解(?:下列|以下)?(?:微分)?方程", re.IGNORECASE)
"""An equation posed to be solved: its unknown is a new one, whatever an earlier sentence set it to."""


def _posed_between(text: str, definition: int, claim: int) -> bool:
    """A sentence after the definition's own, and up to the claim, asks to solve an equation
    ("Next, solve $y' + 4y = e^x$"): the defined symbol is the unknown of a new problem there."""
    end = _SENTENCE_END.search(text, definition, claim)
    if end is None:
        return False
    own = _SENTENCE_END.search(text, claim, claim + 300)  # the claim's own sentence ("Find the integrating factor for … and solve.")
    return _POSE.search(text, end.end(), own.start() if own else claim) is not None


def _example_between(start: int, end: int, sections: tuple[tuple[int, int], ...]) -> bool:
    return any(start < at < end and level in (EXAMPLE_LEVEL, EXAMPLE_END) for at, level in sections)


def _spelled(definition: Definition) -> bool:
    """`loss(w, b) = …`: a name spelled in several letters names the same quantity in a later
    section (a bare `b` or `C` there is more likely a new symbol)."""
    return re.match(r"[A-Za-z]{2,}[A-Za-z0-9]*\s*\(", definition.head) is not None


def _remember_earlier(previous: dict[str, Definition], older: Definition | None, newer: Definition, remote: set[str]) -> None:
    """`f(u, v) = (u+v)^2`, then `f(w, x, y, z) = …` (the same quantity in other variables): the
    older definition stays a reading of lower standing; a redefinition in the same variables (a
    new example) ends it."""
    if older is not None and older.function and newer.function and newer.name not in remote and older.head.replace(" ", "") != newer.head.replace(" ", ""):
        previous[newer.name] = older
    else:
        previous.pop(newer.name, None)


CODE = "code:"
"""The distance field of a definition read from a code chunk starts with this (then the code)."""
EARLIER = "earlier"
"""The distance field of an earlier definition of a function the document redefined in other
variables (`f(u, v)` before `f(w, x, y, z)`): a reading of lower standing."""

LATER = "later"
"""The distance field of a definition made after the claim, near it (a solution stated after an
equation): read only to verify an equation."""
SOLUTION = "solution"
"""As `LATER`, for a definition the prose calls the solution (`After.states_solution`): an
equation it does not satisfy is wrong."""

REBOUND = "rebound"
"""An entry with this distance field names (its head) a symbol defined before a relation that
mentions it (`y = \\arcsin x`, then `\\tan y = x`): y may be that relation's unknown instead, a
reading tried only where the definition makes the step differ; it verifies only."""

SHAPE = "shape"
"""The distance field of a declaration `W \\in \\mathbb{R}^{K \\times m}`: the body is the dimensions."""

NEAR = 1500
"""Characters: a definition made further before a claim than this (or in another section) is
"far"; a claim that is wrong only with a far definition is not called wrong (it may not apply)."""


POINT = "point"
"""The distance field of a value stated in the claim's paragraph, before it (`At $t = 1$, …`): a
point the claim may be at (a near definition otherwise)."""
_NUMBER = re.compile(r"\s*-?\s*\d+(?:\.\d+)?\s*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t>]*\n")
_CONTINUED = re.compile(r".*[^.!?。\s]\s*\n[ \t>]*\n\s*(?:\$\$|\\\[|\\begin\{(?:equation|align|gather)\*?\})?\s*", re.DOTALL)
"""The sentence goes on into the claim's display across a blank line ("Then $u = 0$, and", a blank
line, the display)."""


_NUMBERS = re.compile(r"\s*\(\s*-?\s*\d+(?:\.\d+)?(?:\s*,\s*(?:\\[,;!]\s*)?-?\s*\d+(?:\.\d+)?)+\s*\)\s*")
"""A vector of numbers written as a tuple (`\\mathbf w = (0.5, 0.2)`)."""


def _point(definition: Definition, offset: int, after: "After | None") -> str | None:
    if after is None or not (_NUMBER.fullmatch(definition.body) or _NUMBERS.fullmatch(definition.body)):
        return None
    breaks = list(_PARAGRAPH_BREAK.finditer(after.text, definition.offset, offset))
    if breaks and not _CONTINUED.fullmatch(after.text, breaks[0].start() - 40 if breaks[0].start() >= 40 else 0, offset) and len(breaks) == 1:
        return None
    if len(breaks) > 1:
        return None
    if any(definition.offset < other < offset for other, _ in after.claims):
        return None  # another claim between: the value was for that one
    return POINT


CONDITION = "condition"
"""The distance field of the condition the text states for the claim, beside it (`= 2r` "for $|r|
< c$", `\\quad \\text{for } x > 0`): the step is checked only where the condition holds."""


MATRIX_NOTATION = "matrix notation"
"""An entry with this distance field (empty head; the body says why: the declared layout, or
"transpose") says the document is one of matrices and vectors: it declares a layout, or writes a
transpose somewhere.  Plain `Wx` may then be a matrix times a vector (see `plain_vectors`, which
mirrors it); in a note without either it is read as scalars only."""
_TRANSPOSE = re.compile(r"\^\s*(?:\{\s*)?(?:\\top|\\intercal|\\mathsf\{T\}|\\mathrm\{T\}|T(?![A-Za-z]))")


def matrix_notation(texts: Iterable[str], declaration: LayoutDeclaration | None) -> "tuple[tuple[str, str, str], ...]":
    """The `MATRIX_NOTATION` entry for the document's math `texts`, or none."""
    if declaration is not None:
        return (("", declaration.layout, MATRIX_NOTATION),)
    if any(_TRANSPOSE.search(text) for text in texts):
        return (("", "transpose", MATRIX_NOTATION),)
    return ()


LOCAL = "local"
"""An entry with this distance field says the prose just before the claim takes derivatives as
local partials ("treat μ and σ² as separate nodes", "holding a fixed", 局部导数)."""
_LOCAL = re.compile(r"\b(?:separate|independent)\s+(?:nodes?|variables?)\b|\blocal\s+(?:partial|derivative|gradient)s?\b"
                    r"|\bhold(?:s|ing)?\b[^.$]{0,40}\b(?:fixed|constant)\b|局部(?:偏)?导数|视为(?:常数|独立)", re.IGNORECASE)

TUPLE_POINT = "tuple point"
"""The distance field of a point the prose states before the claim, in its paragraph, as a tuple
(`At the point $(3, 4)$`, 在点 $(1,2)$ 处, `$(K, L) = (16, 4)$`): the body is the tuple, the head
the tuple of its names when the prose names them (else empty: the coordinates are the claim's, see
`steps._coordinates`)."""
_TUPLE = re.compile(r"(?:\$|\\\()\s*(?:[A-Z]_?\d?\s*=?\s*|\(\s*([A-Za-z](?:\s*,\s*[A-Za-z]){1,2})\s*\)\s*=\s*)?(\(\s*-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?){1,2}\s*\))\s*(?:\$|\\\))")
_AT = re.compile(r"(?:\b(?:at|through|near)\s+(?:the\s+)?(?:points?\s+)?|\bpoint\s+|[点在]\s*)$", re.IGNORECASE)


def _stated_tuple(offset: int, after: "After | None") -> tuple[str, str] | None:
    """The last point stated as a tuple of numbers before the claim in its paragraph ("at the
    point $(3, 4)$", "at $P(1, 2)$", "$(K, L) = (16, 4)$"), with no other claim between: (the
    tuple of its names, or "", the tuple of its values)."""
    if after is None:
        return None
    start = max(0, offset - 400)
    found = None
    for match in _TUPLE.finditer(after.text, start, offset):
        if match.group(1) or _AT.search(after.text[max(0, match.start() - 30):match.start()]):
            found = match  # named (`$(K, L) = (16, 4)$`), or after "at", "point", 点
    if found is None:
        return None
    between = list(_PARAGRAPH_BREAK.finditer(after.text, found.end(), offset))
    if len(between) > 1 or (between and not _CONTINUED.fullmatch(after.text, max(0, between[0].start() - 40), offset)):
        return None
    if any(found.end() <= other < offset for other, _ in after.claims) and _SENTENCE_END.search(after.text, found.end(), offset):
        return None  # another claim between, in another sentence: the point was for that one
    return f"({found.group(1)})" if found.group(1) else "", found.group(2)


def _distance(definition: Definition, offset: int, remote: set[str]) -> str:
    return "far" if definition.name in remote or offset - definition.offset > NEAR else "near"
