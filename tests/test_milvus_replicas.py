"""Stateless replicas: two app processes serving from one Milvus Lite server process.

`milvus-lite server` holds the index (the session's real-model index, copied in with its
vectors); two `python app.py` processes point at it with `HRC_QA_STORE=milvus://…`. Under a
bounded load spread over both, every answer is the one a single replica gives, with no error;
an index version published while they serve is taken up by both. The real model runs in each
app: the fake encoder cannot be handed to another process.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fixtures.app_server import free_port, running_app, stop, tail

pytest.importorskip(
    "milvus_lite", reason="milvus-lite is not installed: pip install 'hrc-qa[milvus]'"
)

from store.faiss_store import FaissStore
from store.milvus_store import MilvusStore

pytestmark = pytest.mark.slow

SERVER_COMMAND = [
    str(Path(sys.executable).with_name("milvus-lite")),
    "server",
    "--host",
    "127.0.0.1",
]
"""Bound to this machine only: Milvus Lite's server listens on every interface by default."""
TRANSPARENCY = "哪项决议鼓励各国采用电子采购和开放式签约等透明度做法？"  # 51/5 OP11
QUESTIONS = [
    TRANSPARENCY,
    "联合国公共服务日是哪一天？",
    "地方政府推进城市数字化时应采取哪些数据保护措施？",
    "How does corruption affect human rights?",
    "Which resolution encourages electronic procurement?",
    "今天北京的天气怎么样？",
]
ROUNDS = 3
"""Each question asked this many times of each replica under load: 36 requests in all."""
CALLERS = 4
START_LIMIT_S = 120  # not a speed requirement: how long before the server is called hung
SWAP_LIMIT_S = 600  # nor this: how long before taking up a new version is called hung


@contextlib.contextmanager
def milvus_lite_server(data: Path, log: Path) -> Iterator[str]:
    """`milvus-lite server` on a free local port, its location as `HRC_QA_STORE` names it."""
    port = free_port()
    with open(log, "w", encoding="utf-8") as output:
        process = subprocess.Popen(
            [*SERVER_COMMAND, "--data-dir", str(data), "--port", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            location = f"milvus://127.0.0.1:{port}"
            deadline = time.monotonic() + START_LIMIT_S
            while True:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"milvus-lite server did not start:\n{tail(log)}")
                try:
                    MilvusStore.published(location)
                    break
                except Exception:  # not listening yet
                    time.sleep(0.5)
            yield location
        finally:
            stop(process)


def ask(url: str, question: str) -> dict:
    request = urllib.request.Request(
        url + "api/v1/ask",
        data=json.dumps({"question": question}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=300) as response:
        assert response.status == 200
        return json.load(response)


def cited(answer: dict) -> tuple:
    """What a user reads of an answer: its status and each paragraph with its score."""
    return answer["status"], [(r["id"], round(r["score"], 5)) for r in answer["results"]]


@pytest.fixture(scope="module")
def replicas(index_home, index_env, encoder, tmp_path_factory) -> Iterator[tuple[str, list]]:
    folder = tmp_path_factory.mktemp("milvus-replicas")
    with milvus_lite_server(folder / "data", folder / "milvus.log") as location:
        faiss = FaissStore.load(index_home, encoder.name, encoder.dimension)
        milvus = MilvusStore(location, encoder.name, encoder.dimension)
        for resolution in faiss.resolutions():
            ids = [resolution.paragraph_id(p) for p in resolution.paragraphs]
            milvus.add(resolution, faiss.vectors(ids))
        milvus.save()
        env = {**index_env, "HRC_QA_STORE": location}
        with (
            running_app(env, folder / "app-1.log") as first,
            running_app(env, folder / "app-2.log") as second,
        ):
            yield location, [first, second]
    shutil.rmtree(folder, ignore_errors=True)


def test_two_replicas_answer_as_one_under_load_and_both_take_up_an_update(replicas, encoder):
    location, urls = replicas
    single = {question: cited(ask(urls[0], question)) for question in QUESTIONS}
    assert single[TRANSPARENCY][1][0][0] == "A/HRC/RES/51/5:OP11:zh"

    calls = [(url, q) for _ in range(ROUNDS) for url in urls for q in QUESTIONS]
    with ThreadPoolExecutor(CALLERS) as pool:
        answers = list(pool.map(lambda call: (call[1], cited(ask(*call))), calls))
    assert len(answers) == len(calls)  # any error would have been raised by map
    assert [answer for _, answer in answers] == [single[question] for question, _ in answers]

    # An update published while both serve: 51/5 taken out, as `hrc-qa index --remove` does.
    writer = MilvusStore.load(location, encoder.name, encoder.dimension)
    gone = [r for r in writer.resolutions() if r.number == "51/5"]
    writer.delete([r.paragraph_id(p) for r in gone for p in r.paragraphs])
    writer.save()
    deadline = time.monotonic() + SWAP_LIMIT_S
    for url in urls:
        while any(r["resolution"] == "51/5" for r in ask(url, TRANSPARENCY)["results"]):
            assert time.monotonic() < deadline, f"{url} kept the old version"
            time.sleep(1)
        with urllib.request.urlopen(url + "api/v1/resolutions", timeout=60) as response:
            listed = json.load(response)["resolutions"]
        assert "51/5" not in {record["number"] for record in listed}
