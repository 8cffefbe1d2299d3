"""Hybrid retrieval: dense search fused with BM25 keyword search, over any paragraph store.

Each search ranks its candidates; reciprocal rank fusion adds `1 / (RRF_K + rank)` over the
lists a paragraph appears in. Rank fusion needs no calibration between cosine and BM25 scales,
and a paragraph found by both searches rises above one found by either. Each result also
carries its cosine similarity to the question, which says how relevant it is on an absolute
scale (the no-match decision uses it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from embeddings.encoder import Encoder
from store.base import ParagraphStore
from store.filters import Filters

RRF_K = 60
CANDIDATES = 50
"""How deep each search looks before fusion."""

Mode = Literal["hybrid", "dense", "keyword"]


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
class HybridRetriever:
    """Dense + keyword search over one store, with the model its vectors were made by."""

    store: ParagraphStore
    encoder: Encoder

    def search(
        self, question: str, k: int, where: Filters | None = None, mode: Mode = "hybrid"
    ) -> list[Hit]:
        """The `k` best paragraphs for `question`, best first, among those `where` lets
        through. `mode` is `hybrid`, or `dense` / `keyword` alone (to measure each part)."""
        where = where or Filters()
        query = self.encoder.encode_queries([question])[0]
        depth = max(CANDIDATES, k)
        dense = self.store.dense_search(query, depth, where) if mode != "keyword" else []
        keyword = self.store.keyword_search(question, depth, where) if mode != "dense" else []
        dense_ranks = {found.id: rank for rank, found in enumerate(dense, 1)}
        keyword_ranks = {found.id: rank for rank, found in enumerate(keyword, 1)}
        keyword_scores = {found.id: found.score for found in keyword}
        ids = list(dense_ranks | keyword_ranks)
        similarities = self.store.vectors(ids) @ query if ids else []
        hits = [
            Hit(
                id=paragraph_id,
                fused=sum(
                    1 / (RRF_K + ranks[paragraph_id])
                    for ranks in (dense_ranks, keyword_ranks)
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
        return hits[:k]
