"""`POST /api/v1/check` through the in-process client (the whole app over the fake assistant):
the check as JSON, as JSON lines while it works, as Word and Markdown files; a draft uploaded
as a file; and every bad request answered with a clear error in the user's language."""

from __future__ import annotations

import base64
import io
import json
import secrets

import pytest

from corpus import BUNDLED_CORPUS, read_resolutions
from corpus.draft import MAX_DRAFT_PARAGRAPHS


@pytest.fixture(scope="module")
def draft() -> str:
    texts = {r.key: r for r in read_resolutions([BUNDLED_CORPUS])}
    op3 = texts["57/12.zh"].paragraph("OP3").text
    return "\n\n".join(
        [
            "人权理事会，",
            texts["57/12.zh"].paragraph("PP2").text,
            "1. " + op3.replace("鼓励各国", "敦促各国"),
            "2. 鼓励各国在人工智能系统的设计和使用中尊重隐私权，并定期公布评估结果；",
        ]
    )


def test_a_pasted_draft_is_checked_paragraph_by_paragraph(web, draft):
    response = web.post("/api/v1/check", json={"text": draft})
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["summary"] == {"agreed": 1, "adapted": 1, "new": 1}
    paragraphs = body["paragraphs"]
    assert [p["index"] for p in paragraphs] == [1, 2, 3]
    assert [p["verdict"] for p in paragraphs] == ["agreed", "adapted", "new"]
    source = paragraphs[1]["sources"][0]
    assert source["citation"]["zh"] == "人权理事会第57/12号决议第3段"
    assert source["url"] == "resolution/57-12?lang=zh#OP3"
    assert {"op": "insert", "text": "敦促"} in source["diff"]


