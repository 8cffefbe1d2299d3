"""The typed records every other package speaks: a `Resolution` and its `Paragraph`s."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal, get_args

import msgspec

from languages import Language
from languages.bodies import BODY_FORMS, BODY_SYMBOLS, DEFAULT_BODY, Body

Part = Literal["preambular", "operative", "annex"]
"""An annexed text's numbered paragraphs (a political declaration the resolution adopts) are
its `annex` part: not operative paragraphs of the resolution, and cited apart."""
PARTS: tuple[Part, ...] = get_args(Part)
_LABEL_PREFIXES: dict[Part, str] = {"preambular": "PP", "operative": "OP", "annex": "AN"}


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One citable paragraph of a resolution, e.g. `51/5 OP17(a)`.

    `resolution` is its resolution's `name`: `57/12`, `A/RES/80/4`.

    `text` is the paragraph as the resolution words it, without its own number or letter
    (`17.`, `(a)`), markup or footnote markers; the footnotes it points at are in `footnotes`.
    """

    resolution: str
    part: Part
    number: int
    subdivisions: tuple[str, ...]
    text: str
    footnotes: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """`PP3`, `OP17`, `OP17(a)`, `OP3(a)(ii)`, `AN12` (the annex's paragraph 12)."""
        return paragraph_label(self.part, self.number, self.subdivisions)

    @property
    def key(self) -> str:
        """The label qualified by its resolution, as the dev set writes it: `57/12 OP8(a)`."""
        return f"{self.resolution} {self.label}"

    @property
    def parent_label(self) -> str | None:
        """The label of the paragraph this one hangs under (`OP17` for `OP17(a)`), if any."""
        if not self.subdivisions:
            return None
        return paragraph_label(self.part, self.number, self.subdivisions[:-1])

    @property
    def marker(self) -> str:
        """How the resolution numbers this paragraph in its text: `17.`, `(a)`, or nothing."""
        if self.subdivisions:
            return f"({self.subdivisions[-1]})"
        return f"{self.number}." if self.part != "preambular" else ""


def resolution_key(name: str, language: str) -> str:
    """The `Resolution.key` of the text of the resolution `name` in `language`: `57/12.zh`."""
    return f"{name}.{language}"


def paragraph_label(part: Part, number: int, subdivisions: tuple[str, ...]) -> str:
    """The label of the paragraph with this part, number and sub-paragraph letters: `OP17(a)`."""
    label = _LABEL_PREFIXES[part] + str(number)
    # Most paragraphs have no sub-paragraph letters: a store's load labels every one of them.
    return label + "".join(map("({})".format, subdivisions)) if subdivisions else label


