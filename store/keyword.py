"""Keyword search over paragraphs: BM25 (bm25s, Lucene variant) on `store.tokenize` words.

The index is saved with each store version and loaded as it is, so that opening a store never
segments its paragraphs again.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import bm25s
import numpy as np

from store.tokenize import tokens

# bm25s logs each index build at DEBUG to a handler of its own: noise on every app start.
logging.getLogger("bm25s").setLevel(logging.WARNING)

K1 = 1.5
B = 0.75
FILES = {
    "data_name": "keyword.data.npy",
    "indices_name": "keyword.indices.npy",
    "indptr_name": "keyword.indptr.npy",
    "vocab_name": "keyword.vocab.json",
    "params_name": "keyword.params.json",
    "nnoc_name": "keyword.nonoccurrence.npy",
}
"""bm25s's files, named so that they sit beside the store's own in one flat version folder."""


class KeywordIndex:
    """BM25 scores of every row for a question's words; rows are the store's rows."""

    def __init__(self, bm25: bm25s.BM25, size: int) -> None:
        self.bm25 = bm25
        self.size = size

    @classmethod
    def build(cls, words: Sequence[list[str]], k1: float = K1, b: float = B) -> KeywordIndex:
        """The index of rows whose words (`tokens(text)`) are given."""
        bm25 = bm25s.BM25(method="lucene", k1=k1, b=b)
        # An empty paragraph still needs a row, so that rows line up with the store's.
        bm25.index([row or [""] for row in words], show_progress=False)
        return cls(bm25, len(words))

    def save(self, folder: Path) -> None:
        self.bm25.save(str(folder), show_progress=False, **FILES)

    @classmethod
    def load(cls, folder: Path, size: int) -> KeywordIndex:
        """The index `save` wrote into `folder`, of `size` rows."""
        # Memory-mapped: a reload reads only the index's header, and a search only the
        # columns of the question's words (at a million rows the arrays are hundreds of MB).
        bm25 = bm25s.BM25.load(str(folder), show_progress=False, mmap=True, **FILES)
        return cls(bm25, size)

    def scores(self, question: str) -> np.ndarray:
        """The BM25 score of every row for the question's words (0 where none match)."""
        known = [word for word in tokens(question) if word in self.bm25.vocab_dict]
        if not known or not self.size:
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
