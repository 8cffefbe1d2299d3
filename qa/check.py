"""Checking a draft against adopted text: for each draft paragraph, its sources and a verdict.

Each draft paragraph (`corpus.draft`) is searched as a question is (`qa.retrieval`: dense and
keyword search fused, any indexed language, each paragraph in the draft's language where that
version is indexed), with the words it hangs under if it is a sub-paragraph. The candidates
in the draft's language are then compared word by word (`qa.diff`), and the verdict read off
the best one:

- `agreed`: the same words, differing only in numbering, spaces, the forms of punctuation
  marks (`，` or `,`) and the mark the paragraph ends with;
- `adapted`: `similarity` (difflib's ratio over words) at least `ADAPTED_SIMILARITY`, chosen
  on the calibration drafts (README, "Checking a draft");
- `new`: no candidate comes that close.

An adapted paragraph built from several adopted ones lists each that adds words the others
do not hold (`SECOND_SOURCE_SHARE`), best first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from corpus import Paragraph, Resolution, cite
from corpus.draft import Draft, DraftParagraph
from corpus.records import page_address
from languages import LANGUAGES, Language
from languages.interface import LANGUAGE_NAMES
from languages.messages import message
from qa.diff import (
    Piece,
    Token,
    changed_words,
    matched_positions,
    same_words,
    similarity,
    tokenize,
    word_diff,
    words,
)
from qa.retrieval import HybridRetriever

Verdict = Literal["agreed", "adapted", "new"]
VERDICTS: tuple[Verdict, ...] = ("agreed", "adapted", "new")

ADAPTED_SIMILARITY = 0.35
"""The least similarity to an adopted paragraph for a draft paragraph to be `adapted` from it
(below: `new`). Chosen on the calibration drafts; its figures are in the README."""
CANDIDATES = 10
"""How many retrieved paragraphs each draft paragraph is compared with word by word."""
MAX_SOURCES = 3
SECOND_SOURCE_SHARE = 0.2
"""A further source is listed when it holds, in runs of `SHARED_RUN` words, this share of the
draft paragraph's words that the sources before it do not."""
SHARED_RUN = 3


@dataclass(frozen=True)
class Source:
    """An adopted paragraph a draft paragraph agrees with or was adapted from."""

    resolution: Resolution
    paragraph: Paragraph
    similarity: float
    diff: tuple[Piece, ...]
    inserted: int
    """Words the draft adds."""
    deleted: int
    """Words of the source the draft leaves out."""

    def to_dict(self) -> dict[str, Any]:
        resolution, paragraph = self.resolution, self.paragraph
        return {
            "resolution": resolution.name,
            "paragraph": paragraph.label,
            "language": resolution.language,
            "id": resolution.paragraph_id(paragraph),
            "symbol": resolution.symbol,
            "citation": {language: cite(resolution, paragraph, language) for language in LANGUAGES},
            "text": paragraph.text,
            "similarity": round(self.similarity, 3),
            "inserted": self.inserted,
            "deleted": self.deleted,
            "diff": [piece.to_dict() for piece in self.diff],
            "url": page_address(resolution.name, paragraph.label, resolution.language),
        }


@dataclass(frozen=True)
class ParagraphCheck:
    """One draft paragraph's verdict and sources (best first; none when `new`)."""

    paragraph: DraftParagraph
    verdict: Verdict
    sources: tuple[Source, ...]

    def to_dict(self) -> dict[str, Any]:
        """The CLI's and the API's contract for one paragraph (README, "Checking a draft")."""
        return {
            "index": self.paragraph.index,
            "label": self.paragraph.label,
            "text": self.paragraph.text,
            "verdict": self.verdict,
            "sources": [source.to_dict() for source in self.sources],
        }


@dataclass(frozen=True)
class CheckReport:
    """A whole draft checked, paragraph by paragraph in the draft's order."""

    language: Language
    checks: tuple[ParagraphCheck, ...]
    notes: tuple[str, ...] = ()

    def summary(self) -> dict[Verdict, int]:
        """How many paragraphs got each verdict."""
        return {verdict: sum(c.verdict == verdict for c in self.checks) for verdict in VERDICTS}

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": "ok",
            "language": self.language,
            "summary": self.summary(),
            "notes": list(self.notes),
            "paragraphs": [check.to_dict() for check in self.checks],
        }


