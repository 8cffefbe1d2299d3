"""Every layout a real copy comes in gives the same paragraphs as the clean text.

The fixtures in tests/fixtures/layouts/ (see the README there) imitate: a BOM with CRLF endings,
full-width digits and brackets, text extracted from the UN's PDFs (hard wraps, running headers
and footers, job and page numbers, paragraphs broken across pages, footnotes at the foot of the
page), and the English versions.
"""

from pathlib import Path

import pytest

from corpus import BUNDLED_CORPUS, Resolution, read_resolution

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"


def paragraphs(resolution: Resolution) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(p.label, p.text, p.footnotes) for p in resolution.paragraphs]


def metadata(resolution: Resolution) -> tuple:
    return (
        resolution.number,
        resolution.agenda_item,
        resolution.adopted,
        resolution.meeting,
        resolution.vote,
    )


@pytest.mark.parametrize(
    ("variant", "clean"),
    [
        ("A_HRC_RES_37_7.zh.crlf-bom.txt", "A_HRC_RES_37_7.zh.txt"),
        ("A_HRC_RES_51_5.zh.fullwidth.txt", "A_HRC_RES_51_5.zh.txt"),
        ("A_HRC_RES_57_12.zh.pdf.txt", "A_HRC_RES_57_12.zh.txt"),
    ],
)
def test_chinese_variants_give_the_same_paragraphs_word_for_word(variant, clean):
    expected = read_resolution(BUNDLED_CORPUS / clean)
    actual = read_resolution(LAYOUTS / variant)
    assert paragraphs(actual) == paragraphs(expected)
    assert metadata(actual) == metadata(expected)
    assert actual.title == expected.title


def test_pdf_extraction_joins_a_paragraph_broken_across_a_page():
    text = (LAYOUTS / "A_HRC_RES_57_12.zh.pdf.txt").read_text(encoding="utf-8")
    assert "GE.24-" in text and "\nA/HRC/RES/57/12\n" in text  # the furniture is there to remove
    resolution = read_resolution(LAYOUTS / "A_HRC_RES_57_12.zh.pdf.txt")
    for paragraph in resolution.paragraphs:
        assert "GE." not in paragraph.text and "A/HRC/RES" not in paragraph.text


@pytest.mark.parametrize(
    ("english", "clean", "footnoted", "footnote"),
    [
        ("A_HRC_RES_37_7.en.txt", "A_HRC_RES_37_7.zh.txt", "PP9", "A/HRC/25/27."),
        ("A_HRC_RES_36_29.en.pdf.txt", "A_HRC_RES_36_29.zh.txt", "OP1", "A/HRC/34/24."),
    ],
)
def test_english_versions_give_the_same_labels(english, clean, footnoted, footnote):
    chinese = read_resolution(BUNDLED_CORPUS / clean)
    resolution = read_resolution(LAYOUTS / english)
    assert [p.label for p in resolution.paragraphs] == [p.label for p in chinese.paragraphs]
    assert resolution.paragraph(footnoted).footnotes == (footnote,)
    assert metadata(resolution) == metadata(chinese)
    assert resolution.language == "en"
    assert resolution.paragraph("PP1").text == (
        "Guided by the purposes and principles of the Charter of the United Nations,"
    )


def test_english_operative_text_starts_with_its_verb():
    resolution = read_resolution(LAYOUTS / "A_HRC_RES_37_7.en.txt")
    assert resolution.paragraph("OP9").text.startswith(
        "Requests the United Nations High Commissioner"
    )
