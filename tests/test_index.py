"""The paragraph index with the real model: add, replace and remove change exactly one
resolution's paragraphs; another model, a damaged file or a killed build never gives wrong
answers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from corpus import BUNDLED_CORPUS, read_resolution, read_resolutions
from embeddings.index import ParagraphIndex
from store.atomic import IndexUnavailable

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def resolutions():
    return {r.number: r for r in read_resolutions([BUNDLED_CORPUS])}


@pytest.fixture(scope="module")
def three(resolutions, encoder):
    """An index of 36/29, 37/7 and 51/5."""
    return ParagraphIndex.build([resolutions[n] for n in ("36/29", "37/7", "51/5")], encoder)


def keys(index: ParagraphIndex) -> set[str]:
    return {paragraph.key for _, paragraph in index.rows}


def best(index: ParagraphIndex, encoder, question: str) -> str:
    row, _ = index.search(encoder.encode_queries([question])[0], 1)[0]
    return index.rows[row][1].key


def test_the_bundled_corpus_gives_one_row_per_paragraph(index_home, encoder):
    index = ParagraphIndex.load(index_home, encoder)
    assert len(index.rows) == 33 + 32 + 53 + 50
    assert index.faiss.ntotal == len(index.rows) and index.dimension == 384
    assert best(index, encoder, "世界城市论坛第十二届会议在哪里举行？") == "57/12 PP5"


def test_adding_a_resolution_embeds_only_its_paragraphs(three, resolutions, encoder):
    grown, report = three.updated(encoder, add=[resolutions["57/12"]])
    # 50 paragraphs, of which two are word for word in the others (`决定继续处理此事。`, PP1).
    new_texts = {p.text for p in resolutions["57/12"].paragraphs} - {p.text for _, p in three.rows}
    assert report.added == ("57/12.zh",) and report.embedded == len(new_texts) == 48
    assert keys(grown) - keys(three) == {p.key for p in resolutions["57/12"].paragraphs}
    assert (
        best(grown, encoder, "地方政府推进城市数字化时应当采取哪些数据保护措施？") == "57/12 OP8(a)"
    )


def test_re_adding_an_unchanged_resolution_embeds_nothing(three, resolutions, encoder):
    same, report = three.updated(encoder, add=[resolutions["37/7"]])
    assert report.unchanged == ("37/7.zh",) and not report.changed and report.embedded == 0
    assert np.array_equal(same.vectors, three.vectors)


def test_re_adding_a_changed_resolution_replaces_it(three, encoder, tmp_path):
    text = (BUNDLED_CORPUS / "A_HRC_RES_37_7.zh.txt").read_text(encoding="utf-8")
    edited = tmp_path / "37_7.txt"
    edited.write_text(text.replace("“联合国公共服务日”", "“联合国公共服务周”"), encoding="utf-8")
    replaced, report = three.updated(encoder, add=[read_resolution(edited)])
    assert report.replaced == ("37/7.zh",) and report.embedded == 2  # OP8 and OP9 say it
    assert keys(replaced) == keys(three)
    assert "公共服务周" in replaced.resolutions["37/7.zh"].paragraph("OP8").text
    assert "公共服务周" not in "".join(p.text for _, p in replaced.rows if p.resolution != "37/7")


def test_removing_a_resolution_removes_exactly_its_paragraphs(three, resolutions, encoder):
    smaller, report = three.updated(encoder, remove=["51/5"])
    assert report.removed == ("51/5.zh",) and report.embedded == 0
    assert keys(three) - keys(smaller) == {p.key for p in resolutions["51/5"].paragraphs}
    assert all(p.resolution != "51/5" for _, p in smaller.rows)
    for row, (resolution, paragraph) in enumerate(smaller.rows):  # vectors follow their rows
        assert np.array_equal(
            smaller.vectors[row], three.vectors[list(three.rows).index((resolution, paragraph))]
        )


def test_removing_what_is_not_indexed_is_refused(three, encoder):
    with pytest.raises(KeyError, match="99/1"):
        three.updated(encoder, remove=["99/1"])


def test_saved_index_loads_back_identical(three, encoder, tmp_path):
    three.save(tmp_path)
    loaded = ParagraphIndex.load(tmp_path, encoder)
    assert [p.key for _, p in loaded.rows] == [p.key for _, p in three.rows]
    assert np.array_equal(loaded.vectors, three.vectors)


def test_an_index_of_another_model_is_refused(three, encoder, tmp_path):
    three.save(tmp_path)
    other = SimpleNamespace(name="intfloat/multilingual-e5-large", dimension=1024)
    with pytest.raises(IndexUnavailable, match=r"built with the model .*--rebuild"):
        ParagraphIndex.load(tmp_path, other)


def test_a_truncated_faiss_file_is_refused(three, encoder, tmp_path):
    version = three.save(tmp_path)
    faiss_file = version / "index.faiss"
    faiss_file.write_bytes(faiss_file.read_bytes()[: faiss_file.stat().st_size // 2])
    with pytest.raises(
        IndexUnavailable, match=r"truncated; rebuild it with `hrc-qa index --rebuild`"
    ):
        ParagraphIndex.load(tmp_path, encoder)


def kill_while_writing(command: list[str], env: dict[str, str], home: Path) -> bool:
    """Run a build and SIGKILL it the moment its new version folder appears; whether the
    kill landed before the build finished."""
    build = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while build.poll() is None and not list(home.glob(".building-*")):
        time.sleep(0.0005)
    if build.poll() is None:
        os.kill(build.pid, signal.SIGKILL)
    return build.wait() == -signal.SIGKILL


def test_a_killed_build_leaves_the_old_index_loadable(three, encoder, index_env, tmp_path):
    before = [p.key for _, p in three.rows]
    command = [
        str(Path(sys.executable).with_name("hrc-qa")),
        "index",
        "--rebuild",
        "--index",
        str(tmp_path),
    ]
    # The window between starting to write and switching versions is short: try a few times.
    for _ in range(5):
        three.save(tmp_path)
        if kill_while_writing(command, index_env, tmp_path):
            break
    else:
        pytest.fail("the build always finished before it could be killed")
    after = ParagraphIndex.load(tmp_path, encoder)
    assert [p.key for _, p in after.rows] == before
    assert np.array_equal(after.vectors, three.vectors)
