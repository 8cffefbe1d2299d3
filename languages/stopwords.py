"""Words that carry no topic, in each language: the table `store.tokenize` drops from keyword
search.

English is bm25s's `STOPWORDS_EN_PLUS`; Chinese is a short list of our own: function words and
the question words a user asks with (`哪些`, `如何`).
"""

from __future__ import annotations

from bm25s.stopwords import STOPWORDS_EN_PLUS

from languages import Language

STOPWORDS: dict[Language, frozenset[str]] = {
    "zh": frozenset(
        "的 了 和 与 及 或 在 是 对 为 于 以 把 被 将 等 其 之 这 那 哪 吗 呢 吧 啊 也 都 就 并 而 又 还 "
        "时 中 上 下 各 有 从 向 由 所 该 此 年 月 日 个 条 项 段 "
        "哪些 什么 如何 怎样 怎么 哪项 哪个 哪一 哪一届 是否 为什么 多少 哪里 应当 应该 可以 关于 "
        "有关 以及 进行 方面 采取 作出 起 做".split()
    ),
    "en": frozenset(STOPWORDS_EN_PLUS),
}
