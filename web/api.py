"""The JSON API for intranet systems, under /api/v1 beside Gradio's own `/ask`:

    POST /api/v1/ask                     a question (JSON) → the answer contract (docs/citations.md)
    POST /api/v1/check                   a draft (text or file) → each paragraph's verdict and
                                         sources, as JSON, JSON lines, Word or Markdown
    GET  /api/v1/resolutions             the indexed resolutions
    GET  /api/v1/paragraphs/{id}         one paragraph, e.g. A/HRC/RES/57/12:OP8(a):zh
    GET  /api/v1/openapi.json, /docs     its OpenAPI document, and Swagger UI served offline

It is its own FastAPI app, mounted by web/server.py (which puts the app's CORS and framing
policy in front of it and of Gradio alike); its body limit and error answers are those of
web/guard.py, so that it behaves the same mounted or alone. Every error is JSON with
`"status": "error"` and a `message` in the question's language (else `?lang=`, else the
browser's, else Chinese): 400 for a request the assistant refuses, 404, 413, 422 for a body
that does not fit the schema, 503 for a failure inside the app (logged) and, with
Retry-After, when more questions wait than the app lets wait; never a traceback.

The same schema checks Gradio's named `/ask` call (`GradioAskSchema`), so that a body Gradio
cannot read (no question, an unknown field) is a 422 here too rather than a 500 there.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import AsyncIterator
from importlib.resources import files
from typing import Any, TypeVar

import anyio
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from corpus import Paragraph, Resolution, paragraph_record
from corpus.alignment import versions_of
from corpus.draft import DraftError
from languages import DEFAULT_LANGUAGE, Language
from languages.messages import message
from qa.answer import Answer, Quote
from qa.assistant import MAX_TOP_K, Assistant
from qa.export import MEDIA_TYPES
from qa.request import DEFAULT_TOP_K, clean_question, echoed, question_language, shown
from web.answering import answer_question, refresh
from web.checking import EXPECTED_TYPES as CHECK_EXPECTED_TYPES
from web.checking import CheckRequest, checker, draft_of, exported, file_name, streamed
from web.guard import (
    GRADIO_API,
    Admission,
    Busy,
    ErrorsAsAnswers,
    LimitBody,
    busy,
    error_body,
    known_language,
    request_language,
)
from web.render import docs_page
from web.settings import Settings

PREFIX = "/api/v1"
Schema = TypeVar("Schema", bound=BaseModel)
CHECK_PATH = f"{PREFIX}/check"
"""The one route whose body may be larger than HRC_QA_MAX_BODY_BYTES: a draft."""
log = logging.getLogger("hrc-qa.api")

QUESTION_EXAMPLE = "地方政府推进城市数字化时应当采取哪些数据保护措施？"


class AskRequest(BaseModel):
    """A question and its filters. Types are checked strictly (a number is not "5"); what the
    values mean (ranges, known resolutions, parts) is checked by `qa.request`, the one parser
    of every interface, and a mistake there is a 400 with the assistant's message."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={"examples": [{"question": QUESTION_EXAMPLE, "top_k": 3}]},
    )

    question: str = Field(description="The question, in any of the six official UN languages.")
    top_k: int = Field(DEFAULT_TOP_K, description=f"How many paragraphs, 1–{MAX_TOP_K}.")
    resolutions: list[str] | str = Field(
        default_factory=list,
        description=(
            'Only these resolutions, by name, number or symbol: ["57/12", "A/RES/80/4"] or '
            '"57/12, A/RES/80/4"; none for all.'
        ),
    )
    bodies: list[str] | str = Field(
        default_factory=list,
        description='Only these bodies\' resolutions: ["ga", "sc"] or "hrc"; none for all.',
        json_schema_extra={"items": {"enum": ["hrc", "ga", "sc", "ecosoc"]}},
    )
    part: str = Field(
        "",
        description='"preambular", "operative" or "annex"; "" for all.',
        json_schema_extra={"enum": ["", "preambular", "operative", "annex"]},
    )
    year_from: int | None = Field(None, description="Adopted in or after this year.")
    year_to: int | None = Field(None, description="Adopted in or before this year.")
    sessions: str | int | None = Field(
        None, description='A session (57) or a range of sessions ("51-57", "51-").'
    )
    context: str = Field(
        "",
        description='The resolution a follow-up question is about: "57/12" for "那第8段呢？".',
    )


