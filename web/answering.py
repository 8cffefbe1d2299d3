"""The one code path from a web request (the chat, Gradio's `/ask`, the JSON API) to an
`Answer`: the index kept fresh, the request parsed by `qa.request`, and no exception let out.

Answers are kept (`AnswerCache`) keyed by the request and the index version they came from:
the same question asked again, by any caller, is answered without searching again, and a new
version of the index is never answered from an older one's answers.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict

from languages.messages import message
from qa.answer import Answer
from qa.assistant import Assistant
from qa.request import DEFAULT_TOP_K, answer_request, clean_question, question_language
from store.atomic import IndexUnavailable

log = logging.getLogger("hrc-qa.app")

CACHED_ANSWERS = 2048
"""How many answers are kept: the questions an app is asked repeat (a team asks the same few
things); bounded, because every distinct question would otherwise stay in memory."""


class AnswerCache:
    """The last `size` answers by key, least recently used dropped first; thread-safe."""

    def __init__(self, size: int = CACHED_ANSWERS) -> None:
        self.size = size
        self._answers: OrderedDict[str, Answer] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Answer | None:
        with self._lock:
            answer = self._answers.get(key)
            if answer is not None:
                self._answers.move_to_end(key)
            return answer

    def put(self, key: str, answer: Answer) -> None:
        with self._lock:
            self._answers[key] = answer
            self._answers.move_to_end(key)
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)


_ANSWERS = AnswerCache()


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
        version = assistant.store.version
        # repr: the values as sent (lists, None, numbers) in one string; only a store saved as
        # a version is cached, since one in memory can change without a new name.
        request = (
            question,
            top_k,
            resolutions,
            part,
            year_from,
            year_to,
            context,
            sessions,
            bodies,
        )
        key = f"{id(assistant)}:{version}:{request!r}"
        cached = _ANSWERS.get(key) if version else None
        if cached is not None:
            return cached
        answer = answer_request(
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
        if version:
            _ANSWERS.put(key, answer)
        return answer
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
