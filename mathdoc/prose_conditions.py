"""The conditions a claim's prose states, read on the source text in the main process.

A step that holds only under a condition comes back from the worker `unchecked` with the
condition it needs (`LayoutResult.condition`: a symmetric matrix, labels that sum to 1, a range
of a constant or of the variable); here the paragraphs that lead to the claim, and its own
sentence, are read for it.  A counterexample outside the range the claim's sentence states
(`whenever $z < 0$`) does not stand under the text's condition.  Nothing here loads SymPy or the
grammar unless a condition is to be read (a warm run from the cache never does).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Claim, Source
from .outcome import LayoutResult


_STATED = {
    "symmetric": re.compile(r"\bsymmetric\b|对称"),
    "probabilities": re.compile(r"one-hot|\bprobabilit|\bsums? to (?:1|one)\b|\bdistribution\b|独热|概率"),
}
"""The words that state a step's condition (`LayoutResult.condition`), in the paragraph before it."""
_CAPITAL = re.compile(r"(?<![A-Za-z\\])[A-Z](?![A-Za-z])|(?<=\\)(?:Sigma|Lambda|Gamma|Omega|Phi|Psi|Theta|Delta|Pi|Xi)(?![A-Za-z])")
_SETS = re.compile(r"\\(?:mathbb|mathcal|mathscr|mathfrak)\s*(?:\{[^{}]*\}|\\?[A-Za-z])|\\R\b")
_NOT_STATED = re.compile(r"\b(?:unless|not|non-?|need not|necessarily)\b|[非不未]")
_HEADING = re.compile(r"^(?:#{1,6}\s|\\(?:sub)*section\*?\{)", re.MULTILINE)


def stated_conditions(source: Source, claim: Claim, result: LayoutResult) -> LayoutResult:
    """A step that holds only under a condition: verified when the paragraphs that lead to it
    state the condition ("for symmetric A", one-hot labels, `$0 < \\alpha < 1$`); else a symmetric
    matrix the prose does not declare makes it wrong, and labels that may not sum to 1 leave it
    unchecked."""
    kind, _, name = (result.condition or "").partition(" ")
    start = claim.fragment.source_offset(claim.members[0].start)
    last = claim.members[-1]
    # the paragraphs before the claim, and the claim itself (`= 2\\mathbf x^\\top A \\quad \\text{if } A = A^\\top`)
    claim_end = claim.fragment.source_offset(last.start + len(last.text))
    after = source.text[claim_end:claim_end + 80]
    after = after[:after.find("\n\n")] if "\n\n" in after else after  # not the next paragraph's "for a general A"
    paragraph = _leading_text(source.text, start) + source.text[start:claim_end] + after
    from .constant_ranges import DOMAIN, KIND as RANGE, stated_range  # here: a warm run never loads the grammar

    if kind == DOMAIN:  # `\\frac{d}{dx}\\sqrt{x^2} = 1` "for x > 0", or `= 1, \\quad x > 0`
        stated = stated_range(_sentence(source, claim, across_a_break=True), result.condition or "")  # the variable's range: in the claim's sentence
        if stated is not None and stated[1] is None:
            return replace(result, status="equal", code="verified", message=f"holds for {stated[0]}, as the text states")
        return result

    if kind == RANGE:
        stated = stated_range(paragraph, result.condition or "")
        if stated is None:
            return result
        formula, fails = stated
        if fails is None:
            return replace(result, status="equal", code="verified", message=f"holds for {formula}, as the prose states")
        return replace(result, status="differs", code="wrong-derivative", point=None, expected=None,
                       message=f"it does not hold for {formula}, the range the prose states (it fails at {fails}; it holds for other values)")
    if kind == "symmetric" and _states_symmetric(paragraph, name, len(paragraph) - len(after) - (claim_end - start)):
        return replace(result, status="equal", code="verified", message=f"holds for a symmetric `{name}`, as the prose states")
    if kind == "probabilities" and _STATED["probabilities"].search(paragraph):
        return replace(result, status="equal", code="verified", message=f"holds for entries of `{name}` that sum to 1, as the prose states")
    if result.status == "transposed":
        return result  # the transpose it stays (a layout finding) when the prose does not say the matrix is symmetric
    if kind == "symmetric":
        return replace(result, status="differs", code="wrong-derivative", message=f"{result.otherwise}; it holds only for a symmetric `{name}`, which the document does not say")
    return result


