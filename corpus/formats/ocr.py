"""The text of a scanned PDF, read by OCR: an option, off unless `HRC_QA_OCR=1` is set.

A scanned PDF's pages are pictures. With the option on, each page is rendered (pypdfium2, which
pdfplumber already uses) and read by Tesseract (Debian's `tesseract-ocr`, through the optional
extra `hrc-qa[ocr]`, pytesseract), in the languages of the six whose data is installed
(`tesseract-ocr-eng`, `-chi-sim`, `-fra`, `-spa`, `-rus`, `-ara`). Tesseract gives a line per
printed line; the lines are rebuilt from its words' boxes, with a blank line where the page
leaves a paragraph's space (as the PDF reader does), which is what the normaliser reads. What OCR
reads may differ from the printed text, a quotation most of all, so a file read so is indexed
with a warning saying so; with the option off, or Tesseract missing, a scanned PDF is refused,
saying how to turn it on.
"""

from __future__ import annotations

import os
import shutil
import statistics
from collections.abc import Iterator

from corpus.formats.refusal import FileRefused

OCR_SETTING = "HRC_QA_OCR"

TESSERACT_LANGUAGES = {
    "en": "eng",
    "zh": "chi_sim",
    "fr": "fra",
    "es": "spa",
    "ru": "rus",
    "ar": "ara",
}
"""Tesseract's name for the data of each of the six languages."""

RESOLUTION_DPI = 300
"""How finely a page is rendered for OCR: Tesseract reads best at about 300 dots an inch."""

PAGE_SECONDS = 120
"""The longest OCR of one page: a page of text takes a few seconds."""


PARAGRAPH_GAP = 1.0
"""Space between two lines, as a share of a line's height, that separates paragraphs: the
lines of one paragraph stand about half a line apart."""


def ocr_wanted() -> bool:
    return os.environ.get(OCR_SETTING, "").strip().lower() in ("1", "true", "yes", "on")


def ocr_text(raw: bytes, source: str) -> tuple[str, str]:
    """The text of the scanned PDF `raw` read by OCR, and the Tesseract languages used;
    `FileRefused`, saying what to install, when Tesseract or its data is missing."""
    try:
        import pytesseract
    except ImportError:
        raise FileRefused(source, "ocr_missing", missing="pytesseract (hrc-qa[ocr])") from None
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        raise FileRefused(source, "ocr_missing", missing="tesseract (tesseract-ocr)")
    installed = set(pytesseract.get_languages())
    languages = "+".join(name for name in TESSERACT_LANGUAGES.values() if name in installed)
    if not languages:
        raise FileRefused(source, "ocr_missing", missing="tesseract-ocr-eng")
    import pypdfium2

    pages: list[str] = []
    document = pypdfium2.PdfDocument(raw)
    try:
        for page in document:
            picture = page.render(scale=RESOLUTION_DPI / 72).to_pil()
            words = pytesseract.image_to_data(
                picture, lang=languages, timeout=PAGE_SECONDS, output_type=pytesseract.Output.DICT
            )
            pages.append("\n".join(_page_lines(words)))
    except (RuntimeError, pytesseract.TesseractError) as error:  # its timeout, its failure
        raise FileRefused(source, "pdf_damaged", detail=f"OCR: {error}"[:200]) from None
    finally:
        document.close()
    return "\n\n".join(pages), languages


def _page_lines(words: dict[str, list]) -> Iterator[str]:
    """The page's lines from the top, from Tesseract's words (each with its line's number in
    its block and paragraph, and its box), a blank line where a paragraph's space is."""
    lines: dict[tuple[int, int, int], list[tuple[int, int, int, str]]] = {}
    for index, word in enumerate(words["text"]):
        if word.strip():
            key = (words["block_num"][index], words["par_num"][index], words["line_num"][index])
            top = words["top"][index]
            box = (words["left"][index], top, top + words["height"][index], word)
            lines.setdefault(key, []).append(box)
    rows = sorted((sorted(line) for line in lines.values()), key=lambda row: min(w[1] for w in row))
    if not rows:
        return
    height = statistics.median(max(w[2] for w in row) - min(w[1] for w in row) for row in rows)
    previous_bottom: int | None = None
    for row in rows:
        top, bottom = min(w[1] for w in row), max(w[2] for w in row)
        if previous_bottom is not None and top - previous_bottom > PARAGRAPH_GAP * height:
            yield ""
        previous_bottom = bottom
        yield " ".join(word for *_, word in row)
