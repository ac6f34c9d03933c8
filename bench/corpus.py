"""Measure mathdoc over the shared corpus: verdicts per source, unchecked reasons, error findings.

    python bench/corpus.py                            # check every source of ../shared/corpus/
    python bench/corpus.py --save bench/results/x.json    # ... and keep the raw JSON
    python bench/corpus.py --load bench/results/x.json    # report a saved run, no checking
    python bench/corpus.py --compare BEFORE.json AFTER.json   # before/after table
    python bench/corpus.py --corpus DIR --sources d2l-en,lebl-ra --jobs 2

Each subfolder of the corpus is a source. Every file of a source except its `SOURCE.md` (the
attribution, not a note) is passed to `python -m mathdoc check --format json --no-cache --jobs N`
by name, so that files mathdoc does not pick up by extension in a directory walk (`.qmd`) are
read too; the process runs in the corpus folder, so paths read `source/file`. The interpreter is
this one (`sys.executable`), so the venv's mathdoc is measured; PYTHONPATH passes through, which
lets an older checkout be measured (`PYTHONPATH=/tmp/old python bench/corpus.py`).

The output is Markdown: a table per source (files, claim steps, verified, wrong, layout,
unchecked, and unchecked by finding code), a total row, then every error-severity finding
(verdict `wrong` or `layout`) as `| file:line | code | latex | message |`, sorted by file and
line, to be adjudicated by hand. Why a script and not a one-off: the issue's acceptance compares
these figures before and after a redesign, so both runs must count the same way.

Saved runs are `{"commit": ..., "corpus": ..., "sources": {name: <mathdoc JSON>}}`; a source whose
run failed holds `{"error": "..."}` instead and is reported as such, never as a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus"
VERDICTS = ("verified", "wrong", "layout", "unchecked")
ERROR_VERDICTS = ("wrong", "layout")
CODE_ORDER = ("unparsed", "undefined-function", "equation", "timeout", "evaluation",
              "malformed-notation")
"""Unchecked codes shown first, in this order; any other code seen follows alphabetically."""
CELL_LIMIT = 120
RUN_TIMEOUT_S = 3600


@dataclass(frozen=True, slots=True)
class Tally:
    """The counts of one source (or of the total): what the table prints."""

    files: int
    steps: int
    verdicts: Mapping[str, int]
    unchecked_codes: Mapping[str, int]
    error: str = ""


@dataclass(frozen=True, slots=True)
class ErrorFinding:
    path: str
    line: int
    code: str
    latex: str
    message: str


# ---------------------------------------------------------------- running mathdoc


def source_files(source_dir: Path) -> list[str]:
    """Every file of a source, relative to the corpus, `SOURCE.md` left out, sorted."""
    names = [p for p in source_dir.rglob("*") if p.is_file() and p.name != "SOURCE.md"]
    return sorted(str(p.relative_to(source_dir.parent)) for p in names)


def run_mathdoc(cwd: Path, paths: list[str], jobs: int, extra: Iterable[str] = ()) -> dict[str, Any]:
    """mathdoc's JSON for `paths` (relative to `cwd`), or `{"error": why}`."""
    if not paths:
        return {"error": "no files"}
    cmd = [sys.executable, "-m", "mathdoc", "check", *paths, "--format", "json", "--no-cache",
           "--jobs", str(jobs), *extra]
    try:
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=RUN_TIMEOUT_S,
                              env=os.environ.copy())
    except (OSError, subprocess.SubprocessError) as exc:
        return {"error": f"could not run mathdoc: {exc}"}
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        return {"error": f"exit {proc.returncode}, no JSON: {' / '.join(tail)}"}
    if not isinstance(data, dict):
        return {"error": "mathdoc's JSON is not an object"}
    return data


