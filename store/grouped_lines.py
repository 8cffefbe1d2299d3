"""Lines of text grouped by a key, in one file read a group at a time: the compact form of a
large table of which a question needs a few lines (the model's pieces, grouped by a piece's
first two characters, `embeddings.compact_tokenizer`).

A table named `stem` is three files: `stem.txt`, each group's lines one after another in the
order of their keys; `stem.keys.npy`, the keys, sorted; `stem.starts.npy`, the byte where each
key's lines begin, and last the text's end. A group is read, parsed and kept the first time it
is asked for, so that a process holds only the groups its texts have needed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Generic, TypeVar

import numpy as np

Parsed = TypeVar("Parsed")


def files(stem: str) -> tuple[str, str, str]:
    """The names of the files of the table `stem`."""
    return f"{stem}.txt", f"{stem}.keys.npy", f"{stem}.starts.npy"


def write(folder: Path, stem: str, groups: Mapping[str, Sequence[str]]) -> None:
    """Write the table `stem` into `folder`: each key's lines (no line may hold a newline)."""
    text, keys, starts = files(stem)
    ordered = sorted(groups)
    blocks = ["".join(f"{line}\n" for line in groups[key]).encode("utf-8") for key in ordered]
    (folder / text).write_bytes(b"".join(blocks))
    np.save(folder / keys, np.array(ordered, dtype=str))
    np.save(folder / starts, np.cumsum([0, *map(len, blocks)], dtype=np.int64))


class GroupedLines(Generic[Parsed]):
    """The table `stem` in `folder`, each group parsed by `parse` (from its lines; none for a
    key the table does not have) and kept; thread-safe."""

    def __init__(self, folder: Path, stem: str, parse: Callable[[list[str]], Parsed]) -> None:
        text, keys, starts = files(stem)
        self._text = (folder / text).read_bytes()
        self._keys = np.load(folder / keys)
        self._starts = np.load(folder / starts)
        self._parse = parse
        self._parsed: dict[str, Parsed] = {}
        self._lock = threading.Lock()  # requests of the app may read the same group at once

    def __getitem__(self, key: str) -> Parsed:
        found = self._parsed.get(key)
        if found is None:
            found = self._parse(self._lines(key))
            with self._lock:
                self._parsed[key] = found
        return found

    def _lines(self, key: str) -> list[str]:
        at = int(np.searchsorted(self._keys, key))
        if at == len(self._keys) or self._keys[at] != key:
            return []
        start, end = int(self._starts[at]), int(self._starts[at + 1])
        return self._text[start:end].decode("utf-8").split("\n")[:-1]
