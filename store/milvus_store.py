"""A paragraph store in Milvus: a Milvus server or cluster (`milvus://host:19530`) or Milvus
Lite (a path ending in `.db`), for corpora or replica counts one process cannot hold.

    store = MilvusStore.load("milvus://milvus.internal:19530", encoder.name, encoder.dimension)

One collection is one published version (`hrc_qa_v<time>`); the alias `hrc_qa` names the
current one. A store reads the collection the alias named when it was loaded, never the alias
itself, so a request in flight keeps its version. The first change after a load copies that
collection into a new one, which takes every later change; `save` switches the alias to it in
one call, so readers never see half an update, and `reloaded` sees the switch.

A row holds the paragraph's id, its passage text in the field of its language (each language
has its own analyzer, and Milvus turns that field into a sparse BM25 vector by a Function),
the filterable metadata, its dense vector (cosine) and the paragraph with its resolution's
header as JSON. The resolutions are also held in memory, as the FAISS store holds them: the
citation look-up, the paragraph list and the answers read them on every request.

Dense and keyword search run as two Milvus searches and are fused by `qa.retrieval`, not by
Milvus's own `hybrid_search`: the assistant's no-match model needs each search's own ranks
and scores (the BM25 score, how the best cosine stands out), which a fused result drops.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from functools import cache
from pathlib import Path

import numpy as np
from pymilvus import DataType, Function, FunctionType, MilvusClient
from pymilvus.exceptions import MilvusException

from corpus import Resolution
from languages import LANGUAGES, Language
from languages.keywords import KEYWORD_FORMS
from languages.scripts import detect_language
from languages.stopwords import STOPWORDS
from store.atomic import REBUILD_HINT, IndexUnavailable, built_with
from store.base import (
    ParagraphStore,
    Scored,
    StoredParagraph,
    passage_digest,
    passage_text,
    resolution_order,
    texts_named,
)
from store.filters import Filters
from store.keyword import K1, B

# pymilvus warns on every query iterator that Milvus Lite cannot give it a timestamp.
logging.getLogger("pymilvus").setLevel(logging.ERROR)

ALIAS = "hrc_qa"
"""Names the current version's collection."""
VERSION_PREFIX = "hrc_qa_v"
_VERSION_NAME = re.compile(VERSION_PREFIX + r"\d+")
VERSIONS = "hrc_qa_models"
"""One row per version: the model its vectors were made with (Milvus keeps no collection
description on Lite, so this small collection records it)."""
TEXT_LIMIT = 65_535
"""Milvus's longest VARCHAR, in bytes."""
CONNECT_TIMEOUT_S = 30
"""How long to wait for a Milvus server before saying it cannot be reached."""
BATCH = 1_000
"""Rows per insert, per query and per copied page."""

_PUNCTUATION = [*"，。、；：？！“”‘’（）《》〈〉【】「」『』·—…-/,.;:?!\"'()[]<>"]
"""Dropped from the words, as `store.tokenize` drops what holds no letter or digit: Milvus
drops them with its `removepunct` filter, which Milvus Lite ignores."""


@cache
def analyzers() -> dict[Language, dict]:
    """Each language's analyzer, read off `languages.keywords` as `store.tokenize` reads its
    words: jieba in search mode where it segments (Chinese, and English, which shares its
    words), which also gives the shorter words inside a long one (`{"type": "chinese"}` is
    refused by Milvus Lite); else the standard tokenizer, lower-cased, the language's Snowball
    stemmer. The same stop words are dropped. What Milvus has no filter for is not done here:
    French elisions, Arabic letter folds and the prefixes kept before `ال`.

    Milvus Lite 3.2.2 reads only the tokenizer and the `stop` filters: it always lower-cases
    and ignores `removepunct` and `stemmer`, so on Lite a French, Spanish, Russian or Arabic
    word matches only the same inflection; a Milvus server applies them."""
    fields: dict[Language, dict] = {}
    for language in LANGUAGES:
        forms = KEYWORD_FORMS[language]
        stop_words = set().union(*(STOPWORDS[other] for other in forms.stop_languages))
        stop = {"type": "stop", "stop_words": sorted(stop_words | set(_PUNCTUATION))}
        if forms.segmenter == "jieba":
            tokenizer: str | dict = {"type": "jieba", "mode": "search"}
            filters: list[str | dict] = ["lowercase", "removepunct", stop]
        else:
            tokenizer = "standard"
            filters = ["lowercase", stop]
        if forms.stemmer:
            filters.append({"type": "stemmer", "language": forms.stemmer})
        fields[language] = {"tokenizer": tokenizer, "filter": filters}
    return fields


