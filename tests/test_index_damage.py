"""A damaged index version, in any way, is refused whole with a message saying what is wrong:
by the store (IndexUnavailable, never a KeyError, TypeError or UnicodeDecodeError), by the CLI
(exit code 2), and by a running assistant, which keeps answering from the version it has and
logs the damage once (issue 12, finding 4).

Each damage is applied to a new version published beside a good one, as a broken build or a
hand edit would leave it; the fake encoder keeps every case in milliseconds.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from conftest import open_assistant

from corpus import BUNDLED_CORPUS
from store.atomic import POINTER, IndexUnavailable, current_version, file_record, open_current
from store.faiss_store import FaissStore
from store.update import update
from web.answering import answer_question

Damage = Callable[[Path, Path], None]
"""Damages a home given it and a new version folder (a copy of the current one)."""


def manifest_of(version: Path) -> dict:
    return json.loads((version / "manifest.json").read_text(encoding="utf-8"))


def write_manifest(version: Path, manifest: object) -> None:
    (version / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def edit_manifest(change: Callable[[dict], object]) -> Damage:
    return lambda home, version: write_manifest(version, change(manifest_of(version)))


def rewrite(name: str, change: Callable[[Path], None]) -> Damage:
    """Change a file and record its new size and checksums: damage only a consistency check
    can find, as a buggy writer would leave it."""

    def damage(home: Path, version: Path) -> None:
        change(version / name)
        manifest = manifest_of(version)
        manifest["files"][name] = file_record(version / name)
        write_manifest(version, manifest)

    return damage


def pointer(content: bytes) -> Damage:
    return lambda home, version: (home / POINTER).write_bytes(content)


def set_json(value: object) -> Callable[[Path], None]:
    return lambda path: path.write_text(json.dumps(value), encoding="utf-8")


def without_field(name: str) -> Callable[[dict], dict]:
    return lambda manifest: {key: value for key, value in manifest.items() if key != name}


def first_resolution(change: Callable[[dict], None]) -> Callable[[Path], None]:
    def edit(path: Path) -> None:
        resolutions = json.loads(path.read_text(encoding="utf-8"))
        change(resolutions[0])
        path.write_text(json.dumps(resolutions, ensure_ascii=False), encoding="utf-8")

    return edit


def edit_array(change: Callable[[np.ndarray], np.ndarray]) -> Callable[[Path], None]:
    return lambda path: np.save(path, change(np.load(path)))


DAMAGES: dict[str, tuple[Damage, str]] = {
    # the manifest
    "manifest without files": (edit_manifest(without_field("files")), 'no "files" object'),
    "manifest of []": (lambda home, version: write_manifest(version, []), "not a JSON object"),
    "manifest of null": (lambda home, version: write_manifest(version, None), "not a JSON"),
    "manifest not JSON": (
        lambda home, version: (version / "manifest.json").write_bytes(b"{\xff"),
        "no readable manifest",
    ),
    "manifest nested too deep": (
        lambda home, version: (version / "manifest.json").write_text("[" * 100_000),
        "no readable manifest",
    ),
    "files as a list": (edit_manifest(lambda m: m | {"files": []}), 'no "files" object'),
    "a size as text": (
        edit_manifest(
            lambda m: (
                m | {"files": {**m["files"], "rows.json": {**m["files"]["rows.json"], "size": "9"}}}
            )
        ),
        "does not give 'rows.json' a size and a SHA-256",
    ),
    "a checksum that is not one": (
        edit_manifest(
            lambda m: (
                m
                | {
                    "files": {
                        **m["files"],
                        "rows.json": {**m["files"]["rows.json"], "xxh3_128": "0" * 31},
                    }
                }
            )
        ),
        "does not give 'rows.json' an XXH3-128 checksum",
    ),
    "a file entry of null": (
        edit_manifest(lambda m: m | {"files": {**m["files"], "rows.json": None}}),
        "does not give 'rows.json' a size",
    ),
    "a file outside the version": (
        edit_manifest(
            lambda m: m | {"files": {**m["files"], "../CURRENT": m["files"]["rows.json"]}}
        ),
        "lists '../CURRENT', which is not a file of the version",
    ),
    "an absolute file": (
        edit_manifest(lambda m: m | {"files": {**m["files"], "/etc/hostname": {}}}),
        "lists '/etc/hostname'",
    ),
    "rows.json not listed": (
        edit_manifest(
            lambda m: m | {"files": {k: v for k, v in m["files"].items() if k != "rows.json"}}
        ),
        "does not list rows.json",
    ),
    "no format": (edit_manifest(without_field("format")), "has format None"),
    "no model": (edit_manifest(without_field("model")), "built with the model None"),
    "a dimension as text": (edit_manifest(lambda m: m | {"dimension": "16"}), "built with"),
    "another paragraph count": (
        edit_manifest(lambda m: m | {"paragraphs": 3}),
        "counts other paragraphs",
    ),
    # the pointer
    "pointer not UTF-8": (pointer(b"v17\xff\xfe"), "does not name a version"),
    "pointer naming a missing version": (pointer(b"v123"), "names the version v123, which is"),
    "pointer outside the home": (pointer(b"../elsewhere"), "does not name a version"),
    "pointer to an absolute path": (pointer(b"/tmp"), "does not name a version"),
    "pointer empty": (pointer(b""), "does not name a version"),
    "pointer huge": (pointer(b"v1" * 1_000_000), "does not name a version"),
    # files whose SHA-256 the manifest records, but which do not agree
    "rows as an object": (rewrite("rows.json", set_json({"a": 1})), "not a list"),
    "rows naming an unknown paragraph": (
        rewrite("rows.json", set_json(["A/HRC/RES/99/1:OP1:zh"])),
        "inconsistent",
    ),
    "resolutions of the wrong shape": (
        rewrite("resolutions.json", set_json([1, 2])),
        "Expected `object`, got `int` - at `$[0]`",
    ),
    "a resolution number that is not text": (
        rewrite("resolutions.json", first_resolution(lambda r: r.update(number=5))),
        "Expected `str`, got `int` - at `$[0].number`",
    ),
    "a paragraph of another part": (
        rewrite(
            "resolutions.json",
            first_resolution(lambda r: r["paragraphs"][0].update(part="appendix")),
        ),
        "Invalid enum value 'appendix' - at `$[0].paragraphs[0].part`",
    ),
    "a paragraph number that is a boolean": (
        rewrite(
            "resolutions.json",
            first_resolution(lambda r: r["paragraphs"][0].update(number=True)),
        ),
        "Expected `int`, got `bool` - at `$[0].paragraphs[0].number`",
    ),
    "an adoption date that is no date": (
        rewrite("resolutions.json", first_resolution(lambda r: r.update(adopted="2017-13-40"))),
        "Invalid RFC3339 encoded date - at `$[0].adopted`",
    ),
    "vectors of another dimension": (
        rewrite("vectors.npy", lambda path: np.save(path, np.zeros((3, 5), np.float32))),
        "vectors of shape",
    ),
    "keyword words as a list": (
        rewrite("keyword.vocab.json", set_json(["a", "b"])),
        "keyword index's words and scores do not add up",
    ),
    "keyword params of another method": (
        rewrite("keyword.params.json", set_json({"method": "bm25+", "num_docs": 168})),
        "not a Lucene BM25 index",
    ),
    "word offsets that do not add up": (
        rewrite("word_offsets.npy", lambda path: np.save(path, np.array([0, 5], np.int64))),
        "do not add up",
    ),
    "substring rows beyond the paragraphs": (
        rewrite("substrings.rows.npy", edit_array(lambda rows: rows + np.uint32(168))),
        "substring index does not add up for 168 paragraphs",
    ),
    "substring rows of another type": (
        rewrite("substrings.rows.npy", edit_array(lambda rows: rows.astype(np.int64))),
        "substring index does not add up",
    ),
    "substring offsets that do not add up": (
        rewrite("substrings.offsets.npy", edit_array(lambda offsets: offsets[:-1])),
        "substring index does not add up",
    ),
    "substring bigrams out of order": (
        rewrite("substrings.pairs.npy", edit_array(lambda pairs: pairs[::-1].copy())),
        "substring index does not add up",
    ),
    "substring characters as text": (
        rewrite("substrings.chars.npy", lambda path: path.write_text("中文", encoding="utf-8")),
        "inconsistent",
    ),
    "no substring index": (
        edit_manifest(
            lambda m: m | {"files": {k: v for k, v in m["files"].items() if "substrings" not in k}}
        ),
        "does not list substrings.chars.npy",
    ),
}


@pytest.fixture
def home(fake_index_home, tmp_path) -> Path:
    """A copy of the fake-encoder index of the bundled corpus, to damage."""
    copy = tmp_path / "index"
    shutil.copytree(fake_index_home, copy)
    return copy


def publish_damaged(home: Path, damage: Damage) -> None:
    """A new version, a copy of the current one, made current and then damaged."""
    current = home / (current_version(home) or "")
    version = home / f"v{int(current.name[1:]) + 1}"
    shutil.copytree(current, version)
    (home / POINTER).write_text(version.name, encoding="utf-8")
    damage(home, version)


@pytest.mark.parametrize("case", DAMAGES)
def test_the_store_refuses_each_damage_saying_what_is_wrong(home, fake_encoder, case):
    damage, reason = DAMAGES[case]
    publish_damaged(home, damage)
    with pytest.raises(
        IndexUnavailable, match="rebuild it with `hrc-qa index --rebuild`"
    ) as raised:
        FaissStore.load(home, fake_encoder.name, fake_encoder.dimension)
    assert reason in str(raised.value)


@pytest.mark.parametrize("case", DAMAGES)
def test_the_cli_says_what_is_wrong_and_exits_2(hrc_qa, home, case):
    damage, reason = DAMAGES[case]
    publish_damaged(home, damage)
    for command in (["ask", "腐败"], ["ask", "腐败", "--json"], ["index"]):
        result = hrc_qa(*command, "--index", home)
        assert result.exit_code == 2, (command, result.exception)
        assert reason in " ".join(result.stderr.split()), result.stderr


@pytest.mark.parametrize("case", DAMAGES)
def test_an_assistant_keeps_answering_from_its_version_and_logs_the_damage_once(
    home, fake_encoder, caplog, case
):
    damage, reason = DAMAGES[case]
    assistant = open_assistant(home, fake_encoder)
    before = answer_question(assistant, "联合国公共服务日是哪一天？").to_dict()
    loaded = assistant.store.version
    publish_damaged(home, damage)
    with caplog.at_level(logging.WARNING, logger="hrc-qa.app"):
        answers = [answer_question(assistant, "联合国公共服务日是哪一天？") for _ in range(3)]
    assert [answer.to_dict() for answer in answers] == [before] * 3
    assert assistant.store.version == loaded
    logged = [record for record in caplog.records if record.name == "hrc-qa.app"]
    assert len(logged) == 1 and logged[0].levelno == logging.WARNING, logged
    assert "keeping the loaded index" in logged[0].getMessage()
    assert reason in " ".join(logged[0].getMessage().split())


def test_after_a_damaged_version_the_next_good_one_is_taken_up(home, fake_encoder, caplog):
    assistant = open_assistant(home, fake_encoder)
    publish_damaged(home, DAMAGES["manifest without files"][0])
    answer_question(assistant, "腐败")
    english = Path(__file__).parent / "fixtures" / "layouts" / "A_HRC_RES_37_7.en.txt"
    update(home, fake_encoder, [BUNDLED_CORPUS, english], rebuild=True)  # as the message says
    answer_question(assistant, "腐败")
    assert assistant.store.version == current_version(home)
    assert "37/7.en" in {resolution.key for resolution in assistant.resolutions()}


def test_a_rebuild_replaces_a_damaged_pointer(hrc_qa, home):
    (home / POINTER).write_bytes(b"\xff\xfe../../etc")
    assert hrc_qa("ask", "腐败", "--index", home).exit_code == 2
    rebuilt = hrc_qa("index", "--rebuild", "--index", home)
    assert rebuilt.exit_code == 0, rebuilt.stderr
    assert open_current(home)[0].name == current_version(home)
    assert hrc_qa("ask", "腐败", "--index", home).exit_code == 0


@pytest.mark.parametrize("case", ["manifest without files", "pointer not UTF-8", "manifest of []"])
def test_the_apps_pages_and_api_keep_serving_after_a_damaged_version(home, fake_encoder, case):
    from fastapi.testclient import TestClient

    from web.server import create_app
    from web.settings import Settings

    assistant = open_assistant(home, fake_encoder)
    with TestClient(create_app(assistant, Settings())) as client:
        publish_damaged(home, DAMAGES[case][0])
        page = client.get("/resolution/57-12?lang=zh")
        answer = client.post("/api/v1/ask", json={"question": "联合国公共服务日是哪一天？"})
    assert page.status_code == 200 and "地方政府与人权" in page.text
    assert answer.status_code == 200 and answer.json()["status"] == "ok"
