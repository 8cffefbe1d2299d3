"""Keeping a store up to date with resolution files: the one library call behind
`hrc-qa index`, the app and the tests.

    report = update(location, encoder, paths=["new/"], remove=["51/5"])

Only passages whose text the store has never seen are embedded; a batch with one bad file
changes nothing (`corpus.read_resolutions` reads all or nothing); the new version is published
atomically, and only when something changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from corpus import Resolution, read_resolutions
from corpus.alignment import Misalignment, misalignments
from store import open_store, store_exists
from store.base import ParagraphStore, passage_digest, passage_text

if TYPE_CHECKING:  # the store sits below the model: any object of the Encoder shape will do
    from embeddings.encoder import Encoder


@dataclass(frozen=True)
class UpdateReport:
    """What an update changed, for the user to read."""

    added: tuple[str, ...]
    replaced: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: tuple[str, ...]
    embedded: int
    """Passages that had to be embedded (the rest reused stored vectors)."""
    resolutions: int
    paragraphs: int
    version: str | None
    """The version published, or None when nothing changed and nothing was saved."""
    misaligned: tuple[Misalignment, ...] = ()
    """Versions of the resolutions read whose paragraphs do not line up with another version
    of the same resolution in the index (`corpus.alignment`): indexed all the same."""

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced or self.removed)


def update(
    location: str | Path,
    encoder: Encoder,
    paths: Iterable[str | Path] = (),
    remove: Iterable[str] = (),
    rebuild: bool = False,
) -> UpdateReport:
    """Put the resolutions in `paths` into the store at `location` (replacing the same
    number in the same language), take out `remove` (numbers like `51/5`, or `51/5.zh` for
    one language), and publish the result. `rebuild` starts from an empty store; so does a
    location where nothing was published yet.

    ResolutionError when a file cannot be read, KeyError when `remove` names what is not
    stored, IndexUnavailable when the store there cannot be used: in each case nothing changes.
    """
    resolutions = read_resolutions(paths)
    fresh = rebuild or not store_exists(location)
    store = open_store(location, encoder.name, encoder.dimension, create=fresh)
    removed = _remove(store, set(remove))
    added, replaced, unchanged = [], [], []
    stored = {resolution.key: resolution for resolution in store.resolutions()}
    for resolution in resolutions:
        previous = stored.get(resolution.key)
        if previous is not None and _same_content(previous, resolution):
            unchanged.append(resolution.key)
            continue
        (replaced if previous is not None else added).append(resolution.key)
    changing_keys = {*added, *replaced}
    changing = [r for r in resolutions if r.key in changing_keys]
    embedded = _add(store, encoder, changing)
    changed = bool(added or replaced or removed)
    read = {resolution.name for resolution in resolutions}
    stored_texts = [text for text in store.resolutions() if text.name in read]
    return UpdateReport(
        added=tuple(added),
        replaced=tuple(replaced),
        removed=tuple(removed),
        unchanged=tuple(unchanged),
        embedded=embedded,
        resolutions=len(store.resolutions()),
        paragraphs=len(store),
        version=store.save() if changed or fresh else None,
        misaligned=tuple(misalignments(stored_texts)),
    )


def _remove(store: ParagraphStore, names: set[str]) -> list[str]:
    """Take out the resolutions named by number or key; the keys taken out."""
    doomed = [r for r in store.resolutions() if r.key in names or r.name in names]
    unknown = names - {r.key for r in doomed} - {r.name for r in doomed}
    if unknown:
        raise KeyError(f"not in the index: {', '.join(sorted(unknown))}")
    store.delete([pid for r in doomed for pid in map(r.paragraph_id, r.paragraphs) if pid in store])
    return sorted(r.key for r in doomed)


def _add(store: ParagraphStore, encoder: Encoder, resolutions: Sequence[Resolution]) -> int:
    """Add `resolutions`, embedding only passages the store has no vector for; how many."""
    texts = {
        passage_digest(text): text
        for r in resolutions
        for text in (passage_text(r, p) for p in r.paragraphs)
    }
    known = store.known_vectors(texts)
    missing = [digest for digest in texts if digest not in known]
    if missing:
        fresh = encoder.encode_passages([texts[digest] for digest in missing])
        known.update(zip(missing, fresh, strict=True))
    for resolution in resolutions:
        digests = [passage_digest(passage_text(resolution, p)) for p in resolution.paragraphs]
        store.add(resolution, np.stack([known[digest] for digest in digests]))
    return len(missing)


def _same_content(first: Resolution, second: Resolution) -> bool:
    return first.to_dict() | {"source": ""} == second.to_dict() | {"source": ""}
