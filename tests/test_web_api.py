"""The JSON API under /api/v1, in process over the fake assistant (no model, no server): the
answer contract, every kind of error with its status and message, CORS, the body limit and
the offline docs."""

from __future__ import annotations

import json
import logging

import pytest
from conftest import CORS_ORIGIN, post_an_endless_chunked_body
from fastapi.testclient import TestClient

from web.api import create_api
from web.settings import Settings

ASK = "/api/v1/ask"
LOCAL_DATA = "57/12 OP8(a) 地方政府 数据保护"


def test_an_answer_is_the_contract_and_equals_the_assistants(web, fake_assistant):
    response = web.post(ASK, json={"question": LOCAL_DATA, "top_k": 2})

    assert response.status_code == 200
    answer = response.json()
    assert answer == fake_assistant.ask(LOCAL_DATA, top_k=2).to_dict()
    assert set(answer) == {
        *("question", "status", "message", "language", "results"),
        *("partial", "missing", "relevance"),
    }
    first = answer["results"][0]
    assert first["id"] == "A/HRC/RES/57/12:OP8(a):zh"
    assert first["citation"]["zh"] == "人权理事会第57/12号决议第8段(a)项"
    assert set(first) >= {"rank", "quote", "highlights", "score", "label", "match", "citation_long"}


def test_the_filters_are_those_of_every_interface(web):
    answer = web.post(
        ASK,
        json={
            "question": "人权",
            "top_k": 10,
            "resolutions": "51/5, 57/12",
            "part": "preambular",
            "year_from": 2022,
            "year_to": None,
            "sessions": "51-57",
        },
    ).json()

    assert answer["results"]
    assert {r["resolution"] for r in answer["results"]} <= {"51/5", "57/12"}
    assert {r["part"] for r in answer["results"]} == {"preambular"}


def test_a_follow_up_reads_the_context(web):
    answer = web.post(ASK, json={"question": "那第8段呢？", "context": "57/12"}).json()

    assert (answer["results"][0]["resolution"], answer["results"][0]["paragraph"]) == (
        "57/12",
        "OP8",
    )


def test_the_body_is_json_whatever_its_content_type(web):
    # What `curl -X POST …/api/v1/ask -d '{"question": "…"}'` sends.
    response = web.post(
        ASK,
        content=json.dumps({"question": LOCAL_DATA}),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )

    assert response.status_code == 200
    assert response.json()["results"]


def test_no_match_is_an_answer(web):
    response = web.post(ASK, json={"question": "Tell me a joke about cats and dogs."})

    assert response.status_code == 200
    assert response.json()["status"] == "no_match"
    assert response.json()["message"].startswith("No indexed resolution mentions “cats” or “dogs”.")
    assert response.json()["missing"] == ["cats", "dogs"]


# -- 400: the assistant's own error answers -----------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"question": "   "}, "请输入一个问题。"),
        (
            {"question": "Why?", "top_k": 0},
            "The number of results must be between 1 and 50, not 0.",
        ),
        ({"question": "腐败", "top_k": 51}, "结果数量应在 1 到 50 之间，收到的是 51。"),
        ({"question": "腐败", "resolutions": ["99/1"]}, "索引中没有第99/1号决议。"),
        (
            {"question": "corruption", "part": "appendix"},
            "The part must be preambular, operative or annex",
        ),
        ({"question": "腐败", "year_from": 2024, "year_to": 2018}, "年份范围 2024–2018 无效"),
        ({"question": "corruption", "sessions": "late"}, "The session must be a whole number"),
        ({"question": "x" * 2001}, "The question is too long (2001 characters)"),
    ],
)
def test_a_request_the_assistant_refuses_is_400_with_its_message(web, body, message):
    response = web.post(ASK, json=body)

    assert response.status_code == 400
    answer = response.json()
    assert answer["status"] == "error"
    assert answer["message"].startswith(message)
    assert answer["results"] == []


# -- 422: bodies that do not fit the schema ----------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message", "problem"),
    [
        ({"question": "腐败", "top_k": "5"}, "“top_k”应为整数。", ("top_k", "int_type")),
        ({"question": "corruption", "top_k": 2.5}, "“top_k” must be a whole number.", None),
        ({"question": 42}, "“question”应为一段文字。", ("question", "string_type")),
        (
            {"question": "corruption", "year_from": "2020"},
            "“year_from” must be a whole-number",
            None,
        ),
        ({"question": "腐败", "resolutions": [57]}, "“resolutions”应为", None),
        (
            {"question": "腐败", "lang": "en"},
            "请求中有未知的字段“lang”。可用的字段：question, top_k",
            None,
        ),
        ({"question": "Why?", "foo": 1}, "The request has an unknown field “foo”.", None),
        ({"top_k": 3}, "请求中缺少“question”。", ("question", "missing")),
        (["腐败"], "请求正文应为一个 JSON 对象", ("body", "model_type")),
    ],
)
def test_a_body_that_does_not_fit_is_422_in_the_questions_language(web, body, message, problem):
    response = web.post(ASK, json=body)

    assert response.status_code == 422
    error = response.json()
    assert error["status"] == "error"
    assert error["message"].startswith(message)
    assert error["results"] == []
    if problem:
        assert error["problems"][0] == {"field": problem[0], "type": problem[1]}


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"question": "\xff"}'])
def test_a_body_that_is_not_json_is_422(web, content):
    response = web.post(ASK, content=content, headers={"Content-Type": "application/json"})

    assert response.status_code == 422
    assert response.json()["message"].startswith("请求正文应为一个 JSON 对象")


