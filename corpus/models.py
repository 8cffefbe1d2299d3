"""The typed records every other package speaks: a `Resolution` and its `Paragraph`s."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

Part = Literal["preambular", "operative"]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One citable paragraph of a resolution, e.g. `51/5 OP17(a)`.

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
        """`PP3`, `OP17`, `OP17(a)`, `OP3(a)(ii)`."""
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
        return f"{self.number}." if self.part == "operative" else ""


def paragraph_label(part: Part, number: int, subdivisions: tuple[str, ...]) -> str:
    """The label of the paragraph with this part, number and sub-paragraph letters: `OP17(a)`."""
    prefix = "PP" if part == "preambular" else "OP"
    return prefix + str(number) + "".join(f"({item})" for item in subdivisions)


@dataclass(frozen=True, slots=True)
class Resolution:
    """A resolution's metadata and its paragraphs in document order."""

    number: str
    title: str
    agenda_item: str | None
    adopted: date
    meeting: int | None
    vote: str | None
    language: str
    source: str
    paragraphs: tuple[Paragraph, ...] = field(repr=False)

    @property
    def symbol(self) -> str:
        """The UN document symbol, `A/HRC/RES/51/5`."""
        return f"A/HRC/RES/{self.number}"

    @property
    def session(self) -> int:
        """The Council session that adopted it: the first half of the number."""
        return int(self.number.split("/")[0])

    @property
    def adopted_without_vote(self) -> bool:
        return self.vote is None

    @property
    def key(self) -> str:
        """Identifies this text of the resolution: one number may come in several languages."""
        return f"{self.number}.{self.language}"

    def paragraph_id(self, paragraph: Paragraph) -> str:
        """The paragraph's id, stable across index versions and unique across bodies and
        languages: symbol, label and language, `A/HRC/RES/57/12:OP8(a):zh`."""
        return f"{self.symbol}:{paragraph.label}:{self.language}"

    def paragraph(self, label: str) -> Paragraph:
        """The paragraph with this label; KeyError names the labels that exist."""
        for paragraph in self.paragraphs:
            if paragraph.label == label:
                return paragraph
        raise KeyError(f"resolution {self.number} has no paragraph {label}")

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
        _check_fields(data, _RESOLUTION_FIELDS, "a resolution")
        if not re.fullmatch(r"\d+/\d+", data["number"]) or not isinstance(data["paragraphs"], list):
            raise ValueError(f"resolution {data['number']!r} is not as saved")
        paragraphs = []
        for item in data["paragraphs"]:
            _check_fields(item, _PARAGRAPH_FIELDS, f"a paragraph of {data['number']}")
            if item["part"] not in ("preambular", "operative"):
                raise ValueError(f"a paragraph of {data['number']} has the part {item['part']!r}")
            paragraphs.append(
                Paragraph(
                    **{
                        **item,
                        "subdivisions": tuple(item["subdivisions"]),
                        "footnotes": tuple(item["footnotes"]),
                    }
                )
            )
        return cls(
            **{
                **data,
                "adopted": date.fromisoformat(data["adopted"]),
                "paragraphs": tuple(paragraphs),
            }
        )


_RESOLUTION_FIELDS: dict[str, tuple[type, ...]] = {
    "number": (str,),
    "title": (str,),
    "agenda_item": (str, type(None)),
    "adopted": (str,),
    "meeting": (int, type(None)),
    "vote": (str, type(None)),
    "language": (str,),
    "source": (str,),
    "paragraphs": (list,),
}
_PARAGRAPH_FIELDS: dict[str, tuple[type, ...]] = {
    "resolution": (str,),
    "part": (str,),
    "number": (int,),
    "subdivisions": (list,),
    "text": (str,),
    "footnotes": (list,),
}


def _check_fields(data: object, fields: dict[str, tuple[type, ...]], what: str) -> None:
    """ValueError unless `data` is a dict of exactly these fields, each of its types (a bool
    is not a number), and the lists hold strings."""
    if not isinstance(data, dict) or set(data) != set(fields):
        raise ValueError(f"{what} does not have the fields {', '.join(fields)}")
    for name, types in fields.items():
        value = data[name]
        wrong = isinstance(value, bool) or not isinstance(value, types)
        if wrong or (
            isinstance(value, list)
            and name != "paragraphs"
            and not all(isinstance(item, str) for item in value)
        ):
            raise ValueError(f"{what} has a {name} of the wrong type")
