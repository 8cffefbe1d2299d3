"""The answer to a question: quoted paragraphs with citations, in the JSON contract of
docs/citations.md."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from corpus import Paragraph, Resolution, paragraph_record
from corpus.records import lead_in_text, quote_text, versions_record
from languages import DEFAULT_LANGUAGE, Language
from languages.keywords import KEYWORD_FORMS
from languages.scripts import detect_language
from store.tokenize import token_spans, tokens

if TYPE_CHECKING:
    from qa.signals import Signals

Status = Literal["ok", "no_match", "error"]
Match = Literal["citation", "search"]
Label = Literal["direct", "partial", "nearest"]
"""What a quoted paragraph is to the question, as `qa.relevance` measures it: `direct` (likely
what was asked), `partial` (in an answer, a fair chance of it) or `nearest` (in a no-match
answer, or an answer's paragraphs with little chance: only near, shown for reference)."""
CLAUSE_END = re.compile(r"(?<=[，；。,;])")
"""After these marks a text is cut into clauses that segment as they do in the whole text."""


@dataclass(frozen=True)
class Quote:
    """One paragraph of an answer, quoted whole: a sub-paragraph comes after the words it
    hangs under (`请高级专员：` then `(a) …`) so that the quote reads as a sentence."""

    rank: int
    resolution: Resolution
    paragraph: Paragraph
    score: float
    """Cosine similarity of question and paragraph (1.0 for a paragraph the question cites)."""
    match: Match
    """Why it is here: named by the question, or found by search."""
    highlights: tuple[tuple[int, int], ...] = ()
    """Spans of `quote` (start, end) holding words of the question."""
    label: Label = "direct"
    """How relevant it is, as measured; a paragraph the question names is `direct`."""
    indexed: frozenset[str] = frozenset()
    """The names of the resolutions in the index, so that each resolution the paragraph
    names says whether it can be opened."""

    versions: tuple[tuple[Resolution, Paragraph], ...] = ()
    """The paragraph in each language it is indexed in and linked to (`corpus.alignment`),
    itself included."""

    @property
    def lead_in(self) -> str:
        return lead_in_text(self.resolution, self.paragraph)

    @property
    def quote(self) -> str:
        return quote_text(self.resolution, self.paragraph)

    def to_dict(self) -> dict[str, Any]:
        record = paragraph_record(self.resolution, self.paragraph)
        record["references"] = [
            reference | {"indexed": reference["resolution"] in self.indexed}
            for reference in record["references"]
        ]
        return {
            "rank": self.rank,
            **record,
            "score": round(self.score, 4),
            "match": self.match,
            "label": self.label,
            "quote": self.quote,
            "highlights": [list(span) for span in self.highlights],
            "versions": versions_record(self.versions or ((self.resolution, self.paragraph),)),
        }


@dataclass(frozen=True)
class Answer:
    """What the user gets back for one question."""

    question: str
    status: Status
    message: str = ""
    results: tuple[Quote, ...] = ()
    language: Language = DEFAULT_LANGUAGE
    """The language of the question, in which messages are written and citations shown first."""
    id: str | None = field(default=None, compare=False)
    missing: tuple[str, ...] = ()
    """Words of the question that no indexed paragraph mentions, as the question words them."""
    partial: bool = False
    """An answer (`ok`) to part of the question only: `missing` names the rest."""
    relevance: float | None = None
    """The no-match model's probability that the best paragraph answers the question."""
    signals: Signals | None = field(default=None, compare=False, repr=False)
    """What the decision was made from (`qa.calibrate` fits on them); not in the contract."""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id} if self.id is not None else {}
        return data | {
            "question": self.question,
            "status": self.status,
            "message": self.message,
            "language": self.language,
            **(
                {}  # an error answers nothing: these say nothing about it
                if self.status == "error"
                else {
                    "partial": self.partial,
                    "missing": list(self.missing),
                    "relevance": None if self.relevance is None else round(self.relevance, 4),
                }
            ),
            "results": [quote.to_dict() for quote in self.results],
        }


def highlight_spans(
    question: str, text: str, language: Language | None = None
) -> tuple[tuple[int, int], ...]:
    """The spans of `text` holding a word of the question, overlapping spans merged. Both are
    read as `text`'s language reads them (told from `text` when not given), so that a
    question's `corruption` marks a French paragraph's `corruption` through their stem."""
    language = language or detect_language(text)
    wanted = set(tokens(question, language))
    spans = sorted(_spans_of(wanted, text, language))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _spans_of(wanted: set[str], text: str, language: Language) -> list[tuple[int, int]]:
    """The spans of `text`'s words (`token_spans`) that are `wanted`. Segmenting a paragraph
    with jieba is most of a quote's cost, so for the languages it segments only the clauses
    that hold one of the words are segmented: jieba cuts a text into runs of Chinese letters
    and digits first (the marks in `CLAUSE_END` are outside them) and words only inside a run,
    so a clause's words are the whole text's, and each is a substring of its clause, lower-cased
    a character at a time as the segmenter lower-cases a word."""
    if KEYWORD_FORMS[language].segmenter != "jieba":
        return [(start, end) for word, start, end in token_spans(text, language) if word in wanted]
    spans = []
    offset = 0
    for clause in CLAUSE_END.split(text):
        lowered = "".join(map(str.lower, clause))
        if any(word in lowered for word in wanted):
            spans += [
                (offset + start, offset + end)
                for word, start, end in token_spans(clause, language)
                if word in wanted
            ]
        offset += len(clause)
    return spans


def highlight_segments(text: str, spans: Iterable[Sequence[int]]) -> list[tuple[str, bool]]:
    """`text` cut into (piece, is_highlighted) in order, for any renderer (HTML, terminal).

    Spans are merged upstream; one that starts inside the previous is skipped, so no
    character is ever shown twice."""
    segments: list[tuple[str, bool]] = []
    position = 0
    for start, end in sorted(tuple(span) for span in spans):
        if start < position:
            continue
        segments += [(text[position:start], False), (text[start:end], True)]
        position = end
    segments.append((text[position:], False))
    return [(piece, highlighted) for piece, highlighted in segments if piece]
