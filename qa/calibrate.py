"""Fitting the relevance model (`qa/relevance.json`) on questions with gold paragraphs:

    python -m qa.calibrate                   # the files of CALIBRATION_SETS
    python -m qa.calibrate FILE.jsonl [...]  # others (`--help` says so)

(`CALIBRATION_SETS`: the trust set's two halves and its second to eleventh sets, retired into
calibration after they had been run through rounds of tuning, read question by question, or
run as blind sets over several rounds; the French, Spanish, Russian and Arabic supplement
written beside the tenth blind set; the dev set and the languages set.)
Every question is asked as a user would ask it, but with no fitted model deciding (the file
being replaced may weigh a signal the code no longer measures); questions answered by the
citation look-up are left out (the model never decides them). The question model learns,
from every question, whether the best paragraph answers it (a question with gold paragraphs:
yes; one without: no); the paragraph model learns, from the top five paragraphs of each
answerable question, which are gold. Each is a logistic regression (scikit-learn, L2) on
standardised features. Both are fitted three times (`qa.relevance.FEATURES`): with the term
signals, on the questions whose words can be looked for as written (the only ones they judge);
with the same signals on every question whose words can be looked for, for those looked for
through English; and with how near a question's words come to the best paragraph's instead,
on every question, for those whose words cannot be looked for at all.

Then it prints, for each question model, figures cross-validated by question set (each file's
questions judged by models fitted on the other files: a set written at another time, by
another hand, is the nearest thing to questions nobody has seen), with all features and with
each left out: what each signal contributes.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from qa import relevance
from qa.assistant import Assistant
from qa.evaluate import Question, read_questions
from qa.relevance import (
    FEATURES,
    MODEL_FILE,
    Evidence,
    Logistic,
    RelevanceModel,
    even_odds,
    paragraph_features,
    question_features,
    to_dict,
)
from qa.signals import word_similarity

CALIBRATION_SETS = (
    "eval/trust/calibration.jsonl",
    "eval/trust/heldout.jsonl",
    "eval/trust/heldout2.jsonl",
    "eval/trust/heldout3.jsonl",
    "eval/trust/heldout4.jsonl",
    "eval/trust/heldout5.jsonl",
    "eval/trust/heldout6.jsonl",
    "eval/trust/heldout7.jsonl",
    "eval/trust/heldout8.jsonl",
    "eval/trust/heldout9.jsonl",
    "eval/trust/heldout10.jsonl",
    "eval/trust/heldout11.jsonl",
    "eval/trust/heldout12.jsonl",
    "eval/trust/heldout13.jsonl",
    "eval/trust/languages2.jsonl",
    "eval/dev.jsonl",
    "eval/languages.jsonl",
)
"""The files the shipped model is fitted on, relative to the repository (`ROOT`)."""
ROOT = Path(__file__).resolve().parents[1]
QUESTION_C: dict[Evidence, float] = {"terms": 1.0, "through_english": 1.0, "meaning": 3.0}
"""Inverse L2 strength of each question model, chosen by the cross-validation by question set
(README: how retrieval works); the paragraph models keep C = 1."""
PARAGRAPH_C = 1.0
THRESHOLD = 0.5
TOP = 5


@dataclass(frozen=True)
class Examples:
    """Feature rows and yes/no answers, with each row's question set and the evidence its
    question is judged by (`qa.relevance.evidence`)."""

    rows: list[dict[str, float]] = field(default_factory=list)
    answers: list[bool] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    def add(self, row: dict[str, float], answer: bool, group: str, evidence: Evidence) -> None:
        self.rows.append(row)
        self.answers.append(answer)
        self.groups.append(group)
        self.evidence.append(evidence)

    def subset(self, keep: Sequence[bool]) -> Examples:
        chosen = Examples()
        for i, kept in enumerate(keep):
            if kept:
                chosen.add(self.rows[i], self.answers[i], self.groups[i], self.evidence[i])
        return chosen

    def judged_by(self, evidence: Evidence) -> Examples:
        """The examples a model of this evidence is fitted on: the term models only on
        questions whose words could be looked for (for the others those signals say nothing),
        the first pair only on those it judges, the pair for words looked for through English
        on all of them (its own are too few and too noisy); the meaning models on all."""
        fitted_on: set[Evidence] = {
            "terms": {"terms"},
            "through_english": {"terms", "through_english"},
            "meaning": {"terms", "through_english", "meaning"},
        }[evidence]
        return self.subset([judged in fitted_on for judged in self.evidence])


def examples(
    assistant: Assistant, questions: Sequence[tuple[str, Question]]
) -> tuple[Examples, Examples]:
    """The question model's examples and the paragraph model's, from (set, question) pairs,
    asked of `assistant`'s retriever with no fitted model deciding (`even_odds`)."""
    undecided = Assistant(assistant.retriever, relevance=even_odds())
    asked, paragraphs = Examples(), Examples()
    for group, question in questions:
        answer = undecided.ask(question.text, top_k=10)
        signals = answer.signals
        if signals is None or any(quote.match == "citation" for quote in answer.results):
            continue
        row = question_features(signals)
        if signals.words_checked:  # measured by the assistant only where it is used
            best = answer.results[0]
            row["word_similarity"] = word_similarity(
                question.text,
                answer.language,
                best.resolution,
                best.paragraph,
                assistant.retriever.encoder,
            )
        asked.add(row, bool(question.gold), group, relevance.evidence(signals))
        if not question.gold:
            continue
        best = answer.results[0].score
        for rank, quote in enumerate(answer.results[:TOP], 1):
            paragraphs.add(
                paragraph_features(quote.score, best, rank, signals.coverages[rank - 1]),
                quote.paragraph.key in question.gold,
                group,
                relevance.evidence(signals),
            )
    return asked, paragraphs


