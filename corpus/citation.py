"""Citation strings for a paragraph, built from its metadata as docs/citations.md defines them.

How each language words a citation is the table `languages.citations`, and how it names the
resolution of each body `languages.bodies`; this module fills them in.
"""

from __future__ import annotations

from corpus.models import Paragraph, Resolution, body_and_number
from languages import DEFAULT_LANGUAGE, Language
from languages.bodies import BODY_FORMS
from languages.citations import CITATION_FORMS
from languages.documents import DOCUMENT_FORMS


def resolution_in_words(name: str, language: Language) -> str:
    """The resolution `name` as `language` names it with its body: `大会第80/4号决议`,
    `General Assembly resolution 80/4` (a Security Council one without the year, which its
    name does not hold)."""
    body, number = body_and_number(name)
    return BODY_FORMS[language][body].document.format(number=number, date="")


def cite(
    resolution: Resolution,
    paragraph: Paragraph,
    language: Language = DEFAULT_LANGUAGE,
    long: bool = False,
) -> str:
    """The citation of `paragraph`, e.g. `人权理事会第51/5号决议第17段(a)项`.

    The long form adds the adoption date the UN way:
    `Human Rights Council resolution 51/5 of 6 October 2022, para. 17`.
    """
    if language not in CITATION_FORMS:
        raise ValueError(f"citations exist in {', '.join(CITATION_FORMS)}, not {language!r}")
    forms = CITATION_FORMS[language]
    adopted = resolution.adopted
    when = ""
    if long:
        when = forms.date.format(
            year=adopted.year,
            month=adopted.month,
            month_name=DOCUMENT_FORMS[language].month_name(adopted.month),
            day=adopted.day,
        )
    document = BODY_FORMS[language][resolution.body].document.format(
        number=resolution.written_number(language), date=when
    )
    if paragraph.part == "preambular":
        return forms.preambular.format(document=document, number=paragraph.number)
    written = DOCUMENT_FORMS[language].written_item
    levels = "".join(
        forms.levels[min(depth, len(forms.levels) - 1)].format(item=written(item, depth))
        for depth, item in enumerate(paragraph.subdivisions)
    )
    template = forms.annex if paragraph.part == "annex" else forms.operative
    return template.format(document=document, number=paragraph.number, levels=levels)
