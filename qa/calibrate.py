"""Fitting the relevance model (`qa/relevance.json`) on questions with gold paragraphs:

    python -m qa.calibrate eval/trust/calibration.jsonl eval/dev.jsonl

Every question is asked as a user would ask it; questions answered by the citation look-up are
left out (the model never decides them). The question model learns, from every question,
whether the best paragraph answers it (a question with gold paragraphs: yes; one without: no);
the paragraph model learns, from the top five paragraphs of each answerable question, which are
gold. Each is a logistic regression (scikit-learn, L2, C = 1) on standardised features. Both
are fitted twice over the same questions (`qa.relevance.FEATURES`): with the term signals, for
questions whose words can be looked for, and with how near their words come to the best
paragraph's instead, for those whose words cannot. Then it prints, for each question model,
five-fold cross-validated figures with all features and with each left out: what each signal
contributes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qa.assistant import Assistant
from qa.evaluate import Question, read_questions
from qa.relevance import (
    FEATURES,
    MODEL_FILE,
    Logistic,
    RelevanceModel,
    paragraph_features,
    question_features,
    to_dict,
)
from qa.signals import word_similarity

C = 1.0
FOLDS = 5
THRESHOLD = 0.5
TOP = 5


@dataclass(frozen=True)
class Examples:
    """Feature rows and yes/no answers, with each row's question language."""

    rows: list[dict[str, float]]
    answers: list[bool]
    languages: list[str]


def examples(assistant: Assistant, questions: Sequence[Question]) -> tuple[Examples, Examples]:
    """The question model's examples and the paragraph model's."""
    asked, paragraphs = Examples([], [], []), Examples([], [], [])
    for question in questions:
        answer = assistant.ask(question.text, top_k=10)
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
        asked.rows.append(row)
        asked.answers.append(bool(question.gold))
        asked.languages.append(answer.language)
        if not question.gold:
            continue
        best = answer.results[0].score
        for rank, quote in enumerate(answer.results[:TOP], 1):
            paragraphs.rows.append(
                paragraph_features(quote.score, best, rank, signals.coverages[rank - 1])
            )
            paragraphs.answers.append(quote.paragraph.key in question.gold)
            paragraphs.languages.append(answer.language)
    return asked, paragraphs


def fit(data: Examples, features: Sequence[str]) -> Logistic:
    from sklearn.linear_model import LogisticRegression

    matrix = np.array([[row[name] for name in features] for row in data.rows])
    means, scales = matrix.mean(axis=0), matrix.std(axis=0)
    scales[scales == 0] = 1.0
    regression = LogisticRegression(C=C, max_iter=1000)
    regression.fit((matrix - means) / scales, np.array(data.answers))
    return Logistic(
        tuple(features),
        tuple(round(float(v), 6) for v in means),
        tuple(round(float(v), 6) for v in scales),
        tuple(round(float(v), 6) for v in regression.coef_[0]),
        round(float(regression.intercept_[0]), 6),
        THRESHOLD,
    )


def cross_validated(data: Examples, features: Sequence[str]) -> dict[str, float]:
    """Share of answerable questions kept (`ok`) and unanswerable ones refused (`no_match`),
    each question judged by a model fitted on the other folds."""
    from sklearn.model_selection import StratifiedKFold

    answers = np.array(data.answers)
    said_yes = np.zeros(len(answers), dtype=bool)
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=0)
    for train, test in folds.split(np.zeros(len(answers)), answers):
        model = fit(Examples([data.rows[i] for i in train], list(answers[train]), []), features)
        said_yes[test] = [model.probability(data.rows[i]) >= model.threshold for i in test]
    return {
        "ok": float(said_yes[answers].mean()),
        "no_match": float((~said_yes[~answers]).mean()),
    }


def main(arguments: Sequence[str] = sys.argv[1:]) -> None:
    paths = [Path(argument) for argument in arguments]
    if not paths:
        raise SystemExit("usage: python -m qa.calibrate QUESTIONS.jsonl [...]")
    questions = [question for path in paths for question in read_questions(path)]
    assistant = Assistant.open()
    asked, paragraphs = examples(assistant, questions)
    fitted = {
        evidence: RelevanceModel(fit(asked, question), fit(paragraphs, paragraph))
        for evidence, (question, paragraph) in FEATURES.items()
    }
    MODEL_FILE.write_text(json.dumps(to_dict(fitted), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_FILE} from {len(asked.rows)} questions, {len(paragraphs.rows)} paragraphs")
    for evidence, (features, _) in FEATURES.items():
        print(
            f"{evidence} question model, cross-validated: answerable → ok, unanswerable → no_match"
        )
        print(f"  all features                     {_figures(cross_validated(asked, features))}")
        for left_out in features:
            rest = [name for name in features if name != left_out]
            print(f"  without {left_out:<26} {_figures(cross_validated(asked, rest))}")


def _figures(figures: dict[str, float]) -> str:
    return f"ok {figures['ok']:.3f}  no_match {figures['no_match']:.3f}"


if __name__ == "__main__":
    main()
