"""Issue 12, as an attacker and a careless user found the app, in process over the fake
assistant: each numbered finding reproduced and shown fixed. Memory is counted in cache
entries and kept answers, never measured in time; the busy tests hold answers with events,
so that nothing depends on how fast the machine is."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import CORS_ORIGIN, post_an_endless_chunked_body
from fastapi.testclient import TestClient

from qa.request import MAX_QUESTION_CHARS, answer_request
from web.api import create_api
from web.guard import RETRY_AFTER_SECONDS
from web.server import create_app
from web.settings import Settings

ASK = "/api/v1/ask"
GRADIO_ASK = "/gradio_api/call/v2/ask"
WAIT_SECONDS = 120  # how long to wait for a held answer before calling the test stuck


def gradio_answer(client: TestClient, response) -> tuple[str, dict]:
    """The event (complete or error) and the answer of a named `/ask` call Gradio accepted."""
    assert response.status_code == 200, response.text
    path = response.request.url.path
    stream = client.get(f"{path}/{response.json()['event_id']}").text
    event = next(line.split(":", 1)[1].strip() for line in stream.splitlines() if "event:" in line)
    data = next(line.split(":", 1)[1] for line in stream.splitlines() if line.startswith("data:"))
    answer = json.loads(data)
    return event, answer[0] if isinstance(answer, list) else answer


# -- 1. memory: caches and sessions --------------------------------------------------------------


def function_caches() -> dict[str, object]:
    """Every functools cache of the modules a question passes through, by qualified name."""
    import corpus.normalize
    import corpus.parser
    import qa.references
    import qa.relevance
    import qa.signals
    import qa.translate
    import store.tokenize

    modules = (store.tokenize, qa.references, qa.signals, qa.translate, qa.relevance)
    modules += (corpus.normalize, corpus.parser)
    return {
        f"{module.__name__}.{name}": value
        for module in modules
        for name, value in vars(module).items()
        if hasattr(value, "cache_info")
    }


def test_distinct_questions_do_not_grow_any_cache_without_bound(fake_assistant):
    from store.tokenize import SEGMENT_CACHE_SIZE

    def ask(count: int, start: int) -> None:
        for number in range(start, start + count):
            # Long and distinct, as the attacker's were: each would have stayed in memory.
            question = f"地方政府 数据保护 第{number}号问题 " + "城市数字化与人权" * 40
            fake_assistant.ask(question, top_k=1)

    ask(20, 0)
    before = {name: cache.cache_info().currsize for name, cache in function_caches().items()}
    ask(SEGMENT_CACHE_SIZE + 50, 1000)
    after = {name: cache.cache_info() for name, cache in function_caches().items()}

    for name, info in after.items():
        if info.maxsize is None:  # unbounded: only for what no client chooses (tables, patterns)
            assert info.currsize == before[name], name
        else:
            assert info.currsize <= info.maxsize, name
    assert after["store.tokenize._segment"].maxsize == SEGMENT_CACHE_SIZE


def test_a_conversation_keeps_its_last_answers_only(fake_assistant):
    from web.interface import MAX_TURNS, Interface

    interface = Interface(fake_assistant)
    turns: list[dict] = []
    for number in range(MAX_TURNS + 5):
        messages, turns, _ = interface.respond(
            f"腐败 {number}", turns, 1, [], "", "", "", "zh", "auto"
        )

    assert len(turns) == MAX_TURNS
    assert turns[-1]["question"] == f"腐败 {MAX_TURNS + 4}"
    assert len(messages) == 2 * MAX_TURNS


def test_the_app_keeps_a_bounded_number_of_sessions(fake_assistant):
    app = create_app(fake_assistant, Settings(max_sessions=3))
    gradio = next(r.app for r in app.routes if hasattr(getattr(r, "app", None), "get_blocks"))

    assert gradio.get_blocks().state_holder.capacity == 3


def test_gradio_keeps_no_record_of_every_event_and_no_monitoring_routes(fake_assistant):
    """Gradio's queue kept a record of each of the last 10,000 events and summarised them all
    after every event (in pandas, for a monitoring page); the app keeps one record, never
    summarises them, and has no monitoring routes (their summary was open to anyone)."""
    app = create_app(fake_assistant, Settings())
    gradio = next(r.app for r in app.routes if hasattr(getattr(r, "app", None), "get_blocks"))
    queue = gradio.get_blocks()._queue
    with TestClient(app) as client:
        for number in range(5):
            response = client.post(GRADIO_ASK, json={"question": f"腐败 {number}"})
            assert gradio_answer(client, response)[0] == "complete"
        summary = client.get("/monitoring/summary")

    assert queue.events_recorded == 5
    assert len(queue.event_analytics) == 1
    assert queue.cached_event_analytics_summary == {"functions": {}}
    assert summary.status_code == 403


# -- 2. request size, queue length, echoes -------------------------------------------------------


@pytest.mark.parametrize(
    "path", [GRADIO_ASK, "/gradio_api/queue/join", "/gradio_api/call/ask", ASK, "/resolution/57-12"]
)
def test_a_large_body_is_refused_on_every_route(web, path):
    body = json.dumps({"question": "腐败" * 40_000}).encode()  # 240 KB, as a script would post

    response = web.post(path + "?lang=en", content=body)

    assert response.status_code == 413
    assert response.json()["message"] == "The request body is too large: at most 65536 bytes."
    assert len(response.content) < 500  # nothing of the body is sent back


def test_a_chunked_body_is_refused_as_it_comes_on_gradios_routes(fake_assistant):
    app = create_app(fake_assistant, Settings(max_body_bytes=100))

    sent, pulled = post_an_endless_chunked_body(app, "/gradio_api/queue/join")

    assert sent[0]["status"] == 413
    assert pulled == 110  # read up to the first chunk past the limit, and no further


@pytest.mark.parametrize("path", [ASK, GRADIO_ASK])
def test_an_error_answer_sends_back_only_the_start_of_a_long_question(web, path):
    question = "腐败" * 10_000  # 20,000 characters, within the body limit

    response = web.post(path, json={"question": question})
    if path == GRADIO_ASK:
        _, answer = gradio_answer(web, response)
    else:
        assert response.status_code == 400
        answer = response.json()

    assert answer["status"] == "error"
    assert answer["message"].startswith("问题太长（20000 个字符）")
    assert answer["question"] == question[:MAX_QUESTION_CHARS] + "…"


class Held:
    """The fake assistant, whose answers wait until the test lets them go: a slow answer
    made certain, so that the queue is full when the test says so."""

    def __init__(self, assistant) -> None:
        self.assistant = assistant
        self.started = threading.Semaphore(0)
        self.go = threading.Event()

    def ask(self, *args, **kwargs):
        self.started.release()
        assert self.go.wait(WAIT_SECONDS)
        return self.assistant.ask(*args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(self.assistant, name)


def test_gradios_queue_is_bounded_and_says_busy(fake_assistant):
    held = Held(fake_assistant)
    app = create_app(held, Settings(concurrency=1, queue_size=1))
    with TestClient(app) as client:
        answered = client.post(GRADIO_ASK, json={"question": "腐败"})
        assert held.started.acquire(timeout=WAIT_SECONDS)  # being answered: the queue is empty
        waiting = client.post(GRADIO_ASK, json={"question": "人权"})  # the one place in the queue
        refused = client.post(
            GRADIO_ASK, json={"question": "corruption"}, headers={"Accept-Language": "en"}
        )
        held.go.set()
        results = [gradio_answer(client, response) for response in (answered, waiting)]

    assert [event for event, _ in results] == ["complete", "complete"]
    assert refused.status_code == 503
    assert refused.headers["retry-after"] == str(RETRY_AFTER_SECONDS)
    assert refused.json()["message"].startswith("The app is busy answering other questions")
    assert refused.json()["detail"] == refused.json()["message"]  # where Gradio's clients look


def test_the_json_api_is_bounded_and_says_busy_with_retry_after(fake_assistant):
    held = Held(fake_assistant)
    api = create_api(held, Settings(concurrency=1, queue_size=0))
    with TestClient(api) as client, ThreadPoolExecutor(1) as pool:
        first = pool.submit(client.post, "/ask", json={"question": "腐败"})
        assert held.started.acquire(timeout=WAIT_SECONDS)
        refused = client.post("/ask", json={"question": "人权"})
        held.go.set()
        answered = first.result(WAIT_SECONDS)
        after = client.post("/ask", json={"question": "人权"})

    assert answered.status_code == 200
    assert refused.status_code == 503
    assert refused.headers["retry-after"] == str(RETRY_AFTER_SECONDS)
    assert refused.json()["message"] == f"现在提问的人太多，请在 {RETRY_AFTER_SECONDS} 秒后再试。"
    assert after.status_code == 200  # a place is free again once the answer is out


def test_the_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("HRC_QA_CONCURRENCY", "3")
    monkeypatch.setenv("HRC_QA_QUEUE_SIZE", "10")
    monkeypatch.setenv("HRC_QA_MAX_SESSIONS", "50")
    settings = Settings.from_environment()

    assert (settings.concurrency, settings.queue_size, settings.max_sessions) == (3, 10, 50)
    for name in ("HRC_QA_CONCURRENCY", "HRC_QA_QUEUE_SIZE", "HRC_QA_MAX_SESSIONS"):
        monkeypatch.delenv(name)
    defaults = Settings.from_environment()
    assert (defaults.concurrency, defaults.queue_size, defaults.max_sessions) == (2, 32, 500)


# -- 3. no upload route --------------------------------------------------------------------------


def files_in(folder: Path) -> set[Path]:
    return set(folder.rglob("*")) if folder.exists() else set()


def test_the_upload_route_is_closed_and_keeps_nothing(web):
    from gradio.utils import get_upload_folder

    folder = Path(get_upload_folder())
    before = files_in(folder)

    response = web.post(
        "/gradio_api/upload?lang=en", files={"files": ("evil.html", b"<script>alert(1)</script>")}
    )

    assert response.status_code == 403
    assert response.json()["message"] == "This app does not accept file uploads."
    assert files_in(folder) == before
    assert web.post("/gradio_api/upload_progress").status_code == 403


# -- 5. a strict schema: 4xx or an error answer, never a 500, a traceback or a repr ----------------

PYTHON_REPRS = ("['", "True", "False", "None", "inf", "nan", "Traceback", "Error:")


@pytest.mark.parametrize(
    "body",
    [
        b"{}",
        b'{"question": "corruption", "x": 1}',
        b'{"question": 12345}',
        b'{"question": "corruption", "top_k": Infinity}',
        b'{"question": "corruption", "top_k": NaN}',
        b'{"question": "corruption", "top_k": 2.7}',
        b'{"question": "corruption", "top_k": true}',
        b'{"question": "corruption", "year_from": 2018.5}',
        b'{"question": "corruption", "resolutions": [["51/5"]]}',
        b'{"question": "corruption", "part": ["operative"]}',
        b'{"question": "\\ud800 corruption"}',
        b'{"question": "corruption", "\\udfff": 1}',
        b"[" * 5000 + b"]" * 5000,
        b'{"question": "corruption", "sessions": "9999999999999999999999-"}',
    ],
)
@pytest.mark.parametrize("path", [ASK, GRADIO_ASK])
def test_a_body_that_does_not_fit_is_refused_plainly_on_both_apis(web, path, body):
    response = web.post(path + "?lang=en", content=body)

    if response.status_code == 200:  # accepted by Gradio's route: its answer says what is wrong
        event, answer = gradio_answer(web, response)
        assert event == "complete"
    else:
        assert 400 <= response.status_code < 500
        answer = response.json()
    assert answer["status"] == "error"
    assert answer["message"]
    assert not any(repr_ in answer["message"] for repr_ in PYTHON_REPRS), answer["message"]


@pytest.mark.parametrize("data", [[], ["corruption"], ["corruption", *[None] * 7], "corruption"])
def test_gradios_positional_call_must_give_every_parameter(web, data):
    response = web.post("/gradio_api/call/ask", json={"data": data})

    assert response.status_code == 422
    assert (
        "question, top_k, resolutions, part, year_from, year_to, context, sessions, bodies"
        in (response.json()["message"])
    )


def test_gradios_positional_call_with_every_parameter_is_answered(web):
    data = ["那第8段呢？", 1, [], "", None, None, "57/12", None, []]

    event, answer = gradio_answer(web, web.post("/gradio_api/call/ask", json={"data": data}))

    assert event == "complete"
    assert answer["results"][0]["paragraph"] == "OP8"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"question": 12345}, "问题必须是一段文字。"),  # no text to tell the language: Chinese
        (
            {"question": "corruption", "top_k": True},
            "The number of results must be a whole number, not “true”.",
        ),
        ({"question": "corruption", "top_k": float("inf")}, "…, not “Infinity”."),
        ({"question": "corruption", "top_k": float("nan")}, "…, not “NaN”."),
        ({"question": "corruption", "top_k": 2.7}, "…, not “2.7”."),
        (
            {"question": "corruption", "years": (2018.5, None)},
            "The year must be a whole number, not “2018.5”.",
        ),
        (
            {"question": "corruption", "resolutions": [["51/5"]]},
            'Resolutions must be a list of numbers like 57/12, not “[["51/5"]]”.',
        ),
        ({"question": "corruption", "resolutions": [51]}, "…not “[51]”."),
        ({"question": "corruption", "part": ["operative"]}, '…, not “["operative"]”.'),
        ({"question": "corruption", "part": 1}, "…, not “1”."),
        ({"question": "\ud800 corruption"}, "The question has characters that cannot be read"),
        (
            {"question": "corruption", "context": "\udfff"},
            "The resolution the conversation is about",
        ),
        ({"question": "corruption", "context": 5712}, "The resolution the conversation is about"),
        (
            {"question": "corruption", "sessions": "9" * 5000},
            "The session must be a whole number or a range",
        ),
        ({"question": "corruption", "top_k": "²"}, "…, not “²”."),
        ({"question": "corruption", "part": "x" * 10_000}, "…, not “" + "x" * 40 + "…”."),
    ],
)
def test_qa_request_refuses_wrong_types_for_every_interface(fake_assistant, values, message):
    """qa.request is the one parser of the CLI, Gradio's /ask and the JSON API."""
    answer = answer_request(fake_assistant, **values)

    assert answer.status == "error"
    head, _, tail = message.partition("…")
    assert answer.message.startswith(head) and answer.message.endswith(tail), answer.message
    json.dumps(answer.to_dict(), ensure_ascii=False).encode()  # UTF-8, whatever came in


