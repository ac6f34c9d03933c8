"""Fuzz campaign: generated inputs of every format through the CLI and the API (issue 9, acceptance 2).

    python bench/fuzz.py                    # 10,000 inputs of each format (Markdown, LaTeX, notebook, reST)
    python bench/fuzz.py --count 300 --seed 7

Not part of the test suite: it runs for minutes.  Inputs are mutations of the bundled samples/
(byte flips, truncation, inserted `$`, `{`, `\\frac{`, `\\begin{bmatrix}`, lone surrogates, NULs,
huge exponents, deep nesting, duplicated and swapped lines) and claims from a small random
grammar, wrapped the way each format writes math.  Every input goes

* through the CLI, in this process (`mathdoc.cli.run`, stdout and stderr captured), in batches of
  `--batch` files written to a temporary directory and checked as one directory, with the output
  format, `--report` and the cache varied from batch to batch;
* through the API, `mathdoc.check_text` (its text decoded with `surrogateescape`, so that invalid
  UTF-8 becomes lone surrogates).

It counts tracebacks (an uncaught exception, or "Traceback" on stderr), exit codes other than
0/1/2, hangs (wall time past `--timeout` x steps computed + `--slack`; a watchdog interrupts a
call that takes three times that), and output that is not JSON with `--format json` / `sarif`.
The last line is `fuzz: inputs=N tracebacks=T bad_exit=E hangs=H invalid_json=J`; the failing
inputs are saved under `--save` with a note of what went wrong.

Cost is kept low by reusing one worker pool for the whole campaign (the CLI and the API would
otherwise start a worker and import SymPy for every call) and by computing each distinct claim
step once, as the result cache would: what is fuzzed is everything around SymPy, which the
samples' steps already exercise.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import shutil
import signal
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FORMATS = ("markdown", "latex", "notebook", "rst")
SUFFIX = {"markdown": ".md", "latex": ".tex", "notebook": ".ipynb", "rst": ".rst"}
OUTPUTS = ("json", "text", "json", "sarif", "github")
ALLOWED_EXITS = {0, 1, 2}
INSERTIONS = (
    "$", "$$", "{", "}", "\\frac{", "\\begin{bmatrix}", "\\end{bmatrix}", "\\\\", "&", "^", "_",
    "\\left(", "\\right)", "\\partial", "\\nabla", "= ", "\\frac{d}{dx}", "%", "\n", "\n\n", "`",
    "<!-- mathdoc: ignore -->", "\\newcommand{\\a}{\\a}", "\\def\\b{\\b\\b}", "\\input{", ".. math::\n\n   ",
    ":math:`", "x^{99999999999}", "10^{10^{10^{10}}}", "e^{-10000x}", "\\tanh(1000000x)", "\u200b", "\ufeff",
)
SURROGATE_BYTES = b"\xed\xa0\x80"  # U+D800 as UTF-8 would spell it, were it allowed
SURROGATE_ESCAPES = ("\\ud800", "\\udfff", "\\udc80", "\\ud83d")


# -- inputs ---------------------------------------------------------------------------------------

def load_samples() -> dict[str, list[bytes]]:
    from mathdoc.sources import kind_of

    found: dict[str, list[bytes]] = {kind: [] for kind in FORMATS}
    for path in sorted((ROOT / "samples").rglob("*")):
        kind = kind_of(path) if path.is_file() else None
        if kind in found:
            found[kind].append(path.read_bytes())
    for kind, samples in found.items():
        if not samples:
            samples.append(wrap(kind, ["$\\frac{d}{dx}x^3 = 3x^2$"]))
    return found


def nesting(rng: random.Random) -> str:
    depth = rng.choice((50, 200, 1000, 3000))
    opener, closer = rng.choice((("{", "}"), ("\\frac{", "}{x}"), ("(", ")"), ("\\sqrt{", "}"), ("\\begin{bmatrix}", "\\end{bmatrix}")))
    return opener * depth + "x" + closer * rng.choice((0, depth))


def random_expression(rng: random.Random, depth: int = 0) -> str:
    atoms = ("x", "y", "2", "3x", "x^2", "x^{3}", "\\pi", "a", "e^{x}", "\\sin x", "\\ln x", "f(x)", "g(x)", "\\mathbf{x}", "A")
    if depth > 2 or rng.random() < 0.35:
        return rng.choice(atoms)
    a, b = random_expression(rng, depth + 1), random_expression(rng, depth + 1)
    return rng.choice((
        f"{a} + {b}", f"{a} - {b}", f"{a}{b}", f"{a} \\cdot {b}", f"\\frac{{{a}}}{{{b}}}", f"({a})^{{{rng.randint(-3, 12)}}}",
        f"\\sin({a})", f"\\cos({a})", f"e^{{{a}}}", f"\\ln({a})", f"\\sqrt{{{a}}}", f"\\tanh({rng.randint(1, 30)}{a})",
        f"{a}^{{{b}}}", f"\\|{a}\\|^2", f"{a}^T {b}",
    ))


def random_claim(rng: random.Random) -> str:
    variable = rng.choice(("x", "x", "t", "y", "\\mathbf{x}"))
    operator = rng.choice((
        f"\\frac{{d}}{{d{variable}}}", f"\\frac{{\\partial}}{{\\partial {variable}}}", "\\nabla", f"\\frac{{d^2}}{{d{variable}^2}}",
        f"\\frac{{\\partial^2}}{{\\partial x \\partial y}}", "\\frac{d}{dx}",
    ))
    members = [f"{operator}{random_expression(rng)}"] + [random_expression(rng) for _ in range(rng.choice((1, 1, 2)))]
    claim = " = ".join(members)
    if rng.random() < 0.2:
        claim = f"f(x) = {random_expression(rng)}$. Then ${operator} f(x) = {random_expression(rng)}"
    return claim


def wrap(kind: str, claims: list[str]) -> bytes:
    """Claims written the way `kind` writes math."""
    if kind == "markdown":
        return "".join(f"Claim {i}: ${c}$\n\n$${c}$$\n\n" for i, c in enumerate(claims)).encode("utf-8")
    if kind == "latex":
        body = "".join(f"Claim {i}: ${c}$\n\\begin{{equation}}{c}\\end{{equation}}\n" for i, c in enumerate(claims))
        return f"\\documentclass{{article}}\n\\begin{{document}}\n{body}\\end{{document}}\n".encode("utf-8")
    if kind == "rst":
        return "".join(f"Claim {i}: :math:`{c}`\n\n.. math::\n\n   {c}\n\n" for i, c in enumerate(claims)).encode("utf-8")
    cells = [{"cell_type": "markdown", "metadata": {}, "source": [f"Claim {i}: ${c}$\n"]} for i, c in enumerate(claims)]
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}).encode("utf-8")


def mutate_bytes(rng: random.Random, data: bytes, kind: str) -> bytes:
    if not data:
        return rng.choice(INSERTIONS).encode("utf-8")
    at = rng.randrange(len(data) + 1)
    choice = rng.randrange(10)
    if choice == 0:  # byte flips
        buffer = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            i = rng.randrange(len(buffer))
            buffer[i] ^= 1 << rng.randrange(8)
        return bytes(buffer)
    if choice == 1:
        return data[:at]
    if choice == 2:
        if kind == "notebook":
            return data[:at] + rng.choice(SURROGATE_ESCAPES).encode("ascii") + data[at:]
        return data[:at] + SURROGATE_BYTES + data[at:]
    if choice == 3:
        return data[:at] + b"\x00" + data[at:]
    if choice == 4:
        return data[:at] + nesting(rng).encode("utf-8") + data[at:]
    if choice == 5:  # duplicate a slice
        end = min(len(data), at + rng.randint(1, 400))
        return data[:end] + data[at:end] * rng.randint(1, 5) + data[end:]
    if choice == 6:  # swap two lines
        lines = data.split(b"\n")
        if len(lines) > 1:
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        return b"\n".join(lines)
    if choice == 7:  # huge exponents in place of digits
        digits = [i for i, byte in enumerate(data) if 48 <= byte <= 57]
        if digits:
            i = rng.choice(digits)
            return data[:i] + rng.choice((b"99999999999", b"{10^{10^{10}}}", b"-1000000", b"0.000000000001")) + data[i + 1 :]
    insertion = rng.choice(INSERTIONS)
    return data[:at] + insertion.encode("utf-8") + data[at:]


def mutate_notebook_cells(rng: random.Random, data: bytes) -> bytes | None:
    """A valid notebook whose Markdown text is mutated (so the JSON itself still parses)."""
    try:
        document = json.loads(data)
        cells = [c for c in document["cells"] if c.get("cell_type") == "markdown"]
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    if not cells:
        return None
    cell = rng.choice(cells)
    source = cell.get("source")
    text = "".join(source) if isinstance(source, list) else str(source)
    raw = mutate_bytes(rng, text.encode("utf-8", "surrogatepass"), "markdown").decode("utf-8", "surrogateescape")
    if rng.random() < 0.3:
        at = rng.randrange(len(raw) + 1)
        raw = raw[:at] + rng.choice(("\ud800", "\udfff", "\ud83d")) + raw[at:]
    cell["source"] = raw.splitlines(keepends=True) if rng.random() < 0.5 else raw
    return json.dumps(document).encode("ascii")  # escapes every lone surrogate as \udxxx


def generate(rng: random.Random, kind: str, samples: list[bytes]) -> bytes:
    if rng.random() < 0.25:
        data = wrap(kind, [random_claim(rng) for _ in range(rng.randint(1, 4))])
    else:
        data = rng.choice(samples)
    for _ in range(rng.choice((1, 1, 2, 3))):
        if kind == "notebook" and rng.random() < 0.5:
            data = mutate_notebook_cells(rng, data) or mutate_bytes(rng, data, kind)
        else:
            data = mutate_bytes(rng, data, kind)
    return data


# -- one worker pool, each distinct step computed once --------------------------------------------

class SharedPool:
    """Stands in for `checker.worker_pool(options)`: one real pool per time limit for the whole
    campaign, closed only at the end, with the results of tasks already seen remembered."""

    def __init__(self) -> None:
        self.pools: dict[tuple[float, int], Any] = {}
        self.memo: dict[tuple[Any, ...], Any] = {}
        self.computed = 0

    def factory(self, original: Callable[[Any], Any]) -> Callable[[Any], "_Lease"]:
        def make(options: Any) -> _Lease:
            key = (options.timeout, options.jobs)
            if key not in self.pools:
                self.pools[key] = original(options)
            return _Lease(self, self.pools[key])

        return make

    def reset(self) -> None:
        """After an interrupted call the pool's state is unknown: start afresh."""
        self.close()

    def close(self) -> None:
        for pool in self.pools.values():
            with contextlib.suppress(Exception):
                pool.close()
        self.pools.clear()


