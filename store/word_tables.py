"""jieba's two word tables, its word frequencies (for segmenting) and its IDF weights (for
weighing a question's words), kept in a compact form that is read a first character at a time.

As jieba loads them, they are Python dicts of about 350,000 words made at every start: half a
second and 150 MB before the first question is segmented, where a question needs a few dozen
of their words. Here each table is grouped by first character (`store.grouped_lines`); a
look-up reads that character's words once and keeps them. The files are made once from jieba's own files and published in `HRC_QA_HOME`
(`store.atomic`, as every built artefact is), again only for another jieba release.
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import cache
from importlib import resources
from pathlib import Path

from embeddings import settings
from store import atomic, grouped_lines
from store.atomic import Artefact
from store.grouped_lines import GroupedLines

TABLES = Artefact("hrc-qa-word-tables/2", "word tables", verify="size")
"""Its format is raised when the way the tables are made changes."""
FREQUENCIES = "frequencies"
IDF = "idf"
TOTAL = "frequencies.total.json"


class WordTable:
    """A word → number table on disk, read one first character's words at a time."""

    def __init__(self, folder: Path, name: str, number: type[int] | type[float]) -> None:
        def parse(lines: list[str]) -> dict[str, int | float]:
            return {
                word: number(value) for word, _, value in (line.rpartition("\t") for line in lines)
            }

        self._groups = GroupedLines(folder, name, parse)

    def get(self, word: str, default: int | float | None = None) -> int | float | None:
        return self._groups[word[:1]].get(word, default)

    def __getitem__(self, word: str) -> int | float:
        return self._groups[word[:1]][word]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self._groups[word[:1]]


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
    _write_table(folder, FREQUENCIES, {word: str(count) for word, count in counted.items()})
    (folder / TOTAL).write_text(json.dumps(total), encoding="utf-8")
    lines = (resources.files("jieba") / "analyse" / "idf.txt").read_text("utf-8").splitlines()
    weights = {word: value for word, _, value in (line.partition(" ") for line in lines)}
    _write_table(folder, IDF, {word: value for word, value in weights.items() if word})


def _write_table(folder: Path, name: str, values: dict[str, str]) -> None:
    by_char: dict[str, list[str]] = defaultdict(list)
    for word, value in values.items():
        if word and "\n" not in word and "\t" not in word:
            by_char[word[0]].append(f"{word}\t{value}")
    grouped_lines.write(folder, name, by_char)
