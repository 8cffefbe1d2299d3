"""The one code path from a web request to a checked draft (`POST /api/v1/check`, the page
/check): the draft read from its text or its file (base64), checked paragraph by paragraph
(`qa.check`), and answered whole, as a stream of one JSON line a paragraph (for a progress
bar), or as an export (Word, Markdown, JSON).

Every refusal is a `DraftError` said in the request's language; nothing else escapes but a
bug, which web/guard.py answers as an error, logged.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import AsyncIterator
from typing import Any, Literal

import anyio
from pydantic import BaseModel, ConfigDict, Field

from corpus.draft import Draft, DraftError, read_draft, read_draft_file
from languages import Language
from qa.assistant import Assistant
from qa.check import CheckReport, DraftChecker
from qa.export import MEDIA_TYPES, Format, export
from web.answering import refresh

DRAFT_EXAMPLE = "人权理事会，\n\n1. 鼓励各国向地方政府提供充足的资金和技术能力，以履行其人权责任；"


class DraftFile(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    name: str = Field(description="The file's name: its suffix is read, its first bytes decide.")
    content: str = Field(description="The file's bytes in base64.")


class CheckRequest(BaseModel):
    """A draft, pasted (`text`) or uploaded (`file`), and what to answer with."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={"examples": [{"text": DRAFT_EXAMPLE}]},
    )

    text: str | None = Field(None, description="The draft's text, paragraphs between blank lines.")
    file: DraftFile | None = Field(
        None, description="Or the draft as a file: .docx, .txt, .md, .pdf or .html."
    )
    format: Literal["json", "md", "docx"] = Field(
        "json", description="json: the check; md, docx: the check as a file to download."
    )
    language: Literal["zh", "en", "fr", "es", "ru", "ar"] | None = Field(
        None,
        description="The language of the export's words and citations, and of messages "
        "(default: the draft's; messages before the draft is read: ?lang=, else the browser's).",
    )


EXPECTED_TYPES = {
    "text": "type_text",
    "file": "type_file",
    "format": "type_format",
    "language": "type_language",
}


def draft_of(request: CheckRequest) -> Draft:
    """The draft the request gives; DraftError when it gives none, both, or one unread."""
    if (request.text is None) == (request.file is None):
        raise DraftError("check_no_draft")
    if request.text is not None:
        return read_draft(request.text)
    assert request.file is not None
    try:
        raw = base64.b64decode(request.file.content, validate=True)
    except (binascii.Error, ValueError):
        raise DraftError("check_bad_file") from None
    return read_draft_file(raw, request.file.name)


def checker(assistant: Assistant) -> DraftChecker:
    refresh(assistant)
    return DraftChecker(assistant.retriever)


def exported(report: CheckReport, form: Format, language: Language | None) -> tuple[bytes, str]:
    """The export's bytes and its media type."""
    return export(report, form, language), MEDIA_TYPES[form]


def file_name(form: Format) -> str:
    return f"draft-check.{form}"


async def streamed(
    assistant: Assistant, draft: Draft, limiter: anyio.CapacityLimiter
) -> AsyncIterator[bytes]:
    """The check as JSON lines: `{"status": "checking", "total": n, "notes": […]}` first,
    then each paragraph's contract object as it is done, then `{"status": "ok", "summary":
    …}`. Each paragraph is checked in a worker thread under `limiter`, so that a long draft
    holds no more of the machine than a question does."""
    checking = checker(assistant)
    notes = checking.notes(draft)
    total = len(draft.paragraphs)
    yield _line({"status": "checking", "language": draft.language, "total": total, "notes": notes})
    checks = []
    for paragraph in draft.paragraphs:
        check = await anyio.to_thread.run_sync(
            checking.check_paragraph, paragraph, draft.language, limiter=limiter
        )
        checks.append(check)
        yield _line(check.to_dict())
    report = CheckReport(draft.language, tuple(checks), notes)
    yield _line({"status": "ok", "summary": report.summary(), "notes": list(notes)})


def _line(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False) + "\n").encode()
