"""Hybrid retrieval: dense search fused with BM25 keyword search, over any paragraph store.

Each search ranks its candidates; reciprocal rank fusion adds `weight / (RRF_K + rank)` over
the lists a paragraph appears in, a keyword rank weighing twice a dense one. Rank fusion needs
no calibration between cosine and BM25 scales, and a paragraph found by both searches rises
above one found by either. Each result also
carries its cosine similarity to the question, which says how relevant it is on an absolute
scale (the no-match decision uses it).

A paragraph indexed in several languages (`corpus.alignment`) is one result: at the rank of
its best-scoring version, in the question's language when that version is indexed.

The corpus is Chinese: an English question is searched by keyword through the Chinese
translations of its words (`qa.translate`), which lifts English hit@1 on the calibration
questions from 0.53 (dense alone) to 0.80 fused.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal, TypeVar

import numpy as np

from corpus.alignment import versions_of
from embeddings.encoder import Encoder
from qa.request import question_language
from qa.rerank import CANDIDATES as RERANK_CANDIDATES
from qa.rerank import CrossEncoderReranker
from qa.translate import english_words
from store.base import ParagraphStore, Scored, passage_text
from store.filters import Filters

RRF_K = 60
DENSE_WEIGHT = 0.5
KEYWORD_WEIGHT = 1.0
"""A keyword rank counts twice a dense one: the small model's cosines rank a paragraph that
shares the question's words below one that merely shares its subject more often than BM25
does (see the README for what each weighting measured)."""
CANDIDATES = 50
"""How deep each search looks before fusion."""

Mode = Literal["hybrid", "dense", "keyword"]
Ranked = TypeVar("Ranked", "Hit", Scored)


@dataclass(frozen=True)
class Hit:
    """A paragraph found for a question, with what each search thought of it."""

    id: str
    fused: float
    similarity: float
    dense_rank: int | None
    keyword_rank: int | None
    keyword_score: float


@dataclass(frozen=True)
class Found:
    """The fused hits for a question, and how the dense candidates' similarities spread."""

    hits: list[Hit]
    standout: float
    """How many standard deviations the best dense similarity stands above the other
    candidates' (a question the corpus answers picks one paragraph out; one it does not finds
    many about equally near)."""


