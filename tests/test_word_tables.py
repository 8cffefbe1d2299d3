"""jieba's word tables, looked up in place, cut and weigh text exactly as jieba's own dicts do,
keep nothing per word looked up, and say clearly when their files are damaged."""

from __future__ import annotations

import json
import shutil
import tracemalloc
from importlib import resources

import jieba
import pytest

from corpus import BUNDLED_CORPUS, read_resolutions
from store import word_tables
from store.atomic import VersionUnavailable
from store.base import passage_text
from store.tokenize import _segment, cut_spans, segmenter
from store.word_tables import WordTable, frequencies, idf_weights


@pytest.fixture(scope="module")
def texts() -> list[str]:
    paragraphs = [
        passage_text(resolution, paragraph)
        for resolution in read_resolutions([BUNDLED_CORPUS])
        for paragraph in resolution.paragraphs
    ]
    with open("eval/dev.jsonl", encoding="utf-8") as lines:
        questions = [json.loads(line)["q"] for line in lines if line.strip()]
    return [*paragraphs, *questions, "Ｆｕｌｌ width ＡＢＣ 与 emoji 😀 混排", "", "\t\n"]


@pytest.mark.parametrize("mode", ["default", "search"])
def test_the_segmenter_cuts_as_jieba_does(texts, mode):
    for text in texts:
        assert list(segmenter().tokenize(text, mode=mode)) == list(jieba.tokenize(text, mode))


def test_a_text_cut_once_gives_jiebas_words_in_both_modes(texts):
    """A question is cut once, in search mode, and kept (`_segment`); its default-mode words,
    which its terms and the places it names are read from, are read from those: both are
    jieba's own."""
    for text in texts:
        searched = jieba.tokenize(text, "search")
        assert _segment(text) == tuple((word.lower(), start, end) for word, start, end in searched)
        assert cut_spans(text) == tuple(jieba.tokenize(text))


def test_the_tables_hold_jiebas_numbers():
    table, total = frequencies()
    jieba.dt.check_initialized()
    assert total == jieba.dt.total
    for word in ("联合国", "联合", "人权", "数据保护", "联"):  # "联": a prefix, at 0
        assert table[word] == jieba.dt.FREQ[word]
    assert "不是一个词的字串" not in table and table.get("不是一个词的字串") is None
    idf = (resources.files("jieba") / "analyse" / "idf.txt").read_text("utf-8").splitlines()
    for line in idf[:: len(idf) // 50]:
        word, _, value = line.partition(" ")
        assert idf_weights()[word] == float(value)
    assert idf_weights().get("不是一个词的字串", 12.0) == 12.0


def test_words_no_table_can_hold_are_simply_not_found():
    table, _ = frequencies()
    assert "人权" in table
    # The trie's keys are UTF-8 ended by a zero byte: neither may pass for a word it holds.
    assert "人权\x00" not in table and table.get("人权\x00") is None
    assert "\ud800" not in table and idf_weights().get("人\ud800", 12.0) == 12.0
    with pytest.raises(KeyError):
        table["人权\x00"]


def test_looking_words_up_keeps_nothing(texts):
    """However many distinct texts a server segments, the tables hold what they held at start
    (they used to keep every first character's words they had decoded)."""
    table, _ = frequencies()
    weights = idf_weights()
    words = [word for text in texts for word, _, _ in segmenter().tokenize(text, mode="search")]
    held = tracemalloc.Filter(True, word_tables.__file__)
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot().filter_traces([held])
        for text in texts:
            list(segmenter().tokenize(text, mode="search"))
        counted = sum(table.get(word, 0) > 0 for word in words)
        weighed = sum(weights.get(word) is not None for word in words)
        after = tracemalloc.take_snapshot().filter_traces([held])
    finally:
        tracemalloc.stop()
    assert counted > len(words) / 2 and weighed > len(words) / 2
    assert before.statistics("filename") == []
    # Python keeps a few freed floats for reuse instead of freeing them, so one a look-up made
    # may still be counted; a cache would hold one for each of the thousands of words.
    assert len(words) > 5_000
    assert sum(statistic.count for statistic in after.statistics("filename")) <= 2


@pytest.fixture
def small_table(tmp_path):
    word_tables.write(tmp_path, "small", {"人权": 7, "人": 0, "联合国": 3}, int)
    return tmp_path


def test_a_written_table_reads_back(small_table):
    table = WordTable(small_table, "small", int)
    assert (table["人权"], table["人"], table.get("联合国"), table.get("国")) == (7, 0, 3, None)
    assert type(table["人权"]) is int


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda words, numbers: words.write_bytes(words.read_bytes()[:40]), id="short"),
        pytest.param(lambda words, numbers: words.write_bytes(b"x" * 4096), id="not-a-trie"),
        pytest.param(lambda words, numbers: numbers.write_bytes(b"\x93NUMPY"), id="numbers"),
        pytest.param(
            lambda words, numbers: (
                word_tables.write(numbers.parent, "other", {"人权": 1, "人": 0}, int)
                or shutil.copy(numbers.with_name("other.numbers.npy"), numbers)
            ),
            id="too-few-numbers",
        ),
    ],
)
def test_a_damaged_table_is_a_clear_error(small_table, damage):
    words, numbers = (small_table / name for name in word_tables.files("small"))
    damage(words, numbers)
    with pytest.raises(
        VersionUnavailable, match=r"word tables in .* are damaged.*delete the folder"
    ):
        WordTable(small_table, "small", int)
