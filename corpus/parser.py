"""Cutting a resolution's text into its metadata and labelled paragraphs (docs/citations.md).

The text has already been cleaned by `corpus.normalize`. A resolution reads, in order: a header
(session, agenda item, adoption date, the line `51/5. Title`), the opening line `人权理事会，`
or `The Human Rights Council,`, unnumbered preambular paragraphs, numbered operative
paragraphs with their lettered sub-paragraphs, footnotes wherever the layout puts them, and a
trailer (date, meeting, how it was adopted). How each language writes the opening line, the
dates and the trailer is looked up in `languages.documents`; the rest is the same in every
language.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from corpus.errors import ResolutionError
from corpus.models import Paragraph, Part, Resolution
from corpus.normalize import (
    PAGE_BREAK,
    SUPERSCRIPT_DIGITS,
    clean_lines,
    from_superscript,
    is_wide,
    join_wrapped,
)
from languages import Language
from languages.documents import DOCUMENT_FORMS, DocumentForms

_TITLE = re.compile(r"^(\d{1,3}/\d{1,3})\s*\.\s*(\S.*)$")
_OPERATIVE = re.compile(r"^(\d{1,3})\.(?!\d)\s*(.*)$")
_FOOTNOTE = re.compile(rf"^([{SUPERSCRIPT_DIGITS}]+)\s*(\S.*)$")
_FOOTNOTE_MARKER = re.compile(rf"[{SUPERSCRIPT_DIGITS}]+")


@dataclass(frozen=True, slots=True)
class _Patterns:
    """One language's `DocumentForms`, compiled into what the parser matches."""

    forms: DocumentForms
    opening: re.Pattern[str]
    adopted_in_header: re.Pattern[str]
    date_line: re.Pattern[str]
    agenda: re.Pattern[str]
    subparagraph: re.Pattern[str]
    meeting: re.Pattern[str]
    trailer: re.Pattern[str]
    vote: re.Pattern[str]
    without_a_vote: re.Pattern[str]
    paragraph_end: re.Pattern[str]


@cache
def _patterns(forms: DocumentForms) -> _Patterns:
    opening = re.escape(forms.opening.rstrip(",，"))
    vote_openings = "|".join(forms.vote_openings)
    votes = "|".join((*forms.vote_openings, *forms.vote_wordings_in_trailer))
    return _Patterns(
        forms=forms,
        opening=re.compile(rf"^{opening}\s*[，,]$", re.IGNORECASE),
        adopted_in_header=re.compile(forms.adopted_in_header),
        date_line=re.compile(rf"^(?:{forms.date})$", re.MULTILINE),
        agenda=re.compile(rf"^(?:{forms.agenda})$", re.MULTILINE),
        subparagraph=re.compile(rf"^(?:{forms.subparagraph})\s*(?P<text>.*)$"),
        meeting=re.compile(rf"^(?:{forms.meeting})$", re.MULTILINE),
        # The trailer starts at the first line after an operative paragraph that is a date,
        # the meeting, a bracketed line (`[未经表决获得通过。]`) or opens the vote.
        trailer=re.compile(rf"^(?:{forms.date}|{forms.meeting}|\[.*|(?:{vote_openings}).*)$"),
        vote=re.compile(rf"^\[?((?:{votes})[^\]]*)\]?", re.MULTILINE),
        without_a_vote=re.compile(forms.without_a_vote, re.IGNORECASE),
        # A paragraph ends with one of these (a closing quote or bracket may follow); a block
        # that does not (a footnote marker may stand last) is cut off by a page break and goes
        # on in the next block.
        paragraph_end=re.compile(
            rf"[{re.escape(forms.paragraph_ends)}][{re.escape(forms.closing_marks)}]*"
            rf"[{SUPERSCRIPT_DIGITS}]*$"
        ),
    )


# Lines of a hard-wrapped text (a PDF extraction) are at most this wide in display cells;
# files that hold one paragraph per line have far longer lines.
_MAX_WRAP_WIDTH = 120


def parse_resolution(text: str, source: str) -> Resolution:
    """The resolution in `text` (the contents of the file `source`), or a ResolutionError."""
    lines = clean_lines(text)
    language, patterns, opening = _find_opening(lines, source)
    title_at = _find_title(lines[:opening], source)
    number, title = _read_title(lines, title_at, patterns)
    header = "\n".join(line for line in lines[:opening] if line)

    body, footnotes = _split_footnotes(lines[opening + 1 :])
    body, trailer = _split_trailer(body, patterns)
    paragraphs = _Assembler(number, body, patterns).paragraphs(footnotes, source)
    if not any(paragraph.part == "operative" for paragraph in paragraphs):
        raise ResolutionError(source, "no numbered operative paragraphs (`1. …`) were found")

    return Resolution(
        number=number,
        title=title,
        agenda_item=_read_agenda_item(patterns, header),
        adopted=_read_adoption_date(patterns, header, trailer, source),
        meeting=_read_meeting(patterns, trailer),
        vote=_read_vote(patterns, trailer, source),
        language=language,
        source=source,
        paragraphs=paragraphs,
    )


