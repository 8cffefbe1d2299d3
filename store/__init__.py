"""Where paragraphs, their vectors and their words are kept and searched.

`ParagraphStore` (store.base) is the interface the assistant uses; `open_store` picks the
implementation for a location, txtai-style, so that another store is one more branch here and
nothing else: a `milvus://host:port` URI or a path ending in `.db` is a Milvus store
(store.milvus_store, with the `hrc-qa[milvus]` extra), any other location a folder of FAISS +
bm25s versions (store.faiss_store).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.base import ParagraphStore


def is_milvus_location(location: str | Path) -> bool:
    """Whether `location` names a Milvus server or a Milvus Lite file, not a FAISS folder."""
    text = str(location)
    return text.startswith("milvus://") or text.endswith(".db")


def open_store(location: str | Path, model: str, dimension: int, create: bool = False):
    """The store at `location` built with `model`; an empty one when `create` is set (its
    first `save` publishes it). IndexUnavailable says why an existing one cannot be used."""
    if is_milvus_location(location):
        store_class = _milvus_store()
        if create:
            return store_class(location, model, dimension)
        return store_class.load(location, model, dimension)
    from store.faiss_store import FaissStore

    home = Path(location)
    if create:
        return FaissStore(home, model, dimension)
    return FaissStore.load(home, model, dimension)


def store_exists(location: str | Path) -> bool:
    """Whether anything was ever published at `location` (usable or not)."""
    if is_milvus_location(location):
        return _milvus_store().published(location)
    from store.atomic import POINTER

    return (Path(location) / POINTER).exists()


def _milvus_store():
    """The Milvus store class; IndexUnavailable saying what to install when pymilvus is not."""
    from store.atomic import IndexUnavailable

    try:
        from store.milvus_store import MilvusStore
    except ImportError:
        raise IndexUnavailable(
            "a Milvus location needs the Milvus client: pip install 'hrc-qa[milvus]'"
        ) from None
    return MilvusStore


__all__ = ["ParagraphStore", "is_milvus_location", "open_store", "store_exists"]
