"""Deciding whether the paragraphs found answer the question at all (`no_match`), and how
relevant each one is (`direct` or `partial`): two small logistic regressions over the measured
signals of `qa.signals`.

The question model weighs the best paragraph's cosine (apart for a question in the
paragraph's language and across languages, where cosines run lower), how far it stands out
from the other candidates, its BM25 score, the share of the question's salient terms it holds
and the share found nowhere in the corpus. The paragraph model weighs one paragraph's cosine,
its distance below the best one, its rank and the share of the question's terms it holds.

Their coefficients live in `relevance.json` beside this file, written by
`python -m qa.calibrate` from the calibration questions (never by hand); each feature is
standardised by the mean and scale it had there, so a coefficient reads as the weight of one
standard deviation. `tests/test_relevance.py` refits and compares.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from qa.answer import Label
from qa.signals import Signals

MODEL_FILE = Path(__file__).with_name("relevance.json")

QUESTION_FEATURES = (
    "similarity_same_language",
    "similarity_cross_language",
    "cross_language",
    "standout",
    "keyword_score",
    "covered_top",
    "missing",
)
PARAGRAPH_FEATURES = ("similarity", "below_best", "reciprocal_rank", "coverage")


@dataclass(frozen=True)
class Logistic:
    """P(yes) = sigmoid(intercept + Σ coefficient · (feature − mean) / scale)."""

    features: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    coefficients: tuple[float, ...]
    intercept: float
    threshold: float
    """The least probability that counts as yes."""

    def probability(self, values: dict[str, float]) -> float:
        z = self.intercept + sum(
            weight * (values[name] - mean) / scale
            for name, mean, scale, weight in zip(
                self.features, self.means, self.scales, self.coefficients, strict=True
            )
        )
        return 1 / (1 + math.exp(-z))

    def to_dict(self) -> dict:
        return {
            "features": list(self.features),
            "means": list(self.means),
            "scales": list(self.scales),
            "coefficients": list(self.coefficients),
            "intercept": self.intercept,
            "threshold": self.threshold,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Logistic:
        return cls(
            tuple(data["features"]),
            tuple(data["means"]),
            tuple(data["scales"]),
            tuple(data["coefficients"]),
            float(data["intercept"]),
            float(data["threshold"]),
        )


@dataclass(frozen=True)
class RelevanceModel:
    question: Logistic
    """Does the best paragraph answer the question?"""
    paragraph: Logistic
    """Is this paragraph one that answers it (of an answer already judged relevant)?"""

    def to_dict(self) -> dict:
        return {"question": self.question.to_dict(), "paragraph": self.paragraph.to_dict()}


@cache
def model() -> RelevanceModel:
    """The fitted model shipped with the package."""
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    return RelevanceModel(
        Logistic.from_dict(data["question"]), Logistic.from_dict(data["paragraph"])
    )


def question_features(signals: Signals) -> dict[str, float]:
    cross = float(signals.cross_language)
    return {
        "similarity_same_language": signals.similarity * (1 - cross),
        "similarity_cross_language": signals.similarity * cross,
        "cross_language": cross,
        "standout": signals.standout,
        "keyword_score": signals.keyword_score,
        "covered_top": signals.covered_top,
        "missing": signals.missing,
    }


def paragraph_features(
    similarity: float, best_similarity: float, rank: int, coverage: float
) -> dict[str, float]:
    return {
        "similarity": similarity,
        "below_best": best_similarity - similarity,
        "reciprocal_rank": 1 / rank,
        "coverage": coverage,
    }


def answers_question(signals: Signals, fitted: RelevanceModel | None = None) -> float:
    """The probability that the best paragraph answers the question."""
    return (fitted or model()).question.probability(question_features(signals))


def is_relevant(signals: Signals, fitted: RelevanceModel | None = None) -> bool:
    fitted = fitted or model()
    return answers_question(signals, fitted) >= fitted.question.threshold


def label(features: dict[str, float], fitted: RelevanceModel | None = None) -> Label:
    """`direct` or `partial` for a paragraph of an answer judged relevant."""
    paragraph = (fitted or model()).paragraph
    return "direct" if paragraph.probability(features) >= paragraph.threshold else "partial"
