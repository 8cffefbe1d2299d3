"""Requests as users send them (CLI options, form fields, JSON) turned into checked values.

The CLI, the Gradio app and the JSON API all go through `answer_request`, so one rule reads
`2018` (the year 2018), `2018-2022` or an open end (`2018-`, or a form's empty "to" field),
and every mistake gets the same sentence, in the language of the question. Types are strict
(a boolean is not a number, 2.7 is not a whole number, NaN and infinities are refused, text
must be text without lone surrogates), and a value a message quotes back is shown as the
client wrote it (JSON, never a Python repr) and cut short.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from corpus.names import resolution_name_of
from languages import Language
from languages.bodies import BODIES, Body
from languages.messages import message
from languages.scripts import detect_language as question_language  # the name callers know
from qa.answer import Answer
from store.filters import Bounds, Filters

if TYPE_CHECKING:
    from qa.assistant import Assistant

DEFAULT_TOP_K = 5
MAX_QUESTION_CHARS = 2_000
PARTS = ("preambular", "operative", "annex")
SHOWN_CHARS = 40
"""How much of a wrong value a message quotes back: enough to recognise it, never a flood."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Decimal digits (`\d` is what int() reads, full-width ones too), never so many that int()
# refuses them.
_WHOLE_NUMBER = re.compile(r"\s*-?\d{1,18}\s*")
# At most nine digits: a year or a session, never a number too long for int() to read.
_RANGE = re.compile(r"^\s*(\d{1,9})?\s*(?:([-–—]|\.\.)\s*(\d{1,9})?)?\s*$")


class RequestError(ValueError):
    """A request a user must correct; `message(language)` says how, in their language."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values

    def message(self, language: Language) -> str:
        values = {
            name: message(value, language) if name == "what" else shown(value)
            for name, value in self.values.items()
        }
        return message(self.key, language, **values)


def clean_question(question: str) -> str:
    """The question without control or invisible characters, whitespace folded. A lone
    surrogate (which no UTF-8 answer could carry) becomes U+FFFD."""
    text = _SURROGATE.sub("\ufffd", question)
    return " ".join(_CONTROL.sub(" ", unicodedata.normalize("NFC", text)).split())


def shown(value: object, limit: int = SHOWN_CHARS) -> str:
    """`value` as a message quotes it: text as it is, anything else as the JSON the client
    sent (`true`, `Infinity`, `["51/5"]`); lone surrogates replaced, and cut to `limit`."""
    if isinstance(value, str):
        text = value
    else:
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError, RecursionError):
            text = type(value).__name__
    return echoed(text, limit)


def echoed(text: str, limit: int = MAX_QUESTION_CHARS) -> str:
    """What an answer may carry back of a text a client sent: encodable (no lone surrogate)
    and at most `limit` characters, so that a huge input is never sent back whole."""
    text = _SURROGATE.sub("\ufffd", text)
    return text if len(text) <= limit else text[:limit] + "…"


def has_lone_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def parse_whole_number(value: object, what: str) -> int:
    """An integer from an int, an integral float or a string of digits; never a bool."""
    if isinstance(value, bool):
        raise RequestError("bad_number", what=what, value=value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _WHOLE_NUMBER.fullmatch(value):
        return int(value)
    raise RequestError("bad_number", what=what, value=value)


def parse_range(value: object, what: str) -> Bounds | None:
    """An inclusive range from `2018`, `"2018"`, `"2018-2022"`, `"2018-"`, `"-2022"` or a pair
    `(2018, None)` (a form's "from" and "to" fields, either left empty); None for nothing."""
    if value is None or value == "":
        return None
    if isinstance(value, Sequence) and not isinstance(value, str):
        if len(value) != 2:
            raise RequestError("bad_range_syntax", what=what, value=value)
        start, end = (
            None if item in (None, "") else parse_whole_number(item, what) for item in value
        )
        bounds: Bounds = (start, end)
    elif isinstance(value, str):
        match = _RANGE.match(value)
        if match is None or not (match.group(1) or match.group(3)):
            raise RequestError("bad_range_syntax", what=what, value=value)
        start = int(match.group(1)) if match.group(1) else None
        end = int(match.group(3)) if match.group(3) else None
        bounds = (start, end if match.group(2) else start)
    else:
        single = parse_whole_number(value, what)
        bounds = (single, single)
    if bounds == (None, None):
        return None
    if bounds[0] is not None and bounds[1] is not None and bounds[0] > bounds[1]:
        raise RequestError("bad_range", what=what, start=bounds[0], end=bounds[1])
    return bounds


def parse_resolutions(value: object) -> tuple[str, ...]:
    """`["57/12", "A/RES/80/4"]`, or the same as one string `"57/12, A/RES/80/4"` (easier
    over HTTP), as resolution names (`qa.references.resolution_name_of`: a symbol or a
    number, `S/RES/2720 (2023)`); what names none is kept as given, for the message that
    says it is not indexed."""
    if value is None or value == "" or value == []:
        return ()
    # A space before `(2023)` is inside a Security Council symbol, not between two names.
    items = re.split(r"[,;]\s*|\s+(?!\s|\()", value.strip()) if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(_is_text(item) for item in items):
        raise RequestError("bad_resolutions", value=value)
    return tuple(resolution_name_of(item) or item.strip() for item in items if item.strip())


def parse_bodies(value: object) -> tuple[Body, ...]:
    """`["ga", "sc"]`, or one string `"ga, sc"`: the bodies of `languages.bodies`."""
    if value is None or value == "" or value == []:
        return ()
    items = re.split(r"[,;\s]+", value.strip()) if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(item in BODIES for item in items):
        raise RequestError("bad_bodies", value=value, bodies=", ".join(BODIES))
    return tuple(items)


def _is_text(value: object) -> bool:
    return isinstance(value, str) and not has_lone_surrogate(value)


def parse_filters(
    resolutions: object = None,
    part: object = None,
    sessions: object = None,
    years: object = None,
    bodies: object = None,
) -> Filters:
    """The filters a user asked for; RequestError names the first one that is wrong."""
    if part is not None and (not isinstance(part, str) or part not in ("", *PARTS)):
        raise RequestError("bad_part", part=part)
    return Filters(
        resolutions=parse_resolutions(resolutions),
        bodies=parse_bodies(bodies),
        part=part or None,  # type: ignore[arg-type]
        sessions=parse_range(sessions, "sessions"),
        years=parse_range(years, "years"),
    )


def answer_request(
    assistant: Assistant,
    question: object,
    top_k: object = DEFAULT_TOP_K,
    resolutions: object = None,
    part: object = None,
    sessions: object = None,
    years: object = None,
    context: object = None,
    id: str | None = None,
    bodies: object = None,
) -> Answer:
    """The answer to one request as a user sent it: every value parsed and checked here, and
    a mistake answered with status `error` in the question's language."""
    text = question if isinstance(question, str) else ""
    language = question_language(clean_question(text))
    try:
        if not isinstance(question, str):
            raise RequestError("bad_question")
        if has_lone_surrogate(question):
            raise RequestError("bad_characters")
        if not (context is None or _is_text(context)):
            raise RequestError("bad_context")
        filters = parse_filters(resolutions, part, sessions, years, bodies)
        top_k = parse_whole_number(top_k, "top_k")
    except RequestError as error:
        return Answer(echoed(text), "error", error.message(language), (), language, id)
    return assistant.ask(question, top_k=top_k, filters=filters, context=context or None, id=id)
