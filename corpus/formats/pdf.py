"""The text layer of a PDF, laid out as `pdftotext` lays it out for the normaliser.

pdfplumber (MIT, on pdfminer.six) gives every character with its font size and position. Lines
are rebuilt from them, so that what the normaliser expects holds: one text line per printed
line (hard-wrapped), a blank line where the page leaves a paragraph's space, the page's running
header, footer, job number and footnotes as lines of their own (the normaliser drops or files
them), and pages one after another. A footnote marker, a small raised digit in a PDF, becomes
a superscript digit (`¹`), which is how the parser knows it; the text extractors that do not
look at size and position flatten it into the text (`…报告，1 并`) or drop it. A line holding
Arabic (or Hebrew) is drawn in visual order, right to left, its letters shaped: it is put back
in the order it is written and its shaped letters folded back (`corpus/formats/bidi.py`), the
kashidas that justify it dropped, and a PDF whose Arabic still reads reversed is refused, never
indexed so.
"""

from __future__ import annotations

import io
import re
import statistics
import warnings
import zlib
from collections.abc import Iterator
from typing import Any

import pdfplumber
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1
from pdfplumber.utils import cluster_objects

from corpus.errors import ResolutionWarning
from corpus.formats.bidi import RIGHT_TO_LEFT, fold_presentation_forms, logical_order
from corpus.formats.ocr import ocr_text, ocr_wanted
from corpus.formats.refusal import FileRefused
from corpus.normalize import is_wide, to_superscript

MAX_PAGES = 500
"""The longest PDF read: a resolution with a long annex runs to some 100 pages; a PDF of
thousands of pages is a whole volume, or made to hold the reader."""

MAX_CONTENT_BYTES = 8 * 2**20
"""The most drawing instructions a page may unpack to: a page of text takes some 50 KB. A
small stream that inflates to gigabytes would hold pdfminer, which unpacks it whole and then
reads it a token at a time; it is measured first, unpacking no more than this."""

MAX_DOCUMENT_CONTENT_BYTES = 48 * 2**20
"""The most drawing instructions a whole PDF may unpack to: 500 full pages of text take some
25 MB; more would hold the reader for minutes."""

MAX_CHARS_PER_PAGE = 20_000
"""A printed page holds some 3,000 characters; one with far more is not a page of text."""

_LINE_TOLERANCE = 3.0
"""Characters whose tops are within this many points are one line (a raised marker's top is
within a point of its line's)."""

_MARKER_SIZE = 0.8
"""A digit smaller than this share of its line's largest type is a footnote marker when it is
also raised."""

_PARAGRAPH_GAP = 0.7
"""Space between two lines, as a share of the type size, that separates paragraphs: a line's
own leading leaves about a third."""

Char = dict[str, Any]

_KASHIDA = "\u0640"
"""The tatweel: how Arabic is justified, stretching a joined letter, not a letter of the text."""


def pdf_text(raw: bytes, source: str) -> str:
    """The text of the PDF `raw` (the file's bytes), read from `source`."""
    # A PDF ends with `%%EOF` (each incremental update too). pdfminer reads a cut-off file
    # as far as it goes; the index must not take half a resolution for the whole.
    if b"%%EOF" not in raw[-1024:]:
        raise FileRefused(source, "pdf_truncated")
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            pages = resolve1(pdf.doc.catalog.get("Pages"))
            count = resolve1(pages.get("Count")) if isinstance(pages, dict) else None
            if not isinstance(count, int):
                raise FileRefused(source, "pdf_damaged", detail="it has no page list")
            if count > MAX_PAGES:
                raise FileRefused(source, "pdf_too_many_pages", pages=count, limit=MAX_PAGES)
            if len(pdf.pages) > MAX_PAGES:  # more pages than the page count claimed
                raise FileRefused(
                    source, "pdf_too_many_pages", pages=len(pdf.pages), limit=MAX_PAGES
                )
            # Measured for every page before any is read: a bad page at the end must not cost
            # the reading of all the others first.
            sizes = [_content_size(page.page_obj.contents) for page in pdf.pages]
            for number, size in enumerate(sizes, 1):
                if size > MAX_CONTENT_BYTES:
                    raise FileRefused(
                        source,
                        "pdf_content_too_large",
                        page=number,
                        limit=MAX_CONTENT_BYTES // 2**20,
                    )
            if sum(sizes) > MAX_DOCUMENT_CONTENT_BYTES:
                raise FileRefused(
                    source,
                    "pdf_document_content_too_large",
                    limit=MAX_DOCUMENT_CONTENT_BYTES // 2**20,
                )
            texts: list[str] = []
            images = 0
            for page in pdf.pages:
                chars = page.chars
                if len(chars) > MAX_CHARS_PER_PAGE:
                    raise FileRefused(
                        source, "pdf_page_too_full", page=page.page_number, chars=len(chars)
                    )
                images += len(page.images)
                texts.append("\n".join(_page_lines(chars)))
                page.close()  # its parsed objects are not needed again: memory stays flat
    except FileRefused:
        raise
    except Exception as error:  # pdfminer raises many kinds, all meaning "not readable"
        raise _refusal(source, error) from None
    if not any(text.strip() for text in texts):
        if images and ocr_wanted():
            text, languages = ocr_text(raw, source)
            warnings.warn(
                ResolutionWarning(
                    source,
                    f"read by OCR ({languages}) from a scanned PDF: what OCR reads may differ "
                    "from the printed text; check a quotation against the PDF",
                ),
                stacklevel=2,
            )
            return text
        raise FileRefused(source, "pdf_scanned" if images else "pdf_no_text")
    # Lines put back in written order (`_row_text`) that still read as Arabic written backwards
    # (a PDF drawn in some order the reader does not know) are refused, not indexed reversed.
    if _reads_reversed("\n".join(texts)):
        raise FileRefused(source, "pdf_right_to_left")
    # A blank line between pages: the normaliser then drops the furniture around it, and the
    # parser joins a paragraph that goes on over the page end.
    return "\n\n".join(texts)


