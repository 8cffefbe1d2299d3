"""Scanned PDFs read by OCR, an option (corpus/formats/ocr.py): off, a scanned PDF is refused
saying how to turn it on; on without Tesseract, refused saying what to install; on with it, a
scanned resolution gives the paragraphs of the text it was printed from, with a warning that
it was read by OCR. The scan is made at test time (tests/fixtures/documents.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from fixtures.documents import UNICODE_FONT_FILE, scanned_resolution_pdf

from corpus import read_resolution
from corpus.formats.refusal import FileRefused

SOURCE = Path(__file__).parent / "fixtures" / "bodies" / "S_RES_2720_2023.en.txt"


def _tesseract_reads_english() -> bool:
    if shutil.which("tesseract") is None:
        return False
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    return "eng" in listed.stdout.split()


@pytest.fixture(scope="module")
def scan(tmp_path_factory) -> Path:
    if not UNICODE_FONT_FILE.exists():
        pytest.skip(f"the font the scan is printed in is missing: {UNICODE_FONT_FILE}")
    path = tmp_path_factory.mktemp("scan") / "S_RES_2720_2023.en.pdf"
    scanned_resolution_pdf(SOURCE.read_text(encoding="utf-8"), path)
    return path


def test_a_scanned_pdf_is_refused_saying_how_to_turn_ocr_on(scan, monkeypatch):
    monkeypatch.delenv("HRC_QA_OCR", raising=False)
    with pytest.raises(FileRefused) as refused:
        read_resolution(scan)
    assert refused.value.key == "pdf_scanned"
    assert "HRC_QA_OCR=1" in str(refused.value) and "tesseract-ocr" in str(refused.value)
    assert "HRC_QA_OCR=1" in refused.value.said_in("zh")


def test_ocr_asked_for_without_tesseract_is_refused_saying_what_to_install(scan, monkeypatch):
    import pytesseract

    monkeypatch.setenv("HRC_QA_OCR", "1")
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(FileRefused) as refused:
        read_resolution(scan)
    assert refused.value.key == "ocr_missing"
    assert "tesseract (tesseract-ocr) is not installed" in str(refused.value)
    assert "apt-get install tesseract-ocr" in refused.value.said_in("fr")


@pytest.mark.skipif(
    not _tesseract_reads_english(),
    reason="Debian's tesseract-ocr and tesseract-ocr-eng are not installed (.ci/run installs them)",
)
def test_a_scanned_resolution_read_by_ocr_gives_the_paragraphs_of_its_text(
    hrc_qa, scan, monkeypatch
):
    monkeypatch.setenv("HRC_QA_OCR", "1")
    read = hrc_qa("paragraphs", scan, "--json")
    assert read.exit_code == 0, read.stderr
    assert "read by OCR (eng) from a scanned PDF" in " ".join(read.stderr.split())
    expected = hrc_qa("paragraphs", SOURCE, "--json").stdout.splitlines()
    assert [json.loads(line) for line in read.stdout.splitlines()] == [
        json.loads(line) for line in expected
    ]
