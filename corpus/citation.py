"""Citation strings for a paragraph, built from its metadata as docs/citations.md defines them."""

from __future__ import annotations

from typing import Literal

from corpus.models import Paragraph, Resolution

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")

ENGLISH_MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


def cite(
    resolution: Resolution, paragraph: Paragraph, language: Language = "zh", long: bool = False
) -> str:
    """The citation of `paragraph`, e.g. `人权理事会第51/5号决议第17段(a)项`.

    The long form adds the adoption date the UN way:
    `Human Rights Council resolution 51/5 of 6 October 2022, para. 17`.
    """
    if language == "zh":
        return _cite_zh(resolution, paragraph, long)
    if language == "en":
        return _cite_en(resolution, paragraph, long)
    raise ValueError(f"citations exist in {', '.join(LANGUAGES)}, not {language!r}")


def _cite_zh(resolution: Resolution, paragraph: Paragraph, long: bool) -> str:
    adopted = resolution.adopted
    when = f"{adopted.year}年{adopted.month}月{adopted.day}日" if long else ""
    document = f"人权理事会{when}第{resolution.number}号决议"
    if paragraph.part == "preambular":
        return f"{document}序言部分第{paragraph.number}段"
    # Below the paragraph the levels are 项 (a) and 目 (i), as UN Chinese texts cite them.
    levels = "".join(
        f"({item}){'项' if depth == 0 else '目'}"
        for depth, item in enumerate(paragraph.subdivisions)
    )
    return f"{document}第{paragraph.number}段{levels}"


def _cite_en(resolution: Resolution, paragraph: Paragraph, long: bool) -> str:
    adopted = resolution.adopted
    when = f" of {adopted.day} {ENGLISH_MONTHS[adopted.month - 1]} {adopted.year}" if long else ""
    document = f"Human Rights Council resolution {resolution.number}{when}"
    if paragraph.part == "preambular":
        return f"{document}, preambular para. {paragraph.number}"
    levels = "".join(f" ({item})" for item in paragraph.subdivisions)
    return f"{document}, para. {paragraph.number}{levels}"
