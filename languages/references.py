"""How a question names a resolution or a paragraph in each language: the table
`qa.references` tries.

    第57/12号决议执行部分第10段   第十七段(a)项   序言部分第3段
    resolution 36/29, operative paragraph 8   para. 17 (a)   preambular para. 3

What every language shares stays in `qa.references`: the symbol `A/HRC/RES/51/5`, a bare
`51/5` and labels `OP8(a)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from languages import Language
from languages.documents import DOCUMENT_FORMS
from languages.numbers import chinese_value

PARENTHESISED_SUBDIVISION = r"\(\s*(?:[a-z]{1,2}|[ivx]{1,5})\s*\)"
"""A sub-paragraph as labels and Chinese and English texts write it: `(a)`, `(ii)`."""


@dataclass(frozen=True, slots=True)
class ReferenceForms:
    """One language's ways of naming a resolution and a paragraph, as regular-expression
    sources in which `qa.references` puts its own groups for the `{placeholders}`."""

    resolution: str
    """A resolution named by its `{number}` alone (`57/12`): a Human Rights Council one."""

    named: str
    """A resolution named with its body: `{body}` (the body's name, or in a resolution's own
    text the words naming its own body, `its`, `其`), then its `{number}`, as in
    `General Assembly resolution 70/1`, `回顾其2015年9月25日第70/1号决议`."""

    paragraph: str
    """A paragraph: `{part}` (optional: preambular or operative), its `{number}`, and its
    `{subdivisions}` (optional: `(a)`, `(a)(ii)`)."""

    preambular: str
    """The words that make `{part}` preambular."""

    operative: str
    """The words that make `{part}` operative."""

    annex: str
    """The words that make `{part}` a paragraph of the annex."""

    number: str = r"\d+"
    """How the language writes a paragraph's `{number}`."""

    number_value: Callable[[str], int] = int
    """The value of a `{number}`."""

    subdivision: str = PARENTHESISED_SUBDIVISION
    """One level of `{subdivisions}`."""

    item_value: Callable[[str], str] = str.lower
    """A level's item as labels write it: `a`; in Arabic `أ` → `a`."""


_CLOSED_SUBDIVISION = r"\(?\s*(?:[a-z]{1,2}|[ivx]{1,5})\s*\)"
"""A sub-paragraph as French, Spanish and Russian write it, `a)`, `ii)`, or `(a)`."""


def chinese_number(number: str) -> int:
    """`12` or a Chinese numeral (`languages.numbers.chinese_value`): `八` → 8, `十七` → 17,
    `二十` → 20."""
    return int(number) if number.isdigit() else chinese_value(number)


REFERENCE_FORMS: dict[Language, ReferenceForms] = {
    "zh": ReferenceForms(
        resolution=r"第\s*{number}\s*号",
        # `大会第70/1号决议`, `其2015年9月25日第70/1号决议`, `大会2021年11月15日关于……的报告
        # 的第76/6号决议`, `大会在2024年9月22日第79/1号决议中`: a date, a subject may stand
        # between, within one clause.
        named=r"{body}[^，。；;]{0,80}?第\s*{number}\s*号",
        paragraph=r"{part}\s*第\s*{number}\s*段\s*(?:第\s*)?{subdivisions}\s*[项目]?",
        preambular="序言部分|序言",
        operative="执行部分",
        annex="附件",
        number=r"\d+|[一二三四五六七八九十]{1,3}",
        number_value=chinese_number,
    ),
    "en": ReferenceForms(
        resolution=r"resolution\s+{number}",
        named=r"\b{body}\s+resolutions?\s+{number}",
        paragraph=r"(?i:\b{part}\s*(?:paragraph|para\.?|§)\s*{number}{subdivisions})",
        preambular="preambular",
        operative="operative",
        annex=r"annex,?",
    ),
    "fr": ReferenceForms(
        resolution=r"résolutions?\s+{number}",
        # The body follows the number: `résolution 70/1 de l’Assemblée générale`.
        named=r"résolutions?\s+{number}\s+(?:du|des|de\s+la|de\s+l['’]|de|d['’])\s*{body}",
        paragraph=(r"(?i:\b(?:paragraphe|par\.|alinéa|al\.)\s*{number}\s*{subdivisions}\s*{part})"),
        preambular=r"du\s+préambule",
        operative=r"du\s+dispositif",
        annex=r"de\s+l[’']annexe",
        subdivision=_CLOSED_SUBDIVISION,
    ),
    "es": ReferenceForms(
        resolution=r"resoluci(?:ón|on|ones)\s+{number}",
        named=r"resoluci(?:ón|on|ones)\s+{number},?\s+(?:del|de\s+la|de)\s+{body}",
        paragraph=r"(?i:\b(?:p[áa]rrafo|p[áa]rr\.)\s*{number}\s*{subdivisions}\s*{part})",
        preambular=r"del\s+pre[áa]mbulo",
        operative=r"de\s+la\s+parte\s+dispositiva",
        annex=r"del\s+anexo",
        subdivision=_CLOSED_SUBDIVISION,
    ),
    "ru": ReferenceForms(
        resolution=r"резолюци(?:я|и|ю|ей|ях|ям|ями)\s+{number}",
        # The body follows the number, in the genitive (`languages.bodies` lists those forms).
        named=r"резолюци[яиюейх]+\s+{number}\s+{body}",
        paragraph=r"(?i:(?<!\w)(?:пункт[аеуо]?м?|п\.)\s*{number}\s*{subdivisions}\s*{part})",
        preambular=r"преамбулы",
        operative=r"постановляющей\s+части",
        annex=r"приложения",
        subdivision=_CLOSED_SUBDIVISION,
    ),
    "ar": ReferenceForms(
        resolution=r"(?:ال)?قرار\s+(?:مجلس\s+حقوق\s+الإنسان\s+)?{number}",
        # `قرار الجمعية العامة 70/1`, and a body's own `قراره 79/6` (the pronoun joined).
        named=r"(?:(?:ال)?قرار(?:ات)?\s+)?{body}\s+{number}",
        paragraph=r"الفقرة\s*{number}\s*{subdivisions}\s*{part}",
        preambular=r"من\s+الديباجة",
        operative=r"من\s+(?:ال)?منطوق(?:\s+القرار)?",
        annex=r"من\s+المرفق",
        subdivision=(
            rf"[(’‘]\s*(?:{'|'.join(DOCUMENT_FORMS['ar'].item_letters)}|\d{{1,2}})\s*[)’‘]"
        ),
        item_value=DOCUMENT_FORMS["ar"].item_label,
    ),
}
