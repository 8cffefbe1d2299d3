"""Whether any stored passage holds a string: the no-match signals' look-up of a question's terms.

`SubstringIndex` answers `any(text in passage for passage in passages)` over lower-cased
passages without reading them all, so that its cost does not grow with the corpus as a scan of
every passage does. It keeps which characters occur, and for each pair of adjacent characters
(a bigram) the rows of the passages holding it, ascending. A string of one character is looked
up in the characters; a longer one reads the rows holding all of its bigrams (from the rarest
bigram's, a chunk at a time) and checks those passages themselves, stopping at the first that
holds it. Holding every bigram is necessary for holding the string, and the check is the
substring test itself, so the answers are the scan's, exactly; a string across two passages is
never found, since bigrams are taken within a passage only. The answers for the last strings
looked up are kept: a question's words and their translations are looked up again and again.

The arrays are built with numpy and saved as `.npy` files, which a loaded store memory-maps.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

FILES = {
    "chars": "substrings.chars.npy",
    "pairs": "substrings.pairs.npy",
    "offsets": "substrings.offsets.npy",
    "rows": "substrings.rows.npy",
}
"""The files of a saved index, by array."""
_SHIFT = np.uint64(21)
"""Code points take 21 bits: a bigram's key is its first character shifted by this, or'ed
with its second."""
_CODE_POINTS = 0x110000
_BUILD_ROWS = 16_384
"""Passages turned into bigrams at once while building: bounds the building's memory."""
_CHECKED_ROWS = 1_024
"""Candidate rows filtered by the other bigrams at once: a common string is found in the
first chunk, without reading the rest of its rows."""
KEPT_ANSWERS = 32_768
"""How many strings' answers `holds` keeps (the first kept go first): an English question
looks up its words' dictionary translations, most of them looked up before by the same question
(the retrieval and the no-match signals each look its words up) or by another (the same
headwords recur) (README: "A warm answer at a million paragraphs, fourteenth round")."""
KEPT_LENGTH = 32
"""The longest string whose answer is kept, so that what is kept stays small whatever is
looked up."""