def connect(location: str | Path) -> MilvusClient:
    """A client of the Milvus at `location`: `milvus://host:port` or `milvus://host:port/db`
    (that database, made if missing, so that several indexes can share one cluster), or a
    Milvus Lite file. IndexUnavailable says why it cannot be reached."""
    text = str(location)
    try:
        if not text.startswith("milvus://"):
            return MilvusClient(uri=str(Path(text).expanduser().absolute()))
        address, _, database = text.removeprefix("milvus://").partition("/")
        client = MilvusClient(uri=f"http://{address}", timeout=CONNECT_TIMEOUT_S)
        database = database.strip("/")
        if database:
            if database not in client.list_databases():
                client.create_database(database)
            client.use_database(database)
        return client
    except MilvusException as error:
        if text.startswith("milvus://"):
            raise IndexUnavailable(
                f"cannot reach Milvus at {text} ({error.message}); is the server running?"
            ) from None
        raise IndexUnavailable(
            f"cannot open the Milvus Lite file {text} ({error.message}): a Milvus Lite file "
            "serves one process at a time; for several (the app and `hrc-qa index`, or "
            f"replicas), serve it with `milvus-lite server --data-dir {text} --host 127.0.0.1` "
            "and set HRC_QA_STORE=milvus://127.0.0.1:19530"
        ) from None


def filter_expression(where: Filters) -> str:
    """`where` as a Milvus boolean expression ("" lets everything through)."""
    terms = []
    if where.resolutions:
        terms.append(f"resolution in {json.dumps(list(where.resolutions))}")
    if where.bodies:
        terms.append(f"body in {json.dumps(list(where.bodies))}")
    if where.part:
        terms.append(f"part == {json.dumps(where.part)}")
    if where.sessions is not None:
        # A range of sessions leaves out what no session adopted (`store.filters.within`).
        terms.append("session is not null")
    for field, bounds in (("session", where.sessions), ("year", where.years)):
        start, end = bounds or (None, None)
        if start is not None:
            terms.append(f"{field} >= {int(start)}")
        if end is not None:
            terms.append(f"{field} <= {int(end)}")
    return " and ".join(terms)


def keyword_text(question: str) -> str:
    """The question with punctuation turned into spaces: Milvus Lite's analyzers keep
    punctuation as words, which would match nearly every paragraph."""
    return re.sub(r"[^\w]+", " ", question).strip()


