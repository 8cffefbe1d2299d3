"""Words of a question or a paragraph, for keyword search and for highlighting.

Chinese has no spaces: a run of Chinese characters is segmented by jieba in its search mode,
which also yields the shorter words inside a long one (`数据保护` → `数据`, `保护`,
`数据保护`), so that a question matches a paragraph that words it a little differently.
English is split on word boundaries and lower-cased. Function words and question words carry
no topic and are dropped: those of every language in `languages.stopwords`, since a text may
mix languages and the words alone do not say which.
"""

from __future__ import annotations

import logging
import re
from functools import cache, lru_cache

import jieba

from languages.stopwords import STOPWORDS
from store.word_tables import frequencies

jieba.setLogLevel(logging.WARNING)

_WORD = re.compile(r"\w", re.UNICODE)

SEGMENT_CACHE_SIZE = 256
"""Texts whose segmentation is kept. One answer segments its question and each quoted
paragraph several times (search, coverage, highlights), so a few answers' worth is enough;
bounded, because every distinct question a client sends would otherwise stay in memory
(about 220 KB for a long one)."""


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """Each searchable word of `text` with its start and end offsets in `text`."""
    stopwords = _all_stopwords(tuple(STOPWORDS.values()))
    return [
        (word, start, end)
        for word, start, end in _segment(text)
        if _WORD.search(word) and word not in stopwords
    ]


def tokens(text: str) -> list[str]:
    """The searchable words of `text`, in order, repeats kept (BM25 counts them)."""
    return [word for word, _, _ in token_spans(text)]


@lru_cache(maxsize=SEGMENT_CACHE_SIZE)
def _segment(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(
        (word.lower(), start, end) for word, start, end in segmenter().tokenize(text, mode="search")
    )


@cache
def segmenter() -> jieba.Tokenizer:
    """jieba's segmenter, its dictionary read from `store.word_tables` (a few words at a time)
    instead of the half-second, 150 MB load jieba does itself: the same words, the same cuts."""
    segmenter = jieba.Tokenizer()
    segmenter.FREQ, segmenter.total = frequencies()
    segmenter.initialized = True
    return segmenter


@cache
def _all_stopwords(languages: tuple[frozenset[str], ...]) -> frozenset[str]:
    return frozenset().union(*languages)
