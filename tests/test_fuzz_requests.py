"""Generated bad requests against every API of the app: the JSON API, Gradio's named and
positional `/ask` calls, the resolution pages and paragraph look-ups. Schema-aware (each
field gets values of its own kind and of every other), with wrong types, huge and deeply
nested values, unicode edge cases, lone surrogates, NaN and infinities, unknown keys and
bodies that are not JSON at all. Seeded, so a failure is the same on every run.

Whatever comes, the app answers below 500, never with a traceback, and still answers a
normal question afterwards: in process over the fake assistant (fast), and against the
session's real server with the real model (slow).
"""

from __future__ import annotations

import json
import random
import urllib.parse
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import httpx
import pytest

SEED = 12  # issue 12
FIELDS = ("question", "top_k", "resolutions", "part", "year_from", "year_to", "sessions", "context")
EDGE_TEXTS = (
    *("", " ", "\t\n", "腐败", "corruption", "51/5", "57/12", "preambular", "operative"),
    *("\ud800", "\udfff腐败", "a\ud83d", "\x00", "\x1b[31mred\x1b[0m", "\u202egnp.exe"),
    *("\ufeff腐败", "🏳️‍🌈" * 50, "e\u0301" * 300, "\u200b" * 100, "ﷺ" * 100, "１２", "²"),
    *("A/HRC/RES/57/12, para. 8 (a)", "57/12 OP" + "9" * 30, "第" + "九" * 50 + "段"),
    *("<script>alert(1)</script>", "' OR 1=1 --", "{{7*7}}", "%s%n", "../../etc/passwd"),
    *("2018-2022", "9" * 5000, "-", "..", "NaN", "Infinity", "true", "null", "那第8段呢？"),
)
EDGE_NUMBERS = (
    *(0, -1, 1, 5, 50, 51, 2.7, -0.0, 1e308, 1e-308, 10**30, -(10**30), 2018.5, 2018.0),
    *(float("nan"), float("inf"), float("-inf"), True, False, None),
)
# Ranges of code points a text is drawn from: ASCII, controls, CJK, emoji, lone surrogates.
CODE_POINTS = ((0x20, 0x7E), (0x00, 0x1F), (0x4E00, 0x9FFF), (0x1F300, 0x1FAFF), (0xD800, 0xDFFF))


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    body: bytes = b""
    content_type: str = "application/json"


class Generator:
    """Bad requests, one after another, from a seeded random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def text(self) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            return rng.choice(EDGE_TEXTS)
        low, high = rng.choice(CODE_POINTS)
        length = rng.choice((1, 10, 200, 2_001, rng.randrange(3_000), 1, 10, 200, 70_000))
        return "".join(chr(rng.randint(low, high)) for _ in range(length))

    def value(self, depth: int = 0) -> object:
        """Any JSON value, edge cases first."""
        rng = self.rng
        kind = rng.randrange(6 if depth < 3 else 4)
        if kind == 0:
            return self.text()
        if kind in (1, 2):
            return rng.choice(EDGE_NUMBERS)
        if kind == 3:
            return rng.randint(-(10**6), 10**6)
        if kind == 4:
            return [self.value(depth + 1) for _ in range(rng.randrange(4))]
        return {self.text()[:20]: self.value(depth + 1) for _ in range(rng.randrange(3))}

    def field(self, name: str) -> object:
        """A value of the field's own kind half of the time, of any kind otherwise."""
        rng = self.rng
        if rng.random() < 0.5:
            return self.value()
        plausible: dict[str, Callable[[], object]] = {
            "question": self.text,
            "top_k": lambda: rng.randint(-5, 60),
            "resolutions": lambda: rng.choice(
                (["51/5"], ["99/1"], "57/12, 51/5", [self.text()], [], "")
            ),
            "part": lambda: rng.choice(("", "preambular", "operative", self.text())),
            "year_from": lambda: rng.choice((None, rng.randint(1990, 2030))),
            "year_to": lambda: rng.choice((None, rng.randint(1990, 2030))),
            "sessions": lambda: rng.choice((None, "51-57", rng.randint(0, 99), self.text())),
            "context": lambda: rng.choice(("", "57/12", self.text())),
        }
        return plausible[name]()

    def ask_body(self) -> bytes:
        rng = self.rng
        roll = rng.random()
        if roll < 0.05:
            depth = rng.choice((50, 1_000, 20_000))
            return b"[" * depth + b"]" * depth
        if roll < 0.12:
            return rng.choice(
                (b"", b"null", b'"x"', b"12", b"{", b'{"question": "\xff\xfe"}', b"\x00" * 50)
            ) + rng.randbytes(rng.randrange(20))
        if roll < 0.17:
            return json.dumps(self.value()).encode()
        body = {name: self.field(name) for name in FIELDS if rng.random() < 0.4}
        if rng.random() < 0.85:
            body["question"] = self.field("question")
        if rng.random() < 0.15:
            body[self.text()[:30]] = self.value()
        return json.dumps(body).encode()  # NaN and Infinity as JavaScript writes them

    def path_text(self) -> str:
        text = self.text()[:200]
        return urllib.parse.quote(text.encode("utf-8", "surrogatepass"), safe="")

    def call(self) -> Call:
        rng = self.rng
        content_type = rng.choice(("application/json",) * 3 + ("text/plain", ""))
        roll = rng.random()
        if roll < 0.45:
            return Call("POST", "api/v1/ask", self.ask_body(), content_type)
        if roll < 0.70:
            return Call("POST", "gradio_api/call/v2/ask", self.ask_body(), content_type)
        if roll < 0.80:
            data = [self.field(name) for name in FIELDS[: rng.randrange(10)]]
            return Call("POST", "gradio_api/call/ask", json.dumps({"data": data}).encode())
        if roll < 0.90:
            return Call("GET", f"resolution/{self.path_text()}?lang={self.path_text()}")
        return Call("GET", f"api/v1/paragraphs/{self.path_text()}?lang={self.path_text()}")