def _find_opening(lines: list[str | None], source: str) -> tuple[Language, _Patterns, int]:
    """The language of the text, its patterns, and where its opening line is: the first line
    that is any language's opening line."""
    languages = [(language, _patterns(forms)) for language, forms in DOCUMENT_FORMS.items()]
    for index, line in enumerate(lines):
        for language, patterns in languages:
            if line and patterns.opening.match(line):
                return language, patterns, index
    openings = " or ".join(f"`{forms.opening}`" for forms in DOCUMENT_FORMS.values())
    raise ResolutionError(
        source,
        "this does not look like a Human Rights Council resolution: no line "
        f"{openings} opens its paragraphs",
    )


def _find_title(header: list[str | None], source: str) -> int:
    for index in range(len(header) - 1, -1, -1):
        line = header[index]
        if line and _TITLE.match(line):
            return index
    raise ResolutionError(
        source,
        "no resolution number line such as `51/5. 善治对促进和保护人权的作用` or "
        "`51/5. The role of good governance …` before the opening line",
    )


def _read_title(lines: list[str | None], title_at: int, patterns: _Patterns) -> tuple[str, str]:
    match = _TITLE.match(lines[title_at] or "")
    assert match is not None
    number, title = match.groups()
    # A PDF extraction wraps a long title over several lines, up to the next blank line.
    for line in lines[title_at + 1 :]:
        if not line or patterns.opening.match(line):
            break
        title = join_wrapped(title, line)
    return number, title


def _split_footnotes(body: list[str | None]) -> tuple[list[str | None], dict[int, str]]:
    """The body without its footnotes, and the footnotes by number.

    A removed footnote leaves a `PAGE_BREAK`: in a PDF it sits where a page ends, and a
    paragraph may go on after it.
    """
    kept: list[str | None] = []
    footnotes: dict[int, str] = {}
    current: int | None = None
    for line in body:
        match = _FOOTNOTE.match(line) if line else None
        if match:
            current = from_superscript(match.group(1))
            footnotes[current] = match.group(2)
            kept.append(PAGE_BREAK)
        elif current is not None and line:
            footnotes[current] = join_wrapped(footnotes[current], line)
        else:
            current = None
            kept.append(line)
    return kept, footnotes


def _split_trailer(body: list[str | None], patterns: _Patterns) -> tuple[list[str | None], str]:
    """The paragraphs' lines, and the trailer after the last operative paragraph."""
    seen_operative = False
    for index, line in enumerate(body):
        if not line:
            continue
        if _OPERATIVE.match(line):
            seen_operative = True
        elif seen_operative and patterns.trailer.match(line):
            return body[:index], "\n".join(line for line in body[index:] if line)
    return body, ""


@dataclass
class _Draft:
    """A paragraph while its lines are being gathered."""

    part: Part
    number: int
    subdivisions: tuple[str, ...]
    text: str
    last_line: str = field(default="")

    def add(self, line: str) -> None:
        self.text = join_wrapped(self.text, line)
        self.last_line = line


class _Assembler:
    """Gathers the body's lines into labelled paragraphs, in one pass."""

    def __init__(self, number: str, body: list[str | None], patterns: _Patterns) -> None:
        self.resolution = number
        self.body = body
        self.patterns = patterns
        widths = [_display_width(line) for line in body if line]
        self.hard_wrapped = bool(widths) and _percentile(widths, 0.9) <= _MAX_WRAP_WIDTH
        self.full_width = _percentile(widths, 0.9) if widths else 0
        self.drafts: list[_Draft] = []

    def paragraphs(self, footnotes: dict[int, str], source: str) -> tuple[Paragraph, ...]:
        gap: str | None = None  # what separates the line from the one before
        for line in self.body:
            if line is PAGE_BREAK:
                gap = "page"
            elif not line:
                gap = gap or "blank"
            else:
                self._take(line, gap)
                gap = None
        if not self.drafts:
            raise ResolutionError(source, "no paragraphs follow the opening line")
        return tuple(self._finish(draft, footnotes, source) for draft in self.drafts)

    def _take(self, line: str, gap: str | None) -> None:
        draft = self._start(line)
        if draft is not None:
            self.drafts.append(draft)
            return
        current = self.drafts[-1] if self.drafts else None
        if current is not None and self._continues(current, line, gap):
            current.add(line)
        else:
            self.drafts.append(_Draft("preambular", self._count("preambular") + 1, (), line, line))

    def _start(self, line: str) -> _Draft | None:
        """A new operative paragraph or sub-paragraph if `line` opens one, else None."""
        last_operative = self._count("operative")
        match = _OPERATIVE.match(line)
        if match and int(match.group(1)) > last_operative:
            return _Draft("operative", int(match.group(1)), (), match.group(2), line)
        match = self.patterns.subparagraph.match(line)
        if match and last_operative:
            subdivisions = _place_subdivision(self._last_operative(), match["item"])
            return _Draft("operative", last_operative, subdivisions, match["text"], line)
        return None

    def _continues(self, current: _Draft, line: str, gap: str | None) -> bool:
        """Whether an unnumbered line goes on with the current paragraph."""
        if current.part == "operative":
            return True  # operative paragraphs are numbered: an unnumbered line is not a new one
        if gap is None:
            return self.hard_wrapped
        if line[0].islower() or not self.patterns.paragraph_end.search(current.text):
            return True
        # A page break right after a full line that ends with a comma is a wrap, not an end.
        return (
            gap == "page"
            and self.hard_wrapped
            and _display_width(current.last_line) >= 0.9 * self.full_width
        )

    def _count(self, part: Part) -> int:
        numbers = [draft.number for draft in self.drafts if draft.part == part]
        return max(numbers, default=0)

    def _last_operative(self) -> _Draft:
        return next(draft for draft in reversed(self.drafts) if draft.part == "operative")

    def _finish(self, draft: _Draft, footnotes: dict[int, str], source: str) -> Paragraph:
        text, markers = _remove_footnote_markers(draft.text.strip())
        missing = [marker for marker in markers if marker not in footnotes]
        if missing:
            warnings.warn(
                f"{source}: footnote {missing[0]} is referenced but not found", stacklevel=2
            )
        return Paragraph(
            resolution=self.resolution,
            part=draft.part,
            number=draft.number,
            subdivisions=draft.subdivisions,
            text=text,
            footnotes=tuple(footnotes[marker] for marker in markers if marker in footnotes),
        )


