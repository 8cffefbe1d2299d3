"""Keyword search: Chinese is segmented into words, and BM25 scores equal a reference
implementation of the Lucene formula written out here."""

import math
from collections import Counter

import numpy as np
import pytest

from corpus import BUNDLED_CORPUS, read_resolutions
from store.keyword import FILES, KeywordIndex
from store.tokenize import tokens


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [p.text for r in read_resolutions([BUNDLED_CORPUS]) for p in r.paragraphs]


def reference_bm25(query: list[str], documents: list[list[str]], k1=1.5, b=0.75) -> list[float]:
    """Lucene's BM25, straight from the formula."""
    average = sum(map(len, documents)) / len(documents)
    frequency = Counter(word for document in documents for word in set(document))
    scores = []
    for document in documents:
        counts = Counter(document)
        score = 0.0
        for word in query:
            if word not in frequency:
                continue
            idf = math.log(1 + (len(documents) - frequency[word] + 0.5) / (frequency[word] + 0.5))
            tf = counts[word]
            score += idf * tf / (tf + k1 * (1 - b + b * len(document) / average))
        scores.append(score)
    return scores


def test_chinese_is_segmented_into_words():
    words = tokens("地方政府推进城市数字化时应当采取哪些数据保护和网络安全措施？")
    assert {"地方", "政府", "数字化", "数据保护", "网络安全"} <= set(words)
    assert (
        "哪些" not in words and "？" not in words
    )  # question words and punctuation carry no topic


def test_english_is_lower_cased_without_stopwords():
    words = tokens("Must the Rights that people have offline also be protected ONLINE?")
    assert {"rights", "people", "offline", "protected", "online"} <= set(words)
    assert not {"the", "that", "be", "?", "Rights"} & set(words)


@pytest.mark.parametrize(
    "question",
    [
        "地方政府推进城市数字化时应当采取哪些数据保护和网络安全措施？",
        "联合国公共服务日是哪一天？",
        "腐败对享有人权有哪些有害影响？",
    ],
)
def test_scores_equal_the_reference_formula(texts, question):
    index = KeywordIndex.build([tokens(text) for text in texts])
    expected = reference_bm25(tokens(question), [tokens(text) for text in texts])
    assert index.scores(question).tolist() == pytest.approx(expected, rel=1e-4, abs=1e-5)


def test_search_finds_the_paragraph_and_respects_the_row_filter(texts):
    index = KeywordIndex.build([tokens(text) for text in texts])
    best_row, _ = index.search("联合国公共服务日", 1)[0]
    assert "联合国公共服务日" in texts[best_row]
    others = [row for row in range(len(texts)) if row != best_row]
    assert best_row not in [row for row, _ in index.search("联合国公共服务日", 5, others)]


def test_a_question_with_no_known_word_finds_nothing(texts):
    assert KeywordIndex.build([tokens(t) for t in texts]).search("今天北京的天气怎么样？", 5) == []


def test_a_saved_index_loads_back_with_the_same_scores(texts, tmp_path):
    index = KeywordIndex.build([tokens(text) for text in texts])
    index.save(tmp_path)
    loaded = KeywordIndex.load(tmp_path, len(texts))
    question = "腐败对享有人权有哪些有害影响？"
    assert loaded.scores(question).tolist() == index.scores(question).tolist()


QUESTIONS = [
    "地方政府推进城市数字化时应当采取哪些数据保护和网络安全措施？",
    "腐败 腐败 对享有人权有哪些有害影响？",  # a word twice counts twice, as in bm25s
    "联合国公共服务日是哪一天？",
    "How does corruption affect human rights?",
    "今天北京的天气怎么样？",
]


def test_a_saved_index_scores_as_bm25s_itself_does(texts, tmp_path):
    # Loading and scoring are done without bm25s (see store.keyword): its own loader must read
    # the files and give the very same floats, over more rows than the corpus has.
    import bm25s

    rows = [tokens(text) for text in texts] * 30 + [[]]
    KeywordIndex.build(rows).save(tmp_path)
    ours = KeywordIndex.load(tmp_path, len(rows))
    theirs = bm25s.BM25.load(str(tmp_path), mmap=True, **FILES)
    assert ours.rows == len(rows)
    for question in QUESTIONS:
        known = [word for word in tokens(question) if word in theirs.vocab_dict]
        expected = theirs.get_scores(known) if known else np.zeros(len(rows), np.float32)
        assert ours.scores(question).tobytes() == expected.tobytes(), question


