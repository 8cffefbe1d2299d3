"""The app's two APIs against `python app.py` running as a real server with the real model:
Gradio's `/ask` (gradio_client and Gradio's plain-HTTP calls) and the JSON API under /api/v1
(a plain HTTP client, as an intranet system calls it).

The server is the session's one running app (tests/conftest.py), over its own copy of the
session's index, so that the reload test can publish a changed index without touching the one
other tests read. Rendering, the app's pages and every error case of the JSON API are tested
in process, without the model: tests/test_web_*.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from conftest import CORS_ORIGIN
from fixtures.app_server import REPO
from gradio_client import Client

pytestmark = pytest.mark.slow

# Questions of eval/dev.jsonl that the assistant answers with their gold paragraph first.
TRANSPARENCY = "哪项决议鼓励各国采用电子采购和开放式签约等透明度做法？"  # 51/5 OP11
ONLINE_RIGHTS = "Must the rights that people have offline also be protected online?"  # 51/5 OP3
LOCAL_DATA = "地方政府推进城市数字化时应当采取哪些数据保护和网络安全措施？"  # 57/12 OP8(a)


@pytest.fixture(scope="module")
def app_index(running_app_index):
    return running_app_index


@pytest.fixture(scope="module")
def app_url(running_app_url):
    return running_app_url


@pytest.fixture(scope="module")
def client(app_url):
    return Client(app_url, verbose=False, analytics_enabled=False)


def ask(client: Client, question: str, **options) -> dict:
    return client.predict(question, **options, api_name="/ask")


def ranked(answer: dict) -> list[tuple[str, str]]:
    return [(result["resolution"], result["paragraph"]) for result in answer["results"]]


# -- answers ------------------------------------------------------------------------------------


def test_a_chinese_question_gets_the_paragraph_and_its_citation(client):
    answer = ask(client, TRANSPARENCY)

    assert answer["status"] == "ok"
    assert answer["language"] == "zh"
    first = answer["results"][0]
    assert (first["resolution"], first["paragraph"]) == ("51/5", "OP11")
    assert first["citation"]["zh"] == "人权理事会第51/5号决议第11段"
    assert first["symbol"] == "A/HRC/RES/51/5"
    assert "电子采购" in first["quote"]
    assert len(answer["results"]) == 5


@pytest.mark.parametrize(
    ("question", "options"),
    [
        (TRANSPARENCY, {}),
        (ONLINE_RIGHTS, {"top_k": 3}),
        (LOCAL_DATA, {"resolutions": ["57/12"], "part": "operative"}),
        ("那第8段呢？", {"context": "57/12"}),
        ("", {}),
    ],
)
def test_the_api_answers_exactly_as_the_assistant_does(client, assistant, question, options):
    from store.filters import Filters

    filters = Filters(tuple(options.get("resolutions", ())), options.get("part"))
    expected = assistant.ask(
        question,
        top_k=options.get("top_k", 5),
        filters=filters,
        context=options.get("context"),
    ).to_dict()

    answer = ask(client, question, **options)

    assert {**answer, "results": None} == {**expected, "results": None}
    assert len(answer["results"]) == len(expected["results"])
    for got, want in zip(answer["results"], expected["results"], strict=True):
        assert {**got, "score": None} == {**want, "score": None}
        assert got["score"] == pytest.approx(want["score"], abs=1e-3)


def test_the_answer_follows_the_contract(client):
    answer = ask(client, TRANSPARENCY, top_k=1)

    assert set(answer) >= {"question", "status", "message", "language", "results"}
    result = answer["results"][0]
    assert set(result) >= {
        *("rank", "resolution", "symbol", "paragraph", "part", "title", "adopted", "session"),
        *("score", "text", "citation", "citation_long", "quote", "highlights"),
    }
    assert result["citation"]["en"] == "Human Rights Council resolution 51/5, para. 11"
    assert result["citation_long"]["zh"] == "人权理事会2022年10月6日第51/5号决议第11段"
    assert result["adopted"] == "2022-10-06"
    start, end = result["highlights"][0]
    assert result["quote"][start:end]  # spans of the quote, not of some other text


def test_an_english_question_gets_english_messages_and_the_paragraph(client):
    answer = ask(client, ONLINE_RIGHTS)

    assert answer["status"] == "ok"
    assert answer["language"] == "en"
    assert ranked(answer)[0] == ("51/5", "OP3")
    assert answer["results"][0]["citation"]["en"] == "Human Rights Council resolution 51/5, para. 3"


def test_named_parameters_with_their_defaults(client):
    answer = client.predict(question=TRANSPARENCY, top_k=2, api_name="/ask")

    assert len(answer["results"]) == 2
    assert ranked(answer)[0] == ("51/5", "OP11")


def test_a_follow_up_question_reads_the_context(client):
    answer = ask(client, "那第8段呢？", context="57/12")

    assert answer["status"] == "ok"
    assert ranked(answer)[0] == ("57/12", "OP8")
    assert answer["results"][0]["citation"]["zh"] == "人权理事会第57/12号决议第8段"


# -- filters ------------------------------------------------------------------------------------


def test_the_resolution_filter_keeps_to_those_resolutions(client):
    answer = ask(client, TRANSPARENCY, resolutions=["51/5", "57/12"], top_k=10)

    assert answer["results"]
    assert {resolution for resolution, _ in ranked(answer)} <= {"51/5", "57/12"}


def test_the_part_filter_keeps_to_that_part(client):
    answer = ask(client, TRANSPARENCY, part="preambular", top_k=10)

    assert answer["results"]
    assert all(result["part"] == "preambular" for result in answer["results"])
    assert all(label.startswith("PP") for _, label in ranked(answer))


def test_the_year_filter_keeps_to_those_years(client):
    answer = ask(client, TRANSPARENCY, year_from=2017, year_to=2018, top_k=10)

    assert answer["results"]
    assert all("2017" <= result["adopted"][:4] <= "2018" for result in answer["results"])
    assert "51/5" not in {resolution for resolution, _ in ranked(answer)}  # adopted 2022


def test_top_k_sets_the_number_of_results(client):
    assert len(ask(client, TRANSPARENCY, top_k=3)["results"]) == 3


# -- errors -------------------------------------------------------------------------------------


def test_an_empty_question_is_an_error_with_a_message(client):
    answer = ask(client, "   ")

    assert answer["status"] == "error"
    assert answer["message"]
    assert answer["results"] == []


def test_an_unknown_resolution_filter_is_an_error_naming_it(client):
    answer = ask(client, TRANSPARENCY, resolutions=["99/1"])

    assert answer["status"] == "error"
    assert "99/1" in answer["message"]
    assert "37/7" in answer["message"]  # and says which ones there are


@pytest.mark.parametrize(
    "options", [{"part": "appendix"}, {"top_k": 0}, {"year_from": 2024, "year_to": 2018}]
)
def test_bad_options_are_errors_with_a_message(client, options):
    answer = ask(client, TRANSPARENCY, **options)

    assert answer["status"] == "error"
    assert answer["message"]


# -- many callers -------------------------------------------------------------------------------


def test_sixteen_concurrent_callers_get_the_same_answers_as_one(app_url, client):
    questions = [TRANSPARENCY, ONLINE_RIGHTS, LOCAL_DATA]
    alone = {question: ask(client, question) for question in questions}

    def call(number: int) -> tuple[str, dict]:
        question = questions[number % len(questions)]
        caller = Client(app_url, verbose=False, analytics_enabled=False)
        return question, ask(caller, question)

    with ThreadPoolExecutor(16) as pool:
        together = list(pool.map(call, range(16)))

    assert len(together) == 16
    for question, answer in together:
        expected = alone[question]
        assert answer["status"] == expected["status"]
        assert ranked(answer) == ranked(expected)
        assert [r["citation"] for r in answer["results"]] == [
            r["citation"] for r in expected["results"]
        ]
        for got, want in zip(answer["results"], expected["results"], strict=True):
            assert got["score"] == pytest.approx(want["score"], abs=1e-3)


# -- plain HTTP ---------------------------------------------------------------------------------


def http_ask(app_url: str, **parameters) -> dict:
    """What a README reader would do without gradio_client: post the named parameters, then
    read the answer from the event stream."""
    request = urllib.request.Request(
        app_url + "gradio_api/call/v2/ask",
        data=json.dumps(parameters).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        event_id = json.load(response)["event_id"]
    with urllib.request.urlopen(
        app_url + f"gradio_api/call/v2/ask/{event_id}", timeout=120
    ) as stream:
        event = None
        for line in stream.read().decode().splitlines():
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and event == "complete":
                return json.loads(line.split(":", 1)[1])[0]
    raise AssertionError(f"no complete event for {parameters}")


def test_a_plain_http_call_returns_the_contract(app_url):
    answer = http_ask(app_url, question=TRANSPARENCY, top_k=3)

    assert answer["status"] == "ok"
    assert len(answer["results"]) == 3
    assert answer["results"][0]["citation"]["zh"] == "人权理事会第51/5号决议第11段"


def test_a_plain_http_call_takes_the_filters_as_named_parameters(app_url):
    answer = http_ask(app_url, question=TRANSPARENCY, resolutions=["57/12"], top_k=3)

    assert {result["resolution"] for result in answer["results"]} == {"57/12"}


# -- the JSON API over HTTP ---------------------------------------------------------------------


def post_json(
    app_url: str, body: bytes, content_type: str = "application/json"
) -> tuple[int, dict]:
    """What `curl -X POST $APP/api/v1/ask -d '{"question": "…"}'` does."""
    request = urllib.request.Request(
        app_url + "api/v1/ask", data=body, headers={"Content-Type": content_type}
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def test_the_json_api_answers_a_curl_style_post(app_url, client):
    # curl -d sends a form's content type; the body is read as JSON all the same.
    body = json.dumps({"question": TRANSPARENCY, "top_k": 3}).encode()
    status, answer = post_json(app_url, body, "application/x-www-form-urlencoded")

    assert status == 200
    assert answer["status"] == "ok"
    assert ranked(answer)[0] == ("51/5", "OP11")
    assert answer["results"][0]["id"] == "A/HRC/RES/51/5:OP11:zh"
    assert answer == ask(client, TRANSPARENCY, top_k=3)  # the same answer as Gradio's /ask


def test_the_json_api_takes_every_filter(app_url):
    body = {
        "question": LOCAL_DATA,
        "resolutions": ["57/12"],
        "part": "operative",
        "sessions": "57",
        "year_from": 2024,
        "top_k": 3,
    }
    status, answer = post_json(app_url, json.dumps(body).encode())

    assert status == 200
    assert ranked(answer)[0] == ("57/12", "OP8(a)")
    assert {result["resolution"] for result in answer["results"]} == {"57/12"}


def test_the_json_api_says_what_is_wrong_with_the_status_to_match(app_url):
    refused = post_json(app_url, json.dumps({"question": ONLINE_RIGHTS, "top_k": 99}).encode())
    unfit = post_json(app_url, json.dumps({"question": TRANSPARENCY, "top_k": "3"}).encode())

    assert refused == (
        400,
        {
            "question": ONLINE_RIGHTS,
            "status": "error",
            "message": "The number of results must be between 1 and 50, not 99.",
            "language": "en",
            "results": [],
        },
    )
    assert unfit[0] == 422
    assert unfit[1]["message"] == "“top_k”应为整数。"


def test_the_json_api_refuses_a_large_chunked_body(app_url):
    def chunks():
        yield b'{"question": "'
        for _ in range(100):
            yield b"x" * 1024  # 100 KiB, over the 64 KiB default
        yield b'"}'

    with httpx.Client(timeout=120) as http:
        response = http.post(app_url + "api/v1/ask", content=chunks())

    assert response.status_code == 413
    assert response.json()["status"] == "error"


def test_the_json_api_lists_resolutions_and_gives_paragraphs(app_url):
    with httpx.Client(base_url=app_url, timeout=60) as http:
        listed = http.get("api/v1/resolutions").json()["resolutions"]
        paragraph = http.get("api/v1/paragraphs/A/HRC/RES/57/12:OP8(a):zh").json()
        missing = http.get("api/v1/paragraphs/A/HRC/RES/57/12:OP99:zh?lang=en")

    assert [r["number"] for r in listed] == ["36/29", "37/7", "51/5", "57/12"]
    assert paragraph["citation"]["zh"] == "人权理事会第57/12号决议第8段(a)项"
    assert paragraph["quote"].startswith("吁请地方政府")
    assert missing.status_code == 404
    assert missing.json()["message"].startswith("The index has no paragraph")


def test_the_json_api_serves_its_openapi_and_docs_and_allows_its_origin(app_url):
    with httpx.Client(base_url=app_url, timeout=60) as http:
        document = http.get("api/v1/openapi.json")
        docs = http.get("api/v1/docs")
        allowed = http.post(
            "api/v1/ask",
            json={"question": TRANSPARENCY, "top_k": 1},
            headers={"Origin": CORS_ORIGIN},
        )

    assert document.json()["info"]["title"] == "hrc-qa API"
    assert docs.status_code == 200
    assert "swagger-ui-bundle.js" in docs.text
    assert allowed.headers["access-control-allow-origin"] == CORS_ORIGIN


# -- the index changes under a running app ------------------------------------------------------


def test_a_rebuilt_index_is_taken_up_by_the_next_request(client, app_index, encoder):
    from corpus import BUNDLED_CORPUS
    from store.update import update

    assert ask(client, TRANSPARENCY, resolutions=["36/29"])["status"] != "error"
    update(app_index, encoder, remove=["36/29"])
    try:
        answer = ask(client, TRANSPARENCY, resolutions=["36/29"])
        assert answer["status"] == "error"
        assert "36/29" in answer["message"]
    finally:
        update(app_index, encoder, [BUNDLED_CORPUS / "A_HRC_RES_36_29.zh.txt"])
    assert ask(client, TRANSPARENCY, resolutions=["36/29"])["status"] != "error"


# -- start-up -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, str(REPO / "app.py")],
        [str(Path(sys.executable).with_name("hrc-qa")), "serve"],
    ],
    ids=["app.py", "hrc-qa serve"],
)
def test_without_an_index_the_app_says_how_to_build_one(index_env, tmp_path, command):
    env = {**index_env, "HRC_QA_INDEX": str(tmp_path / "no-index"), "GRADIO_SERVER_PORT": "9"}
    result = subprocess.run(
        command,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert result.returncode == 2
    assert "hrc-qa index" in result.stderr
    assert "make run" in result.stderr
    assert "Traceback" not in result.stderr