PARAMETER_ORDER = (
    *("question", "top_k", "resolutions", "part"),
    *("year_from", "year_to", "context", "sessions", "bodies"),
)
"""The parameters of Gradio's `/ask` in order (web/interface.py), for its positional call."""

# What a wrong value of each field should have been, for the 422 message.
EXPECTED_TYPES = {
    "question": "type_text",
    "top_k": "type_whole_number",
    "resolutions": "type_resolutions",
    "part": "type_text",
    "year_from": "type_year",
    "year_to": "type_year",
    "sessions": "type_sessions",
    "context": "type_text",
    "bodies": "type_bodies",
}

ANSWER_EXAMPLE = {
    "question": QUESTION_EXAMPLE,
    "status": "ok",
    "message": "",
    "language": "zh",
    "results": [
        {
            "rank": 1,
            "id": "A/HRC/RES/57/12:OP8(a):zh",
            "resolution": "57/12",
            "symbol": "A/HRC/RES/57/12",
            "paragraph": "OP8(a)",
            "citation": {
                "zh": "人权理事会第57/12号决议第8段(a)项",
                "en": "Human Rights Council resolution 57/12, para. 8 (a)",
            },
            "quote": "吁请地方政府……：\n(a) 实施充分的人权保障措施……",
            "score": 0.92,
            "match": "search",
            "highlights": [[0, 4]],
        }
    ],
}
ERROR_EXAMPLE = {"status": "error", "message": "请输入一个问题。", "language": "zh"}


def create_api(assistant: Assistant, settings: Settings) -> FastAPI:
    """The JSON API over `assistant`, to be mounted at PREFIX."""
    api = FastAPI(
        title="hrc-qa API",
        version="1",
        summary="Questions about UN resolutions, answered with quoted, cited paragraphs.",
        openapi_url="/openapi.json",
        docs_url=None,  # FastAPI's own docs page loads Swagger UI from a CDN: ours is offline
        redoc_url=None,
        servers=[{"url": settings.root_path + PREFIX}],
        root_path_in_servers=False,
    )
    api.add_middleware(
        LimitBody, limit=settings.max_body_bytes, larger={CHECK_PATH: settings.max_draft_bytes}
    )
    api.add_middleware(ErrorsAsAnswers)
    api.add_exception_handler(RequestValidationError, schema_error)  # type: ignore[arg-type]
    api.add_exception_handler(HTTPException, http_error)  # type: ignore[arg-type]
    swagger = files("swagger_ui_bundle").joinpath("vendor/swagger-ui-5.31.0")
    api.mount("/docs-assets", StaticFiles(directory=str(swagger)), name="docs-assets")
    add_endpoints(api, assistant, settings)
    return api


