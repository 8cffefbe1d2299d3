"""Measuring answers on questions with gold paragraphs, per question kind and language.

A question file has one JSON object a line: `{"id": "d01", "q": "…", "gold": ["37/7 OP8"]}`,
optionally with `lang` and `kind`; an empty `gold` marks a question the corpus cannot answer,
which must come back `no_match`.

As sentence-transformers' evaluators do, one `QuestionSetEvaluator` stands for one file, and
the figures are computed apart from retrieval: `collect` asks the questions and keeps what came
back (`Outcome`), `figures` counts, with no model in sight.

Figures for answerable questions: `ok` (share answered with status ok), hit@1 / hit@5 / MRR@10
(the gold paragraph's rank among the results, whatever the status, as earlier releases counted
it), and ok∧hit@1 / ok∧hit@5 (status ok *and* gold at rank 1 / in the top 5: what a user gets).
For unanswerable ones: the share that got `no_match`. For the relevance labels: the precision of
each (the share of results so labelled that are gold paragraphs).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from languages import LANGUAGES
from languages.scripts import detect_language
from qa.assistant import Assistant

LABELS = ("direct", "partial", "nearest")


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    gold: tuple[str, ...]
    language: str = ""
    kind: str = ""


@dataclass(frozen=True)
class Outcome:
    """What came back for one question."""

    question: Question
    language: str
    status: str
    found: tuple[str, ...]
    """Paragraph keys (`57/12 OP8(a)`) of the results, best first."""
    labels: tuple[str, ...]
    missing: tuple[str, ...] = ()

    @property
    def rank(self) -> int | None:
        """The rank of the first gold paragraph among the first ten results."""
        gold = self.question.gold
        return next((r for r, key in enumerate(self.found[:10], 1) if key in gold), None)


@dataclass(frozen=True)
class Figures:
    """The figures of one group of outcomes."""

    name: str
    answerable: int
    ok: float
    hit_at_1: float
    hit_at_5: float
    mrr_at_10: float
    ok_hit_at_1: float
    ok_hit_at_5: float
    unanswerable: int
    no_match: int
    labelled: dict[str, tuple[int, int]]
    """Label → (results so labelled that are gold, results so labelled)."""

    def row(self) -> str:
        answerable = (
            f"{self.answerable:>4}  {self.ok:.3f}  {self.hit_at_1:.3f}  {self.hit_at_5:.3f}  "
            f"{self.mrr_at_10:.3f}  {self.ok_hit_at_1:.3f}  {self.ok_hit_at_5:.3f}"
            if self.answerable
            else f"{'-':>4}  {'':5}  {'':5}  {'':5}  {'':5}  {'':5}  {'':5}"
        )
        refused = (
            f"{self.no_match:>3}/{self.unanswerable:<3} {self.no_match / self.unanswerable:.3f}"
            if self.unanswerable
            else ""
        )
        return f"{self.name:<22} {answerable}   {refused}"

    def summary(self) -> str:
        return (
            f"{self.name}: hit@1 {self.hit_at_1:.3f}  hit@5 {self.hit_at_5:.3f}  "
            f"MRR@10 {self.mrr_at_10:.3f}  ok∧hit@1 {self.ok_hit_at_1:.3f}  "
            f"ok∧hit@5 {self.ok_hit_at_5:.3f}  ({self.answerable} questions)  "
            f"no_match {self.no_match}/{self.unanswerable} off-topic"
        )


HEADER = (
    f"{'group':<22} {'n':>4}  {'ok':5}  {'hit@1':5}  {'hit@5':5}  {'MRR':5}  "
    f"{'ok∧@1':5}  {'ok∧@5':5}   no_match"
)


def read_questions(path: Path) -> list[Question]:
    """The questions of a JSON-lines file; ValueError names the line that is wrong."""
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            questions.append(
                Question(
                    str(item["id"]),
                    item.get("q") or item["question"],
                    tuple(item.get("gold", ())),
                    item.get("lang", ""),
                    item.get("kind", ""),
                )
            )
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(f"{path}, line {number}: not a question object ({error})") from None
    return questions


def collect(
    assistant: Assistant, questions: Iterable[Question], mode: str = "answer"
) -> list[Outcome]:
    """Ask every question: the whole assistant (`answer`: citation look-up, fusion, no-match),
    or one retrieval alone (`dense`, `keyword`, `hybrid`, always status ok)."""
    outcomes = []
    for question in questions:
        if mode == "answer":
            answer = assistant.ask(question.text, top_k=10)
            outcomes.append(
                Outcome(
                    question,
                    answer.language,
                    answer.status,
                    tuple(quote.paragraph.key for quote in answer.results),
                    tuple(quote.label for quote in answer.results),
                    answer.missing,
                )
            )
            continue
        hits = assistant.retriever.search(question.text, 10, mode=mode)
        stored = assistant.store.get([hit.id for hit in hits])
        keys = tuple(item.paragraph.key for item in stored)
        language = question.language or detect_language(question.text)
        outcomes.append(Outcome(question, language, "ok", keys, ("direct",) * len(keys)))
    return outcomes


def figures(name: str, outcomes: Sequence[Outcome]) -> Figures:
    answerable = [o for o in outcomes if o.question.gold]
    unanswerable = [o for o in outcomes if not o.question.gold]
    ranks = [o.rank for o in answerable]
    ok = [o.status == "ok" for o in answerable]

    def share(values: Iterable[bool]) -> float:
        values = list(values)
        return sum(values) / len(values) if values else 0.0

    labelled = {}
    for label in LABELS:
        shown = [
            key in o.question.gold
            for o in outcomes
            if o.status == "ok"
            for key, given in zip(o.found[:5], o.labels[:5], strict=True)
            if given == label
        ]
        labelled[label] = (sum(shown), len(shown))
    return Figures(
        name=name,
        answerable=len(answerable),
        ok=share(ok),
        hit_at_1=share(r == 1 for r in ranks),
        hit_at_5=share(r is not None and r <= 5 for r in ranks),
        mrr_at_10=share(()) if not ranks else sum(1 / r for r in ranks if r) / len(ranks),
        ok_hit_at_1=share(k and r == 1 for k, r in zip(ok, ranks, strict=True)),
        ok_hit_at_5=share(k and r is not None and r <= 5 for k, r in zip(ok, ranks, strict=True)),
        unanswerable=len(unanswerable),
        no_match=sum(o.status == "no_match" for o in unanswerable),
        labelled=labelled,
    )


def breakdown(outcomes: Sequence[Outcome]) -> list[Figures]:
    """Figures for all questions, each language, each kind, and each kind in each language."""
    order = {language: rank for rank, language in enumerate(LANGUAGES)}
    languages = sorted({o.language for o in outcomes}, key=lambda lang: order.get(lang, len(order)))
    # Answerable kinds first, then the rest, each in the order the file first has them.
    kinds = sorted(
        dict.fromkeys(o.question.kind for o in outcomes if o.question.kind),
        key=lambda kind: not any(o.question.gold for o in outcomes if o.question.kind == kind),
    )
    groups: dict[str, list[Outcome]] = {"all": list(outcomes)}
    for language in languages:
        groups[language] = [o for o in outcomes if o.language == language]
    for kind in kinds:
        groups[kind] = [o for o in outcomes if o.question.kind == kind]
        for language in languages:
            groups[f"{kind} {language}"] = [o for o in groups[kind] if o.language == language]
    return [figures(name, members) for name, members in groups.items() if members]


def missed(outcomes: Sequence[Outcome]) -> list[str]:
    """One line for each question answered wrongly: off-topic but answered, or answerable
    but not ok with its gold paragraph first."""
    lines = []
    for o in outcomes:
        q = o.question
        if not q.gold:
            if o.status != "no_match":
                lines.append(f"{q.id} answered but off-topic: {q.text}")
        elif o.rank != 1 or o.status != "ok":
            lines.append(
                f"{q.id} gold {', '.join(q.gold)}; got {', '.join(o.found[:3])}"
                f"{' (no_match)' if o.status == 'no_match' else ''}: {q.text}"
            )
    return lines


@dataclass(frozen=True)
class QuestionSetEvaluator:
    """Evaluates the assistant on one question file."""

    path: Path

    def questions(self) -> list[Question]:
        """The file's questions; OSError or ValueError (naming the line) when it is unusable."""
        return read_questions(self.path)

    def __call__(self, assistant: Assistant, mode: str = "answer") -> list[Outcome]:
        return collect(assistant, self.questions(), mode)
