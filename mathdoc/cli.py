"""Command line: a thin layer over `checker`; `run(argv) -> int` does the work, `main` exits."""

from __future__ import annotations

import os
import sys
from typing import Iterator, Sequence

import click

from . import __version__, baseline, config, executors, suppress
from .checker import DEFAULT_TIMEOUT, Input, Options, iter_reports
from .codes import RULES, RULES_BY_CODE
from .model import FileReport, Finding, Severity, Verdict
from .reporters import FORMATS, render, report_format, terminal
from .reporters.escape import one_line
from .sources import SourceError
from .suggest import did_you_mean

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mathdoc")
def cli() -> None:
    """Check the derivative claims in mathematical notes."""


@cli.command(short_help="Check the derivative claims in files or directories.")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATS)), default="text", show_default=True, help="Output format.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), default=None, help="Also write an annotated report of every claim: report.html or report.md (by suffix).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help="Read this configuration file instead of looking for mathdoc.toml / pyproject.toml.")
@click.option("--verbose", "-v", is_flag=True, help="List verified claims too.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the findings that fail the run (see --fail-on), and the summary.")
@click.option("--fail-on", type=click.Choice([s.value for s in Severity]), default=None, help="Exit 1 when a finding of this severity or above is reported  [default: error]")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), default=None, help="Report only the findings not recorded in this baseline file.")
@click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False), default=None, help="Record the findings of this run in a baseline file (then exit 0).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=None, help=f"Seconds per claim step  [default: {DEFAULT_TIMEOUT:g}]")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes  [default: number of CPUs]")
@click.option("--layout", type=click.Choice(["numerator", "denominator"]), default=None, help="Layout for Jacobian-shaped claims when a document does not declare one.")
@click.option("--no-cache", is_flag=True, help="Do not read or write .mathdoc_cache/.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=".mathdoc_cache", show_default=True, help="Where the result cache lives.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default=None, help="Where files are checked: this machine's worker pool, or a Dask cluster  [default: local]")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="A running dask scheduler (tcp://HOST:8786); implies --executor dask. Without it, dask starts a LocalCluster of --jobs workers.")
@click.pass_context
def check(
    ctx: click.Context, paths: tuple[str, ...], output_format: str, report_path: str | None, config_file: str | None,
    verbose: bool, quiet: bool, fail_on: str | None, baseline_path: str | None, write_baseline: str | None,
    timeout: float | None, jobs: int | None, layout: str | None, no_cache: bool, cache_dir: str,
    executor: str | None, scheduler: str | None,
) -> None:
    """Check the claims in PATHS (files or directories; default: the current directory).

    Settings come from [tool.mathdoc] in pyproject.toml or from mathdoc.toml, found from the first
    path upwards; the options given here override them.
    """
    paths = paths or (".",)
    if report_path and report_format(report_path) is None:
        raise click.BadParameter(f"{report_path}: the report is .html or .md", param_hint="--report")
    try:
        overrides = {"timeout": timeout, "jobs": jobs, "layout": layout, "fail-on": fail_on, "baseline": baseline_path}
        overrides |= {"executor": executor or ("dask" if scheduler else None), "scheduler": scheduler}
        settings = config.resolve(paths, overrides, config_file)
        accepted = baseline.read(settings.baseline) if settings.baseline and not write_baseline else None
    except (config.ConfigError, baseline.BaselineError) as exc:
        click.echo(f"mathdoc: {one_line(str(exc))}", err=True)
        ctx.exit(EXIT_USAGE)
    local_paths, url_notes, url_errors = executors.split_urls(paths)
    expansion = config.expand(local_paths, settings)
    notes, errors = expansion.notes + url_notes, expansion.errors + url_errors
    for message in errors + expansion.skipped:  # a skipped link is a notice: it does not change the exit code
        click.echo(f"mathdoc: {one_line(message)}", err=True)
    nothing_left = expansion.nothing_left(settings)
    if nothing_left:
        click.echo(f"mathdoc: {one_line(nothing_left)}", err=True)
    options = Options(
        timeout=settings.timeout, jobs=settings.jobs, layout=settings.layout, cache_dir=None if no_cache else cache_dir,
        keep_sources=bool(report_path),
    )
    distributed = settings.executor == "dask" or bool(url_notes)
    if distributed or (output_format == "jsonl" and not (report_path or write_baseline)):
        from .executors.cli_glue import run_executor  # dask, URLs and streamed jsonl (issue 13)

        outcome = run_executor(notes, options, settings, errors, output_format, quiet, report_path, write_baseline, accepted)
        if isinstance(outcome, int):
            ctx.exit(outcome)
        reports = outcome
    else:
        inputs = [Input(note.path, root=note.root) for note in notes]
        reports = _run_with_progress(inputs, options, errors, quiet=quiet or output_format != "text")
    reports = sort_reports(suppress.apply_configuration(reports, settings.disable, settings.severity))
    everything, baselined = reports, 0
    if write_baseline and not _write_baseline(write_baseline, reports):
        errors.append(write_baseline)
    if accepted is not None and settings.baseline:
        filtered = baseline.apply(reports, accepted, settings.baseline)
        reports, baselined = filtered.reports, filtered.baselined
    if report_path and not _write_report(report_path, reports):
        errors.append(report_path)
    shown = [_failing_only(r, settings.fail_on) for r in reports] if quiet else reports
    text = render(output_format, shown, verbose=verbose, summary_of=everything, baselined=baselined)
    if output_format == "text" and terminal.wants_colour(sys.stdout):
        terminal.write(text, sys.stdout)
    else:
        click.echo(text, nl=False)
    failed = not write_baseline and any(fails(f, settings.fail_on) for r in reports for f in r.findings)
    ctx.exit(EXIT_USAGE if errors else EXIT_FINDINGS if failed else EXIT_CLEAN)


