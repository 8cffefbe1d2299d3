"""The FAISS + bm25s store on disk: what it refuses, what it persists, and a killed build.

Vectors come from the fake encoder, except in the killed build, which is a real
`hrc-qa index --rebuild` in a subprocess.
"""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from corpus import BUNDLED_CORPUS
from store import faiss_store
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
    with pytest.raises(IndexUnavailable, match=r"built with the model .*--rebuild"):
        FaissStore.load(home, "intfloat/multilingual-e5-large", 1024)


@pytest.mark.parametrize("name", ["index.faiss", "keyword.data.npy", "rows.json"])
def test_a_truncated_file_is_refused(home, fake_encoder, name):
    version = home / (home / "CURRENT").read_text(encoding="utf-8").strip()
    damaged = version / name
    damaged.write_bytes(damaged.read_bytes()[: damaged.stat().st_size // 2])
    with pytest.raises(IndexUnavailable, match=r"rebuild it with `hrc-qa index --rebuild`"):
        load(home, fake_encoder)


def test_above_the_exact_limit_the_vectors_go_into_a_graph(fake_encoder, monkeypatch, tmp_path):
    monkeypatch.setattr(faiss_store, "EXACT_SEARCH_LIMIT", 10)
    update(tmp_path, fake_encoder, FILES[:1])
    store = load(tmp_path, fake_encoder)
    assert type(store.vector_index).__name__ == "IndexHNSWFlat"
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
