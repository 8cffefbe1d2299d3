"""Shared fixtures: the real model and a real index of the bundled corpus, built once a session.

The model is the bundled one, rebuilt into the user's cache on first use (see README). Each
session builds its own index into a temporary folder, so tests never touch an index a user
built; subprocesses reach it through `index_env`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpus import BUNDLED_CORPUS, read_resolutions


@pytest.fixture(scope="session")
def encoder():
    """The bundled model, as the app and the CLI load it."""
    from embeddings.model import load_encoder

    return load_encoder()


@pytest.fixture(scope="session")
def index_home(tmp_path_factory, encoder) -> Path:
    """A folder holding a freshly built index of the bundled corpus."""
    from embeddings.index import ParagraphIndex

    home = tmp_path_factory.mktemp("index")
    ParagraphIndex.build(read_resolutions([BUNDLED_CORPUS]), encoder).save(home)
    return home


@pytest.fixture(scope="session")
def index_env(index_home) -> dict[str, str]:
    """The environment for a subprocess (`hrc-qa`, the app) that should use that index."""
    return {**os.environ, "HRC_QA_INDEX": str(index_home), "HF_HUB_OFFLINE": "1"}


@pytest.fixture(scope="session")
def assistant(index_home, encoder):
    from embeddings.index import ParagraphIndex
    from qa.assistant import Assistant

    return Assistant(ParagraphIndex.load(index_home, encoder), encoder, index_home=index_home)