@dataclass(frozen=True, slots=True)
class Resolution:
    """A resolution's metadata and its paragraphs in document order.

    `number` is the number as its body writes it after the title line's and the symbol's
    prefix: `57/12`, `S-35/1` (a Council special session), `80/4`, `2720` (the Security
    Council's year is the adoption's), `2024/5`.
    """

    number: str
    title: str
    agenda_item: str | None
    adopted: date
    meeting: int | None
    vote: str | None
    language: str
    source: str
    paragraphs: tuple[Paragraph, ...] = field(repr=False)
    body: Body = DEFAULT_BODY

    @property
    def symbol(self) -> str:
        """The UN document symbol: `A/HRC/RES/51/5`, `A/RES/80/4`, `S/RES/2720 (2023)`."""
        forms = BODY_SYMBOLS[self.body]
        return forms.prefix + self.number + forms.suffix.format(year=self.adopted.year)

    @property
    def name(self) -> str:
        """How hrc-qa names the resolution wherever one is told from another (filters, the
        index, web addresses, the answer's `resolution`): `resolution_name`."""
        return resolution_name(self.body, self.number)

    @property
    def slug(self) -> str:
        """The name in the resolution page's address: `57-12`, `ga-80-4`, `sc-2720`."""
        return resolution_slug(self.name)

    @property
    def session(self) -> int | None:
        """The regular session that adopted it, the first half of the number (`57/12` → 57,
        `80/4` → 80); None where the number does not hold one (a special session, the
        Security Council, the Economic and Social Council's year)."""
        if self.body not in ("hrc", "ga"):
            return None
        first = self.number.split("/")[0]
        return int(first) if first.isdigit() else None

    def written_number(self, language: Language) -> str:
        """The number as `language` writes it in a citation: `80/4`, `2720 (2023)`."""
        template = BODY_FORMS[language][self.body].number
        return template.format(number=self.number, year=self.adopted.year)

    @property
    def adopted_without_vote(self) -> bool:
        return self.vote is None

    @property
    def key(self) -> str:
        """Identifies this text of the resolution: one number may come in several languages."""
        return resolution_key(self.name, self.language)

    def paragraph_id(self, paragraph: Paragraph) -> str:
        """The paragraph's id, stable across index versions and unique across bodies and
        languages: symbol, label and language, `A/HRC/RES/57/12:OP8(a):zh`."""
        return f"{self.symbol}:{paragraph.label}:{self.language}"

    def paragraph_ids(self) -> tuple[str, ...]:
        """Every paragraph's `paragraph_id`, in order, the symbol made once (a store's load
        makes 100,000 and more)."""
        symbol, language = self.symbol, self.language
        return tuple(
            f"{symbol}:{paragraph_label(p.part, p.number, p.subdivisions)}:{language}"
            for p in self.paragraphs
        )

    def paragraph(self, label: str) -> Paragraph:
        """The paragraph with this label; KeyError names the labels that exist."""
        for paragraph in self.paragraphs:
            if paragraph.label == label:
                return paragraph
        raise KeyError(f"resolution {self.name} has no paragraph {label}")

    def lead_in(self, paragraph: Paragraph) -> tuple[Paragraph, ...]:
        """The paragraphs a sub-paragraph hangs under, outermost first (`OP17` for `OP17(a)`).

        A quote of `(a)` reads whole only with its parent's words: `请高级专员：`.
        """
        chain: list[Paragraph] = []
        label = paragraph.parent_label
        while label is not None:
            parent = self.paragraph(label)
            chain.insert(0, parent)
            label = parent.parent_label
        return tuple(chain)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy, read back by `from_dict`: the index stores resolutions this way."""
        data = asdict(self)
        data["adopted"] = self.adopted.isoformat()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Resolution:
        """The resolution `to_dict` wrote; ValueError if `data` is not one (an index's file
        must not hand a request a number that is not text)."""
        try:
            resolution = msgspec.convert(data, cls, strict=True)
        except msgspec.ValidationError as error:
            raise ValueError(f"a resolution is not as saved: {error}") from None
        return _as_saved(resolution)


def decode_resolutions(data: bytes) -> list[Resolution]:
    """The resolutions of a JSON list of `Resolution.to_dict`s (an index's saved file), or
    ValueError saying where one is not as saved.

    msgspec decodes the JSON straight into the dataclasses, checking every field's type (a bool
    is not a number, a part is one of `PARTS`, a date is ISO 8601) as it goes: an index reads
    every paragraph it holds at each load, 100,000 of them and more, and the standard json
    module's dicts, then checked field by field, took most of a reload."""
    try:
        resolutions = _RESOLUTIONS.decode(data)
    except msgspec.DecodeError as error:
        raise ValueError(f"a resolution is not as saved: {error}") from None
    for resolution in resolutions:
        _as_saved(resolution)
    return resolutions


_RESOLUTIONS = msgspec.json.Decoder(list[Resolution])


def _as_saved(resolution: Resolution) -> Resolution:
    """`resolution`, if its number is one its body gives (what its type cannot say)."""
    if not re.fullmatch(BODY_SYMBOLS[resolution.body].number, resolution.number):
        raise ValueError(f"resolution {resolution.number!r} is not as saved")
    return resolution


def resolution_name(body: Body, number: str) -> str:
    """The name of `body`'s resolution `number`: the bare number for a Human Rights Council
    resolution (`57/12`, as the bundled corpus, the questions and the web addresses have
    always named them), the symbol without the Security Council's year for another body's
    (`A/RES/80/4`, `S/RES/2720`, `E/RES/2024/5`), so that GA 80/4 is never HRC 80/4."""
    return number if body == DEFAULT_BODY else BODY_SYMBOLS[body].prefix + number


def body_and_number(name: str) -> tuple[Body, str]:
    """The body and number of the resolution `name` (`resolution_name`'s inverse):
    `A/RES/80/4` → (`ga`, `80/4`), `57/12` → (`hrc`, `57/12`)."""
    for body, forms in BODY_SYMBOLS.items():
        if body != DEFAULT_BODY and name.startswith(forms.prefix):
            return body, name.removeprefix(forms.prefix)
    return DEFAULT_BODY, name


def name_of_slug(slug: str) -> str:
    """The name of the resolution whose page address is `slug` (`resolution_slug`'s inverse):
    `ga-80-4` → `A/RES/80/4`, `S-35-1` → `S-35/1`, `sc-2720` → `S/RES/2720`."""
    body, number = DEFAULT_BODY, slug
    for other, forms in BODY_SYMBOLS.items():
        if other != DEFAULT_BODY and slug.startswith(forms.slug):
            body, number = other, slug.removeprefix(forms.slug)
    if "/" in BODY_SYMBOLS[body].number:  # `session/number`: the last dash was the slash
        head, _, last = number.rpartition("-")
        number = f"{head}/{last}" if head else number
    return resolution_name(body, number)


def resolution_slug(name: str) -> str:
    """The resolution page's address for the resolution `name`: `57-12` (as it always was for
    the Council's), `ga-80-4` for `A/RES/80/4`, `sc-2720`, `ecosoc-2024-5`."""
    for body, forms in BODY_SYMBOLS.items():
        if body != DEFAULT_BODY and name.startswith(forms.prefix):
            return forms.slug + name.removeprefix(forms.prefix).replace("/", "-")
    return name.replace("/", "-")
