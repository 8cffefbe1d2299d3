"""Every body's and every language's fixture as a PDF, a Word file and a web page gives the
paragraphs of its text: labels, texts, footnotes, body, symbol and references.

The files are made at test time (tests/fixtures/documents.py) from the clean text of each
fixture in tests/fixtures/bodies and tests/fixtures/languages, on small pages so that each
PDF runs over several pages with paragraphs broken across them: running headers, job and page
numbers and footnotes at the foot of the page, or the 1990s furniture (`/...`, the symbol and
`Page 2` at the top of the next page, `1/` footnotes under a rule) for the 1990s resolution.
Arabic PDFs are drawn as LibreOffice and Word draw them (shaped, in visual order, by ICU) and
give their text's paragraphs too; one drawn in the order it is written, which the reader would
read reversed, is refused, saying to use the Word or HTML file.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path

import pytest
from fixtures.documents import (
    UNICODE_FONT_FILE,
    PdfLayout,
    resolution_docx,
    resolution_html,
    resolution_pdf,
    unpaged,
)
from reportlab.lib.pagesizes import A4, A5

from corpus import read_resolution
from corpus.formats.refusal import FileRefused
from corpus.parser import parse_resolution

FIXTURES = Path(__file__).parent / "fixtures"
SOURCES = sorted(
    [
        *(FIXTURES / "bodies").glob("*.txt"),
        *(FIXTURES / "bodies").glob("*_*.md"),
        *(FIXTURES / "languages").glob("*.txt"),
    ],
    key=lambda path: path.name,
)
FORMATS = ("pdf", "docx", "html")
NINETIES = {"A_RES_48_161"}
"""The resolutions laid out as the 1990s' PDFs are."""
TITLE_AS_HEADER = {"A_RES_80_4"}
"""The resolutions whose PDF pages repeat the title at their top, not the symbol."""
PAGE_LABELS = {"zh": "第{}页"}
JOB_LETTERS = {"en": "E", "zh": "C", "fr": "F", "es": "S", "ru": "R", "ar": "A"}


def _key(path: Path) -> str:
    return path.name.split(".")[0] + "." + path.name.split(".")[1]


ARABIC = [path for path in SOURCES if ".ar." in path.name]
CASES = [
    pytest.param(path, format, id=f"{_key(path)}-{format}")
    for path in SOURCES
    for format in FORMATS
]


@pytest.fixture(scope="session")
def made(tmp_path_factory) -> tuple[Path, dict[str, PdfLayout]]:
    """Every fixture in every format, in one folder; and how each PDF was laid out."""
    if not UNICODE_FONT_FILE.exists():
        pytest.skip(f"the font for Cyrillic and Arabic is missing: {UNICODE_FONT_FILE}")
    folder = tmp_path_factory.mktemp("matrix")
    layouts = {}
    for number, path in enumerate(SOURCES):
        resolution = read_resolution(path)
        name, stem = _key(path), path.name.split(".")[0]
        # What a page may repeat at its top; a Security Council resolution's title is its
        # heading, which no page repeats.
        headers = (
            {resolution.title, f"{resolution.symbol} {resolution.title}"}
            if resolution.body != "sc"
            else set()
        )
        text = unpaged(path.read_text(encoding="utf-8"), headers)
        resolution_docx(text, folder / f"{name}.docx")
        resolution_html(text, folder / f"{name}.html")
        if resolution.language == "ar":
            # Drawn in written order, left to right: what the reader would read reversed.
            resolution_pdf(
                text,
                folder / f"{name}.written-order.pdf",
                resolution.symbol,
                f"GE.26-{number}(A)",
                visual_order=False,
            )
        # The tallest page (at most a square of A4's width; narrower if need be) on which a
        # paragraph runs on over a page end, in mid-sentence where one can: the texts are short.
        lay_out = functools.partial(
            resolution_pdf,
            text,
            folder / f"{name}.pdf",
            resolution.symbol,
            f"GE.26-{10000 + number}({JOB_LETTERS[resolution.language]})",
            nineties=stem in NINETIES,
            page_label=PAGE_LABELS.get(resolution.language, "Page {}"),
            running_header=resolution.title if stem in TITLE_AS_HEADER else None,
        )
        sizes = [(width, height) for width in (A4[0], A5[0]) for height in range(595, 300, -15)]
        broken = None
        for size in sizes:
            layouts[name] = lay_out(pagesize=size)
            if layouts[name].split_lines:
                break
            if broken is None and layouts[name].broken_paragraphs:
                broken = size
        else:
            layouts[name] = lay_out(pagesize=broken or sizes[-1])
    return folder, layouts


