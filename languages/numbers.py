"""The numbers a question names a thing by, and the numbers a text shows, as values, in the
ways questions and resolutions write them: `article 19(3)`, `target 16.5`, `статье 12`,
`第十三届`, `第十一条`, `the eleventh session`, `13th`.

A question naming an article, a target, a session or a paragraph of something by its number
asks about that one (`SDG target 16.5`, `世界城市论坛第十三届会议在哪个城市开？`); paragraphs
showing other numbers (目标 16, 第十二届) speak of another one, however many of its words they
share: `qa.signals` measures that. Numbers are compared as values: a Chinese text writes a
session in numerals (第十二届) and a date in figures (2024 年 11 月 4 日), a question either
way (`twelfth`, `12th`, `第十二届`).

Not counted as named: a year (a question dates the resolution it means or the asker's
situation, `the 2018 resolution`, which its paragraphs seldom repeat); a count the question
gives (`Which two covenants`, `八项千年发展目标`), which a text listing them does not state;
`first`, an adjective more often than a number (`the first resolution on local government`);
a number written into a word (`COVID-19`). A UN document's number (`51/5`) is `qa.signals`'s
to leave out: it is looked for as a term. Ordinals spelled out in French, Spanish, Russian or
Arabic (`treizième`, `тринадцатой`, `الثالثة عشرة`) are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CHINESE_DIGITS = {char: value for value, char in enumerate("零一二三四五六七八九")} | {
    "〇": 0,
    "两": 2,
}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
_CHINESE_NUMERAL = "零〇一二两三四五六七八九十百千"
_NAMED_CHINESE = re.compile(
    rf"第(?P<ordinal>[{_CHINESE_NUMERAL}]+)(?:届|条|款)?|(?P<numbered>[{_CHINESE_NUMERAL}]+)(?:届|条|款)"
)
"""`第十三届`, `第三款`, `第三轮`, or a numeral before the word for a session, an article or a
clause (`十一条`): numbers that pick one out; before other counters (`八项`) a numeral
counts."""
_CHINESE_SHOWN = re.compile(rf"[{_CHINESE_NUMERAL}]+")
_CHINESE_COUNT = re.compile(rf"[\d{_CHINESE_NUMERAL}万]+[个项届次名位种条类件份]")
"""A Chinese count: a number and its counter (`八项`, `七个`, `一届`)."""
_FIGURES = re.compile(
    r"(?<![A-Za-z0-9.,-])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![A-Za-z0-9.,-])\d+(?:\.\d+)*"
)
"""A number in figures, `16.5.1`, `3,000`, not inside a Latin word (`COVID-19`, `SN2`); a
suffix may follow (`13th`, `12e`, `13-й`), Chinese may stand either side (`2016年11月9日`)."""
_YEAR = re.compile(r"(?:19|20)\d\d")
_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEENS = (
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
)
_TENS = ("twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet")
_ORDINALS = (
    {word: value for value, word in enumerate(_UNITS, 1)}
    | {word: value for value, word in enumerate(_TEENS, 10)}
    | {f"{stem}ieth": value for value, stem in zip(range(20, 100, 10), _TENS, strict=True)}
)
_TENS_BEFORE = {f"{stem}y": value for value, stem in zip(range(20, 100, 10), _TENS, strict=True)}
_ENGLISH_ORDINAL = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(_TENS_BEFORE)})[- ])?(?P<ordinal>{'|'.join(_ORDINALS)})\b",
    re.IGNORECASE,
)
_ORDINAL_SUFFIX = re.compile(r"st|nd|rd|th", re.IGNORECASE)
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_DATE_AFTER = re.compile(rf"\s*(?:月|日|号)|\s+{_MONTHS}\b")
_DATE_BEFORE = re.compile(rf"\b{_MONTHS}\s+$")


@dataclass(frozen=True)
class NamedNumber:
    """A number a question names a thing by, as it writes it, and its value as text
    (`十三` → `13`, `16.5` → `16.5`)."""

    text: str
    start: int
    end: int
    value: str
    ordinal: bool
    """Written as a place in a series (`第十一届`, `eleventh`, `11th`): a month's or a day's
    number in a date (`2024 年 11 月 4 日`) does not show it."""


def named_numbers(question: str) -> list[NamedNumber]:
    """The numbers `question` names a thing by (the module docstring says which), in the order
    found: figures, Chinese numerals, English ordinals."""
    found = [
        NamedNumber(
            match[0],
            match.start(),
            match.end(),
            match[0].replace(",", ""),
            bool(_ORDINAL_SUFFIX.match(question, match.end())),
        )
        for match in _FIGURES.finditer(question)
        if not _YEAR.fullmatch(match[0])
    ]
    found += [
        NamedNumber(match[0], match.start(), match.end(), str(chinese_value(numeral)), True)
        for match in _NAMED_CHINESE.finditer(question)
        for numeral in [match["ordinal"] or match["numbered"]]
    ]
    found += [
        NamedNumber(match[0], match.start(), match.end(), str(_english_value(match)), True)
        for match in _ENGLISH_ORDINAL.finditer(question)
        if match["tens"] or match["ordinal"].lower() != "first"
    ]
    return found


def shown_numbers(text: str, dates: bool = True) -> set[str]:
    """The values of every number `text` shows, in figures (`16.5.1` also shows 16 and 16.5,
    the parts it is numbered within), in Chinese numerals, or as an English ordinal; without
    `dates`, not those standing as a month or a day (`11 月`, `4 日`, `9 November`)."""

    def kept(match: re.Match[str]) -> bool:
        return dates or not (
            _DATE_AFTER.match(text, match.end()) or _DATE_BEFORE.search(text, 0, match.start())
        )

    shown = set()
    for match in filter(kept, _FIGURES.finditer(text)):
        parts = match[0].replace(",", "").split(".")
        shown.update(".".join(parts[:end]) for end in range(1, len(parts) + 1))
    shown.update(
        str(chinese_value(match[0])) for match in filter(kept, _CHINESE_SHOWN.finditer(text))
    )
    shown.update(str(_english_value(match)) for match in _ENGLISH_ORDINAL.finditer(text))
    return shown


def chinese_value(numeral: str) -> int:
    """`十三` → 13, `五十七` → 57, `一百二十` → 120, `二〇二四` → 2024 (digit by digit)."""
    if not any(char in _CHINESE_UNITS for char in numeral):
        return int("".join(str(_CHINESE_DIGITS[char]) for char in numeral))
    total, digit = 0, 0
    for char in numeral:
        if char in _CHINESE_UNITS:
            total += (digit or 1) * _CHINESE_UNITS[char]
            digit = 0
        else:
            digit = _CHINESE_DIGITS[char]
    return total + digit


def _english_value(match: re.Match[str]) -> int:
    tens = _TENS_BEFORE[match["tens"].lower()] if match["tens"] else 0
    return tens + _ORDINALS[match["ordinal"].lower()]


def is_chinese_count(word: str) -> bool:
    """Whether `word` is a number and its counter and nothing else (`八项`, `3个`)."""
    return _CHINESE_COUNT.fullmatch(word) is not None
