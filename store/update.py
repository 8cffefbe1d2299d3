"""Keeping a store up to date with resolution files: the one library call behind
`hrc-qa index`, the app and the tests.

    report = update(location, encoder, paths=["new/"], remove=["51/5"])

Only passages whose text the store has never seen are embedded; each file is read whole or
refused on its own (`corpus.read_batch`), so a bad file costs the batch nothing but itself and
nothing half-read is indexed; the report says what became of each file. The new version is
published atomically, and only when something changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from corpus import Resolution, ResolutionError, ResolutionWarning, read_batch
from corpus.alignment import Misalignment, misalignments
from store import open_store, store_exists
from store.atomic import BuiltWithAnotherModel
from store.base import ParagraphStore, passage_digest, passage_text

if TYPE_CHECKING:  # the store sits below the model: any object of the Encoder shape will do
    from embeddings.encoder import Encoder


@dataclass(frozen=True)
class FileReport:
    """What became of one file: `indexed` (added or replaced), `unchanged` or `refused`."""

    path: Path
    outcome: str
    resolution: str | None
    """The resolution's key (`57/12.zh`), when the file was read."""
    error: ResolutionError | None
    warnings: tuple[ResolutionWarning, ...]


@dataclass(frozen=True)
class UpdateReport:
    """What an update changed, for the user to read."""

    files: tuple[FileReport, ...]
    """Each file read, in the order read."""
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
    reembedded_from: str | None = None
    """The model the index had been built with, when this update embedded all it held again
    with the encoder in use (the default model or backend changed)."""

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced or self.removed)

    @property
    def refused(self) -> tuple[FileReport, ...]:
        return tuple(file for file in self.files if file.outcome == "refused")


def update(
    location: str | Path,
    encoder: Encoder,
    paths: Iterable[str | Path] = (),
    remove: Iterable[str] = (),
    rebuild: bool = False,
    on_file: Callable[[Path], None] | None = None,
) -> UpdateReport:
    """Put the resolutions in `paths` into the store at `location` (replacing the same
    number in the same language), take out `remove` (numbers like `51/5`, or `51/5.zh` for
    one language), and publish the result. `rebuild` starts from an empty store; so does a
    location where nothing was published yet. An index built with another model (the default
    changed) has all it holds embedded again with `encoder`, in the same new version.
    `on_file` is told of each file once it is read.

    A file that cannot be read is reported refused and the rest are indexed (on a rebuild,
    nothing is published then: the files refused would be missing). KeyError when
    `remove` names what is not stored, IndexUnavailable when the store there cannot be used:
    then nothing changes.
    """
    fresh = rebuild or not store_exists(location)
    carried: list[Resolution] = []
    reembedded_from = None
    try:
        store = open_store(location, encoder.name, encoder.dimension, create=fresh)
    except BuiltWithAnotherModel as built:
        # Vectors are derived data: the resolutions the old index holds (the user's own files
        # among them) are read with its model's name and embedded again into a new version.
        carried = list(open_store(location, built.model, built.dimension).resolutions())
        reembedded_from = built.model
        store = open_store(location, encoder.name, encoder.dimension, create=True)
    carried_embedded = _add(store, encoder, carried)
    removed = _remove(store, set(remove))  # before reading: a wrong name stops at once
    reads = read_batch(paths, on_file)
    resolutions = [read.resolution for read in reads if read.resolution is not None]
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
    changed = bool(added or replaced or removed or carried)
    names_read = {resolution.name for resolution in resolutions}
    versions_read = [text for text in store.resolutions() if text.name in names_read]
    # A rebuild keeps exactly what it is given: with a file refused, what that file held would
    # be lost from the index, so the index stays as it was.
    refused = sum(read.error is not None for read in reads)
    complete = not (rebuild and refused)
    # A new index of nothing but refused files is not published: there is nothing to ask.
    publish = complete and (changed or (fresh and not (reads and refused == len(reads))))
    return UpdateReport(
        files=tuple(
            FileReport(
                path=read.path,
                outcome="refused"
                if read.resolution is None
                else ("unchanged" if read.resolution.key in unchanged else "indexed"),
                resolution=read.resolution.key if read.resolution else None,
                error=read.error,
                warnings=read.warnings,
            )
            for read in reads
        ),
        added=tuple(added),
        replaced=tuple(replaced),
        removed=tuple(removed),
        unchanged=tuple(unchanged),
        embedded=carried_embedded + embedded,
        resolutions=len(store.resolutions()),
        paragraphs=len(store),
        version=store.save() if publish else None,
        misaligned=tuple(misalignments(versions_read)),
        reembedded_from=reembedded_from,
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
