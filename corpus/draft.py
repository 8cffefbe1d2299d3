"""Reading a draft resolution into the paragraphs to check against adopted text.

A draft comes pasted or as a file of any format `corpus.formats` reads (told by its first
bytes). It is cleaned as a resolution file is (`corpus.normalize`: markup, full-width forms,
page furniture), then cut into paragraphs: blank lines separate them, a hard-wrapped text (a
PDF) has its lines joined, a numbered line (`1.`, `PP3`, `OP 4`, `(a)`, `a)`, `1-`, `(أ)`)
opens a new one. The draft's own numbering is kept apart from the text compared; the opening
formula (`人权理事会，`), what comes before it (the title, the symbol) and headings (short lines
that end with no punctuation) are not paragraphs to check; footnotes are left out.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import cache

from corpus.errors import ResolutionError, ResolutionWarning
from corpus.formats import MAX_DOCUMENT_BYTES, document_text
from corpus.formats.refusal import FileRefused
from corpus.normalize import SUPERSCRIPT_DIGITS, WrappedText, clean_lines, is_wide
from corpus.parser import is_opening
from languages import Language
from languages.documents import DOCUMENT_FORMS
from languages.messages import message
from languages.scripts import detect_language

MAX_DRAFT_PARAGRAPHS = 500
"""The most paragraphs checked at once: a long resolution has some 80; a draft of more is
several drafts, or not a draft (it would also hold a request for minutes)."""
MAX_PARAGRAPH_CHARS = 10_000
"""The longest paragraph checked: the longest adopted paragraphs run to about 2,000
characters, and comparing word by word costs the product of two paragraphs' lengths."""
MAX_DRAFT_CHARS = 2_000_000
"""The most text read as a draft (500 paragraphs of 4,000 characters)."""

# A heading is a line at most this wide (display cells) that ends with no punctuation.
_HEADING_WIDTH = 80
# Lines of a hard-wrapped text (a PDF) are at most this wide; pasted paragraphs are longer.
_MAX_WRAP_WIDTH = 120

# The draft's own numbering: `PP3`, `OP 4.`, `AN2`, an operative number (`1.`, `1)`, Arabic
# `1-`), then a sub-paragraph's letter in any language's form (`(a)`, `a)`, `(أ)`, `’1‘`).
_LABELLED = re.compile(r"^(?P<label>(?:PP|OP|AN)\s?\d{1,4}[.:)]?)\s*(?P<text>\S.*)$")
_NUMBERED = re.compile(r"^(?P<label>\d{1,4}\s*(?:[.)]|-(?=\s)))\s*(?P<text>\S.*)$")
_FOOTNOTE_LINE = re.compile(rf"^[{SUPERSCRIPT_DIGITS}]{{1,4}}\s*\S")
_FOOTNOTE_MARKER = re.compile(rf"[{SUPERSCRIPT_DIGITS}]{{1,4}}")
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")


@dataclass(frozen=True, slots=True)
class DraftParagraph:
    """One paragraph of a draft to check: `index` counts them from 1 in the draft's order,
    `label` is its own numbering as written (`1.`, `PP3`, `(a)`, or ""), `text` what is
    compared, and `lead_in` the paragraph a sub-paragraph hangs under (searched with it, as
    an indexed sub-paragraph is)."""

    index: int
    label: str
    text: str
    lead_in: str = ""


@dataclass(frozen=True, slots=True)
class Draft:
    """The paragraphs of a draft, in its language (told from its text), and what was noticed
    reading it (a file named as another format)."""

    language: Language
    paragraphs: tuple[DraftParagraph, ...]
    notes: tuple[str, ...] = ()


class DraftError(ValueError):
    """A draft that cannot be checked, its reason a message key said in the user's language."""

    def __init__(self, key: str, refused: FileRefused | None = None, **values: object) -> None:
        self.key = key
        self.refused = refused
        """The reader's refusal of a file (scanned, damaged, not what its name says)."""
        self.values = values
        super().__init__(self.said_in("en"))

    def said_in(self, language: str) -> str:
        if self.refused is not None:
            return message(self.key, language, reason=self.refused.reason_in(language))
        return message(self.key, language, **self.values)


