"""Word-level differences between an adopted paragraph and a draft paragraph.

Words are what a drafter changes: Chinese is segmented by jieba (the segmenter keyword search
uses, in its precise mode: one cut of each text), its full-width punctuation kept as tokens of
its own; every other language is cut into words and punctuation marks. Whitespace belongs to
the token before it, so that a diff's pieces put together give back each text exactly.

Punctuation forms are folded before comparing (`，` and `,`, `“` and `"`): a draft that
types them otherwise still quotes the same words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

from languages import Language
from store.tokenize import segmenter

Op = Literal["equal", "insert", "delete"]

# Forms of one punctuation mark: full-width and ASCII, curly and straight quotes, dashes.
_PUNCTUATION_FORMS = str.maketrans(
    {
        "，": ",",
        "。": ".",
        "；": ";",
        "：": ":",
        "！": "!",
        "？": "?",
        "（": "(",
        "）": ")",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "—": "-",
        "–": "-",
        "‐": "-",
        "−": "-",
        "…": "...",
        "،": ",",
        "؛": ";",
        "؟": "?",
    }
)
# A word (letters, digits, the marks Arabic and decomposed Latin put on them, joined by an
# apostrophe or a hyphen: `State’s`, `follow-up`), or one other character that is not a space;
# then the spaces after it.
_TOKEN = re.compile(r"(?:(?:[\w\u0300-\u036f\u064b-\u065f\u0670]+(?:[’'\-][\w]+)*)|[^\w\s])\s*")
_WORD = re.compile(r"\w")

TOKEN_CACHE_SIZE = 1024
"""Texts whose tokens are kept: a draft paragraph is compared with up to twenty candidates,
and a candidate with many draft paragraphs."""


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark with the spaces after it (`text`), and what is compared
    (`key`: the mark's folded form, the word as written)."""

    text: str
    key: str

    @property
    def is_word(self) -> bool:
        return _WORD.search(self.key) is not None


@dataclass(frozen=True, slots=True)
class Piece:
    """One piece of a diff: `equal` text both share (as the draft writes it), text the draft
    `insert`s, or source text it `delete`s."""

    op: Op
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"op": self.op, "text": self.text}


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def tokenize(text: str, language: Language) -> tuple[Token, ...]:
    """`text` as tokens whose texts join back into it."""
    if language == "zh":
        pieces = _attach_spaces(list(segmenter().cut(text)))
    else:
        pieces = [match.group() for match in _TOKEN.finditer(text)]
        lead = len(text) - len(text.lstrip())
        if lead and pieces:
            pieces[0] = text[:lead] + pieces[0]
    return tuple(Token(piece, _key(piece)) for piece in pieces)


def _attach_spaces(pieces: list[str]) -> list[str]:
    """jieba's pieces with each run of spaces joined to the piece before it."""
    joined: list[str] = []
    for piece in pieces:
        if piece.isspace() and joined:
            joined[-1] += piece
        else:
            joined.append(piece)
    return joined


def _key(piece: str) -> str:
    return piece.strip().translate(_PUNCTUATION_FORMS)


def words(tokens: Sequence[Token]) -> list[str]:
    """The keys of the word tokens: what similarity counts."""
    return [token.key for token in tokens if token.is_word]


def word_diff(source: Sequence[Token], draft: Sequence[Token]) -> list[Piece]:
    """The pieces that turn `source` into `draft`: `equal` (in the draft's form), `delete`
    and `insert`; runs of one kind joined."""
    matcher = SequenceMatcher(None, [t.key for t in source], [t.key for t in draft], autojunk=False)
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(pieces, "equal", draft[j1:j2])
            continue
        _append(pieces, "delete", source[i1:i2])
        _append(pieces, "insert", draft[j1:j2])
    return pieces


def _append(pieces: list[Piece], op: Op, tokens: Sequence[Token]) -> None:
    text = "".join(token.text for token in tokens)
    if not text:
        return
    if pieces and pieces[-1].op == op:
        pieces[-1] = Piece(op, pieces[-1].text + text)
    else:
        pieces.append(Piece(op, text))


def changed_words(source: Sequence[Token], draft: Sequence[Token]) -> tuple[int, int]:
    """How many words the draft inserts and deletes (punctuation not counted)."""
    matcher = SequenceMatcher(None, words(source), words(draft), autojunk=False)
    inserted = deleted = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            deleted += i2 - i1
            inserted += j2 - j1
    return inserted, deleted


def same_words(source: Sequence[Token], draft: Sequence[Token]) -> bool:
    """Whether the two say the same words with the same punctuation, whatever the forms of
    the marks, the spaces, and the mark each ends with (a preambular paragraph's comma)."""
    return _without_final_marks(source) == _without_final_marks(draft)


def _without_final_marks(tokens: Sequence[Token]) -> list[str]:
    keys = [token.key for token in tokens]
    while keys and not _WORD.search(keys[-1]):
        keys.pop()
    return keys


def similarity(source: Sequence[Token], draft: Sequence[Token]) -> float:
    """How much of the two is the same words in the same order: 2 × matched / (words in
    both), difflib's ratio over words."""
    a, b = words(source), words(draft)
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def matched_positions(source: Sequence[Token], draft: Sequence[Token], run: int) -> set[int]:
    """Which of the draft's words (by position among its words) are in runs of at least
    `run` words the source shares, in order."""
    matcher = SequenceMatcher(None, words(source), words(draft), autojunk=False)
    return {
        block.b + offset
        for block in matcher.get_matching_blocks()
        if block.size >= run
        for offset in range(block.size)
    }
