"""Finding the resolution and paragraph a question names, in the ways people write them.

    第57/12号决议执行部分第10段   51/5 第6段   57/12 OP8(a)   第8段(a)项   序言部分第3段
    resolution 36/29, operative paragraph 8   A/HRC/RES/51/5, para. 17 (a)   preambular para. 3
    大会第80/4号决议第2段   Security Council resolution 2720 (2023), para. 3   A/RES/80/4

A number alone is a Human Rights Council resolution's; another body's is named with its body
or by its symbol, so that GA 80/4 is never HRC 80/4.

A paragraph without a resolution (`那第8段呢？`) is resolved by the caller against the
resolution of the conversation so far. Each language's wordings are the table
`languages.references`; labels (`OP8(a)`) and symbols are the same in every language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from corpus.names import resolutions_named
from corpus.normalize import normalize_width
from languages.references import PARENTHESISED_SUBDIVISION, REFERENCE_FORMS, ReferenceForms


def _subdivisions(subdivision: str) -> str:
    return rf"(?P<subdivisions>(?:\s*{subdivision})*)"


_ITEM = re.compile(r"[^\s()’‘]+")
"""The item of one level of a paragraph's subdivisions, whatever brackets it has."""
_LABEL = re.compile(
    rf"\b(PP|OP|AN)\s*(\d+){_subdivisions(PARENTHESISED_SUBDIVISION)}", re.IGNORECASE
)


@dataclass(frozen=True)
class Reference:
    """What a question names: a resolution (its name, `57/12`, `A/RES/80/4`:
    `corpus.models.resolution_name`), a paragraph label (`OP8(a)`), or both."""

    resolution: str | None = None
    label: str | None = None

    def __bool__(self) -> bool:
        return self.resolution is not None or self.label is not None


def find_reference(question: str) -> Reference:
    """The resolution and paragraph named in `question`, each None when it names none."""
    text = normalize_width(question)
    named = next(resolutions_named(text), None)
    return Reference(named.name if named else None, _find_label(text))


def _find_label(text: str) -> str | None:
    match = _LABEL.search(text)
    if match:
        items = re.findall(r"[a-z]+", match["subdivisions"].lower())
        return _label(match.group(1).upper(), int(match.group(2)), items)
    for forms in REFERENCE_FORMS.values():
        match = _paragraph_pattern(forms).search(text)
        if match:
            number = forms.number_value(match["number"])
            items = [forms.item_value(item) for item in _ITEM.findall(match["subdivisions"])]
            prefix = "PP" if match["preambular"] else "AN" if match["annex"] else "OP"
            return _label(prefix, number, items)
    return None


@cache
def _paragraph_pattern(forms: ReferenceForms) -> re.Pattern[str]:
    part = f"(?:(?P<preambular>{forms.preambular})|(?P<annex>{forms.annex})|(?:{forms.operative}))?"
    return re.compile(
        forms.paragraph.replace("{part}", part)
        .replace("{number}", f"(?P<number>{forms.number})")
        .replace("{subdivisions}", _subdivisions(forms.subdivision))
    )


def _label(prefix: str, number: int, items: list[str]) -> str:
    """`PP3`, `OP8(a)`, `AN12(b)`: a preambular paragraph has no sub-paragraphs."""
    if prefix == "PP":
        return f"PP{number}"
    return f"{prefix}{number}" + "".join(f"({item})" for item in items)
