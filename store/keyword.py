"""Keyword search over paragraphs: BM25 (bm25s, Lucene variant) on `store.tokenize` words.

bm25s computes every row's BM25 score of every word once, when the index is built (a sparse
matrix, a column per word). The index is saved with each store version in bm25s's own files and
loaded as it is, so that opening a store never segments its paragraphs again. Loading and
scoring need only those arrays, so they are read here with numpy alone and scored as bm25s's
``get_scores`` does, in the same order of additions (the same floats): importing bm25s brings
in scipy and tqdm, a fifth of a second of a cold answer.

A word held by a large share of the rows is added as a column of every row's score, made on
its first search and kept: one contiguous addition instead of scattering its many rows (adding
0 to a row the word is not in leaves its score as it was, so the floats are the same). The best
rows of a common search of a few words, and the words of the short texts searched last, are kept
too: an English question searches about a hundred Chinese translations of its words, the same
dictionary headwords in question after question (README: "An English question's translations,
kept once searched").
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from store.tokenize import tokens

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
SAMPLE_STRIDE = 64
"""Every how many rows a search samples for a floor under its `k`-th best score."""
DENSE_SHARE = 0.2
"""A word in more than this share of the rows is added as a dense column (`_column`): above it,
scattering its rows costs more than adding every row's score. Few words are that common: their
columns (4 bytes a row) take at most 2.5 times the index's own arrays (8 bytes a word in a row),
and on the benchmark's corpus a third of them (README: "The keyword search at a million rows")."""
KEPT_WORDS = 3
"""A search of at most this many words keeps its best rows when common (`_kept`): an English
question's translations are one word or a few (地方政府 → 地方, 政府), while a Chinese question
is searched as one text of many words, each asked once."""
KEPT_SEARCHES = 4096
"""How many searches' best rows are kept at most: the common words and the translations of a
few words are far fewer, but a client's short questions are any number (README: "An English
question's translations, kept once searched")."""
KEPT_TEXTS = 16384
"""How many short texts' words are kept (`_words`): an English question's hundred translations
are each segmented in their own search, and the dictionary's headwords recur across questions."""
KEPT_TEXT_LENGTH = 8
"""The longest text whose words are kept: nearly every headword an English question is searched
through is shorter, and a question's own text is searched once an answer (keeping it would
serve only a question asked again, as a benchmark asks them)."""