def fit(data: Examples, features: Sequence[str], c: float) -> Logistic:
    from sklearn.linear_model import LogisticRegression

    matrix = np.array([[row[name] for name in features] for row in data.rows])
    means, scales = matrix.mean(axis=0), matrix.std(axis=0)
    scales[scales == 0] = 1.0
    regression = LogisticRegression(C=c, max_iter=5000)
    regression.fit((matrix - means) / scales, np.array(data.answers))
    return Logistic(
        tuple(features),
        tuple(round(float(v), 6) for v in means),
        tuple(round(float(v), 6) for v in scales),
        tuple(round(float(v), 6) for v in regression.coef_[0]),
        round(float(regression.intercept_[0]), 6),
        THRESHOLD,
    )


def fit_models(asked: Examples, paragraphs: Examples) -> dict[Evidence, RelevanceModel]:
    return {
        evidence: RelevanceModel(
            fit(asked.judged_by(evidence), question, QUESTION_C[evidence]),
            fit(paragraphs.judged_by(evidence), paragraph, PARAGRAPH_C),
        )
        for evidence, (question, paragraph) in FEATURES.items()
    }


def cross_validated(
    data: Examples, evidence: Evidence, features: Sequence[str]
) -> dict[str, dict[str, float]]:
    """Per question set and over all: the share of answerable questions kept (`ok`) and of
    unanswerable ones refused (`no_match`), among the questions this evidence judges, each
    judged by a model fitted on the other sets."""
    judged = np.array(data.evidence) == evidence
    answers = np.array(data.answers)
    groups = np.array(data.groups)
    said_yes = np.zeros(len(answers), dtype=bool)
    for group in dict.fromkeys(data.groups):
        model = fit(
            data.subset(groups != group).judged_by(evidence), features, QUESTION_C[evidence]
        )
        for i in np.flatnonzero(groups == group):
            said_yes[i] = model.probability(data.rows[i]) >= model.threshold
    figures = {}
    for group in [*dict.fromkeys(data.groups), "all"]:
        chosen = judged & ((groups == group) | (group == "all"))
        if not chosen.any():
            continue
        kept, refused = said_yes[chosen & answers], ~said_yes[chosen & ~answers]
        figures[group] = {
            "ok": float(kept.mean()) if kept.size else float("nan"),
            "no_match": float(refused.mean()) if refused.size else float("nan"),
        }
    return figures


def main(arguments: Sequence[str] | None = None) -> None:
    """`python -m qa.calibrate [QUESTIONS.jsonl ...]` (default: `CALIBRATION_SETS`)."""
    parser = argparse.ArgumentParser(
        prog="python -m qa.calibrate",
        description=(
            "Fit the no-match models (qa/relevance.json) on questions with gold paragraphs, "
            "asked over the index in use, and print each question model's figures "
            "cross-validated by question file (each file judged by models fitted on the others)."
        ),
    )
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="QUESTIONS.jsonl",
        help="question files, each one set (default: the calibration pool, "
        + ", ".join(CALIBRATION_SETS)
        + ")",
    )
    paths = parser.parse_args(arguments).files or [ROOT / name for name in CALIBRATION_SETS]
    missing = [str(path) for path in paths if not path.is_file()]
    if missing:
        parser.error(f"no such question file: {', '.join(missing)}")
    questions = [(path.stem, question) for path in paths for question in read_questions(path)]
    assistant = Assistant.open()
    asked, paragraphs = examples(assistant, questions)
    fitted = fit_models(asked, paragraphs)
    MODEL_FILE.write_text(json.dumps(to_dict(fitted), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_FILE} from {len(asked.rows)} questions, {len(paragraphs.rows)} paragraphs")
    for evidence, (features, _) in FEATURES.items():
        print(
            f"{evidence} question model, cross-validated by question set: answerable → ok, "
            "unanswerable → no_match"
        )
        figures = cross_validated(asked, evidence, features)
        if not figures:
            print("  no question of these files is judged by it")
            continue
        print(f"  {'':34} " + "  ".join(f"{group:>15}" for group in figures))
        print(f"  {'all features':<34} {_figures(figures)}")
        for left_out in features:
            rest = [name for name in features if name != left_out]
            figures = cross_validated(asked, evidence, rest)
            print(f"  {'without ' + left_out:<34} {_figures(figures)}")


def _figures(figures: dict[str, dict[str, float]]) -> str:
    return "  ".join(
        f"{values['ok']:>6.3f} / {values['no_match']:<6.3f}" for values in figures.values()
    )


if __name__ == "__main__":
    main()
