"""The Milvus store as a user reaches it: `HRC_QA_STORE` naming a Milvus Lite file, built by
`hrc-qa index` and answered from by `hrc-qa ask` as the FAISS store answers; a store of another
model refused; the default install never importing pymilvus. (The store contract itself runs
on Milvus Lite in tests/test_store_contract.py.)

Tests marked `milvus_server` need a real Milvus server named by MILVUS_URI
(`milvus://host:19530`): they compare its rankings with Milvus Lite's, which only a real
server can confirm (its BM25 statistics and its jieba, in Rust, against Lite's Python).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

pytest.importorskip(
    "milvus_lite", reason="milvus-lite is not installed: pip install 'hrc-qa[milvus]'"
)

from corpus import BUNDLED_CORPUS
from store import open_store
from store.atomic import IndexUnavailable
from store.filters import Filters
from store.milvus_store import MilvusStore, filter_expression, keyword_text
from store.update import update

QUESTIONS = [
    "联合国公共服务日是哪一天？",
    "地方政府推进城市数字化时应采取哪些数据保护措施？",
    "哪项决议鼓励各国采用电子采购和开放式签约等透明度做法？",
    "How does corruption affect human rights?",
]


def test_filters_become_a_milvus_expression():
    assert filter_expression(Filters()) == ""
    assert filter_expression(
        Filters(
            resolutions=("51/5", "A/RES/80/4"),
            bodies=("hrc", "ga"),
            part="operative",
            sessions=(37, None),
            years=(None, 2022),
        )
    ) == (
        'resolution in ["51/5", "A/RES/80/4"] and body in ["hrc", "ga"] and part == "operative"'
        " and session is not null and session >= 37 and year <= 2022"
    )
    # Any range of sessions leaves out a resolution no regular session adopted.
    assert filter_expression(Filters(sessions=(None, None))) == "session is not null"


def test_punctuation_never_reaches_the_analyzer():
    assert keyword_text("联合国公共服务日是哪一天？") == "联合国公共服务日是哪一天"
    assert keyword_text("？！…") == ""


def test_hrc_qa_index_creates_a_milvus_lite_file_that_answers_as_faiss_does(
    hrc_qa, monkeypatch, tmp_path
):
    faiss_answers = [json.loads(hrc_qa("ask", q, "--json").stdout) for q in QUESTIONS]
    monkeypatch.setenv("HRC_QA_STORE", str(tmp_path / "paragraphs.db"))
    built = hrc_qa("index")
    assert built.exit_code == 0, built.stdout + built.stderr
    assert "paragraphs.db: 4 resolutions, 168 paragraphs" in built.stdout
    assert "up to date" in hrc_qa("index").stdout.lower()  # nothing changed: nothing saved
    for question, expected in zip(QUESTIONS, faiss_answers, strict=True):
        answer = json.loads(hrc_qa("ask", question, "--json").stdout)
        assert answer["status"] == expected["status"], question
        assert [r["citation"] for r in answer["results"][:3]] == [
            r["citation"] for r in expected["results"][:3]
        ], question
    removed = hrc_qa("index", "--remove", "51/5")
    assert removed.exit_code == 0 and "removed: 51/5.zh" in removed.stdout
    answer = json.loads(hrc_qa("ask", QUESTIONS[2], "--json").stdout)
    assert all(r["resolution"] != "51/5" for r in answer["results"])


def test_a_store_built_with_another_model_is_refused(tmp_path, fake_encoder):
    location = tmp_path / "paragraphs.db"
    update(location, fake_encoder, [BUNDLED_CORPUS])
    with pytest.raises(
        IndexUnavailable, match=r"built with the model .*`hrc-qa index` embeds what it holds again"
    ):
        open_store(location, "another/model", fake_encoder.dimension)
    assert len(open_store(location, fake_encoder.name, fake_encoder.dimension)) == 168
    # `hrc-qa index` with the other model: all the index held, embedded again by it.
    other = SimpleNamespace(
        name="another/model",
        dimension=fake_encoder.dimension,
        encode_queries=fake_encoder.encode_queries,
        encode_passages=fake_encoder.encode_passages,
    )
    report = update(location, other)
    assert report.reembedded_from == fake_encoder.name and report.version
    assert len(open_store(location, "another/model", fake_encoder.dimension)) == 168


def test_an_index_made_before_bodies_is_refused_with_how_to_rebuild_it(tmp_path, fake_encoder):
    """A version whose rows lack a field this store writes (`body`) cannot be copied into the
    next version, so it is refused on loading rather than failing at the next update."""
    from pymilvus import DataType

    from store.milvus_store import ALIAS, VERSIONS

    location = tmp_path / "paragraphs.db"
    update(location, fake_encoder, [BUNDLED_CORPUS])
    client = MilvusStore.load(location, fake_encoder.name, fake_encoder.dimension).client
    schema = client.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("id", DataType.VARCHAR, is_primary=True, max_length=512)
    schema.add_field("record", DataType.JSON)
    schema.add_field("vector", DataType.FLOAT_VECTOR, dim=fake_encoder.dimension)
    index = client.prepare_index_params()
    index.add_index("vector", index_type="FLAT", metric_type="COSINE")
    client.create_collection("hrc_qa_v1", schema=schema, index_params=index)
    current = client.describe_alias(ALIAS)["collection_name"]
    client.insert(
        "hrc_qa_v1", client.query(current, limit=1, output_fields=["id", "record", "vector"])
    )
    client.upsert(
        VERSIONS,
        [
            {
                "name": "hrc_qa_v1",
                "model": fake_encoder.name,
                "dimension": fake_encoder.dimension,
                "placeholder": [0.0, 0.0],
            }
        ],
    )
    client.alter_alias("hrc_qa_v1", ALIAS)
    with pytest.raises(IndexUnavailable, match=r"has no body, .*hrc-qa index --rebuild"):
        MilvusStore.load(location, fake_encoder.name, fake_encoder.dimension)


def test_a_missing_store_says_how_to_build_it(tmp_path, fake_encoder):
    with pytest.raises(IndexUnavailable, match="hrc-qa index"):
        MilvusStore.load(tmp_path / "nothing.db", fake_encoder.name, fake_encoder.dimension)


def test_the_default_install_never_imports_pymilvus(fake_index_home):
    code = (
        "import sys, qa.cli, qa.assistant, store.update, app\n"
        "from store import open_store, store_exists\n"
        f"assert store_exists({str(fake_index_home)!r})\n"
        "assert 'pymilvus' not in sys.modules and 'milvus_lite' not in sys.modules"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


@pytest.mark.milvus_server
@pytest.mark.skipif(not os.environ.get("MILVUS_URI"), reason="MILVUS_URI names no Milvus server")
def test_a_real_server_ranks_as_milvus_lite_does(tmp_path, fake_encoder):
    """Into a database of its own on the server (`…/hrc_qa_test`), never the default one."""
    server = update(
        os.environ["MILVUS_URI"].rstrip("/") + "/hrc_qa_test",
        fake_encoder,
        [BUNDLED_CORPUS],
        rebuild=True,
    )
    lite = update(tmp_path / "paragraphs.db", fake_encoder, [BUNDLED_CORPUS])
    assert server.paragraphs == lite.paragraphs
    on_server = open_store(
        os.environ["MILVUS_URI"].rstrip("/") + "/hrc_qa_test",
        fake_encoder.name,
        fake_encoder.dimension,
    )
    on_lite = open_store(tmp_path / "paragraphs.db", fake_encoder.name, fake_encoder.dimension)
    for question in QUESTIONS:
        vector = fake_encoder.encode_queries([question])[0]
        assert [f.id for f in on_server.dense_search(vector, 10, Filters())] == [
            f.id for f in on_lite.dense_search(vector, 10, Filters())
        ]
        assert [f.id for f in on_server.keyword_search(question, 10, Filters())] == [
            f.id for f in on_lite.keyword_search(question, 10, Filters())
        ], question


def test_an_unreachable_server_is_said_so(fake_encoder):
    from fixtures.app_server import free_port

    location = f"milvus://127.0.0.1:{free_port()}"  # nothing listens there
    with pytest.raises(IndexUnavailable, match="cannot reach Milvus at milvus://"):
        open_store(location, fake_encoder.name, fake_encoder.dimension)


def test_a_milvus_lite_file_is_updated_and_read_again_by_later_processes(tmp_path):
    """As `hrc-qa index`, `hrc-qa index --rebuild`, `hrc-qa index --remove` and the app, each
    a process of its own: Milvus Lite releases every collection when its process stops."""
    location = tmp_path / "paragraphs.db"
    steps = (
        f"update({str(location)!r}, FakeEncoder(), [BUNDLED_CORPUS])",
        f"update({str(location)!r}, FakeEncoder(), [BUNDLED_CORPUS], rebuild=True)",
        f"update({str(location)!r}, FakeEncoder(), remove=['51/5'])",
        f"print(len(open_store({str(location)!r}, FakeEncoder().name, FakeEncoder().dimension)))",
    )
    for step in steps:
        run = subprocess.run(
            [
                sys.executable,
                "-c",
                "from fixtures.fake_encoder import FakeEncoder\n"
                "from corpus import BUNDLED_CORPUS\n"
                "from store import open_store\n"
                "from store.update import update\n" + step,
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).parent)},
        )
        assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split()[-1] == str(168 - 53)