def read_draft(text: str, notes: tuple[str, ...] = ()) -> Draft:
    """The paragraphs of a pasted draft; DraftError when there is none or too many."""
    if len(text) > MAX_DRAFT_CHARS:
        raise DraftError("check_too_large", limit=MAX_DRAFT_CHARS)
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    headings = {number for number, line in enumerate(raw_lines) if _MARKDOWN_HEADING.match(line)}
    lines = clean_lines(text)
    language = detect_language("\n".join(line for line in lines if line))
    opening = next((i for i, line in enumerate(lines) if line and is_opening(line)), -1)
    blocks = _blocks(lines, headings, start=opening + 1)
    pieces = [piece for block in _joined(blocks, language) for piece in block]
    candidates = [piece for piece in pieces if not _FOOTNOTE_LINE.match(piece[0])]
    several = len(candidates) > 1
    paragraphs: list[DraftParagraph] = []
    lead_in = ""
    for line, heading in candidates:
        label, body = _numbering(line, language)
        body = _FOOTNOTE_MARKER.sub("", body).strip()
        # A Markdown heading is one; a short line without punctuation is, unless it is all
        # there is (a single clause pasted to check).
        if not body or (not label and (heading or (several and _is_heading(body, language)))):
            continue
        if len(body) > MAX_PARAGRAPH_CHARS:
            raise DraftError(
                "check_paragraph_too_long",
                index=len(paragraphs) + 1,
                length=len(body),
                limit=MAX_PARAGRAPH_CHARS,
            )
        sub = bool(label) and not (label[0].isdigit() or label.startswith(("PP", "OP", "AN")))
        paragraphs.append(DraftParagraph(len(paragraphs) + 1, label, body, lead_in if sub else ""))
        if not sub:
            lead_in = body
        if len(paragraphs) > MAX_DRAFT_PARAGRAPHS:
            raise DraftError("check_too_many", count=len(candidates), limit=MAX_DRAFT_PARAGRAPHS)
    if not paragraphs:
        raise DraftError("check_empty")
    return Draft(language, tuple(paragraphs), notes)


def read_draft_file(raw: bytes, name: str) -> Draft:
    """The draft in a file's bytes (`name` is what the file is called: only its suffix is
    read, and the first bytes decide); DraftError says why it cannot be read."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise DraftError("check_file_too_large", limit=MAX_DOCUMENT_BYTES // 2**20)
    if not raw.strip():
        raise DraftError("check_empty")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResolutionWarning)
        try:
            text = document_text(raw, name)
        except FileRefused as error:
            raise DraftError("check_refused", refused=error) from None
        except ResolutionError:  # text in no encoding read
            raise DraftError("check_not_text") from None
        except Exception as error:  # a file built to break a reader: refused, never a crash
            raise DraftError("check_unreadable", detail=type(error).__name__) from None
    notes = tuple(
        warning.message.reason
        for warning in caught
        if isinstance(warning.message, ResolutionWarning)
    )
    return read_draft(text, notes)


def _blocks(
    lines: list[str | None], headings: set[int], start: int
) -> list[list[tuple[str, bool]]]:
    """Runs of non-blank lines after `start`, each line with whether it was a heading."""
    blocks: list[list[tuple[str, bool]]] = [[]]
    for number in range(start, len(lines)):
        line = lines[number]
        if not line:
            if blocks[-1]:
                blocks.append([])
            continue
        if is_opening(line):
            continue
        blocks[-1].append((line, number in headings))
    return [block for block in blocks if block]


def _joined(
    blocks: list[list[tuple[str, bool]]], language: Language
) -> list[list[tuple[str, bool]]]:
    """Each block's lines as paragraphs: one a line, unless the text is hard-wrapped with blank
    lines between its paragraphs (a PDF), where a block's lines are one paragraph until a
    numbered line opens the next."""
    widths = sorted(_width(line) for block in blocks for line, _ in block)
    wrapped = (
        len(blocks) > 1
        and any(len(block) > 1 for block in blocks)
        and widths[round(0.9 * (len(widths) - 1))] <= _MAX_WRAP_WIDTH
    )
    if not wrapped:
        return blocks
    joined = []
    for block in blocks:
        paragraphs: list[tuple[WrappedText, bool]] = []
        for line, heading in block:
            if (
                paragraphs
                and not heading
                and not paragraphs[-1][1]
                and not _numbering(line, language)[0]
            ):
                paragraphs[-1][0].add(line)
            else:
                paragraphs.append((WrappedText(line), heading))
        joined.append([(text.text, heading) for text, heading in paragraphs])
    return joined


def _numbering(line: str, language: Language) -> tuple[str, str]:
    """The draft's own number or letter opening `line`, as written, and the text after it."""
    for pattern in (_LABELLED, _NUMBERED, *_item_patterns(language)):
        match = pattern.match(line)
        if match:
            return " ".join(match["label"].split()), match["text"]
    return "", line


@cache
def _item_patterns(language: Language) -> tuple[re.Pattern[str], ...]:
    """A sub-paragraph's marker in the draft's language's form, then in the parenthesised
    form every language may use."""
    forms = dict.fromkeys(
        (DOCUMENT_FORMS[language].subparagraph, DOCUMENT_FORMS["en"].subparagraph)
    )
    return tuple(re.compile(rf"^(?P<label>{form})\s*(?P<text>\S.*)$") for form in forms)


def _is_heading(text: str, language: Language) -> bool:
    """A short line ending with no punctuation: a heading (`地方政府与人权`, `Draft
    resolution`, `A/HRC/58/L.5`), not a paragraph."""
    forms = DOCUMENT_FORMS[language]
    ends = forms.paragraph_ends + forms.closing_marks + "。.!?！？"
    return _width(text) <= _HEADING_WIDTH and text.rstrip()[-1] not in ends


def _width(line: str) -> int:
    return sum(2 if is_wide(char) else 1 for char in line)