def add_endpoints(api: FastAPI, assistant: Assistant, settings: Settings) -> None:
    # The JSON API does not go through Gradio's queue: it has its own bound, the same size.
    admission = Admission(settings.concurrency, settings.queue_size)

    @functools.cache
    def answering_limit() -> anyio.CapacityLimiter:
        return anyio.CapacityLimiter(settings.concurrency)  # made on the event loop, once

    @api.post(
        "/ask",
        summary="Answer a question with quoted, cited paragraphs",
        response_description="The answer contract of docs/citations.md (status ok or no_match).",
        responses={
            200: {"content": {"application/json": {"example": ANSWER_EXAMPLE}}},
            400: {
                "description": "An answer with status error: the request cannot be answered "
                "as it is (empty question, top_k out of range, unknown resolution…)."
            },
            413: {"description": "The body is larger than HRC_QA_MAX_BODY_BYTES."},
            422: {
                "description": "The body does not fit the schema (wrong types, unknown "
                "fields, no question).",
                "content": {"application/json": {"example": ERROR_EXAMPLE}},
            },
            503: {
                "description": "The app is busy (more questions wait than HRC_QA_QUEUE_SIZE; "
                "Retry-After says when to try again), or it failed while answering (logged)."
            },
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": AskRequest.model_json_schema()}},
            }
        },
    )
    async def ask(request: Request) -> JSONResponse:
        """The body is read as JSON whatever its Content-Type says, so that a plain
        `curl -d '{"question": "…"}'` works."""
        asked = validated(await request.body())
        answering = functools.partial(
            answer_question,
            assistant,
            asked.question,
            asked.top_k,
            asked.resolutions,
            asked.part,
            asked.year_from,
            asked.year_to,
            asked.context,
            asked.sessions,
            asked.bodies,
        )
        try:
            with admission.admit():
                answer = await anyio.to_thread.run_sync(answering, limiter=answering_limit())
        except Busy:
            return busy(question_language(clean_question(asked.question)))
        return JSONResponse(answer.to_dict(), status_code=answer_status(answer))

    @api.post(
        "/check",
        summary="Check a draft against adopted text: each paragraph agreed, adapted or new",
        response_description="The check: a summary and each paragraph's verdict, sources "
        "(citations, similarity, word-level diff). With `Accept: application/x-ndjson`, one "
        "JSON line a paragraph as each is done; with format md or docx, the export's file.",
        responses={
            200: {
                "content": {
                    "application/x-ndjson": {},
                    MEDIA_TYPES["md"]: {},
                    MEDIA_TYPES["docx"]: {},
                }
            },
            400: {"description": "The draft cannot be checked: empty, too long, unreadable."},
            413: {"description": "The body is larger than HRC_QA_MAX_DRAFT_BYTES."},
            422: {"description": "The body does not fit the schema."},
            503: {"description": "The app is busy, or it failed while checking (logged)."},
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": CheckRequest.model_json_schema()}},
            }
        },
    )
    async def check(request: Request) -> Response:
        """Paste the draft's `text`, or upload it as `file` ({"name", "content" in base64});
        the body is read as JSON whatever its Content-Type says."""
        asked = validated(await request.body(), CheckRequest)
        language = asked.language or request_language(request)
        streaming = "application/x-ndjson" in request.headers.get("accept", "")
        try:
            admission.enter()  # reading a PDF or Word draft costs as much as checking it
        except Busy:
            return busy(language)
        streamed_out = False
        try:
            draft = await anyio.to_thread.run_sync(draft_of, asked, limiter=answering_limit())
            if streaming and asked.format == "json":
                streamed_out = True  # left by the stream, when it ends however it ends
                return StreamingResponse(
                    admitted(streamed(assistant, draft, answering_limit())),
                    media_type="application/x-ndjson",
                )
            report = await anyio.to_thread.run_sync(
                lambda: checker(assistant).check(draft), limiter=answering_limit()
            )
        except DraftError as error:
            return JSONResponse(error_body(error.said_in(language), language), status_code=400)
        finally:
            if not streamed_out:
                admission.leave()
        if asked.format == "json":
            return JSONResponse(report.to_dict())
        data, media_type = exported(report, asked.format, asked.language)
        disposition = f'attachment; filename="{file_name(asked.format)}"'
        return Response(data, media_type=media_type, headers={"Content-Disposition": disposition})

    async def admitted(lines: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
        """A stream counted as one admitted request until its last line is sent or the client
        leaves."""
        try:
            async for line in lines:
                yield line
        finally:
            admission.leave()

    @api.get("/resolutions", summary="The indexed resolutions, in number order")
    def resolutions() -> dict[str, Any]:
        refresh(assistant)
        return {"resolutions": resolution_records(assistant.resolutions(), settings.root_path)}

    @api.get(
        "/paragraphs/{paragraph_id:path}",
        summary="One paragraph, with its citations and its quote (lead-in included)",
        responses={404: {"description": "No paragraph has this id."}},
    )
    def paragraph(paragraph_id: str, lang: str = DEFAULT_LANGUAGE) -> JSONResponse:
        """`paragraph_id` as answers carry it in `id`: `A/HRC/RES/57/12:OP8(a):zh`. `lang`
        is the language of the message when there is no such paragraph."""
        refresh(assistant)
        found = assistant.paragraph(paragraph_id)
        if found is None:
            language = known_language(lang)
            text = message("api_unknown_paragraph", language, paragraph_id=paragraph_id)
            return JSONResponse(error_body(text, language), status_code=404)
        texts = assistant.resolutions()
        indexed = frozenset(resolution.name for resolution in texts)
        return JSONResponse(paragraph_json(*found, settings.root_path, indexed, texts))

    @api.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request) -> str:
        return docs_page(request_language(request))


