"""Resolutions as users have them: PDF, Word and HTML files give the same paragraphs as the
clean text, and the files that cannot be read are refused, each saying why.

The PDF and Word files are made at test time from texts that already parse
(tests/fixtures/documents.py): a PDF with running headers, job and page numbers, footnotes at
the foot of the page and paragraphs broken across pages; Word files with typed numbers and
superscript markers, or with Word's automatic numbering and real footnotes; a web page.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from fixtures.documents import (
    PdfLayout,
    content_bomb_pdf,
    many_pages_pdf,
    resolution_docx,
    resolution_html,
    resolution_pdf,
    scanned_pdf,
    spread_line_pdf,
)

from corpus import BUNDLED_CORPUS, ResolutionError, ResolutionWarning, read_resolution
from corpus.formats import document_text
from corpus.formats import pdf as pdf_format
from corpus.formats.refusal import FileRefused

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"

SOURCES = {
    # name: (clean text, symbol, job number)
    "A_HRC_RES_57_12.zh": (BUNDLED_CORPUS / "A_HRC_RES_57_12.zh.txt", "GE.24-18890(C)"),
    "A_HRC_RES_51_5.zh": (BUNDLED_CORPUS / "A_HRC_RES_51_5.zh.txt", "GE.22-16123(C)"),
    "A_HRC_RES_36_29.zh": (BUNDLED_CORPUS / "A_HRC_RES_36_29.zh.txt", "GE.17-17360(C)"),
    "A_HRC_RES_37_7.zh": (BUNDLED_CORPUS / "A_HRC_RES_37_7.zh.txt", "GE.18-05806(C)"),
    "A_HRC_RES_37_7.en": (LAYOUTS / "A_HRC_RES_37_7.en.txt", "GE.18-05806(E)"),
}
FORMATS = ("pdf", "docx", "numbered.docx", "html")


def symbol(name: str) -> str:
    return "A/HRC/RES/" + name.split(".")[0].removeprefix("A_HRC_RES_").replace("_", "/")


@pytest.fixture(scope="session")
def made(tmp_path_factory) -> tuple[Path, dict[str, PdfLayout]]:
    """Every source in every format, in one folder; and how each PDF was laid out."""
    folder = tmp_path_factory.mktemp("formats")
    layouts = {}
    for name, (clean, job) in SOURCES.items():
        text = clean.read_text(encoding="utf-8")
        layouts[name] = resolution_pdf(text, folder / f"{name}.pdf", symbol(name), job)
        resolution_docx(text, folder / f"{name}.docx")
        resolution_docx(text, folder / f"{name}.numbered.docx", numbered=True, footnotes=True)
        resolution_html(text, folder / f"{name}.html")
    return folder, layouts


def json_lines(result) -> list[dict]:
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize("name", SOURCES)
def test_a_file_in_any_format_gives_the_paragraphs_of_its_text(hrc_qa, made, name, format):
    folder, _ = made
    expected = json_lines(hrc_qa("paragraphs", SOURCES[name][0], "--json"))
    actual = json_lines(hrc_qa("paragraphs", folder / f"{name}.{format}", "--json"))
    assert [(r["paragraph"], r["text"]) for r in actual] == [
        (r["paragraph"], r["text"]) for r in expected
    ]
    assert actual == expected  # footnotes, metadata and citations too


@pytest.mark.parametrize("name", SOURCES)
def test_a_paragraph_broken_by_a_page_end_and_a_running_header_is_read_whole(made, name):
    folder, layouts = made
    path = folder / f"{name}.pdf"
    broken = layouts[name].broken_paragraphs
    assert broken, "the layout should break a paragraph across a page"
    text = document_text(path.read_bytes(), path)
    start = text.index(broken[0])
    header = text.index(f"\n{symbol(name)}\n", start)  # the next page's running header
    paragraph = next(
        p for p in read_resolution(path).paragraphs if broken[0].split(". ", 1)[-1] in p.text
    )
    # The header sits inside the paragraph's text on the page, and not in the paragraph read.
    assert text.index(paragraph.text[-3:], start) > header
    assert symbol(name) not in paragraph.text and "GE." not in paragraph.text
    clean = read_resolution(SOURCES[name][0])
    assert paragraph in clean.paragraphs


def test_footnote_markers_of_a_pdf_are_raised_digits_and_are_attached(made):
    folder, _ = made
    path = folder / "A_HRC_RES_37_7.en.pdf"
    text = document_text(path.read_bytes(), path)
    assert "¹ A/HRC/25/27." in text  # the raised `1` at the foot of the page, as a marker
    footnoted = next(p for p in read_resolution(path).paragraphs if p.footnotes)
    assert (footnoted.label, footnoted.footnotes) == ("PP9", ("A/HRC/25/27.",))
    assert footnoted.text.endswith("human rights,")  # the marker itself is not text


def test_justified_chinese_reads_without_spaces_and_english_words_without_space_glyphs(
    made, tmp_path
):
    path = tmp_path / "spread.pdf"
    spread_line_pdf(path, "人权理事会， 回顾其决议", 4.0)  # 4 pt apart; a real space is wider
    assert document_text(path.read_bytes(), path) == "人权理事会， 回顾其决议"
    folder, _ = made  # the English PDF's full lines are set word by word, no space drawn
    english = folder / "A_HRC_RES_37_7.en.pdf"
    assert "Recalling the Universal Declaration of Human Rights," in document_text(
        english.read_bytes(), english
    )


def test_a_word_file_with_automatic_numbering_has_no_numbers_in_its_text(made):
    from docx import Document

    folder, _ = made
    texts = [p.text for p in Document(folder / "A_HRC_RES_51_5.zh.numbered.docx").paragraphs]
    assert not any(text.startswith(("1.", "17.", "(a)")) for text in texts)
    labels = [
        p.label for p in read_resolution(folder / "A_HRC_RES_51_5.zh.numbered.docx").paragraphs
    ]
    assert {"OP1", "OP17", "OP17(a)", "OP17(c)", "OP19"} <= set(labels)


def test_a_folder_of_mixed_formats_is_read_whole(hrc_qa, made, tmp_path):
    folder, _ = made
    for name in ("A_HRC_RES_57_12.zh.pdf", "A_HRC_RES_51_5.zh.docx", "A_HRC_RES_37_7.en.html"):
        shutil.copy(folder / name, tmp_path)
    shutil.copy(BUNDLED_CORPUS / "A_HRC_RES_36_29.zh.txt", tmp_path / "A_HRC_RES_36_29.zh.md")
    records = json_lines(hrc_qa("paragraphs", tmp_path, "--json"))
    assert sorted({(r["resolution"], r["language"]) for r in records}) == [
        ("36/29", "zh"),
        ("37/7", "en"),
        ("51/5", "zh"),
        ("57/12", "zh"),
    ]


# -- refusals -----------------------------------------------------------------------------------


def refusal(path: Path) -> FileRefused:
    with pytest.raises(FileRefused) as raised:
        read_resolution(path)
    assert str(path) in str(raised.value)
    return raised.value


def test_a_scanned_pdf_is_refused_as_scanned(tmp_path):
    path = tmp_path / "scan.pdf"
    scanned_pdf(path)
    error = refusal(path)
    assert error.key == "pdf_scanned" and "no text layer" in str(error)
    assert "扫描" in error.said_in("zh") and str(path) in error.said_in("zh")


def test_an_encrypted_pdf_is_refused_as_encrypted(made, tmp_path):
    path = tmp_path / "locked.pdf"
    text = SOURCES["A_HRC_RES_37_7.en"][0].read_text(encoding="utf-8")
    resolution_pdf(text, path, "A/HRC/RES/37/7", "GE.18-05806(E)", encrypt="secret")
    assert refusal(path).key == "pdf_encrypted"


@pytest.mark.parametrize("keep", [0.3, 0.9, 0.999])
def test_a_truncated_pdf_is_refused_and_nothing_of_it_is_read(made, tmp_path, keep):
    folder, _ = made
    whole = (folder / "A_HRC_RES_57_12.zh.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: int(len(whole) * keep)])
    assert refusal(path).key == "pdf_truncated"


def test_a_damaged_pdf_is_refused_as_damaged(made, tmp_path):
    folder, _ = made
    whole = bytearray((folder / "A_HRC_RES_57_12.zh.pdf").read_bytes())
    whole[200:4000] = b"\x00" * 3800  # the first objects overwritten, the ending kept
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(whole))
    with pytest.raises(ResolutionError, match=r"damaged\.pdf: "):
        read_resolution(path)


def test_a_pdf_of_thousands_of_pages_is_refused_unread(tmp_path, monkeypatch):
    path = tmp_path / "volume.pdf"
    many_pages_pdf(path, 2000)
    read_pages = []
    monkeypatch.setattr(pdf_format, "_page_lines", lambda chars: read_pages.append(1) or [])
    error = refusal(path)
    assert error.key == "pdf_too_many_pages" and "2000 pages" in str(error)
    assert read_pages == []  # refused from the page count, before any page is read


def test_a_pdf_page_that_unpacks_to_gigabytes_is_refused_unread(tmp_path):
    path = tmp_path / "bomb.pdf"
    content_bomb_pdf(path, 256 * 2**20)
    assert path.stat().st_size < 2**20
    error = refusal(path)
    assert error.key == "pdf_content_too_large" and "page 1" in str(error)


def test_a_pdf_whose_pages_unpack_past_the_limit_together_is_refused_unread(made, monkeypatch):
    folder, _ = made
    read_pages = []
    monkeypatch.setattr(pdf_format, "_page_lines", lambda chars: read_pages.append(1) or [])
    monkeypatch.setattr(pdf_format, "MAX_DOCUMENT_CONTENT_BYTES", 20_000)  # 57/12: 5 pages
    error = refusal(folder / "A_HRC_RES_57_12.zh.pdf")
    assert error.key == "pdf_document_content_too_large" and read_pages == []


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "kind_image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "kind_doc"),
        (b"\x00\x01\x02\x03binary" * 100, "kind_binary"),
    ],
)
def test_a_docx_that_is_not_one_is_refused_saying_what_it_looks_like(tmp_path, content, kind):
    path = tmp_path / "resolution.docx"
    path.write_bytes(content)
    error = refusal(path)
    assert (error.key, error.values["kind"]) == ("docx_not_word", kind)
    assert "is not a Word document" in str(error)


def test_a_zip_that_is_not_a_word_file_is_refused(tmp_path):
    path = tmp_path / "resolution.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    error = refusal(path)
    assert error.key == "docx_not_word" and "no Word document in it" in str(error)


def test_a_zip_bomb_docx_is_refused_unpacked(made, tmp_path):
    folder, _ = made
    path = tmp_path / "bomb.docx"
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(folder / "A_HRC_RES_37_7.en.docx") as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for item in source.infolist():
            archive.writestr(item, source.read(item))
        with archive.open("word/media/padding.bin", "w", force_zip64=True) as padding:
            chunk = b"\x00" * 2**20
            for _ in range(200):  # 200 MiB of zeros, a few hundred KB packed
                padding.write(chunk)
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 2 * 2**20
    error = refusal(path)
    assert error.key == "docx_too_large" and "200 MiB" in str(error)


def test_an_unsupported_format_is_refused_naming_the_formats_read(tmp_path):
    path = tmp_path / "resolution.rtf"
    path.write_bytes(b"{\\rtf1\\ansi The Human Rights Council,}")
    error = refusal(path)
    assert error.key == "unsupported_format" and "hrc-qa reads PDF, Word (.docx)" in str(error)
    assert "RTF" in str(error)


def test_a_pdf_that_is_really_text_is_read_as_text_with_a_warning(tmp_path):
    path = tmp_path / "A_HRC_RES_37_7.en.pdf"
    path.write_bytes(SOURCES["A_HRC_RES_37_7.en"][0].read_bytes())
    with pytest.warns(ResolutionWarning, match=r"named as PDF but holds text; read as text"):
        resolution = read_resolution(path)
    assert resolution.key == "37/7.en" and len(resolution.paragraphs) == 32


def test_a_word_file_named_pdf_is_read_as_word(made, tmp_path):
    folder, _ = made
    path = tmp_path / "A_HRC_RES_37_7.en.pdf"
    path.write_bytes((folder / "A_HRC_RES_37_7.en.docx").read_bytes())
    with pytest.warns(ResolutionWarning, match="named as PDF but holds Word"):
        assert read_resolution(path).key == "37/7.en"


def test_refusals_are_said_in_chinese_when_the_locale_is_chinese(hrc_qa, tmp_path, monkeypatch):
    path = tmp_path / "scan.pdf"
    scanned_pdf(path)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    result = hrc_qa("paragraphs", path)
    assert result.exit_code == 2
    assert f"{path}: 这是扫描的 PDF" in " ".join(result.stderr.split())
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert "this is a scanned PDF" in " ".join(hrc_qa("paragraphs", path).stderr.split())


def test_a_word_text_box_is_read_once_as_a_paragraph_of_its_own(tmp_path):
    from docx import Document
    from lxml import etree

    document = Document()
    document.add_paragraph("The Human Rights Council,")
    anchor = document.add_paragraph("Recalling its resolutions,")
    box = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:pict>'
        "<w:txbxContent><w:p><w:r><w:t>A note in a box</w:t></w:r></w:p></w:txbxContent>"
        "</w:pict></w:r>"
    )
    anchor._p.append(etree.fromstring(box))
    path = tmp_path / "box.docx"
    document.save(path)
    assert document_text(path.read_bytes(), path) == (
        "The Human Rights Council,\n\nRecalling its resolutions,\n\nA note in a box"
    )