def calls(count: int, seed: int = SEED) -> list[Call]:
    generator = Generator(seed)
    return [generator.call() for _ in range(count)]


def send(http: httpx.Client, call: Call) -> list[str]:
    """What is wrong with the app's answer to `call` (nothing, for an empty list)."""
    headers = {"Content-Type": call.content_type} if call.content_type else {}
    response = http.request(call.method, call.path, content=call.body, headers=headers)
    problems = []
    if response.status_code >= 500 or "Traceback" in response.text:
        problems.append(f"{response.status_code} {response.text[:200]}")
    elif call.path.startswith("gradio_api/call/") and response.status_code == 200:
        stream = http.get(f"{call.path}/{response.json()['event_id']}").text
        if "event: complete" not in stream:
            problems.append(f"Gradio event: {stream[:200]}")
    return [f"{call.method} {call.path[:60]} {call.body[:80]!r}: {p}" for p in problems]


def still_answers(http: httpx.Client) -> None:
    answer = http.post("api/v1/ask", json={"question": "腐败对人权有什么影响？", "top_k": 1})
    assert answer.status_code == 200
    assert answer.json()["status"] in ("ok", "no_match")
    assert len(answer.json()["results"]) == 1


def test_the_generator_makes_the_bad_requests_it_claims():
    made = calls(2_000)
    bodies = b"".join(call.body for call in made)

    kinds = {call.path.split("?")[0].rsplit("/", 1)[0] for call in made}
    assert kinds >= {"api/v1", "gradio_api/call/v2", "gradio_api/call", "api/v1/paragraphs"}
    assert any(call.path.startswith("resolution/") for call in made)
    for marker in (b"NaN", b"Infinity", b"\\ud8", b"[[[[", b"\xff"):
        assert marker in bodies, marker
    assert any(len(call.body) > 65_536 for call in made)  # over the body limit too


def test_generated_bad_requests_in_process_get_no_5xx(web):
    """Over the fake assistant: every API, a quick pass in process."""
    # TestClient is an httpx.Client: the same `send` as against the real server.
    problems = [problem for call in calls(300, SEED + 1) for problem in send(web, call)]

    assert problems == []
    still_answers(web)


@pytest.mark.slow
def test_generated_bad_requests_against_the_real_server_get_no_5xx(running_app_url):
    """Against `python app.py` with the real model, four callers at once."""
    with httpx.Client(base_url=running_app_url, timeout=300) as http:
        with ThreadPoolExecutor(4) as pool:
            found = pool.map(lambda call: send(http, call), calls(3_000))
            problems = [problem for problems in found for problem in problems]

        assert problems == []
        still_answers(http)
        gradio = http.post("gradio_api/call/v2/ask", json={"question": "腐败", "top_k": 1})
        assert (
            "event: complete"
            in http.get(f"gradio_api/call/v2/ask/{gradio.json()['event_id']}").text
        )