def git_commit() -> str:
    """HEAD of this checkout, with `+dirty` when mathdoc/ has uncommitted changes."""
    def git(*args: str) -> str:
        try:
            out = subprocess.run(["git", "-C", str(REPO_ROOT), *args], capture_output=True,
                                 text=True, timeout=30)
        except (OSError, subprocess.SubprocessError):
            return ""
        return out.stdout.strip()
    head = git("rev-parse", "HEAD") or "unknown"
    return head + ("+dirty" if git("status", "--porcelain", "--", "mathdoc") else "")


def run_corpus(corpus: Path, sources: list[str] | None, jobs: int) -> dict[str, Any]:
    names = sources or sorted(p.name for p in corpus.iterdir() if p.is_dir())
    results: dict[str, Any] = {}
    for name in names:
        folder = corpus / name
        if not folder.is_dir():
            results[name] = {"error": f"no folder {folder}"}
            continue
        print(f"checking {name} ...", file=sys.stderr, flush=True)
        results[name] = run_mathdoc(corpus, source_files(folder), jobs)
    return {"commit": git_commit(), "corpus": str(corpus), "sources": results}


# ---------------------------------------------------------------- counting


def findings_of(data: Mapping[str, Any]) -> Iterable[tuple[str, Mapping[str, Any]]]:
    """(path, finding) for every well-formed finding; odd entries are skipped, not fatal."""
    files = data.get("files")
    for entry in files if isinstance(files, list) else []:
        if not isinstance(entry, dict):
            continue
        found = entry.get("findings")
        for finding in found if isinstance(found, list) else []:
            if isinstance(finding, dict):
                yield str(entry.get("path", "?")), finding


def tally(data: Mapping[str, Any]) -> Tally:
    if "error" in data:
        return Tally(0, 0, {}, {}, error=str(data["error"]))
    files = data.get("files")
    verdicts: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    for _, finding in findings_of(data):
        verdict = finding.get("verdict")
        if verdict not in VERDICTS:
            continue
        verdicts[str(verdict)] += 1
        if verdict == "unchecked":
            codes[str(finding.get("code") or "?")] += 1
    return Tally(len(files) if isinstance(files, list) else 0, sum(verdicts.values()),
                 dict(verdicts), dict(codes))


def total(tallies: Iterable[Tally]) -> Tally:
    files = steps = 0
    verdicts: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    for t in tallies:
        files += t.files
        steps += t.steps
        verdicts.update(t.verdicts)
        codes.update(t.unchecked_codes)
    return Tally(files, steps, dict(verdicts), dict(codes))


def code_columns(tallies: Iterable[Tally]) -> list[str]:
    seen = {code for t in tallies for code in t.unchecked_codes}
    return [c for c in CODE_ORDER if c in seen] + sorted(seen - set(CODE_ORDER))


def error_findings(saved: Mapping[str, Any]) -> list[ErrorFinding]:
    out = []
    for data in sources_of(saved).values():
        for path, f in findings_of(data):
            if f.get("verdict") in ERROR_VERDICTS:
                out.append(ErrorFinding(path, as_int(f.get("line")), str(f.get("code") or "?"),
                                        str(f.get("latex") or ""), str(f.get("message") or "")))
    return sorted(out, key=lambda e: (e.path, e.line, e.latex))


def as_int(value: object) -> int:
    if isinstance(value, (int, float, str)):
        try:
            return int(value)
        except ValueError:
            return 0
    return 0


def sources_of(saved: Mapping[str, Any]) -> dict[str, Any]:
    sources = saved.get("sources")
    return {str(k): v if isinstance(v, dict) else {"error": "not an object"}
            for k, v in (sources.items() if isinstance(sources, dict) else [])}


# ---------------------------------------------------------------- Markdown