def json_lines(result) -> list[dict]:
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize(("source", "format"), CASES)
def test_every_body_and_language_in_every_format_gives_the_paragraphs_of_its_text(
    hrc_qa, made, source, format
):
    folder, _ = made
    expected = json_lines(hrc_qa("paragraphs", source, "--json"))
    actual = json_lines(hrc_qa("paragraphs", folder / f"{_key(source)}.{format}", "--json"))
    assert [(r["paragraph"], r["text"]) for r in actual] == [
        (r["paragraph"], r["text"]) for r in expected
    ]
    assert actual == expected  # footnotes, body, symbol, references and citations too


def test_the_pdfs_run_over_pages_and_break_a_paragraph_across_them(made):
    _, layouts = made
    assert layouts.keys() == {_key(path) for path in SOURCES}
    for name, layout in layouts.items():
        assert layout.pages > 1, name
        # A text whose paragraphs each fit on a line (ECOSOC's Chinese) has none to break.
        assert layout.broken_paragraphs or not layout.long_paragraphs, name
    for source in ARABIC:  # the right-to-left lines rebuilt across a page end
        assert layouts[_key(source)].split_lines, source.name


PAGE_END = "GE.26-10001(E) 1\n\nA/RES/80/4\n\n"


@pytest.mark.parametrize(
    ("after_the_page_end", "paragraphs"),
    [
        ("Taking note of the report of the Secretary-General on", 2),  # a new paragraph
        ("taking note of the report of the Secretary-General on", 1),  # the line goes on
    ],
)
def test_a_full_line_ending_with_a_comma_at_a_page_end_ends_its_paragraph_before_a_capital(
    after_the_page_end, paragraphs
):
    preamble = (
        "Recalling also Human Rights Council resolution 57/12 and the Charter,\n\n"
        + PAGE_END
        + after_the_page_end
        + "\nthe implementation of resolution 79/7 of the General Assembly,\n\n"
    )
    text = (FIXTURES / "bodies" / "A_RES_80_4.en.pdf.txt").read_text(encoding="utf-8")
    start = text.index("Recalling its resolution 79/6")
    end = text.index("1. Adopts")
    resolution = parse_resolution(text[:start] + preamble + text[end:], "test.txt")
    preambular = [p.text for p in resolution.paragraphs if p.part == "preambular"]
    assert len(preambular) == paragraphs, preambular
    assert preambular[0].startswith("Recalling also Human Rights Council resolution 57/12")


@pytest.mark.parametrize("source", ARABIC, ids=_key)
def test_an_arabic_pdf_that_would_read_reversed_is_refused_saying_to_use_the_word_or_html_file(
    made, source
):
    """A PDF that draws Arabic in the order it is written, left to right, reads backwards once
    its lines are put back from visual order: it is refused, never indexed reversed."""
    folder, _ = made
    path = folder / f"{_key(source)}.written-order.pdf"
    with pytest.raises(FileRefused) as raised:
        read_resolution(path)
    assert raised.value.key == "pdf_right_to_left" and str(path) in str(raised.value)
    assert "Word or HTML" in str(raised.value) and "Word أو HTML" in raised.value.said_in("ar")


@pytest.mark.parametrize("source", ARABIC, ids=_key)
def test_an_arabic_pdf_holds_shaped_letters_in_visual_order_as_real_ones_do(made, source):
    """What the reader undoes is in the file: presentation forms (a lam-alef ligature among
    them), drawn right to left, justified by kashidas, the symbol in the running header left
    to right."""
    import pdfplumber

    folder, _ = made
    with pdfplumber.open(folder / f"{_key(source)}.pdf") as pdf:
        drawn = [page.extract_text() for page in pdf.pages]
    assert re.search("[\ufe70-\ufefc]", drawn[0]) and re.search("[\ufef5-\ufefc]", "".join(drawn))
    assert not re.search("[\u0621-\u064a]{2}", "".join(drawn))  # no letter left unshaped
    assert "\u0640" in "".join(drawn)  # full lines justified by kashidas
    assert read_resolution(source).symbol in drawn[1]  # the running header
    # Read as drawn, the first line's words come last first: `إن مجلس` is drawn `سلجم نإ`.
    assert "إن " not in unicodedata.normalize("NFKC", drawn[0])
    assert "نإ" in unicodedata.normalize("NFKC", drawn[0])


def test_a_latin_footnote_of_an_arabic_pdf_is_set_right_to_left_and_read_as_written(made):
    """`¹ A/HRC/25/27.` in a right-to-left paragraph is drawn flush right, full stop first."""
    import pdfplumber

    folder, _ = made
    with pdfplumber.open(folder / "A_HRC_RES_37_7.ar.pdf") as pdf:
        drawn = "".join(page.extract_text() for page in pdf.pages)
    assert ".A/HRC/25/27" in drawn
    paragraph = read_resolution(folder / "A_HRC_RES_37_7.ar.pdf").paragraph("PP3")
    assert paragraph.footnotes == ("A/HRC/25/27.",)
