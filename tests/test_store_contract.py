"""The paragraph store's contract, which every store must keep (store.base.ParagraphStore).

Each test runs against every implementation in `STORES`; a new store joins by adding a
factory there. Vectors come from the fake encoder: what is checked is the store's behaviour
(ids, filters, replacement, deletion, versions), not the model's quality.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from corpus import BUNDLED_CORPUS, Resolution, read_resolutions
from store.base import ParagraphStore, passage_text, passes
from store.faiss_store import FaissStore
from store.filters import Filters

MILVUS_LITE = importlib.util.find_spec("milvus_lite") and importlib.util.find_spec("pymilvus")


def _milvus_lite_store(home: Path, model: str, dimension: int) -> ParagraphStore:
    from store.milvus_store import MilvusStore

    return MilvusStore(home.with_suffix(".db"), model, dimension)


STORES: dict[str, Callable[[Path, str, int], ParagraphStore]] = {
    "faiss": lambda home, model, dimension: FaissStore(home, model, dimension),
    "milvus-lite": _milvus_lite_store,
}
SKIPPED = {
    "milvus-lite": None
    if MILVUS_LITE
    else "milvus-lite is not installed: pip install 'hrc-qa[milvus]' (make setup does)",
}


FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def corpus() -> dict[str, Resolution]:
    """The bundled corpus (in Chinese) by number, with the texts of every body (zh and en:
    tests/fixtures/bodies/) and 37/7 in the other languages (tests/fixtures/languages/) by key."""
    bundled = {r.number: r for r in read_resolutions([BUNDLED_CORPUS])}
    fixtures = read_resolutions(
        [*sorted((FIXTURES / "bodies").glob("*.*.*")), *(FIXTURES / "languages").glob("A_*")]
    )
    return bundled | {r.key: r for r in fixtures}


@pytest.fixture(
    params=[
        pytest.param(name, marks=pytest.mark.skip(reason=SKIPPED[name]))
        if SKIPPED.get(name)
        else name
        for name in STORES
    ]
)
def make_store(request, tmp_path, fake_encoder, corpus):
    """A function filling a new store of this kind with resolutions of the bundled corpus."""

    def make(*numbers: str) -> ParagraphStore:
        """A store holding these texts: numbers of the bundled corpus, keys of the fixtures."""
        store = STORES[request.param](tmp_path / "store", fake_encoder.name, fake_encoder.dimension)
        for number in numbers:
            add(store, corpus[number], fake_encoder)
        return store

    return make


def add(store: ParagraphStore, resolution: Resolution, encoder) -> None:
    texts = [passage_text(resolution, paragraph) for paragraph in resolution.paragraphs]
    store.add(resolution, encoder.encode_passages(texts))


def ids_of(resolution: Resolution) -> list[str]:
    return [resolution.paragraph_id(paragraph) for paragraph in resolution.paragraphs]


def test_paragraphs_are_kept_under_their_ids_with_their_resolution(make_store, corpus):
    store = make_store("37/7", "57/12")
    assert len(store) == 32 + 50
    [found] = store.get(["A/HRC/RES/57/12:OP8(a):zh"])
    assert (found.resolution.number, found.paragraph.label) == ("57/12", "OP8(a)")
    assert found.resolution.lead_in(found.paragraph)[0].label == "OP8"
    assert "A/HRC/RES/57/12:OP8(a):zh" in store and "A/HRC/RES/57/12:OP99:zh" not in store
    assert [r.number for r in store.resolutions()] == ["37/7", "57/12"]
    with pytest.raises(KeyError, match="OP99"):
        store.get(["A/HRC/RES/57/12:OP99:zh"])


def test_vectors_come_back_as_they_went_in(make_store, corpus, fake_encoder):
    store = make_store("36/29")
    resolution = corpus["36/29"]
    expected = fake_encoder.encode_passages(
        [passage_text(resolution, p) for p in resolution.paragraphs]
    )
    np.testing.assert_allclose(store.vectors(ids_of(resolution)[::-1]), expected[::-1], atol=1e-6)


def test_dense_search_ranks_by_cosine_within_the_filters(make_store, corpus, fake_encoder):
    store = make_store("36/29", "37/7", "51/5", "57/12")
    query = fake_encoder.encode_queries(["联合国公共服务日是哪一天？"])[0]
    for where in (
        Filters(),
        Filters(part="preambular"),
        Filters(resolutions=("51/5",)),
        Filters(years=(2018, None)),
        Filters(sessions=(None, 40)),
    ):
        allowed = [
            r.paragraph_id(p)
            for r in store.resolutions()
            for p in r.paragraphs
            if passes(where, r, p)
        ]
        cosines = store.vectors(allowed) @ query
        expected = [allowed[i] for i in np.argsort(-cosines, kind="stable")[:5]]
        found = store.dense_search(query, 5, where)
        assert [f.id for f in found] == expected, where
        np.testing.assert_allclose([f.score for f in found], np.sort(cosines)[::-1][:5], atol=1e-5)


def test_keyword_search_finds_the_words_within_the_filters(make_store):
    store = make_store("36/29", "37/7", "51/5", "57/12")
    best = store.keyword_search("联合国公共服务日", 3, Filters())
    # Only 37/7 OP8 and OP9 name the day; 51/5 PP16 has the other words many times over.
    assert {found.id for found in best} >= {"A/HRC/RES/37/7:OP8:zh", "A/HRC/RES/37/7:OP9:zh"}
    assert best[0].score >= best[1].score >= best[2].score > 0
    assert store.keyword_search("联合国公共服务日", 3, Filters(resolutions=("51/5",)))[
        0
    ].id.startswith("A/HRC/RES/51/5:")
    assert store.keyword_search("今天北京的天气怎么样", 3, Filters()) == []
    assert store.keyword_search("公共服务", 3, Filters(years=(1990, 1991))) == []


def test_adding_the_same_text_again_replaces_it(make_store, corpus, fake_encoder):
    store = make_store("37/7", "51/5")
    add(store, corpus["37/7"], fake_encoder)
    assert len(store) == 32 + 53
    assert sum(r.number == "37/7" for r in store.resolutions()) == 1


def test_deleting_paragraphs_and_whole_resolutions(make_store, corpus, fake_encoder):
    store = make_store("37/7", "51/5")
    assert [r.number for r in store.resolutions()] == ["37/7", "51/5"]  # read before a change
    store.delete(["A/HRC/RES/51/5:OP17(a):zh"])
    assert "A/HRC/RES/51/5:OP17(a):zh" not in store and len(store) == 32 + 52
    store.delete(ids_of(corpus["37/7"]))
    assert [r.number for r in store.resolutions()] == ["51/5"]
    hits = store.dense_search(np.ones(store.dimension, np.float32) / 16, 100, Filters())
    assert {hit.id.split(":")[0] for hit in hits} == {"A/HRC/RES/51/5"}
    with pytest.raises(KeyError, match="99/1"):
        store.delete(["A/HRC/RES/99/1:OP1:zh"])
    add(store, corpus["37/7"], fake_encoder)
    assert [r.number for r in store.resolutions()] == ["37/7", "51/5"]


def test_texts_of_a_resolution_follow_changes(make_store, corpus, fake_encoder):
    """`texts` is looked up once per answer and quote: what it gives follows every change."""
    store = make_store("37/7", "51/5")
    assert [r.key for r in store.texts("37/7")] == ["37/7.zh"]  # read before the changes
    add(store, corpus["37/7.en"], fake_encoder)
    assert [r.key for r in store.texts("37/7")] == ["37/7.en", "37/7.zh"]
    store.delete(ids_of(corpus["37/7"]))
    assert [r.key for r in store.texts("37/7")] == ["37/7.en"]
    store.delete(ids_of(corpus["37/7.en"]))
    assert store.texts("37/7") == () and [r.key for r in store.texts("51/5")] == ["51/5.zh"]


def test_a_saved_version_is_what_a_reader_reloads(make_store, fake_encoder):
    store = make_store("37/7")
    store.save()
    reader = type(store).load(store.home, fake_encoder.name, fake_encoder.dimension)
    assert reader.reloaded() is None
    query = fake_encoder.encode_queries(["公共服务日"])[0]
    assert reader.dense_search(query, 3, Filters()) == store.dense_search(query, 3, Filters())
    assert reader.keyword_search("公共服务日", 3, Filters()) == store.keyword_search(
        "公共服务日", 3, Filters()
    )
    store.delete(["A/HRC/RES/37/7:OP8:zh"])
    store.save()
    newer = reader.reloaded()
    assert newer is not None and "A/HRC/RES/37/7:OP8:zh" not in newer
    assert "A/HRC/RES/37/7:OP8:zh" in reader  # a reader in flight keeps what it had


def test_holds_text_finds_what_a_passage_holds_and_follows_changes(
    make_store, corpus, fake_encoder
):
    store = make_store("37/7", "A/RES/80/4.en")
    held = [passage_text(corpus["37/7"], p).lower() for p in corpus["37/7"].paragraphs]
    held += [
        passage_text(corpus["A/RES/80/4.en"], p).lower() for p in corpus["A/RES/80/4.en"].paragraphs
    ]
    other = passage_text(corpus["51/5"], corpus["51/5"].paragraphs[5]).lower()
    only_other = next(
        other[start : start + 6]
        for start in range(len(other))
        if not any(other[start : start + 6] in passage for passage in held)
    )
    assert store.holds_text(held[3][5:15]) and store.holds_text(held[-1][:12])
    assert store.holds_text("human rights council") and not store.holds_text("Human Rights")
    assert not store.holds_text(held[0][-3:] + held[1][:3])  # across two passages
    assert not store.holds_text(only_other)
    add(store, corpus["51/5"], fake_encoder)
    assert store.holds_text(only_other)
    store.save()
    reader = type(store).load(store.home, fake_encoder.name, fake_encoder.dimension)
    assert reader.holds_text(only_other) and reader.holds_text(held[3][5:15])
    store.delete(ids_of(corpus["51/5"]))
    assert not store.holds_text(only_other) and store.holds_text(held[3][5:15])


BODY_TEXTS = [
    f"{name}.{language}"
    for name in ("S-35/1", "A/RES/48/161", "A/RES/80/4", "S/RES/2720", "E/RES/2024/5")
    for language in ("en", "zh")
]


def test_every_body_is_kept_in_order_and_filtered_by(make_store, fake_encoder):
    store = make_store("57/12", *BODY_TEXTS)
    assert [r.key for r in store.resolutions()] == [
        "57/12.zh",
        "S-35/1.en",
        "S-35/1.zh",
        "A/RES/48/161.en",
        "A/RES/48/161.zh",
        "A/RES/80/4.en",
        "A/RES/80/4.zh",
        "S/RES/2720.en",
        "S/RES/2720.zh",
        "E/RES/2024/5.en",
        "E/RES/2024/5.zh",
    ]
    [annex] = store.get(["A/RES/80/4:AN2:en"])
    assert (annex.resolution.body, annex.paragraph.part) == ("ga", "annex")
    query = fake_encoder.encode_queries(["安全理事会要求所有当事方遵守国际人道主义法"])[0]
    everything = len(store)
    for where, names in (
        (Filters(bodies=("sc",)), {"S/RES/2720"}),
        (Filters(bodies=("ga", "ecosoc")), {"A/RES/48/161", "A/RES/80/4", "E/RES/2024/5"}),
        (Filters(resolutions=("A/RES/80/4",), part="annex"), {"A/RES/80/4"}),
        # A range of sessions leaves out what no regular session adopted: the Security
        # Council's, the Economic and Social Council's, a special session's.
        (Filters(sessions=(None, None)), {"57/12", "A/RES/48/161", "A/RES/80/4"}),
        (Filters(sessions=(50, None)), {"57/12", "A/RES/80/4"}),
        (Filters(years=(2023, 2023), bodies=("sc", "hrc")), {"S/RES/2720"}),
    ):
        found = store.dense_search(query, everything, where)
        assert {store.get([f.id])[0].resolution.name for f in found} == names, where
        assert {f.id for f in found} == {
            r.paragraph_id(p)
            for r in store.resolutions()
            for p in r.paragraphs
            if passes(where, r, p)
        }, where
    sc_words = "humanitarian assistance"
    assert store.keyword_search(sc_words, 5, Filters(bodies=("sc",)))
    assert store.keyword_search(sc_words, 5, Filters(bodies=("sc",), sessions=(1, None))) == []


@pytest.mark.parametrize("language", ["zh", "en", "fr", "es", "ru", "ar"])
def test_a_question_in_each_language_finds_the_paragraph_of_that_language(
    make_store, corpus, language
):
    """The same resolution in six languages: the question is read as its language's
    paragraphs are, and a paragraph's words find it among its versions in other languages."""
    store = make_store("37/7", *(f"37/7.{other}" for other in ("en", "fr", "es", "ru", "ar")))
    text = corpus["37/7" if language == "zh" else f"37/7.{language}"]
    paragraph = text.paragraphs[1]
    best = store.keyword_search(paragraph.text.upper(), 3, Filters())
    assert best[0].id == text.paragraph_id(paragraph)
    # Its texts are looked up by name, in the order `resolutions()` lists them.
    assert store.texts("37/7") == store.resolutions()
    assert [r.language for r in store.texts("37/7")] == ["ar", "en", "es", "fr", "ru", "zh"]
    assert store.texts("57/12") == ()
