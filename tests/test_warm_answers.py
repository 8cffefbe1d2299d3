"""A question is searched by keyword in a thread of its own while it is embedded (an English
one's translations embedded and searched in another as soon as they are chosen): the answers
are those of one caller asking one question at a time, however many are asked at once, and a
model that fails still fails the answer."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
from fixtures.fake_encoder import FakeEncoder

from qa.assistant import Assistant

QUESTIONS = [
    "联合国公共服务日是哪一天？",
    "腐败对享有人权有哪些有害影响？",
    "地方政府推进城市数字化时应当采取哪些数据保护和网络安全措施？",
    "How does corruption affect human rights?",
    "What should local governments do about data protection?",
    "第57/12号决议执行部分第10段",
    "今天北京的天气怎么样？",
]


def answered(assistant: Assistant, question: str) -> tuple:
    answer = assistant.ask(question)
    return answer.to_dict(), answer.relevance, [quote.score for quote in answer.results]


def test_answers_asked_at_once_are_those_of_one_caller(fake_assistant):
    alone = [answered(fake_assistant, question) for question in QUESTIONS]
    with ThreadPoolExecutor(16) as callers:
        together = list(callers.map(lambda q: answered(fake_assistant, q), QUESTIONS * 8))
    assert together == alone * 8


class _WaitingEncoder(FakeEncoder):
    """Embeds a question only once its keyword search has started (or after 10 s)."""

    def __init__(self, searched: threading.Event) -> None:
        self.searched = searched
        self.waited: list[bool] = []

    def encode_queries(self, texts):
        self.waited.append(self.searched.wait(10))
        return super().encode_queries(texts)


def test_the_keyword_search_does_not_wait_for_the_embedding(fake_assistant, monkeypatch):
    searched = threading.Event()
    encoder = _WaitingEncoder(searched)
    retriever = replace(fake_assistant.retriever, encoder=encoder)
    store = retriever.store
    keyword_search = store.keyword_search

    def search(*arguments, **options):
        searched.set()
        return keyword_search(*arguments, **options)

    monkeypatch.setattr(store, "keyword_search", search)
    answer = Assistant(retriever).ask("联合国公共服务日是哪一天？")
    assert answer.status == "ok"
    assert encoder.waited[0]  # the embedding was still under way when the search began


class _FailingEncoder(FakeEncoder):
    def encode_queries(self, texts):
        raise RuntimeError("the model's session failed")


def test_a_failing_model_fails_the_answer(fake_assistant):
    retriever = replace(fake_assistant.retriever, encoder=_FailingEncoder())
    with pytest.raises(RuntimeError, match="session failed"):
        Assistant(retriever).ask("联合国公共服务日是哪一天？")


class _FailingOnTranslationsEncoder(FakeEncoder):
    """Embeds an English question, and fails on its second query, its Chinese translations."""

    def encode_queries(self, texts):
        if not texts[0].isascii():
            raise RuntimeError("the model's session failed on the translations")
        return super().encode_queries(texts)


def test_a_model_failing_on_an_english_questions_translations_fails_its_search(fake_assistant):
    # The translations are embedded in a thread of their own: what fails there fails the
    # search waiting for it, rather than leaving it waiting or searching without them.
    retriever = replace(fake_assistant.retriever, encoder=_FailingOnTranslationsEncoder())
    with pytest.raises(RuntimeError, match="on the translations"):
        retriever.find("How does corruption affect human rights?", 5)
