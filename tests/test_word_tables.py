"""jieba's word tables read a character at a time cut and weigh text exactly as jieba's own
dicts do."""

from __future__ import annotations

import json
from importlib import resources

import jieba
import pytest

from corpus import BUNDLED_CORPUS, read_resolutions
from store.base import passage_text
from store.tokenize import segmenter
from store.word_tables import frequencies, idf_weights


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
