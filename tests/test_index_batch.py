"""`hrc-qa index` on a folder of mixed formats with a few bad files: each file is reported,
the good ones are indexed, nothing of a bad one enters the index, and the exit code says
whether anything was refused. The fake encoder keeps it fast; the store is the real one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fixtures.documents import resolution_docx, resolution_html, resolution_pdf, scanned_pdf

from corpus import BUNDLED_CORPUS
from store.atomic import current_version
from store.faiss_store import FaissStore

ENGLISH = Path(__file__).parent / "fixtures" / "layouts" / "A_HRC_RES_37_7.en.txt"


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    """Four resolutions in four formats, and four files that cannot be read."""
    folder = tmp_path_factory.mktemp("mixed")
    text = (BUNDLED_CORPUS / "A_HRC_RES_57_12.zh.txt").read_text(encoding="utf-8")
    resolution_pdf(text, folder / "A_HRC_RES_57_12.zh.pdf", "A/HRC/RES/57/12", "GE.24-18890(C)")
    resolution_docx(
        (BUNDLED_CORPUS / "A_HRC_RES_51_5.zh.txt").read_text(encoding="utf-8"),
        folder / "A_HRC_RES_51_5.zh.docx",
    )
    resolution_html(ENGLISH.read_text(encoding="utf-8"), folder / "A_HRC_RES_37_7.en.html")
    (folder / "more").mkdir()
    shutil.copy(BUNDLED_CORPUS / "A_HRC_RES_36_29.zh.txt", folder / "more")
    scanned_pdf(folder / "scan.pdf")
    resolution_pdf(text, folder / "locked.pdf", "A/HRC/RES/57/12", "GE.24", encrypt="secret")
    whole = (folder / "A_HRC_RES_57_12.zh.pdf").read_bytes()
    (folder / "cut.pdf").write_bytes(whole[: len(whole) // 2])
    (folder / "photo.docx").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    return folder


def indexed(home: Path, encoder) -> list[str]:
    store = FaissStore.load(home, encoder.name, encoder.dimension)
    return sorted(resolution.key for resolution in store.resolutions())


def test_a_mixed_folder_is_indexed_but_for_its_bad_files_each_reported(
    hrc_qa, mixed, tmp_path, fake_encoder
):
    home = tmp_path / "index"
    result = hrc_qa("index", mixed, "--index", home)
    assert result.exit_code == 1, result.stderr
    report = " ".join(result.stderr.split())
    for line in (
        f"indexed: {mixed / 'A_HRC_RES_57_12.zh.pdf'} (57/12.zh)",
        f"indexed: {mixed / 'A_HRC_RES_51_5.zh.docx'} (51/5.zh)",
        f"indexed: {mixed / 'A_HRC_RES_37_7.en.html'} (37/7.en)",
        f"indexed: {mixed / 'more' / 'A_HRC_RES_36_29.zh.txt'} (36/29.zh)",
        f"refused: {mixed / 'scan.pdf'}: this is a scanned PDF",
        f"refused: {mixed / 'locked.pdf'}: the PDF is encrypted",
        f"refused: {mixed / 'cut.pdf'}: the PDF is cut short",
        f"refused: {mixed / 'photo.docx'}: the file is named .docx but is not a Word document",
        "4 of 8 files refused",
    ):
        assert line in report
    assert "Saved" in result.stdout and "4 resolutions" in result.stdout
    assert indexed(home, fake_encoder) == ["36/29.zh", "37/7.en", "51/5.zh", "57/12.zh"]

    again = hrc_qa("index", mixed, "--index", home)
    assert again.exit_code == 1
    assert "Up to date, nothing saved" in again.stdout
    assert f"unchanged: {mixed / 'A_HRC_RES_57_12.zh.pdf'} (57/12.zh)" in again.stderr


def test_only_bad_files_change_nothing_and_exit_2(hrc_qa, mixed, tmp_path, fake_encoder):
    home = tmp_path / "index"
    assert hrc_qa("index", BUNDLED_CORPUS, "--index", home).exit_code == 0
    version = current_version(home)
    result = hrc_qa("index", mixed / "scan.pdf", mixed / "cut.pdf", "--index", home)
    assert result.exit_code == 2
    assert "2 of 2 files refused. The index was not changed." in " ".join(result.stderr.split())
    assert current_version(home) == version


def test_a_rebuild_with_a_bad_file_changes_nothing(hrc_qa, mixed, tmp_path, fake_encoder):
    home = tmp_path / "index"
    assert hrc_qa("index", BUNDLED_CORPUS, "--index", home).exit_code == 0
    version = current_version(home)
    result = hrc_qa("index", "--rebuild", mixed, "--index", home)
    assert result.exit_code == 2
    assert "A rebuild publishes only a complete batch" in " ".join(result.stderr.split())
    assert current_version(home) == version
    assert len(indexed(home, fake_encoder)) == 4


def test_a_new_index_of_only_bad_files_is_not_made(hrc_qa, mixed, tmp_path):
    home = tmp_path / "index"
    result = hrc_qa("index", mixed / "scan.pdf", "--index", home)
    assert result.exit_code == 2
    assert not (home / "CURRENT").exists()


def test_a_hundred_files_are_read_one_by_one(hrc_qa, tmp_path, fake_encoder):
    """A folder of many files with a bad one every ten: each is reported, none is lost."""
    english = ENGLISH.read_text(encoding="utf-8")
    for number in range(1, 101):
        text = english.replace("37/7.", f"37/{number}.", 1).replace("A/HRC/RES/37/7", "")
        if number % 10 == 0:
            text = text.replace("The Human Rights Council,", "")
        (tmp_path / f"r{number:03}.txt").write_text(text, encoding="utf-8")
    home = tmp_path / "index"
    result = hrc_qa("index", tmp_path, "--index", home)
    assert result.exit_code == 1
    assert result.stderr.count("indexed: ") == 90 and result.stderr.count("refused: ") == 10
    assert len(indexed(home, fake_encoder)) == 90


def test_a_removal_with_only_bad_files_is_saved_and_exits_1(hrc_qa, mixed, tmp_path, fake_encoder):
    home = tmp_path / "index"
    assert hrc_qa("index", BUNDLED_CORPUS, "--index", home).exit_code == 0
    result = hrc_qa("index", mixed / "scan.pdf", "--remove", "51/5", "--index", home)
    assert result.exit_code == 1
    assert "removed: 51/5.zh" in result.stdout
    assert indexed(home, fake_encoder) == ["36/29.zh", "37/7.zh", "57/12.zh"]