def test_the_check_streams_a_line_a_paragraph_for_a_progress_bar(web, draft):
    response = web.post(
        "/api/v1/check", json={"text": draft}, headers={"Accept": "application/x-ndjson"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert lines[0] == {"status": "checking", "language": "zh", "total": 3, "notes": []}
    assert [line["index"] for line in lines[1:-1]] == [1, 2, 3]
    assert lines[-1]["status"] == "ok" and lines[-1]["summary"]["new"] == 1


def test_an_uploaded_word_draft_is_checked_and_exported_with_footnotes(web, draft):
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from PIL import Image

    document = Document()
    for paragraph in draft.split("\n\n"):
        document.add_paragraph(paragraph)
    # What a real draft's file carries beside its text: a picture (noise, which no zip packs).
    picture = io.BytesIO()
    Image.frombytes("RGB", (160, 160), secrets.token_bytes(160 * 160 * 3)).save(picture, "PNG")
    document.add_picture(picture)
    data = io.BytesIO()
    document.save(data)
    upload = {"name": "草案.docx", "content": base64.b64encode(data.getvalue()).decode()}
    assert len(json.dumps(upload)) > 64 * 1024  # beyond the limit of every other route

    checked = web.post("/api/v1/check", json={"file": upload})
    assert checked.status_code == 200, checked.text
    assert checked.json()["summary"] == {"agreed": 1, "adapted": 1, "new": 1}

    exported = web.post("/api/v1/check", json={"file": upload, "format": "docx", "language": "en"})
    assert exported.status_code == 200
    assert exported.headers["content-disposition"] == 'attachment; filename="draft-check.docx"'
    word = Document(io.BytesIO(exported.content))
    footnotes = next(p for p in word.part.package.parts if p.partname == "/word/footnotes.xml")
    notes = [
        "".join(t.text for t in note.iter(qn("w:t"))).strip()
        for note in parse_xml(footnotes.blob).iter(qn("w:footnote"))
        if note.get(qn("w:type")) is None
    ]
    assert notes == [
        "Agreed language: Human Rights Council resolution 57/12, preambular para. 2 "
        "(A/HRC/RES/57/12).",
        "Adapted from Human Rights Council resolution 57/12, para. 3 (A/HRC/RES/57/12).",
    ]


def test_a_markdown_export(web, draft):
    response = web.post("/api/v1/check", json={"text": draft, "format": "md"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/markdown")
    assert "[-鼓励-]{+敦促+}" in response.text


@pytest.mark.parametrize(
    ("body", "status", "said"),
    [
        ({"text": ""}, 400, "The draft has no paragraphs to check"),
        ({}, 400, "Give the draft: its text (text) or a file (file)"),
        ({"text": "x", "file": {"name": "a.txt", "content": ""}}, 400, "one of the two"),
        ({"file": {"name": "a.docx", "content": "not base64!"}}, 400, "in base64"),
        (
            {"file": {"name": "a.docx", "content": base64.b64encode(b"\x89PNG....").decode()}},
            400,
            "not a Word document (it looks like an image)",
        ),
        ({"text": "x", "question": "?"}, 422, "text, file, format, language"),
        ({"text": 5}, 422, "“text” must be text"),
        ({"text": "x", "format": "odt"}, 422, "json, md or docx"),
        (
            {"text": "\n\n".join(f"{n}. 鼓励各国；" for n in range(1, 1001))},
            400,
            f"more than the {MAX_DRAFT_PARAGRAPHS} that can be checked at once",
        ),
    ],
    ids=[
        "empty",
        "nothing",
        "both",
        "bad base64",
        "image",
        "unknown field",
        "type",
        "format",
        "long",
    ],
)
def test_a_bad_request_gets_a_clear_error(web, body, status, said):
    response = web.post("/api/v1/check?lang=en", json=body)
    assert response.status_code == status
    answer = response.json()
    assert answer["status"] == "error" and answer["language"] == "en"
    assert said in answer["message"]


def test_an_error_is_said_in_the_browsers_language(web):
    response = web.post("/api/v1/check", json={"text": " "}, headers={"Accept-Language": "fr"})
    assert response.status_code == 400
    assert response.json()["message"].startswith("Le projet ne contient aucun paragraphe")


def test_a_draft_over_the_draft_limit_is_refused_unread(web):
    body = json.dumps({"text": "x" * (9 * 2**20)})
    response = web.post("/api/v1/check?lang=en", content=body)
    assert response.status_code == 413
    assert "at most 8388608 bytes" in response.json()["message"]


def test_a_question_keeps_its_own_smaller_limit(web):
    response = web.post("/api/v1/ask?lang=en", content=json.dumps({"question": "x" * 70_000}))
    assert response.status_code == 413


def test_the_openapi_document_describes_the_check(web):
    spec = web.get("/api/v1/openapi.json").json()
    operation = spec["paths"]["/check"]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    assert set(schema["properties"]) == {"text", "file", "format", "language"}
    assert "application/x-ndjson" in operation["responses"]["200"]["content"]


@pytest.mark.parametrize(
    ("ui", "title"), [("zh", "草案核对"), ("en", "Draft check"), ("ar", "التحقق من مشروع")]
)
def test_the_check_page_is_served_in_each_language(web, ui, title):
    page = web.get(f"/check?lang={ui}")
    assert page.status_code == 200
    assert f"<title>{title}</title>" in page.text
    assert 'id="hrc-check-words"' in page.text and "hrc-static/check.js" in page.text
    assert web.get("/hrc-static/check.js").status_code == 200


def test_the_chat_links_to_the_check(web):
    assert "check?lang=zh" in web.get("/config").text


def test_a_file_of_the_wrong_shape_is_told_what_it_should_be(web):
    response = web.post("/api/v1/check?lang=en", json={"file": "draft.docx"})
    assert response.status_code == 422
    assert response.json()["message"] == (
        '“file” must be an object {"name": …, "content": …} (base64).'
    )


def test_every_draft_request_leaves_its_place_in_the_queue(fake_assistant):
    from fastapi.testclient import TestClient

    from web.api import create_api
    from web.settings import Settings

    api = create_api(fake_assistant, Settings(concurrency=1, queue_size=0))
    with TestClient(api) as client:
        for _ in range(3):  # each request, refused or streamed, leaves its place free
            assert client.post("/check?lang=en", json={"text": ""}).status_code == 400
            streamed = client.post(
                "/check", json={"text": "1. 鼓励各国；"}, headers={"Accept": "application/x-ndjson"}
            )
            assert streamed.status_code == 200 and streamed.text.endswith("\n")


def test_the_stream_says_first_when_no_indexed_text_is_in_the_drafts_language(web):
    response = web.post(
        "/api/v1/check",
        json={"text": "Le Conseil,\n\n1. Prie le Haut-Commissaire d’établir un rapport ;"},
        headers={"Accept": "application/x-ndjson"},
    )
    first = json.loads(response.text.splitlines()[0])
    assert first["language"] == "fr"
    assert first["notes"] == [
        "Aucune résolution indexée n’est en Français : le projet ne peut pas être comparé mot à "
        "mot, et chaque paragraphe ne peut être que nouveau."
    ]
