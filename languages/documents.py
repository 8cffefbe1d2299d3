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

    number_mark: str = r"\."
    """What follows the number of the title line (`51/5.`) and of an operative paragraph
    (`17.`): a full stop, or in Arabic also a hyphen (`51/5- `, `1- `)."""

    item_letters: tuple[str, ...] = ()
    """The language's own sub-paragraph letters in order, where they are not Latin: Arabic's
    `(أ)`, `(ب)`, `(ج)` are `(a)`, `(b)`, `(c)` in labels. Numbered items (Arabic `’1‘`) are
    the roman `(i)` of the other languages."""

    lower_case_continues: bool = True
    """Whether a line starting with a lower-case letter after a blank line goes on the
    paragraph before it: not in Russian, whose paragraphs start lower-case (`ссылаясь на`)."""

    def month_number(self, month: str) -> int:
        """The month of `date`'s `month` group: `10` or `October` → 10."""
        return int(month) if month.isdigit() else self.months.index(month) + 1

    def month_name(self, month: int) -> str:
        """The month as this language's dates write it: 10 → `October`, or `10`."""
        return self.months[month - 1] if self.months else str(month)

    def item_label(self, item: str) -> str:
        """A sub-paragraph marker's item as labels write it: `أ` → `a`, `2` → `ii`, `a` → `a`."""
        if item in self.item_letters:
            return chr(ord("a") + self.item_letters.index(item))
        if item.isdigit() and 0 < int(item) < len(_ROMAN):
            return _ROMAN[int(item)]
        return item

    def written_item(self, item: str, depth: int) -> str:
        """A label's item at `depth` below the paragraph (0: the letter) as this language
        writes it: in Arabic `a` → `أ` and, one level down, `ii` → `2`; else unchanged."""
        if not self.item_letters:
            return item
        if depth and item in _ROMAN:
            return str(_ROMAN.index(item))
        position = ord(item) - ord("a") if len(item) == 1 else -1
        return self.item_letters[position] if 0 <= position < len(self.item_letters) else item


_ROMAN = ("", *"i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx".split())


_ZH_DATE = r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"

_EN_MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)
_EN_DATE = rf"(?P<day>\d{{1,2}})\s+(?P<month>{'|'.join(_EN_MONTHS)})\s+(?P<year>\d{{4}})"

_PARENTHESISED_ITEM = r"\((?P<item>[a-z]{1,2}|[ivxl]{1,6})\)"
# French, Spanish and Russian texts close the letter only (`a)`, `ii)`); a copy may add `(`.
_CLOSED_ITEM = r"\(?(?P<item>[a-z]{1,2}|[ivxl]{1,6})\)"

_FR_MONTHS = (
    *("janvier", "février", "mars", "avril", "mai", "juin"),
    *("juillet", "août", "septembre", "octobre", "novembre", "décembre"),
)
_FR_DATE = rf"(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{'|'.join(_FR_MONTHS)})\s+(?P<year>\d{{4}})"

_ES_MONTHS = (
    *("enero", "febrero", "marzo", "abril", "mayo", "junio"),
    *("julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"),
)
_ES_DATE = rf"(?P<day>\d{{1,2}})\s+de\s+(?P<month>{'|'.join(_ES_MONTHS)})\s+de\s+(?P<year>\d{{4}})"

# Russian dates name the month in the genitive and end with `года` (`6 октября 2022 года`).
_RU_MONTHS = (
    *("января", "февраля", "марта", "апреля", "мая", "июня"),
    *("июля", "августа", "сентября", "октября", "ноября", "декабря"),
)
_RU_DATE = (
    rf"(?P<day>\d{{1,2}})\s+(?P<month>{'|'.join(_RU_MONTHS)})\s+(?P<year>\d{{4}})"
    r"(?:\s+(?:года|г\.))?"
)

