"""The Milvus Lite row of `hrc-qa bench`: the same synthetic corpus and questions as the FAISS
rows (`qa.bench.worker.latency`), stored in a Milvus Lite file instead, measured in a fresh
process (`python -m qa.bench.worker milvus '{"size": 200, "repeat": 2}'`).

Milvus Lite is a Python re-implementation of Milvus for tests: these figures say what this
machine does with it, not what a Milvus server or cluster does.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from qa.bench.stats import peak_rss_mb, rss_mb, summary, timed

LARGEST = 10_000
"""The largest corpus measured in Milvus Lite, which runs its analyzers and searches in
Python: the run's sizes up to this one get a Milvus Lite row."""


def available() -> bool:
    """Whether Milvus Lite is installed (`hrc-qa[milvus]`)."""
    import importlib.util

    return bool(importlib.util.find_spec("milvus_lite") and importlib.util.find_spec("pymilvus"))


def latency(size: int, repeat: int, seed: int = 0) -> dict:
    """`Assistant.ask` latency and its searches over a Milvus Lite store of `size` synthetic
    paragraphs, of the questions the FAISS rows time, each asked once after the same warm-up;
    how long storing and loading a version take."""
    from corpus import BUNDLED_CORPUS, read_resolutions
    from embeddings.model import load_encoder
    from qa.assistant import Assistant
    from qa.bench.synthetic import synthetic_corpus
    from qa.bench.worker import described, questions, timed_questions
    from qa.retrieval import HybridRetriever
    from store.filters import Filters
    from store.milvus_store import MilvusStore

    encoder = load_encoder()
    corpus = synthetic_corpus(read_resolutions([BUNDLED_CORPUS]), size, seed)
    real_vectors = encoder.encode_passages(corpus.texts()[: corpus.real_rows])
    vectors = corpus.vectors(real_vectors, encoder.encode_passages(corpus.pieces), seed)
    result: dict = {"store": "milvus-lite", "size": size, "paragraphs": corpus.size}
    with tempfile.TemporaryDirectory() as folder:
        location = Path(folder) / "bench.db"
        store = MilvusStore(location, encoder.name, encoder.dimension)
        started = time.perf_counter()
        row = 0
        for resolution in corpus.resolutions:
            rows = slice(row, row + len(resolution.paragraphs))
            store.add(resolution, vectors[rows])
            row = rows.stop
        store.save()
        result["index_build_s"] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        store = MilvusStore.load(location, encoder.name, encoder.dimension)
        result["reload_s"] = round(time.perf_counter() - started, 2)
        del corpus
        assistant = Assistant(HybridRetriever(store, encoder))
        result["rss_mb"] = rss_mb()
        for question in questions():  # warm, as the FAISS rows are
            assistant.ask(question)
        everything = Filters()
        asked = timed_questions(repeat)
        ours, dense, words = [], [], []
        for question in asked:
            ours.append(timed(lambda q=question: assistant.ask(q)))
            vector = encoder.encode_queries([question])[0]
            dense.append(timed(lambda v=vector: store.dense_search(v, 50, everything)))
            words.append(timed(lambda q=question: store.keyword_search(q, 50, everything)))
    result["questions"] = described(asked, repeat)
    result["ask"] = summary(ours)
    result["parts"] = {"dense": summary(dense), "keyword": summary(words)}
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def markdown(rows: list[dict], faiss_rows: list[dict]) -> list[str]:
    """The Milvus Lite rows beside the FAISS rows of the same run, as Markdown lines."""
    faiss_at = {row["paragraphs"]: row for row in faiss_rows}
    lines = [
        "",
        "## Milvus Lite beside FAISS (the same questions; Lite is Milvus's Python test engine)",
        "",
        "| store | paragraphs | ask p50 | ask p95 | dense p50 | keyword p50 | stored in | "
        "loaded in | RSS MiB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        for name, measured in (("FAISS", faiss_at.get(row["paragraphs"])), ("Milvus Lite", row)):
            if measured is None:
                continue
            parts = measured["parts"]
            lines.append(
                f"| {name} | {measured['paragraphs']:,} | {measured['ask']['p50_ms']:.1f} ms | "
                f"{measured['ask']['p95_ms']:.1f} ms | {parts['dense']['p50_ms']:.2f} ms | "
                f"{parts['keyword']['p50_ms']:.2f} ms | {_stored_in(measured)} | "
                f"{measured['reload_s']} s | {measured['rss_mb']:,.0f} |"
            )
    return lines


def _stored_in(measured: dict) -> str:
    """How long storing a row's corpus took; a FAISS store served from a saved folder
    (`--corpora`) was stored by an earlier run."""
    if "index_build_s" in measured:
        return f"{measured['index_build_s']} s"
    return "saved before"
