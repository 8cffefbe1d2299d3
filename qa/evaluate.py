"""Measuring retrieval on questions with gold paragraphs: hit@1, hit@5, MRR@10 and no-match.

A question file has one JSON object a line: `{"id": "d01", "q": "…", "gold": ["37/7 OP8"]}`;
an empty `gold` marks a question the corpus cannot answer, which must come back `no_match`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from qa.assistant import Assistant


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    gold: tuple[str, ...]
    language: str = ""


@dataclass
class Report:
    """The figures of one evaluation, and the questions it got wrong."""

    name: str
    answerable: int = 0
    hits_at_1: int = 0
    hits_at_5: int = 0
    reciprocal_ranks: float = 0.0
    off_topic: int = 0
    no_match_correct: int = 0
    missed: list[str] = field(default_factory=list)

    @property
    def hit_at_1(self) -> float:
        return self.hits_at_1 / self.answerable if self.answerable else 0.0

    @property
    def hit_at_5(self) -> float:
        return self.hits_at_5 / self.answerable if self.answerable else 0.0

    @property
    def mrr_at_10(self) -> float:
        return self.reciprocal_ranks / self.answerable if self.answerable else 0.0

    def summary(self) -> str:
        return (
            f"{self.name}: hit@1 {self.hit_at_1:.3f}  hit@5 {self.hit_at_5:.3f}  "
            f"MRR@10 {self.mrr_at_10:.3f}  ({self.answerable} questions)  "
            f"no_match {self.no_match_correct}/{self.off_topic} off-topic"
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
                )
            )
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(f"{path}, line {number}: not a question object ({error})") from None
    return questions


def evaluate(assistant: Assistant, questions: list[Question], mode: str = "answer") -> Report:
    """Score the whole assistant (`answer`: citation look-up, fusion, no-match), or one
    retrieval alone (`dense`, `keyword`, `hybrid`) on the answerable questions."""
    report = Report(mode)
    for question in questions:
        if mode == "answer":
            answer = assistant.ask(question.text, top_k=10)
            found = [quote.paragraph.key for quote in answer.results]
            status = answer.status
        else:
            hits = assistant.retriever.search(question.text, 10, mode=mode)
            stored = assistant.store.get([hit.id for hit in hits])
            found = [item.paragraph.key for item in stored]
            status = "ok"
        if not question.gold:
            if mode == "answer":
                report.off_topic += 1
                report.no_match_correct += status == "no_match"
                if status != "no_match":
                    report.missed.append(f"{question.id} answered but off-topic: {question.text}")
            continue
        report.answerable += 1
        ranks = [rank for rank, key in enumerate(found[:10], 1) if key in question.gold]
        report.hits_at_1 += bool(ranks) and ranks[0] == 1
        report.hits_at_5 += bool(ranks) and ranks[0] <= 5
        report.reciprocal_ranks += 1 / ranks[0] if ranks else 0.0
        if not ranks or ranks[0] > 1 or status != "ok":
            report.missed.append(
                f"{question.id} gold {', '.join(question.gold)}; got {', '.join(found[:3])}"
                f"{' (no_match)' if status == 'no_match' else ''}: {question.text}"
            )
    return report
