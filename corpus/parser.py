"""Cutting a resolution's text into its metadata and labelled paragraphs (docs/citations.md).

The text has already been cleaned by `corpus.normalize`. A resolution reads, in order: a header
(session, agenda item, adoption date, the line `51/5. Title`), the opening line `人权理事会，`
or `The Human Rights Council,`, unnumbered preambular paragraphs, numbered operative
paragraphs with their lettered sub-paragraphs, footnotes wherever the layout puts them, and a
trailer (date, meeting, how it was adopted).
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from datetime import date

from corpus.citation import ENGLISH_MONTHS
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

_MONTH_NAMES = "|".join(ENGLISH_MONTHS)

_OPENINGS = {
    "zh": re.compile(r"^人权理事会\s*[，,]$"),
    "en": re.compile(r"^The Human Rights Council\s*,$", re.IGNORECASE),
}
_TITLE = re.compile(r"^(\d{1,3}/\d{1,3})\s*\.\s*(\S.*)$")
_OPERATIVE = re.compile(r"^(\d{1,3})\.(?!\d)\s*(.*)$")
_SUBPARAGRAPH = re.compile(r"^\(([a-z]{1,2}|[ivxl]{1,6})\)\s*(.*)$")
_FOOTNOTE = re.compile(rf"^([{SUPERSCRIPT_DIGITS}]+)\s*(\S.*)$")
_FOOTNOTE_MARKER = re.compile(rf"[{SUPERSCRIPT_DIGITS}]+")
_TRAILER = re.compile(
    rf"""^(?:
        \d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日
      | \d{{1,2}}\s+(?:{_MONTH_NAMES})\s+\d{{4}}
      | 第\s*\d+\s*次(?:全体)?会议
      | \d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting
      | \[.*
      | (?:Adopted\b|未经表决|以\s*\d+\s*票).*
    )$""",
    re.VERBOSE,
)
_ADOPTED_IN_HEADER = {
    "zh": re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*通过"),
    "en": re.compile(
        rf"adopted by the Human Rights Council on (\d{{1,2}}) ({_MONTH_NAMES}) (\d{{4}})"
    ),
}
_DATE_LINE = {
    "zh": re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$", re.MULTILINE),
    "en": re.compile(rf"^(\d{{1,2}})\s+({_MONTH_NAMES})\s+(\d{{4}})$", re.MULTILINE),
}
_AGENDA = re.compile(r"^(?:议程项目|Agenda items?)\s*(.+)$", re.MULTILINE)
_MEETING = re.compile(
    r"^(?:第\s*(\d+)\s*次(?:全体)?会议|(\d+)(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting)$",
    re.MULTILINE,
)
_VOTE = re.compile(r"^\[?((?:Adopted\b|未经表决|以\s*\d+\s*票|.*获得通过)[^\]]*)\]?", re.MULTILINE)
_WITHOUT_A_VOTE = re.compile(r"未经表决|without a vote", re.IGNORECASE)

# A paragraph ends with one of these (a closing quote or bracket may follow); a block that
# does not (a footnote marker may stand last) is cut off by a page break and goes on in the next block.
_PARAGRAPH_END = re.compile(rf"[，,；;。.：:]['\"’”)）\]]*[{SUPERSCRIPT_DIGITS}]*$")

# Lines of a hard-wrapped text (a PDF extraction) are at most this wide in display cells;
# files that hold one paragraph per line have far longer lines.
_MAX_WRAP_WIDTH = 120


def parse_resolution(text: str, source: str) -> Resolution:
    """The resolution in `text` (the contents of the file `source`), or a ResolutionError."""
    lines = clean_lines(text)
    language, opening = _find_opening(lines, source)
    title_at = _find_title(lines[:opening], source)
    number, title = _read_title(lines, title_at)
    header = "\n".join(line for line in lines[:opening] if line)

    body, footnotes = _split_footnotes(lines[opening + 1 :])
    body, trailer = _split_trailer(body)
    paragraphs = _Assembler(number, body).paragraphs(footnotes, source)
    if not any(paragraph.part == "operative" for paragraph in paragraphs):
        raise ResolutionError(source, "no numbered operative paragraphs (`1. …`) were found")

    return Resolution(
        number=number,
        title=title,
        agenda_item=_first_group(_AGENDA, header),
        adopted=_read_adoption_date(language, header, trailer, source),
        meeting=_read_meeting(trailer),
        vote=_read_vote(trailer, source),
        language=language,
        source=source,
        paragraphs=paragraphs,
    )


def _find_opening(lines: list[str | None], source: str) -> tuple[str, int]:
    for index, line in enumerate(lines):
        for language, opening in _OPENINGS.items():
            if line and opening.match(line):
                return language, index
    raise ResolutionError(
        source,
        "this does not look like a Human Rights Council resolution: no line "
        "`人权理事会，` or `The Human Rights Council,` opens its paragraphs",
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


def _read_title(lines: list[str | None], title_at: int) -> tuple[str, str]:
    match = _TITLE.match(lines[title_at] or "")
    assert match is not None
    number, title = match.groups()
    # A PDF extraction wraps a long title over several lines, up to the next blank line.
    for line in lines[title_at + 1 :]:
        if not line or any(opening.match(line) for opening in _OPENINGS.values()):
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


def _split_trailer(body: list[str | None]) -> tuple[list[str | None], str]:
    """The paragraphs' lines, and the trailer after the last operative paragraph."""
    seen_operative = False
    for index, line in enumerate(body):
        if not line:
            continue
        if _OPERATIVE.match(line):
            seen_operative = True
        elif seen_operative and _TRAILER.match(line):
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

    def __init__(self, number: str, body: list[str | None]) -> None:
        self.resolution = number
        self.body = body
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
        match = _SUBPARAGRAPH.match(line)
        if match and last_operative:
            subdivisions = _place_subdivision(self._last_operative(), match.group(1))
            return _Draft("operative", last_operative, subdivisions, match.group(2), line)
        return None

    def _continues(self, current: _Draft, line: str, gap: str | None) -> bool:
        """Whether an unnumbered line goes on with the current paragraph."""
        if current.part == "operative":
            return True  # operative paragraphs are numbered: an unnumbered line is not a new one
        if gap is None:
            return self.hard_wrapped
        if line[0].islower() or not _PARAGRAPH_END.search(current.text):
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


def _read_adoption_date(language: str, header: str, trailer: str, source: str) -> date:
    for pattern, text in ((_ADOPTED_IN_HEADER[language], header), (_DATE_LINE[language], trailer)):
        match = pattern.search(text)
        if match:
            return _to_date(language, match.groups())
    raise ResolutionError(source, "no adoption date was found in the header or at the end")


def _to_date(language: str, parts: tuple[str, ...]) -> date:
    if language == "zh":
        year, month, day = parts
        return date(int(year), int(month), int(day))
    day, month_name, year = parts
    return date(int(year), ENGLISH_MONTHS.index(month_name) + 1, int(day))


def _read_meeting(trailer: str) -> int | None:
    match = _MEETING.search(trailer)
    return int(match.group(1) or match.group(2)) if match else None


def _read_vote(trailer: str, source: str) -> str | None:
    match = _VOTE.search(trailer)
    if match is None:
        raise ResolutionError(
            source, "no line says how it was adopted (e.g. `[未经表决获得通过。]`)"
        )
    if _WITHOUT_A_VOTE.search(match.group(1)):
        return None
    # A recorded vote runs over several lines up to the closing bracket.
    return re.sub(r"\s*\n\s*", " ", trailer[match.start(1) :]).split("]")[0].strip()


def _first_group(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(1).strip() if match else None


def _display_width(line: str) -> int:
    return sum(2 if is_wide(char) else 1 for char in line)


def _percentile(values: list[int], fraction: float) -> int:
    ordered = sorted(values)
    return ordered[round(fraction * (len(ordered) - 1))]
