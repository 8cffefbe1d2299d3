"""The one object per model that the index and the assistant take: `Encoder`.

As in sentence-transformers, a model is one object with its name, its dimension, and two ways
to embed: questions (`encode_queries`) and the paragraphs searched for them
(`encode_passages`); models such as e5 prefix each kind with its own prompt. Every encoder
returns float32 rows of unit length, so that an inner product is a cosine similarity.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np


class Encoder(Protocol):
    """A sentence-embedding model as hrc-qa uses it."""

    name: str
    """What an index records, so that one built with another model is refused."""
    dimension: int

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Questions to float32 `(len(texts), dimension)` unit rows."""
        ...

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Paragraphs to float32 `(len(texts), dimension)` unit rows."""
        ...
