"""`--format jsonl`: one JSON object per file then a summary, streamed in bounded memory."""

from __future__ import annotations

import contextlib
import json
import tracemalloc
from pathlib import Path

from mathdoc import cli

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"

CLAIMS = [f"\\frac{{d}}{{dx}}x^{{{k}}} = {k}x^{{{k - 1}}}" for k in range(2, 6)] + ["\\frac{d}{dx}x^3 = 3x^3"]


def generate(root: Path, count: int) -> None:
    """`count` tiny notes, one claim each (a handful of distinct claims: the step cache answers the rest)."""
    for i in range(count):
        folder = root / f"part{i // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"n{i:05d}.md").write_text(f"# Note {i}\n\n$${CLAIMS[i % len(CLAIMS)]}$$\n", encoding="utf-8")


def test_jsonl_is_one_object_per_file_then_the_summary_of_the_json_format(run_cli):
    streamed = run_cli("check", SAMPLES, "--format", "jsonl", "--no-cache", "--jobs", "2")
    whole = run_cli("check", SAMPLES, "--format", "json", "--no-cache", "--jobs", "2")
    assert streamed.code == whole.code == 1
    lines = [json.loads(line) for line in streamed.out.splitlines()]
    document = json.loads(whole.out)
    assert lines[:-1] == document["files"]
    assert lines[-1] == {"version": 1, "summary": document["summary"], "errors": 0}
    assert len(lines) == document["summary"]["files"] + 1


def test_a_file_that_cannot_be_read_is_a_line_with_its_path_and_exit_2(run_cli, tmp_path):
    (tmp_path / "good.md").write_text("$$\\frac{d}{dx}x^2 = 2x$$\n", encoding="utf-8")
    (tmp_path / "binary.md").write_bytes(b"\x00\x01 not text")
    result = run_cli("check", tmp_path, "--format", "jsonl", "--no-cache", "--jobs", "1")
    assert result.code == 2
    lines = [json.loads(line) for line in result.out.splitlines()]
    assert [line.get("path") for line in lines[:-1]] == [str(tmp_path / "binary.md"), str(tmp_path / "good.md")]
    assert "binary file" in lines[0]["error"]
    assert lines[1]["findings"][0]["verdict"] == "verified"
    assert lines[-1]["errors"] == 1 and lines[-1]["summary"]["files"] == 1
    assert "binary.md" in result.err


def test_quiet_applies_to_each_line(run_cli, tmp_path):
    (tmp_path / "a.md").write_text("$$\\frac{d}{dx}x^2 = 2x$$\n\n$$\\frac{d}{dx}x^3 = 3x^3$$\n", encoding="utf-8")
    quiet = run_cli("check", tmp_path, "--format", "jsonl", "--no-cache", "--jobs", "1", "--quiet")
    assert quiet.code == 1
    [line, summary] = [json.loads(text) for text in quiet.out.splitlines()]
    assert [f["verdict"] for f in line["findings"]] == ["wrong"]
    assert summary["summary"]["claims"] == 1


def _peak_bytes(root: Path, cache: Path, output_format: str = "jsonl") -> tuple[int, list[str]]:
    """Peak traced memory of a run whose output goes to a file (a StringIO would hold every line,
    and the test would measure its own buffer)."""
    output = cache.with_suffix(f".{output_format}")
    tracemalloc.start()
    try:
        with open(output, "w", encoding="utf-8") as stream, contextlib.redirect_stdout(stream):
            code = cli.run(["check", str(root), "--format", output_format, "--jobs", "1", "--cache-dir", str(cache)])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code == 1  # one claim in five is wrong
    return peak, output.read_text(encoding="utf-8").splitlines()


def _warm_up(tmp_path: Path) -> tuple[Path, Path]:
    generate(tmp_path / "warm", 10)
    return tmp_path / "warm", tmp_path / "cache-warm"


def test_the_client_memory_does_not_grow_with_the_number_of_files(tmp_path):
    """Peak traced memory of the whole run at 500 and at 2,000 files.  The stream keeps nothing of
    a file once its line is written: what grows is only the list of names (a few hundred bytes a
    file), far less than a run that holds the reports (`--format json`) grows on the same files."""
    peaks: dict[tuple[str, int], int] = {}
    _peak_bytes(*_warm_up(tmp_path))  # imports and first-call caches are not the corpus's
    for count in (500, 2000):
        root = tmp_path / f"corpus{count}"
        generate(root, count)
        for output_format in ("jsonl", "json"):
            peak, lines = _peak_bytes(root, tmp_path / f"cache-{output_format}-{count}", output_format)
            peaks[output_format, count] = peak
            if output_format == "jsonl":
                assert len(lines) == count + 1
                assert all(isinstance(json.loads(line), dict) for line in lines)
                assert json.loads(lines[-1])["summary"]["files"] == count
    streamed = (peaks["jsonl", 2000] - peaks["jsonl", 500]) / 1500
    held = (peaks["json", 2000] - peaks["json", 500]) / 1500
    assert streamed < 2048 and streamed < held / 3, (streamed, held, peaks)


def test_with_the_progress_bar_on_a_terminal_the_lines_still_go_to_stdout(tmp_path):
    """stderr is a terminal (the bar is drawn there), stdout a pipe: every line reaches the pipe."""
    import os
    import pty
    import subprocess
    import sys
    import threading

    generate(tmp_path / "notes", 12)
    primary, secondary = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k != "CI"}
    command = [sys.executable, "-m", "mathdoc", "check", str(tmp_path / "notes"), "--format", "jsonl", "--jobs", "1", "--cache-dir", str(tmp_path / "cache")]
    def drain() -> None:  # read the terminal's side, so that the bar never fills it and blocks
        with contextlib.suppress(OSError):
            while os.read(primary, 4096):
                pass

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=secondary, stdin=subprocess.DEVNULL, env=environment, timeout=600, cwd=REPO)
    finally:
        os.close(secondary)
        reader.join(timeout=10)
        os.close(primary)
    assert done.returncode == 1
    assert len(done.stdout.decode("utf-8").splitlines()) == 13
