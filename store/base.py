"""The paragraph store interface: what every store of paragraphs, vectors and words offers.

Shaped like minsearch's `fit`/`search(filter_dict)` and txtai's ANN (`index`, `append`,
`delete`, `search`, `save`, `load`): paragraphs go in with their vectors, keyed by a stable
paragraph id (`Resolution.paragraph_id`, e.g. `A/HRC/RES/57/12:OP8(a):zh`), never by a row
number; dense and keyword search each take `k` and a `Filters` value (`where`) that the store
translates into its own terms. The assistant sees only this interface, so a second store (a
database) needs no change in `qa/`.
"""

from __future__ import annotations

import hashlib
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from corpus import Paragraph, Resolution
from corpus.models import resolution_key
from languages import LANGUAGES, Language
from languages.bodies import BODIES
from store.atomic import IndexUnavailable
from store.filters import Filters, within
from store.substrings import SubstringIndex


@dataclass(frozen=True, slots=True)
class Scored:
    """A paragraph found by a search, with that search's score (cosine or BM25)."""

    id: str
    score: float


@dataclass(frozen=True, slots=True)
class StoredParagraph:
    """A paragraph as the store keeps it: with the resolution text it belongs to, whose other
    paragraphs give a sub-paragraph its lead-in."""

    id: str
    resolution: Resolution
    paragraph: Paragraph


@dataclass(frozen=True)
class IndexedNames:
    """The names of a store's resolutions (`Resolution.name`, a number's languages once)."""

    in_order: tuple[str, ...]
    """In `ParagraphStore.resolutions()` order."""
    held: frozenset[str]

    @classmethod
    def of(cls, resolutions: Iterable[Resolution]) -> IndexedNames:
        in_order = tuple(dict.fromkeys(resolution.name for resolution in resolutions))
        return cls(in_order, frozenset(in_order))


class ParagraphStore(ABC):
    """Paragraphs with their vectors and words; searched densely and by keyword."""

    model: str
    """The model the vectors were made with, as `Encoder.name` says it."""
    dimension: int
    version: str | None
    """The published version this store was loaded from or last saved as."""
    _refused: str | None = None
    """The newer version `reloaded` found unusable: not tried again."""
    _substrings: SubstringIndex | None = None
    """What `holds_text` reads, built at its first look-up; a change drops it."""
    _names: tuple[tuple[Resolution, ...], IndexedNames] | None = None
    """`names()`, with the `resolutions()` it was made from."""

    @abstractmethod
    def add(self, resolution: Resolution, vectors: np.ndarray) -> None:
        """Put every paragraph of `resolution` in, `vectors` holding one row per paragraph in
        order; a text already stored under the same key (number and language) is replaced."""

    @abstractmethod
    def delete(self, ids: Iterable[str]) -> None:
        """Take these paragraphs out; a resolution none of whose paragraphs is left goes too.
        KeyError names ids that are not stored."""

    @abstractmethod
    def dense_search(self, vector: np.ndarray, k: int, where: Filters) -> list[Scored]:
        """The `k` paragraphs nearest to `vector` (cosine), best first, among those `where`
        lets through."""

    @abstractmethod
    def keyword_search(self, text: str, k: int, where: Filters) -> list[Scored]:
        """The `k` paragraphs whose words best match `text` (BM25), best first, leaving out
        those matching none of its words, among those `where` lets through."""

    @abstractmethod
    def get(self, ids: Sequence[str]) -> list[StoredParagraph]:
        """The paragraphs with these ids, in the same order; KeyError for an unknown id."""

    @abstractmethod
    def vectors(self, ids: Sequence[str]) -> np.ndarray:
        """The stored vectors of these paragraphs, one row each, in order."""

    @abstractmethod
    def known_vectors(self, digests: Iterable[str]) -> dict[str, np.ndarray]:
        """Stored vectors by `passage_digest`, for those of `digests` the store has: an
        update embeds only passages whose text it has never seen."""

    @abstractmethod
    def resolutions(self) -> tuple[Resolution, ...]:
        """Every stored resolution text, in number order (a number's languages together)."""

    def names(self) -> IndexedNames:
        """The names of the indexed resolutions: every question checks its filters and
        citations against them, so they are made once per `resolutions()` (tens of thousands
        of names at a million paragraphs), not once per question."""
        resolutions = self.resolutions()
        made = self._names
        if made is None or made[0] is not resolutions:
            made = self._names = (resolutions, IndexedNames.of(resolutions))
        return made[1]

    def holds_language(self, language: Language) -> bool:
        """Whether some stored text is in `language` (a question's or a draft's words can be
        compared with the corpus only then)."""
        return any(text.language == language for text in self.resolutions())

    def holds_text(self, text: str) -> bool:
        """Whether some stored passage (`passage_text`), lower-cased, contains `text`: where
        a question's terms are looked for. Its cost does not grow with the corpus
        (`store.substrings`)."""
        return self._built_substrings().holds(text)

    def _built_substrings(self) -> SubstringIndex:
        if self._substrings is None:
            self._substrings = self._substring_index()
        return self._substrings

    def _substring_index(self) -> SubstringIndex:
        """The index `holds_text` reads, of every stored passage (a store keeping its own
        order of rows builds it over those, to save it beside them)."""
        return substring_index(
            [
                StoredParagraph(resolution.paragraph_id(paragraph), resolution, paragraph)
                for resolution in self.resolutions()
                for paragraph in resolution.paragraphs
            ]
        )

    @abstractmethod
    def texts(self, name: str) -> tuple[Resolution, ...]:
        """The stored texts of the resolution `name` (its languages), in the order of
        `resolutions()`: looked up, not searched for, as each answer asks for its quotes'."""

    @abstractmethod
    def __contains__(self, paragraph_id: object) -> bool: ...

    @abstractmethod
    def __len__(self) -> int:
        """How many paragraphs are stored."""

    @abstractmethod
    def save(self) -> str:
        """Publish what is stored as a new version, atomically; its name."""

    def reloaded(self) -> ParagraphStore | None:
        """The newer version another process published since this one was loaded, if any
        (checked before every request, so it must be cheap when there is none). A newer
        version that cannot be used raises IndexUnavailable once; it is not tried again, so
        that a request neither checks it again nor logs it again, until another version is
        published."""
        name = self.published_version()
        if name in (None, self.version, self._refused):
            return None
        try:
            return self.load_published()
        except IndexUnavailable:
            self._refused = name
            raise

    @abstractmethod
    def published_version(self) -> str | None:
        """The name of the version published where this store is kept, if any: one cheap
        look-up (a pointer file, an alias)."""

    @abstractmethod
    def load_published(self) -> ParagraphStore:
        """A new store of the version published where this one is kept; IndexUnavailable
        says why it cannot be used."""