def test_without_a_question_the_message_follows_lang_or_the_browser(web):
    english = web.post(ASK + "?lang=en", json={"top_k": 3}).json()["message"]
    browser = web.post(ASK, json={}, headers={"Accept-Language": "en-GB,en;q=0.8"}).json()

    assert english == "The request has no “question”."
    assert browser["message"] == "The request has no “question”."


# -- 413: the body limit ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small(fake_assistant) -> TestClient:
    """The API alone with a 100-byte body limit."""
    return TestClient(create_api(fake_assistant, Settings(max_body_bytes=100)))


def test_a_body_over_the_limit_is_refused_by_its_length(small):
    response = small.post("/ask", json={"question": "腐败" * 40})

    assert response.status_code == 413
    assert response.json() == {
        "status": "error",
        "message": "请求正文太大：最多 100 字节。",
        "language": "zh",
    }


def test_a_chunked_body_over_the_limit_is_refused_as_it_comes(fake_assistant):
    api = create_api(fake_assistant, Settings(max_body_bytes=100))

    sent, pulled = post_an_endless_chunked_body(api, "/ask", b"lang=en")

    assert sent[0]["status"] == 413
    body = json.loads(b"".join(message.get("body", b"") for message in sent[1:]))
    assert body["message"] == "The request body is too large: at most 100 bytes."
    assert pulled == 110  # read up to the first chunk past the limit, and no further


def test_a_body_within_the_limit_is_answered(small):
    assert small.post("/ask", json={"question": "腐败"}).status_code == 200


def test_the_limit_defaults_to_64_kib(monkeypatch):
    monkeypatch.delenv("HRC_QA_MAX_BODY_BYTES", raising=False)
    assert Settings.from_environment().max_body_bytes == 65536
    monkeypatch.setenv("HRC_QA_MAX_BODY_BYTES", "1024")
    assert Settings.from_environment().max_body_bytes == 1024


# -- 404, 405, 503 ------------------------------------------------------------------------------


def test_a_paragraph_by_its_id(web):
    record = web.get("/api/v1/paragraphs/A/HRC/RES/57/12:OP8(a):zh").json()

    assert record["id"] == "A/HRC/RES/57/12:OP8(a):zh"
    assert record["paragraph"] == "OP8(a)"
    assert record["citation"]["en"] == "Human Rights Council resolution 57/12, para. 8 (a)"
    assert record["lead_in"].startswith("吁请地方政府")
    assert record["quote"] == record["lead_in"] + "(a) " + record["text"]
    assert record["page"] == "/resolution/57-12?lang=zh#OP8(a)"


@pytest.mark.parametrize(
    ("query", "message"),
    [("", "索引中没有段落“A/HRC/RES/57/12:OP99:zh”。"), ("?lang=en", "The index has no paragraph")],
)
def test_an_unknown_paragraph_is_404_with_a_message(web, query, message):
    response = web.get("/api/v1/paragraphs/A/HRC/RES/57/12:OP99:zh" + query)

    assert response.status_code == 404
    assert response.json()["status"] == "error"
    assert response.json()["message"].startswith(message)


def test_an_unknown_path_and_a_wrong_method_are_json_errors(web):
    missing = web.get("/api/v1/answers?lang=en")
    wrong = web.get(ASK)

    assert missing.status_code == 404
    assert missing.json()["message"] == "The API has no “/api/v1/answers”. See /api/v1/docs."
    assert wrong.status_code == 405
    assert wrong.json()["message"] == "“/api/v1/ask”不接受 GET 请求。"


class Broken:
    """An assistant whose every call fails, as a bug would."""

    def refresh(self):
        raise RuntimeError("a bug")

    def resolutions(self):
        raise RuntimeError("a bug")


