"""`store.update`: the library call behind `hrc-qa index`, with the fake encoder."""

from __future__ import annotations

import json

import pytest

from corpus import BUNDLED_CORPUS, ResolutionError
from store.atomic import IndexUnavailable, current_version
from store.base import passage_text
from store.faiss_store import FaissStore
from store.update import update

FILE = {
    n: BUNDLED_CORPUS / f"A_HRC_RES_{n.replace('/', '_')}.zh.txt"
    for n in ("36/29", "37/7", "51/5", "57/12")
}


@pytest.fixture
def home(tmp_path, fake_encoder):
    """A store of 36/29, 37/7 and 51/5."""
    report = update(tmp_path, fake_encoder, [FILE["36/29"], FILE["37/7"], FILE["51/5"]])
    assert report.added == ("36/29.zh", "37/7.zh", "51/5.zh") and report.version
    return tmp_path


def stored(home, encoder) -> FaissStore:
    return FaissStore.load(home, encoder.name, encoder.dimension)


def keys(store: FaissStore) -> set[str]:
    return {p.key for r in store.resolutions() for p in r.paragraphs}


def test_adding_a_resolution_embeds_only_its_new_passages(home, fake_encoder):
    report = update(home, fake_encoder, [FILE["57/12"]])
    # 50 paragraphs, of which two are word for word in the others (`决定继续处理此事。`, PP1).
    assert report.added == ("57/12.zh",) and report.embedded == 48
    assert (report.resolutions, report.paragraphs) == (4, 168)
    assert "A/HRC/RES/57/12:OP8(a):zh" in stored(home, fake_encoder)


def test_an_unchanged_resolution_embeds_and_saves_nothing(home, fake_encoder):
    version = current_version(home)
    report = update(home, fake_encoder, [FILE["37/7"]])
    assert report.unchanged == ("37/7.zh",) and report.embedded == 0
    assert report.version is None and current_version(home) == version


def test_a_changed_resolution_replaces_it(home, fake_encoder, tmp_path_factory):
    edited = tmp_path_factory.mktemp("edited") / "37_7.txt"
    text = FILE["37/7"].read_text(encoding="utf-8")
    edited.write_text(text.replace("“联合国公共服务日”", "“联合国公共服务周”"), encoding="utf-8")
    before = keys(stored(home, fake_encoder))
    report = update(home, fake_encoder, [edited])
    assert report.replaced == ("37/7.zh",) and report.embedded == 2  # OP8 and OP9 say it
    store = stored(home, fake_encoder)
    assert keys(store) == before
    assert "公共服务周" in store.get(["A/HRC/RES/37/7:OP8:zh"])[0].paragraph.text


def test_removing_a_resolution_removes_exactly_its_paragraphs(home, fake_encoder):
    before = stored(home, fake_encoder)
    report = update(home, fake_encoder, remove=["51/5"])
    assert report.removed == ("51/5.zh",) and report.embedded == 0
    after = stored(home, fake_encoder)
    assert {k for k in keys(before) - keys(after)} == {
        k for k in keys(before) if k.startswith("51/5 ")
    }
    ids = [r.paragraph_id(p) for r in after.resolutions() for p in r.paragraphs]
    assert (after.vectors(ids) == before.vectors(ids)).all()  # vectors follow their paragraphs


@pytest.mark.parametrize("remove", [["99/1"], ["51/5.en"]])
def test_removing_what_is_not_indexed_changes_nothing(home, fake_encoder, remove):
    version = current_version(home)
    with pytest.raises(KeyError, match=remove[0].replace(".", r"\.")):
        update(home, fake_encoder, remove=remove)
    assert current_version(home) == version