class MilvusStore(ParagraphStore):
    """Paragraphs in Milvus collections, one per published version, behind one alias."""

    def __init__(self, location: str | Path, model: str, dimension: int) -> None:
        """An empty store that `save` publishes at `location`; nothing is created in Milvus
        before the first change."""
        self.home = str(location)
        self.model = model
        self.dimension = dimension
        self.version: str | None = None
        self.client = connect(location)
        self._collection: str | None = None
        """What is read: the version loaded, or the unpublished copy taking changes."""
        self._writable = False
        self._entries: dict[str, StoredParagraph] = {}
        self._resolutions: dict[str, Resolution] = {}

    # -- changing -----------------------------------------------------------------------------

    def add(self, resolution: Resolution, vectors: np.ndarray) -> None:
        vectors = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dimension)
        if len(vectors) != len(resolution.paragraphs):
            raise ValueError(
                f"{len(resolution.paragraphs)} paragraphs of {resolution.key} but "
                f"{len(vectors)} vectors"
            )
        collection = self._changing()
        previous = self._resolutions.get(resolution.key)
        if previous is not None:
            self.delete(
                [
                    pid
                    for pid in map(previous.paragraph_id, previous.paragraphs)
                    if pid in self._entries
                ]
            )
        header = resolution.to_dict() | {"paragraphs": []}
        rows = []
        for position, (paragraph, vector) in enumerate(
            zip(resolution.paragraphs, vectors, strict=True)
        ):
            paragraph_id = resolution.paragraph_id(paragraph)
            text = passage_text(resolution, paragraph)
            row = {
                "id": paragraph_id,
                "language": resolution.language,
                "resolution": resolution.name,
                "body": resolution.body,
                "part": paragraph.part,
                "session": resolution.session,
                "year": resolution.adopted.year,
                "vector": vector.tolist(),
                "record": {
                    "resolution": header,
                    "paragraph": asdict(paragraph),
                    "position": position,
                },
            }
            for language in analyzers():
                row[f"text_{language}"] = _clip(text) if language == resolution.language else ""
            rows.append(row)
            self._entries[paragraph_id] = StoredParagraph(paragraph_id, resolution, paragraph)
        for start in range(0, len(rows), BATCH):
            self.client.insert(collection, rows[start : start + BATCH])
        self._resolutions[resolution.key] = resolution
        self._substrings = None

    def delete(self, ids: Iterable[str]) -> None:
        doomed = set(ids)
        unknown = sorted(doomed - self._entries.keys())
        if unknown:
            raise KeyError(f"not in the store: {', '.join(unknown)}")
        if not doomed:
            return
        collection = self._changing()
        doomed_list = sorted(doomed)
        for start in range(0, len(doomed_list), BATCH):
            self.client.delete(collection, ids=doomed_list[start : start + BATCH])
        for paragraph_id in doomed:
            del self._entries[paragraph_id]
        left = {entry.resolution.key for entry in self._entries.values()}
        self._resolutions = {key: r for key, r in self._resolutions.items() if key in left}
        self._substrings = None

    # -- searching ----------------------------------------------------------------------------

    def dense_search(self, vector: np.ndarray, k: int, where: Filters) -> list[Scored]:
        if self._collection is None or k <= 0 or not self._entries:
            return []
        found = self.client.search(
            self._collection,
            data=[np.asarray(vector, dtype=np.float32).tolist()],
            anns_field="vector",
            limit=min(k, len(self._entries)),
            filter=filter_expression(where),
            search_params={"metric_type": "COSINE"},
            output_fields=["id"],
        )
        return [Scored(hit["id"], float(hit["distance"])) for hit in found[0]]

    def keyword_search(self, text: str, k: int, where: Filters) -> list[Scored]:
        """As `ParagraphStore.keyword_search`, in the field of the language `text` is written
        in, analysed as that field's paragraphs are (as `store.tokenize` reads a question in
        its language). Scores are on bm25s's Lucene scale: Milvus's BM25 multiplies each
        term's score by k1 + 1 (and Milvus Lite returns it negated)."""
        query = keyword_text(text)
        if self._collection is None or k <= 0 or not query or not self._entries:
            return []
        found = self.client.search(
            self._collection,
            data=[query],
            anns_field=f"sparse_{detect_language(text)}",
            limit=k,
            filter=filter_expression(where),
            search_params={"metric_type": "BM25"},
            output_fields=["id"],
        )
        scored = [Scored(hit["id"], abs(float(hit["distance"])) / (K1 + 1)) for hit in found[0]]
        return [hit for hit in scored if hit.score > 0]

    # -- reading ------------------------------------------------------------------------------

    def get(self, ids: Sequence[str]) -> list[StoredParagraph]:
        return [self._entry(paragraph_id) for paragraph_id in ids]

    def vectors(self, ids: Sequence[str]) -> np.ndarray:
        for paragraph_id in ids:
            self._entry(paragraph_id)
        if not ids:
            return np.zeros((0, self.dimension), dtype=np.float32)
        assert self._collection is not None  # entries exist only in a collection
        unique = sorted(set(ids))
        by_id: dict[str, list[float]] = {}
        for start in range(0, len(unique), BATCH):
            rows = self.client.query(
                self._collection,
                filter=f"id in {json.dumps(unique[start : start + BATCH], ensure_ascii=False)}",
                output_fields=["id", "vector"],
            )
            by_id.update((row["id"], row["vector"]) for row in rows)
        return np.array([by_id[paragraph_id] for paragraph_id in ids], dtype=np.float32)

    def known_vectors(self, digests: Iterable[str]) -> dict[str, np.ndarray]:
        wanted = set(digests)
        ids_by_digest = {}
        for paragraph_id, entry in self._entries.items():
            digest = passage_digest(passage_text(entry.resolution, entry.paragraph))
            if digest in wanted:
                ids_by_digest.setdefault(digest, paragraph_id)
        vectors = self.vectors(list(ids_by_digest.values()))
        return dict(zip(ids_by_digest, vectors, strict=True))

    def resolutions(self) -> tuple[Resolution, ...]:
        return tuple(sorted(self._resolutions.values(), key=resolution_order))

    def texts(self, name: str) -> tuple[Resolution, ...]:
        return texts_named(self._resolutions, name)

    def __contains__(self, paragraph_id: object) -> bool:
        return paragraph_id in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    # -- versions -----------------------------------------------------------------------------

    def save(self) -> str:
        """Publish what is stored: the alias switches to the collection that took the
        changes, in one call. Versions other than the new one and its predecessor (which a
        running app may still read) are dropped, with unpublished copies a killed writer left."""
        collection = self._changing()
        self.client.flush(collection)
        self.client.upsert(
            VERSIONS,
            [
                {
                    "name": collection,
                    "model": self.model,
                    "dimension": self.dimension,
                    "placeholder": [0.0, 0.0],
                }
            ],
        )
        previous = _alias_target(self.client)
        if previous is None:
            self.client.create_alias(collection, ALIAS)
        else:
            self.client.alter_alias(collection, ALIAS)
        for name in self.client.list_collections():
            if _VERSION_NAME.fullmatch(name) and name not in (collection, previous):
                self.client.drop_collection(name)
                self.client.delete(VERSIONS, ids=[name])
        self.version = collection
        self._writable = False
        return collection

    @classmethod
    def load(cls, location: str | Path, model: str, dimension: int) -> MilvusStore:
        """The version the alias names at `location`; IndexUnavailable if there is none, it
        was built with another model, or its rows cannot be read as paragraphs."""
        store = cls(location, model, dimension)
        version = _alias_target(store.client)
        if version is None:
            raise IndexUnavailable(
                f"there is no index in Milvus at {location} yet; build it with `hrc-qa index`"
            )
        # A collection is searchable once loaded; Milvus Lite releases them when it stops.
        for name in (VERSIONS, version):
            store.client.load_collection(name)
        recorded = store.client.get(VERSIONS, ids=[version], output_fields=["model", "dimension"])
        made_with = (recorded[0]["model"], recorded[0]["dimension"]) if recorded else (None, None)
        if made_with != (model, dimension):
            raise built_with(
                made_with,
                f"the index {version} in Milvus at {location} was built with the model "
                f"{made_with[0]!r} ({made_with[1]} dimensions), not {model!r} ({dimension})",
            )
        try:
            store._read(version)
        # Whatever a row holds that is not a paragraph as saved, the version cannot be used.
        except Exception as error:
            raise IndexUnavailable(
                f"the index {version} in Milvus at {location} is inconsistent ({error}); "
                f"{REBUILD_HINT}"
            ) from None
        return store

    @staticmethod
    def published(location: str | Path) -> bool:
        """Whether a version was ever published at `location`."""
        return _alias_target(connect(location)) is not None

    def published_version(self) -> str | None:
        return _alias_target(self.client)

    def load_published(self) -> MilvusStore:
        return MilvusStore.load(self.home, self.model, self.dimension)

    # -- internals ----------------------------------------------------------------------------

    def _read(self, version: str) -> None:
        # A version made before a field existed (`body`, a language's text) could be read
        # but not copied into a new version: it is refused, to be rebuilt.
        has = {field["name"] for field in self.client.describe_collection(version)["fields"]}
        missing = sorted(set(_COPIED_FIELDS) - has)
        if missing:
            raise ValueError(f"made by an earlier hrc-qa, it has no {', '.join(missing)}")
        records: dict[str, list[tuple[int, dict]]] = {}
        headers: dict[str, dict] = {}
        for row in _rows(self.client, version, ["id", "record"]):
            header = row["record"]["resolution"]
            text_key = json.dumps([header["body"], header["number"], header["language"]])
            headers[text_key] = header
            records.setdefault(text_key, []).append(
                (row["record"]["position"], row["record"]["paragraph"])
            )
        for text_key, header in headers.items():
            ordered = sorted(records[text_key], key=lambda p: p[0])
            paragraphs = [paragraph for _, paragraph in ordered]
            resolution = Resolution.from_dict(header | {"paragraphs": paragraphs})
            self._resolutions[resolution.key] = resolution
            for paragraph in resolution.paragraphs:
                paragraph_id = resolution.paragraph_id(paragraph)
                self._entries[paragraph_id] = StoredParagraph(paragraph_id, resolution, paragraph)
        self._collection = version
        self.version = version

    def _changing(self) -> str:
        """The collection that takes changes: made on the first change after a load or a
        save, as a copy of the version read so far."""
        if self._writable and self._collection is not None:
            return self._collection
        _ensure_versions(self.client)
        name = f"{VERSION_PREFIX}{time.time_ns()}"
        _create_collection(self.client, name, self.dimension)
        if self._collection is not None:
            page: list[dict] = []
            for row in _rows(self.client, self._collection, list(_COPIED_FIELDS)):
                page.append(row)
                if len(page) == BATCH:
                    self.client.insert(name, page)
                    page = []
            if page:
                self.client.insert(name, page)
        self._collection = name
        self._writable = True
        return name

    def _entry(self, paragraph_id: str) -> StoredParagraph:
        try:
            return self._entries[paragraph_id]
        except KeyError:
            raise KeyError(f"not in the store: {paragraph_id}") from None


