"""The web app's answers are kept by request and index version: asked again, a question is
answered the same without searching again, and a new index version is searched afresh."""

from __future__ import annotations

import shutil

from conftest import open_assistant
from fastapi.testclient import TestClient

from store.update import update
from web.answering import AnswerCache, answer_question
from web.api import create_api
from web.settings import Settings


class Counting:
    """An assistant that counts the questions it really answers."""

    def __init__(self, assistant) -> None:
        self.assistant = assistant
        self.asked = 0

    def ask(self, *args, **kwargs):
        self.asked += 1
        return self.assistant.ask(*args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(self.assistant, name)


def test_a_repeated_request_is_answered_from_the_cache(fake_assistant):
    counting = Counting(fake_assistant)
    client = TestClient(create_api(counting, Settings()))
    first = client.post("/ask", json={"question": "腐败", "top_k": 3})
    again = client.post("/ask", json={"question": "腐败", "top_k": 3})
    other = client.post("/ask", json={"question": "腐败", "top_k": 2})

    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert len(other.json()["results"]) == 2  # another request is not the cached one
    assert counting.asked == 2


def test_a_new_index_version_is_searched_afresh(tmp_path, fake_index_home, fake_encoder):
    home = tmp_path / "index"
    shutil.copytree(fake_index_home, home)
    counting = Counting(open_assistant(home, fake_encoder))
    question = "联合国公共服务日是哪一天？"
    before = answer_question(counting, question)
    first = before.results[0].resolution.number
    update(home, fake_encoder, [], remove=[first])  # another process publishes a version
    after = answer_question(counting, question)

    assert counting.asked == 2
    assert after.results and all(quote.resolution.number != first for quote in after.results)


def test_the_cache_keeps_the_most_recently_used():
    cache = AnswerCache(size=2)
    cache.put("a", "answer a")  # type: ignore[arg-type]
    cache.put("b", "answer b")  # type: ignore[arg-type]
    assert cache.get("a") == "answer a"
    cache.put("c", "answer c")  # type: ignore[arg-type]
    assert cache.get("b") is None and cache.get("a") == "answer a" and cache.get("c") == "answer c"
