"""Hybrid retrieval: dense search in the FAISS index fused with BM25 keyword search.

Each search ranks its candidates; reciprocal rank fusion adds `1 / (RRF_K + rank)` over the
lists a paragraph appears in. Rank fusion needs no calibration between cosine and BM25 scales,
and a paragraph found by both searches rises above one found by either. Each result also
carries its cosine similarity to the question, which says how relevant it is on an absolute
scale (the no-match decision uses it).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from embeddings.encoder import Encoder
from embeddings.index import ParagraphIndex, passage_text
from store.keyword import KeywordIndex

RRF_K = 60
CANDIDATES = 50
"""How deep each search looks before fusion."""


@dataclass(frozen=True)
class Hit:
    """A paragraph row found for a question, with what each search thought of it."""

    row: int
    fused: float
    similarity: float
    dense_rank: int | None
    keyword_rank: int | None
    keyword_score: float


class HybridRetriever:
    """Dense + keyword search over one paragraph index."""

    def __init__(
        self,
        index: ParagraphIndex,
        encoder: Encoder,
        keyword: KeywordIndex | None = None,
    ) -> None:
        """`keyword` is the keyword index of `index`'s passages, if the caller has it built."""
        self.index = index
        self.encoder = encoder
        self.keyword = keyword or KeywordIndex(
            [passage_text(resolution, paragraph) for resolution, paragraph in index.rows]
        )

    def search(
        self, question: str, k: int, rows: np.ndarray | None = None, mode: str = "hybrid"
    ) -> list[Hit]:
        """The `k` best rows for `question`, best first; only among `rows` when given.

        `mode` is `hybrid`, or `dense` / `keyword` alone (to measure each part).
        """
        query = self.encoder.encode_queries([question])[0]
        depth = max(CANDIDATES, k)
        dense = self.index.search(query, depth, rows) if mode != "keyword" else []
        keyword = self.keyword.search(question, depth, rows) if mode != "dense" else []
        dense_ranks = {row: rank for rank, (row, _) in enumerate(dense, 1)}
        keyword_ranks = {row: rank for rank, (row, _) in enumerate(keyword, 1)}
        keyword_scores = dict(keyword)
        hits = [
            Hit(
                row=row,
                fused=sum(
                    1 / (RRF_K + ranks[row])
                    for ranks in (dense_ranks, keyword_ranks)
                    if row in ranks
                ),
                similarity=float(self.index.vectors[row] @ query),
                dense_rank=dense_ranks.get(row),
                keyword_rank=keyword_ranks.get(row),
                keyword_score=keyword_scores.get(row, 0.0),
            )
            for row in dense_ranks | keyword_ranks
        ]
        hits.sort(key=lambda hit: (-hit.fused, -hit.similarity))
        return hits[:k]