_COPIED_FIELDS = (
    "id",
    "language",
    "resolution",
    "body",
    "part",
    "session",
    "year",
    "vector",
    "record",
    *(f"text_{language}" for language in LANGUAGES),
)
"""What a row holds besides what Milvus makes from it (the sparse vectors)."""


def _clip(text: str) -> str:
    """`text` cut to what a VARCHAR holds (the full paragraph is kept in the record)."""
    return text.encode("utf-8")[:TEXT_LIMIT].decode("utf-8", errors="ignore")


def _alias_target(client: MilvusClient) -> str | None:
    if ALIAS not in client.list_aliases().get("aliases", []):
        return None
    return client.describe_alias(ALIAS)["collection_name"]


def _rows(client: MilvusClient, collection: str, fields: list[str]) -> Iterable[dict]:
    iterator = client.query_iterator(collection, batch_size=BATCH, output_fields=fields)
    try:
        while page := iterator.next():
            yield from page
    finally:
        iterator.close()


def _ensure_versions(client: MilvusClient) -> None:
    """The collection of versions' models, made if missing, loaded (Milvus Lite releases
    every collection when it stops)."""
    if client.has_collection(VERSIONS):
        client.load_collection(VERSIONS)
        return
    schema = client.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("name", DataType.VARCHAR, is_primary=True, max_length=64)
    schema.add_field("model", DataType.VARCHAR, max_length=1024)
    schema.add_field("dimension", DataType.INT64)
    schema.add_field("placeholder", DataType.FLOAT_VECTOR, dim=2)  # Milvus needs a vector
    index = client.prepare_index_params()
    index.add_index("placeholder", index_type="FLAT", metric_type="L2")
    client.create_collection(
        VERSIONS, schema=schema, index_params=index, consistency_level="Strong"
    )


