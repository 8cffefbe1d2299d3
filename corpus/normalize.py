"""Turning the raw bytes of a resolution file into clean text lines.

Real copies come as UTF-8 with or without a BOM, with CRLF endings, with full-width digits and
brackets, with Markdown markup, or as text extracted from the UN's PDFs with running headers,
footers and job numbers. This module removes those differences so that the parser sees one
layout; it knows nothing of paragraphs.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from corpus.errors import ResolutionError
from languages.documents import DOCUMENT_FORMS

PAGE_BREAK = None
"""Stands in the line list where a running header or footer was removed."""

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

# Full-width forms that UN Chinese texts otherwise write in ASCII: digits, Latin letters,
# brackets, the slash of `57/12` and the full stop of `17.`. Chinese punctuation (，。；：)
# is left alone: it is part of the text as the resolution words it.
_FULL_WIDTH = {
    **{code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)},
    **{code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)},
    **{code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)},
    **{ord(char): ord(char) - 0xFEE0 for char in "（）［］／．"},
    0x3000: ord(" "),
}

# Control characters (C0, DEL, C1) are not text: a NUL or an ESC must not reach an answer or a
# terminal. Those that are whitespace (form feed, which `pdftotext` puts at each page break,
# vertical tab, NEL) become a space, so that the words on either side stay apart; tab and the
# line breaks are kept for the steps below.
_CONTROL = {
    code: " " if chr(code).isspace() else None
    for code in (*range(0x00, 0x20), *range(0x7F, 0xA0))
    if chr(code) not in "\t\n\r"
}

# A tag or link stops at the next character that would open another: were it to scan on to
# its closing character, it would rescan the rest of the line from every `<` or `[`, and a line
# of a million `[` would take hours. Bounded too, far above any real tag or link.
_SUPERSCRIPT_TAG = re.compile(r"<sup>\s*(\d+)\s*</sup>", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,500}>")
_MARKDOWN_LINK = re.compile(r"\[([^\[\]]{0,1000})\]\([^()\[\]]{0,2000}\)")
_MARKDOWN_EMPHASIS = re.compile(r"\*\*(.*?)\*\*|\*([^\W\d_][^*]{0,500}?)\*")
# Markdown footnotes: `[^1]` in the text, `[^1]: …` where the note is defined.
_MARKDOWN_FOOTNOTE = re.compile(r"\[\^(\d{1,4})\](:?)")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_MARKDOWN_LIST_ITEM = re.compile(r"^[-*+]\s+(?=\S)")
_SPACE_RUN = re.compile(r"[ \t\u00a0]{2,}")

_FOOTNOTE_RULE = r"_{3,}"

# Lines that PDF extraction repeats on every page: the symbol as running header (of any body:
# `A/HRC/RES/57/12`, `A/RES/48/161`, `S/RES/2720 (2023)`, `E/RES/2024/5`), the job number
# (`GE.22-16123(E)`, `23-26321 (E)`) and its bar code (`*2326321*`), page numbers (`2`, `2/5`,
# the 1990s' `Page 2` and `/...` at the foot of a page going on), the rule above the footnotes,
# a Markdown rule, and the page lines particular to a language (`第 2 页`). The file's language
# is not known yet: all are removed.
_PAGE_FURNITURE = (
    r"(?:A/HRC/RES|A/RES|S/RES|E/RES)/[\w/-]+(?:\s*\(\d{4}\))?",  # running header
    r"(?:\d{1,3}\s+)?GE\.\d{2}-\d{3,6}\b.*",  # job number, perhaps after a page number
    r"\d{2}-\d{5}\s*\([A-Z]\)",  # a New York job number
    r"\*\d{7}\*",  # the job number's bar code
    r"\d{1,3}(?:\s*/\s*\d{1,3})?",  # page number, `2` or `2/5`
    r"Page\s+\d{1,3}",
    r"/\.\.\.",
    _FOOTNOTE_RULE,
    r"-{3,}|\*{3,}",  # Markdown rule
)
_RULE = re.compile(rf"^{_FOOTNOTE_RULE}$")
# A footnote at a page's foot, under the rule, as PDF extraction leaves it when it loses the
# superscript: `1 A/80/123.`, or the 1990s' `1/ A/48/526.`.
_PLAIN_FOOTNOTE = re.compile(r"^(\d{1,3})/?\s+(\S.*)$")


@cache
def _page_furniture(particular: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"^(?:{'|'.join((*_PAGE_FURNITURE, *particular))})$")


def decode(raw: bytes, source: str) -> str:
    """The text of a file: UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    if not raw.strip():
        raise ResolutionError(source, "the file is empty")
    encoding = "utf-16" if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        what = "UTF-8 text" if encoding == "utf-8-sig" else "UTF-16 text, as its first bytes say"
        line = raw[: error.start].decode(encoding).count("\n") + 1
        raise ResolutionError(
            source,
            f"the file is not {what} (byte 0x{raw[error.start]:02x} at offset {error.start}, "
            f"line {line}); save it as UTF-8 and try again",
        ) from None