def cell(text: str, limit: int = CELL_LIMIT) -> str:
    """One table cell: one line, at most `limit` characters, `|` escaped."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return flat.replace("|", "\\|")


def code_cell(text: str) -> str:
    return "`" + cell(text).replace("`", "'") + "`" if text else ""


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def row_of(name: str, t: Tally, codes: list[str]) -> list[str]:
    if t.error:
        return [name, cell(f"error: {t.error}")] + [""] * (5 + len(codes))
    counts = [t.files, t.steps] + [t.verdicts.get(v, 0) for v in VERDICTS]
    return [name] + [str(c) for c in counts] + [str(t.unchecked_codes.get(c, 0)) for c in codes]


def summary_table(saved: Mapping[str, Any]) -> str:
    tallies = {name: tally(data) for name, data in sorted(sources_of(saved).items())}
    all_ = total(tallies.values())
    codes = code_columns([all_])
    header = ["source", "files", "claim steps", *VERDICTS, *[f"unchecked: {c}" for c in codes]]
    rows = [row_of(name, t, codes) for name, t in tallies.items()]
    rows.append(row_of("**total**", all_, codes))
    return table(header, rows)


def errors_table(saved: Mapping[str, Any]) -> str:
    rows = [[f"{e.path}:{e.line}", e.code, code_cell(e.latex), cell(e.message)]
            for e in error_findings(saved)]
    return table(["file:line", "code", "latex", "message"], rows)


def report(saved: Mapping[str, Any]) -> str:
    errors = error_findings(saved)
    return "\n\n".join([
        f"mathdoc at commit `{saved.get('commit', 'unknown')}`, corpus `{saved.get('corpus', '?')}`",
        "## Verdicts per source\n\n" + summary_table(saved),
        f"## Error findings ({len(errors)})\n\n" + errors_table(saved),
    ]) + "\n"


def compare(before: Mapping[str, Any], after: Mapping[str, Any]) -> str:
    """One table, each cell `before → after`, rows the union of both runs' sources."""
    b_src, a_src = sources_of(before), sources_of(after)
    names = sorted(set(b_src) | set(a_src))
    b_t = {n: tally(b_src.get(n, {"error": "absent"})) for n in names}
    a_t = {n: tally(a_src.get(n, {"error": "absent"})) for n in names}
    b_all, a_all = total(b_t.values()), total(a_t.values())
    codes = code_columns([b_all, a_all])
    header = ["source", "files", "claim steps", *VERDICTS, *[f"unchecked: {c}" for c in codes]]
    rows = [pair_row(n, b_t[n], a_t[n], codes) for n in names]
    rows.append(pair_row("**total**", b_all, a_all, codes))
    errors = f"error findings: {len(error_findings(before))} → {len(error_findings(after))}"
    return (f"before `{before.get('commit', '?')}` → after `{after.get('commit', '?')}`\n\n"
            + table(header, rows) + "\n\n" + errors + "\n")


def pair_row(name: str, b: Tally, a: Tally, codes: list[str]) -> list[str]:
    left, right = row_of(name, b, codes)[1:], row_of(name, a, codes)[1:]
    return [name] + [x if x == y else f"{x} → {y}" for x, y in zip(left, right)]


# ---------------------------------------------------------------- command line


def load(path: str) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SystemExit(f"corpus.py: cannot read {path}: {exc}") from None
    if not isinstance(data, dict):
        raise SystemExit(f"corpus.py: {path} is not a saved run")
    return data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sources", help="comma-separated source folders (default: all)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--save", metavar="FILE", help="store the raw per-source JSON here")
    ap.add_argument("--load", metavar="FILE", help="report a saved run instead of checking")
    ap.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    ap.add_argument("--commit", help="label the run with this commit instead of this checkout's"
                    " HEAD (when PYTHONPATH points at another checkout)")
    args = ap.parse_args(argv)
    if args.compare:
        print(compare(load(args.compare[0]), load(args.compare[1])), end="")
        return 0
    if args.load:
        saved = load(args.load)
    elif not args.corpus.is_dir():
        print(f"corpus.py: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    else:
        sources = args.sources.split(",") if args.sources else None
        saved = run_corpus(args.corpus, sources, args.jobs)
        if args.commit:
            saved["commit"] = args.commit
    if args.save:
        Path(args.save).parent.mkdir(parents=True, exist_ok=True)
        Path(args.save).write_text(json.dumps(saved, indent=1, ensure_ascii=False) + "\n",
                                   encoding="utf-8")
    print(report(saved), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
