"""The FAISS indexes a store's vectors are searched in: one exact index, or HNSW graphs.

    index = VectorIndex.build(vectors)             # exact up to EXACT_SEARCH_LIMIT, else graphs
    rows, scores = index.search(vectors, query, 10)
    index.save(folder)                              # index.faiss, index.1.faiss, ...

Above `GRAPH_ROWS` vectors the rows go into several graphs of consecutive rows, equal in
size, walked side by side on the machine's cores: a graph of half a million rows finds a
question's ten nearest as surely with half the candidates a graph of a million needs, so two
walks side by side take about half the time of one (README: "Graphs side by side"). Each walk
compares one-byte integer codes of the vectors (`GRAPH_CODES`) and its best candidates are
scored again exactly from the store's float vectors, so the scores and order returned are
exact. A walk whose candidates crowd (`crowded`) is walked again with more of them: the rows
it missed are found there (README: "A walk whose candidates crowd, walked again").
"""

from __future__ import annotations

import itertools
import math
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

EXACT_SEARCH_LIMIT = 20_000
"""Above this many vectors exact search gets slower than embedding the question (measured by
`hrc-qa bench`, bench/results/latest.md), so graphs are built instead."""
GRAPH_ROWS = 500_000
"""The most rows one graph holds: a larger store's rows are split into equal graphs."""
HNSW_NEIGHBOURS = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = ((GRAPH_ROWS, 576), (None, 1024))
"""How many candidates a walk keeps, by its graph's rows (up to the first figure, the second):
a larger graph needs more for the same recall, and one-byte codes (`GRAPH_CODES`) a little
more than bfloat16 ones did. Only a graph saved before graphs were split holds more than
`GRAPH_ROWS`. The recall each gives, and other values', is measured by `hrc-qa bench` (see the
README)."""
GRAPH_CODES = faiss.ScalarQuantizer.QT_8bit_direct_signed
"""How a graph holds its vectors for the walk: one signed byte a dimension, each row's vector
times one scale for the whole graph (127 over its largest component), rounded. A step reads a
quarter of float32's bytes, and FAISS compares such codes with the question's, made the same
way, with nothing to scale back (the 8-bit codes of earlier rounds had a range a dimension to
undo, and bfloat16 codes twice the bytes: README: "Walks over signed bytes").
The candidates found are scored again exactly from the store's float vectors (`walk`)."""
CODE_RANGE = 127
"""The largest code: a graph's and a question's largest component (`_codes`)."""
RESCORED = 50
"""How many of a walk's candidates are scored again exactly, however few are asked: the
codes' order can differ from the exact one among near neighbours."""
CROWD_NEAREST = 10
"""The candidates whose crowding a walk checks (`crowded`): the ten a user's answer is drawn
from first, against the `RESCORED`-th."""
CROWDED_SPREAD = 0.02
"""A walk's candidates crowd when the `CROWD_NEAREST`-th's exact score exceeds the
`RESCORED`-th's by less than this share of how far the best is from the question (1 − its
score): many rows about as near as each other, compared with how near they are, which is where
a walk misses some of the nearest (their links go to rows outside the crowd). A share, not a
score, so that it does not depend on how near a corpus's rows lie to its questions."""
CROWDED_WALK = 3
"""A crowded walk is walked again with this many times its candidates (`walk`)."""
BUILD_THREADS = faiss.omp_get_max_threads()
"""Building a graph uses every core FAISS may; a walk uses one thread, since FAISS's threads
gain nothing on one vector and, woken right after ONNX Runtime's threads have embedded the
question, wait on those cores (measured in the README's Speed and scale)."""
INDEX_FILE = "index.faiss"
"""The first (often the only) index's file; the others' are `index.1.faiss`, ..."""

_WALKS = ThreadPoolExecutor(
    max_workers=os.cpu_count() or 1,
    thread_name_prefix="graph-walk",
    initializer=faiss.omp_set_num_threads,
    initargs=(1,),
)
"""Walks a question's other graphs while its own thread walks the first: one a core."""


def index_file(part: int) -> str:
    """The file the index of `part` is saved in."""
    return INDEX_FILE if part == 0 else f"index.{part}.faiss"


def ef_search(rows: int) -> int:
    """The efSearch of a graph of this many `rows` (`HNSW_EF_SEARCH`)."""
    return next(ef for most, ef in HNSW_EF_SEARCH if most is None or rows <= most)


