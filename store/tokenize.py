"""Words of a question or a paragraph, for keyword search and for highlighting.

How a text is read depends on its language (`languages.keywords`), given or told from the
text (`languages.scripts`). Chinese has no spaces: a run of Chinese characters is segmented by
jieba in its search mode, which also yields the shorter words inside a long one (`数据保护` →
`数据`, `保护`, `数据保护`), so that a question matches a paragraph that words it a little
differently; English goes through jieba too, split on word boundaries and lower-cased. French,
Spanish, Russian and Arabic are split into words, folded and stemmed, so that a question
matches a paragraph that inflects its words otherwise. Function words and question words carry
no topic and are dropped (`languages.stopwords`).
"""

from __future__ import annotations

import logging
import re
import threading
from functools import cache, lru_cache
from math import log
from typing import TYPE_CHECKING

import jieba

from languages import Language
from languages.keywords import KEYWORD_FORMS, KeywordForms
from languages.scripts import detect_language
from languages.stopwords import STOPWORDS
from store.word_tables import WordTable, frequencies

if TYPE_CHECKING:
    import snowballstemmer

jieba.setLogLevel(logging.WARNING)

_WORD = re.compile(r"\w", re.UNICODE)
# A run of letters and digits, with the combining marks a word may carry (Python's `\w` has
# none: Arabic short vowels, and the accents of a decomposed Latin text).
_WORDS = re.compile(r"(?:\w|[\u0300-\u036f\u064b-\u065f\u0670])+")
_ELIDED = re.compile(r"['’]\w")
"""What follows an elided word: an apostrophe, then the next word."""

SEGMENT_CACHE_SIZE = 256
"""Texts whose segmentation is kept. One answer segments its question and each quoted
paragraph several times (search, coverage, highlights), so a few answers' worth is enough;
bounded, because every distinct question a client sends would otherwise stay in memory
(about 220 KB for a long one)."""


def token_spans(text: str, language: Language | None = None) -> list[tuple[str, int, int]]:
    """Each searchable word of `text` (as keyword search holds it: lower-cased, and folded
    and stemmed where its language is) with its start and end offsets in `text`. `language`
    is the text's, told from the text when not given."""
    language = language or detect_language(text)
    forms = KEYWORD_FORMS[language]
    if forms.segmenter == "jieba":
        stopwords = _stopwords(language)
        return [
            (word, start, end)
            for word, start, end in _segment(text)
            if _WORD.search(word) and word not in stopwords
        ]
    return list(_analyse(text, language))


def tokens(text: str, language: Language | None = None) -> list[str]:
    """The searchable words of `text`, in order, repeats kept (BM25 counts them)."""
    return [word for word, _, _ in token_spans(text, language)]


def cut_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    """jieba's words of `text` in its default mode (no word inside another), as written, with
    their offsets, read from its search-mode words (`_segment`, kept): search mode yields each
    default-mode word after the shorter words inside it, so the default-mode words are, from
    the text's start, the longest word starting where the one before ends. A Chinese question
    is cut once, for its keyword search, its terms and the places it names, and kept once."""
    longest: dict[int, int] = {}
    for _, start, end in _segment(text):
        longest[start] = max(end, longest.get(start, end))
    words = []
    start = 0
    while start in longest:
        end = longest[start]
        words.append((text[start:end], start, end))
        start = end
    return tuple(words)


@lru_cache(maxsize=SEGMENT_CACHE_SIZE)
def _segment(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(
        (word.lower(), start, end) for word, start, end in segmenter().tokenize(text, mode="search")
    )


@lru_cache(maxsize=SEGMENT_CACHE_SIZE)
def _analyse(text: str, language: Language) -> tuple[tuple[str, int, int], ...]:
    forms = KEYWORD_FORMS[language]
    stopwords = _stopwords(language)
    stemmer = _stemmer(forms.stemmer) if forms.stemmer else None
    words = []
    for match in _WORDS.finditer(text):
        word = _fold(match.group(), forms)
        if not word or word in stopwords:
            continue
        if word in forms.elisions and _ELIDED.match(text, match.end()):
            continue  # `l’` of `l’homme`: the word after it is matched on its own
        words.append((stemmer.stemWord(word) if stemmer else word, match.start(), match.end()))
    return tuple(words)


def _fold(word: str, forms: KeywordForms) -> str:
    word = word.lower()
    if forms.folds or forms.marks:
        word = "".join(forms.folds.get(char, char) for char in word if char not in forms.marks)
    for prefix, kept in forms.prefix_folds:
        if word.startswith(prefix) and len(word) >= len(prefix) + 3:
            return kept + word[len(prefix) :]
    return word


@cache
def _stopwords(language: Language) -> frozenset[str]:
    """The stop words dropped from a text in `language`, folded as its words are."""
    forms = KEYWORD_FORMS[language]
    return frozenset(
        _fold(word, forms) for language in forms.stop_languages for word in STOPWORDS[language]
    )


_PER_THREAD = threading.local()


def _stemmer(algorithm: str) -> snowballstemmer.stemmer:
    """This thread's Snowball stemmer of `algorithm`: a stemmer keeps state between words, so
    concurrent requests must not share one."""
    stemmers = _PER_THREAD.__dict__.setdefault("stemmers", {})
    if algorithm not in stemmers:
        # Imported here: the package loads all its 30-odd stemmers, which a text in a language
        # without one (a Chinese question, say) never needs.
        import snowballstemmer

        stemmers[algorithm] = snowballstemmer.stemmer(algorithm)
    return stemmers[algorithm]


@cache
def segmenter() -> jieba.Tokenizer:
    """jieba's segmenter, its dictionary read from `store.word_tables` (a few words at a time)
    instead of the half-second, 150 MB load jieba does itself: the same words, the same cuts."""
    segmenter = _TableSegmenter()
    segmenter.FREQ, segmenter.total = frequencies()
    segmenter.initialized = True
    return segmenter


class _TableSegmenter(jieba.Tokenizer):
    """jieba's segmenter over a `WordTable`: the words starting at each position of a run
    (jieba's DAG) found by one walk of the table's trie, with their frequencies, where jieba
    looks each longer prefix up in turn and each word's frequency up twice more; most of a
    Chinese text's segmenting went on those look-ups. jieba hands these methods only runs of
    Chinese letters, Latin letters, digits and `+#&._%-` (its `re_han_default`), which the
    trie can always look up. Its full mode (`cut_all`), which reads the DAG itself, is not
    used here."""

    def get_DAG(self, sentence: str) -> dict[int, dict[int, float]]:
        """For each position, the end of each word starting there and the log of its
        frequency; the character alone (at frequency 1) where no word starts."""
        table: WordTable = self.FREQ
        graph = {}
        for start in range(len(sentence)):
            # A word's every prefix is in the table, at 0 where it is no word of its own.
            words = {
                start + len(word) - 1: log(count)
                for word, key in table.prefixes(sentence[start:])
                if (count := table.number(key))
            }
            graph[start] = words or {start: 0.0}
        return graph

    def calc(self, sentence: str, graph: dict[int, dict[int, float]], route: dict) -> None:
        """jieba's best route through the words: the same sums in the same order."""
        size = len(sentence)
        route[size] = (0, 0)
        total = log(self.total)
        for start in range(size - 1, -1, -1):
            route[start] = max(
                (logged - total + route[end + 1][0], end) for end, logged in graph[start].items()
            )
