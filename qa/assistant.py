"""The assistant: one question in, one `Answer` out. The CLI and the web app are thin layers
over this class.

    assistant = Assistant.open()                      # the model and the index on disk
    answer = assistant.ask("联合国公共服务日是哪一天？", top_k=5)

A question passes, in order: input checks, the citation look-up (a paragraph it names comes
first), hybrid retrieval within the filters, and the no-match decision.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import numpy as np

from corpus import Paragraph, Resolution
from embeddings import settings
from embeddings.encoder import Encoder
from embeddings.index import ParagraphIndex
from languages import Language
from languages.messages import describe_label, message
from qa.answer import Answer, Match, Quote, highlight_spans
from qa.references import Reference, find_reference
from qa.relevance import is_relevant
from qa.request import clean_question, question_language
from qa.retrieval import Hit, HybridRetriever
from store.atomic import current_version
from store.filters import Filters

MAX_QUESTION_CHARS = 2_000
MAX_TOP_K = 50


class Assistant:
    """Answers questions with quoted, cited paragraphs from one paragraph index."""

    def __init__(
        self,
        index: ParagraphIndex,
        encoder: Encoder,
        index_home: Path | None = None,
    ) -> None:
        """`index_home` is where `index` was loaded from, watched for newer versions."""
        self.encoder = encoder
        self.index_home = index_home
        self._lock = threading.Lock()
        self._use(index)

    @classmethod
    def open(cls, index_home: Path | None = None, model: str | None = None) -> Assistant:
        """The assistant over the index in `index_home`, with the model it was built with."""
        from embeddings.model import load_encoder  # imports the model's runtime: only when opening

        index_home = index_home or settings.index_home()
        encoder = load_encoder(model)
        return cls(ParagraphIndex.load(index_home, encoder), encoder, index_home=index_home)

    def _use(self, index: ParagraphIndex) -> None:
        # Swapped as one reference, so a request in flight keeps the retriever it started with.
        self.retriever = HybridRetriever(index, self.encoder)

    @property
    def index(self) -> ParagraphIndex:
        return self.retriever.index

    def resolutions(self) -> tuple[Resolution, ...]:
        """Every indexed text of a resolution, in number order (a number's languages together)."""
        order = {number: rank for rank, number in enumerate(self.index.numbers)}
        return tuple(
            sorted(self.index.resolutions.values(), key=lambda r: (order[r.number], r.language))
        )

    def paragraph(self, paragraph_id: str) -> tuple[Resolution, Paragraph] | None:
        """The indexed paragraph with this id (`A/HRC/RES/57/12:OP8(a):zh`), if there is one."""
        for resolution, paragraph in self.index.rows:
            if resolution.paragraph_id(paragraph) == paragraph_id:
                return resolution, paragraph
        return None

    def refresh(self) -> bool:
        """Take up a newer index that `hrc-qa index` published since this one was loaded."""
        if self.index_home is None:
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
            if bounds and None not in bounds and bounds[0] > bounds[1]:  # type: ignore[operator]
                what = message(what, language)
                return error("bad_range", what=what, start=bounds[0], end=bounds[1])
        indexed = retriever.index.numbers
        unknown = [number for number in filters.resolutions if number not in indexed]
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
        rows = retriever.index.rows_where(filters)
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