@pytest.mark.parametrize("k", [1, 5, 50, 400])
def test_search_gives_the_best_rows_of_all_scores_whatever_the_words_score(texts, k):
    # Over many rows, a question whose words score most rows is searched from a sample's
    # floor under its k-th best score: the rows, scores and order of ties are those of all.
    index = KeywordIndex.build([tokens(text) for text in texts] * 30)
    for question in [*QUESTIONS, "人权理事会", "联合国 人权 决议 国家"]:
        scores = index.scores(question)
        expected = sorted(np.flatnonzero(scores > 0).tolist(), key=lambda row: -scores[row])[:k]
        assert index.search(question, k) == [(row, float(scores[row])) for row in expected]


def plain_search(index: KeywordIndex, question: str, k: int, rows=None) -> list[tuple[int, float]]:
    """The search with no shortcut: every word's rows scattered in question order, then every
    scoring row sorted (ties in row order)."""
    scores = np.zeros(index.size, np.float32)
    for word in tokens(question):
        if word in index.vocabulary:
            column = index.vocabulary[word]
            start, end = index.indptr[column], index.indptr[column + 1]
            np.add.at(scores, index.indices[start:end], index.data[start:end])
    allowed = np.arange(index.size) if rows is None else np.asarray(rows)
    scored = [int(row) for row in allowed if scores[row] > 0]
    return [(row, float(scores[row])) for row in sorted(scored, key=lambda row: -scores[row])[:k]]


def adversarial_rows(count: int = 3000) -> list[list[str]]:
    """`every` in every row, `state` in most, `nation` in a few, many rows alike (ties), of
    lengths that differ."""
    rng = np.random.default_rng(0)
    rows = []
    for row in range(count):
        words = ["every"] + ["state"] * int(rng.random() < 0.7) + ["nation"] * int(row % 97 == 0)
        words += [f"filler{rng.integers(0, 20)}" for _ in range(rng.integers(0, 6))]
        rows.append(words if row % 3 else ["every", "state"])
    return rows


@pytest.mark.parametrize("k", [1, 10, 50, 400])
def test_search_gives_the_rows_and_scores_of_the_plain_search(texts, k):
    # Words in most rows are added as dense columns and the best rows are found from a
    # sample's floor: neither may change a row, a score or the order of ties.
    bundled = KeywordIndex.build([tokens(text) for text in texts] * 30)
    adversarial = KeywordIndex.build(adversarial_rows())
    cases = [
        (bundled, question)
        for question in [*QUESTIONS, "人权理事会", "联合国 人权 决议 国家", "人权 人权 人权"]
    ] + [
        (adversarial, question)
        for question in [
            "every",  # every row ties but for its length
            "every state",
            "state every state",  # a word twice counts twice
            "nation every filler3",
            "nowhere",  # a word in no row
            "nowhere every",
        ]
    ]
    assert np.diff(adversarial.indptr).max() == adversarial.size  # `every` is in every row
    some_rows = np.random.default_rng(1).choice(adversarial.size, 900, replace=False)
    for index, question in cases:
        for rows in (None, np.sort(some_rows) if index is adversarial else None):
            expected = plain_search(index, question, k, rows)
            assert index.search(question, k, rows) == expected, (question, k)
    assert adversarial.search("nowhere", k) == []


@pytest.mark.parametrize(
    "text",
    [
        "every",
        "state",
        "every state",
        "state every state",  # a word twice counts twice
        "nation every filler3",
        "filler1 every state nation",  # more words than are kept
    ],
)
def test_a_common_search_searched_again_gives_the_plain_search_whatever_k(text):
    # A common search of few words keeps its best rows after its first search over every row:
    # a later search for as many or fewer gives the same rows, scores and ties; one for more
    # finds them afresh, and one among some rows only never reads what was kept.
    index = KeywordIndex.build(adversarial_rows())
    some_rows = np.sort(np.random.default_rng(2).choice(index.size, 900, replace=False))
    for k in (10, 1, 10, 5, 11, 3, 50, 2):
        assert index.search(text, k) == plain_search(index, text, k), (text, k)
        assert index.search(text, k, some_rows) == plain_search(index, text, k, some_rows)


def test_searches_kept_beyond_their_number_still_give_the_plain_search(monkeypatch):
    # Past `KEPT_SEARCHES` the first kept go: what is searched after gives the same rows.
    monkeypatch.setattr("store.keyword.KEPT_SEARCHES", 2)
    index = KeywordIndex.build(adversarial_rows())
    texts = ["every", "every state", "state", "state every state", "every"]
    for text in texts * 2:
        assert index.search(text, 5) == plain_search(index, text, 5), text
    assert len(index._best_rows) == 2


def test_a_text_searched_again_finds_the_words_it_did():
    # The words of the short texts searched last are kept: the same text gives the same words, and
    # another text its own, whatever was searched before.
    index = KeywordIndex.build(adversarial_rows())
    for text in ("every state", "state", "every state", "Every", "nowhere every", "state", "Every"):
        assert index.search(text, 3) == plain_search(index, text, 3), text
