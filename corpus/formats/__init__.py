"""From a file's bytes to the text of the resolution in it, whatever the file's format.

    text = document_text(raw, path)

The format is told by the file's first bytes, not by its name: a `.pdf` that holds text is
read as text, a `.docx` that is a PDF as a PDF (with a warning that the name is wrong), and
a file whose bytes are of no format read here is refused, saying what it looks like. Each
format has its module: `pdf` (text layer only: a scanned PDF is refused), `docx`, `html`;
plain text and Markdown go to the normaliser as they are. The text returned is in the form the
normaliser cleans (`corpus.normalize`): lines, blank lines between paragraphs, page furniture
as lines of its own.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from corpus.errors import ResolutionWarning
from corpus.formats.refusal import FileRefused
from corpus.normalize import decode

MAX_DOCUMENT_BYTES = 64 * 2**20
"""The largest file read, whatever its format: a resolution's PDF or Word file runs to a few MB
with its pictures. (Its text has a smaller limit: `corpus.reader.MAX_FILE_BYTES`.)"""

FORMATS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".md": "text",
}
"""The formats read, by the suffix a file of each has; a folder is searched for these."""

FORMAT_NAMES = {"pdf": "PDF", "docx": "Word (.docx)", "html": "HTML", "text": "text"}

# What the first bytes of files in formats not read here say they are (a message key).
_OTHER_FORMATS = (
    (b"\xd0\xcf\x11\xe0", "kind_doc"),
    (b"{\\rtf", "kind_rtf"),
    (b"\x89PNG", "kind_image"),
    (b"\xff\xd8\xff", "kind_image"),
    (b"GIF8", "kind_image"),
    (b"II*\x00", "kind_image"),
    (b"MM\x00*", "kind_image"),
    (b"\x1f\x8b", "kind_archive"),
    (b"7z\xbc\xaf", "kind_archive"),
    (b"Rar!", "kind_archive"),
)


def sniff(raw: bytes) -> str | None:
    """The format the bytes are in, by their first bytes; None for no format read here."""
    head = raw[:1024]
    if b"%PDF-" in head:  # a PDF may have bytes before its header
        return "pdf"
    if raw.startswith(b"PK\x03\x04"):
        return "docx"
    if any(raw.startswith(magic) for magic, _ in _OTHER_FORMATS):
        return None
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in text:
        return "html"
    return "text"


def document_text(raw: bytes, path: str | Path) -> str:
    """The text of the file at `path`, whose bytes are `raw`; `FileRefused` (naming the file)
    when its format cannot be read, a `ResolutionWarning` when its name says another format."""
    source = str(path)
    named = FORMATS.get(Path(path).suffix.lower())
    found = _format(raw, source, named)
    if named and found != named:
        warnings.warn(
            ResolutionWarning(
                source,
                f"the file is named as {FORMAT_NAMES[named]} but holds {FORMAT_NAMES[found]}; "
                f"read as {FORMAT_NAMES[found]}",
            ),
            stacklevel=2,
        )
    if found == "text":
        return decode(raw, source)
    if found == "pdf":  # each reader imported when needed: reading text needs none of them
        from corpus.formats.pdf import pdf_text

        return pdf_text(raw, source)
    if found == "docx":
        from corpus.formats.docx import docx_text

        return docx_text(raw, source)
    from corpus.formats.html import html_text

    return html_text(raw, source)


def _format(raw: bytes, source: str, named: str | None) -> str:
    found = sniff(raw)
    utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
    if found == "text" and named != "text" and b"\x00" in raw[:1024] and not utf16:
        found = None  # NUL bytes: no text, unless a `.txt` says so (the normaliser drops them)
    if named in ("text", "html") and found in ("text", "html"):
        return named  # the name decides: an HTML fragment has no `<html>`, a note may quote one
    if found == "docx" and named not in (None, "docx") and not _is_word(raw):
        found = None
    if found is not None:
        return found
    kind = next((kind for magic, kind in _OTHER_FORMATS if raw.startswith(magic)), "kind_binary")
    if named == "docx":
        raise FileRefused(source, "docx_not_word", kind=kind)
    if named == "pdf":
        raise FileRefused(source, "pdf_not_pdf", kind=kind)
    raise FileRefused(source, "unsupported_format", kind=kind)


def _is_word(raw: bytes) -> bool:
    return b"word/" in raw[:4096] or b"word/document.xml" in raw[-65536:]
