"""The assistant: one question in, one `Answer` out. The CLI and the web app are thin layers
over this class.

    assistant = Assistant.open()                      # the model and the index on disk
    answer = assistant.ask("联合国公共服务日是哪一天？", top_k=5)

A question passes, in order: input checks, the citation look-up (a paragraph it names comes
first), hybrid retrieval within the filters, and the no-match decision.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np

from embeddings import settings
from embeddings.index import ParagraphIndex, PassageEncoder
from embeddings.store import current_version
from qa.answer import Answer, Language, Match, Quote, highlight_spans
from qa.filters import Filters
from qa.messages import describe_label, message
from qa.references import Reference, find_reference
from qa.relevance import is_relevant
from qa.retrieval import Hit, HybridRetriever

MAX_QUESTION_CHARS = 2_000
MAX_TOP_K = 50

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")


def question_language(question: str) -> Language:
    """English for a question in Latin letters only; otherwise (and for one with no letters
    at all) Chinese, the language of the interface."""
    if _CJK.search(question) or not re.search("[A-Za-z]", question):
        return "zh"
    return "en"


def clean_question(question: str) -> str:
    """The question without control or invisible characters, whitespace folded."""
    return " ".join(_CONTROL.sub(" ", unicodedata.normalize("NFC", question)).split())


class Assistant:
    """Answers questions with quoted, cited paragraphs from one paragraph index."""

    def __init__(
        self,
        index: ParagraphIndex,
        encode_query: Callable[[str], np.ndarray],
        index_home: Path | None = None,
        encoder: PassageEncoder | None = None,
    ) -> None:
        self.encode_query = encode_query
        self.index_home = index_home
        self.encoder = encoder
        self._lock = threading.Lock()
        self._use(index)

    @classmethod
    def open(cls, index_home: Path | None = None, model: str | None = None) -> Assistant:
        """The assistant over the index in `index_home`, with the model it was built with."""
        from embeddings.model import load_encoders  # imports torch: only when really opening

        index_home = index_home or settings.index_home()
        encoder, encode_query = load_encoders(settings.model_name(model))
        index = ParagraphIndex.load(index_home, encoder)
        return cls(index, encode_query, index_home=index_home, encoder=encoder)

    def _use(self, index: ParagraphIndex) -> None:
        # Swapped as one reference, so a request in flight keeps the retriever it started with.
        self.retriever = HybridRetriever(index, self.encode_query)

    @property
    def index(self) -> ParagraphIndex:
        return self.retriever.index

    def reload_if_changed(self) -> bool:
        """Take up a newer index that `hrc-qa index` published since this one was loaded."""
        if self.index_home is None or self.encoder is None:
            return False
        if current_version(self.index_home) in (None, self.index.version):
            return False
        with self._lock:
            if current_version(self.index_home) == self.index.version:
                return False
            self._use(ParagraphIndex.load(self.index_home, self.encoder))
        return True

    # -- answering ---------------------------------------------------------------------------

    def ask(
        self,
        question: str,
        top_k: int = 5,
        filters: Filters | None = None,
        context: str | None = None,
        id: str | None = None,
    ) -> Answer:
        """The answer to `question`. `context` is the resolution the conversation is about
        (the last answer's first), so that `那第8段呢？` finds its paragraph 8."""
        retriever = self.retriever
        filters = filters or Filters()
        text = clean_question(question or "")
        language = question_language(text)

        def error(key: str, **values: object) -> Answer:
            return Answer(question, "error", message(key, language, **values), (), language, id)

        if not text:
            return error("empty")
        if len(text) > MAX_QUESTION_CHARS:
            return error("too_long", length=len(text), limit=MAX_QUESTION_CHARS)
        if not any(char.isalnum() for char in text):
            return error("no_words")
        if not 1 <= top_k <= MAX_TOP_K:
            return error("bad_top_k", top_k=top_k, limit=MAX_TOP_K)
        if filters.part not in (None, "preambular", "operative"):
            return error("bad_part", part=filters.part)
        for what, bounds in (("sessions", filters.sessions), ("years", filters.years)):
            if bounds and bounds[0] > bounds[1]:
                what = message(what, language)
                return error("bad_range", what=what, start=bounds[0], end=bounds[1])
        indexed = retriever.index.numbers
        unknown = filters.unknown_resolutions(retriever.index)
        if unknown:
            return error("unknown_resolution", number=unknown[0], indexed=", ".join(indexed))

        reference = find_reference(text)
        cited, problem = self._cited(retriever.index, reference, filters, context, language)
        if problem:
            return Answer(question, "error", problem, (), language, id)
        if reference.resolution in indexed and not cited and not filters.resolutions:
            filters = Filters(
                (reference.resolution,), filters.part, filters.sessions, filters.years
            )
        rows = filters.rows(retriever.index)
        hits = retriever.search(text, top_k, rows)

        quotes = [self._quote(retriever.index, text, row, 1.0, "citation") for row in cited]
        quotes += [
            self._quote(retriever.index, text, hit.row, hit.similarity, "search")
            for hit in hits
            if hit.row not in cited
        ]
        quotes = [replace(quote, rank=rank) for rank, quote in enumerate(quotes[:top_k], 1)]
        if not cited and not (hits and _relevant(retriever.index, hits[0], language)):
            return Answer(
                question, "no_match", message("no_match", language), tuple(quotes), language, id
            )
        return Answer(question, "ok", "", tuple(quotes), language, id)

    @staticmethod
    def _cited(
        index: ParagraphIndex,
        reference: Reference,
        filters: Filters,
        context: str | None,
        language: Language,
    ) -> tuple[list[int], str]:
        """The rows of the paragraph the question names (with its sub-paragraphs), or a
        message saying the paragraph does not exist."""
        if reference.label is None:
            return [], ""
        number = reference.resolution or (filters.resolutions[:1] or (context,))[0]
        rows = np.flatnonzero(index.facets.numbers == number) if number else []
        if not len(rows):
            return [], ""  # not a resolution of this index: answer the words instead
        named = [int(row) for row in rows if index.rows[row][1].label == reference.label]
        if not named:
            resolution = index.rows[rows[0]][0]
            parts = [
                paragraph.part for paragraph in resolution.paragraphs if not paragraph.subdivisions
            ]
            return [], message(
                "unknown_paragraph",
                language,
                number=number,
                paragraph=describe_label(reference.label, language),
                preambular=parts.count("preambular"),
                operative=parts.count("operative"),
            )
        below = [int(row) for row in rows if index.rows[row][1].parent_label == reference.label]
        return named + below, ""

    @staticmethod
    def _quote(index: ParagraphIndex, question: str, row: int, score: float, match: Match) -> Quote:
        resolution, paragraph = index.rows[row]
        quote = Quote(0, resolution, paragraph, score, match)
        return replace(quote, highlights=highlight_spans(question, quote.quote))


def _relevant(index: ParagraphIndex, hit: Hit, language: Language) -> bool:
    """Whether the best hit answers the question, in the language pair it was found in."""
    return is_relevant(hit, same_language=index.rows[hit.row][0].language == language)
