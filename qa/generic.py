"""How near a paragraph comes to any question at all: its cosine to the centroid of the
vectors of questions about nothing in particular (`languages.generic_questions`).

The small model's cosines crowd into 0.75–0.92 for nearly any pair, and some paragraphs are
near every question; a paragraph's mean cosine to a set of questions is its dot product with
their centroid, so one dot product tells how much of its cosine to a question it would have had
for any question. The centroid is embedded once per model and set of questions, and kept in
`HRC_QA_HOME/generic-questions/` as the English glosses' vectors are (`qa.embedded`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from embeddings.encoder import Encoder
from languages.generic_questions import GENERIC_QUESTIONS
from qa import embedded
from store.atomic import Artefact

GENERIC_CENTROID = Artefact("hrc-qa-generic-centroid/1", "generic questions' centroid", "size")
CENTROID = "centroid.npy"
QUESTIONS = tuple(question for questions in GENERIC_QUESTIONS.values() for question in questions)


def prepare(encoder: Encoder) -> None:
    """Embed the generic questions with `encoder` now (`hrc-qa index` does), so that the first
    question does not wait for it."""
    centroid(encoder)


def centroid(encoder: Encoder) -> np.ndarray:
    """The mean of the generic questions' vectors by `encoder` (not normalised: its dot product
    with a paragraph's vector is the paragraph's mean cosine to them)."""

    def write(folder: Path) -> None:
        vectors = encoder.encode_queries(list(QUESTIONS))
        np.save(folder / CENTROID, vectors.mean(axis=0).astype(np.float32))

    return embedded.kept(
        encoder,
        "generic-questions",
        artefact=GENERIC_CENTROID,
        source=lambda: {"questions": _digest(QUESTIONS)},
        write=write,
        read=lambda folder: np.load(folder / CENTROID),
        announce="embedding the generic questions",
    )


def _digest(questions: tuple[str, ...]) -> str:
    return hashlib.sha256("\n".join(questions).encode("utf-8")).hexdigest()
