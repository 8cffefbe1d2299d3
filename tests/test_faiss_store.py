"""The FAISS + bm25s store on disk: what it refuses, what it persists, and a killed build.

Vectors come from the fake encoder, except in the killed build, which is a real
`hrc-qa index --rebuild` in a subprocess.
"""

from __future__ import annotations

import gc
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import faiss
import numpy as np
import pytest

from corpus import BUNDLED_CORPUS
from store import faiss_store
from store import vectors as vector_indexes
from store.atomic import IndexUnavailable
from store.faiss_store import FaissStore
from store.filters import Filters
from store.update import update

FILES = [BUNDLED_CORPUS / f"A_HRC_RES_{n}.zh.txt" for n in ("36_29", "37_7", "51_5")]


@pytest.fixture
def home(tmp_path, fake_encoder) -> Path:
    """A folder with a saved store of 36/29, 37/7 and 51/5."""
    update(tmp_path, fake_encoder, FILES)
    return tmp_path


def load(home: Path, encoder) -> FaissStore:
    return FaissStore.load(home, encoder.name, encoder.dimension)


def test_opening_a_store_segments_nothing(home, fake_encoder, monkeypatch):
    def refuse(text: str) -> list[str]:
        raise AssertionError(f"segmented a stored paragraph again: {text[:20]}")

    store = load(home, fake_encoder)
    monkeypatch.setattr(faiss_store, "tokens", refuse)
    found = store.keyword_search("联合国公共服务日", 2, Filters())
    assert found[0].id in ("A/HRC/RES/37/7:OP8:zh", "A/HRC/RES/37/7:OP9:zh")


def test_an_update_of_a_loaded_store_keeps_the_stored_words(home, fake_encoder):
    update(home, fake_encoder, [BUNDLED_CORPUS / "A_HRC_RES_57_12.zh.txt"])
    store = load(home, fake_encoder)
    assert store.keyword_search("联合国公共服务日", 1, Filters())[0].id.startswith("A/HRC/RES/37/7")
    assert store.keyword_search("智能城市", 1, Filters())[0].id.startswith("A/HRC/RES/57/12")


def test_a_load_leaves_garbage_collection_as_it_found_it(home, fake_encoder):
    assert gc.isenabled()
    load(home, fake_encoder)
    assert gc.isenabled()
    gc.disable()
    try:
        load(home, fake_encoder)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_store_of_another_model_is_refused(home):
    with pytest.raises(
        IndexUnavailable, match=r"built with the model .*`hrc-qa index` embeds what it holds again"
    ):
        FaissStore.load(home, "intfloat/multilingual-e5-large", 1024)


