"""Where paragraphs, their vectors and their words are kept and searched.

`ParagraphStore` (store.base) is the interface the assistant uses; `open_store` picks the
implementation for a location, txtai-style, so that another store is one more branch here and
nothing else. Today every location is a folder of FAISS + bm25s versions (store.faiss_store).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.base import ParagraphStore


def open_store(location: str | Path, model: str, dimension: int, create: bool = False):
    """The store at `location` built with `model`; an empty one when `create` is set (its
    first `save` publishes it). IndexUnavailable says why an existing one cannot be used."""
    from store.faiss_store import FaissStore

    home = Path(location)
    if create:
        return FaissStore(home, model, dimension)
    return FaissStore.load(home, model, dimension)


def store_exists(location: str | Path) -> bool:
    """Whether anything was ever published at `location` (usable or not)."""
    from store.atomic import POINTER

    return (Path(location) / POINTER).exists()


__all__ = ["ParagraphStore", "open_store", "store_exists"]
