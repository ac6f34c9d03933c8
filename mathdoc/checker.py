"""Run the pipeline over sources: fragments -> claims -> context -> steps -> findings.

Only syntax is handled in this process; every step that needs SymPy becomes a task for the
worker pool of `mathdoc.timelimit`, so a warm cache never imports SymPy and a slow claim never
holds up the rest.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from .codes import RULES_BY_CODE
from .model import Claim, Counterexample, FileReport, Finding, Severity, Source, Verdict
from .outcome import LayoutResult
from .prose_conditions import outside_a_stated_range, quoted_as_mistake, sentence_layout, stated_conditions
from .sources import SourceError

if TYPE_CHECKING:
    from .claims import Recognised
    from .context import LayoutDeclaration
    from .timelimit import TaskResult, WorkerPool

DEFAULT_TIMEOUT = 10.0


@dataclass(frozen=True)
class Options:
    timeout: float = DEFAULT_TIMEOUT
    """Seconds allowed for one step of a claim (hard limit, in a worker process)."""
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    layout: str | None = None
    """Configured layout; a directive in a document still wins."""
    cache_dir: str | None = None
    """Directory of the result cache; None disables it."""
    keep_sources: bool = True
    """Whether reports carry their `Source` (the HTML report needs it); without it, a file whose
    result is in the whole-file cache is not decoded or parsed at all."""


@dataclass(frozen=True, slots=True)
class Input:
    """A file to check, not read yet: the whole-file cache looks at its bytes first."""

    path: str
    """The path as findings show it, and where it is read from unless `location` says otherwise."""
    root: str | None = None
    """The directory its `\\input`s must lie inside (see `sources.checked_root`)."""
    location: str | None = None
    """Where to read it, when that is not `path` (a dask worker reads an absolute path)."""

    def read(self) -> bytes:
        from .sources import read_file_bytes

        return read_file_bytes(self.location or self.path, self.path)

    def source(self, data: bytes) -> Source:
        from .sources import source_from_bytes

        return source_from_bytes(data, self.location or self.path, self.path, self.root)


Task = tuple[str, str, tuple[tuple[str, str, str], ...]]


@dataclass
class _Step:
    claim: Claim
    number: int
    task: Task


@dataclass
class _Plan:
    source: Source
    recognised: Recognised
    declaration: LayoutDeclaration | None
    steps: list[_Step]
    timeout: float
    gradient: LayoutDeclaration | None = None
    """The gradient convention declared apart from the Jacobian layout (`context.declared_gradient`)."""


def plan(source: Source, options: Options) -> _Plan:
    # Imported here: a run whose files are all in the whole-file cache never loads the parser.
    from .claims import recognise
    from .context import CONDITION, After, declared_gradient, declared_layout, definitions_in_scope, headings, matrix_notation
    from .fragments import find_fragments
    from .prose_definitions import read_in_prose, stated_condition
    from .grammar.tokens import function_names, spelled_names, spelling

    fragments = find_fragments(source)
    with spelling(spelled_names(fragment.text for fragment in fragments), function_names(fragment.text for fragment in fragments)):
        recognised = recognise(fragments)
    recognised = replace(recognised, definitions=read_in_prose(source.text, recognised.definitions))
    steps: list[_Step] = []
    sections = headings(source)
    offsets = tuple((claim.fragment.source_offset(claim.members[0].start), claim.names) for claim in recognised.claims)
    declaration = declared_layout(source, options.layout)
    # a declared layout, or a transpose, makes plain `Wx` plausibly a matrix times a vector (see `plain_vectors`)
    declared = matrix_notation((fragment.text for fragment in fragments), declaration)
    for claim in recognised.claims:
        if claim.problem:
            continue
        offset = claim.fragment.source_offset(claim.members[0].start)
        last = claim.members[-1]
        after = After(claim.fragment.source_offset(last.start + len(last.text)), source.text, offsets, offset)
        scope = definitions_in_scope(recognised.definitions, offset, claim.names, claim.applied, sections, after) + declared
        condition = stated_condition(source.text, offset, after.end)  # `= 2r` "for $|r| < c$": checked inside that region
        scope += (("", condition, CONDITION),) if condition else ()
        for number in range(1, len(claim.members)):
            lhs, rhs = claim.members[number - 1].text, claim.members[number].text
            steps.append(_Step(claim, number, (lhs, rhs, scope)))
    return _Plan(source, recognised, declaration, steps, options.timeout, declared_gradient(source))


def _check_in_worker(lhs: str, rhs: str, scope: tuple[tuple[str, str, str], ...], proof_seconds: float) -> object:
    """What a worker runs: SymPy is imported there, so the main process can stay without it."""
    from .steps import check_step

    return check_step(lhs, rhs, scope, proof_seconds=proof_seconds)


def _warm_worker() -> None:
    from .steps import check_step

    check_step("\\frac{d}{dx}x^2", "2x", ())  # imports SymPy and fills its caches


def worker_pool(options: Options) -> "WorkerPool":
    import functools

    from .timelimit import WorkerPool

    check = functools.partial(_check_in_worker, proof_seconds=max(0.2, options.timeout * 0.5))
    return WorkerPool(check, options.jobs, options.timeout, warmup=_warm_worker)


def run_tasks(
    tasks: list[Task], options: Options, progress: Callable[[int], None] | None = None, pool: "WorkerPool | None" = None,
) -> list[TaskResult]:
    """Results of `steps.check_step` for each task (cached, deduplicated, in worker processes)."""
    from . import cache as cache_module

    unique: dict[Task, int] = {}
    for task in tasks:
        unique.setdefault(task, len(unique))
    keys = list(unique)
    results: dict[Task, TaskResult] = {}
    store = cache_module.open_cache(options.cache_dir, variant=_step_variant(options))
    missing = []
    for task in keys:
        hit = store.get(task) if store else None
        if hit is not None:
            results[task] = hit
        else:
            missing.append(task)
    if progress and len(keys) > len(missing):
        progress(len(keys) - len(missing))
    if missing:

        def done(index: int, result: TaskResult) -> None:
            if store:
                store.put(missing[index], result)  # stored at once: an interrupted run keeps it
            if progress:
                progress(1)

        own_pool = pool is None
        pool = pool or worker_pool(options)
        try:
            outcomes = pool.run(missing, on_done=done)
        finally:
            if own_pool:
                pool.close()
            if store:
                store.flush()  # also when interrupted (Ctrl-C, SIGTERM): what was checked is kept
        for task, outcome in zip(missing, outcomes):
            results[task] = outcome
    if store:
        store.flush()
    return [results[task] for task in tasks]


def _step_variant(options: Options) -> str:
    return f"timeout={options.timeout!r}"


def _file_variant(options: Options) -> str:
    return f"timeout={options.timeout!r};layout={options.layout!r}"


def check_sources(
    sources: list[Source], options: Options, progress: Callable[[int], None] | None = None,
    on_plan: Callable[[int], None] | None = None, pool: "WorkerPool | None" = None,
) -> list[FileReport]:
    """Reports for `sources`; `pool` is a warm pool to use (and leave open) instead of a new one."""
    reports = []
    for report in iter_reports(sources, options, progress, on_plan, pool):
        assert isinstance(report, FileReport)  # a Source is already read: nothing can fail to read
        reports.append(report)
    return reports


def iter_reports(
    inputs: Iterable[Source | Input | SourceError], options: Options, progress: Callable[[int], None] | None = None,
    on_plan: Callable[[int], None] | None = None, pool: "WorkerPool | None" = None,
) -> Iterator[FileReport | SourceError]:
    """One report per input, in input order, each as soon as its file is done.

    Files are read and planned in a thread while the workers check what is already planned, so
    the first step reaches a worker as soon as the first file is planned.  An `Input` is looked
    up in the whole-file cache by its bytes before it is read any further; one that cannot be
    read yields its `SourceError` (and a `SourceError` given as an input, for a file the caller
    could not read, is yielded in its place)."""
    from .stream import Run

    run = Run(options, worker_pool, progress, on_plan)
    yield from run.reports(iter(inputs), pool)


def _report(p: _Plan, results: list[TaskResult]) -> FileReport:
    from . import suppress

    source = p.source
    findings: list[Finding] = []
    declaration = p.declaration
    gradient = p.gradient or p.declaration  # a declared layout holds gradients too, unless they are declared apart
    by_claim: dict[int, list[tuple[_Step, TaskResult]]] = {}
    for step, result in zip(p.steps, results):
        by_claim.setdefault(step.claim.index, []).append((step, result))
    for claim in p.recognised.claims:
        if claim.problem:
            findings.append(_finding(source, claim, 1, Verdict.UNCHECKED, "unparsed", claim.problem, None))
            continue
        for step, result in by_claim.get(claim.index, []):
            if _gradient_step(step, declared=p.gradient is not None):
                # a step oriented only by `\\nabla`: held to the document's gradient convention,
                # which may differ from its Jacobian layout (numerator Jacobians, column gradients)
                finding, inferred = _judge(source, step, result, gradient, p.timeout, gradients=True)
                if inferred is not None and gradient is None:
                    gradient = inferred
            else:
                local = sentence_layout(source, step.claim) if declaration is not None else None
                if local is not None and local != declaration.layout:  # "in the numerator layout the same derivative reads …"
                    finding, _ = _judge(source, step, result, replace(declaration, layout=local, how="prose", line=source.locate(step.claim.fragment.source_offset(step.claim.members[0].start)).line), p.timeout)
                    findings.append(finding)
                    continue
                finding, inferred = _judge(source, step, result, declaration, p.timeout)
                if inferred is not None and declaration is None:
                    declaration = inferred
            findings.append(finding)
    layout = declaration.layout if declaration else None
    kept, unused = suppress.apply(source, findings)
    return FileReport(path=source.path, layout=layout, findings=kept, notices=source.notices + unused, source=source)


def _gradient_step(step: _Step, declared: bool = False) -> bool:
    """Both members of the step are oriented by gradients only (see `Claim.conventions`): a
    `\\nabla`, or, where the document declares its gradient convention (`declared`), the derivative
    of a scalar by a vector or matrix (`\\frac{\\partial L}{\\partial W}`)."""
    kinds = set(step.claim.conventions[step.number - 1 : step.number + 1])
    if "jacobian" in kinds:
        return False
    return "gradient" in kinds or (declared and "scalar by array" in kinds)


def _judge(source: Source, step: _Step, result: TaskResult, declaration: LayoutDeclaration | None, timeout: float, gradients: bool = False) -> tuple[Finding, LayoutDeclaration | None]:
    from .context import LayoutDeclaration
    claim, number = step.claim, step.number
    status = getattr(result, "status", "error")
    if status == "timeout":
        return _finding(source, claim, number, Verdict.UNCHECKED, "timeout", f"stopped after the time limit of {timeout:g} s per step", None), None
    if status != "ok":
        return _finding(source, claim, number, Verdict.UNCHECKED, "unparsed", f"internal error while checking: {getattr(result, 'value', result)}", None), None
    outcome = result.value  # verify.StepResult
    inferred = None
    if outcome.layout_sensitive:
        if declaration is None:
            holds = [layout for layout, r in outcome.by_layout if r.status == "equal"]
            if len(holds) == 1:
                inferred = LayoutDeclaration(holds[0], "inferred", source.locate(claim.fragment.source_offset(claim.members[0].start)).line)
            # with no layout known yet both are plausible readings: one that is undecided (a
            # condition, an unknown) keeps the step from being wrong by its orientation alone
            undecided = [layout for layout, r in outcome.by_layout if r.status not in ("differs", "shape", "transposed")]
            # wrong in both: show the layout in which the sides differ in value, not in orientation
            pointed = [layout for layout, r in outcome.by_layout if r.point is not None]
            layout = holds[0] if holds else undecided[0] if undecided else pointed[0] if pointed else "numerator"
        else:
            layout = declaration.layout
        other = "denominator" if layout == "numerator" else "numerator"
        mine, theirs = outcome.get(layout), outcome.get(other)
        if mine.status == "transposed" and mine.condition is not None:
            mine = stated_conditions(source, claim, mine)  # the transpose, unless the matrix is symmetric as the prose says
        if mine.status != "equal" and theirs.status == "equal":
            where = declaration or inferred
            origin = _origin(where, gradients)
            message = (
                f"this is the {_ORIENTATION[other]} result; the document writes gradients as {_ORIENTATION[layout].split()[0]}s{origin}" if gradients
                else f"this is the {other}-layout result; the document uses {layout} layout{origin}"
            )
            return _finding(source, claim, number, Verdict.LAYOUT, "layout-mismatch", message, mine), inferred
    else:
        mine = outcome.get("numerator")
    if mine.status in ("unchecked", "transposed") and mine.condition is not None:
        mine = stated_conditions(source, claim, mine)
    if mine.status == "equal":
        return _finding(source, claim, number, Verdict.VERIFIED, "verified", mine.message, mine), inferred
    if mine.status == "transposed":
        where = declaration or inferred
        layout_word = f"; the document uses {where.layout} layout{_origin(where)}" if where else ""
        message = f"the transpose of the correct value (numerator and denominator layout differ by a transpose){layout_word}"
        return _finding(source, claim, number, Verdict.LAYOUT, "layout-mismatch", message, mine), inferred
    if mine.status == "shape":
        return _finding(source, claim, number, Verdict.WRONG, "shape-mismatch", mine.message, mine), inferred
    if mine.status == "differs":
        code = mine.code
        if code == "wrong-derivative" and claim.derivative and not (claim.derivative[number - 1] or claim.derivative[number]):
            code = "wrong-step"
        message = mine.message
        if mine.point:
            stated = outside_a_stated_range(source, claim, mine.point)
            if stated is not None:  # `\\frac{d}{dz}\\max(\\alpha z, z) = \\alpha` "whenever $z < 0$"
                return _finding(source, claim, number, Verdict.UNCHECKED, "domain", f"{message} at a point outside the range the text states ({stated}); it is not checked inside that range", mine), inferred
        if mine.expected and len(mine.expected) <= _SHOWN_EXPECTED:
            message += f"; expected {mine.expected}"
        elif mine.expected:
            message += f"; the expected value is too long to show here ({len(mine.expected)} characters; it is in the JSON report)"
        if mine.point is not None:
            point = ", ".join(f"{_shown(k)} = {v}" for k, v in mine.point)
            message += f" (at {point}: left {mine.lhs_value}, right {mine.rhs_value})" if point else f" (left {mine.lhs_value}, right {mine.rhs_value})"
        quoted = quoted_as_mistake(source, claim)
        if quoted is not None:  # "A common exam slip is to write $(gh)' = g'h'$"
            return _finding(source, claim, number, Verdict.UNCHECKED, "quoted-mistake", f"the text presents this as a mistake (\"{quoted}\"), and it is one: {message}", mine), inferred
        return _finding(source, claim, number, Verdict.WRONG, code, message, mine), inferred
    return _finding(source, claim, number, Verdict.UNCHECKED, mine.code or "unparsed", mine.message, mine), inferred


_SHOWN_EXPECTED = 600
"""Characters: a longer expected value (a matrix of long entries) is left to the JSON report's `expected` field."""
_ACCENTED = re.compile(r"(?<![\\A-Za-z])(dot|ddot|hat|bar|tilde|vec|check|breve)\{")


