"""`mathdoc check` with `--executor dask`, with URLs, or with `--format jsonl`: the part of the
command that runs through `mathdoc.executors` instead of one `check_sources` call."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Sequence

import click

from ..model import FileReport
from ..reporters.escape import one_line
from ..sources import Note
from . import streaming

if TYPE_CHECKING:
    from ..checker import Options
    from ..config import Settings


def _echo_error(message: str) -> None:
    click.echo(message, err=True)


def _write(line: str) -> None:
    sys.stdout.write(line)
    sys.stdout.flush()  # a line per file as it completes: a reader of the pipe sees it at once


def run_executor(
    notes: Sequence[Note], options: "Options", settings: "Settings", errors: list[str], output_format: str,
    quiet: bool, report_path: str | None, write_baseline: str | None, accepted: Any,
) -> int | list[FileReport]:
    """The exit code of a streamed jsonl run, or the reports for the command's usual ending.

    A dask that is missing or cannot be used is a usage error (exit 2) that says what to do."""
    from ..cli import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE
    from .dask_cluster import DaskError, require_distributed

    try:
        if settings.executor == "dask":
            require_distributed()
        show = streaming.interactive(quiet)
        if output_format == "jsonl" and not (report_path or write_baseline):
            ordered = sorted(notes, key=lambda note: note.path)  # the order of the other formats
            failed = streaming.write_jsonl(
                ordered, options, settings.executor, settings.scheduler, errors, show,
                lambda report: _prepare(report, settings, quiet, accepted), _echo_error, _write,
            )
            return EXIT_USAGE if errors else EXIT_FINDINGS if failed else EXIT_CLEAN
        return streaming.gather(
            notes, options, settings.executor, settings.scheduler, errors, show, keep_source=report_path is not None, echo=_echo_error,
        )
    except DaskError as exc:
        click.echo(f"mathdoc: {one_line(str(exc))}", err=True)
        return EXIT_USAGE


def _prepare(report: FileReport, settings: "Settings", quiet: bool, accepted: Any) -> tuple[FileReport, bool]:
    """One report as the other formats show it: configuration, finding order, baseline, --quiet."""
    from .. import baseline, suppress
    from ..cli import _failing_only, fails, sort_reports

    [report] = sort_reports(suppress.apply_configuration([report], settings.disable, settings.severity))
    if accepted is not None and settings.baseline:
        [report] = baseline.apply([report], accepted, settings.baseline).reports
    failed = any(fails(f, settings.fail_on) for f in report.findings)
    return (_failing_only(report, settings.fail_on) if quiet else report), failed
