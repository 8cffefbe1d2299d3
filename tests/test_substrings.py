"""The substring index (store.substrings) answers as the substring test it replaces.

The no-match signals looked each question term up in every stored passage, lower-cased and
joined by newlines (`term in corpus_text`); its model (qa/relevance.json) was fitted on those
answers, so the index must give the same answer for every string a term can be: random
substrings of passages, near-misses, strings across two passages, one character, mixed
scripts, upper case.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import store.substrings
from corpus import BUNDLED_CORPUS, read_resolutions
from store.base import StoredParagraph, passage_text, substring_index
from store.faiss_store import FaissStore
from store.substrings import SubstringIndex
from store.tokenize import segmenter

ROOT = Path(__file__).resolve().parents[1]
ALPHABET = "abcAB人权理事会决议中的́ßİΣσςЖжفساد𝒜😀 -/0123456789\udcff"
"""Chinese, Latin with upper case, a combining accent, letters whose lower case is longer
(İ) or depends on the word's end (Σ), Cyrillic, Arabic, characters beyond the 16-bit plane,
a lone surrogate (what undecodable bytes of a command line become)."""


def scan(text: str, passages: list[str]) -> bool:
    """The test the index replaces: `qa.signals` looked for `text` in this string."""
    return text in "\n".join(passages)


def looked_for(passages: list[str], rng: random.Random) -> list[str]:
    """Strings to look up: substrings of passages and near-misses of them, strings across
    two passages, single characters, random strings, upper case."""
    strings: list[str] = []
    for _ in range(3000):
        passage = rng.choice(passages)
        start = rng.randrange(len(passage) + 1)
        found = passage[start : start + rng.randint(1, 12)]
        strings.append(found)
        if found:
            position = rng.randrange(len(found))
            strings.append(found[:position] + rng.choice(ALPHABET) + found[position + 1 :])
            strings.append(found + rng.choice(ALPHABET))
            strings.append(found.upper())
        first, second = rng.sample(range(len(passages)), 2)
        strings.append(
            passages[first][-rng.randint(1, 6) :] + passages[second][: rng.randint(1, 6)]
        )
        strings.append("".join(rng.choices(ALPHABET, k=rng.randint(1, 5))))
    return strings + list(ALPHABET) + list(ALPHABET.upper()) + ["\U0010ffff", "zz"]


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks small enough that building and filtering cross several of them."""
    monkeypatch.setattr(store.substrings, "_BUILD_ROWS", 97)
    monkeypatch.setattr(store.substrings, "_CHECKED_ROWS", 5)


def test_random_strings_are_found_exactly_where_a_scan_finds_them(small_chunks):
    rng = random.Random(7)
    passages = [
        "".join(rng.choices(ALPHABET, k=rng.choice([0, 1, 2, rng.randint(3, 40)]))).lower()
        for _ in range(1000)
    ]
    index = SubstringIndex.build(passages, passages.__getitem__)
    strings = [text for text in looked_for(passages, rng) if "\n" not in text]
    answers = [index.holds(text) for text in strings]
    assert answers == [scan(text, passages) for text in strings]
    assert 0.2 < sum(answers) / len(answers) < 0.8  # both answers are well represented


def test_answers_kept_are_the_answers_looked_up(small_chunks, monkeypatch):
    """Strings asked again and again, some longer than those kept, more than are kept."""
    monkeypatch.setattr(store.substrings, "KEPT_ANSWERS", 7)
    monkeypatch.setattr(store.substrings, "KEPT_LENGTH", 5)
    rng = random.Random(11)
    passages = ["".join(rng.choices(ALPHABET, k=rng.randint(3, 40))).lower() for _ in range(300)]
    index = SubstringIndex.build(passages, passages.__getitem__)
    strings = [text for text in looked_for(passages, rng)[:40] if "\n" not in text]
    asked = [text for _ in range(3) for text in rng.sample(strings, len(strings))]
    assert [index.holds(text) for text in asked] == [scan(text, passages) for text in asked]
    assert any(len(text) > 5 for text in strings)
    assert len(index._answers) == 7


def test_a_string_across_two_passages_is_not_found():
    passages = ["人权理事会", "决议"]
    index = SubstringIndex.build(passages, passages.__getitem__)
    assert index.holds("理事会") and index.holds("决议") and index.holds("会")
    assert not index.holds("会决") and not index.holds("事会决议")


def test_the_corpus_and_the_questions_words_are_found_as_by_a_scan(small_chunks):
    """The bundled corpus, with every word and sub-word jieba makes of the eval questions
    (what `qa.signals.coverage` looks up) and random pieces of its passages."""
    resolutions = read_resolutions([BUNDLED_CORPUS])
    entries = [
        StoredParagraph(resolution.paragraph_id(paragraph), resolution, paragraph)
        for resolution in resolutions
        for paragraph in resolution.paragraphs
    ]
    passages = [passage_text(entry.resolution, entry.paragraph).lower() for entry in entries]
    index = substring_index(entries)
    rng = random.Random(3)
    words = {
        word.lower()
        for path in ("eval/dev.jsonl", "eval/extra.jsonl", "eval/trust/calibration.jsonl")
        for line in (ROOT / path).read_text(encoding="utf-8").splitlines()
        for word, _, _ in segmenter().tokenize(line, mode="search")
        if word.strip()
    }
    strings = sorted(words) + looked_for(passages, rng)
    answers = [index.holds(text) for text in strings]
    assert answers == [scan(text, passages) for text in strings]
    assert 0.2 < sum(answers) / len(answers) < 0.8


def test_a_saved_store_answers_as_the_store_it_was_saved_from(tmp_path, fake_encoder):
    resolutions = read_resolutions([BUNDLED_CORPUS])
    built = FaissStore(tmp_path, fake_encoder.name, fake_encoder.dimension)
    for resolution in resolutions:
        texts = [passage_text(resolution, paragraph) for paragraph in resolution.paragraphs]
        built.add(resolution, fake_encoder.encode_passages(texts))
    built.save()
    loaded = FaissStore.load(tmp_path, fake_encoder.name, fake_encoder.dimension)
    passages = [passage_text(r, p).lower() for r in resolutions for p in r.paragraphs]
    strings = looked_for(passages, random.Random(5))
    assert [loaded.holds_text(text) for text in strings] == [
        built.holds_text(text) for text in strings
    ]
    assert [loaded.holds_text(text) for text in strings] == [
        scan(text, passages) for text in strings
    ]


def test_an_empty_store_holds_only_the_empty_string():
    index = SubstringIndex.build([], [].__getitem__)
    assert index.holds("") and not index.holds("a") and not index.holds("人权")
    index = SubstringIndex.build(["", "a"], ["", "a"].__getitem__)
    assert index.holds("a") and not index.holds("ab")
