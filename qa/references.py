"""Finding the resolution and paragraph a question names, in the ways people write them.

    第57/12号决议执行部分第10段   51/5 第6段   57/12 OP8(a)   第8段(a)项   序言部分第3段
    resolution 36/29, operative paragraph 8   A/HRC/RES/51/5, para. 17 (a)   preambular para. 3

A paragraph without a resolution (`那第8段呢？`) is resolved by the caller against the
resolution of the conversation so far.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.normalize import normalize_width

_CHINESE_DIGITS = {char: value for value, char in enumerate("零一二三四五六七八九")}
_NUMBER = r"(\d+|[一二三四五六七八九十]{1,3})"

_RESOLUTION = re.compile(
    r"A/HRC/RES/(\d{1,3}/\d{1,3})"
    r"|第\s*(\d{1,3}/\d{1,3})\s*号"
    r"|resolution\s+(\d{1,3}/\d{1,3})"
    r"|(?<![\d/.])(\d{1,3}/\d{1,3})(?![\d/])",
    re.IGNORECASE,
)
_SUBDIVISIONS = r"((?:\s*\(\s*[a-z]{1,2}\s*\)|\s*\(\s*[ivx]{1,5}\s*\))*)"
_LABEL = re.compile(rf"\b(PP|OP)\s*(\d+){_SUBDIVISIONS}", re.IGNORECASE)
_CHINESE_PARAGRAPH = re.compile(
    rf"(序言部分|序言|执行部分)?\s*第\s*{_NUMBER}\s*段\s*(?:第\s*)?{_SUBDIVISIONS}\s*[项目]?"
)
_ENGLISH_PARAGRAPH = re.compile(
    rf"\b(preambular|operative)?\s*(?:paragraph|para\.?|§)\s*(\d+){_SUBDIVISIONS}",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Reference:
    """What a question names: a resolution (`57/12`), a paragraph label (`OP8(a)`), or both."""

    resolution: str | None = None
    label: str | None = None

    def __bool__(self) -> bool:
        return self.resolution is not None or self.label is not None


def find_reference(question: str) -> Reference:
    """The resolution and paragraph named in `question`, each None when it names none."""
    text = normalize_width(question)
    return Reference(_find_resolution(text), _find_label(text))


def _find_resolution(text: str) -> str | None:
    match = _RESOLUTION.search(text)
    if match is None:
        return None
    return next(group for group in match.groups() if group)


def _find_label(text: str) -> str | None:
    match = _LABEL.search(text)
    if match:
        return _label(match.group(1).upper() == "PP", int(match.group(2)), match.group(3))
    match = _CHINESE_PARAGRAPH.search(text)
    if match:
        part, number, subdivisions = match.groups()
        return _label(part in ("序言部分", "序言"), _to_int(number), subdivisions)
    match = _ENGLISH_PARAGRAPH.search(text)
    if match:
        part, number, subdivisions = match.groups()
        return _label((part or "").lower() == "preambular", int(number), subdivisions)
    return None


def _label(preambular: bool, number: int, subdivisions: str | None) -> str:
    if preambular:
        return f"PP{number}"
    items = re.findall(r"[a-z]+", (subdivisions or "").lower())
    return f"OP{number}" + "".join(f"({item})" for item in items)


def _to_int(number: str) -> int:
    """`12` or a Chinese numeral up to 99: `八` → 8, `十七` → 17, `二十` → 20."""
    if number.isdigit():
        return int(number)
    tens, _, units = number.rpartition("十")
    if "十" not in number:
        return _CHINESE_DIGITS[number]
    return (_CHINESE_DIGITS.get(tens, 1) if tens else 1) * 10 + _CHINESE_DIGITS.get(units, 0)
