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
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from corpus.errors import ResolutionError, ResolutionWarning
from corpus.formats.refusal import FileRefused
from corpus.models import Paragraph, Part, Resolution, paragraph_label, resolution_name
from corpus.normalize import (
    PAGE_BREAK,
    SUPERSCRIPT_DIGITS,
    WrappedText,
    clean_lines,
    from_superscript,
    is_wide,
    normalize_width,
)
from languages import Language
from languages.bodies import BODY_FORMS, BODY_SYMBOLS, DEFAULT_BODY, Body
from languages.documents import DOCUMENT_FORMS, OTHER_DOCUMENTS, DocumentForms
from languages.scripts import detect_language

# `51/5. Title`, `S-35/1. Title` (a special session), `2024/5. Title` (the Economic and Social
# Council): which body's number it is, the opening line tells.
_TITLE = r"^((?:E?S-)?\d{{1,4}}/\d{{1,3}})\s*{mark}\s*(\S.*)$"
# A UN document symbol: `A/HRC/RES/57/12`, `A/HRC/57/23`, `A/HRC/57/L.5`, `S/2023/999`. A
# resolution's has `RES`; a draft's ends in `L.` and its number.
_DOCUMENT_SYMBOL = re.compile(r"\b[AES](?:/[A-Z]{1,6})*/(?:S-)?\d{1,4}/(?:L\.\s?)?\d{1,4}\b")
_DRAFT_SYMBOL = re.compile(r"/L\.\s?\d")
# How far into a file its first page's headings are looked for.
_FIRST_PAGE_LINES = 40
# The Security Council's texts have no title line: their number is their symbol's.
_SECURITY_COUNCIL_SYMBOL = re.compile(r"\bS/RES/(\d{1,5})\s*\((\d{4})\)")
# Any number of operative paragraphs: nine digits is more than a file within
# `corpus.reader.MAX_FILE_BYTES` can hold, and keeps `int` far from its limit on digits.
_OPERATIVE = r"^(\d{{1,9}}){mark}(?!\d)\s*(.*)$"
# The comma that ends the opening line: Latin, Chinese or Arabic.
_OPENING_COMMAS = ",，،"
_FOOTNOTE = re.compile(rf"^([{SUPERSCRIPT_DIGITS}]{{1,4}})\s*(\S.*)$")
_FOOTNOTE_MARKER = re.compile(rf"[{SUPERSCRIPT_DIGITS}]{{1,4}}")

# A numbered line opens the next operative paragraph, or one further on (numbers skipped, which
# is reported) when its number has at most this many digits. A jump to a longer number is far
# likelier a year that a line wrap put first (`2015. The Council …`): it stays text.
_SKIP_DIGITS = 3


@dataclass(frozen=True, slots=True)
class _Patterns:
    """One language's `DocumentForms`, compiled into what the parser matches."""

    forms: DocumentForms
    title: re.Pattern[str]
    operative: re.Pattern[str]
    adopted_in_header: re.Pattern[str]
    date_line: re.Pattern[str]
    agenda: re.Pattern[str]
    subparagraph: re.Pattern[str]
    meeting: re.Pattern[str]
    meeting_in_header: re.Pattern[str]
    annex: re.Pattern[str]
    trailer: re.Pattern[str]
    vote: re.Pattern[str]
    without_a_vote: re.Pattern[str]
    paragraph_end: re.Pattern[str]


