"""Tables a question reads that the model in use embeds: made once per model, kept on disk and
in memory.

The English glosses' vectors (`qa.translate`) and the generic questions' centroid
(`qa.generic`) take the model seconds to embed, so each is published in a folder of
`HRC_QA_HOME` (`store.atomic`, made again only for another model or other texts) by
`hrc-qa index` or the first question that needs it, and read from there once per process.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from embeddings import settings
from embeddings.encoder import Encoder
from store import atomic
from store.atomic import Artefact

Read = TypeVar("Read")

_LOCK = threading.Lock()
_KEPT: dict[tuple[str, str], Any] = {}
"""What each table read, by model name and table folder."""


def kept(
    encoder: Encoder,
    folder: str,
    *,
    artefact: Artefact,
    source: Callable[[], dict[str, Any]],
    write: Callable[[Path], None],
    read: Callable[[Path], Read],
    announce: str,
) -> Read:
    """What `read` gives of the version in ``HRC_QA_HOME/<folder>`` made by `encoder`'s model
    from what `source` gives (asked only where the process has not read it yet: a question
    that finds it in memory pays nothing), written by `write` first where there is none
    (`announce` says so while it embeds); read once per process and model. Two questions
    asking at once embed it once."""
    key = (encoder.name, folder)
    if key in _KEPT:
        return _KEPT[key]
    with _LOCK:
        if key not in _KEPT:
            published = atomic.ensure(
                settings.home() / folder,
                write,
                artefact=artefact,
                source={**source(), "model": encoder.name},
                announce=announce,
            )
            _KEPT[key] = read(published)
        return _KEPT[key]
