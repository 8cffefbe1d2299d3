"""The assistant: one question in, one `Answer` out. The CLI and the web app are thin layers
over this class.

    assistant = Assistant.open()                      # the model and the store on disk
    assistant = Assistant(HybridRetriever(store, encoder))   # or given its retriever
    answer = assistant.ask("联合国公共服务日是哪一天？", top_k=5)

A question passes, in order: input checks, the citation look-up (a paragraph it names comes
first), hybrid retrieval within the filters, and the no-match decision.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from corpus import Paragraph, Resolution
from corpus.alignment import versions_of
from corpus.citation import resolution_in_words
from corpus.models import PARTS, body_and_number
from embeddings import settings
from embeddings.encoder import Encoder
from languages import Language
from languages.bodies import DEFAULT_BODY
from languages.messages import describe_label, listed, message
from qa.answer import Answer, Label, Match, Quote, highlight_spans
from qa.references import Reference, find_reference
from qa.relevance import Models, answers_question, is_relevant, label, model, paragraph_features
from qa.request import MAX_QUESTION_CHARS, clean_question, echoed, question_language
from qa.rerank import load_reranker
from qa.retrieval import BESIDE, Hit, HybridRetriever
from qa.signals import Signals, missing_phrases, question_signals, question_terms
from store import open_store
from store.base import ParagraphStore, StoredParagraph
from store.filters import Filters

MAX_TOP_K = 50


class Assistant:
    """Answers questions with quoted, cited paragraphs from one paragraph store."""

    def __init__(self, retriever: HybridRetriever, relevance: Models | None = None) -> None:
        """`relevance`: the models that decide no-match and label paragraphs (default: the
        shipped ones, `qa.relevance.model`)."""
        self.retriever = retriever
        self.relevance = relevance
        self._lock = threading.Lock()

    @classmethod
    def open(cls, location: Path | None = None, model: str | None = None) -> Assistant:
        """The assistant over the store at `location` (default: `HRC_QA_STORE`, else `HRC_QA_INDEX`), with the
        model it was built with (default: `HRC_QA_MODEL`, else the bundled one), and the
        reranker `HRC_QA_RERANKER` names, if any."""
        from embeddings.model import load_encoder  # loads the model's runtime: only here

        return cls.open_with(load_encoder(model), location)

    @classmethod
    def open_with(cls, encoder: Encoder, location: Path | None = None) -> Assistant:
        """The assistant over the store at `location` (as `open`) with `encoder`, which the
        caller loaded: the CLI starts it before it imports this module, so that an ONNX
        session opens while the modules and the store are loaded."""
        store = open_store(location or settings.store_location(), encoder.name, encoder.dimension)
        return cls(HybridRetriever(store, encoder, load_reranker()))

    @property
    def store(self) -> ParagraphStore:
        return self.retriever.store

    def resolutions(self) -> tuple[Resolution, ...]:
        """Every indexed text of a resolution, in number order (a number's languages together)."""
        return self.store.resolutions()

    def paragraph(self, paragraph_id: str) -> tuple[Resolution, Paragraph] | None:
        """The indexed paragraph with this id (`A/HRC/RES/57/12:OP8(a):zh`), if there is one."""
        if paragraph_id not in self.store:
            return None
        found = self.store.get([paragraph_id])[0]
        return found.resolution, found.paragraph

    def refresh(self) -> bool:
        """Take up a newer version of the store that `hrc-qa index` published since. While
        one request loads it, the others go on answering from the store they have.

        A newer version that is damaged in any way raises IndexUnavailable, once (the caller
        logs it), and the store in use stays: it is checked whole before it replaces it."""
        if not self._lock.acquire(blocking=False):
            return False
        try:
            newer = self.retriever.store.reloaded()
            if newer is None:
                return False
            # Swapped as one reference, so a request in flight keeps the store it started with.
            self.retriever = replace(self.retriever, store=newer)
            return True
        finally:
            self._lock.release()

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
            # A question of any size is refused, but only the first part of it sent back.
            text = echoed(question)
            return Answer(text, "error", message(key, language, **values), (), language, id)

        if not text:
            return error("empty")
        if len(text) > MAX_QUESTION_CHARS:
            return error("too_long", length=len(text), limit=MAX_QUESTION_CHARS)
        if not any(char.isalnum() for char in text):
            return error("no_words")
        if not 1 <= top_k <= MAX_TOP_K:
            return error("bad_top_k", top_k=top_k, limit=MAX_TOP_K)
        if filters.part not in (None, *PARTS):
            return error("bad_part", part=filters.part)
        for what, bounds in (("sessions", filters.sessions), ("years", filters.years)):
            if bounds and None not in bounds and bounds[0] > bounds[1]:  # type: ignore[operator]
                what = message(what, language)
                return error("bad_range", what=what, start=bounds[0], end=bounds[1])
        names = retriever.store.names()
        unknown = [name for name in filters.resolutions if name not in names.held]
        if unknown:
            listed_names = ", ".join(names.in_order)
            # The Council's own are named by their number, as everywhere; another body's with
            # its body (`大会第80/4号决议`, never `第A/RES/80/4号决议`).
            if body_and_number(unknown[0])[0] == DEFAULT_BODY:
                return error("unknown_resolution", number=unknown[0], indexed=listed_names)
            named = resolution_in_words(unknown[0], language)
            return error("unknown_body_resolution", resolution=named, indexed=listed_names)

        reference = find_reference(text)
        cited, problem = _cited(retriever.store, reference, filters, context, language)
        if problem:
            return Answer(question, "error", problem, (), language, id)
        if reference.resolution in names.held and not cited and not filters.resolutions:
            filters = replace(filters, resolutions=(reference.resolution,))
        # A question searched as written has terms of its own alone: they are found while it is
        # embedded and searched (segmenting it, looking its Latin words up), off the answer's
        # path, as its keyword search is; one searched through English needs what its keyword
        # search found (`Found.english`).
        terms = (
            None
            if retriever.through_english(language)
            else BESIDE.submit(question_terms, text, language, retriever.store.holds_text)
        )
        found = retriever.find(text, top_k, filters)
        if not found.hits and not cited:
            # Nothing to rank at all: the filters leave no paragraph, which is what to say.
            message_text = message("no_match_filters", language)
            return Answer(question, "no_match", message_text, (), language, id)
        ranked = question_signals(
            text,
            language,
            found,
            retriever.store,
            retriever.encoder,
            terms.result() if terms else None,
        )
        found, signals = ranked if ranked else (found, None)
        hits = found.hits
        fitted = self.relevance or model()
        relevance = answers_question(signals, fitted) if signals else None
        # A question about places no indexed resolution mentions is refused whatever else it
        # shares with them (`qa.places`); its place names are checked in every language.
        unmentioned_place = bool(signals and not cited and signals.about_unmentioned_place)
        # So is one naming a thing by a number none of the paragraphs found shows (`SDG target
        # 16.5` beside goal 16's paragraphs): they speak of another than it asks about.
        unshown = signals.unshown_numbers if signals and not cited else ()
        relevant = bool(cited) or (
            signals is not None
            and not unmentioned_place
            and not unshown
            and is_relevant(signals, fitted)
        )
        # The words of a question in a language no indexed text is in (and, unlike English,
        # not translated into one) cannot be looked for there: none is named as missing.
        words_checked = signals is None or signals.words_checked
        missing = missing_phrases(text, signals) if signals and not cited and words_checked else ()
        if signals and not cited:
            missing = _with_places(text, signals.unmentioned_places, missing)

        # A cited paragraph scores 1.0; a found one its cosine similarity to the question.
        scores = dict.fromkeys(cited, 1.0) | {
            hit.id: hit.similarity for hit in hits if hit.id not in cited
        }
        ranks = {hit.id: rank for rank, hit in enumerate(hits, 1)}
        quoted = retriever.store.get(list(scores)[:top_k])
        quotes = [
            _quote(
                text,
                stored,
                scores[stored.id],
                "citation" if stored.id in cited else "search",
                rank,
                _label(stored.id, cited, relevant, ranks, hits, signals, fitted),
                names.held,
                retriever.store.texts(stored.resolution.name),
            )
            for rank, stored in enumerate(quoted, 1)
        ]
        if not relevant:
            others = (signals.other_documents + signals.titled_documents) if signals else ()
            unstated = signals.unstated_kinds if signals else ()
            key = (
                "no_match_number"
                if unshown
                else "no_match_missing"
                if missing
                else "no_match_cited"
                if others
                else f"no_match_{unstated[0]}"
                if unstated
                else "no_match"
            )
            key = key if words_checked or unmentioned_place or unshown else "no_match_language"
            terms = listed(unshown or missing or others, language)
            return Answer(
                question,
                "no_match",
                message(key, language, terms=terms),
                tuple(quotes),
                language,
                id,
                missing=missing,
                relevance=relevance,
                signals=signals,
            )
        partial = bool(missing)
        if partial:
            note = message("partial", language, terms=listed(missing, language))
        else:  # paragraphs judged by meaning alone say so
            note = "" if words_checked or cited else message("by_meaning", language)
        return Answer(
            question,
            "ok",
            note,
            tuple(quotes),
            language,
            id,
            missing=missing,
            partial=partial,
            relevance=relevance,
            signals=signals,
        )


def _with_places(
    question: str, places: tuple[str, ...], missing: tuple[str, ...]
) -> tuple[str, ...]:
    """What an answer names as missing: the missing phrases and the unmentioned places, in
    question order, none inside another (`African Republic` in `Central African Republic`)."""
    named = dict.fromkeys((*places, *missing))
    whole = [text for text in named if not any(text != other and text in other for other in named)]
    return tuple(sorted(whole, key=question.find))


def _cited(
    store: ParagraphStore,
    reference: Reference,
    filters: Filters,
    context: str | None,
    language: Language,
) -> tuple[list[str], str]:
    """The ids of the paragraph the question names (with its sub-paragraphs), or a message
    saying the paragraph does not exist."""
    if reference.label is None:
        return [], ""
    number = reference.resolution or (filters.resolutions[:1] or (context,))[0]
    # One version of each paragraph: the question's language first, else the first indexed.
    texts = sorted(
        store.texts(number) if number else (),
        key=lambda resolution: resolution.language != language,
    )
    if not texts:
        return [], ""  # not a resolution of this index: answer the words instead
    # Each label once: from the first text (in the order above) that has it.
    first_of = {
        paragraph.label: resolution.paragraph_id(paragraph)
        for resolution in reversed(texts)
        for paragraph in resolution.paragraphs
    }
    named = [first_of[reference.label]] if reference.label in first_of else []
    if not named:
        parts = [paragraph.part for paragraph in texts[0].paragraphs if not paragraph.subdivisions]
        return [], message(
            "unknown_paragraph",
            language,
            number=number,
            paragraph=describe_label(reference.label, language),
            preambular=parts.count("preambular"),
            operative=parts.count("operative"),
        )
    below = [
        first_of[paragraph.label]
        for paragraph in _all_paragraphs(texts)
        if paragraph.parent_label == reference.label
    ]
    return named + below, ""


def _all_paragraphs(texts: list[Resolution]) -> list[Paragraph]:
    """Every paragraph label of `texts` once, in the order of the first text holding it."""
    seen: dict[str, Paragraph] = {}
    for resolution in texts:
        for paragraph in resolution.paragraphs:
            seen.setdefault(paragraph.label, paragraph)
    return list(seen.values())


def _quote(
    question: str,
    stored: StoredParagraph,
    score: float,
    match: Match,
    rank: int,
    label: Label,
    indexed: frozenset[str],
    texts: tuple[Resolution, ...],
) -> Quote:
    """`texts`: the stored texts (languages) of the quoted paragraph's resolution."""
    versions = tuple(versions_of(stored.resolution, stored.paragraph, texts))
    quote = Quote(
        rank,
        stored.resolution,
        stored.paragraph,
        score,
        match,
        label=label,
        indexed=indexed,
        versions=versions,
    )
    language = stored.resolution.language
    return replace(quote, highlights=highlight_spans(question, quote.quote, language))


def _label(
    paragraph_id: str,
    cited: list[str],
    relevant: bool,
    ranks: dict[str, int],
    hits: list[Hit],
    signals: Signals | None,
    fitted: Models,
) -> Label:
    """A named paragraph is direct; in a no-match answer every paragraph is only the nearest;
    otherwise the paragraph model says."""
    if paragraph_id in cited:
        return "direct"
    if not relevant or signals is None:
        return "nearest"
    rank = ranks[paragraph_id]
    hit = hits[rank - 1]
    return label(
        paragraph_features(hit.similarity, hits[0].similarity, rank, signals.coverages[rank - 1]),
        signals,
        fitted,
    )