_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)|[。！？；]|\n\s*\n")
_SENTENCE_END_NOT_A_BREAK = re.compile(r"[.!?;](?:\s|$)|[。！？；]|^#{1,6}\s.*$|\\(?:sub)*section\*?\{.*$", re.MULTILINE)
_DISPLAY_THEN_SENTENCE = re.compile(r"(?:\$\$|\\\]|\\end\{[A-Za-z*]+\})\s*(?=[A-Z])")


def _sentence(source: Source, claim: Claim, across_a_break: bool = False) -> str:
    """The claim's own sentence (within 300 characters either side of it); with `across_a_break`,
    also where it begins before a blank line ("For $x > 0$,", a blank line, the display)."""
    start = claim.fragment.source_offset(claim.members[0].start)
    last = claim.members[-1]
    end = claim.fragment.source_offset(last.start + len(last.text))
    before = source.text[max(0, start - 300):start]
    ends = _SENTENCE_END if not across_a_break else _SENTENCE_END_NOT_A_BREAK
    cut = max((m.end() for m in ends.finditer(before)), default=0)
    after = source.text[end:end + 300]
    stop = next((m.start() for m in _SENTENCE_END.finditer(after)), len(after))
    closed = _DISPLAY_THEN_SENTENCE.search(after)  # `\\]`, then "The exponential linear unit …": another sentence
    stop = min(stop, closed.start()) if closed else stop
    return before[cut:] + source.text[start:end] + after[:stop]


def _leading_text(text: str, start: int) -> str:
    """The paragraph of a claim and the two before it (a display often stands in a paragraph of
    its own: "Let A be symmetric and", the display of q, "then ∇q = Ax"), within 800 characters
    and after the last heading."""
    cut = start
    for _ in range(3):
        cut = text.rfind("\n\n", 0, cut) if cut > 0 else -1
        if cut < 0:
            break
    leading = text[max(cut, start - 800, 0):start]
    headings = list(_HEADING.finditer(leading))
    return leading[headings[-1].end():] if headings else leading


def _states_symmetric(text: str, name: str, claim_at: int) -> bool:
    """A sentence that calls the matrix `name` symmetric, or says it equals its transpose, and no
    later one that takes it general ("for a general $A$", "A 不要求对称": the latest word on it wins)."""
    letter = re.escape(name.replace("bold:", ""))
    transpose = r"\s*\^\s*\{?\s*(?:\\top|T|\\intercal|\\mathsf\{?T\}?)\s*\}?"
    said = [m.start() for m in re.finditer(rf"(?<![A-Za-z\\]){letter}\s*=\s*{letter}{transpose}|(?<![A-Za-z\\]){letter}{transpose}\s*=\s*{letter}(?![A-Za-z])", text)]
    # the capital nearest the word, within 40 characters (`$A$ is symmetric`, `symmetric matrix $A$`;
    # in "C is square and A is symmetric" it is A)
    capitals = [(m.start(), m.group(0)) for m in _CAPITAL.finditer(_SETS.sub(lambda m: " " * len(m.group(0)), text))]  # not the R of `\\mathbb{R}^{n\\times n}`
    denied: list[int] = []
    for word in list(_STATED["symmetric"].finditer(text)) + list(_GENERAL.finditer(text)):
        near = [(abs(at - word.start()), letter) for at, letter in capitals if abs(at - word.start()) <= 40]
        if not near or min(near)[1] != name.replace("bold:", ""):
            continue
        general = _GENERAL.fullmatch(word.group(0)) is not None
        if general or _NOT_STATED.search(text[max(0, word.start() - 25):word.start()]):
            denied.append(word.start())  # "not necessarily symmetric", "for a general A": the matrix is not said to be symmetric
        elif not (_CONDITIONAL.search(text[max(0, word.start() - 25):word.start()]) and _SENTENCE_END.search(text, word.start(), claim_at)):
            said.append(word.start())  # "when A is symmetric, it reduces to 2Ax." speaks of its own sentence only
    return bool(said) and max(said) > max(denied, default=-1)