@dataclass(frozen=True)
class SubstringIndex:
    """Which characters and bigrams each passage (a row) holds; `holds` reads passages through
    `passage`, a row's lower-cased text."""

    chars: np.ndarray
    """The code points that occur in some passage, sorted (uint32)."""
    pairs: np.ndarray
    """The bigram keys that occur within some passage, sorted (uint64)."""
    offsets: np.ndarray
    """Where each bigram's rows start in `rows`, and where the last ends (int64)."""
    rows: np.ndarray
    """The rows holding each bigram, ascending for each (uint32)."""
    passage: Callable[[int], str]
    _answers: dict[str, bool] = field(default_factory=dict, init=False, repr=False, compare=False)
    """`holds`'s answers for the last `KEPT_ANSWERS` strings looked up (`KEPT_LENGTH`)."""
    _keeping: threading.Lock = field(
        default_factory=threading.Lock, init=False, repr=False, compare=False
    )

    @classmethod
    def build(cls, texts: Iterable[str], passage: Callable[[int], str]) -> SubstringIndex:
        """The index of `texts`, the lower-cased passages in row order (`passage(row)` gives
        the same text again)."""
        present = np.zeros(_CODE_POINTS, dtype=bool)
        runs: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        """Each chunk's bigrams (distinct, sorted), how many of its rows hold each, and those
        rows, bigram after bigram."""
        first_row = 0
        for chunk in _chunks(texts, _BUILD_ROWS):
            text = "".join(chunk).encode("utf-32-le", "surrogatepass")
            points = np.frombuffer(text, dtype=np.uint32)
            lengths = np.fromiter(map(len, chunk), dtype=np.int64, count=len(chunk))
            present[points] = True
            # A bigram ends at every position but a passage's first.
            within = np.ones(len(points), dtype=bool)
            within[(np.cumsum(lengths) - lengths)[lengths > 0]] = False
            ends = np.flatnonzero(within)
            bigrams = (points[ends - 1].astype(np.uint64) << _SHIFT) | points[ends]
            local = np.repeat(np.arange(len(chunk), dtype=np.uint64), np.maximum(lengths - 1, 0))
            # A chunk's rows take 16 bits beside the 42 of a bigram: one sort makes them distinct.
            combined = _distinct(np.sort(bigrams << np.uint64(16) | local))
            keys = combined >> np.uint64(16)
            starts = _starts(keys)
            runs.append(
                (
                    keys[starts],
                    np.diff(np.append(starts, len(keys))),
                    (combined & np.uint64(0xFFFF)).astype(np.uint32) + np.uint32(first_row),
                )
            )
            first_row += len(chunk)
        if first_row >= 2**32:
            raise ValueError(f"{first_row} passages: rows are numbered in 32 bits")
        pairs = _distinct(np.sort(np.concatenate([np.zeros(0, np.uint64), *(r[0] for r in runs)])))
        # Each chunk's rows of a bigram follow the previous chunks' rows of it: placed by
        # counting, the rows of every bigram come out ascending with no sort of them all.
        offsets = np.zeros(len(pairs) + 1, dtype=np.int64)
        for keys, counts, _ in runs:
            offsets[1 + np.searchsorted(pairs, keys)] += counts
        np.cumsum(offsets, out=offsets)
        cursor = offsets[:-1].copy()
        placed = np.empty(offsets[-1], dtype=np.uint32)
        for keys, counts, rows in runs:
            at = np.searchsorted(pairs, keys)
            # A bigram's n-th row in this chunk goes n places after where its rows go on.
            run_start = np.cumsum(counts) - counts
            placed[np.repeat(cursor[at] - run_start, counts) + np.arange(len(rows))] = rows
            cursor[at] += counts
        chars = np.flatnonzero(present).astype(np.uint32)
        return cls(chars, pairs, offsets, placed, passage)

    def holds(self, text: str) -> bool:
        """Whether some passage holds `text` (a lower-cased string, as the passages are)."""
        held = self._answers.get(text)
        if held is None:
            held = self._looked_up(text)
            if len(text) > KEPT_LENGTH:
                return held
            with self._keeping:  # two threads may keep at once
                if len(self._answers) >= KEPT_ANSWERS:
                    del self._answers[next(iter(self._answers))]
                self._answers[text] = held
        return held

    def _looked_up(self, text: str) -> bool:
        if len(text) < 2:
            return not text or _sorted_holds(self.chars, ord(text))
        points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(
            np.uint64
        )
        keys = _distinct(np.sort((points[:-1] << _SHIFT) | points[1:]))
        at = np.searchsorted(self.pairs, keys)
        if not len(self.pairs) or np.any(self.pairs[np.minimum(at, len(self.pairs) - 1)] != keys):
            return False
        postings = sorted(
            (
                self.rows[start:end]
                for start, end in zip(self.offsets[at], self.offsets[at + 1], strict=True)
            ),
            key=len,
        )
        return any(
            text in self.passage(row)
            for candidates in _candidates(postings)
            for row in candidates.tolist()
        )

    def save(self, folder: Path) -> None:
        for name, file in FILES.items():
            np.save(folder / file, getattr(self, name))

    @classmethod
    def load(cls, folder: Path, size: int, passage: Callable[[int], str]) -> SubstringIndex:
        """The index saved in `folder`, memory-mapped, for `size` passages; ValueError if its
        arrays do not agree with one another or with `size`."""
        arrays = {name: np.load(folder / file, mmap_mode="r") for name, file in FILES.items()}
        index = cls(**arrays, passage=passage)
        index.check(size)
        return index

    def check(self, size: int) -> None:
        """That the arrays are of the types, shapes and order built, rows below `size`."""
        chars, pairs, offsets, rows = self.chars, self.pairs, self.offsets, self.rows
        if not (
            (chars.dtype, pairs.dtype, offsets.dtype, rows.dtype)
            == (np.uint32, np.uint64, np.int64, np.uint32)
            and chars.ndim == pairs.ndim == rows.ndim == 1
            and offsets.shape == (len(pairs) + 1,)
            and offsets[0] == 0
            and offsets[-1] == len(rows)
            and bool(np.all(np.diff(offsets) > 0))
            and bool(np.all(np.diff(chars.astype(np.int64)) > 0))
            and bool(np.all(pairs[1:] > pairs[:-1]))
            and (len(rows) == 0 or int(rows.max()) < size)
        ):
            raise ValueError(f"the substring index does not add up for {size} paragraphs")


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values of a sorted array (`np.unique` takes twenty times as long)."""
    return values[_starts(values)]


def _starts(values: np.ndarray) -> np.ndarray:
    """Where each run of equal values of an array starts."""
    return np.flatnonzero(np.concatenate([[len(values) > 0], values[1:] != values[:-1]]))


def _sorted_holds(values: np.ndarray, value: int) -> bool:
    at = int(np.searchsorted(values, value))
    return at < len(values) and int(values[at]) == value


def _candidates(postings: Sequence[np.ndarray]) -> Iterator[np.ndarray]:
    """The rows in all of `postings` (ascending arrays, the shortest first), a chunk of the
    first at a time."""
    first, others = postings[0], postings[1:]
    for start in range(0, len(first), _CHECKED_ROWS):
        candidates = np.asarray(first[start : start + _CHECKED_ROWS])
        for other in others:
            at = np.minimum(np.searchsorted(other, candidates), len(other) - 1)
            candidates = candidates[other[at] == candidates]
        yield candidates


def _chunks(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for text in texts:
        chunk.append(text)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