def _place_subdivision(previous: _Draft, item: str) -> tuple[str, ...]:
    """Where `(item)` goes below the operative paragraph: `(b)` after `(a)`, `(ii)` in `(a)`.

    `(i)` is a letter right after `(h)`, and otherwise the first roman numeral one level down.
    """
    levels = previous.subdivisions
    if levels and item == _next_letter(levels[0]):
        return (item,)
    if levels and _is_roman(item):
        if len(levels) == 1 and item == "i":
            return (levels[0], item)
        if len(levels) == 2 and _roman_value(item) == _roman_value(levels[1]) + 1:
            return (levels[0], item)
    return (item,)


def _next_letter(letter: str) -> str:
    return chr(ord(letter[-1]) + 1) if len(letter) == 1 and letter < "z" else ""


def _is_roman(item: str) -> bool:
    return re.fullmatch(r"[ivxl]+", item) is not None


def _roman_value(item: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    total = 0
    for char, following in zip(item, item[1:] + " ", strict=True):
        value = values[char]
        total += -value if following != " " and values[following] > value else value
    return total


def _remove_footnote_markers(text: str) -> tuple[str, list[int]]:
    """The text without its footnote markers, and the footnotes they point at, in order."""
    markers: list[int] = []
    pieces: list[str] = []
    position = 0
    for match in _FOOTNOTE_MARKER.finditer(text):
        pieces.append(text[position : match.start()])
        markers.append(from_superscript(match.group(0)))
        position = match.end()
        # In Chinese the marker may stand before a space (`报告，¹ 并欢迎`) that is not text.
        if match.start() and is_wide(text[match.start() - 1]):
            while position < len(text) and text[position] == " ":
                position += 1
    pieces.append(text[position:])
    return "".join(pieces), markers


def _read_adoption_date(patterns: _Patterns, header: str, trailer: str, source: str) -> date:
    for pattern, text in ((patterns.adopted_in_header, header), (patterns.date_line, trailer)):
        match = pattern.search(text)
        if match:
            month = patterns.forms.month_number(match["month"])
            return date(int(match["year"]), month, int(match["day"]))
    raise ResolutionError(source, "no adoption date was found in the header or at the end")


def _read_meeting(patterns: _Patterns, trailer: str) -> int | None:
    match = patterns.meeting.search(trailer)
    return int(match["number"]) if match else None


def _read_vote(patterns: _Patterns, trailer: str, source: str) -> str | None:
    match = patterns.vote.search(trailer)
    if match is None:
        raise ResolutionError(
            source, "no line says how it was adopted (e.g. `[未经表决获得通过。]`)"
        )
    if patterns.without_a_vote.search(match.group(1)):
        return None
    # A recorded vote runs over several lines up to the closing bracket.
    return re.sub(r"\s*\n\s*", " ", trailer[match.start(1) :]).split("]")[0].strip()


def _read_agenda_item(patterns: _Patterns, header: str) -> str | None:
    match = patterns.agenda.search(header)
    return match["item"].strip() if match else None


def _display_width(line: str) -> int:
    return sum(2 if is_wide(char) else 1 for char in line)


def _percentile(values: list[int], fraction: float) -> int:
    ordered = sorted(values)
    return ordered[round(fraction * (len(ordered) - 1))]