@dataclass(frozen=True)
class DraftChecker:
    """Checks drafts against the paragraphs of one store, found by its retriever."""

    retriever: HybridRetriever

    def check(self, draft: Draft) -> CheckReport:
        """Every paragraph of `draft` checked, in order."""
        return CheckReport(draft.language, tuple(self.each(draft)), self.notes(draft))

    def notes(self, draft: Draft) -> tuple[str, ...]:
        """What the user should know besides the verdicts, in the draft's language: what was
        noticed reading it, and that no indexed text is in its language (so nothing can be
        compared with it word by word, and every paragraph is new)."""
        if self.retriever.store.holds_language(draft.language):
            return draft.notes
        name = LANGUAGE_NAMES[draft.language]
        return (*draft.notes, message("check_language_not_indexed", draft.language, name=name))

    def each(self, draft: Draft) -> Iterator[ParagraphCheck]:
        """The draft's paragraphs checked one after another, as they are done."""
        for paragraph in draft.paragraphs:
            yield self.check_paragraph(paragraph, draft.language)

    def check_paragraph(self, paragraph: DraftParagraph, language: Language) -> ParagraphCheck:
        candidates = self.candidates(paragraph, language)
        return judged(paragraph, language, candidates)

    def candidates(
        self, paragraph: DraftParagraph, language: Language
    ) -> list[tuple[Resolution, Paragraph]]:
        """The retrieved paragraphs in the draft's language, best first."""
        query = f"{paragraph.lead_in}{paragraph.text}" if paragraph.lead_in else paragraph.text
        hits = self.retriever.search(query, CANDIDATES)
        found = self.retriever.store.get([hit.id for hit in hits])
        return [
            (item.resolution, item.paragraph)
            for item in found
            if item.resolution.language == language
        ]


@dataclass(frozen=True)
class _Candidate:
    """An adopted paragraph compared with a draft paragraph."""

    resolution: Resolution
    paragraph: Paragraph
    tokens: tuple[Token, ...]
    similarity: float


def judged(
    paragraph: DraftParagraph,
    language: Language,
    candidates: list[tuple[Resolution, Paragraph]],
) -> ParagraphCheck:
    """The verdict on `paragraph` given the adopted paragraphs it may come from."""
    draft = tokenize(paragraph.text, language)
    compared = []
    for resolution, adopted in candidates:
        tokens = tokenize(adopted.text, language)
        compared.append(_Candidate(resolution, adopted, tokens, similarity(tokens, draft)))
    compared.sort(key=lambda candidate: -candidate.similarity)
    # The same words adopted several times: the latest adoption first, as a drafter cites it.
    agreed = sorted(
        (candidate for candidate in compared if same_words(candidate.tokens, draft)),
        key=lambda candidate: candidate.resolution.adopted,
        reverse=True,
    )[:MAX_SOURCES]
    if agreed:
        return ParagraphCheck(paragraph, "agreed", tuple(_source(c, draft, 1.0) for c in agreed))
    if not compared or compared[0].similarity < ADAPTED_SIMILARITY:
        return ParagraphCheck(paragraph, "new", ())
    chosen = [compared[0]]
    covered = matched_positions(compared[0].tokens, draft, SHARED_RUN)
    total = len(words(draft))
    for candidate in compared[1:]:
        if len(chosen) == MAX_SOURCES:
            break
        adds = matched_positions(candidate.tokens, draft, SHARED_RUN) - covered
        if total and len(adds) >= SECOND_SOURCE_SHARE * total:
            chosen.append(candidate)
            covered |= adds
    sources = tuple(_source(c, draft, c.similarity) for c in chosen)
    return ParagraphCheck(paragraph, "adapted", sources)


def _source(candidate: _Candidate, draft: tuple[Token, ...], score: float) -> Source:
    inserted, deleted = changed_words(candidate.tokens, draft)
    return Source(
        candidate.resolution,
        candidate.paragraph,
        score,
        tuple(word_diff(candidate.tokens, draft)),
        inserted,
        deleted,
    )