def passage_text(resolution: Resolution, paragraph: Paragraph) -> str:
    """What is embedded and searched for a paragraph: its text after the words it hangs
    under if it is a sub-paragraph, so that `(b)` is found by what `8.` is about.

    Measured on the dev questions (`hrc-qa eval --compare`): adding the lead-in lifts dense
    hit@1 from 0.89 to 0.93; adding the resolution's title as well lowers it back to 0.89, as
    the title then outweighs what the paragraph itself says.
    """
    lead_in = "".join(parent.text for parent in resolution.lead_in(paragraph))
    return lead_in + paragraph.text


def substring_index(entries: Sequence[StoredParagraph]) -> SubstringIndex:
    """The substring index of these paragraphs' passages, lower-cased, a row each in order."""
    passage = lowered_passage(entries)
    return SubstringIndex.build(map(passage, range(len(entries))), passage)


def lowered_passage(entries: Sequence[StoredParagraph]) -> Callable[[int], str]:
    """A row's passage, lower-cased, for the rows `entries` number: what a substring index
    checks its candidates against, made again when needed rather than kept."""

    def passage(row: int) -> str:
        entry = entries[row]
        return passage_text(entry.resolution, entry.paragraph).lower()

    return passage


def passage_digest(text: str) -> str:
    """Identifies a passage's text, so that its vector is reused whatever its id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def resolution_order(resolution: Resolution) -> tuple[object, ...]:
    """Sorts resolutions by body, then as the UN numbers them: `7/1` before `36/29` before
    `57/12`, special sessions (`S-35/1`) after, then the language."""
    special = not resolution.number[0].isdigit()
    numbers = tuple(int(part) for part in re.findall(r"\d+", resolution.number))
    return (BODIES.index(resolution.body), special, numbers, resolution.number, resolution.language)


def texts_named(by_key: Mapping[str, Resolution], name: str) -> tuple[Resolution, ...]:
    """`ParagraphStore.texts` over resolutions kept by `Resolution.key`: a language's texts
    sort by its code in `resolution_order`, so they are looked up in that order."""
    keys = (resolution_key(name, language) for language in sorted(LANGUAGES))
    return tuple(by_key[key] for key in keys if key in by_key)


def passes(where: Filters, resolution: Resolution, paragraph: Paragraph) -> bool:
    """Whether one paragraph passes `where`: the meaning every store's translation keeps."""
    return (
        (not where.resolutions or resolution.name in where.resolutions)
        and (not where.bodies or resolution.body in where.bodies)
        and (where.part is None or paragraph.part == where.part)
        and within(resolution.session, where.sessions)
        and within(resolution.adopted.year, where.years)
    )
