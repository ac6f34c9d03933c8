"""Plain data that flows between the pipeline stages.

read source -> find fragments -> recognise claims -> context -> verify -> findings -> report.
Every record is frozen and slotted; positions are always carried along so that a finding can
point at the exact character of the source file that it speaks of.
"""

from __future__ import annotations

import bisect
import enum
from dataclasses import dataclass, field
from typing import Mapping


class Verdict(str, enum.Enum):
    """What mathdoc concluded about one step of a claim."""

    VERIFIED = "verified"
    WRONG = "wrong"
    LAYOUT = "layout"
    UNCHECKED = "unchecked"


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Location:
    """A 1-based line and column (in characters) in the file a user opens."""

    line: int
    column: int
    cell: int | None = None
    """Index (0-based) of the notebook cell, when the source is a notebook."""
    cell_id: str | None = None
    """The notebook cell's id, where the notebook has one."""
    cell_line: int | None = None
    """1-based line inside the notebook cell."""
    cell_column: int | None = None
    """1-based column inside the notebook cell."""


@dataclass(frozen=True, slots=True)
class Source:
    """The decoded text of one input file.

    `text` is the text in which fragments are found.  For most formats it is the file itself; a
    reader whose text is not the file verbatim (a notebook's cells) supplies `locator`, which maps
    an offset of `text` to a `Location` in the real file.
    """

    path: str
    text: str
    kind: str
    """Which fragment finder reads it: "markdown", "latex", "notebook", "rst"."""
    notices: tuple[str, ...] = ()
    """Things worth telling the user that are not findings (a fallback encoding, say)."""
    locator: object | None = None
    line_starts: tuple[int, ...] = field(default=(), compare=False)
    dependencies: tuple[tuple[str, str], ...] = ()
    """Other files whose contents the reading depended on (a LaTeX file's inputs, looked for or
    read), each with its `sources.file_state` at reading time: a whole-file cache entry holds
    only while every one of them is unchanged."""

    def __post_init__(self) -> None:
        if not self.line_starts:
            starts = [0]
            starts.extend(i + 1 for i, ch in enumerate(self.text) if ch == "\n")
            object.__setattr__(self, "line_starts", tuple(starts))

    def locate(self, offset: int) -> Location:
        """Line and column of `offset` (0-based, in characters) of `text`."""
        if self.locator is not None:
            return self.locator(offset)  # type: ignore[operator]
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return Location(line=index + 1, column=offset - self.line_starts[index] + 1)


@dataclass(frozen=True, slots=True)
class Fragment:
    """One piece of math found in a source, delimiters removed."""

    text: str
    start: int
    """Offset in `Source.text` of `text[0]` when `offsets` is None."""
    display: bool
    offsets: tuple[int, ...] | None = None
    """Offset in `Source.text` of every character of `text`, when `text` is not a verbatim slice
    (indented list items, expanded macros); None when it is one."""
    error: str | None = None
    """Set when the finder saw that the math is broken (an unbalanced `$`)."""

    def source_offset(self, index: int) -> int:
        """Offset in the source of character `index` of `text`."""
        if self.offsets is None:
            return self.start + index
        if not self.offsets:
            return self.start
        return self.offsets[max(0, min(index, len(self.offsets) - 1))]


@dataclass(frozen=True, slots=True)
class Member:
    """One member of a relation chain `A = B = C`, as LaTeX with its place in the fragment."""

    text: str
    start: int
    """Offset of `text[0]` in `Fragment.text`."""


class ClaimKind(str, enum.Enum):
    SCALAR = "scalar"
    PARTIAL = "partial"
    GRADIENT = "gradient"
    JACOBIAN = "jacobian"
    ELEMENTWISE = "elementwise"
    CHAIN_RULE = "chain-rule"
    MATRIX_IDENTITY = "matrix-identity"


@dataclass(frozen=True, slots=True)
class Claim:
    """A relation chain of which some member holds a derivative."""

    fragment: Fragment
    members: tuple[Member, ...]
    kind: ClaimKind
    index: int
    """Position of the claim among the claims of its document, from 0."""
    problem: str | None = None
    """Set when the recogniser already knows the claim cannot be checked (broken delimiters)."""
    names: frozenset[str] = frozenset()
    """Keys of the names its members mention (for the definitions in scope)."""
    applied: frozenset[str] = frozenset()
    """Keys of the names its members apply as functions (`f(x)`)."""
    derivative: tuple[bool, ...] = ()
    """For each member: whether it holds derivative notation."""
    conventions: tuple[str, ...] = ()
    """For each member: "jacobian" when its value's orientation follows the Jacobian layout (a
    derivative by a vector or matrix), "gradient" when only a `\\nabla` of it does (the document's
    gradient convention, row or column, which may differ from its Jacobian layout), else ""."""


@dataclass(frozen=True, slots=True)
class Counterexample:
    point: Mapping[str, str]
    """Variable name -> value, as text."""
    lhs: str
    rhs: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the verifier says about one step (link) of a claim."""

    verdict: Verdict
    code: str
    message: str
    method: str | None = None
    """"symbolic", "numeric", "instantiated" or None."""
    expected: str | None = None
    """The correct value of the step's right-hand member, as LaTeX (for `wrong`)."""
    counterexample: Counterexample | None = None
    explicit_layout: bool = False
    """For `layout`: the document's layout was declared (not inferred)."""


@dataclass(frozen=True, slots=True)
class Finding:
    """The immutable record every reporter reads."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    latex: str
    kind: str
    step: int
    verdict: Verdict
    method: str | None
    severity: Severity
    code: str
    message: str
    expected: str | None = None
    counterexample: Counterexample | None = None
    location: Location | None = None
    """Extra location detail (notebook cell) when the source has it."""


@dataclass(frozen=True, slots=True)
class FileReport:
    path: str
    layout: str | None
    findings: tuple[Finding, ...]
    notices: tuple[str, ...] = ()
    source: Source | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Summary:
    files: int
    claims: int
    verified: int
    wrong: int
    layout: int
    unchecked: int

    @classmethod
    def of(cls, reports: tuple[FileReport, ...] | list[FileReport]) -> "Summary":
        findings = [f for r in reports for f in r.findings]
        count = {v: sum(1 for f in findings if f.verdict is v) for v in Verdict}
        return cls(
            files=len(reports),
            claims=len(findings),
            verified=count[Verdict.VERIFIED],
            wrong=count[Verdict.WRONG],
            layout=count[Verdict.LAYOUT],
            unchecked=count[Verdict.UNCHECKED],
        )
