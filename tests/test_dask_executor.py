"""`--executor dask`: the same findings as a local run, byte for byte, on a real LocalCluster of
worker processes; a killed worker, a failing task, Ctrl-C, URLs, and dask missing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mathdoc.checker import Options
from mathdoc.reporters.json_format import format_json
from mathdoc.sources import Note

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


def generate(root: Path, count: int) -> list[Path]:
    """`count` notes with distinct claims (right and wrong ones), some of them LaTeX."""
    paths = []
    for i in range(count):
        k = i + 2
        wrong = i % 4 == 3
        rhs = f"{k}x^{{{k}}}" if wrong else f"{k}x^{{{k - 1}}}"
        chain = f"\\frac{{d}}{{dx}}(x^{{{k}}} + {i}x) = {k}x^{{{k - 1}}} + {i}"
        if i % 5 == 4:
            path = root / f"chapter{i:03d}.tex"
            body = f"\\section{{Power {k}}}\n\\[ \\frac{{d}}{{dx}}x^{{{k}}} = {rhs} \\]\n\\[ {chain} \\]\n"
        else:
            path = root / f"sub{i % 3}" / f"note{i:03d}.md"
            body = f"# Power {k}\n\n$$\\frac{{d}}{{dx}}x^{{{k}}} = {rhs}$$\n\nand $${chain}$$\n"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of two worker processes, started the way `--executor dask` starts one."""
    pytest.importorskip("distributed")
    from mathdoc.executors.dask_cluster import local_cluster

    with local_cluster(2) as started:
        yield started


def test_dask_gives_byte_identical_json_to_local_on_samples_and_generated_notes(cluster, run_cli, tmp_path):
    generate(tmp_path / "notes", 16)
    for target in (SAMPLES, tmp_path / "notes"):
        for output in ("json", "jsonl"):
            local = run_cli("check", target, "--format", output, "--no-cache", "--executor", "local", "--jobs", "2")
            remote = run_cli("check", target, "--format", output, "--no-cache", "--scheduler", cluster.scheduler_address)
            assert local.code == remote.code == 1, (local.err, remote.err)
            assert remote.out == local.out
            assert remote.err == local.err
    assert len(local.out.splitlines()) == 17 and json.loads(local.out.splitlines()[-1])["summary"]["files"] == 16


def test_dask_workers_share_the_step_cache(cluster, run_cli, tmp_path):
    generate(tmp_path / "notes", 6)
    cache = tmp_path / "cache"
    first = run_cli("check", tmp_path / "notes", "--format", "json", "--cache-dir", cache, "--scheduler", cluster.scheduler_address)
    local = run_cli("check", tmp_path / "notes", "--format", "json", "--cache-dir", cache, "--executor", "local", "--jobs", "1")
    assert (cache / "steps.json").is_file()
    assert first.out == local.out


def _outcomes_json(outcomes) -> str:
    return format_json([o.report for o in outcomes])


def test_workers_read_absolute_paths_and_report_the_paths_as_given(in_process_client, tmp_path, monkeypatch):
    from mathdoc.executors import dask_cluster

    generate(tmp_path / "notes", 3)
    monkeypatch.chdir(tmp_path)
    notes = [Note(p.relative_to(tmp_path).as_posix(), str(tmp_path)) for p in sorted((tmp_path / "notes").rglob("*.*"))]
    sent = []
    real = dask_cluster.check_notes

    def recording(batch, *args, **kwargs):
        sent.extend(n.path for n in batch)
        return real(batch, *args, **kwargs)

    monkeypatch.setattr(dask_cluster, "check_notes", recording)
    outcomes = list(dask_cluster.stream_dask(notes, Options(jobs=1, cache_dir=None), client=in_process_client, keep_source=False))
    assert sorted(sent) == sorted(str(tmp_path / n.path) for n in notes)
    assert [o.report.path for o in outcomes] == [n.path for n in notes]


def test_a_killed_worker_mid_run_still_reports_every_file(tmp_path):
    pytest.importorskip("distributed")
    from distributed import Client

    from mathdoc.executors import stream_local
    from mathdoc.executors.dask_cluster import local_cluster, stream_dask

    paths = generate(tmp_path / "notes", 24)
    notes = [Note(str(p), str(tmp_path)) for p in sorted(paths)]
    options = Options(jobs=2, cache_dir=None)
    expected = _outcomes_json(list(stream_local(notes, options, keep_source=False)))
    killed = []
    with local_cluster(2) as started, Client(started) as client:
        outcomes = []
        for outcome in stream_dask(notes, options, client=client, keep_source=False):
            outcomes.append(outcome)
            if not killed:
                pids = client.run(os.getpid)
                busy = [address for address, keys in client.processing().items() if keys and address in pids]
                assert busy, "a worker should hold a task: the window keeps more tasks in flight than workers"
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(busy[0])
    assert killed
    assert [o.path for o in outcomes] == [n.path for n in notes]
    assert all(o.report is not None for o in outcomes), [o.error for o in outcomes if o.error]
    assert _outcomes_json(outcomes) == expected


@pytest.fixture
def in_process_client():
    """A cluster whose workers are threads of this process (they see its `memory://` files)."""
    pytest.importorskip("distributed")
    from distributed import Client, LocalCluster

    from mathdoc.executors.dask_cluster import close_pools

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0") as started, Client(started) as client:
        yield client
    close_pools()


