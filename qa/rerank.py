"""An optional reranker: a sentence-transformers `CrossEncoder` that reads the question with
each of the top candidates and reorders them by its score.

    HRC_QA_RERANKER=/models/bge-reranker-v2-m3 hrc-qa ask "…"   # a folder, or a hub name

The bundled model has no cross-encoder, so none runs by default. The no-match model
(`qa.relevance`) was fitted without one: its cosine and keyword signals do not depend on the
order, but the best paragraph's term coverage does, so refit it (`python -m qa.calibrate`) when a
reranker is set for good.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

CANDIDATES = 20
"""How many of the fused candidates the reranker reads."""


@dataclass(frozen=True)
class CrossEncoderReranker:
    """Scores (question, passage) pairs with a CrossEncoder; higher is more relevant."""

    model: Any
    """A `sentence_transformers.CrossEncoder`."""
    name: str

    def scores(self, question: str, passages: Sequence[str]) -> list[float]:
        if not passages:
            return []
        pairs = [(question, passage) for passage in passages]
        return [float(score) for score in self.model.predict(pairs, show_progress_bar=False)]


def load_reranker(name: str | None = None) -> CrossEncoderReranker | None:
    """The reranker named (default: `HRC_QA_RERANKER`), or None when none is set."""
    name = name or os.environ.get("HRC_QA_RERANKER")
    if not name:
        return None
    from sentence_transformers import CrossEncoder

    return CrossEncoderReranker(CrossEncoder(name, device="cpu"), name)