def _create_collection(client: MilvusClient, name: str, dimension: int) -> None:
    schema = client.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("id", DataType.VARCHAR, is_primary=True, max_length=512)
    schema.add_field("language", DataType.VARCHAR, max_length=16)
    # A resolution's name: the Council's bare number, another body's symbol (`A/RES/80/4`).
    schema.add_field("resolution", DataType.VARCHAR, max_length=64)
    schema.add_field("body", DataType.VARCHAR, max_length=16)
    schema.add_field("part", DataType.VARCHAR, max_length=16)
    # None where no regular session adopted it (the Security Council, a special session).
    schema.add_field("session", DataType.INT32, nullable=True)
    schema.add_field("year", DataType.INT32)
    schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dimension)
    schema.add_field("record", DataType.JSON)
    index = client.prepare_index_params()
    index.add_index("vector", index_type="FLAT", metric_type="COSINE")
    for language, analyzer in analyzers().items():
        schema.add_field(
            f"text_{language}",
            DataType.VARCHAR,
            max_length=TEXT_LIMIT,
            enable_analyzer=True,
            analyzer_params=analyzer,
        )
        schema.add_field(f"sparse_{language}", DataType.SPARSE_FLOAT_VECTOR)
        schema.add_function(
            Function(
                name=f"bm25_{language}",
                function_type=FunctionType.BM25,
                input_field_names=[f"text_{language}"],
                output_field_names=[f"sparse_{language}"],
            )
        )
        index.add_index(
            f"sparse_{language}",
            index_type="SPARSE_INVERTED_INDEX",
            metric_type="BM25",
            params={"bm25_k1": K1, "bm25_b": B},
        )
    client.create_collection(name, schema=schema, index_params=index, consistency_level="Strong")
