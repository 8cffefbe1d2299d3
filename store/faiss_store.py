"""The default paragraph store: vectors in FAISS, words in bm25s, versions in one folder.

    store = FaissStore.load(home, encoder.name, encoder.dimension)   # or FaissStore(home, ...)
    store.add(resolution, encoder.encode_passages(texts))
    store.dense_search(vector, 10, Filters(part="operative"))
    store.save()                                                     # a new version, atomically

Rows are an internal detail: every call takes and returns paragraph ids. A version folder holds
the vectors, their FAISS indexes (`store.vectors`), the resolutions, the row order, each row's
words, the saved BM25 index and the substring index of the passages (`store.substrings`),
memory-mapped by a load (`store.atomic` publishes it whole and checks it on load), so that
opening a store neither embeds nor segments anything. A load checks that these agree with one
another and with the manifest before the store is used; a version that does not is refused as a
whole.
"""

from __future__ import annotations

import gc
import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import msgspec
import numpy as np

from corpus import Resolution
from corpus.models import decode_resolutions
from store import substrings
from store.atomic import (
    REBUILD_HINT,
    IndexUnavailable,
    built_with,
    current_version,
    open_current,
    publish,
)
from store.base import (
    ParagraphStore,
    Scored,
    StoredParagraph,
    lowered_passage,
    passage_digest,
    passage_text,
    resolution_order,
    substring_index,
    texts_named,
)
from store.filters import Filters
from store.keyword import KeywordIndex
from store.substrings import SubstringIndex
from store.tokenize import tokens
from store.vectors import VectorIndex, index_file

# The files of a version (the keyword index adds its own, `store.keyword.FILES`, and the
# vectors' indexes theirs, `store.vectors.index_file`).
VECTORS = "vectors.npy"
RESOLUTIONS = "resolutions.json"
ROWS = "rows.json"
WORD_IDS = "words.npy"
WORD_OFFSETS = "word_offsets.npy"
VOCABULARY = "vocabulary.json"
FILES = (
    VECTORS,
    RESOLUTIONS,
    ROWS,
    WORD_IDS,
    WORD_OFFSETS,
    VOCABULARY,
    *substrings.FILES.values(),
)


