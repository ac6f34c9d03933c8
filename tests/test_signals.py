"""Ctrl-C and SIGTERM end a run promptly, with the shell's exit codes, no worker left behind, and
what was already checked kept in the cache.

No sleeps decide anything here: the signal is sent once the worker has spent a fixed amount of
CPU time (read from /proc), which is past its warm-up whatever the load of the machine.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

WORKER_CPU_BEFORE_SIGNAL = 4.0
"""CPU seconds a worker has used when the signal comes: importing SymPy and warming the parser
take about one, so by then it has checked some steps."""


def slow_note() -> str:
    """Many distinct true claims, each of which needs a symbolic proof (a run of a minute or more)."""
    lines = ["# Many tangents\n"]
    for k in range(2, 300):
        lines.append(f"$\\frac{{d}}{{dx}}\\tan({k}x) = \\frac{{{k}}}{{\\cos^2({k}x)}}$\n")
    return "\n".join(lines)


def _stat(pid: int) -> list[str] | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stream:
            text = stream.read()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()  # fields from the state on: [0] state, [1] ppid, [3] session


def _processes() -> list[tuple[int, list[str]]]:
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            fields = _stat(int(name))
            if fields is not None:
                found.append((int(name), fields))
    return found


def _children(parent: int) -> list[int]:
    return [pid for pid, fields in _processes() if fields[1] == str(parent)]


def _cpu_seconds(pid: int) -> float:
    fields = _stat(pid)
    if fields is None:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _alive_in_session(session: int) -> list[int]:
    return [pid for pid, fields in _processes() if fields[3] == str(session) and fields[0] not in ("Z", "X")]


@pytest.mark.parametrize(("signum", "expected"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_ends_the_run_cleanly_and_keeps_what_was_checked(tmp_path: Path, signum: int, expected: int) -> None:
    note = tmp_path / "slow.md"
    note.write_text(slow_note(), encoding="utf-8")
    cache = tmp_path / "cache"
    process = subprocess.Popen(
        [sys.executable, "-m", "mathdoc", "check", "--jobs", "1", "--timeout", "5", "--cache-dir", str(cache), str(note)],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ, CI="1", PYTHONPATH=str(REPO_ROOT)), start_new_session=True,
        # A test runner started in the background inherits SIGINT ignored, and so would the child;
        # a user's terminal never does: give the child the default disposition.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        worker = None
        while process.poll() is None:  # until a worker exists and has done some of the work
            children = _children(process.pid)
            # Workers are forked by one warm process (the zygote, the run's child; on Linux
            # always), so they are the run's grandchildren.
            workers = [pid for child in children for pid in _children(child)]
            worker = workers[0] if workers else None
            if worker is not None and _cpu_seconds(worker) >= WORKER_CPU_BEFORE_SIGNAL:
                break
            time.sleep(0.05)  # polling only: nothing is decided by how long this takes
        assert process.poll() is None, process.communicate()
        process.send_signal(signum)
        out, err = process.communicate(timeout=60)
        assert process.returncode == expected, (out, err)
        assert "Traceback" not in err
        deadline = time.monotonic() + 30
        while _alive_in_session(process.pid) and time.monotonic() < deadline:
            time.sleep(0.05)  # a SIGKILLed worker may take a moment to disappear
        assert _alive_in_session(process.pid) == []
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    entries = json.loads((cache / "steps.json").read_text(encoding="utf-8"))["entries"]
    assert len(entries) >= 1  # the steps checked before the signal