def test_a_task_that_keeps_failing_is_retried_then_its_file_is_reported_by_path(in_process_client, tmp_path, monkeypatch):
    from mathdoc.executors import dask_cluster

    paths = generate(tmp_path / "notes", 6)
    notes = [Note(str(p), str(tmp_path)) for p in sorted(paths)]
    bad = notes[2].path
    real = dask_cluster.check_notes
    attempts = []

    def flaky(batch, *args, **kwargs):
        if any(n.path == os.path.abspath(bad) for n in batch):
            attempts.append(len(batch))
            raise RuntimeError("this file breaks the worker")
        return real(batch, *args, **kwargs)

    monkeypatch.setattr(dask_cluster, "check_notes", flaky)
    outcomes = list(dask_cluster.stream_dask(notes, Options(jobs=1, cache_dir=None), client=in_process_client, keep_source=False))
    assert [o.path for o in outcomes] == [n.path for n in notes]
    failed = [o for o in outcomes if o.report is None]
    assert [o.path for o in failed] == [bad]
    assert bad in failed[0].error and "could not be checked" in failed[0].error and "this file breaks the worker" in failed[0].error
    assert attempts.count(1) == 1 + dask_cluster.RETRIES  # alone, it was tried and retried


def test_memory_urls_are_listed_by_the_client_and_read_by_the_workers(in_process_client, run_cli, tmp_path):
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    generate(tmp_path / "notes", 5)
    for path in sorted((tmp_path / "notes").rglob("*.*")):
        fs.pipe(f"/course/{path.relative_to(tmp_path / 'notes').as_posix()}", path.read_bytes())
    address = in_process_client.scheduler.address
    try:
        local = run_cli("check", "memory://course", "--format", "json", "--no-cache", "--jobs", "1")
        remote = run_cli("check", "memory://course", "--format", "json", "--no-cache", "--scheduler", address)
    finally:
        fs.rm("/course", recursive=True)
    assert local.code == remote.code == 1, (local.err, remote.err)
    assert remote.out == local.out
    document = json.loads(local.out)
    assert [f["path"] for f in document["files"]][0].startswith("memory://course/")
    assert document["summary"]["files"] == 5
    on_disk = run_cli("check", tmp_path / "notes", "--format", "json", "--no-cache", "--jobs", "1")
    assert [f["findings"] for f in json.loads(on_disk.out)["files"]] == [f["findings"] for f in document["files"]]


def test_file_urls_are_local_paths(run_cli, tmp_path):
    generate(tmp_path / "notes", 4)
    plain = run_cli("check", tmp_path / "notes", "--format", "json", "--no-cache", "--jobs", "1")
    url = run_cli("check", f"file://{tmp_path / 'notes'}", "--format", "json", "--no-cache", "--jobs", "1")
    assert url.code == plain.code == 1
    assert url.out == plain.out


def test_a_missing_url_is_a_usage_error_naming_it(run_cli):
    pytest.importorskip("fsspec")
    result = run_cli("check", "memory://no/such/notes", "--no-cache")
    assert result.code == 2
    assert "memory://no/such/notes: no such file or directory" in result.err


def test_daemonic_workers_are_refused_with_what_to_set():
    pytest.importorskip("distributed")
    import dask
    from distributed import Client, LocalCluster

    from mathdoc.executors.dask_cluster import DAEMON_HINT, DaskError, check_batch, check_workers

    with dask.config.set({"distributed.worker.daemon": True}):
        with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0") as started, Client(started) as client:
            with pytest.raises(DaskError, match="DASK_DISTRIBUTED__WORKER__DAEMON=False"):
                check_workers(client)
            note = Note(str(SAMPLES / "en" / "calculus.md"), str(SAMPLES))
            result = client.submit(check_batch, ((note, note.path),), Options(jobs=1, cache_dir=None), False).result()
    assert result.outcomes[0].report is None and DAEMON_HINT in result.outcomes[0].error


def test_without_dask_the_executor_is_a_usage_error_naming_the_extra(run_cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    result = run_cli("check", SAMPLES, "--executor", "dask", "--no-cache")
    assert result.code == 2
    assert "pip install 'mathdoc[dask]'" in result.err
    assert "Traceback" not in result.err


def test_the_executor_and_scheduler_come_from_the_configuration(tmp_path):
    from mathdoc import config

    (tmp_path / "mathdoc.toml").write_text('executor = "dask"\nscheduler = "tcp://127.0.0.1:8786"\n', encoding="utf-8")
    settings = config.resolve([str(tmp_path)], {})
    assert (settings.executor, settings.scheduler) == ("dask", "tcp://127.0.0.1:8786")
    (tmp_path / "mathdoc.toml").write_text('executor = "spark"\n', encoding="utf-8")
    with pytest.raises(config.ConfigError, match="executor"):
        config.resolve([str(tmp_path)], {})


def test_ctrl_c_cancels_the_run_and_leaves_no_process_behind(tmp_path):
    pytest.importorskip("distributed")
    generate(tmp_path / "notes", 80)
    environment = dict(os.environ, PYTHONIOENCODING="utf-8", CI="1")
    command = [sys.executable, "-m", "mathdoc", "check", str(tmp_path / "notes"), "--format", "jsonl", "--no-cache", "--executor", "dask", "--jobs", "2"]
    process = subprocess.Popen(
        command, cwd=REPO, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        # A test runner started in the background inherits SIGINT ignored, and so would the child;
        # a user's terminal never does: give the child the default disposition.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        first = process.stdout.readline()  # the run is under way once a file is written
        assert first.startswith("{"), process.stderr.read()
        os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C sends: the whole group
        _, err = process.communicate(timeout=300)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 128 + signal.SIGINT, err
    assert "interrupted" in err
    assert "Traceback" not in err
    for _ in range(600):  # the workers go with it (polled: how long they take is not asserted)
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("processes of the interrupted run are still alive")
