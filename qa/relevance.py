"""Deciding whether the paragraphs found answer the question at all (`no_match`), and how
relevant each one is (`direct` or `partial`): two small logistic regressions over the measured
signals of `qa.signals`.

The question model weighs the best paragraph's cosine less its cosine to questions about
nothing in particular (`qa.generic`: how near it comes to any question), whether question and
paragraph are in different languages (where cosines run lower), its BM25 score, the share of the
question's salient terms it holds, for a question in another language than the best
paragraph the share found nowhere in the corpus as the dictionary renders its words (and that
again times how far the best paragraph's cosine stands above its generic one, so that the
dictionary's word counts for less where the meaning model finds the paragraph near the
question, as it does for a paraphrase's everyday words; for a question in the paragraph's own
language the share it holds says as much, and the models judged better without its missing
share: README, the fifteenth round), whether
the question asks what another document says, named by number or by title, and whether it asks
for a figure, a date or a place none of the first paragraphs gives. The paragraph model weighs
one paragraph's cosine, its distance below the best one, its rank and the share of the
question's terms it holds.

Those are the models for a question whose words can be looked for in the corpus (`terms`).
A question whose words cannot (a French one over Chinese texts, `Signals.words_checked`) is
judged by a second pair fitted on the same questions without the term signals, which it does
not have, and with how near its words come to the best paragraph's (`meaning`), and whether it
asks about a document named by number (`S-32/1`: a number reads the same in every language).

A question whose words were looked for through the English words nearest to them in meaning
(a French one over Chinese texts, `Signals.through_english`) is judged by a third pair over the
term signals but the share found nowhere, fitted on every question whose words could be looked
for: that evidence is noisier than a dictionary's, and the first pair stays fitted on the
questions it judges. That pair also weighs the share of the question's words that no English
word comes near, which are not looked for at all (`Signals.unplaced`; nought for every other
question): the multilingual model places rare and specialised words nowhere, the words naming
a matter the resolutions may not treat.

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
from typing import Literal

from qa.answer import Label
from qa.signals import Signals

MODEL_FILE = Path(__file__).with_name("relevance.json")

QUESTION_FEATURES = (
    "similarity_over_generic",
    "cross_language",
    "keyword_score",
    "covered_top",
    "missing_cross_language",
    "missing_cross_language_near",
    "asks_about_other_document",
    "asks_about_titled_document",
    "asks_unstated_kind",
)
THROUGH_ENGLISH_QUESTION_FEATURES = (
    *(name for name in QUESTION_FEATURES if not name.startswith("missing_")),
    "unplaced",
)
"""The question features of the models for words looked for through English: all but the share
of its words found nowhere in the corpus (either of the two), which for such a word says more
often that its English neighbour's translations missed a word the corpus has (`homme`, `Haut`,
`المتحدة`, `ООН`) than that the corpus lacks the notion (docs/trust-history.md: the
eleventh round's signals); and, theirs alone, the share of its words no English word comes near,
not looked for at all (`Signals.unplaced`: README, the fifteenth round)."""
NEARNESS_BOUND = 0.03
"""The bound of `similarity_over_generic` (either way) in `missing_cross_language_near`: about
where the answerable and the unanswerable English questions of the pool lie (medians 0.01 and
−0.03), so that the few paragraphs far nearer or farther than that do not make the product,
linear in them, outweigh the missing share itself (README: the twelfth round)."""
PARAGRAPH_FEATURES = ("similarity", "below_best", "reciprocal_rank", "coverage")
MEANING_QUESTION_FEATURES = (
    "similarity_same_language",
    "similarity_cross_language",
    "cross_language",
    "word_similarity",
    "asks_about_other_document",
)
MEANING_PARAGRAPH_FEATURES = ("similarity", "below_best", "reciprocal_rank")

PARTIAL_CHANCE = 0.2
"""The least probability of being a paragraph asked for that a `partial` label claims: so that
`partial` means "about one chance in three or four" (measured in the README), not "any other
paragraph" (one in twenty)."""

Evidence = Literal["terms", "through_english", "meaning"]
FEATURES: dict[Evidence, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "terms": (QUESTION_FEATURES, PARAGRAPH_FEATURES),
    "through_english": (THROUGH_ENGLISH_QUESTION_FEATURES, PARAGRAPH_FEATURES),
    "meaning": (MEANING_QUESTION_FEATURES, MEANING_PARAGRAPH_FEATURES),
}
"""Each pair of models' question and paragraph features."""


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

    @classmethod
    def from_dict(cls, data: dict) -> RelevanceModel:
        return cls(Logistic.from_dict(data["question"]), Logistic.from_dict(data["paragraph"]))


Models = dict[Evidence, RelevanceModel]


def evidence(signals: Signals) -> Evidence:
    """Which pair of models judges a question with these signals."""
    if not signals.words_checked:
        return "meaning"
    return "through_english" if signals.through_english else "terms"


@cache
def model() -> Models:
    """The fitted models shipped with the package, by the evidence they judge from."""
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    return {name: RelevanceModel.from_dict(data[name]) for name in FEATURES}


def even_odds() -> Models:
    """Models over the features the code measures (`FEATURES`) that weigh none of them: every
    probability is one half. `qa.calibrate` gathers its examples through an assistant holding
    these, so that gathering never applies the file it is about to replace (whose features may
    no longer be measured)."""

    def weightless(features: tuple[str, ...]) -> Logistic:
        nothing = (0.0,) * len(features)
        return Logistic(features, nothing, (1.0,) * len(features), nothing, 0.0, 0.5)

    return {
        name: RelevanceModel(weightless(question), weightless(paragraph))
        for name, (question, paragraph) in FEATURES.items()
    }


def to_dict(models: Models) -> dict:
    return {name: models[name].to_dict() for name in FEATURES}


def question_features(signals: Signals) -> dict[str, float]:
    cross = float(signals.cross_language)
    over_generic = signals.similarity - signals.generic_similarity
    nearness = min(NEARNESS_BOUND, max(-NEARNESS_BOUND, over_generic))
    return {
        "similarity_over_generic": over_generic,
        "similarity_same_language": signals.similarity * (1 - cross),
        "similarity_cross_language": signals.similarity * cross,
        "cross_language": cross,
        "keyword_score": signals.keyword_score,
        "covered_top": signals.covered_top,
        "missing_cross_language": signals.missing * cross,
        # An English word the dictionary renders in another sense than the texts' (`career`,
        # `phones`, `mandate`) is missing only by the dictionary; the meaning model, reading
        # the whole question, still finds the paragraph asked for nearer than any.
        "missing_cross_language_near": signals.missing * cross * nearness,
        "asks_about_other_document": float(bool(signals.other_documents)),
        "asks_about_titled_document": float(bool(signals.titled_documents)),
        "word_similarity": signals.word_similarity,
        "asks_unstated_kind": float(bool(signals.unstated_kinds)),
        "unplaced": signals.unplaced,
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


def answers_question(signals: Signals, fitted: Models | None = None) -> float:
    """The probability that the best paragraph answers the question."""
    return (fitted or model())[evidence(signals)].question.probability(question_features(signals))


def is_relevant(signals: Signals, fitted: Models | None = None) -> bool:
    fitted = fitted or model()
    return answers_question(signals, fitted) >= fitted[evidence(signals)].question.threshold


def label(features: dict[str, float], signals: Signals, fitted: Models | None = None) -> Label:
    """For a paragraph of an answer judged relevant: `direct` when the paragraph model gives it
    at least even odds of being one the question asks for, `partial` when at least
    `PARTIAL_CHANCE`, otherwise `nearest` (shown for reference, as in a no-match answer)."""
    paragraph = (fitted or model())[evidence(signals)].paragraph
    chance = paragraph.probability(features)
    if chance >= paragraph.threshold:
        return "direct"
    return "partial" if chance >= PARTIAL_CHANCE else "nearest"
