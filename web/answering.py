"""The one code path from a web request (the chat, Gradio's `/ask`, the JSON API) to an
`Answer`: the index kept fresh, the request parsed by `qa.request`, and no exception let out."""

from __future__ import annotations

import logging

from languages.messages import message
from qa.answer import Answer
from qa.assistant import Assistant
from qa.request import DEFAULT_TOP_K, answer_request, clean_question, question_language
from store.atomic import IndexUnavailable

log = logging.getLogger("hrc-qa.app")


def answer_question(
    assistant: Assistant,
    question: object,
    top_k: object = DEFAULT_TOP_K,
    resolutions: object = None,
    part: object = "",
    year_from: object = None,
    year_to: object = None,
    context: object = "",
    sessions: object = None,
    bodies: object = None,
) -> Answer:
    """The answer to one question: filters built, index fresh; a bug answers `internal`."""
    try:
        refresh(assistant)
        return answer_request(
            assistant,
            question,
            top_k,
            resolutions,
            part,
            sessions,
            (year_from, year_to),
            context,
            bodies=bodies,
        )
    except Exception:
        # A bug must not take the app down or leave the user with a spinner: say so, log it.
        log.exception("answering %r failed", question)
        return internal_error(question)


def internal_error(question: object) -> Answer:
    """The answer to a request that failed inside the app, in the question's language."""
    text = question if isinstance(question, str) else ""
    language = question_language(clean_question(text))
    return Answer(text, "error", message("internal", language), (), language)


def refresh(assistant: Assistant) -> None:
    """Take up an index that `hrc-qa index` published since the last request."""
    try:
        assistant.refresh()
    except IndexUnavailable as error:
        # A broken new version must not stop the app: it keeps answering from the old one.
        log.warning("keeping the loaded index: %s", error)
    except OSError:
        log.exception("keeping the loaded index: the new one could not be read")