def test_a_whole_number_is_still_read_as_every_interface_sends_it(fake_assistant):
    for top_k in (3, 3.0, "3", " 3 ", "３"):
        assert len(answer_request(fake_assistant, "腐败", top_k=top_k).results) == 3


# -- 9. the embedding policy ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def closed(fake_assistant):
    """The app as it starts with no origin named: its own pages only."""
    with TestClient(create_app(fake_assistant, Settings())) as client:
        yield client


REAL_HOST = {"Host": "hrc-qa.intranet.example"}  # not localhost: Gradio's CORS reflected any origin


@pytest.mark.parametrize("path", ["/", "/config", "/resolution/57-12", ASK.replace("ask", "docs")])
def test_by_default_only_the_app_itself_may_frame_it(closed, path):
    response = closed.get(path)

    assert response.headers["x-frame-options"] == "SAMEORIGIN"
    assert response.headers["content-security-policy"] == "frame-ancestors 'self'"


def test_named_origins_may_frame_it(web):
    response = web.get("/")

    assert "x-frame-options" not in response.headers  # it cannot name an origin: CSP does
    assert response.headers["content-security-policy"] == f"frame-ancestors 'self' {CORS_ORIGIN}"


@pytest.mark.parametrize(
    "path", ["/config", "/gradio_api/info", "/gradio.js", "/api/v1/resolutions"]
)
def test_cors_is_granted_to_named_origins_only_on_every_route(web, closed, path):
    named = web.get(path, headers={**REAL_HOST, "Origin": CORS_ORIGIN})
    other = web.get(path, headers={**REAL_HOST, "Origin": "http://evil.example"})
    by_default = closed.get(path, headers={**REAL_HOST, "Origin": CORS_ORIGIN})
    preflight = web.options(
        path,
        headers={
            **REAL_HOST,
            "Origin": "http://evil.example",
            "Access-Control-Request-Method": "POST",
        },
    )

    assert named.headers["access-control-allow-origin"] == CORS_ORIGIN
    assert "access-control-allow-origin" not in other.headers
    assert "access-control-allow-origin" not in by_default.headers
    assert "access-control-allow-origin" not in preflight.headers