# -- answers as JSON ----------------------------------------------------------------------------


def validated(body: bytes, model: type[Schema] = AskRequest) -> Schema:  # type: ignore[assignment]
    """The request, or RequestValidationError saying what does not fit."""
    try:
        data = json.loads(body) if body.strip() else None
    except (ValueError, RecursionError):  # RecursionError: nested deeper than json reads
        raise RequestValidationError(
            [{"type": "json_invalid", "loc": ("body",), "msg": "not JSON"}], body=None
        ) from None
    if not isinstance(data, dict):
        raise RequestValidationError(
            [{"type": "model_type", "loc": ("body",), "msg": "not an object"}], body=data
        )
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise RequestValidationError(error.errors(include_url=False), body=data) from None


def answer_status(answer: Answer) -> int:
    if answer.status != "error":
        return 200  # ok, and no_match: an answer too, saying that nothing is relevant
    if answer.message == message("internal", answer.language):
        return 503
    return 400


def resolution_records(texts: tuple[Resolution, ...], root_path: str) -> list[dict[str, Any]]:
    """One record a resolution (by name: GA 80/4 is not HRC 80/4); the first text (zh before
    en) gives title and counts."""
    records: dict[str, dict[str, Any]] = {}
    for resolution in texts:
        if resolution.name in records:
            records[resolution.name]["languages"].append(resolution.language)
            continue
        whole = [p for p in resolution.paragraphs if not p.subdivisions]
        records[resolution.name] = {
            "resolution": resolution.name,
            "body": resolution.body,
            "number": resolution.number,
            "symbol": resolution.symbol,
            "title": resolution.title,
            "adopted": resolution.adopted.isoformat(),
            "session": resolution.session,
            "languages": [resolution.language],
            "paragraphs": {
                "preambular": sum(p.part == "preambular" for p in whole),
                "operative": sum(p.part == "operative" for p in whole),
                "records": len(resolution.paragraphs),
            },
            "page": page_link(resolution, root_path),
        }
    return list(records.values())


def paragraph_json(
    resolution: Resolution,
    paragraph: Paragraph,
    root_path: str,
    indexed: frozenset[str],
    texts: tuple[Resolution, ...],
) -> dict:
    """The paragraph's record, its quote and versions as answers give them, and its place on
    its page."""
    versions = tuple(versions_of(resolution, paragraph, texts))
    quoted = Quote(1, resolution, paragraph, 1.0, "citation", indexed=indexed, versions=versions)
    contract = quoted.to_dict()
    return paragraph_record(resolution, paragraph) | {
        "references": contract["references"],
        "versions": contract["versions"],
        "lead_in": quoted.lead_in,
        "quote": quoted.quote,
        "page": page_link(resolution, root_path) + f"#{paragraph.label}",
    }


def page_link(resolution: Resolution, root_path: str) -> str:
    return f"{root_path}/resolution/{resolution.slug}?lang={resolution.language}"


# -- errors -------------------------------------------------------------------------------------


async def schema_error(request: Request, error: RequestValidationError) -> JSONResponse:
    """422: the body is not JSON, not an object, or one of its fields is missing, unknown or
    of the wrong type. Said about the first problem, in the question's language (a draft's
    check: the request's)."""
    body = error.body if isinstance(error.body, dict) else {}
    checking = request.url.path.rstrip("/").endswith(CHECK_PATH.removeprefix(PREFIX))
    question = None if checking else body.get("question")
    if isinstance(question, str):
        language = question_language(clean_question(question))
    else:
        language = request_language(request)
    # A field name is the client's text too: shown cut short, never a lone surrogate.
    problems = [
        {"field": shown(".".join(str(part) for part in item["loc"][:1])), "type": item["type"]}
        for item in error.errors()
    ]
    text = problem_message(error.errors()[0], language, CheckRequest if checking else AskRequest)
    return JSONResponse(
        error_body(
            text,
            language,
            question=echoed(question) if isinstance(question, str) else "",
            results=[],
            problems=problems,
        ),
        status_code=422,
    )