# UN Arabic names each month twice, its Syriac name and the transcribed Latin one.
_AR_MONTHS = (
    *("كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل"),
    *("أيار/مايو", "حزيران/يونيه", "تموز/يوليه", "آب/أغسطس"),
    *("أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر"),
)
_AR_DATE = rf"(?P<day>\d{{1,2}})\s+(?P<month>{'|'.join(_AR_MONTHS)})\s+(?P<year>\d{{4}})"
# Sub-paragraphs are lettered in the abjad order, `(أ)` to `(غ)`; items below them are
# numbered between inverted commas, `’1‘`.
_AR_LETTERS = tuple("أ ب ج د هـ و ز ح ط ي ك ل م ن س ع ف ص ق ر ش ت ث خ ذ ض ظ غ".split())
_AR_ITEM = rf"[(’‘](?P<item>{'|'.join(_AR_LETTERS)}|\d{{1,2}})[)’‘]"
# Short vowels and the tatweel a text may or may not write inside a word (`اعتُمد`).
_AR_MARKS = "[\u064b-\u0652\u0640]*"

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
    "fr": DocumentForms(
        date=_FR_DATE,
        months=_FR_MONTHS,
        adopted_in_header=rf"[Aa]doptée par [^\n]{{0,120}}?\s+le {_FR_DATE}",
        agenda=r"Points?\s+(?P<item>.+?)\s+de l[’']ordre du jour",
        subparagraph=_CLOSED_ITEM,
        meeting=r"(?P<number>\d{1,6})(?:e|re|ème)\s+séance(?:\s+plénière)?",
        vote_openings=(r"Adoptée?\b",),
        vote_wordings_in_trailer=(),
        without_a_vote="sans (?:vote|mise aux voix)",
        paragraph_ends=",;.:",
        closing_marks="'\"’”»)]",
        annex=r"Annexe(?:\s+[IVX]{1,5})?",
        page_furniture=(),
    ),
    "es": DocumentForms(
        date=_ES_DATE,
        months=_ES_MONTHS,
        adopted_in_header=rf"[Aa]probada por [^\n]{{0,120}}?\s+el {_ES_DATE}",
        agenda=r"Temas?\s+(?P<item>.+?)\s+de la agenda",
        subparagraph=_CLOSED_ITEM,
        meeting=r"(?P<number>\d{1,6})\.?(?:ª|a)\s+sesión(?:\s+plenaria)?",
        vote_openings=(r"Aprobad[ao]\b",),
        vote_wordings_in_trailer=(),
        without_a_vote="sin votación",
        paragraph_ends=",;.:",
        closing_marks="'\"’”»)]",
        annex=r"Anexo(?:\s+[IVX]{1,5})?",
        page_furniture=(r"Página\s+\d{1,3}",),
    ),
    "ru": DocumentForms(
        date=_RU_DATE,
        months=_RU_MONTHS,
        adopted_in_header=rf"[Пп]ринятая [^\n]{{0,120}}?\s+{_RU_DATE}",
        agenda=r"Пункты?\s+(?P<item>.+?)\s+повестки дня",
        subparagraph=_CLOSED_ITEM,
        meeting=r"(?P<number>\d{1,6})-(?:е|м)\s+(?:пленарн(?:ое|ом)\s+)?заседани[еи]",
        vote_openings=(r"Принят[ао]?\b",),
        vote_wordings_in_trailer=(),
        without_a_vote="без голосования",
        paragraph_ends=",;.:",
        closing_marks="'\"’”»)]",
        annex=r"Приложение(?:\s+[IVX]{1,5})?",
        page_furniture=(r"Стр\.\s*\d{1,3}",),
        lower_case_continues=False,
    ),
    "ar": DocumentForms(
        date=_AR_DATE,
        months=_AR_MONTHS,
        adopted_in_header=rf"اتخذت?ه [^\n]{{0,120}}?\s+في {_AR_DATE}",
        agenda=r"(?:البند|البندان)\s+(?P<item>.+?)\s+من جدول الأعمال",
        subparagraph=_AR_ITEM,
        meeting=r"(?:الجلسة|جلست[هـ]ا?)\s+(?:العامة\s+)?(?P<number>\d{1,6})",
        vote_openings=(rf"ا{_AR_MARKS}ع{_AR_MARKS}ت{_AR_MARKS}م{_AR_MARKS}د",),
        vote_wordings_in_trailer=(),
        without_a_vote="دون تصويت",
        paragraph_ends="،؛.:,;",
        closing_marks="'\"’”»)]",
        annex=r"المرفق(?:\s+(?:الأول|الثاني|الثالث|الرابع|الخامس))?",
        page_furniture=(),
        number_mark=r"\s*[.-]",
        item_letters=_AR_LETTERS,
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
    "fr": {
        "draft": r"\bprojet de résolution\b",
        "letter": r"^(?:Lettres identiques|Lettre) datées? du\b",
        "note": r"^Note (?:du Secrétariat|du Secrétaire général)$",
        "report": r"^(?:Rapport annuel|Rapport) d[eu]\b",
    },
    "es": {
        "draft": r"\bproyecto de resolución\b",
        "letter": r"^(?:Cartas idénticas|Carta) de fecha\b",
        "note": r"^Nota (?:de la Secretaría|del Secretario General)$",
        "report": r"^Informe (?:anual )?del?\b",
    },
    "ru": {
        "draft": r"\bпроект резолюции\b",
        "letter": r"^(?:Идентичные письма|Письмо)\b.{0,120}\bот\b",
        "note": r"^Записка (?:Секретариата|Генерального секретаря)$",
        "report": r"^(?:Ежегодный )?[Дд]оклад\b",
    },
    "ar": {
        "draft": r"مشروع قرار",
        "letter": r"^(?:رسالتان متطابقتان|رسائل متطابقة|رسالة) مؤرخة\b",
        "note": r"^مذكرة (?:من الأمانة العامة|من الأمين العام)$",
        "report": r"^(?:التقرير السنوي|تقرير)\b",
    },
}
"""How a UN document that is not a resolution shows what it is, a line of its first page
matching (ignoring case): `draft`, `letter`, `note` or `report`, tried in this order, so that a
resolution file that is something else is refused saying what it looks like
(`languages.messages`' `document_…` keys name each kind)."""
