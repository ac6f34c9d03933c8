"""The whole-file cache and the streamed run: the same findings, byte for byte, whether a file's
result comes from the cache, from a cold run, from one worker or from two."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mathdoc import cache
from mathdoc.checker import Input, Options, iter_reports
from mathdoc.model import FileReport
from mathdoc.stream import READ_AHEAD

REPO_ROOT = Path(__file__).resolve().parents[1]

NOTE = """# Note {n}

The power rule: $\\frac{{d}}{{dx}}x^{{{n}}} = {n}x^{{{m}}}$, and a step: $\\frac{{d}}{{dx}}x^2 = {k}x$.

$$\\frac{{d}}{{dx}}{n}(x+x^2) = {n}(1+2x) = {n}+{k}x$$

Unreadable: $\\frac{{d}}{{dx}} \\foo{{x}} = 1$.
"""


@pytest.fixture(autouse=True)
def _key_directory(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.KEY_DIR_VARIABLE, str(tmp_path_factory.mktemp("key")))


def write_notes(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(2, count + 2):
        path = folder / f"note{n:03d}.md"
        path.write_text(NOTE.format(n=n, m=n - 1, k=2 * n), encoding="utf-8")
        paths.append(path)
    return paths


def run_cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mathdoc", "check", *args], cwd=cwd, capture_output=True, text=True,
        encoding="utf-8", env=dict(os.environ, CI="1", PYTHONPATH=str(REPO_ROOT)), timeout=600,
    )


def test_findings_are_byte_identical_cold_warm_and_for_one_or_two_workers(tmp_path: Path) -> None:
    write_notes(tmp_path / "notes", READ_AHEAD * 2 + 3)  # more files than the reader runs ahead
    outputs = {}
    for name, args in {
        "cold, 1 job": ["--jobs", "1", "--cache-dir", "cache1"],
        "warm, 1 job": ["--jobs", "1", "--cache-dir", "cache1"],
        "cold, 2 jobs": ["--jobs", "2", "--cache-dir", "cache2"],
        "warm, 2 jobs": ["--jobs", "2", "--cache-dir", "cache2"],
        "no cache": ["--jobs", "2", "--no-cache"],
    }.items():
        process = run_cli([*args, "--format", "json", "notes"], tmp_path)
        assert process.returncode == 1, process.stderr
        outputs[name] = process.stdout
    assert len(set(outputs.values())) == 1
    document = json.loads(outputs["no cache"])
    assert len(document["files"]) == READ_AHEAD * 2 + 3
    assert [f["path"] for f in document["files"]] == sorted(f["path"] for f in document["files"])
    entries = [p for p in (tmp_path / "cache1").glob("files-*/*")]
    assert len(entries) == READ_AHEAD * 2 + 3  # one entry per file


def test_a_warm_run_of_unchanged_files_never_loads_the_parser(tmp_path: Path) -> None:
    write_notes(tmp_path / "notes", 3)
    probe = (
        "import sys, mathdoc.cli as cli\n"
        "code = cli.run(sys.argv[1:])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('mathdoc.grammar', 'mathdoc.claims', 'markdown_it', 'sympy')))\n"
        "print(' '.join(loaded) or 'none', file=sys.stderr)\n"
    )
    args = ["check", "--cache-dir", "cache", "notes"]
    env = dict(os.environ, CI="1", PYTHONPATH=str(REPO_ROOT))
    cold = subprocess.run([sys.executable, "-c", probe, *args], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=600)
    warm = subprocess.run([sys.executable, "-c", probe, *args], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=600)
    assert cold.stdout == warm.stdout and "wrong-derivative" in warm.stdout
    assert "mathdoc.grammar" in cold.stderr.splitlines()[-1]
    assert warm.stderr.splitlines()[-1] == "none"


def test_an_edited_file_or_latex_input_is_checked_again(tmp_path: Path) -> None:
    (tmp_path / "macros.tex").write_text("\\newcommand{\\sq}[1]{#1^2}\n", encoding="utf-8")
    main = tmp_path / "main.tex"
    main.write_text("\\input{macros}\n$\\frac{d}{dx}\\sq{x} = 2x$\n", encoding="utf-8")
    options = Options(jobs=1, cache_dir=str(tmp_path / "cache"))

    def verdicts() -> list[str]:
        reports = list(iter_reports([Input(str(main), root=str(tmp_path))], options))
        assert isinstance(reports[0], FileReport)
        return [f.verdict.value for f in reports[0].findings]

    assert verdicts() == ["verified"]
    (tmp_path / "macros.tex").write_text("\\newcommand{\\sq}[1]{#1^3}\n", encoding="utf-8")  # the main file is unchanged
    assert verdicts() == ["wrong"]
    main.write_text("\\input{macros}\n$\\frac{d}{dx}\\sq{x} = 3x^2$\n", encoding="utf-8")
    assert verdicts() == ["verified"]


def test_a_file_that_cannot_be_read_is_reported_in_its_place(tmp_path: Path) -> None:
    good = write_notes(tmp_path, 2)
    inputs = [Input(str(good[0])), Input(str(tmp_path / "missing.md")), Input(str(good[1]))]
    results = list(iter_reports(inputs, Options(jobs=1, cache_dir=None)))
    assert isinstance(results[0], FileReport) and isinstance(results[2], FileReport)
    assert not isinstance(results[1], FileReport) and "missing.md: no such file" in str(results[1])


def test_a_forged_file_entry_is_ignored(tmp_path: Path) -> None:
    notes = write_notes(tmp_path / "notes", 1)
    first = run_cli(["--cache-dir", "cache", "--format", "json", "notes"], tmp_path)
    (entry,) = (tmp_path / "cache").glob("files-*/*")
    payload, signature = json.loads(entry.read_text(encoding="utf-8"))
    assert '"wrong"' in payload
    forged = payload.replace('"wrong"', '"verified"')  # without the key, the signature no longer fits
    entry.write_text(json.dumps([forged, signature]), encoding="utf-8")
    second = run_cli(["--cache-dir", "cache", "--format", "json", "notes"], tmp_path)
    assert second.stdout == first.stdout and notes
    assert json.loads(entry.read_text(encoding="utf-8"))[0] == payload  # checked again, and stored again


def test_a_reader_far_ahead_of_the_workers_never_stalls_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a window of two files, the reader finishes (and its wake-ups are consumed) while the
    window is full: the run must still take the files left in the queue."""
    import threading

    import mathdoc.stream as stream

    monkeypatch.setattr(stream, "READ_AHEAD", 2)
    notes = []
    for n, claim in enumerate(write_notes(tmp_path / "claims", 3)):
        notes.append(claim)
        for k in range(6):  # files without claims are done the moment they are read
            plain = tmp_path / f"plain{n}-{k}.md"
            plain.write_text("No math here.\n", encoding="utf-8")
            notes.append(plain)
    found: list[object] = []
    worker = threading.Thread(
        target=lambda: found.extend(iter_reports([Input(str(p)) for p in notes], Options(jobs=1, cache_dir=None))), daemon=True
    )
    worker.start()
    worker.join(timeout=600)  # a hang detector only: the run takes seconds
    assert not worker.is_alive(), "the streamed run stalled"
    assert [r.path for r in found] == [str(p) for p in notes]  # type: ignore[attr-defined]


def test_entries_of_another_code_version_are_removed_and_links_never_followed(tmp_path: Path) -> None:
    from mathdoc.filecache import EntryStore

    root = tmp_path / "cache"
    stale = root / "files-0123456789abcdef01234567"
    stale.mkdir(parents=True)
    (stale / "entry").write_text("[]", encoding="utf-8")
    store = EntryStore(root, "v")
    outside = tmp_path / "outside"
    outside.mkdir()
    store.directory.symlink_to(outside, target_is_directory=True)  # a pull request's committed link
    store.put_payload(["file", "a.md"], {"x": 1})
    assert not stale.exists()  # the first write tidies other versions away
    assert list(outside.iterdir()) == []  # nothing written through the link
    assert store.get_payload(["file", "a.md"]) is None
    store.directory.unlink()
    store.put_payload(["file", "a.md"], {"x": 1})
    assert store.get_payload(["file", "a.md"]) == {"x": 1}
    assert (root / ".gitignore").read_text(encoding="utf-8") == "*\n"
