"""Keyword search over paragraphs: BM25 (bm25s, Lucene variant) on `store.tokenize` words."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import bm25s
import numpy as np

from store.tokenize import tokens

# bm25s logs each index build at DEBUG to a handler of its own: noise on every app start.
logging.getLogger("bm25s").setLevel(logging.WARNING)


class KeywordIndex:
    """BM25 scores of every paragraph for a question's words; rows match the paragraph index."""

    def __init__(
        self,
        texts: Sequence[str],
        k1: float = 1.5,
        b: float = 0.75,
        words: Sequence[list[str]] | None = None,
    ) -> None:
        """`words`, when given, are `tokens(text)` of each text already (a caller that has
        them, like the benchmark's recombined corpus, saves segmenting every text again)."""
        self.size = len(texts) if words is None else len(words)
        self.bm25 = bm25s.BM25(method="lucene", k1=k1, b=b)
        if words is None:
            words = [tokens(text) for text in texts]
        # An empty paragraph still needs a row, so that rows line up with the vector index.
        self.bm25.index([row or [""] for row in words], show_progress=False)

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
        only among `rows` when given. Ties keep row order."""
        if k <= 0:
            return []
        scores = self.scores(question)
        if rows is None:
            candidates = np.flatnonzero(scores > 0)
        else:
            candidates = np.asarray(rows)
            candidates = candidates[scores[candidates] > 0]
        if len(candidates) > 4 * k:
            # Only the rows scoring at least the k-th best can be in the answer; the stable
            # sort below then orders far fewer of them (at a million rows: most of the time).
            kth = np.partition(scores[candidates], len(candidates) - k)[len(candidates) - k]
            candidates = candidates[scores[candidates] >= kth]
        top = candidates[np.argsort(-scores[candidates], kind="stable")[:k]]
        return [(int(row), float(scores[row])) for row in top]
