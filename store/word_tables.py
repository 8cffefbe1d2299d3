"""jieba's two word tables, its word frequencies (for segmenting) and its IDF weights (for
weighing a question's words), kept in a compact form of fixed size that is looked up in place.

As jieba loads them, they are Python dicts of about 500,000 and 350,000 words made at every
start: half a second and 150 MB before the first question is segmented, where a question needs
a few dozen of their words. Here each table is two files: its words in a MARISA trie
(`marisa-trie`), memory-mapped, which gives each word an id, and the words' numbers in id order
(`.npy`), read into one flat array. A look-up makes no object that outlives it, so a process's
memory for the tables is the same after a million distinct questions as after the first, and
pages of the trie no text has touched are never read. The files are made once from jieba's own
files and published in `HRC_QA_HOME` (`store.atomic`, as every built artefact is), again only
for another jieba release or another format.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path

import marisa_trie
import numpy as np

from embeddings import settings
from store import atomic
from store.atomic import Artefact, VersionUnavailable
from store.tries import key_of

TABLES = Artefact("hrc-qa-word-tables/3", "word tables", verify="size")
"""Its format is raised when the way the tables are made changes."""
FREQUENCIES = "frequencies"
IDF = "idf"
TOTAL = "frequencies.total.json"
_TYPECODES = {int: "q", float: "d"}
"""How each kind of number is held: 64-bit, as jieba's own ints and floats are."""


def files(name: str) -> tuple[str, str]:
    """The names of the table `name`'s files: its words' trie and their numbers."""
    return f"{name}.marisa", f"{name}.numbers.npy"


class WordTable:
    """A word → number table on disk; thread-safe (a look-up only reads)."""

    def __init__(self, folder: Path, name: str, number: type[int] | type[float]) -> None:
        words_file, numbers_file = (folder / file for file in files(name))
        self._words = marisa_trie.Trie()
        try:
            self._words.mmap(str(words_file))
            numbers = np.load(numbers_file, allow_pickle=False)
        except (OSError, RuntimeError, ValueError) as error:
            raise _damaged(folder, f"{words_file.name} or {numbers_file.name}", error) from error
        if numbers.shape != (len(self._words),) or numbers.dtype != np.dtype(number):
            raise _damaged(
                folder,
                numbers_file.name,
                f"{numbers.shape[0] if numbers.ndim else 0} {numbers.dtype} numbers "
                f"for {len(self._words):,} words",
            )
        # A flat array of Python numbers: indexing it gives an int or float, where a numpy
        # array gives a numpy scalar, slower to make and of another type.
        self._numbers = array(_TYPECODES[number], numbers.tobytes())

    def get(self, word: str, default: int | float | None = None) -> int | float | None:
        found = self._id(word)
        return default if found is None else self._numbers[found]

    def __getitem__(self, word: str) -> int | float:
        found = self._id(word)
        if found is None:
            raise KeyError(word)
        return self._numbers[found]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._id(word) is not None

    def prefixes(self, text: str) -> Iterator[tuple[str, int]]:
        """Each word the table holds that `text` starts with, shortest first, and its key for
        `number`: one walk of the trie, where looking each prefix up is a walk each. `text`
        must have a UTF-8 form and no zero character (`key_of`)."""
        return self._words.iter_prefixes_with_ids(text)

    def number(self, key: int) -> int | float:
        """The number of the word `prefixes` gave `key` for."""
        return self._numbers[key]

    def _id(self, word: str) -> int | None:
        return key_of(self._words, word)


@cache
def frequencies() -> tuple[WordTable, int]:
    """jieba's word frequencies as its segmenter reads them (`FREQ`, with every prefix of a
    word at 0), and their total."""
    folder = _folder()
    total = json.loads((folder / TOTAL).read_text(encoding="utf-8"))
    return WordTable(folder, FREQUENCIES, int), int(total)


@cache
def idf_weights() -> WordTable:
    """jieba's IDF weight of each word (`jieba/analyse/idf.txt`)."""
    return WordTable(_folder(), IDF, float)


def write(
    folder: Path,
    name: str,
    numbers: dict[str, int] | dict[str, float],
    number: type[int] | type[float],
) -> None:
    """Write the table `name` of `numbers` (word → `number`) into `folder`."""
    words_file, numbers_file = files(name)
    trie = marisa_trie.Trie(numbers)
    ordered = [0] * len(trie)
    for word, key in trie.iteritems():
        ordered[key] = numbers[word]
    trie.save(str(folder / words_file))
    np.save(folder / numbers_file, np.array(ordered, dtype=np.dtype(number)))


def _damaged(folder: Path, what: str, error: object) -> VersionUnavailable:
    return VersionUnavailable(
        f"the word tables in {folder} are damaged ({what}: {error}); delete the folder "
        f"{folder.parent} and they are made again"
    )


def _folder() -> Path:
    import jieba  # already loaded by the segmenter that reads the tables

    return atomic.ensure(
        settings.home() / "words",
        _write_tables,
        artefact=TABLES,
        source={"jieba": jieba.__version__},
        announce="making jieba's word tables",
    )


def _write_tables(folder: Path) -> None:
    import jieba

    counted, total = jieba.Tokenizer.gen_pfdict(jieba.get_dict_file())  # it closes the file
    write(folder, FREQUENCIES, {word: count for word, count in counted.items() if word}, int)
    (folder / TOTAL).write_text(json.dumps(total), encoding="utf-8")
    lines = (resources.files("jieba") / "analyse" / "idf.txt").read_text("utf-8").splitlines()
    weights = {word: float(value) for word, _, value in (line.partition(" ") for line in lines)}
    write(folder, IDF, {word: value for word, value in weights.items() if word}, float)