def test_a_bad_file_in_a_batch_is_refused_and_the_rest_indexed(
    home, fake_encoder, tmp_path_factory
):
    bad = tmp_path_factory.mktemp("bad") / "notes.txt"
    bad.write_text("这不是一项决议。\n", encoding="utf-8")
    report = update(home, fake_encoder, [FILE["57/12"], bad, FILE["37/7"]])
    outcomes = [(file.path.name, file.outcome, file.resolution) for file in report.files]
    assert outcomes == [
        ("A_HRC_RES_57_12.zh.txt", "indexed", "57/12.zh"),
        ("notes.txt", "refused", None),
        ("A_HRC_RES_37_7.zh.txt", "unchanged", "37/7.zh"),
    ]
    assert isinstance(report.refused[0].error, ResolutionError)
    assert "notes.txt" in str(report.refused[0].error)
    assert report.added == ("57/12.zh",) and report.version == current_version(home)
    assert "57/12.zh" in {r.key for r in stored(home, fake_encoder).resolutions()}


def test_a_rebuild_with_a_refused_file_publishes_nothing(home, fake_encoder, tmp_path_factory):
    bad = tmp_path_factory.mktemp("bad") / "notes.txt"
    bad.write_text("这不是一项决议。\n", encoding="utf-8")
    version = current_version(home)
    report = update(home, fake_encoder, [FILE["57/12"], bad], rebuild=True)
    assert report.version is None and len(report.refused) == 1
    assert current_version(home) == version
    assert len(stored(home, fake_encoder).resolutions()) == 3


def test_rebuild_keeps_exactly_what_it_is_given(home, fake_encoder):
    report = update(home, fake_encoder, [FILE["57/12"]], rebuild=True)
    assert report.added == ("57/12.zh",) and report.paragraphs == 50
    assert {r.number for r in stored(home, fake_encoder).resolutions()} == {"57/12"}


class _OtherModel:
    """The fake encoder under another name, as when the default model or backend changes."""

    name = "fake/another-model"

    def __init__(self, encoder) -> None:
        self.dimension = encoder.dimension
        self.encode_queries = encoder.encode_queries
        self.encode_passages = encoder.encode_passages


def test_an_index_of_another_model_is_embedded_again_with_all_it_held(
    home, fake_encoder, tmp_path_factory
):
    own = tmp_path_factory.mktemp("own") / "users_own_37_7.txt"
    text = FILE["37/7"].read_text(encoding="utf-8")
    own.write_text(text.replace("“联合国公共服务日”", "“联合国公共服务周”"), encoding="utf-8")
    update(home, fake_encoder, [own])  # a user's own version of a text, kept only in the index
    before = {p.key: p.text for r in stored(home, fake_encoder).resolutions() for p in r.paragraphs}
    other = _OtherModel(fake_encoder)
    with pytest.raises(IndexUnavailable, match=r"`hrc-qa index` embeds what it holds again"):
        FaissStore.load(home, other.name, other.dimension)

    report = update(home, other, [FILE["57/12"]])

    assert report.reembedded_from == fake_encoder.name and report.added == ("57/12.zh",)
    store = stored(home, other)
    distinct = {passage_text(r, p) for r in store.resolutions() for p in r.paragraphs}
    assert (report.resolutions, report.paragraphs, report.embedded) == (4, 168, len(distinct))
    after = {p.key: p.text for r in store.resolutions() for p in r.paragraphs}
    assert {k: v for k, v in after.items() if not k.startswith("57/12")} == before
    assert "公共服务周" in store.get(["A/HRC/RES/37/7:OP8:zh"])[0].paragraph.text
    with pytest.raises(IndexUnavailable, match="built with the model 'fake/another-model'"):
        stored(home, fake_encoder)


def test_a_record_naming_no_model_is_not_embedded_again(home, fake_encoder):
    manifest = home / current_version(home) / "manifest.json"
    record = json.loads(manifest.read_text(encoding="utf-8"))
    del record["model"]
    manifest.write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(IndexUnavailable, match=r"built with the model None.*--rebuild"):
        update(home, fake_encoder, [FILE["57/12"]])