@cache
def _patterns(forms: DocumentForms) -> _Patterns:
    vote_openings = "|".join(forms.vote_openings)
    votes = "|".join((*forms.vote_openings, *forms.vote_wordings_in_trailer))
    return _Patterns(
        forms=forms,
        title=re.compile(_TITLE.format(mark=forms.number_mark)),
        operative=re.compile(_OPERATIVE.format(mark=forms.number_mark)),
        adopted_in_header=re.compile(forms.adopted_in_header),
        date_line=re.compile(rf"^(?:{forms.date})$", re.MULTILINE),
        agenda=re.compile(rf"^(?:{forms.agenda})$", re.MULTILINE),
        subparagraph=re.compile(rf"^(?:{forms.subparagraph})\s*(?P<text>.*)$"),
        meeting=re.compile(rf"^(?:{forms.meeting})$", re.MULTILINE),
        meeting_in_header=re.compile(forms.meeting),
        annex=re.compile(rf"^(?:{forms.annex})$", re.IGNORECASE),
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
    """The resolution in `text` (the contents of the file `source`), or a ResolutionError.

    What looks wrong but leaves the text readable (a skipped or repeated paragraph number, a
    footnote not found) is reported as a `ResolutionWarning`."""
    lines = clean_lines(text)  # line `i + 1` of the file is `lines[i]`
    _refuse_other_documents(text, lines, source)
    language, body_name, opening = _find_opening(lines, source)
    patterns = _patterns(DOCUMENT_FORMS[language])
    header = _Block.of(lines[:opening], first_line=1)
    number, title = _read_number_and_title(
        text, lines, opening, body_name, header, patterns, source
    )
    name = resolution_name(body_name, number)
    symbol = BODY_SYMBOLS[body_name].prefix + number

    after_opening = _without_running_headers(lines[opening + 1 :], title, symbol)
    text_lines, footnotes = _split_footnotes(after_opening)
    annex_at = next(
        (i for i, line in enumerate(text_lines) if line and patterns.annex.match(line)),
        len(text_lines),
    )
    end = _trailer_start(text_lines[:annex_at], patterns)
    trailer = _Block.of(text_lines[end:annex_at], first_line=opening + 2 + end)
    assembler = _Assembler(name, text_lines[:end], patterns, source, first_line=opening + 2)
    paragraphs = assembler.paragraphs(footnotes)
    if not any(paragraph.part == "operative" for paragraph in paragraphs):
        raise ResolutionError(source, "no numbered operative paragraphs (`1. …`) were found")
    if annex_at < len(text_lines):
        first_line = opening + 3 + annex_at
        annex = _Assembler(
            name, text_lines[annex_at + 1 :], patterns, source, first_line, numbered="annex"
        )
        paragraphs += annex.paragraphs(footnotes)

    return Resolution(
        number=number,
        title=title,
        agenda_item=_read_agenda_item(patterns, header),
        adopted=_read_adoption_date(patterns, header, trailer, source),
        meeting=_read_meeting(patterns, header, trailer),
        vote=_read_vote(patterns, trailer, body_name, source),
        language=language,
        source=source,
        paragraphs=paragraphs,
        body=body_name,
    )


def _openings() -> tuple[tuple[Language, Body, re.Pattern[str]], ...]:
    """Every language's opening line of every body's resolutions, compiled (by `re`'s own
    cache: the table may gain a language while running, as tests/test_languages.py does)."""
    return tuple(
        (
            language,
            body,
            re.compile(rf"^{_opening_words(forms.opening)}\s*[{_OPENING_COMMAS}]$", re.IGNORECASE),
        )
        for language, bodies in BODY_FORMS.items()
        for body, forms in bodies.items()
    )


def _opening_words(opening: str) -> str:
    """The opening line's words as a pattern, either apostrophe standing for the other
    (`l’homme`, `l'homme`)."""
    return re.escape(opening.rstrip(_OPENING_COMMAS)).replace("’", "['’]")


def _find_opening(lines: list[str | None], source: str) -> tuple[Language, Body, int]:
    """The language of the text, the body that adopted it, and where its opening line is: the
    first line that is any language's opening line of any body."""
    for index, line in enumerate(lines):
        for language, body, opening in _openings():
            if line and opening.match(line):
                return language, body, index
    openings = " or ".join(
        f"`{BODY_FORMS[language][body].opening}`"
        for language in BODY_FORMS
        for body in ("hrc", "ga")
    )
    raise ResolutionError(
        source,
        f"this does not look like a UN resolution: no line such as {openings} opens its paragraphs",
    )


def _refuse_other_documents(text: str, lines: list[str | None], source: str) -> None:
    """A refusal, saying what the file looks like, if it is a UN document other than
    a resolution: its symbol is a draft's, or it has no opening line and its first page shows
    a report, a letter or a note."""
    headings = [line for line in lines[:_FIRST_PAGE_LINES] if line]
    # The symbol heads the first page: further on, a symbol is one the text cites. Alone on
    # its line it is page furniture, gone from `lines`: it is looked for in the text too.
    top = "\n".join(text.splitlines()[:_FIRST_PAGE_LINES])
    symbol_match = _DOCUMENT_SYMBOL.search(
        normalize_width("\n".join(line for line in top.splitlines() if line.strip())[:400])
    )
    symbol = symbol_match.group(0) if symbol_match else ""
    if "/RES/" in symbol:
        return
    language = detect_language("\n".join(headings))
    if _DRAFT_SYMBOL.search(symbol):
        kind = "draft"
    elif any(line and is_opening(line) for line in lines):
        return
    else:
        kind = next(
            (
                kind
                for kind, pattern in OTHER_DOCUMENTS[language].items()
                if any(re.search(pattern, line, re.IGNORECASE) for line in headings)
            ),
            "other" if symbol else "",
        )
        if not kind:
            return  # not recognisably a UN document: `_find_opening` says what is missing
    # Said in the user's language, not the document's: the user may not read it.
    raise FileRefused(source, "not_a_resolution", kind=f"document_{kind}", symbol=symbol or "?")


def is_opening(line: str) -> bool:
    """Whether `line` is any language's opening line of any body's resolution (`人权理事会，`,
    `The Human Rights Council,`): what a draft opens with too (`corpus.draft`)."""
    return any(opening.match(line) for _, _, opening in _openings())


def _read_number_and_title(
    text: str,
    lines: list[str | None],
    opening: int,
    body: Body,
    header: _Block,
    patterns: _Patterns,
    source: str,
) -> tuple[str, str]:
    """The resolution's number and title: from the line `51/5. Title` before the opening
    line, or, for the Security Council, whose texts have no title, the number from the symbol
    (looked for in the whole text: alone on its line it is page furniture, gone from `lines`)
    and its heading as title."""
    if body == "sc":
        match = _SECURITY_COUNCIL_SYMBOL.search(normalize_width(text))
        if match is None:
            raise ResolutionError(
                source,
                "no symbol such as `S/RES/2720 (2023)` before the opening line gives the "
                "Security Council resolution's number",
            )
        return match.group(1), _security_council_heading(lines[:opening], *match.groups())
    title_at = _find_title(lines[:opening], patterns, source)
    number, title = _read_title(lines, title_at, patterns, source)
    if not re.fullmatch(BODY_SYMBOLS[body].number, number):
        raise ResolutionError(
            source,
            f"`{number}` is not a {BODY_FORMS['en'][body].name} resolution number",
            line=title_at + 1,
        )
    return number, title


def _security_council_heading(header: list[str | None], number: str, year: str) -> str:
    """A Security Council resolution's title: its heading, `Resolution 2720 (2023)`,
    `第2720(2023)号决议`, as the UN's library titles it (the text has no other); its symbol
    where the heading is missing."""
    heading = re.compile(rf"(?<![\d/]){number}\s*\(\s*{year}\s*\)")
    return next(
        (
            " ".join(line.split())
            for line in header
            if line and "S/RES/" not in line.upper() and heading.search(normalize_width(line))
        ),
        f"S/RES/{number} ({year})",
    )


def _find_title(header: list[str | None], patterns: _Patterns, source: str) -> int:
    for index in range(len(header) - 1, -1, -1):
        line = header[index]
        if line and patterns.title.match(line):
            return index
    raise ResolutionError(
        source,
        "no resolution number line such as `51/5. 善治对促进和保护人权的作用` or "
        "`51/5. The role of good governance …` before the opening line",
    )


def _read_title(
    lines: list[str | None], title_at: int, patterns: _Patterns, source: str
) -> tuple[str, str]:
    match = patterns.title.match(lines[title_at] or "")
    assert match is not None
    number, title = match.groups()
    if any(part.lstrip("ES-").startswith("0") for part in number.split("/")):
        raise ResolutionError(
            source,
            f"`{number}` is not a resolution number: its session and its number both count "
            "from 1, as in `51/5`",
            line=title_at + 1,
        )
    # A PDF extraction wraps a long title over several lines, up to the next blank line.
    wrapped = WrappedText(title)
    for line in lines[title_at + 1 :]:
        if not line or is_opening(line):
            break
        wrapped.add(line)
    return number, wrapped.text


def _without_running_headers(lines: list[str | None], title: str, symbol: str) -> list[str | None]:
    """`lines` with the running header of a recent PDF, the title or the symbol and the title
    on one line, as `PAGE_BREAK`s: it lands wherever a page starts, mid-paragraph too."""
    if not title:
        return lines
    folded = " ".join(title.split()).casefold()
    headers = {folded, f"{symbol} {folded}".casefold(), f"{folded} {symbol}".casefold()}
    return [
        PAGE_BREAK if line and " ".join(line.split()).casefold() in headers else line
        for line in lines
    ]


def _split_footnotes(body: list[str | None]) -> tuple[list[str | None], dict[int, str]]:
    """The body with its footnotes' lines as `PAGE_BREAK`s, and the footnotes by number.

    In a PDF a footnote sits where a page ends, and a paragraph may go on after it. The body
    keeps one entry per line, so that lines can still be named by their number.
    """
    kept: list[str | None] = []
    footnotes: dict[int, WrappedText] = {}
    current: int | None = None
    for line in body:
        match = _FOOTNOTE.match(line) if line else None
        if match:
            current = from_superscript(match.group(1))
            footnotes[current] = WrappedText(match.group(2))
            kept.append(PAGE_BREAK)
        elif current is not None and line:
            footnotes[current].add(line)
            kept.append(PAGE_BREAK)
        else:
            current = None
            kept.append(line)
    return kept, {number: wrapped.text for number, wrapped in footnotes.items()}


def _trailer_start(body: list[str | None], patterns: _Patterns) -> int:
    """Where the trailer starts after the last operative paragraph (the end if it has none)."""
    seen_operative = False
    for index, line in enumerate(body):
        if not line:
            continue
        if patterns.operative.match(line):
            seen_operative = True
        elif seen_operative and patterns.trailer.match(line):
            return index
    return len(body)


@dataclass(frozen=True, slots=True)
class _Block:
    """The non-blank lines of the header or the trailer joined by newlines (their patterns may
    span lines), with each line's number in the file, so that a match can name its line."""

    text: str
    line_numbers: tuple[int, ...]

    @classmethod
    def of(cls, lines: Sequence[str | None], first_line: int) -> _Block:
        kept = [(first_line + index, line) for index, line in enumerate(lines) if line]
        return cls("\n".join(line for _, line in kept), tuple(number for number, _ in kept))

    def line_at(self, offset: int) -> int:
        """The number of the file line holding the character at `offset` of `text`."""
        return self.line_numbers[self.text.count("\n", 0, offset)]


@dataclass
class _Draft:
    """A paragraph while its lines are being gathered."""

    part: Part
    number: int
    subdivisions: tuple[str, ...]
    text: WrappedText
    last_line: str = field(default="")

    def add(self, line: str) -> None:
        self.text.add(line)
        self.last_line = line

    @property
    def label(self) -> str:
        return paragraph_label(self.part, self.number, self.subdivisions)


class _Assembler:
    """Gathers the body's lines into labelled paragraphs, in one pass and in time linear in
    the body's length: what it needs of the paragraphs so far is kept as it goes."""

    def __init__(
        self,
        number: str,
        body: list[str | None],
        patterns: _Patterns,
        source: str,
        first_line: int,
        numbered: Part = "operative",
    ) -> None:
        self.resolution = number
        self.numbered = numbered
        """The part of the numbered paragraphs: `operative`, or `annex` for an annexed text,
        whose unnumbered lines before its first paragraph (its title, `We, the Heads of State
        …`) are not paragraphs of the resolution."""
        self.body = body
        self.patterns = patterns
        self.source = source
        self.first_line = first_line
        widths = [_display_width(line) for line in body if line]
        self.hard_wrapped = bool(widths) and _percentile(widths, 0.9) <= _MAX_WRAP_WIDTH
        self.full_width = _percentile(widths, 0.9) if widths else 0
        self.drafts: list[_Draft] = []
        self.preambular = 0
        """How many preambular paragraphs so far."""
        self.operative: _Draft | None = None
        """The last operative paragraph or sub-paragraph so far."""
        self.labels: set[str] = set()
        """Every label given so far: a letter used again is not a new sub-paragraph."""

    def paragraphs(self, footnotes: dict[int, str]) -> tuple[Paragraph, ...]:
        gap: str | None = None  # what separates the line from the one before
        for index, line in enumerate(self.body):
            if line is PAGE_BREAK:
                gap = "page"
            elif not line:
                gap = gap or "blank"
            else:
                self._take(line, gap, self.first_line + index)
                gap = None
        if not self.drafts and self.numbered == "operative":
            raise ResolutionError(self.source, "no paragraphs follow the opening line")
        return tuple(self._finish(draft, footnotes) for draft in self.drafts)

    def _take(self, line: str, gap: str | None, line_number: int) -> None:
        draft = self._start(line, line_number)
        if draft is None:
            current = self.drafts[-1] if self.drafts else None
            if current is not None and self._continues(current, line, gap):
                current.add(line)
                return
            if self.numbered == "annex":
                return
            self.preambular += 1
            draft = _Draft("preambular", self.preambular, (), WrappedText(line), line)
        self.drafts.append(draft)
        self.labels.add(draft.label)
        if draft.part != "preambular":
            self.operative = draft

    def _start(self, line: str, line_number: int) -> _Draft | None:
        """A new operative paragraph or sub-paragraph if `line` opens one, else None.

        A number or letter out of sequence is reported; if it was used already, or is a jump
        to a long number, the line is read as text of the paragraph before it."""
        last = self.operative.number if self.operative else 0
        match = self.patterns.operative.match(line)
        if match:
            number = int(match.group(1))
            if number == last + 1:
                return _Draft(self.numbered, number, (), WrappedText(match.group(2)), line)
            if last < number and len(match.group(1)) <= _SKIP_DIGITS:
                missing = f"{last + 1}" if number == last + 2 else f"{last + 1}–{number - 1}"
                self._warn(
                    f"operative paragraph {number} follows "
                    f"{f'paragraph {last}' if last else 'the preamble'}: there is no paragraph "
                    f"{missing}",
                    line_number,
                )
                return _Draft(self.numbered, number, (), WrappedText(match.group(2)), line)
            self._warn(
                f"`{number}.` opens this line but is not the next operative paragraph number "
                f"({last + 1}): it is read as text",
                line_number,
            )
            return None
        match = self.patterns.subparagraph.match(line)
        if match and self.operative is not None:
            item = self.patterns.forms.item_label(match["item"])
            subdivisions = _place_subdivision(self.operative, item)
            draft = _Draft(self.numbered, last, subdivisions, WrappedText(match["text"]), line)
            if draft.label not in self.labels:
                return draft
            self._warn(
                f"`({item})` opens this line but {draft.label} came before: it is "
                f"read as text of {self.drafts[-1].label}",
                line_number,
            )
        return None

    def _continues(self, current: _Draft, line: str, gap: str | None) -> bool:
        """Whether an unnumbered line goes on with the current paragraph."""
        if current.part != "preambular":
            return True  # numbered paragraphs: an unnumbered line is not a new one
        if gap is None:
            return self.hard_wrapped
        lower_case = line[0].islower() and self.patterns.forms.lower_case_continues
        if lower_case or not self.patterns.paragraph_end.search(current.text.end):
            return True
        # A page break right after a full line that ends with a comma is a wrap, not an end;
        # unless the next line opens in upper case where paragraphs do and a wrap seldom does
        # (a one-line paragraph may fill its line too).
        capital = line[0].isupper() and self.patterns.forms.lower_case_continues
        return (
            gap == "page"
            and self.hard_wrapped
            and not capital
            and _display_width(current.last_line) >= 0.9 * self.full_width
        )

    def _warn(self, reason: str, line_number: int | None = None) -> None:
        warnings.warn(ResolutionWarning(self.source, reason, line_number), stacklevel=2)

    def _finish(self, draft: _Draft, footnotes: dict[int, str]) -> Paragraph:
        text, markers = _remove_footnote_markers(draft.text.text.strip())
        missing = [marker for marker in markers if marker not in footnotes]
        if missing:
            self._warn(f"{draft.label}: footnote {missing[0]} is referenced but not found")
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


def _read_adoption_date(patterns: _Patterns, header: _Block, trailer: _Block, source: str) -> date:
    for pattern, block in ((patterns.adopted_in_header, header), (patterns.date_line, trailer)):
        match = pattern.search(block.text)
        if match:
            month = patterns.forms.month_number(match["month"])
            try:
                return date(int(match["year"]), month, int(match["day"]))
            except ValueError as error:  # `2024年13月45日`, 30 February, year 0
                written = " ".join(match.group(0).split())
                raise ResolutionError(
                    source,
                    f"the adoption date `{written}` is not a date ({error})",
                    line=block.line_at(match.start()),
                ) from None
    raise ResolutionError(source, "no adoption date was found in the header or at the end")


def _read_meeting(patterns: _Patterns, header: _Block, trailer: _Block) -> int | None:
    """The meeting of the trailer's meeting line, or else of the header's adoption sentence
    (`Adopted by the Security Council at its 9520th meeting, on …`)."""
    match = patterns.meeting.search(trailer.text) or patterns.meeting_in_header.search(header.text)
    return int(match["number"]) if match else None


def _read_vote(patterns: _Patterns, trailer: _Block, body: Body, source: str) -> str | None:
    match = patterns.vote.search(trailer.text)
    if match is None:
        if body != DEFAULT_BODY:
            return None  # the Assembly's and the Security Council's texts do not say
        raise ResolutionError(
            source, "no line says how it was adopted (e.g. `[未经表决获得通过。]`)"
        )
    if patterns.without_a_vote.search(match.group(1)):
        return None
    # A recorded vote runs over several lines up to the closing bracket.
    return re.sub(r"\s*\n\s*", " ", trailer.text[match.start(1) :]).split("]")[0].strip()


def _read_agenda_item(patterns: _Patterns, header: _Block) -> str | None:
    match = patterns.agenda.search(header.text)
    return match["item"].strip() if match else None


def _display_width(line: str) -> int:
    return sum(2 if is_wide(char) else 1 for char in line)


def _percentile(values: list[int], fraction: float) -> int:
    ordered = sorted(values)
    return ordered[round(fraction * (len(ordered) - 1))]