@dataclass(frozen=True)
class VectorIndex:
    """The indexes of a store's rows: `parts[i]` holds rows `starts[i]` onwards, each up to
    where the next begins."""

    parts: tuple[faiss.Index, ...]
    starts: tuple[int, ...]

    @staticmethod
    def build(vectors: np.ndarray) -> VectorIndex:
        """Exact search up to `EXACT_SEARCH_LIMIT` rows; above it, graphs of at most
        `GRAPH_ROWS` rows each."""
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        faiss.omp_set_num_threads(BUILD_THREADS)
        if len(vectors) <= EXACT_SEARCH_LIMIT:
            exact = faiss.IndexFlatIP(vectors.shape[1])
            exact.add(vectors)
            return VectorIndex((exact,), (0,))
        bounds = np.linspace(0, len(vectors), math.ceil(len(vectors) / GRAPH_ROWS) + 1)
        starts = [int(bound) for bound in bounds]
        parts = tuple(graph(vectors[start:end]) for start, end in itertools.pairwise(starts))
        return VectorIndex(parts, tuple(starts[:-1]))

    @staticmethod
    def load(folder: Path, rows: Sequence[int]) -> VectorIndex:
        """The indexes `save` wrote into `folder`, of `rows` rows each, memory-mapped: their
        files were just checksummed, so their pages are in the page cache, and are shared
        with it instead of copied. ValueError if one holds another number of rows."""
        parts = tuple(
            faiss.read_index(str(folder / index_file(part)), faiss.IO_FLAG_MMAP_IFC)
            for part in range(len(rows))
        )
        for part, (index, expected) in enumerate(zip(parts, rows, strict=True)):
            if index.ntotal != expected:
                raise ValueError(
                    f"{index_file(part)} holds {index.ntotal} rows where {expected} were saved"
                )
        return VectorIndex(parts, tuple(int(start) for start in np.cumsum([0, *rows[:-1]])))

    def save(self, folder: Path) -> list[int]:
        """Each index into its file (`index_file`); the rows each holds, for `load`."""
        for part, index in enumerate(self.parts):
            faiss.write_index(index, str(folder / index_file(part)))
        return self.rows

    @property
    def rows(self) -> list[int]:
        """How many rows each index holds."""
        return [index.ntotal for index in self.parts]

    @property
    def dimension(self) -> int:
        return self.parts[0].d

    @property
    def kind(self) -> str:
        """What searches: `IndexFlatIP`, `IndexHNSWSQ`, or `2 × IndexHNSWSQ`."""
        name = type(self.parts[0]).__name__
        return name if len(self.parts) == 1 else f"{len(self.parts)} × {name}"

    @property
    def graphs(self) -> bool:
        """Whether the rows are in graphs (else in one exact index)."""
        return isinstance(self.parts[0], faiss.IndexHNSW)

    def search(
        self,
        matrix: np.ndarray,
        query: np.ndarray,
        k: int,
        rows: np.ndarray | None = None,
        candidates: int | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """The `k` rows nearest `query` and their scores, best first, among `rows` (sorted;
        None: all); `matrix` holds every row's float vector. `candidates` is each walk's
        efSearch, walked once (None: its graph's `ef_search`, walked again where its candidates
        crowd: `walk`)."""
        faiss.omp_set_num_threads(1)
        if not self.graphs:
            selector = None if rows is None else faiss.IDSelectorBatch(rows.astype(np.int64))
            parameters = None if selector is None else faiss.SearchParameters(sel=selector)
            scores, found = self.parts[0].search(
                query[None], min(k, self.parts[0].ntotal), params=parameters
            )
            kept = found[0] >= 0
            return found[0][kept], scores[0][kept]
        walks = []
        for graph, start in zip(self.parts, self.starts, strict=True):
            end = start + graph.ntotal
            within = None if rows is None else rows[(rows >= start) & (rows < end)] - start
            if within is None or len(within):
                # Given on every walk: a saved graph keeps the efSearch it was built with.
                depth = candidates or ef_search(graph.ntotal)
                walks.append(
                    (start, (graph, matrix[start:end], query, k, depth, within, not candidates))
                )
        if not walks:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        beside = [_WALKS.submit(walk, *arguments) for _, arguments in walks[1:]]
        results = [walk(*walks[0][1]), *(future.result() for future in beside)]
        rows_found = np.concatenate(
            [part_rows + start for (start, _), (part_rows, _) in zip(walks, results, strict=True)]
        )
        scores = np.concatenate([part_scores for _, part_scores in results])
        best = np.argsort(-scores, kind="stable")[:k]
        return rows_found[best], scores[best]


def graph(vectors: np.ndarray) -> faiss.IndexHNSWSQ:
    """An HNSW graph of `vectors`, walked over their codes (`GRAPH_CODES`). It is built on the
    exact vectors (built on 8-bit codes, its links were a little worse: lower recall at the
    same efSearch)."""
    dimension = vectors.shape[1]
    built = faiss.IndexHNSWFlat(dimension, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
    built.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
    built.add(vectors)
    index = faiss.IndexHNSWSQ(dimension, GRAPH_CODES, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
    codes = _codes(vectors)
    index.train(codes)
    index.storage.add(codes)
    index.hnsw = built.hnsw  # a copy of the links: `built` goes with its float vectors
    index.ntotal = len(vectors)
    index.hnsw.efSearch = ef_search(len(vectors))
    return index


def walk(
    graph: faiss.IndexHNSW,
    matrix: np.ndarray,
    query: np.ndarray,
    k: int,
    candidates: int,
    rows: np.ndarray | None = None,
    again: bool = True,
) -> tuple[np.ndarray, np.ndarray]:
    """The rows of the `k` vectors of `matrix` (the graph's, in float32) nearest `query` among
    `rows` (None: all), and their scores, best first: the graph walked with `candidates` (its
    efSearch) over its codes (`GRAPH_CODES`), its best `RESCORED` (or `k`) scored again
    exactly from `matrix`. Where they crowd (`crowded`), the graph is walked again with
    `CROWDED_WALK` times the candidates and both walks' rows are kept; `again=False` walks
    once (the benchmark's recall by efSearch)."""
    selector = None if rows is None else faiss.IDSelectorBatch(rows.astype(np.int64))
    depth = min(max(k, RESCORED), graph.ntotal)
    probe = _codes(query) if _integer_codes(graph) else query

    def walked(efsearch: int) -> np.ndarray:
        # A filter drops rows the walk passes through: it keeps more candidates to find enough.
        parameters = faiss.SearchParametersHNSW(
            sel=selector, efSearch=max(efsearch, depth if selector is None else 2 * depth)
        )
        found = graph.search(probe[None], depth, params=parameters)[1][0]
        return found[found >= 0]

    found = walked(candidates)
    scores = matrix[found] @ query
    order = np.argsort(-scores, kind="stable")
    if again and crowded(scores[order]):
        found = np.union1d(found, walked(CROWDED_WALK * candidates))
        scores = matrix[found] @ query
        order = np.argsort(-scores, kind="stable")
    best = order[:k]
    return found[best], scores[best]


def crowded(scores: np.ndarray) -> bool:
    """Whether a walk's exact `scores`, best first, crowd (`CROWDED_SPREAD`); a walk that found
    fewer than `RESCORED` rows (a filter's few) is not judged."""
    if len(scores) < RESCORED:
        return False
    spread = scores[CROWD_NEAREST - 1] - scores[RESCORED - 1]
    return bool(spread < CROWDED_SPREAD * (1.0 - scores[0]))


def _codes(vectors: np.ndarray) -> np.ndarray:
    """`vectors` (a graph's rows, or one question) as integer codes (`GRAPH_CODES`), in
    float32 for FAISS to store or compare: times the scale that makes their largest component
    `CODE_RANGE`, rounded. A question is scaled by its own largest component, not the graph's:
    any positive scale keeps the order of its inner products with the rows, and its own uses
    every code for it (so that the graph's scale need not be kept either)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    largest = float(np.abs(vectors).max(initial=0.0))
    scaled = vectors * np.float32(CODE_RANGE / largest if largest else 0.0)
    return np.round(scaled, out=scaled)


def _integer_codes(graph: faiss.Index) -> bool:
    """Whether `graph` compares integer codes (`GRAPH_CODES`), which take a question made the
    same way (`_codes`); graphs saved before them hold floats, bfloat16 or ranged 8-bit codes
    and take the question as it is."""
    storage = faiss.downcast_index(graph.storage)
    return isinstance(storage, faiss.IndexScalarQuantizer) and storage.sq.qtype == GRAPH_CODES
