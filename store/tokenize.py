"""Words of a question or a paragraph, for keyword search and for highlighting.

Chinese has no spaces: a run of Chinese characters is segmented by jieba in its search mode,
which also yields the shorter words inside a long one (`数据保护` → `数据`, `保护`,
`数据保护`), so that a question matches a paragraph that words it a little differently.
English is split on word boundaries and lower-cased. Function words and question words carry
no topic and are dropped.
"""

from __future__ import annotations

import logging
import re
from functools import cache

import jieba
from bm25s.stopwords import STOPWORDS_EN_PLUS

jieba.setLogLevel(logging.WARNING)

_CHINESE_STOPWORDS = frozenset(
    "的 了 和 与 及 或 在 是 对 为 于 以 把 被 将 等 其 之 这 那 哪 吗 呢 吧 啊 也 都 就 并 而 又 还 "
    "时 中 上 下 各 有 从 向 由 所 该 此 年 月 日 个 条 项 段 "
    "哪些 什么 如何 怎样 怎么 哪项 哪个 哪一 哪一届 是否 为什么 多少 哪里 应当 应该 可以 关于 "
    "有关 以及 进行 方面 采取 作出 起 做".split()
)
_STOPWORDS = _CHINESE_STOPWORDS | frozenset(STOPWORDS_EN_PLUS)
_WORD = re.compile(r"\w", re.UNICODE)


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """Each searchable word of `text` with its start and end offsets in `text`."""
    return [
        (word, start, end)
        for word, start, end in _segment(text)
        if _WORD.search(word) and word not in _STOPWORDS
    ]


def tokens(text: str) -> list[str]:
    """The searchable words of `text`, in order, repeats kept (BM25 counts them)."""
    return [word for word, _, _ in token_spans(text)]


@cache
def _segment(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(
        (word.lower(), start, end) for word, start, end in jieba.tokenize(text, mode="search")
    )
