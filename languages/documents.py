"""What a resolution text looks like in each language: the table `corpus.parser` reads.

The opening line, which names the body (`大会，`), is in `languages.bodies`.

Everything else about a resolution is the same in every language and stays in the parser: the
`51/5. Title` line, operative numbers `17.`, footnote markers, and how sub-paragraphs nest.
Patterns are regular-expression sources; the parser anchors and compiles them.
"""

from __future__ import annotations

from dataclasses import dataclass

from languages import Language


@dataclass(frozen=True, slots=True)
class DocumentForms:
    """How one language writes the parts of a resolution that are not its paragraphs."""

    date: str
    """A date line of the trailer, with the groups `year`, `month` and `day`."""

    months: tuple[str, ...]
    """Month names, January first, where `date`'s `month` group holds a name; empty where
    months are written as numbers (`10月`)."""

    adopted_in_header: str
    """The header's sentence giving the adoption date, with `date`'s groups, whichever body
    adopted it (`adopted by the Security Council at its 9520th meeting, on 22 December
    2023`)."""

    agenda: str
    """The header's agenda line, with the item (`3`) in the group `item`."""

    subparagraph: str
    """A sub-paragraph's marker opening its line, its letter or roman numeral in the group
    `item`: `(a)`, `(ii)`."""

    meeting: str
    """The trailer's meeting line, with the meeting's number in the group `number`."""

    vote_openings: tuple[str, ...]
    """How the line saying how the resolution was adopted opens (`未经表决`, `Adopted`);
    after the operative paragraphs such a line starts the trailer."""

    vote_wordings_in_trailer: tuple[str, ...]
    """Other wordings of that line (`……获得通过`), looked for only once the trailer has
    started: their words occur in paragraphs too."""

    without_a_vote: str
    """How that line says there was no vote (matched ignoring case)."""

    paragraph_ends: str
    """Punctuation a paragraph ends with; a block that ends otherwise goes on after a page
    break."""

    closing_marks: str
    """Quotes and brackets that may follow that punctuation."""

    annex: str
    """The heading that opens an annexed text after the trailer (`Annex`, `Annex II`,
    `附件`), matched ignoring case."""

    page_furniture: tuple[str, ...]
    """Lines a PDF of this language repeats on each page (besides the symbol, job number and
    bare page numbers, which every language shares), removed before parsing."""

    def month_number(self, month: str) -> int:
        """The month of `date`'s `month` group: `10` or `October` → 10."""
        return int(month) if month.isdigit() else self.months.index(month) + 1

    def month_name(self, month: int) -> str:
        """The month as this language's dates write it: 10 → `October`, or `10`."""
        return self.months[month - 1] if self.months else str(month)


_ZH_DATE = r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"

_EN_MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)
_EN_DATE = rf"(?P<day>\d{{1,2}})\s+(?P<month>{'|'.join(_EN_MONTHS)})\s+(?P<year>\d{{4}})"

_PARENTHESISED_ITEM = r"\((?P<item>[a-z]{1,2}|[ivxl]{1,6})\)"

DOCUMENT_FORMS: dict[Language, DocumentForms] = {
    "zh": DocumentForms(
        date=_ZH_DATE,
        months=(),
        adopted_in_header=rf"{_ZH_DATE}[^\n。]{{0,20}}?通过",
        agenda=r"议程项目\s*(?P<item>.+)",
        subparagraph=_PARENTHESISED_ITEM,
        meeting=r"第\s*(?P<number>\d{1,6})\s*次(?:全体)?会议",
        vote_openings=("未经表决", r"以\s*\d+\s*票"),
        vote_wordings_in_trailer=(".*获得通过",),
        without_a_vote="未经表决",
        paragraph_ends="，,；;。.：:",
        closing_marks="'\"’”)]",
        annex=r"附件[一二三四五六七八九十]{0,3}",
        page_furniture=(r"第\s*\d{1,3}\s*页(?:\s*/\s*共\s*\d{1,3}\s*页)?",),
    ),
    "en": DocumentForms(
        date=_EN_DATE,
        months=_EN_MONTHS,
        adopted_in_header=(
            rf"[Aa]dopted by the [A-Z][A-Za-z ]+?(?: at its \d+\w* (?:plenary )?meeting,?)?"
            rf" on {_EN_DATE}"
        ),
        agenda=r"Agenda items?\s*(?P<item>.+)",
        subparagraph=_PARENTHESISED_ITEM,
        meeting=r"(?P<number>\d{1,6})(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting",
        vote_openings=(r"Adopted\b",),
        vote_wordings_in_trailer=(),
        without_a_vote="without a vote",
        paragraph_ends=",;.:",
        closing_marks="'\"’”)]",
        annex=r"Annex(?:\s+[IVX]{1,5})?",
        page_furniture=(),
    ),
}


OTHER_DOCUMENTS: dict[Language, dict[str, str]] = {
    "zh": {
        "draft": r"决议草案",
        "letter": r"^\d{4}\s*年.{0,120}的信$",
        "note": r"^(?:秘书处|秘书长)的说明$",
        "report": r"^.{0,120}报告$",
    },
    "en": {
        "draft": r"\bdraft resolution\b",
        "letter": r"^(?:Identical letters|Letter) dated\b",
        "note": r"^Note by the (?:Secretariat|Secretary-General)$",
        "report": r"^(?:Annual )?[Rr]eport of\b",
    },
}
"""How a UN document that is not a resolution shows what it is, a line of its first page
matching (ignoring case): `draft`, `letter`, `note` or `report`, tried in this order, so that a
resolution file that is something else is refused saying what it looks like
(`languages.messages`' `document_…` keys name each kind)."""
