"""The countries, territories and regions a question names, in any of the six languages, and
whether the corpus mentions each: a question about a place no indexed resolution names gets an
explained `no_match` (`qa.assistant`), since nothing in the resolutions speaks of that place.

The names are CLDR's, as Babel (BSD-3-Clause) ships them: each territory and region in
Chinese, English, French, Spanish, Russian and Arabic (`阿富汗`, `Afghanistan`, `Афганистан`,
`أفغانستان`). Reading Babel's locale data takes a tenth of a second and some megabytes, so the
names are written once into a small table (`store.atomic`, as the gloss table of
`qa.translate` is: `hrc-qa index` makes it) and a question only reads that table; Babel is
never imported to answer. Each name is also kept without what follows it in brackets or after
a dash (`Myanmar (Burma)` → `Myanmar`, `刚果（金）` → `刚果`, `Congo - Kinshasa` → `Congo`).
CLDR's alternative names (`Turkey` beside `Türkiye`, `Ivory Coast`) are not in Babel's data.

A name counts in a question only where it stands as a name, not inside another word:
- Chinese: where the question's segmentation (jieba's, as everywhere) starts and ends a word
  at both its ends (`加纳` is not read in `增加纳入`, `几内亚` not in `巴布亚新几内亚`, the
  longest name being taken first);
- English, French, Spanish, Russian: word for word, each word capitalised as the name's is
  (`turkey`, `china` and `jersey` are common nouns); in Russian with another ending in place of
  the name's last letter (`в Афганистане`, `Мьянмы`), except for a sentence's first word, which
  must be the name's own (`Малые` opens a sentence, and is not `Мали`);
- Arabic, which has no capitals: the name's words exactly, and not a name of one word of four
  letters or fewer, which is too often another word too (`مالي` is also "financial").
A place is mentioned by the corpus when some indexed passage holds any of its names in any of
the six languages: a look-up in every passage (`ParagraphStore.holds_text`), which errs toward
"mentioned" (`中国` is found inside `发展中国家`), so that it never refuses wrongly for it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from embeddings import settings
from languages import LANGUAGES, Language
from store import atomic
from store.atomic import Artefact
from store.tokenize import cut_spans

PLACE_TABLE = Artefact("hrc-qa-places/1", "place-name table", verify="checksum")
"""Its format is raised when the way the table is made changes."""
NAMES = "places.json"
NOT_PLACES = frozenset({"001", "UN", "EZ", "QO", "ZZ", "XA", "XB"})
"""CLDR codes that are not a place a question asks about: the world, the United Nations, the
euro area, "outlying Oceania", the unknown region, and the pseudo-locales' regions."""
SHORTEST_UNCASED_NAME = 5
"""Letters a one-word name needs in a script without capitals (Arabic) to count."""
INFLECTED = frozenset({"ru"})
"""Languages whose names take case endings in a sentence."""
MOST_ENDING = 3
"""The letters an inflected name's ending may have in place of its last one."""
PREFIX = 3
"""Letters of a name's first word it is looked up by (an inflected form keeps them)."""
MOST_WORDS = 6
"""The most words of a question's segmentation a Chinese name runs to (`南乔治亚和南桑威奇群岛`)."""
_WORD = re.compile(r"\w+")
_BRACKETED = re.compile(r"\s*[(（][^)）]*[)）]")
_AFTER_DASH = re.compile(r"\s+-\s+.*")
_SENTENCE_START = re.compile(r"(?:^|[.!?。！？؟]\s*)\W*$")


@dataclass(frozen=True)
class Place:
    """A place a question names, as the question writes it, and all its names."""

    text: str
    start: int
    end: int
    codes: tuple[str, ...]
    """CLDR territory codes the name is the name of (`Congo` is two)."""
    forms: tuple[str, ...]
    """Every name of those territories in the six languages, lower-cased, as looked for in
    the corpus."""


def named_places(question: str, language: Language) -> tuple[Place, ...]:
    """The places `question` names in `language`, in question order."""
    table = _table()
    names = table.names.get(language, {})
    if not names:
        return ()
    found = (
        _chinese_places(question, names)
        if language == "zh"  # written without spaces: read as jieba segments it
        else _worded_places(question, language, names)
    )
    places = []
    for start, end, codes in sorted(found):
        forms = tuple(dict.fromkeys(form for code in codes for form in table.forms[code]))
        places.append(Place(question[start:end], start, end, codes, forms))
    return tuple(places)


def unmentioned(places: tuple[Place, ...], holds: Callable[[str], bool]) -> tuple[Place, ...]:
    """The places of which no passage holds any name, `holds` saying whether one holds a
    lower-cased text (`ParagraphStore.holds_text`)."""
    return tuple(place for place in places if not any(holds(form) for form in place.forms))


def _chinese_places(
    question: str, names: dict[str, tuple[str, ...]]
) -> list[tuple[int, int, tuple[str, ...]]]:
    """Runs of whole words of the question's segmentation that are a name, longest first."""
    words = cut_spans(question)
    found = [
        (words[first][1], words[last][2], names[name])
        for first in range(len(words))
        for last in range(first, min(first + MOST_WORDS, len(words)))
        if (name := question[words[first][1] : words[last][2]]) in names
    ]
    return _longest_first(found)