def _content_size(streams: list) -> int:
    """How many bytes a page's content streams unpack to, counted up to just past the limit;
    a stream in another encoding counts as its packed size."""
    size = 0
    for stream in streams:
        stream = resolve1(stream)
        raw = stream.get_rawdata() if isinstance(stream, PDFStream) else None
        if raw is None:
            continue
        filters = [name for name, _ in stream.get_filters()]
        if filters and filters[0] in LITERALS_FLATE_DECODE:
            try:
                size += len(zlib.decompressobj().decompress(raw, MAX_CONTENT_BYTES + 1))
            except zlib.error:  # encrypted, or damaged: pdfminer's own reading decides
                size += len(raw)
        else:
            size += len(raw)
    return size


def _refusal(source: str, error: Exception) -> FileRefused:
    """What pdfminer's error means to the user."""
    cause = error.__cause__ or error.__context__ or error
    for candidate in (error, cause, *getattr(error, "args", ())):
        name = type(candidate).__name__
        if "Password" in name or "Encryption" in name:
            return FileRefused(source, "pdf_encrypted")
    detail = str(error).strip() or type(error).__name__
    return FileRefused(source, "pdf_damaged", detail=detail[:200])


def _page_lines(chars: list[Char]) -> Iterator[str]:
    """The page's lines from the top, with a blank line where a paragraph's space is."""
    rows = cluster_objects(
        [char for char in chars if char.get("upright", True)], "top", _LINE_TOLERANCE
    )
    for row in rows:
        row.sort(key=lambda char: char["x0"])
    right_to_left = _right_to_left_rows(rows)
    previous_bottom: float | None = None
    for row, backwards in zip(rows, right_to_left, strict=True):
        size = max(char["size"] for char in row)
        text = _row_text(row, size, backwards)
        if not text:
            continue
        top = min(char["top"] for char in row)
        if previous_bottom is not None and top - previous_bottom > _PARAGRAPH_GAP * size:
            yield ""
        previous_bottom = max(char["bottom"] for char in row)
        yield text


def _right_to_left_rows(rows: list[list[Char]]) -> list[bool]:
    """Which rows (each sorted left to right) are right-to-left lines: those holding a
    right-to-left letter, and on a page that has them, a line of Latin letters and digits set
    flush right and not flush left, as a footnote `A/HRC/25/27.` of an Arabic text is (its full
    stop drawn first)."""
    holding = [any(RIGHT_TO_LEFT.search(char["text"]) for char in row) for row in rows]
    if not any(holding):
        return holding
    left = min(row[0]["x0"] for row in rows)
    right = max(row[-1]["x1"] for row in rows)
    return [
        held
        or (
            right - row[-1]["x1"] < 0.5 * row[-1]["size"]
            and row[0]["x0"] - left > 2 * row[0]["size"]
        )
        for row, held in zip(rows, holding, strict=True)
    ]


def _row_text(row: list[Char], size: float, right_to_left: bool = False) -> str:
    """One line's characters as text: a space where the gap between two is a word space,
    raised small digits as superscript; a right-to-left line put in written order."""
    baseline = statistics.median(char["bottom"] for char in row if char["size"] == size)
    pieces: list[str] = []
    previous: Char | None = None
    after_marker = False
    for char in row:
        text = char["text"]
        marker = (
            text.isdigit()
            and char["size"] < _MARKER_SIZE * size
            and char["bottom"] < baseline - 0.15 * size
        )
        # A marker touches the word it follows: on its left as drawn in a left-to-right line,
        # on its right in a right-to-left one; the gap on its other side may be a space.
        touching = after_marker if right_to_left else marker
        if previous is not None and text != " " and not pieces[-1].endswith(" "):
            gap = char["x0"] - previous["x1"]
            # Justified Chinese spreads its characters apart: no space between two of them
            # unless a whole character's width is empty.
            word_space = 1.0 if is_wide(text) and is_wide(previous["text"]) else 0.2
            if gap > word_space * min(char["size"], previous["size"]) and not touching:
                pieces.append(" ")
        pieces.append(to_superscript(text) if marker else text)
        previous, after_marker = char, marker
    if not right_to_left:
        return " ".join("".join(pieces).split())
    text = fold_presentation_forms("".join(logical_order(pieces))).replace(_KASHIDA, "")
    return " ".join(text.split())


_ARABIC_WORD = re.compile("[\u0621-\u064a]{4,}")


def _reads_reversed(text: str) -> bool:
    """Whether the Arabic of `text` reads backwards: more of its longer words end in `لا` (the
    article `ال` reversed) than begin with `ال`, as very many words of any Arabic text do."""
    words = _ARABIC_WORD.findall(text)
    return sum(w.endswith("لا") for w in words) > max(2, sum(w.startswith("ال") for w in words))