@dataclass
class _Lease:
    shared: SharedPool
    pool: Any

    def __enter__(self) -> "_Lease":
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def start(self) -> None:
        self.pool.start()

    def close(self) -> None:
        pass

    def run(self, tasks: Sequence[tuple[Any, ...]], on_done: Callable[[int, Any], None] | None = None) -> list[Any]:
        memo = self.shared.memo
        new = list(dict.fromkeys(task for task in tasks if task not in memo))
        if new:
            self.shared.computed += len(new)
            for task, result in zip(new, self.pool.run(new)):
                memo[task] = result
        results = [memo[task] for task in tasks]
        if on_done:
            for index, result in enumerate(results):
                on_done(index, result)
        return results


# -- the campaign ---------------------------------------------------------------------------------

class Hang(BaseException):
    """Raised by the watchdog in a call that ran far past its time limit."""


@contextlib.contextmanager
def watchdog(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise Hang()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Tally:
    inputs: int = 0
    calls: int = 0
    tracebacks: int = 0
    bad_exit: int = 0
    hangs: int = 0
    invalid_json: int = 0
    exits: dict[int, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return f"fuzz: inputs={self.inputs} tracebacks={self.tracebacks} bad_exit={self.bad_exit} hangs={self.hangs} invalid_json={self.invalid_json}"


class Campaign:
    def __init__(self, arguments: argparse.Namespace) -> None:
        self.args = arguments
        self.rng = random.Random(arguments.seed)
        self.samples = load_samples()
        self.tally = Tally()
        self.shared = SharedPool()
        self.save = Path(arguments.save)
        self.work = Path(tempfile.mkdtemp(prefix="mathdoc-fuzz-"))
        os.environ.setdefault("MATHDOC_KEY_DIR", str(self.work / "key"))

    def limit(self, computed: int) -> float:
        return self.args.timeout * max(computed, 1) + self.args.slack

    def failure(self, what: str, files: dict[str, bytes], detail: str) -> None:
        number = len(self.tally.failures)
        self.tally.failures.append(f"{what}: {detail.strip().splitlines()[-1] if detail.strip() else ''}")
        if number >= self.args.keep:
            return
        folder = self.save / f"{number:04d}-{what}"
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        (folder / "WHAT.txt").write_text(f"{what}\n\n{detail}\n", encoding="utf-8", errors="backslashreplace")
        print(f"  {what}: saved in {folder}", file=sys.stderr)

    def cli_batch(self, kind: str, batch: list[bytes], index: int) -> None:
        from mathdoc import cli

        folder = self.work / f"batch-{index}"
        folder.mkdir()
        files = {f"input-{i:03d}{SUFFIX[kind]}": data for i, data in enumerate(batch)}
        for name, data in files.items():
            (folder / name).write_bytes(data)
        output = OUTPUTS[index % len(OUTPUTS)]
        argv = ["check", "--timeout", str(self.args.timeout), "--jobs", str(self.args.jobs), "--format", output]
        argv += ["--cache-dir", str(self.work / "cache")] if index % 3 == 0 else ["--no-cache"]
        report = folder / ("report.html" if index % 4 == 0 else "report.md") if index % 2 == 0 else None
        if report:
            argv += ["--report", str(report)]
        if index % 5 == 0:
            argv.append("--verbose")
        argv.append(str(folder))
        before = self.shared.computed
        out, err = io.StringIO(), io.StringIO()
        started = time.monotonic()
        code: int | None = None
        problem = ""
        try:
            with watchdog(3 * self.limit(len(batch) * 8)), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = cli.run(argv)
        except Hang:
            self.tally.hangs += 1
            self.shared.reset()
            self.failure("cli-hang", files, f"{argv}\nstopped by the watchdog")
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        except BaseException:  # noqa: BLE001  (what the campaign looks for)
            problem = traceback.format_exc()
        elapsed = time.monotonic() - started
        self.tally.calls += 1
        if problem or "Traceback (most recent call last)" in err.getvalue():
            self.tally.tracebacks += 1
            self.failure("cli-traceback", files, f"{argv}\n{problem or err.getvalue()}")
        if code is not None:
            self.tally.exits[code] = self.tally.exits.get(code, 0) + 1
            if code not in ALLOWED_EXITS:
                self.tally.bad_exit += 1
                self.failure("cli-exit", files, f"{argv}\nexit {code}\n{err.getvalue()}")
            elif elapsed > self.limit(self.shared.computed - before):
                self.tally.hangs += 1
                self.failure("cli-slow", files, f"{argv}\n{elapsed:.1f} s for {self.shared.computed - before} computed steps")
            if output in ("json", "sarif") and not problem:
                try:
                    json.loads(out.getvalue())
                except ValueError as exc:
                    self.tally.invalid_json += 1
                    self.failure("cli-invalid-json", files, f"{argv}\n{exc}\n{out.getvalue()[:2000]}")
            if report is not None and code in (0, 1) and not (report.exists() and report.stat().st_size):
                self.tally.tracebacks += 1
                self.failure("cli-empty-report", files, f"{argv}\nthe report is missing or empty\n{err.getvalue()}")
        shutil.rmtree(folder, ignore_errors=True)

    def api_one(self, kind: str, data: bytes, index: int) -> None:
        import mathdoc
        from mathdoc.sources import SourceError

        text = data.decode("utf-8", "surrogateescape")
        before = self.shared.computed
        started = time.monotonic()
        problem = ""
        try:
            with watchdog(3 * self.limit(8)):
                report = mathdoc.check_text(text, path=f"api-{index}{SUFFIX[kind]}", kind=kind, timeout=self.args.timeout, jobs=self.args.jobs)
                from mathdoc.reporters import render

                for output in ("text", "json"):
                    rendered = render(output, [report])
                    rendered.encode("utf-8")
                    if output == "json":
                        json.loads(rendered)
        except Hang:
            self.tally.hangs += 1
            self.shared.reset()
            self.failure("api-hang", {f"input{SUFFIX[kind]}": data}, "stopped by the watchdog")
            return
        except SourceError:
            pass  # documented: a text that is not a notebook, say
        except ValueError as exc:
            if "JSON" in type(exc).__name__ or "Expecting" in str(exc):
                self.tally.invalid_json += 1
                self.failure("api-invalid-json", {f"input{SUFFIX[kind]}": data}, traceback.format_exc())
                return
            problem = traceback.format_exc()
        except BaseException:  # noqa: BLE001
            problem = traceback.format_exc()
        self.tally.calls += 1
        if problem:
            self.tally.tracebacks += 1
            self.failure("api-traceback", {f"input{SUFFIX[kind]}": data}, problem)
        elif time.monotonic() - started > self.limit(self.shared.computed - before):
            self.tally.hangs += 1
            self.failure("api-slow", {f"input{SUFFIX[kind]}": data}, f"{time.monotonic() - started:.1f} s")

    def run(self) -> Tally:
        from mathdoc import checker

        original = checker.worker_pool
        checker.worker_pool = self.shared.factory(original)  # type: ignore[assignment]
        started = time.monotonic()
        try:
            batch_number = 0
            for kind in FORMATS:
                kind_started = time.monotonic()
                done = 0
                while done < self.args.count:
                    size = min(self.args.batch, self.args.count - done)
                    batch = [generate(self.rng, kind, self.samples[kind]) for _ in range(size)]
                    self.cli_batch(kind, batch, batch_number)
                    for offset, data in enumerate(batch):
                        self.api_one(kind, data, done + offset)
                    batch_number += 1
                    done += size
                    self.tally.inputs += size
                print(f"  {kind}: {done} inputs in {time.monotonic() - kind_started:.0f} s, {self.shared.computed} steps computed so far ({self.tally.line()})", file=sys.stderr, flush=True)
        finally:
            checker.worker_pool = original
            self.shared.close()
            shutil.rmtree(self.work, ignore_errors=True)
        print(f"  {self.tally.calls} calls, {self.shared.computed} distinct steps computed, exits {dict(sorted(self.tally.exits.items()))}, "
              f"{time.monotonic() - started:.0f} s", file=sys.stderr)
        return self.tally


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000, help="inputs of each format (default 10000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch", type=int, default=50, help="files per CLI call")
    parser.add_argument("--timeout", type=float, default=2.0, help="--timeout given to mathdoc (seconds per step)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--slack", type=float, default=15.0, help="seconds allowed on top of timeout x steps")
    parser.add_argument("--save", default=os.path.join(tempfile.gettempdir(), "mathdoc-fuzz-failures"), help="where failing inputs are saved")
    parser.add_argument("--keep", type=int, default=50, help="failing inputs saved at most")
    arguments = parser.parse_args(argv)
    tally = Campaign(arguments).run()
    for line in sorted(set(tally.failures))[:20]:
        print(f"  failure {line}", file=sys.stderr)
    print(tally.line())
    return 0 if not (tally.tracebacks or tally.bad_exit or tally.hangs or tally.invalid_json) else 1


if __name__ == "__main__":
    sys.exit(main())