def test_a_refusal_carries_the_cors_headers_of_a_named_origin(web):
    response = web.post(
        "/gradio_api/upload", files={"files": ("a.txt", b"a")}, headers={"Origin": CORS_ORIGIN}
    )

    assert response.status_code == 403
    assert response.headers["access-control-allow-origin"] == CORS_ORIGIN


# -- 10. the smaller findings --------------------------------------------------------------------


def test_filters_that_leave_no_resolution_say_so(web):
    response = web.post(
        ASK, json={"question": "What about corruption?", "year_from": 2000, "year_to": 2001}
    )

    answer = response.json()
    assert response.status_code == 200
    assert (answer["status"], answer["results"]) == ("no_match", [])
    assert answer["message"].startswith("No indexed resolution falls within the filters")
    assert "below" not in answer["message"]


def test_a_resolution_page_is_in_the_language_of_its_text(web):
    page = web.get("/resolution/57-12?lang=en").text  # 57/12 is indexed in Chinese only

    assert '<html lang="zh">' in page
    assert '<h2 lang="en">Preamble</h2>' in page  # the interface's words, in English, say so


@pytest.mark.parametrize("path", ["/resolution/57-12", "/gradio.js", "/embed-test"])
def test_head_answers_as_get(web, path):
    head = web.head(path)

    assert head.status_code == 200
    assert head.headers["content-type"] == web.get(path).headers["content-type"]


def test_head_on_an_unknown_resolution_is_not_found(web):
    assert web.head("/resolution/99-1").status_code == 404
