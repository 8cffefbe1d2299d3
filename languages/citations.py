"""How a paragraph is cited in each language (docs/citations.md): the table `corpus.cite` reads.

人权理事会第51/5号决议第17段(a)项          Human Rights Council resolution 51/5, para. 17 (a)
人权理事会第51/5号决议序言部分第3段        Human Rights Council resolution 51/5, preambular para. 3
人权理事会2022年10月6日第51/5号决议第17段  Human Rights Council resolution 51/5 of 6 October 2022, para. 17
"""

from __future__ import annotations

from dataclasses import dataclass

from languages import Language


@dataclass(frozen=True, slots=True)
class CitationForms:
    """One language's citation, as `str.format` templates filled in by `corpus.cite`."""

    date: str
    """The adoption date of the long form: `{year}`, `{month}` (10), `{month_name}` (October,
    as `languages.documents` names months) and `{day}`, with whatever joins it to the
    resolution (`languages.bodies`' `document`, which names the resolution of each body)."""

    operative: str
    """An operative paragraph or sub-paragraph: `{document}`, `{number}`, `{levels}`."""

    preambular: str
    """A preambular paragraph: `{document}`, `{number}`."""

    annex: str
    """A paragraph of the resolution's annex: `{document}`, `{number}`, `{levels}`."""

    quoted: str
    """A quote as pasted into a draft: `{quote}`, then `{citation}` and `{symbol}`, with the
    language's quotation marks and brackets."""

    levels: tuple[str, ...]
    """Each level below the paragraph, outermost first, `{item}` being `a` or `ii`; the last
    template serves every deeper level."""


CITATION_FORMS: dict[Language, CitationForms] = {
    "zh": CitationForms(
        date="{year}年{month}月{day}日",
        operative="{document}第{number}段{levels}",
        preambular="{document}序言部分第{number}段",
        annex="{document}附件第{number}段{levels}",
        quoted="“{quote}”\n（{citation}，{symbol}）",
        # Below the paragraph the levels are 项 (a) and 目 (i), as UN Chinese texts cite them.
        levels=("({item})项", "({item})目"),
    ),
    "en": CitationForms(
        date=" of {day} {month_name} {year}",
        operative="{document}, para. {number}{levels}",
        preambular="{document}, preambular para. {number}",
        annex="{document}, annex, para. {number}{levels}",
        quoted="“{quote}”\n({citation}, {symbol})",
        levels=(" ({item})",),
    ),
    # French, Spanish and Russian close a sub-paragraph's letter only, as their texts do:
    # `par. 17 a)`, `párr. 17 a)`, `п. 17 a)` (Russian keeps the Latin letter).
    "fr": CitationForms(
        date=" en date du {day} {month_name} {year}",
        operative="{document}, par. {number}{levels}",
        preambular="{document}, alinéa {number} du préambule",
        annex="{document}, annexe, par. {number}{levels}",
        quoted="« {quote} »\n({citation}, {symbol})",
        levels=(" {item})",),
    ),
    "es": CitationForms(
        date=", de {day} de {month_name} de {year}",
        operative="{document}, párr. {number}{levels}",
        preambular="{document}, párrafo {number} del preámbulo",
        annex="{document}, anexo, párr. {number}{levels}",
        quoted="“{quote}”\n({citation}, {symbol})",
        levels=(" {item})",),
    ),
    "ru": CitationForms(
        date=" от {day} {month_name} {year} года",
        operative="{document}, п. {number}{levels}",
        preambular="{document}, пункт {number} преамбулы",
        annex="{document}, приложение, п. {number}{levels}",
        quoted="«{quote}»\n({citation}, {symbol})",
        levels=(" {item})",),
    ),
    # Arabic names the body before the number and letters sub-paragraphs in the abjad order,
    # `(أ)`, with the items below them numbered, `’1‘` (`corpus.cite` writes them so).
    "ar": CitationForms(
        date=" المؤرخ {day} {month_name} {year}",
        operative="{document}، الفقرة {number}{levels}",
        preambular="{document}، الفقرة {number} من الديباجة",
        annex="{document}، المرفق، الفقرة {number}{levels}",
        quoted='"{quote}"\n({citation}، {symbol})',
        levels=(" ({item})", " ’{item}‘"),
    ),
}
