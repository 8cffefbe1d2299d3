"""Resolution-like corpora of any size, recombined from the bundled corpus' sentences.

Each bundled paragraph is cut after `，`, `；` and `。` into pieces; a synthetic paragraph joins
two to four pieces drawn at random (seeded, so the same size always gives the same corpus),
and forty of them make a synthetic resolution numbered from session 100 on, so that it never
clashes with a real one. The real resolutions come first, so real questions keep their answers.

Keyword search holds the real recombined texts; their words are the pieces' words joined (jieba
never joins words across `，；。`, so this equals segmenting the whole text, see the tests).
Vectors cannot be embedded for a million paragraphs here; each synthetic paragraph gets the
normalised mean of its pieces' vectors plus a little noise, which keeps the clusters that real
text has (a random unit vector has none, and says nothing about an approximate index's recall).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from corpus import Paragraph, Resolution
from store.base import passage_text
from store.tokenize import tokens

PARAGRAPHS_PER_RESOLUTION = 40
PREAMBULAR = 12
MIN_PIECES = 2
MAX_PIECES = 4
NOISE = 0.1
"""Length of the random vector added to each unit mean before normalising again."""
_CUT = re.compile(r"(?<=[，；。])")


@dataclass
class SyntheticCorpus:
    """Resolutions (real first), the words of every row, and how each row was made."""

    resolutions: list[Resolution]
    words: list[list[str]]
    pieces: list[str]
    row_pieces: np.ndarray
    """(synthetic rows, MAX_PIECES) piece numbers, -1 where a row has fewer pieces."""
    real_rows: int

    @property
    def size(self) -> int:
        return len(self.words)

    def texts(self) -> list[str]:
        return [passage_text(r, p) for r in self.resolutions for p in r.paragraphs]

    def vectors(
        self, real: np.ndarray, piece_vectors: np.ndarray, seed: int = 0, chunk: int = 100_000
    ) -> np.ndarray:
        """All rows' vectors: `real` for the real rows, composed ones for the rest."""
        dimension = piece_vectors.shape[1]
        out = np.empty((self.size, dimension), dtype=np.float32)
        out[: self.real_rows] = real
        rng = np.random.default_rng(seed)
        padded = np.vstack([piece_vectors, np.zeros((1, dimension), dtype=np.float32)])
        for start in range(0, len(self.row_pieces), chunk):
            ids = self.row_pieces[start : start + chunk]
            summed = padded[ids].sum(axis=1)  # -1 picks the zero row
            summed /= np.linalg.norm(summed, axis=1, keepdims=True)
            noise = rng.normal(0, NOISE / np.sqrt(dimension), summed.shape)
            summed += noise.astype(np.float32)
            summed /= np.linalg.norm(summed, axis=1, keepdims=True)
            out[self.real_rows + start : self.real_rows + start + len(ids)] = summed
        return out


def sentence_pieces(resolutions: Sequence[Resolution]) -> list[str]:
    """The distinct pieces of every paragraph, cut after `，；。`, in order of first use."""
    pieces = (
        piece
        for resolution in resolutions
        for paragraph in resolution.paragraphs
        for piece in _CUT.split(paragraph.text)
        if piece.strip()
    )
    return list(dict.fromkeys(pieces))


def synthetic_corpus(
    real: Sequence[Resolution],
    size: int,
    seed: int = 0,
    segment: Callable[[str], list[str]] = tokens,
) -> SyntheticCorpus:
    """`real` and as many synthetic paragraphs as make `size` rows (just `real` if it has as
    many already)."""
    real = list(real)
    real_words = [segment(passage_text(r, p)) for r in real for p in r.paragraphs]
    pieces = sentence_pieces(real)
    piece_words = [segment(piece) for piece in pieces]
    missing = max(0, size - len(real_words))
    rng = np.random.default_rng(seed)
    counts = rng.integers(MIN_PIECES, MAX_PIECES + 1, missing)
    row_pieces = rng.integers(0, len(pieces), (missing, MAX_PIECES))
    row_pieces[np.arange(MAX_PIECES) >= counts[:, None]] = -1
    resolutions = list(real)
    words = list(real_words)
    for first in range(0, missing, PARAGRAPHS_PER_RESOLUTION):
        rows = row_pieces[first : first + PARAGRAPHS_PER_RESOLUTION]
        number = _number(first // PARAGRAPHS_PER_RESOLUTION)
        paragraphs = []
        for position, ids in enumerate(rows.tolist()):
            used = [i for i in ids if i >= 0]
            preambular = position < PREAMBULAR
            paragraphs.append(
                Paragraph(
                    resolution=number,
                    part="preambular" if preambular else "operative",
                    number=position + 1 if preambular else position + 1 - PREAMBULAR,
                    subdivisions=(),
                    text="".join(pieces[i] for i in used),
                )
            )
            words.append([word for i in used for word in piece_words[i]])
        resolutions.append(_resolution(number, pieces[int(rows[0][0])], tuple(paragraphs)))
    return SyntheticCorpus(resolutions, words, pieces, row_pieces, len(real_words))


def _number(serial: int) -> str:
    return f"{100 + serial // 200}/{serial % 200 + 1}"


def _resolution(number: str, title: str, paragraphs: tuple[Paragraph, ...]) -> Resolution:
    session = int(number.split("/")[0])
    return Resolution(
        number=number,
        title=title.rstrip("，；。"),
        agenda_item="3",
        adopted=date(2000 + session % 100, 1 + session % 12, 1 + session % 28),
        meeting=None,
        vote=None,
        language="zh",
        source="synthetic",
        paragraphs=paragraphs,
    )
