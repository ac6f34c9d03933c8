"""The command line's side of the executors: a progress bar, collecting reports for the formats
that need them all, and writing `--format jsonl` a file at a time."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from typing import Callable, Iterator, Sequence

from ..model import FileReport
from ..reporters.escape import one_line
from ..sources import Note
from . import Outcome, Progress, stream

if False:  # typing only, without importing the checker at start-up
    from ..checker import Options


def interactive(quiet: bool) -> bool:
    """Whether to draw a progress bar: a terminal on stderr, not CI, not --quiet."""
    return sys.stderr.isatty() and not os.environ.get("CI") and not quiet


class _Rate:
    """Steps per second since the run started, for the progress bar."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.steps = 0

    def add(self, steps: int) -> str:
        self.steps += steps
        elapsed = max(time.perf_counter() - self.started, 1e-6)
        return f"{self.steps / elapsed:,.0f} steps/s"


@contextlib.contextmanager
def progress_bar(total: int, show: bool) -> Iterator[Progress | None]:
    """A bar of files done / `total` and steps per second on stderr, or None when not shown."""
    if not show:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeElapsedColumn

    rate = _Rate()
    columns = (TextColumn("checking files"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"), TimeElapsedColumn())
    # stdout is not redirected: the jsonl lines written meanwhile go where stdout goes (a file, a pipe)
    with Bar(*columns, console=Console(stderr=True), transient=True, redirect_stdout=False) as bar:
        task = bar.add_task("check", total=total, rate="")

        def advance(files: int, steps: int) -> None:
            bar.update(task, advance=files, rate=rate.add(steps))

        yield advance


def outcomes(
    notes: Sequence[Note], options: "Options", executor: str, scheduler: str | None, show_progress: bool, keep_source: bool,
) -> Iterator[Outcome]:
    """Every note's outcome in order, with the progress bar drawn meanwhile."""
    with progress_bar(len(notes), show_progress) as advance:
        yield from stream(notes, options, executor, scheduler, progress=advance, keep_source=keep_source)


def gather(
    notes: Sequence[Note], options: "Options", executor: str, scheduler: str | None, errors: list[str],
    show_progress: bool, keep_source: bool, echo: Callable[[str], None],
) -> list[FileReport]:
    """The reports of every note that could be checked; the others' messages go to `errors`
    (and to stderr through `echo`), as an unreadable file does in a local run."""
    reports = []
    for outcome in outcomes(notes, options, executor, scheduler, show_progress, keep_source):
        if outcome.report is not None:
            reports.append(outcome.report)
        else:
            message = outcome.error or f"{outcome.path}: not checked"
            errors.append(message)
            echo(f"mathdoc: {one_line(message)}")
    return reports


def write_jsonl(
    notes: Sequence[Note], options: "Options", executor: str, scheduler: str | None, errors: list[str],
    show_progress: bool, prepare: Callable[[FileReport], tuple[FileReport, bool]], echo: Callable[[str], None],
    write: Callable[[str], None],
) -> bool:
    """Write `--format jsonl` as files complete, in the order of `notes`.  `prepare` gives what a
    report shows (configuration, baseline, --quiet applied) and whether it fails the run; nothing
    of a file is kept once its line is written.  Returns whether any file failed the run."""
    from ..reporters.jsonl import Tally, error_line, file_line, summary_line

    tally = Tally()
    failed = False
    for outcome in outcomes(notes, options, executor, scheduler, show_progress, keep_source=False):
        if outcome.report is None:
            message = outcome.error or f"{outcome.path}: not checked"
            errors.append(message)
            echo(f"mathdoc: {one_line(message)}")
            tally.errors += 1
            write(error_line(outcome.path, message))
            continue
        shown, fails = prepare(outcome.report)
        failed = failed or fails
        tally.add(shown)
        write(file_line(shown))
    write(summary_line(tally))
    return failed
