"""Where the files of a run are checked: `local` (this machine's worker pool) or `dask` (a
`dask.distributed` cluster).  Both yield one `Outcome` per listed file, in input order, as files
complete, so a reporter can stream (`--format jsonl`) instead of holding the whole corpus.

Whatever the executor, a file is checked by `checker.check_sources` with the same `Options`, so
verdicts, time limits, cache keys and the report of every file are the same.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from ..model import FileReport
from ..sources import Note, SourceError
from .urls import URL_ROOT, is_url, list_url, local_path, read_note, url_notes

if TYPE_CHECKING:
    from ..checker import Options
    from ..config import Settings

EXECUTORS = ("local", "dask")

LOCAL_BATCH = 32
"""Files checked together by a streaming local run: enough for the pool to stay busy, few enough
that the client holds only a handful of sources at a time."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one listed file: its report, or the message that says why it was not checked."""

    path: str
    report: FileReport | None = None
    error: str | None = None


Progress = Callable[[int, int], None]
"""progress(files_done, steps_done): called as files complete (counts since the last call)."""


def list_notes(paths: Sequence[str], settings: "Settings") -> tuple[list[Note], list[str], list[str]]:
    """`config.expand_notes` that also takes URLs: (notes, errors, skipped), in argument order.

    A `file://` URL is its local path; any other URL is listed through fsspec (names only)."""
    from ..config import expand_notes

    if not any(is_url(p) for p in paths):
        return expand_notes(paths, settings)
    notes: list[Note] = []
    errors: list[str] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for raw in paths:
        local = local_path(raw) if is_url(raw) else raw
        if local is not None:
            found, problems, outside = expand_notes([local], settings)
            skipped.extend(outside)
        else:
            urls, problems = list_url(raw)
            found = url_notes(urls)
        errors.extend(problems)
        for note in found:
            if note.path not in seen:
                seen.add(note.path)
                notes.append(note)
    return notes, errors, skipped


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
    """Read and check `notes` here, in one `check_sources` call: the unit of work of every executor
    (a dask task runs exactly this on its worker).  `shown`: the paths to report (as the user
    gave them), when `notes` carry other names for the same files (absolute paths for a worker
    whose working directory is not the client's)."""
    from ..checker import check_sources

    names = list(shown) if shown is not None else [note.path for note in notes]
    outcomes: list[Outcome | None] = []
    sources = []
    for note, name in zip(notes, names):
        try:
            sources.append(read_note(note, name))
            outcomes.append(None)
        except SourceError as exc:
            outcomes.append(Outcome(name, error=str(exc)))
    reports = iter(check_sources(sources, options, pool=pool) if sources else [])  # type: ignore[arg-type]
    result = []
    for name, outcome in zip(names, outcomes):
        if outcome is None:
            report = next(reports)
            outcome = Outcome(name, report=report if keep_source else replace(report, source=None))
        result.append(outcome)
    return result


def steps_of(outcome: Outcome) -> int:
    """The claim steps a file's report accounts for (one finding per step)."""
    return len(outcome.report.findings) if outcome.report is not None else 0


def stream_local(notes: Sequence[Note], options: "Options", progress: Progress | None = None, keep_source: bool = True) -> Iterator[Outcome]:
    """Outcomes in input order, checked `LOCAL_BATCH` files at a time with one warm worker pool,
    so that only one batch of sources is in memory at once."""
    from ..checker import worker_pool

    if not notes:
        return
    with worker_pool(options) as pool:
        pool.start()
        for start in range(0, len(notes), LOCAL_BATCH):
            batch = check_notes(notes[start : start + LOCAL_BATCH], options, keep_source, pool)
            for outcome in batch:
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


__all__ = ["EXECUTORS", "Outcome", "check_notes", "list_notes", "split_urls", "stream", "stream_local", "steps_of"]
