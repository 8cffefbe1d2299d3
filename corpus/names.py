"""Finding the resolutions a text names, of every body, as hrc-qa names them
(`corpus.models.resolution_name`): in a question (`大会第80/4号决议第2段`, `A/RES/80/4`,
`57/12`) and in a resolution's own paragraphs (`回顾其第79/6号决议`, `Recalling its resolution
79/6`, `Security Council resolution 1325 (2000)`). Each language's wordings are the table
`languages.references`, each body's names `languages.bodies`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from corpus.models import Paragraph, Resolution, resolution_name
from corpus.normalize import normalize_width
from languages.bodies import BODY_FORMS, BODY_SYMBOLS, DEFAULT_BODY, Body
from languages.references import REFERENCE_FORMS, ReferenceForms

_SECURITY_COUNCIL_YEAR = r"(?:\s*\(\s*\d{4}\s*\))?"
"""The year a Security Council resolution is named with, `2720 (2023)`: not part of its name."""


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
    `own` is its body, which `its resolution 79/6` (`其第79/6号决议`) names; a number there
    that goes on a list (`大会…第48/141号、2006年3月15日第60/251号`) is of the list's body."""
    pattern, bodies = _resolution_pattern(
        tuple(REFERENCE_FORMS.values()), _body_names(own), own is not None
    )
    text = normalize_width(text)
    previous: tuple[int, Body] | None = None  # where the last name ended, and its body
    for match in pattern.finditer(text):
        alternative = int(match.lastgroup[1:])  # type: ignore[index]
        body = bodies[alternative]
        if body is None:
            listed = previous and _LIST_JOINER.fullmatch(text[previous[0] : match.start()])
            body = previous[1] if listed and previous else own
        assert body is not None
        number = re.sub(r"\s+", "", match[f"n{alternative}"]).upper()
        start = match.start()
        if match.groupdict().get(f"l{alternative}"):  # a list: its earlier numbers first
            offset = match.start(f"l{alternative}")
            items = listed_number(bodies[alternative]).finditer(match[f"l{alternative}"])
            for place, item in enumerate(items):
                name = resolution_name(body, re.sub(r"\s+", "", item["n"]).upper())
                # The first is named by the list's words (`résolutions 60/251`), the rest alone.
                begins = start if place == 0 else offset + item.start()
                yield NamedResolution(name, begins, offset + item.end())
            start = match.start(f"n{alternative}")
        yield NamedResolution(resolution_name(body, number), start, match.end())
        previous = (match.end(), body)


# What stands between two numbers of one list: `决议、2006年3月15日`, ` 和 `, `, `.
_LIST_JOINER = re.compile(
    r"\s*(?:决议)?\s*(?:、|,|，|和|及|以及|and)\s*"
    r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*"
)


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

    def add_with_list(source: str, body: Body | None) -> None:
        """`source`, and before it the same wording naming a list (`résolutions 5/1 et 5/2
        du …`, `General Assembly resolutions 60/251 and 65/281`): its earlier numbers in
        `lK`, each a resolution's number beyond doubt (a Security Council one with its year),
        so that a count or a date on a list is not taken for one."""
        index = len(alternatives)
        item = listed_number(body)
        unnamed = item.pattern.replace("(?P<n>", "(?:")
        numbers = f"(?P<l{index}>(?:{unnamed}{_LIST_ITEM_JOINER})+)"
        named = source.replace(
            "{number}", numbers + item.pattern.replace("(?P<n>", f"(?P<n{index}>")
        )
        alternatives.append(f"(?P<g{index}>{named})")
        bodies.append(body)
        add(source, body)

    for body, forms in BODY_SYMBOLS.items():
        add(re.escape(forms.prefix) + "{number}", body)
    for forms in languages:
        for body in (*BODY_SYMBOLS, None):
            names = "|".join(name for named, name in body_names if named == body)
            if names:
                add_with_list(forms.named.replace("{body}", f"(?:{names})"), body)
        # Within a resolution, `resolution 70/1` is one of its own body's.
        bare = None if in_a_resolution else DEFAULT_BODY
        add_with_list(forms.resolution, bare)
    if not in_a_resolution:
        add(r"(?<![\d/.\w-]){number}(?![\d/])", DEFAULT_BODY)
    return re.compile("|".join(alternatives), re.IGNORECASE), tuple(bodies)


_LIST_ITEM_JOINER = (
    r"(?:,?\s+(?:of|du|de|от)\s+\d{1,2}\s+(?:de\s+)?\w+\s+(?:de\s+)?\d{4}(?:\s+года)?)?"
    r"(?:\s*,\s*(?:(?:and|et|y|и)\s+)?|\s+(?:and|et|y|и)\s+|\s+و\s*)"
)
"""What joins two numbers of a list: `, `, ` and `, `, and `, ` et `, ` y `, ` и `, ` و`,
after the date the first may carry (`of 18 June 2007`, `du 18 juin 2007`, `de 18 de junio de
2007`, `от 18 июня 2007 года`). A Chinese list repeats `第…号`: each is found on its own."""


@cache
def listed_number(body: Body | None) -> re.Pattern[str]:
    """A number on a list of `body`'s resolutions (None: a text's own body), its number proper
    in `n`: one with a slash, or a Security Council one with its year."""
    year = r"\s*\(\s*\d{4}\s*\)"
    if body == "sc":
        return re.compile(rf"(?P<n>\d{{1,5}}){year}")
    if body is None:
        return re.compile(rf"(?P<n>(?:E?S-)?\d{{1,5}}/\d{{1,3}}|\d{{1,5}}(?={year}))(?:{year})?")
    return re.compile(f"(?P<n>{BODY_SYMBOLS[body].number})")


def cross_references(resolution: Resolution, paragraph: Paragraph) -> dict[str, str]:
    """The other resolutions `paragraph` names, each once, in order: name → the words that
    name it (`A/RES/70/1` → `大会第70/1号决议`). `its resolution 79/6` is its own body's."""
    return dict(_references_in(paragraph.text, resolution.body, resolution.name))


REFERENCES_KEPT = 65_536
"""Paragraphs whose references are kept (a few hundred bytes each)."""


@lru_cache(maxsize=REFERENCES_KEPT)
def _references_in(text: str, own_body: Body, own_name: str) -> tuple[tuple[str, str], ...]:
    # Every paragraph an answer shows is rendered with its references each time it is served
    # (a kept answer too), and finding them is a scan with one long alternation per body and
    # language: the costliest step of serving a kept answer, so each paragraph's are kept.
    named: dict[str, str] = {}
    for found in resolutions_named(text, own=own_body):
        if found.name != own_name:
            named.setdefault(found.name, text[found.start : found.end])
    return tuple(named.items())