def _shown(name: str) -> str:
    """A letter of a counterexample as written (`\\dot{r}`), not as the key `dot{r}`."""
    return _ACCENTED.sub(r"\\\1{", name)


_ORIENTATION = {"numerator": "row gradient", "denominator": "column gradient"}


def _origin(declaration: LayoutDeclaration | None, gradients: bool = False) -> str:
    if declaration is None:
        return ""
    if declaration.how == "configuration":
        return " (set in the configuration)"
    first = "the first gradient claim" if gradients else "the first Jacobian-shaped claim"
    word = {"directive": "declared by a directive", "prose": "declared", "inferred": f"inferred from {first}"}[declaration.how]
    return f" ({word} on line {declaration.line})"


def _finding(source: Source, claim: Claim, number: int, verdict: Verdict, code: str, message: str, detail: LayoutResult | None) -> Finding:
    members = claim.members
    right = members[number] if number < len(members) else members[-1]
    left = members[number - 1] if number - 1 < len(members) else members[0]
    fragment = claim.fragment
    start = source.locate(fragment.source_offset(right.start))
    end = source.locate(fragment.source_offset(right.start + max(len(right.text) - 1, 0)) + 1)
    rule = RULES_BY_CODE.get(code)
    severity = rule.severity if rule else Severity.INFO
    if verdict in (Verdict.WRONG, Verdict.LAYOUT):
        severity = Severity.ERROR  # an unchecked step keeps its code's severity (warning for timeout, domain, malformed)
    counterexample = None
    if detail is not None and detail.point is not None:
        counterexample = Counterexample(point=dict(detail.point), lhs=detail.lhs_value or "", rhs=detail.rhs_value or "")
    latex = f"{left.text} = {right.text}" if len(members) > 1 else left.text
    message = " ".join(message.split()).replace("`bold:", "`")  # one finding, one line; a bold name shown as its letter, not the key
    return Finding(
        path=source.path,
        line=start.line,
        column=start.column,
        end_line=end.line,
        end_column=end.column,
        latex=latex,
        kind=claim.kind.value,
        step=number,
        verdict=verdict,
        method=getattr(detail, "method", None) if verdict is Verdict.VERIFIED else None,
        severity=severity,
        code=code,
        message=message,
        expected=getattr(detail, "expected", None) if verdict in (Verdict.WRONG, Verdict.LAYOUT) else None,
        counterexample=counterexample if verdict is Verdict.WRONG else None,
        location=start if start.cell is not None else None,
    )
