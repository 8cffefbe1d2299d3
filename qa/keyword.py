"""Keyword search over paragraphs: BM25 (bm25s, Lucene variant) on `qa.tokenize` words."""

from __future__ import annotations

from collections.abc import Sequence

import bm25s
import numpy as np

from qa.tokenize import tokens


class KeywordIndex:
    """BM25 scores of every paragraph for a question's words; rows match the paragraph index."""

    def __init__(self, texts: Sequence[str], k1: float = 1.5, b: float = 0.75) -> None:
        self.size = len(texts)
        self.bm25 = bm25s.BM25(method="lucene", k1=k1, b=b)
        # An empty paragraph still needs a row, so that rows line up with the vector index.
        self.bm25.index([tokens(text) or [""] for text in texts], show_progress=False)

    def scores(self, question: str) -> np.ndarray:
        """The BM25 score of every paragraph for the question's words (0 where none match)."""
        known = [word for word in tokens(question) if word in self.bm25.vocab_dict]
        if not known:
            return np.zeros(self.size, dtype=np.float32)
        return self.bm25.get_scores(known)

    def search(
        self, question: str, k: int, rows: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """The `k` best-scoring rows as (row, score), best first, leaving out zero scores;
        only among `rows` when given."""
        scores = self.scores(question)
        candidates = np.arange(self.size) if rows is None else np.asarray(rows)
        candidates = candidates[scores[candidates] > 0]
        if k <= 0 or len(candidates) == 0:
            return []
        top = candidates[np.argsort(-scores[candidates], kind="stable")[:k]]
        return [(int(row), float(scores[row])) for row in top]
