"""Deciding whether the best paragraph found answers the question at all (`no_match`).

Two kinds of evidence: the cosine similarity of question and paragraph, and the BM25 score of
the question's words in it. Similarities run lower across languages (an English question
against a Chinese paragraph) than within one, so each case has its own threshold. Keyword
evidence only exists within a language.

The thresholds are calibrated on the dev questions with `calibrate` (tests/test_relevance.py
shows it and checks the constants below against it): each sits above every off-topic
question's evidence, halfway to the weakest on-topic question where there is room.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from qa.retrieval import Hit

MARGIN = 0.005
"""How far above the strongest off-topic question a threshold must stay."""


@dataclass(frozen=True)
class Thresholds:
    same_language: float
    """Least similarity when question and paragraph share a language."""
    cross_language: float
    """Least similarity when they do not."""
    keyword: float
    """Least BM25 score that on its own shows the question's words are in the paragraph."""


THRESHOLDS = Thresholds(same_language=0.871, cross_language=0.789, keyword=2.3)


@dataclass(frozen=True)
class Evidence:
    """What the best hit for one question showed, and whether the question is on topic."""

    similarity: float
    keyword_score: float
    same_language: bool
    on_topic: bool


def is_relevant(hit: Hit, same_language: bool, thresholds: Thresholds = THRESHOLDS) -> bool:
    """Whether the best hit answers the question, rather than being merely the nearest."""
    least = thresholds.same_language if same_language else thresholds.cross_language
    return hit.similarity >= least or hit.keyword_score >= thresholds.keyword


def calibrate(evidence: Iterable[Evidence]) -> Thresholds:
    """The thresholds that keep every off-topic question out, and as many on-topic ones in."""
    evidence = list(evidence)

    def threshold(values_off: list[float], values_on: list[float]) -> float:
        strongest_off = max(values_off, default=0.0)
        weakest_on = min(values_on, default=strongest_off)
        return round(max(strongest_off + MARGIN, (strongest_off + weakest_on) / 2), 3)

    def similarities(same: bool, on_topic: bool) -> list[float]:
        return [
            e.similarity for e in evidence if e.same_language == same and e.on_topic == on_topic
        ]

    return Thresholds(
        same_language=threshold(similarities(True, False), similarities(True, True)),
        cross_language=threshold(similarities(False, False), similarities(False, True)),
        keyword=threshold(
            [e.keyword_score for e in evidence if not e.on_topic],
            [e.keyword_score for e in evidence if e.on_topic and e.keyword_score > 0],
        ),
    )