class FaissStore(ParagraphStore):
    """Paragraphs, their vectors (FAISS) and their words (BM25), in memory, published to and
    loaded from a folder of versions."""

    def __init__(self, home: Path | None, model: str, dimension: int) -> None:
        """An empty store that `save` publishes into `home` (None: in memory only)."""
        self.home = home
        self.model = model
        self.dimension = dimension
        self.version: str | None = None
        self._resolutions: dict[str, Resolution] = {}
        self._in_order: tuple[Resolution, ...] | None = None
        """`resolutions()`, sorted once per change: every question reads it."""
        self._texts_of: dict[str, tuple[Resolution, ...]] | None = None
        """`texts()` of every name, made once per change."""
        self._entries: list[StoredParagraph] = []
        self._row_of: dict[str, int] = {}
        self._vector_blocks: list[np.ndarray] = [np.zeros((0, dimension), dtype=np.float32)]
        self._words: list[list[str]] | None = []
        """Each row's words; None until an update of a loaded store needs them."""
        self._searchers: _Searchers | None = None
        self._folder: Path | None = None
        """The version folder this store was loaded from, which holds the rows' words."""

    # -- changing -----------------------------------------------------------------------------

    def add(
        self, resolution: Resolution, vectors: np.ndarray, words: Sequence[list[str]] | None = None
    ) -> None:
        """As `ParagraphStore.add`; `words` are the rows' `tokens(passage_text(...))` when the
        caller has them already (the benchmark's recombined corpus), else they are computed."""
        vectors = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dimension)
        if len(vectors) != len(resolution.paragraphs):
            raise ValueError(
                f"{len(resolution.paragraphs)} paragraphs of {resolution.key} but "
                f"{len(vectors)} vectors"
            )
        previous = self._resolutions.get(resolution.key)
        if previous is not None:
            self.delete(
                [
                    pid
                    for pid in map(previous.paragraph_id, previous.paragraphs)
                    if pid in self._row_of
                ]
            )
        if words is None:
            words = [
                tokens(passage_text(resolution, p), resolution.language)
                for p in resolution.paragraphs
            ]
        all_words = self._all_words()
        for paragraph, row_words in zip(resolution.paragraphs, words, strict=True):
            paragraph_id = resolution.paragraph_id(paragraph)
            self._row_of[paragraph_id] = len(self._entries)
            self._entries.append(StoredParagraph(paragraph_id, resolution, paragraph))
            all_words.append(list(row_words))
        self._vector_blocks.append(vectors)
        self._resolutions[resolution.key] = resolution
        self._in_order = None
        self._texts_of = None
        self._searchers = None
        self._substrings = None

    def delete(self, ids: Iterable[str]) -> None:
        doomed = set(ids)
        unknown = sorted(doomed - self._row_of.keys())
        if unknown:
            raise KeyError(f"not in the store: {', '.join(unknown)}")
        if not doomed:
            return
        keep = np.array([entry.id not in doomed for entry in self._entries], dtype=bool)
        all_words = self._all_words()
        self._entries = [entry for entry, kept in zip(self._entries, keep, strict=True) if kept]
        self._words = [row for row, kept in zip(all_words, keep, strict=True) if kept]
        self._vector_blocks = [self._matrix()[keep]]
        self._row_of = {entry.id: row for row, entry in enumerate(self._entries)}
        left = {entry.resolution.key for entry in self._entries}
        self._resolutions = {key: r for key, r in self._resolutions.items() if key in left}
        self._in_order = None
        self._texts_of = None
        self._searchers = None
        self._substrings = None

    # -- searching ----------------------------------------------------------------------------

    def dense_search(self, vector: np.ndarray, k: int, where: Filters) -> list[Scored]:
        searchers = self._ready()
        rows = searchers.rows_where(where)
        if not self._entries or k <= 0 or (rows is not None and len(rows) == 0):
            return []
        query = np.asarray(vector, dtype=np.float32).reshape(-1)
        rows, scores = searchers.vectors.search(self._matrix(), query, k, rows)
        return [
            Scored(self._entries[row].id, float(score))
            for row, score in zip(rows, scores, strict=True)
        ]

    def keyword_search(self, text: str, k: int, where: Filters) -> list[Scored]:
        searchers = self._ready()
        found = searchers.keyword.search(text, k, searchers.rows_where(where))
        return [Scored(self._entries[row].id, score) for row, score in found]

    @property
    def vector_index(self) -> VectorIndex:
        """The FAISS indexes searched (`store.vectors`): the benchmark measures their recall
        against exact search."""
        return self._ready().vectors

    # -- reading ------------------------------------------------------------------------------

    def get(self, ids: Sequence[str]) -> list[StoredParagraph]:
        entries = self._entries
        return [entries[row] for row in self._rows(ids)]

    def vectors(self, ids: Sequence[str]) -> np.ndarray:
        return self._matrix()[self._rows(ids)]

    def known_vectors(self, digests: Iterable[str]) -> dict[str, np.ndarray]:
        wanted = set(digests)
        matrix = self._matrix()
        known: dict[str, np.ndarray] = {}
        for row, entry in enumerate(self._entries):
            digest = passage_digest(passage_text(entry.resolution, entry.paragraph))
            if digest in wanted:
                known[digest] = matrix[row]
        return known

    def resolutions(self) -> tuple[Resolution, ...]:
        if self._in_order is None:
            self._in_order = tuple(sorted(self._resolutions.values(), key=resolution_order))
        return self._in_order

    def texts(self, name: str) -> tuple[Resolution, ...]:
        # Grouped once per version: every answer looks up the texts of each paragraph it finds.
        if self._texts_of is None:
            grouped: dict[str, list[Resolution]] = {}
            for resolution in self._resolutions.values():
                grouped.setdefault(resolution.name, []).append(resolution)
            self._texts_of = {named: texts_named(self._resolutions, named) for named in grouped}
        return self._texts_of.get(name, ())

    def __contains__(self, paragraph_id: object) -> bool:
        return paragraph_id in self._row_of

    def __len__(self) -> int:
        return len(self._entries)

    # -- versions -----------------------------------------------------------------------------

    def save(self) -> str:
        if self.home is None:
            raise ValueError("this store lives in memory only: it has no folder to save to")
        searchers = self._ready()
        words = self._all_words()
        passages = self._built_substrings()

        def write(folder: Path) -> dict:
            np.save(folder / VECTORS, self._matrix())
            vector_rows = searchers.vectors.save(folder)
            searchers.keyword.save(folder)
            passages.save(folder)
            (folder / RESOLUTIONS).write_bytes(
                msgspec.json.encode(list(self._resolutions.values()))
            )
            _write_json(folder / ROWS, [entry.id for entry in self._entries])
            vocabulary = sorted({word for row in words for word in row})
            number = {word: index for index, word in enumerate(vocabulary)}
            np.save(folder / WORD_IDS, np.array([number[w] for r in words for w in r], np.int32))
            np.save(folder / WORD_OFFSETS, np.cumsum([0, *map(len, words)], dtype=np.int64))
            _write_json(folder / VOCABULARY, vocabulary)
            return {
                "model": self.model,
                "dimension": self.dimension,
                "paragraphs": len(self._entries),
                "vector_rows": vector_rows,
                "resolutions": sorted(self._resolutions),
            }

        self.version = publish(self.home, write).name
        return self.version

    @classmethod
    def load(cls, home: Path, model: str, dimension: int) -> FaissStore:
        """The current version in `home`, checked whole; IndexUnavailable if it was built with
        another model or anything in it is missing, damaged or does not agree."""
        version, manifest = open_current(home)
        made_with = (manifest.get("model"), manifest.get("dimension"))
        if made_with != (model, dimension):
            raise built_with(
                made_with,
                f"the index in {version} was built with the model {made_with[0]!r} "
                f"({made_with[1]} dimensions), not {model!r} ({dimension})",
            )
        # A version saved before the vectors could be split holds them in one index.
        vector_rows = manifest.get("vector_rows", [manifest.get("paragraphs")])
        if not (
            isinstance(vector_rows, list)
            and vector_rows
            and all(isinstance(rows, int) and rows >= 0 for rows in vector_rows)
        ):
            raise IndexUnavailable(
                f"the index in {version} does not say how its vectors are split; {REBUILD_HINT}"
            )
        indexes = [index_file(part) for part in range(len(vector_rows))]
        unlisted = [name for name in (*FILES, *indexes) if name not in manifest["files"]]
        if unlisted:  # it would be read unchecked
            raise IndexUnavailable(
                f"the index in {version} does not list {unlisted[0]} among its files; "
                f"{REBUILD_HINT}"
            )
        store = cls(home, model, dimension)
        try:
            with _collection_paused():
                store._read(version, vector_rows)
            store._check(manifest)
        # Whatever a file's contents make the readers raise (ValueError, KeyError, TypeError,
        # faiss's RuntimeError, ...), the version cannot be used, and the message says why.
        except Exception as error:
            raise IndexUnavailable(
                f"the index in {version} is inconsistent ({error}); {REBUILD_HINT}"
            ) from None
        return store

    def published_version(self) -> str | None:
        return None if self.home is None else current_version(self.home)

    def load_published(self) -> FaissStore:
        assert self.home is not None  # only called once a version was published in it
        return FaissStore.load(self.home, self.model, self.dimension)

    # -- internals ----------------------------------------------------------------------------

    def _substring_index(self) -> SubstringIndex:
        return substring_index(self._entries)  # in row order, as it is saved beside the rows

    def _read(self, version: Path, vector_rows: list[int]) -> None:
        resolutions = decode_resolutions((version / RESOLUTIONS).read_bytes())
        self._resolutions = {resolution.key: resolution for resolution in resolutions}
        by_id = {
            paragraph_id: StoredParagraph(paragraph_id, resolution, paragraph)
            for resolution in resolutions
            for paragraph_id, paragraph in zip(
                resolution.paragraph_ids(), resolution.paragraphs, strict=True
            )
        }
        try:
            rows = msgspec.json.decode((version / ROWS).read_bytes(), type=list[str])
        except msgspec.DecodeError as error:
            raise ValueError(f"{ROWS} is not a list of paragraph ids ({error})") from None
        self._entries = [by_id[paragraph_id] for paragraph_id in rows]
        self._row_of = {entry.id: row for row, entry in enumerate(self._entries)}
        # Memory-mapped: the FAISS index holds its own copy to search; these rows are read
        # only by an update of the store, so they need not take memory while it serves.
        self._vector_blocks = [np.load(version / VECTORS, mmap_mode="r")]
        self._words = None
        self._folder = version
        searchers = _Searchers(
            self._entries,
            VectorIndex.load(version, vector_rows),
            KeywordIndex.load(version, len(self._entries)),
        )
        self._substrings = SubstringIndex.load(
            version, len(self._entries), lowered_passage(self._entries)
        )
        self.version = version.name
        self._searchers = searchers

    def _check(self, manifest: dict) -> None:
        """That what `_read` read agrees: ValueError says what does not."""
        assert self._folder is not None and self._searchers is not None
        size = len(self._entries)
        vectors, searchers = self._matrix(), self._searchers
        if vectors.dtype != np.float32 or vectors.shape != (size, self.dimension):
            raise ValueError(
                f"{size} paragraphs of {self.dimension} dimensions, but vectors of shape "
                f"{vectors.shape} ({vectors.dtype})"
            )
        searchable = sum(searchers.vectors.rows)
        if (searchable, searchers.vectors.dimension) != (size, self.dimension):
            raise ValueError(
                f"{size} paragraphs, but {searchable} searchable rows of "
                f"{searchers.vectors.dimension} dimensions"
            )
        keyword_rows = searchers.keyword.rows  # as bm25s counted them
        if keyword_rows != size:
            raise ValueError(f"{size} paragraphs, but {keyword_rows} keyword rows")
        if (manifest.get("paragraphs"), manifest.get("resolutions")) != (
            size,
            sorted(self._resolutions),
        ):
            raise ValueError("the manifest counts other paragraphs or resolutions")
        vocabulary = _read_json(self._folder / VOCABULARY)
        ids = np.load(self._folder / WORD_IDS, mmap_mode="r")
        offsets = np.load(self._folder / WORD_OFFSETS)
        if not (
            isinstance(vocabulary, list)
            and offsets.shape == (size + 1,)
            and offsets[0] == 0
            and offsets[-1] == len(ids)
            and bool(np.all(np.diff(offsets) >= 0))
            and (len(ids) == 0 or 0 <= ids.min() <= ids.max() < len(vocabulary))
        ):
            raise ValueError(f"the words of the {size} paragraphs do not add up")

    def _all_words(self) -> list[list[str]]:
        """Every row's words, read from the loaded version the first time they are needed."""
        if self._words is None:
            assert self._folder is not None  # words are only left unread by `load`
            vocabulary = _read_json(self._folder / VOCABULARY)
            ids = np.load(self._folder / WORD_IDS)
            offsets = np.load(self._folder / WORD_OFFSETS)
            self._words = [
                [vocabulary[i] for i in ids[start:end]]
                for start, end in itertools.pairwise(offsets)
            ]
        return self._words

    def _matrix(self) -> np.ndarray:
        if len(self._vector_blocks) > 1:
            self._vector_blocks = [np.concatenate(self._vector_blocks)]
        return self._vector_blocks[0]

    def _ready(self) -> _Searchers:
        """The search structures, built again after a change."""
        if self._searchers is None:
            self._searchers = _Searchers(
                self._entries,
                VectorIndex.build(self._matrix()),
                KeywordIndex.build(self._all_words()),
            )
        return self._searchers

    def _rows(self, ids: Sequence[str]) -> list[int]:
        # One look-up an id, no call: an English question's keyword search reads its hundreds
        # of candidates by id (README: "An English answer at a million paragraphs, fifteenth
        # round").
        row_of = self._row_of
        try:
            return [row_of[paragraph_id] for paragraph_id in ids]
        except KeyError as missing:
            raise KeyError(f"not in the store: {missing.args[0]}") from None