_CONDITIONAL = re.compile(r"\b(?:when|whenever|if)\b|当|若|如果", re.IGNORECASE)
_GENERAL = re.compile(r"\b(?:general|arbitrary|any square)\b|一般|任意|不要求对称|不一定对称", re.IGNORECASE)
"""Words by which the prose takes a matrix as not (necessarily) symmetric."""


def outside_a_stated_range(source: Source, claim: Claim, point: "tuple[tuple[str, str], ...]") -> str | None:
    """The range the claim's own sentence states for a letter of the counterexample `point` that
    the counterexample lies outside (see `constant_ranges.outside_a_stated_range`), else None."""
    from .constant_ranges import outside_a_stated_range as outside

    return outside(_sentence(source, claim), point)


_QUOTED = re.compile(
    r"\b(?:mistakes?|slips?|misconceptions?|pitfalls?|fallac(?:y|ies)|blunders?|tempting|wrongly|incorrectly|erroneously|mistakenly|bogus)\b"
    r"|\b(?:is|are|was|be|looks?|seems?)\s+(?:\w+\s+)?(?:wrong|incorrect|false)\b|\b(?:wrong|incorrect|false)\s+(?:formula|rule|claim|answer|statement|step|derivative)"
    r"|\b(?:student|someone|somebody|people)\s+(?:\w+\s+)?(?:claims?|writes?|thinks?|argues?|asserts?|believes?)\b"
    r"|\bcounter-?examples?\b|错误|误区|易错|常见的错|反例|不成立|并不成立|是错的|不对", re.IGNORECASE)
"""The words by which a text quotes a formula as a mistake (to warn of it, or to refute it)."""


def quoted_as_mistake(source: Source, claim: Claim) -> str | None:
    """The words of the claim's own sentence, or of the sentence after it, that present the
    claim as a mistake ("A common exam slip is to write …", "A student claims … Find a
    counterexample."), else None."""
    sentence = _sentence(source, claim)
    last = claim.members[-1]
    end = claim.fragment.source_offset(last.start + len(last.text))
    after = source.text[end:end + 300]
    paragraph = re.search(r"\n[ \t]*\n", after)  # the next sentence, in the claim's paragraph
    after = after[:paragraph.start()] if paragraph else after
    first = _SENTENCE_END.search(after)
    following = after[first.end():] if first else ""
    then = _SENTENCE_END.search(following)
    texts = (sentence, following[:then.start()] if then else following)
    found = next((m for m in (_QUOTED.search(_uncommented(text, source.kind)) for text in texts) if m), None)
    return found.group(0) if found else None


_COMMENTS = {"latex": re.compile(r"(?<!\\)%[^\n]*"), "": re.compile(r"<!--.*?(?:-->|$)|^.*?-->", re.DOTALL)}


def _uncommented(text: str, kind: str) -> str:
    """The prose a reader sees: without HTML comments (`<!-- deliberate mistake -->`), or LaTeX ones."""
    return _COMMENTS.get(kind, _COMMENTS[""]).sub(" ", text)


def sentence_layout(source: Source, claim: Claim) -> str | None:
    """The layout the claim's own paragraph names, up to its sentence ("Some texts use the numerator
    layout instead. There the same derivative reads …"): it holds for that claim, whatever the
    document's layout."""
    from .context import _PROSE

    start = claim.fragment.source_offset(claim.members[0].start)
    before = source.text[max(0, start - 300):start]
    breaks = list(re.finditer(r"\n[ \t>]*\n", before))
    paragraph = before[breaks[-1].end():] if breaks else before  # the claim's paragraph ("Some texts use the numerator layout. There …")
    text = paragraph + _sentence(source, claim)
    found = _PROSE.search(text)
    if found is None or len({(m.group(1) or m.group(2) or "").lower() for m in _PROSE.finditer(text)}) > 1:
        return None  # none named, or both (a comparison of the two)
    word = (found.group(1) or "").lower()
    return word if word else ("numerator" if found.group(2) == "分子" else "denominator")
