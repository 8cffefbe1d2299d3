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
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from corpus.models import resolution_name
from corpus.normalize import normalize_width
from languages.bodies import BODY_FORMS, BODY_SYMBOLS, DEFAULT_BODY, Body
from languages.references import PARENTHESISED_SUBDIVISION, REFERENCE_FORMS, ReferenceForms

_SECURITY_COUNCIL_YEAR = r"(?:\s*\(\s*\d{4}\s*\))?"
"""The year a Security Council resolution is named with, `2720 (2023)`: not part of its name."""


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


@dataclass(frozen=True, slots=True)
class NamedResolution:
    """A resolution a text names, and where: `大会第70/1号决议` at 2–11."""

    name: str
    start: int
    end: int


def resolutions_named(text: str, own: Body | None = None) -> Iterator[NamedResolution]:
    """Every resolution `text` names, in order: by its symbol (`A/RES/80/4`), with its body
    (`大会第80/4号决议`, `Security Council resolution 2720 (2023)`), or by its number alone
    (`第57/12号决议`, `57/12`: a Human Rights Council resolution). In a resolution's own text
    `own` is its body, which `its resolution 79/6` (`其第79/6号决议`) names."""
    pattern, bodies = _resolution_pattern(
        tuple(REFERENCE_FORMS.values()), _body_names(own), own is not None
    )
    for match in pattern.finditer(normalize_width(text)):
        alternative = int(match.lastgroup[1:])  # type: ignore[index]
        body = bodies[alternative] or own
        assert body is not None
        number = re.sub(r"\s+", "", match[f"n{alternative}"]).upper()
        yield NamedResolution(resolution_name(body, number), match.start(), match.end())


def resolution_name_of(text: str) -> str | None:
    """The name of the resolution `text` is all of: a name, a symbol or a number as a user
    gives a filter (`57/12`, `A/HRC/RES/57/12`, `a/res/80/4`, `S/RES/2720 (2023)`)."""
    text = text.strip()
    named = next(resolutions_named(text), None)
    if named is None or (named.start, named.end) != (0, len(normalize_width(text))):
        return None
    return named.name


def _body_names(own: Body | None) -> tuple[tuple[Body | None, str], ...]:
    """Each body's names in every language, and (`None`) the words naming a text's own."""
    names: list[tuple[Body | None, str]] = []
    for language_forms in BODY_FORMS.values():
        for body, forms in language_forms.items():
            names.extend((body, name) for name in (re.escape(forms.name), *forms.other_names))
            if own == body:
                names.extend((None, word) for word in forms.own)
    return tuple(names)


_ANY_NUMBER = r"(?:E?S-)?\d{1,5}(?:/\d{1,3})?"
"""A number of the text's own body, whichever it is."""


@cache
def _resolution_pattern(
    languages: tuple[ReferenceForms, ...],
    body_names: tuple[tuple[Body | None, str], ...],
    in_a_resolution: bool,
) -> tuple[re.Pattern[str], tuple[Body | None, ...]]:
    """One pattern of every way to name a resolution, so that the name that comes first in
    the text is the one found; alternative `gK` holds its number in `nK`, and is of the body
    `bodies[K]` (None: the text's own). In a question (`in_a_resolution` false) a number alone
    is a name; in a resolution's text only the wordings are, so that dates and figures stay
    text."""
    alternatives: list[str] = []
    bodies: list[Body | None] = []

    def add(source: str, body: Body | None) -> None:
        index = len(alternatives)
        number = BODY_SYMBOLS[body].number if body else _ANY_NUMBER
        year = _SECURITY_COUNCIL_YEAR if body in ("sc", None) else ""
        named = source.replace("{number}", f"(?P<n{index}>{number}){year}")
        alternatives.append(f"(?P<g{index}>{named})")
        bodies.append(body)

    for body, forms in BODY_SYMBOLS.items():
        add(re.escape(forms.prefix) + "{number}", body)
    for forms in languages:
        for body in (*BODY_SYMBOLS, None):
            names = "|".join(name for named, name in body_names if named == body)
            if names:
                add(forms.named.replace("{body}", f"(?:{names})"), body)
        # Within a resolution, `resolution 70/1` is one of its own body's.
        bare = None if in_a_resolution else DEFAULT_BODY
        add(forms.resolution, bare)
    if not in_a_resolution:
        add(r"(?<![\d/.\w-]){number}(?![\d/])", DEFAULT_BODY)
    return re.compile("|".join(alternatives), re.IGNORECASE), tuple(bodies)


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
