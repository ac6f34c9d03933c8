"""The HTML report in a real headless Chromium, driven over the DevTools protocol.

Checks what a reader's browser does with the page: no console error, no request that leaves the
machine (every URL is file: or data:), MathML on the page, exactly one mark per finding, and the
"show only problems" switch hiding the paragraphs without a problem.  A screenshot is written to
tests/artifacts/ for a person to look at.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

SEED = "seeds/000_933100b11f486e8f.txt"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _chromium() -> str:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("headless Chromium is not installed (Debian: apt-get install chromium)")


class DevTools:
    """The smallest DevTools-protocol client: send a command, wait for its reply, keep the events."""

    def __init__(self, websocket_url: str) -> None:
        websocket = pytest.importorskip("websocket", reason="websocket-client is in the test extras")
        self.socket = websocket.create_connection(websocket_url, timeout=30, suppress_origin=True)
        self.events: list[dict[str, Any]] = []
        self.next_id = 0

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)
        raise TimeoutError(method)

    def wait_for(self, event: str, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while not any(e.get("method") == event for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(event)
            self.events.append(json.loads(self.socket.recv()))

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def close(self) -> None:
        self.socket.close()


@pytest.fixture
def browser(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A headless Chromium with a fresh profile, reached through its DevTools port on 127.0.0.1."""
    binary = _chromium()
    profile = tmp_path / "profile"
    process = subprocess.Popen(
        [
            binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
            "--remote-debugging-port=0", "--remote-allow-origins=*", f"--user-data-dir={profile}",
            "--window-size=1280,2000", "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().strip()):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Chromium did not start (exit code {process.poll()})")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30) as response:
            targets = json.load(response)
        page = next(t for t in targets if t.get("type") == "page")
        client = DevTools(page["webSocketDebuggerUrl"])
        yield client
        client.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def _errors(events: list[dict[str, Any]]) -> list[str]:
    found = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            found.append(json.dumps(params.get("exceptionDetails", {}))[:300])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            found.append(json.dumps(params.get("args", []))[:300])
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            found.append(params["entry"].get("text", ""))
    return found


def test_seed_report_in_chromium(browser: DevTools, shared_dir: Path, run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed = shared_dir / SEED
    if not seed.is_file():
        pytest.skip(f"{seed} is not present")
    report = tmp_path / "seed.html"
    result = run_cli("check", "--no-cache", "--format", "json", "--report", report, seed)
    assert result.code in (0, 1), result.err
    findings = [f for file in json.loads(result.out)["files"] for f in file["findings"]]
    problems = [f for f in findings if f["severity"] in ("error", "warning")]

    browser.call("Runtime.enable")
    browser.call("Log.enable")
    browser.call("Network.enable")
    browser.call("Page.enable")
    browser.call("Emulation.setDeviceMetricsOverride", width=1280, height=2000, deviceScaleFactor=1, mobile=False)
    browser.call("Page.navigate", url=report.as_uri())
    browser.wait_for("Page.loadEventFired")

    urls = [e["params"]["request"]["url"] for e in browser.events if e.get("method") == "Network.requestWillBeSent"]
    assert urls, "the page load was not seen"
    assert all(url.startswith(("file:", "data:")) for url in urls), urls
    assert browser.evaluate("document.querySelectorAll('math').length") > 10
    assert browser.evaluate("document.querySelectorAll('.mark').length") == len(findings)
    verdicts = browser.evaluate("[...document.querySelectorAll('.mark')].map(m => m.dataset.verdict)")
    assert sorted(verdicts) == sorted(f["verdict"] for f in findings)
    shown_notes = browser.evaluate("[...document.querySelectorAll('.note')].filter(n => n.offsetParent).length")
    assert shown_notes == sum(f["verdict"] != "verified" for f in findings)

    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = browser.call("Page.captureScreenshot", format="png")
    (ARTIFACTS / "seed.png").write_bytes(base64.b64decode(screenshot["data"]))
    print(f"screenshot: {ARTIFACTS / 'seed.png'}")

    browser.evaluate("document.querySelector('label[for=only-problems]').click()")
    assert browser.evaluate("document.getElementById('only-problems').checked") is True
    visible_marks = browser.evaluate("[...document.querySelectorAll('.mark')].filter(m => m.offsetParent).map(m => m.dataset.verdict)")
    assert {"wrong", "layout"} & set(visible_marks) or not problems
    hidden_blocks = browser.evaluate("[...document.querySelectorAll('.block:not(.problem)')].filter(b => b.offsetParent).length")
    assert hidden_blocks == 0
    visible_problem_marks = browser.evaluate(
        "[...document.querySelectorAll('.mark')].filter(m => m.offsetParent && ['wrong','layout'].includes(m.dataset.verdict)).length"
    )
    assert visible_problem_marks == sum(f["verdict"] in ("wrong", "layout") for f in findings)
    screenshot = browser.call("Page.captureScreenshot", format="png")
    (ARTIFACTS / "seed-problems.png").write_bytes(base64.b64decode(screenshot["data"]))
    print(f"screenshot: {ARTIFACTS / 'seed-problems.png'}")

    assert _errors(browser.events) == []
