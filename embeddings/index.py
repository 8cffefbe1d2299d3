"""The paragraph index: one vector per paragraph in FAISS, with the resolutions it came from.

    index = ParagraphIndex.build(resolutions, encoder)       # or .load(home, model_name)
    index.save(home)
    for row, score in index.search(query_vector, k=5):
        resolution, paragraph = index.rows[row]

Vectors are kept beside the FAISS index so that an update re-embeds only paragraphs whose text
it has not seen: adding a resolution embeds its paragraphs, re-adding one replaces it, removing
one drops its rows, and an unchanged corpus embeds nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import faiss
import numpy as np

from corpus import Paragraph, Resolution
from embeddings.encoder import Encoder
from store.atomic import REBUILD_HINT, IndexUnavailable, open_current, publish
from store.filters import Filters

# Above this many vectors exact search gets slower than embedding the question (measured by
# `hrc-qa bench`: one exact search costs about 2 ms at 10k vectors, 19 ms at 100k, 190 ms at a
# million), so an HNSW graph is built instead; bench/results/latest.md has the recall it keeps.
EXACT_SEARCH_LIMIT = 20_000
HNSW_NEIGHBOURS = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 1024
"""How many candidates a graph search keeps: recall@10 against exact search measured 0.88 at
64, 0.98 at 256 and 0.995 at 512 with 100k vectors, but only 0.980 at 512 with a million."""


def passage_text(resolution: Resolution, paragraph: Paragraph) -> str:
    """What is embedded for a paragraph: its text, after the words it hangs under if it is a
    sub-paragraph, so that `(b)` is found by what `8.` is about.

    Measured on the dev questions (`hrc-qa eval --compare`): adding the lead-in lifts dense
    hit@1 from 0.89 to 0.93; adding the resolution's title as well lowers it back to 0.89, as
    the title then outweighs what the paragraph itself says.
    """
    lead_in = "".join(parent.text for parent in resolution.lead_in(paragraph))
    return lead_in + paragraph.text


@dataclass(frozen=True)
class RowFacets:
    """Each row's resolution number, part, session and adoption year as arrays, so that a
    filter is one vector comparison at any corpus size."""

    numbers: np.ndarray
    parts: np.ndarray
    sessions: np.ndarray
    years: np.ndarray

    @classmethod
    def of(cls, rows: list[tuple[Resolution, Paragraph]]) -> RowFacets:
        return cls(
            numbers=np.array([resolution.number for resolution, _ in rows], dtype=str),
            parts=np.array([paragraph.part for _, paragraph in rows], dtype=str),
            sessions=np.array([resolution.session for resolution, _ in rows], dtype=np.int32),
            years=np.array([resolution.adopted.year for resolution, _ in rows], dtype=np.int32),
        )


@dataclass(frozen=True)
class UpdateReport:
    """What an update changed, for the user to read."""

    added: tuple[str, ...]
    replaced: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: tuple[str, ...]
    embedded: int

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced or self.removed)


class ParagraphIndex:
    """Paragraph vectors in a FAISS inner-product index and the resolutions they belong to."""

    def __init__(
        self,
        model_name: str,
        resolutions: Iterable[Resolution],
        vectors: np.ndarray,
        searcher: faiss.Index | None = None,
        version: str | None = None,
    ) -> None:
        self.model_name = model_name
        self.resolutions = {resolution.key: resolution for resolution in resolutions}
        self.rows: list[tuple[Resolution, Paragraph]] = [
            (resolution, paragraph)
            for resolution in self.resolutions.values()
            for paragraph in resolution.paragraphs
        ]
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.dimension = int(self.vectors.shape[1])
        self.faiss = searcher if searcher is not None else _faiss_index(self.vectors)
        self.version = version
        """The name of the stored version this index was loaded from, if any."""
        if not len(self.rows) == len(self.vectors) == self.faiss.ntotal:
            raise ValueError(
                f"{len(self.rows)} paragraphs, {len(self.vectors)} vectors and "
                f"{self.faiss.ntotal} searchable rows do not match"
            )

    @cached_property
    def numbers(self) -> tuple[str, ...]:
        """The numbers of the indexed resolutions, in session order."""
        numbers = {resolution.number for resolution in self.resolutions.values()}
        return tuple(sorted(numbers, key=lambda number: tuple(map(int, number.split("/")))))

    @cached_property
    def facets(self) -> RowFacets:
        return RowFacets.of(self.rows)

    def rows_where(self, filters: Filters) -> np.ndarray | None:
        """The rows that pass `filters`, or None when nothing is filtered."""
        if not filters:
            return None
        facets = self.facets
        keep = np.ones(len(self.rows), dtype=bool)
        if filters.resolutions:
            keep &= np.isin(facets.numbers, filters.resolutions)
        if filters.part:
            keep &= facets.parts == filters.part
        for values, bounds in ((facets.sessions, filters.sessions), (facets.years, filters.years)):
            if bounds and bounds[0] is not None:
                keep &= values >= bounds[0]
            if bounds and bounds[1] is not None:
                keep &= values <= bounds[1]
        return np.flatnonzero(keep)

    # -- building ---------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        resolutions: Iterable[Resolution],
        encoder: Encoder,
        reuse: ParagraphIndex | None = None,
    ) -> ParagraphIndex:
        """An index of `resolutions`, embedding only passages that `reuse` has no vector for."""
        index, _ = cls._assemble(resolutions, encoder, reuse)
        return index

    def updated(
        self,
        encoder: Encoder,
        add: Iterable[Resolution] = (),
        remove: Iterable[str] = (),
    ) -> tuple[ParagraphIndex, UpdateReport]:
        """A new index with `add` put in (replacing the same number in the same language) and
        `remove` (numbers like `51/5`, or keys like `51/5.zh`) taken out; `self` is unchanged."""
        removing = set(remove)
        known = set(self.resolutions) | {r.number for r in self.resolutions.values()}
        if removing - known:
            raise KeyError(f"not in the index: {', '.join(sorted(removing - known))}")
        kept = {
            key: resolution
            for key, resolution in self.resolutions.items()
            if key not in removing and resolution.number not in removing
        }
        added, replaced, unchanged = [], [], []
        for resolution in add:
            previous = kept.get(resolution.key)
            if previous is None:
                added.append(resolution.key)
            elif _same_content(previous, resolution):
                unchanged.append(resolution.key)
            else:
                replaced.append(resolution.key)
            kept[resolution.key] = resolution
        index, embedded = ParagraphIndex._assemble(kept.values(), encoder, reuse=self)
        report = UpdateReport(
            added=tuple(added),
            replaced=tuple(replaced),
            removed=tuple(sorted(set(self.resolutions) - set(kept))),
            unchanged=tuple(unchanged),
            embedded=embedded,
        )
        return index, report

    @classmethod
    def _assemble(
        cls,
        resolutions: Iterable[Resolution],
        encoder: Encoder,
        reuse: ParagraphIndex | None,
    ) -> tuple[ParagraphIndex, int]:
        """The index, and how many passages had to be embedded for it."""
        known = reuse.vectors_by_passage() if reuse and reuse.model_name == encoder.name else {}
        ordered = sorted(resolutions, key=lambda resolution: resolution.key)
        texts = [passage_text(r, p) for r in ordered for p in r.paragraphs]
        digests = [_digest(text) for text in texts]
        missing = {digest: text for digest, text in zip(digests, texts, strict=True)}
        missing = {digest: text for digest, text in missing.items() if digest not in known}
        if missing:
            fresh = encoder.encode_passages(list(missing.values()))
            known.update(zip(missing, fresh, strict=True))
        vectors = np.zeros((len(digests), encoder.dimension), dtype=np.float32)
        for row, digest in enumerate(digests):
            vectors[row] = known[digest]
        return cls(encoder.name, ordered, vectors), len(missing)

    def vectors_by_passage(self) -> dict[str, np.ndarray]:
        """Each stored vector by the digest of the passage text it was embedded from."""
        return {
            _digest(passage_text(resolution, paragraph)): vector
            for (resolution, paragraph), vector in zip(self.rows, self.vectors, strict=True)
        }

    # -- searching --------------------------------------------------------------------------

    def search(
        self, query: np.ndarray, k: int, rows: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """The `k` rows nearest to `query` as (row, cosine), best first; only among `rows`
        when given (a filter)."""
        if not self.rows or k <= 0 or (rows is not None and len(rows) == 0):
            return []
        parameters = None
        if rows is not None:
            selector = faiss.IDSelectorBatch(np.asarray(rows, dtype=np.int64))
            parameters = (
                faiss.SearchParametersHNSW(sel=selector, efSearch=max(HNSW_EF_SEARCH, 2 * k))
                if isinstance(self.faiss, faiss.IndexHNSW)
                else faiss.SearchParameters(sel=selector)
            )
        scores, found = self.faiss.search(
            np.asarray(query, dtype=np.float32).reshape(1, -1),
            min(k, len(self.rows)),
            params=parameters,
        )
        return [
            (int(row), float(score))
            for row, score in zip(found[0], scores[0], strict=True)
            if row >= 0
        ]

    # -- disk -------------------------------------------------------------------------------

    def save(self, home: Path) -> Path:
        """Publish this index as the current version in `home`, atomically."""

        def write(folder: Path) -> dict:
            np.save(folder / "vectors.npy", self.vectors)
            faiss.write_index(self.faiss, str(folder / "index.faiss"))
            resolutions = [resolution.to_dict() for resolution in self.resolutions.values()]
            (folder / "resolutions.json").write_text(
                json.dumps(resolutions, ensure_ascii=False), encoding="utf-8"
            )
            return {
                "model": self.model_name,
                "dimension": self.dimension,
                "paragraphs": len(self.rows),
                "resolutions": sorted(self.resolutions),
            }

        return publish(home, write)

    @classmethod
    def load(cls, home: Path, encoder: Encoder) -> ParagraphIndex:
        """The current index in `home`; refused if it was built with another model."""
        version, manifest = open_current(home)
        built_with = (manifest["model"], manifest["dimension"])
        if built_with != (encoder.name, encoder.dimension):
            raise IndexUnavailable(
                f"the index in {version} was built with the model {manifest['model']!r} "
                f"({manifest['dimension']} dimensions), not {encoder.name!r} "
                f"({encoder.dimension}); {REBUILD_HINT}, or use the model it was built with"
            )
        resolutions = [
            Resolution.from_dict(item)
            for item in json.loads((version / "resolutions.json").read_text(encoding="utf-8"))
        ]
        try:
            return cls(
                encoder.name,
                resolutions,
                np.load(version / "vectors.npy"),
                searcher=faiss.read_index(str(version / "index.faiss")),
                version=version.name,
            )
        except ValueError as error:
            raise IndexUnavailable(
                f"the index in {version} is inconsistent ({error}); {REBUILD_HINT}"
            ) from None


def _faiss_index(vectors: np.ndarray) -> faiss.Index:
    """Exact inner-product search, or an HNSW graph once the corpus outgrows it."""
    dimension = vectors.shape[1] if vectors.ndim == 2 and vectors.shape[1] else 1
    if len(vectors) <= EXACT_SEARCH_LIMIT:
        index = faiss.IndexFlatIP(dimension)
    else:
        index = faiss.IndexHNSWFlat(dimension, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
    if len(vectors):
        index.add(vectors)
    return index


def _same_content(first: Resolution, second: Resolution) -> bool:
    return first.to_dict() | {"source": ""} == second.to_dict() | {"source": ""}


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
