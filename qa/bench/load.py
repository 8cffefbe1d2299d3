"""Load: many `gradio_client` callers at once against `app.py` on a loopback port.

The app is started here on a free 127.0.0.1 port over an index of the bundled corpus built
into a temporary folder, so a user's index is never touched. Each distinct question is first
asked by one caller alone; then every caller asks its share at once, and each answer must be
the single caller's (the same paragraphs in the same order) with no error.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from qa.bench.stats import summary

ROOT = Path(__file__).resolve().parents[2]
START_LIMIT_S = 600
CALL_LIMIT_S = 120


def run_load(callers: int, per_caller: int, questions: list[str]) -> dict:
    """Throughput, latency and errors of `callers` × `per_caller` concurrent /ask calls."""
    folder = Path(tempfile.mkdtemp(prefix="hrc-qa-load-"))
    env = {**os.environ, "HRC_QA_INDEX": str(folder / "index"), "HF_HUB_OFFLINE": "1"}
    try:
        subprocess.run(
            [str(Path(sys.executable).with_name("hrc-qa")), "index"],
            env=env,
            check=True,
            capture_output=True,
        )
        with _running_app(env, folder / "app.log") as url:
            return _hammer(url, callers, per_caller, questions)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _hammer(url: str, callers: int, per_caller: int, questions: list[str]) -> dict:
    from gradio_client import Client

    reference_client = Client(url, verbose=False, analytics_enabled=False)
    reference = {q: _ranked(reference_client.predict(q, api_name="/ask")) for q in questions}
    plan = [
        [questions[(caller * per_caller + i) % len(questions)] for i in range(per_caller)]
        for caller in range(callers)
    ]

    def caller(share: list[str]) -> list[tuple[float, str]]:
        client = Client(url, verbose=False, analytics_enabled=False)
        outcomes = []
        for question in share:
            started = time.perf_counter()
            try:
                answer = client.predict(question, api_name="/ask")
                verdict = "error" if answer.get("status") == "error" else "ok"
                if verdict == "ok" and _ranked(answer) != reference[question]:
                    verdict = "wrong"
            except Exception:
                verdict = "error"
            outcomes.append((time.perf_counter() - started, verdict))
        return outcomes

    started = time.perf_counter()
    with ThreadPoolExecutor(callers) as pool:
        results = [outcome for share in pool.map(caller, plan) for outcome in share]
    elapsed = time.perf_counter() - started
    verdicts = [verdict for _, verdict in results]
    return {
        "callers": callers,
        "questions_per_caller": per_caller,
        "requests": len(results),
        "seconds": round(elapsed, 2),
        "throughput_per_s": round(len(results) / elapsed, 2),
        "latency": summary([seconds for seconds, _ in results]),
        "errors": verdicts.count("error"),
        "wrong": verdicts.count("wrong"),
    }


def _ranked(answer: dict) -> tuple:
    """What must not change between callers: the status and the paragraphs, in order."""
    found = [(result["resolution"], result["paragraph"]) for result in answer.get("results", [])]
    return (answer.get("status"), *found)


class _running_app:
    """`python app.py` on a free loopback port for a `with` block; its URL."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/"
        self.env = {
            **env,
            "GRADIO_SERVER_NAME": "127.0.0.1",
            "GRADIO_SERVER_PORT": str(port),
            "GRADIO_ANALYTICS_ENABLED": "False",
        }
        self.log = log

    def __enter__(self) -> str:
        self.output = open(self.log, "w", encoding="utf-8")  # closed in __exit__
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "app.py")],
            cwd=ROOT,
            env=self.env,
            stdout=self.output,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + START_LIMIT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.__exit__()
                raise RuntimeError(f"app.py exited with {self.process.returncode}; see its log")
            try:
                with urllib.request.urlopen(self.url + "config", timeout=5):
                    return self.url
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        self.__exit__()
        raise RuntimeError(f"app.py did not answer within {START_LIMIT_S} s")

    def __exit__(self, *_: object) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.output.close()