def test_a_failure_inside_the_app_is_a_logged_503_never_a_traceback(fake_assistant, caplog):
    client = TestClient(create_api(Broken(), Settings()), raise_server_exceptions=False)

    with caplog.at_level(logging.ERROR, logger="hrc-qa"):
        listing = client.get("/resolutions?lang=en")
        answer = client.post("/ask", json={"question": "What about corruption?"})

    assert listing.status_code == 503
    assert listing.json()["message"].startswith("Something went wrong inside the app")
    assert answer.status_code == 503
    assert answer.json()["status"] == "error"
    assert answer.json()["language"] == "en"
    assert "Traceback" not in listing.text + answer.text
    assert "a bug" in caplog.text  # in the log, with its traceback


# -- the indexed resolutions --------------------------------------------------------------------


def test_the_resolutions_in_number_order_with_counts_and_pages(web, fake_assistant):
    listed = web.get("/api/v1/resolutions").json()["resolutions"]

    assert [r["number"] for r in listed] == ["36/29", "37/7", "51/5", "57/12"]
    last = listed[-1]
    assert last["symbol"] == "A/HRC/RES/57/12"
    assert last["title"] == "地方政府与人权"
    assert (last["adopted"], last["session"], last["languages"]) == ("2024-10-10", 57, ["zh"])
    assert last["paragraphs"]["operative"] == 14
    assert last["page"] == "/resolution/57-12?lang=zh"
    assert web.get(last["page"]).status_code == 200


# -- CORS ---------------------------------------------------------------------------------------


def test_an_allowed_origin_may_call_the_api(web):
    preflight = web.options(
        ASK, headers={"Origin": CORS_ORIGIN, "Access-Control-Request-Method": "POST"}
    )
    answer = web.post(ASK, json={"question": "腐败"}, headers={"Origin": CORS_ORIGIN})

    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == CORS_ORIGIN
    assert answer.headers["access-control-allow-origin"] == CORS_ORIGIN


def test_another_origin_gets_no_cors_headers(web):
    other = "http://elsewhere.example"
    preflight = web.options(ASK, headers={"Origin": other, "Access-Control-Request-Method": "POST"})
    answer = web.post(ASK, json={"question": "腐败"}, headers={"Origin": other})

    assert preflight.status_code == 400
    assert "access-control-allow-origin" not in answer.headers


def test_no_origin_is_allowed_by_default(fake_assistant, monkeypatch):
    from web.server import create_app

    monkeypatch.delenv("HRC_QA_ALLOWED_ORIGINS", raising=False)
    monkeypatch.delenv("HRC_QA_CORS_ORIGINS", raising=False)
    client = TestClient(create_app(fake_assistant, Settings.from_environment()))

    answer = client.post(ASK, json={"question": "腐败"}, headers={"Origin": CORS_ORIGIN})

    assert answer.status_code == 200
    assert "access-control-allow-origin" not in answer.headers


@pytest.mark.parametrize("name", ["HRC_QA_ALLOWED_ORIGINS", "HRC_QA_CORS_ORIGINS"])
def test_the_origins_come_from_the_environment(monkeypatch, name):
    # HRC_QA_CORS_ORIGINS is the setting's former name, still read when the new one is unset.
    monkeypatch.delenv("HRC_QA_ALLOWED_ORIGINS", raising=False)
    monkeypatch.delenv("HRC_QA_CORS_ORIGINS", raising=False)
    monkeypatch.setenv(name, "http://a.example, http://b.example/,")

    assert Settings.from_environment().allowed_origins == ("http://a.example", "http://b.example")


# -- OpenAPI and its docs -----------------------------------------------------------------------


def test_the_openapi_document_describes_the_api(web):
    document = web.get("/api/v1/openapi.json").json()

    assert set(document["paths"]) == {
        "/ask",
        "/check",
        "/resolutions",
        "/paragraphs/{paragraph_id}",
    }
    assert document["servers"] == [{"url": "/api/v1"}]
    body = document["paths"]["/ask"]["post"]["requestBody"]["content"]["application/json"]
    assert body["schema"]["required"] == ["question"]
    assert body["schema"]["additionalProperties"] is False
    assert set(document["paths"]["/ask"]["post"]["responses"]) >= {"200", "400", "413", "422"}


def test_the_docs_page_and_its_files_are_served_by_the_app(web):
    page = web.get("/api/v1/docs")

    assert page.status_code == 200
    assert "http" not in page.text
    for asset in ("docs-assets/swagger-ui-bundle.js", "docs-assets/swagger-ui.css"):
        assert web.get("/api/v1/" + asset).status_code == 200
    script = web.get("/hrc-static/docs.js")
    assert script.status_code == 200
    assert "validatorUrl: null" in script.text


def test_the_servers_url_follows_the_root_path(fake_assistant):
    client = TestClient(create_api(fake_assistant, Settings(root_path="/hrc-qa")))

    assert client.get("/openapi.json").json()["servers"] == [{"url": "/hrc-qa/api/v1"}]
    assert client.get("/resolutions").json()["resolutions"][0]["page"].startswith("/hrc-qa/")