@dataclass(frozen=True, eq=False)
class KeywordIndex:
    """BM25 scores of every row for a question's words; rows are the store's rows.

    `data`, `indices` and `indptr` are bm25s's word-by-row score matrix in compressed columns:
    the rows holding word ``w`` are ``indices[indptr[w]:indptr[w + 1]]``, with those scores in
    `data`."""

    data: np.ndarray
    indices: np.ndarray
    indptr: np.ndarray
    vocabulary: dict[str, int]
    size: int
    params: dict
    _columns: dict[int, np.ndarray] = field(default_factory=dict, init=False, repr=False)
    """The dense columns of the words in more than `DENSE_SHARE` of the rows searched so far."""
    _best_rows: dict[tuple[int, ...], list[tuple[int, float]]] = field(
        default_factory=dict, init=False, repr=False
    )
    """Of the common searches of few words so far (`_kept`), by their words' columns in order,
    their best rows, best first; the first kept go first when there are `KEPT_SEARCHES`."""
    _keeping: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    @classmethod
    def build(cls, words: Sequence[list[str]], k1: float = K1, b: float = B) -> KeywordIndex:
        """The index of rows whose words (`tokens(text)`) are given."""
        import bm25s

        # bm25s logs each index build at DEBUG to a handler of its own: noise on every start.
        logging.getLogger("bm25s").setLevel(logging.WARNING)
        bm25 = bm25s.BM25(method="lucene", k1=k1, b=b)
        # An empty paragraph still needs a row, so that rows line up with the store's.
        bm25.index([row or [""] for row in words], show_progress=False)
        names = ("k1", "b", "delta", "method", "idf_method", "dtype", "int_dtype", "backend")
        params = {name: getattr(bm25, name) for name in names}
        params |= {"num_docs": bm25.scores["num_docs"], "version": bm25s.__version__}
        matrix = bm25.scores
        return cls(
            matrix["data"], matrix["indices"], matrix["indptr"], bm25.vocab_dict, len(words), params
        )

    def save(self, folder: Path) -> None:
        """Into `folder`, as bm25s's ``BM25.save`` writes them (`BM25.load` reads them)."""
        for name, array in (
            ("data", self.data),
            ("indices", self.indices),
            ("indptr", self.indptr),
        ):
            np.save(folder / FILES[f"{name}_name"], array)
        for name, value in (("vocab", self.vocabulary), ("params", self.params)):
            (folder / FILES[f"{name}_name"]).write_text(
                json.dumps(value, ensure_ascii=False), encoding="utf-8"
            )

    @classmethod
    def load(cls, folder: Path, size: int) -> KeywordIndex:
        """The index `save` wrote into `folder`, of `size` rows (the rows bm25s counted are in
        `rows`, for the store to check)."""
        # Memory-mapped: a reload reads only the arrays' headers, and a search only the
        # columns of the question's words (at a million rows the arrays are hundreds of MB).
        data, indices, indptr = (
            np.load(folder / FILES[f"{name}_name"], mmap_mode="r")
            for name in ("data", "indices", "indptr")
        )
        vocabulary, params = (
            json.loads((folder / FILES[f"{name}_name"]).read_text(encoding="utf-8"))
            for name in ("vocab", "params")
        )
        if not isinstance(params, dict) or params.get("method") != "lucene":
            # the only method scored here (it has no non-occurrence scores)
            raise ValueError("the keyword index is not a Lucene BM25 index")
        if not (
            isinstance(vocabulary, dict)
            and indptr.ndim == 1
            and len(indptr) > 0
            and len(data) == len(indices) == indptr[-1]
        ):
            raise ValueError("the keyword index's words and scores do not add up")
        return cls(data, indices, indptr, vocabulary, size, params)

    @property
    def rows(self) -> int:
        """How many rows the saved index says it scores."""
        return int(self.params["num_docs"])

    def scores(self, question: str) -> np.ndarray:
        """The BM25 score of every row for the question's words (0 where none match)."""
        return self._scores(self._known(question))

    def _known(self, question: str) -> list[int]:
        """The question's words that the index holds, as their columns, repeats kept."""
        return [self.vocabulary[word] for word in _words(question) if word in self.vocabulary]

    def _scores(self, known: list[int]) -> np.ndarray:
        scores = np.zeros(self.size, dtype=self.params.get("dtype", "float32"))
        for word in known:  # as bm25s adds them: word by word, in the question's order
            start, end = self.indptr[word], self.indptr[word + 1]
            if end - start > DENSE_SHARE * self.size:
                np.add(scores, self._column(word, scores.dtype), out=scores)
            else:
                np.add.at(scores, self.indices[start:end], self.data[start:end])
        return scores

    def _column(self, word: int, dtype: np.dtype) -> np.ndarray:
        """Every row's score of `word` (0 where it is not), made on its first use. Two threads
        may both make it; either copy is kept, and both are the same."""
        column = self._columns.get(word)
        if column is None:
            start, end = self.indptr[word], self.indptr[word + 1]
            column = np.zeros(self.size, dtype=dtype)
            column[self.indices[start:end]] = self.data[start:end]
            self._columns[word] = column
        return column

    def search(
        self, question: str, k: int, rows: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """The `k` best-scoring rows as (row, score), best first, leaving out zero scores;
        only among `rows` when given. Ties keep row order."""
        known = self._known(question)
        if k <= 0 or not known:
            return []
        if rows is not None:
            scores = self._scores(known)
            candidates = np.asarray(rows)
            candidates = candidates[scores[candidates] > 0]
            return _best(candidates, scores[candidates], k)
        words = tuple(known)
        kept = self._best_rows.get(words)
        if kept is not None and len(kept) >= k:
            return kept[:k]  # the first k of the order `_best` sorts by are its best k
        best = self._one_word(known[0], k) if len(known) == 1 else self._all_rows(known, k)
        self._kept(words, k, best)
        return best

    def _all_rows(self, known: list[int], k: int) -> list[tuple[int, float]]:
        """The `k` best rows of every row's score for several words."""
        scores = self._scores(known)
        # The rows scored (at most): when they are many times a sample of the rows, a floor
        # under the k-th best score, from the sample, leaves far fewer to order.
        floor = (
            self._floor(scores, k) if self._scored(known) > 4 * self.size // SAMPLE_STRIDE else 0.0
        )
        candidates = np.flatnonzero(scores >= floor if floor > 0 else scores > 0)
        return _best(candidates, scores[candidates], k)

    def _one_word(self, word: int, k: int) -> list[tuple[int, float]]:
        """The `k` best rows of one word searched alone (most of an English question's
        translations): the rows it is in are the rows that score, with its scores, and no
        array of every row is needed."""
        start, end = self.indptr[word], self.indptr[word + 1]
        candidates, scores = self.indices[start:end], self.data[start:end]
        floor = self._floor(scores, k) if end - start > 4 * k * SAMPLE_STRIDE else 0.0
        above = scores >= floor
        return _best(candidates[above], scores[above], k)

    def _kept(self, words: tuple[int, ...], k: int, best: list[tuple[int, float]]) -> None:
        """Keep `best`, the best `k` rows of `words` searched over every row, when they are
        few words scoring many rows, as a common word's dense column is kept: an English
        question searches a hundred translations, and the common ones (政府, 人权, 地方政府)
        come back in question after question, each ordering many rows afresh."""
        if len(words) > KEPT_WORDS or self._scored(words) <= 4 * k * SAMPLE_STRIDE:
            return
        with self._keeping:  # two threads may keep at once; the first kept go first
            self._best_rows.pop(words, None)
            if len(self._best_rows) >= KEPT_SEARCHES:
                del self._best_rows[next(iter(self._best_rows))]
            self._best_rows[words] = best

    def _scored(self, known: Sequence[int]) -> int:
        """How many rows the words are in, counted for each word."""
        return sum(int(self.indptr[word + 1] - self.indptr[word]) for word in known)

    @staticmethod
    def _floor(scores: np.ndarray, k: int) -> float:
        """A score no higher than the `k`-th best of `scores` (0 when none is found): the `k`-th
        best of every `SAMPLE_STRIDE`-th, as a subset holds no more rows above a score than the
        whole. Only the rows reaching it are then ordered: at a million rows a common word
        scores most of them, and finding the `k`-th best among all took most of a search."""
        sample = scores[::SAMPLE_STRIDE]
        sample = sample[sample > 0]  # numpy partitions many equal values (most rows: 0) slowly
        if len(sample) < k:
            return 0.0
        return float(np.partition(sample, len(sample) - k)[len(sample) - k])


def _words(text: str) -> tuple[str, ...]:
    """The searchable words of `text` (`store.tokenize.tokens`), kept for the short texts
    searched last (`KEPT_TEXT_LENGTH`): the segmenter keeps fewer, sized for one answer's."""
    return _short_words(text) if len(text) <= KEPT_TEXT_LENGTH else tuple(tokens(text))


@lru_cache(maxsize=KEPT_TEXTS)
def _short_words(text: str) -> tuple[str, ...]:
    return tuple(tokens(text))


def _best(rows: np.ndarray, scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The `k` best of `rows` (in row order, all scoring) by their `scores`, ties in row order."""
    if len(rows) > 4 * k:
        # Only the rows scoring at least the k-th best can be in the answer; the stable
        # sort below then orders far fewer of them (at a million rows: most of the time).
        kth = np.partition(scores, len(scores) - k)[len(scores) - k]
        rows, scores = rows[scores >= kth], scores[scores >= kth]
    order = np.argsort(-scores, kind="stable")[:k]
    return [(int(row), float(score)) for row, score in zip(rows[order], scores[order], strict=True)]
