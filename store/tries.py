"""Looking a text up in a MARISA trie (`marisa-trie`), the form of the tables that are read in
place (jieba's word tables, the compact tokenizer's pieces)."""

from __future__ import annotations

import marisa_trie


def key_of(trie: marisa_trie.Trie, text: str) -> int | None:
    """`text`'s key in `trie`, or None where the trie does not hold it."""
    # The trie holds UTF-8 keys ended by a zero byte: a text with a lone surrogate has no UTF-8,
    # and one with a zero character would be found as the text before it.
    if "\x00" in text:
        return None
    try:
        return trie.get(text)
    except UnicodeEncodeError:
        return None