def fails(finding: Finding, threshold: Severity) -> bool:
    """A problem (never a verified step, whose severity is info) at or above `threshold`."""
    return finding.verdict is not Verdict.VERIFIED and SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[threshold]


def sort_reports(reports: list[FileReport]) -> list[FileReport]:
    """Files by path, findings by line, column and step: the order a reader goes through them,
    whatever order the paths were given in or the claims were recognised in."""
    import dataclasses

    def position(finding: Finding) -> tuple[int, int, int]:
        return (finding.line, finding.column, finding.step)

    ordered = sorted(reports, key=lambda r: r.path)
    return [dataclasses.replace(r, findings=tuple(sorted(r.findings, key=position))) for r in ordered]


def _write_baseline(path: str, reports: list[FileReport]) -> bool:
    try:
        count = baseline.write(path, reports)
    except baseline.BaselineError as exc:
        click.echo(f"mathdoc: {one_line(str(exc))}", err=True)
        return False
    click.echo(one_line(f"mathdoc: baseline written to {path} ({count} finding{'s' if count != 1 else ''})"), err=True)
    return True


def _write_report(path: str, reports: list[FileReport]) -> bool:
    kind = report_format(path)
    assert kind is not None
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(render(kind, reports))
    except OSError as exc:
        click.echo(one_line(f"mathdoc: {path}: cannot write the report ({exc.strerror or exc})"), err=True)
        return False
    click.echo(one_line(f"report written to {path}"), err=True)
    return True


def _failing_only(report: FileReport, threshold: Severity) -> FileReport:
    import dataclasses

    return dataclasses.replace(report, findings=tuple(f for f in report.findings if fails(f, threshold)), notices=())


def _run_with_progress(inputs: list[Input], options: Options, errors: list[str], quiet: bool) -> list[FileReport]:
    """Check `inputs` (a bar on a terminal); a file that cannot be read is said at once and
    added to `errors`."""
    interactive = sys.stderr.isatty() and not os.environ.get("CI") and not quiet
    if not interactive:
        return _collect(iter_reports(inputs, options), errors)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("checking claims"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True) as progress:
        task = progress.add_task("check", total=None)
        return _collect(
            iter_reports(
                inputs, options, progress=lambda count: progress.advance(task, count),
                on_plan=lambda total: progress.update(task, total=total),
            ),
            errors,
        )


def _collect(reports: Iterator[FileReport | SourceError], errors: list[str]) -> list[FileReport]:
    kept = []
    for report in reports:
        if isinstance(report, SourceError):
            errors.append(str(report))
            click.echo(f"mathdoc: {one_line(str(report))}", err=True)
        else:
            kept.append(report)
    return kept


@cli.command()
@click.argument("code", required=False)
def rules(code: str | None) -> None:
    """List the finding codes, or explain CODE."""
    if code is None:
        width = max(len(r.code) for r in RULES)
        for rule in RULES:
            click.echo(f"{rule.code:<{width}}  {rule.severity.value:<7}  {rule.name}")
        return
    explained = RULES_BY_CODE.get(code)
    if explained is None:
        raise click.UsageError(f"unknown code {code!r}{did_you_mean(code, RULES_BY_CODE)}; `mathdoc rules` lists them")
    click.echo(
        f"{explained.code}: {explained.name} (default severity: {explained.severity.value})\n\n"
        f"{explained.explanation}\n\nExample: {explained.example}"
    )


EXIT_INTERRUPTED, EXIT_TERMINATED = 128 + 2, 128 + 15
"""What a shell reports for a process ended by SIGINT (Ctrl-C) or SIGTERM."""


class _Terminated(BaseException):
    """SIGTERM, turned into an exception so that the pool and the cache clean up on the way out
    (the workers are stopped, the results already checked are flushed to the cache)."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise _Terminated()


def run(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code instead of exiting."""
    import signal
    import threading

    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _raise_terminated) if main_thread else None
    try:
        return _run(argv)
    except KeyboardInterrupt:
        click.echo("mathdoc: interrupted", err=True)
        return EXIT_INTERRUPTED
    except _Terminated:
        click.echo("mathdoc: terminated", err=True)
        return EXIT_TERMINATED
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


def _run(argv: Sequence[str] | None) -> int:
    try:
        code = cli.main(args=list(argv) if argv is not None else None, prog_name="mathdoc", standalone_mode=False)
        if isinstance(code, int):
            return code
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except click.exceptions.Abort as exc:
        if isinstance(exc.__cause__, KeyboardInterrupt):  # click's name for Ctrl-C
            raise exc.__cause__ from None
        click.echo("Aborted.", err=True)
        return EXIT_USAGE
    return EXIT_CLEAN


def main() -> int:
    code = run()
    if "sympy" in sys.modules:
        # Tearing down SymPy's module graph costs ~80 ms at exit: everything is written and the
        # workers are gone, so leave at once (a pre-commit hook is run on every commit).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