@pytest.mark.parametrize("name", ["index.faiss", "keyword.data.npy", "rows.json"])
def test_a_truncated_file_is_refused(home, fake_encoder, name):
    version = home / (home / "CURRENT").read_text(encoding="utf-8").strip()
    damaged = version / name
    damaged.write_bytes(damaged.read_bytes()[: damaged.stat().st_size // 2])
    with pytest.raises(IndexUnavailable, match=r"rebuild it with `hrc-qa index --rebuild`"):
        load(home, fake_encoder)


def test_above_the_exact_limit_the_vectors_go_into_a_graph(fake_encoder, monkeypatch, tmp_path):
    monkeypatch.setattr(vector_indexes, "EXACT_SEARCH_LIMIT", 10)
    update(tmp_path, fake_encoder, FILES[:1])
    store = load(tmp_path, fake_encoder)
    assert store.vector_index.kind == "IndexHNSWSQ"
    query = fake_encoder.encode_queries(["国家报告和后续行动机制"])[0]
    ids = paragraph_ids(store)
    nearest = ids[int(np.argmax(store.vectors(ids) @ query))]
    assert store.dense_search(query, 1, Filters())[0].id == nearest


def _float_graph(vectors: np.ndarray) -> faiss.Index:
    graph = faiss.IndexHNSWFlat(
        vectors.shape[1], vector_indexes.HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT
    )
    graph.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return graph


def _coded_graph(codes: int) -> Callable[[np.ndarray], faiss.Index]:
    def saved_graph(vectors: np.ndarray) -> faiss.Index:
        graph = faiss.IndexHNSWSQ(
            vectors.shape[1], codes, vector_indexes.HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT
        )
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        graph.train(vectors)
        graph.add(vectors)
        return graph

    return saved_graph


@pytest.mark.parametrize(
    ("saved_graph", "kind"),
    [
        (_float_graph, "IndexHNSWFlat"),
        (_coded_graph(faiss.ScalarQuantizer.QT_8bit), "IndexHNSWSQ"),
        (_coded_graph(faiss.ScalarQuantizer.QT_bf16), "IndexHNSWSQ"),
    ],
    ids=["float vectors", "8-bit codes", "bfloat16 codes"],
)
def test_a_graph_saved_by_an_earlier_version_still_answers(
    saved_graph, kind, fake_encoder, monkeypatch, tmp_path
):
    # Graphs were saved holding the float vectors, then 8-bit codes with a range a dimension,
    # then bfloat16 codes, before signed-byte codes: a version saved so loads and is searched
    # as it was (the question as it is, not made into codes), its candidates scored exactly.
    monkeypatch.setattr(vector_indexes, "EXACT_SEARCH_LIMIT", 10)
    monkeypatch.setattr(vector_indexes, "graph", saved_graph)
    update(tmp_path, fake_encoder, FILES[:1])
    monkeypatch.undo()
    store = load(tmp_path, fake_encoder)
    assert store.vector_index.kind == kind
    query = fake_encoder.encode_queries(["国家报告和后续行动机制"])[0]
    ids = paragraph_ids(store)
    exact = store.vectors(ids) @ query
    hits = store.dense_search(query, 3, Filters())
    assert hits[0].id == ids[int(np.argmax(exact))]
    np.testing.assert_allclose(
        [hit.score for hit in hits], np.sort(exact)[::-1][:3], rtol=0, atol=1e-6
    )


def test_a_version_saved_before_the_vectors_were_split_still_answers(home, fake_encoder):
    # Its manifest has no `vector_rows`: one index holds every row, as it always did.
    version = home / (home / "CURRENT").read_text(encoding="utf-8").strip()
    manifest_file = version / "manifest.json"
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    assert manifest.pop("vector_rows") == [manifest["paragraphs"]]
    manifest_file.write_text(json.dumps(manifest), encoding="utf-8")
    store = load(home, fake_encoder)
    query = fake_encoder.encode_queries(["国家报告和后续行动机制"])[0]
    ids = paragraph_ids(store)
    nearest = ids[int(np.argmax(store.vectors(ids) @ query))]
    assert store.dense_search(query, 1, Filters())[0].id == nearest


def paragraph_ids(store: FaissStore) -> list[str]:
    return [r.paragraph_id(p) for r in store.resolutions() for p in r.paragraphs]


def kill_while_writing(command: list[str], env: dict[str, str], home: Path) -> bool:
    """Run a build and SIGKILL it the moment its new version folder appears; whether the
    kill landed before the build finished."""
    build = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while build.poll() is None and not list(home.glob(".building-*")):
        time.sleep(0.0005)
    if build.poll() is None:
        os.kill(build.pid, signal.SIGKILL)
    return build.wait() == -signal.SIGKILL


@pytest.mark.slow
def test_a_killed_build_leaves_the_old_store_loadable(home, fake_encoder):
    before = load(home, fake_encoder)
    command = [str(Path(sys.executable).with_name("hrc-qa")), "index", "--rebuild", "--index"]
    # The window between starting to write and switching versions is short: try a few times.
    for _ in range(5):
        if kill_while_writing([*command, str(home)], dict(os.environ), home):
            break
    else:
        pytest.fail("the build always finished before it could be killed")
    after = load(home, fake_encoder)
    assert after.version == before.version and len(after) == len(before)
    ids = paragraph_ids(before)
    np.testing.assert_array_equal(after.vectors(ids), before.vectors(ids))


@pytest.fixture(scope="module", params=[4000, 1500], ids=["one graph", "three graphs"])
def clustered_store(request) -> tuple[FaissStore, np.ndarray, list[str]]:
    """4,000 recombined paragraphs (`qa.bench.synthetic`) with clustered vectors (each the
    mean of its pieces' random vectors), in one graph, or in three of at most 1,500 rows
    walked side by side: the benchmark's corpus, small; with the vectors and ids in the order
    they were added."""
    from corpus import read_resolutions
    from qa.bench.synthetic import synthetic_corpus

    corpus = synthetic_corpus(read_resolutions([BUNDLED_CORPUS]), 4000, seed=1)
    rng = np.random.default_rng(1)
    random = rng.normal(size=(len(corpus.pieces) + corpus.real_rows, 64)).astype(np.float32)
    random /= np.linalg.norm(random, axis=1, keepdims=True)
    vectors = corpus.vectors(random[: corpus.real_rows], random[corpus.real_rows :], seed=1)
    store = FaissStore(None, "random", 64)
    row = 0
    for resolution in corpus.resolutions:
        rows = slice(row, row + len(resolution.paragraphs))
        store.add(resolution, vectors[rows], corpus.words[rows])
        row = rows.stop
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(vector_indexes, "EXACT_SEARCH_LIMIT", 1000)
        patch.setattr(vector_indexes, "GRAPH_ROWS", request.param)
        graphs = len(store.vector_index.parts)
    assert store.vector_index.kind == ("IndexHNSWSQ" if graphs == 1 else "3 × IndexHNSWSQ")
    ids = [r.paragraph_id(p) for r in corpus.resolutions for p in r.paragraphs]
    return store, vectors, ids


def exact_top(vectors: np.ndarray, ids: list[str], query: np.ndarray, k: int) -> list[str]:
    return [ids[row] for row in np.argsort(-(vectors @ query), kind="stable")[:k]]


def test_the_graph_finds_what_exact_search_finds(clustered_store):
    store, vectors, ids = clustered_store
    queries = vectors[np.random.default_rng(2).choice(len(vectors), 100, replace=False)]
    queries = queries + np.random.default_rng(3).normal(0, 0.02, queries.shape)
    shares, firsts = [], []
    for query in queries.astype(np.float32):
        truth = exact_top(vectors, ids, query, 10)
        found = [hit.id for hit in store.dense_search(query, 10, Filters())]
        shares.append(len(set(truth) & set(found)) / 10)
        firsts.append(found[0] == truth[0])
    assert np.mean(shares) >= 0.99
    assert all(firsts)


def test_a_graph_gives_exact_scores_best_first(clustered_store):
    # The walk compares signed-byte codes; what it returns is scored from the float vectors.
    store, vectors, ids = clustered_store
    query = vectors[11]
    hits = store.dense_search(query, 20, Filters())
    exact = dict(zip(ids, (vectors @ query).tolist(), strict=True))
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    np.testing.assert_allclose(scores, [exact[hit.id] for hit in hits], rtol=0, atol=1e-6)


def test_a_filtered_graph_search_finds_what_exact_search_finds(clustered_store):
    store, vectors, ids = clustered_store
    operative = [row for row, pid in enumerate(ids) if ":OP" in pid]
    query = vectors[23]
    truth = exact_top(vectors[operative], [ids[row] for row in operative], query, 10)
    found = [hit.id for hit in store.dense_search(query, 10, Filters(part="operative"))]
    assert found == truth


def test_a_saved_graph_is_searched_as_deep_as_a_new_one(clustered_store):
    # A graph keeps the efSearch it was saved with: a store searches with its own anyway.
    store, vectors, ids = clustered_store
    for graph in store.vector_index.parts:
        graph.hnsw.efSearch = 1
    query = vectors[7]
    try:
        truth = exact_top(vectors, ids, query, 10)
        assert [hit.id for hit in store.dense_search(query, 10, Filters())] == truth
    finally:
        for graph in store.vector_index.parts:
            graph.hnsw.efSearch = vector_indexes.ef_search(graph.ntotal)


def test_a_crowded_walk_is_walked_again_and_finds_what_a_deeper_walk_finds(
    clustered_store, monkeypatch
):
    # Walks kept shallow here (ten candidates, ten scored again) so that they miss: where the candidates crowd, the second walk
    # of three times as many finds what a walk that deep finds, and the first's rows are kept.
    store, vectors, ids = clustered_store
    queries = vectors[np.random.default_rng(4).choice(len(vectors), 100, replace=False)]
    queries = (queries + np.random.default_rng(5).normal(0, 0.02, queries.shape)).astype(np.float32)

    monkeypatch.setattr(vector_indexes, "RESCORED", 10)

    def recall(ef: int, spread: float) -> float:
        monkeypatch.setattr(vector_indexes, "HNSW_EF_SEARCH", ((None, ef),))
        monkeypatch.setattr(vector_indexes, "CROWDED_SPREAD", spread)
        shares = [
            len(
                set(exact_top(vectors, ids, query, 10))
                & {hit.id for hit in store.dense_search(query, 10, Filters())}
            )
            / 10
            for query in queries
        ]
        return float(np.mean(shares))

    shallow, deeper = recall(10, 0.0), recall(3 * 10, 0.0)
    assert shallow < deeper
    assert recall(10, np.inf) >= deeper


class CountedWalks:
    """A graph whose walks' efSearch values are kept, in order."""

    def __init__(self, graph: faiss.Index) -> None:
        self.graph, self.walks = graph, []

    def __getattr__(self, name: str):
        return getattr(self.graph, name)

    def search(self, query, k, params):
        self.walks.append(params.efSearch)
        return self.graph.search(query, k, params=params)


def test_only_a_crowded_walk_is_walked_again(clustered_store, monkeypatch):
    store, vectors, _ = clustered_store
    graph = CountedWalks(store.vector_index.parts[0])
    matrix = vectors[: graph.ntotal]
    # Near a row, not the row itself: at no distance from the question nothing is crowded.
    query = vectors[5] + np.random.default_rng(6).normal(0, 0.02, vectors.shape[1])
    query = (query / np.linalg.norm(query)).astype(np.float32)
    monkeypatch.setattr(vector_indexes, "CROWDED_SPREAD", 0.0)
    vector_indexes.walk(graph, matrix, query, 10, 64)
    monkeypatch.setattr(vector_indexes, "CROWDED_SPREAD", np.inf)
    vector_indexes.walk(graph, matrix, query, 10, 64)
    vector_indexes.walk(graph, matrix, query, 10, 64, again=False)
    assert graph.walks == [64, 64, 3 * 64, 64]


def test_candidates_crowd_when_the_tenth_is_about_as_near_as_the_fiftieth():
    # Judged against how far the best is from the question, not by a score of their own.
    near, far = 1 - np.linspace(0.100, 0.102, 50), 1 - np.linspace(0.10, 0.20, 50)
    assert vector_indexes.crowded(near)
    assert not vector_indexes.crowded(far)
    assert vector_indexes.crowded(1 - (1 - near) * 3)  # as crowded, three times as far
    assert not vector_indexes.crowded(near[:49])  # a filter's few rows are not judged


@pytest.fixture
def split_home(tmp_path, fake_encoder, monkeypatch) -> Path:
    """A saved store of 36/29, 37/7 and 51/5 whose vectors are in graphs of at most 40 rows."""
    monkeypatch.setattr(vector_indexes, "EXACT_SEARCH_LIMIT", 10)
    monkeypatch.setattr(vector_indexes, "GRAPH_ROWS", 40)
    update(tmp_path, fake_encoder, FILES)
    return tmp_path


def test_graphs_side_by_side_are_saved_and_searched_as_one(split_home, fake_encoder):
    store = load(split_home, fake_encoder)
    graphs = len(store.vector_index.parts)
    assert graphs == -(-len(store) // 40) > 1
    version = split_home / (split_home / "CURRENT").read_text(encoding="utf-8").strip()
    saved = sorted(path.name for path in version.glob("index*.faiss"))
    assert saved == sorted(["index.faiss", *(f"index.{part}.faiss" for part in range(1, graphs))])
    ids = paragraph_ids(store)
    matrix = store.vectors(ids)
    for question in ("国家报告和后续行动机制", "土著人民的权利", "妇女参与公共事务"):
        query = fake_encoder.encode_queries([question])[0]
        hits = store.dense_search(query, 5, Filters())
        assert [hit.id for hit in hits] == exact_top(matrix, ids, query, 5)
        exact = dict(zip(ids, (matrix @ query).tolist(), strict=True))
        np.testing.assert_allclose([hit.score for hit in hits], [exact[hit.id] for hit in hits])
        operative = [hit.id for hit in store.dense_search(query, 5, Filters(part="operative"))]
        rows = [row for row, pid in enumerate(ids) if ":OP" in pid]
        assert operative == exact_top(matrix[rows], [ids[row] for row in rows], query, 5)


def test_a_damaged_graph_of_several_is_refused(split_home, fake_encoder):
    version = split_home / (split_home / "CURRENT").read_text(encoding="utf-8").strip()
    damaged = version / "index.1.faiss"
    damaged.write_bytes(damaged.read_bytes()[: damaged.stat().st_size // 2])
    with pytest.raises(IndexUnavailable, match=r"rebuild it with `hrc-qa index --rebuild`"):
        load(split_home, fake_encoder)


def test_a_resolution_added_is_among_the_names_at_once(home, fake_encoder):
    from corpus import read_resolutions

    store = load(home, fake_encoder)
    assert "57/12" not in store.names().held
    [added] = read_resolutions([BUNDLED_CORPUS / "A_HRC_RES_57_12.zh.txt"])
    texts = [p.text for p in added.paragraphs]
    store.add(added, fake_encoder.encode_passages(texts))
    assert "57/12" in store.names().held
    assert store.names().in_order == tuple(dict.fromkeys(r.name for r in store.resolutions()))
