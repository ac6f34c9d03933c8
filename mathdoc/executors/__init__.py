"""Where the files of a run are checked: `local` (this machine's worker pool) or `dask` (a
`dask.distributed` cluster).  Both yield one `Outcome` per listed file, in input order, as files
complete, so a reporter can stream (`--format jsonl`) instead of holding the whole corpus.

Whatever the executor, a file is checked by `checker.check_sources` with the same `Options`, so
verdicts, time limits, cache keys and the report of every file are the same.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from ..model import FileReport
from ..sources import Note, SourceError
from .urls import URL_ROOT, is_url, list_url, local_path, read_note

if TYPE_CHECKING:
    from ..checker import Options

EXECUTORS = ("local", "dask")



@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one listed file: its report, or the message that says why it was not checked."""

    path: str
    report: FileReport | None = None
    error: str | None = None


Progress = Callable[[int, int], None]
"""progress(files_done, steps_done): called as files complete (counts since the last call)."""


def split_urls(paths: Sequence[str]) -> tuple[list[str], list[Note], list[str]]:
    """(local paths, notes listed from the other URLs, errors): a `file://` URL becomes its local
    path, so it is expanded and read with every protection of a local run; the rest are listed
    through fsspec (their include/exclude filtering is not applied: name the files or folders)."""
    local: list[str] = []
    notes: list[Note] = []
    errors: list[str] = []
    seen: set[str] = set()
    for raw in paths:
        path = local_path(raw) if is_url(raw) else raw
        if path is not None:
            local.append(path)
            continue
        urls, problems = list_url(raw)
        errors.extend(problems)
        for url in urls:
            if url not in seen:
                seen.add(url)
                notes.append(Note(url, URL_ROOT))
    return local, notes, errors


def check_notes(
    notes: Sequence[Note], options: "Options", keep_source: bool = True, pool: object | None = None, shown: Sequence[str] | None = None,
) -> list[Outcome]:
    """Read and check `notes` here, in one streamed run: the unit of work of every executor (a
    dask task runs exactly this on its worker).  `shown`: the paths to report (as the user gave
    them), when `notes` carry other names for the same files (absolute paths for a worker whose
    working directory is not the client's)."""
    return list(_outcomes(notes, options, keep_source, pool, shown))


def _inputs(notes: Sequence[Note], names: Sequence[str]) -> Iterator[object]:
    """What the checker reads, lazily: a local file as an `Input` (the whole-file cache sees
    its bytes first), a URL read here into its `Source` (or the `SourceError` that says why not)."""
    from ..checker import Input

    for note, name in zip(notes, names):
        if note.root == URL_ROOT and is_url(note.path):
            try:
                yield read_note(note, name)
            except SourceError as exc:
                yield exc
        else:
            yield Input(name, root=note.root, location=note.path if note.path != name else None)


def _outcomes(
    notes: Sequence[Note], options: "Options", keep_source: bool, pool: object | None, shown: Sequence[str] | None,
) -> Iterator[Outcome]:
    from ..checker import iter_reports

    names = list(shown) if shown is not None else [note.path for note in notes]
    run_options = replace(options, keep_sources=keep_source)
    reports = iter_reports(_inputs(notes, names), run_options, pool=pool)  # type: ignore[arg-type]
    for name, report in zip(names, reports):
        if isinstance(report, SourceError):
            yield Outcome(name, error=str(report))
        else:
            yield Outcome(name, report=report)


def steps_of(outcome: Outcome) -> int:
    """The claim steps a file's report accounts for (one finding per step)."""
    return len(outcome.report.findings) if outcome.report is not None else 0


def stream_local(notes: Sequence[Note], options: "Options", progress: Progress | None = None, keep_source: bool = True) -> Iterator[Outcome]:
    """Outcomes in input order, as files complete: one streamed run, which reads only a few
    files ahead of the workers, so the sources held at once do not grow with the corpus."""
    for outcome in _outcomes(notes, options, keep_source, None, None):
        if progress:
            progress(1, steps_of(outcome))
        yield outcome


def stream(
    notes: Sequence[Note], options: "Options", executor: str = "local", scheduler: str | None = None,
    progress: Progress | None = None, keep_source: bool = True,
) -> Iterator[Outcome]:
    """One `Outcome` per note, in input order, from the chosen executor."""
    if executor == "dask":
        from .dask_cluster import stream_dask

        yield from stream_dask(notes, options, scheduler=scheduler, progress=progress, keep_source=keep_source)
    else:
        yield from stream_local(notes, options, progress, keep_source)


__all__ = ["EXECUTORS", "Outcome", "check_notes", "split_urls", "stream", "stream_local", "steps_of"]