def clean_lines(text: str) -> list[str | None]:
    """The file's lines without control characters, markup or page furniture: one entry for
    each line of the file, so that entry `i` is line `i + 1` and errors can name it.

    A line of page furniture becomes `PAGE_BREAK`; blank lines are kept as empty strings: both
    separate paragraphs.
    """
    text = normalize_width(text).translate(_CONTROL)
    furniture = _page_furniture(
        tuple(line for forms in DOCUMENT_FORMS.values() for line in forms.page_furniture)
    )
    lines: list[str | None] = []
    under_rule = False  # between a footnote rule and the end of its page's footnotes
    footnotes: set[str] = set()
    for raw_line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = strip_markup(raw_line)
        if furniture.match(line):
            under_rule = under_rule or bool(_RULE.match(line))
            lines.append(PAGE_BREAK)
            continue
        plain = _PLAIN_FOOTNOTE.match(line) if under_rule else None
        if plain:
            footnotes.add(plain.group(1))
            line = f"{to_superscript(plain.group(1))} {plain.group(2)}"
        elif line and line[0] not in SUPERSCRIPT_DIGITS:
            under_rule = False
        lines.append(line)
    return _mark_plain_footnote_references(lines, footnotes) if footnotes else lines


# A footnote reference that lost its superscript: `1/` after a space (the 1990s), or digits
# right after the punctuation that ends a clause (`resolution 79/7;1`), never after a decimal
# point or a thousands separator (`1.5`, `1,000`).
_PLAIN_REFERENCE = re.compile(
    r"(?:(?<=\S)\s+(?P<slashed>\d{1,3})/(?=[\s,.;:]|$)"
    r"|(?:(?<=[;:；：，。、])|(?<=[^\d\s][.,]))(?P<flattened>\d{1,3})(?=\s|$))"
)


def _mark_plain_footnote_references(
    lines: list[str | None], footnotes: set[str]
) -> list[str | None]:
    """Each plain reference to a footnote the page foot holds, as the marker `¹`."""

    def marker(match: re.Match[str]) -> str:
        number = match["slashed"] or match["flattened"]
        return to_superscript(number) if number in footnotes else match.group(0)

    return [
        line if not line or line[0] in SUPERSCRIPT_DIGITS else _PLAIN_REFERENCE.sub(marker, line)
        for line in lines
    ]


def normalize_width(text: str) -> str:
    """Full-width digits, Latin letters and brackets as ASCII (`１７．` → `17.`), in NFC."""
    return unicodedata.normalize("NFC", text).translate(_FULL_WIDTH)


def strip_markup(line: str) -> str:
    """One line without Markdown or HTML markup; `<sup>1</sup>` becomes the marker `¹`."""
    line = _SUPERSCRIPT_TAG.sub(lambda match: to_superscript(match.group(1)), line)
    line = _MARKDOWN_FOOTNOTE.sub(
        lambda match: to_superscript(match.group(1)) + (" " if match.group(2) else ""), line
    )
    line = _HTML_TAG.sub("", line)
    line = _MARKDOWN_LINK.sub(r"\1", line)
    line = _MARKDOWN_EMPHASIS.sub(lambda match: match.group(1) or match.group(2), line)
    line = line.strip()
    line = _MARKDOWN_HEADING.sub("", line)
    line = _MARKDOWN_LIST_ITEM.sub("", line)
    return _SPACE_RUN.sub(" ", line)


def to_superscript(digits: str) -> str:
    return digits.translate(str.maketrans("0123456789", SUPERSCRIPT_DIGITS))


def from_superscript(marker: str) -> int:
    return int(marker.translate(str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")))


def is_wide(char: str) -> bool:
    """Whether a character belongs to CJK text, where lines join without a space."""
    return unicodedata.east_asian_width(char) in ("W", "F")


WRAP_TAIL = 64
"""How many characters of a paragraph's end `WrappedText.end` keeps: enough for a line join
and for the parser's test of how a paragraph ends (its final punctuation, closing quotes and
footnote markers)."""


class WrappedText:
    """The lines of one paragraph joined as if the line wraps had not happened.

    Joined once, at the end, so that a paragraph of many lines costs time linear in its length
    (joining line by line copies the whole text each time)."""

    def __init__(self, first: str = "") -> None:
        self._pieces = [first]
        self.end = first[-WRAP_TAIL:]
        """The text's last characters: all that decides how the next line joins."""

    def add(self, line: str) -> None:
        separator = _wrap_separator(self.end, line)
        self._pieces += (separator, line)
        self.end = (self.end + separator + line[-WRAP_TAIL:])[-WRAP_TAIL:]

    @property
    def text(self) -> str:
        return "".join(self._pieces)


def _wrap_separator(head: str, tail: str) -> str:
    """What joins a line to the next one of the same paragraph: nothing within CJK text and
    after a hyphen that broke a word, else a space. Only the last two characters of `head`
    count."""
    if not head or not tail or is_wide(head[-1]) or is_wide(tail[0]):
        return ""
    if head.endswith("-") and head[-2:-1].isalpha() and tail[0].islower():
        return ""
    return " "