class _Searchers:
    """What searches read, made once per version: the vector index, the keyword index and
    each row's facets as arrays, so that a filter is one vector comparison at any size."""

    def __init__(
        self, entries: list[StoredParagraph], vectors: VectorIndex, keyword: KeywordIndex
    ) -> None:
        self.vectors = vectors
        self.keyword = keyword
        # A resolution's facets are found once and spread over its rows: a load makes these
        # for 100,000 rows and more, but only a fortieth as many resolutions.
        number: dict[int, int] = {}  # by id(): the rows share their resolution's object
        held: list[Resolution] = []
        of_row = np.empty(len(entries), dtype=np.intp)
        for row, entry in enumerate(entries):
            found = number.get(id(entry.resolution))
            if found is None:
                found = number[id(entry.resolution)] = len(held)
                held.append(entry.resolution)
            of_row[row] = found
        self.names = np.array([r.name for r in held], dtype=str)[of_row]
        self.bodies = np.array([r.body for r in held], dtype=str)[of_row]
        self.parts = np.array([e.paragraph.part for e in entries], dtype=str)
        # A resolution without a session (`Resolution.session`) is outside every session range.
        self.has_session = np.array([r.session is not None for r in held], dtype=bool)[of_row]
        self.sessions = np.array([r.session or 0 for r in held], dtype=np.int32)[of_row]
        self.years = np.array([r.adopted.year for r in held], dtype=np.int32)[of_row]

    def rows_where(self, where: Filters) -> np.ndarray | None:
        """The rows that pass `where`, or None when it filters nothing."""
        if not where:
            return None
        keep = np.ones(len(self.names), dtype=bool)
        if where.resolutions:
            keep &= np.isin(self.names, where.resolutions)
        if where.bodies:
            keep &= np.isin(self.bodies, where.bodies)
        if where.sessions:
            keep &= self.has_session
        if where.part:
            keep &= self.parts == where.part
        for values, bounds in ((self.sessions, where.sessions), (self.years, where.years)):
            start, end = bounds or (None, None)
            if start is not None:
                keep &= values >= start
            if end is not None:
                keep &= values <= end
        return np.flatnonzero(keep)


@contextmanager
def _collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while a version is read: it makes hundreds of thousands of
    objects that all live on, and each collection on the way would walk them all again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _write_json(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")


def _read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))