def _worded_places(
    question: str, language: Language, names: dict[str, tuple[str, ...]]
) -> list[tuple[int, int, tuple[str, ...]]]:
    """Runs of the question's words that are a name's words, written as names are (see the
    module docstring), longest first."""
    spans = [(match[0], match.start(), match.end()) for match in _WORD.finditer(question)]
    by_start = _names_by_start(language)
    found = []
    for first, (word, start, _) in enumerate(spans):
        for name, own in by_start.get(word[:PREFIX].lower(), ()):
            written = [text for text, _, _ in spans[first : first + len(own)]]
            if len(written) == len(own) and _written_as_name(
                question[:start], written, own, language
            ):
                found.append((start, spans[first + len(own) - 1][2], names[name]))
    return _longest_first(found)


def _written_as_name(before: str, written: list[str], own: list[str], language: Language) -> bool:
    """Whether the question's words `written` (after the text `before`) write a name whose
    words are `own` (see the module docstring)."""
    if not _cased("".join(own)):
        single = len(own) == 1
        return written == own and not (single and len(own[0]) < SHORTEST_UNCASED_NAME)
    if _SENTENCE_START.search(before) and written[0].casefold() != own[0].casefold():
        return False
    return all(
        (w[:1].isupper() or not o[:1].isupper()) and _same_word(w, o, language)
        for w, o in zip(written, own, strict=True)
    )


def _same_word(written: str, own: str, language: Language) -> bool:
    """The word as the name has it, or (in a language that inflects names) with another
    ending: `Афганистане`, `Мьянмы` for `Афганистан`, `Мьянма`."""
    written, own = written.casefold(), own.casefold()
    if written == own or language not in INFLECTED:
        return written == own
    common = len(own) - 1  # the name's last letter may change (`Мьянма` → `Мьянме`)
    return written[:common] == own[:common] and len(written) - common <= MOST_ENDING


def _longest_first(
    found: list[tuple[int, int, tuple[str, ...]]],
) -> list[tuple[int, int, tuple[str, ...]]]:
    """The matches that no longer one overlaps (`Papua New Guinea` over `Guinea`)."""
    taken: list[tuple[int, int, tuple[str, ...]]] = []
    for start, end, codes in sorted(found, key=lambda match: match[0] - match[1]):
        if not any(start < other_end and other_start < end for other_start, other_end, _ in taken):
            taken.append((start, end, codes))
    return taken


def _cased(text: str) -> bool:
    return any(char.lower() != char.upper() for char in text)


@dataclass(frozen=True)
class PlaceTable:
    """The published table, as a question reads it."""

    names: dict[str, dict[str, tuple[str, ...]]]
    """Language → name as CLDR writes it (and its shorter forms) → the codes it names."""
    forms: dict[str, tuple[str, ...]]
    """Code → its names in every language, lower-cased."""


@cache
def _names_by_start(language: Language) -> dict[str, tuple[tuple[str, list[str]], ...]]:
    """A language's names matched word for word, with their words, by the first `PREFIX`
    letters of their first word, lower-cased."""
    found: dict[str, list[tuple[str, list[str]]]] = {}
    for name in _table().names.get(language, {}):
        words = _WORD.findall(name)
        if words:
            found.setdefault(words[0][:PREFIX].lower(), []).append((name, words))
    return {start: tuple(names) for start, names in found.items()}


def prepare() -> None:
    """Make the table now, or again for another Babel release (`hrc-qa index` does), so that
    no question waits for it."""
    _made()
    # What was read from a table made before goes with it, the names' index drawn from it too.
    _table.cache_clear()
    _names_by_start.cache_clear()


@cache
def _table() -> PlaceTable:
    """The table as published. A question opens it as it is, without asking which Babel
    release is installed (importing Babel costs a cold answer four times what the table does);
    only where there is none is it made here."""
    try:
        folder, _ = atomic.open_current(settings.home() / "places", artefact=PLACE_TABLE)
    except atomic.VersionUnavailable:
        folder = _made()
    data = json.loads((folder / NAMES).read_text(encoding="utf-8"))
    names = {
        language: {name: tuple(codes) for name, codes in by_name.items()}
        for language, by_name in data["names"].items()
    }
    return PlaceTable(names, {code: tuple(forms) for code, forms in data["forms"].items()})


def _made() -> Path:
    """The table's folder, made from Babel's data once for each Babel release
    (`store.atomic`)."""
    import babel  # making or checking the table only: never to answer

    def write(folder: Path) -> None:
        data = json.dumps(_names_from_babel(), ensure_ascii=False, sort_keys=True)
        (folder / NAMES).write_text(data, encoding="utf-8")

    return atomic.ensure(
        settings.home() / "places",
        write,
        artefact=PLACE_TABLE,
        source={"babel": babel.__version__},
        announce="making the place-name table",
    )


def _names_from_babel() -> dict[str, dict]:
    from babel.localedata import load  # building the table only: never to answer

    names: dict[str, dict[str, list[str]]] = {language: {} for language in LANGUAGES}
    forms: dict[str, list[str]] = {}
    for language in LANGUAGES:
        for code, name in load(language)["territories"].items():
            if code in NOT_PLACES:
                continue
            for written in _written_forms(name):
                names[language].setdefault(written, []).append(code)
                forms.setdefault(code, []).append(written.lower())
    return {
        "names": names,
        "forms": {code: list(dict.fromkeys(written)) for code, written in forms.items()},
    }


def _written_forms(name: str) -> list[str]:
    """The name, and the name without what follows it in brackets or after a dash."""
    short = _AFTER_DASH.sub("", _BRACKETED.sub("", name)).strip()
    return list(dict.fromkeys(form for form in (name, short) if form))