@dataclass(frozen=True)
class HybridRetriever:
    """Dense + keyword search over one store, with the model its vectors were made by."""

    store: ParagraphStore
    encoder: Encoder
    reranker: CrossEncoderReranker | None = None
    """Reorders the first `rerank.CANDIDATES` fused hits when set (`HRC_QA_RERANKER`)."""

    def search(
        self, question: str, k: int, where: Filters | None = None, mode: Mode = "hybrid"
    ) -> list[Hit]:
        """The `k` best paragraphs for `question`, best first, among those `where` lets
        through. `mode` is `hybrid`, or `dense` / `keyword` alone (to measure each part)."""
        return self.find(question, k, where, mode).hits

    def find(
        self, question: str, k: int, where: Filters | None = None, mode: Mode = "hybrid"
    ) -> Found:
        """As `search`, with the spread of the dense candidates' similarities."""
        where = where or Filters()
        depth = max(CANDIDATES, k)
        # By keyword first: on a cold start the model's session is still opening meanwhile.
        keyword = (
            self.store.keyword_search(keyword_query(question), depth, where)
            if mode != "dense"
            else []
        )
        query = self.encoder.encode_queries([question])[0]
        dense = self.store.dense_search(query, depth, where) if mode != "keyword" else []
        dense_ranks = {found.id: rank for rank, found in enumerate(dense, 1)}
        keyword_ranks = {found.id: rank for rank, found in enumerate(keyword, 1)}
        keyword_scores = {found.id: found.score for found in keyword}
        ids = list(dense_ranks | keyword_ranks)
        similarities = self.store.vectors(ids) @ query if ids else []
        hits = [
            Hit(
                id=paragraph_id,
                fused=sum(
                    weight / (RRF_K + ranks[paragraph_id])
                    for ranks, weight in (
                        (dense_ranks, DENSE_WEIGHT),
                        (keyword_ranks, KEYWORD_WEIGHT),
                    )
                    if paragraph_id in ranks
                ),
                similarity=float(similarity),
                dense_rank=dense_ranks.get(paragraph_id),
                keyword_rank=keyword_ranks.get(paragraph_id),
                keyword_score=keyword_scores.get(paragraph_id, 0.0),
            )
            for paragraph_id, similarity in zip(ids, similarities, strict=True)
        ]
        hits.sort(key=lambda hit: (-hit.fused, -hit.similarity))
        if self.reranker is not None and mode == "hybrid":
            hits = self._reranked(self.reranker, question, hits)
        hits = self._one_version(hits, question_language(question), query)
        once = _first_of_each(dense, self._versions([found.id for found in dense]))
        return Found(hits[:k], _standout([found.score for found in once]))

    def _versions(self, ids: list[str]) -> dict[str, dict[str, str]]:
        """Each id's linked versions (`corpus.alignment`), itself included: language → id, in
        store order, so that the first names the paragraph whatever the version."""
        return {
            item.id: {
                text.language: text.paragraph_id(paragraph)
                for text, paragraph in versions_of(
                    item.resolution, item.paragraph, self.store.texts(item.resolution.name)
                )
            }
            for item in self.store.get(ids)
        }

    def _one_version(self, hits: list[Hit], language: str, query: np.ndarray) -> list[Hit]:
        """One hit per paragraph, whatever the languages it is indexed in: at the rank of its
        best-scoring version, the version in the question's `language` when there is one
        (scored on its own), else the best-scoring."""
        versions = self._versions([hit.id for hit in hits])
        found = {hit.id: hit for hit in hits}
        kept: list[Hit] = []
        for hit in _first_of_each(hits, versions):
            wanted = versions[hit.id].get(language, hit.id)
            if wanted in found:
                kept.append(found[wanted])
            else:  # not found by either search: ranked as the version that was
                similarity = float(self.store.vectors([wanted])[0] @ query)
                kept.append(replace(hit, id=wanted, similarity=similarity))
        return kept

    def _reranked(
        self, reranker: CrossEncoderReranker, question: str, hits: list[Hit]
    ) -> list[Hit]:
        """The first candidates in the reranker's order, the rest after them as they were."""
        head, tail = hits[:RERANK_CANDIDATES], hits[RERANK_CANDIDATES:]
        stored = self.store.get([hit.id for hit in head])
        passages = [passage_text(item.resolution, item.paragraph) for item in stored]
        scores = reranker.scores(question, passages)
        order = sorted(range(len(head)), key=lambda i: -scores[i])
        return [head[i] for i in order] + tail


def keyword_query(question: str) -> str:
    """What keyword search looks for: the question, and for an English one also the Chinese
    translations of its words (words the corpus does not hold match nothing)."""
    if question_language(question) != "en":
        return question
    translations = (t for word in english_words(question) for t in word.translations)
    return " ".join([question, *dict.fromkeys(translations)])


def _first_of_each(items: list[Ranked], versions: dict[str, dict[str, str]]) -> list[Ranked]:
    """`items` with only the first found of each paragraph's versions."""
    seen: set[str] = set()
    kept = []
    for item in items:
        paragraph = next(iter(versions[item.id].values()))
        if paragraph not in seen:
            seen.add(paragraph)
            kept.append(item)
    return kept


def _standout(similarities: list[float]) -> float:
    """(best − mean of the rest) / their standard deviation; 0 with too few to tell."""
    rest = np.array(similarities[1:])
    if len(rest) < 2 or not rest.std():
        return 0.0
    return float((similarities[0] - rest.mean()) / rest.std())