def problem_message(
    problem: dict[str, Any], language: Language, schema: type[BaseModel] = AskRequest
) -> str:
    """The first problem of a body that does not fit `schema`, in `language`."""
    expected_types = CHECK_EXPECTED_TYPES if schema is CheckRequest else EXPECTED_TYPES
    field = shown(str(problem["loc"][0])) if problem["loc"] and problem["loc"][0] != "body" else ""
    if not field:
        return message("api_not_json", language)
    if problem["type"] == "missing":
        return message("api_missing_field", language, field=field)
    if problem["type"] == "extra_forbidden":
        fields = ", ".join(schema.model_fields)
        return message("api_unknown_field", language, field=field, fields=fields)
    expected = message(expected_types.get(field, "type_text"), language)
    return message("api_wrong_type", language, field=field, expected=expected)


async def http_error(request: Request, error: HTTPException) -> JSONResponse:
    """404 (no such path), 405 (wrong method) as error answers."""
    language = request_language(request)
    path = request.url.path
    if error.status_code == 404:
        text = message("api_not_found", language, path=shown(path), docs=f"{PREFIX}/docs")
    elif error.status_code == 405:
        text = message("api_method", language, path=shown(path), method=request.method)
    else:
        text = message("internal", language)
    return JSONResponse(
        error_body(text, language), status_code=error.status_code, headers=error.headers
    )


class GradioAskSchema:
    """Gradio's HTTP calls of `/ask` checked before Gradio reads them, since Gradio answers a
    body it cannot map onto `/ask`'s parameters with a 500 or an error event:

    - the named call (`POST /gradio_api/call/v2/ask`, the README's curl example) against this
      API's schema: no `question`, an unknown field, a wrong type are a 422 here too;
    - the positional call (`POST /gradio_api/call/ask`, `{"data": [...]}`) must give every
      parameter, in order.

    Values are then checked by `qa.request` inside `/ask`, as for every other way of calling
    it (gradio_client, the chat). Only after `LimitBody`, which hands the body on whole."""

    NAMED = f"{GRADIO_API}/call/v2/ask"
    POSITIONAL = f"{GRADIO_API}/call/ask"

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope["path"].rstrip("/") if scope["type"] == "http" else ""
        if scope.get("method") != "POST" or path not in (self.NAMED, self.POSITIONAL):
            await self.app(scope, receive, send)
            return
        first = await receive()
        body = first.get("body", b"")
        request = Request(scope)
        refused = positional_refusal(body) if path == self.POSITIONAL else None
        if path == self.NAMED:
            try:
                validated(body)
            except RequestValidationError as error:
                refused = await schema_error(request, error)
        if refused is not None:
            await refused(scope, receive, send)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return first

        # Read as JSON whatever its Content-Type says, as the JSON API reads it: Gradio would
        # otherwise refuse a plain `curl -d` body with a 422 that quotes the body back.
        headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"content-type"]
        json_scope = {**scope, "headers": [*headers, (b"content-type", b"application/json")]}
        await self.app(json_scope, replay, send)


def positional_refusal(body: bytes) -> JSONResponse | None:
    """A 422 unless `body` is `{"data": [...]}` with a value for every parameter of /ask."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        data = None
    values = data.get("data") if isinstance(data, dict) else None
    count = len(AskRequest.model_fields)
    if isinstance(values, list) and len(values) == count:
        return None
    language = DEFAULT_LANGUAGE
    if isinstance(values, list) and values and isinstance(values[0], str):
        language = question_language(clean_question(values[0]))
    fields = ", ".join(PARAMETER_ORDER)
    text = message("api_positional", language, count=count, fields=fields, named="/call/v2/ask")
    return JSONResponse(error_body(text, language, results=[]), status_code=422)
