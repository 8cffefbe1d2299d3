"""The text of a Word `.docx` file, a blank line between its paragraphs.

python-docx opens the file; the text is taken from each paragraph's runs, in the body's order
(tables too): a line break stays a line break, a superscript number or a footnote reference
becomes a superscript marker (`¹`), and the footnotes themselves follow the text as `¹ …`
lines, as the parser reads them in any layout. Numbers that Word generates (a numbered list's
`1.`, `(a)`) are not in the runs: they are worked out from the numbering definitions, as Word
shows them.

A `.docx` is a zip archive: its sizes are checked before anything is unpacked, so that a small
file that unpacks to gigabytes (a zip bomb) is refused unread.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from lxml import etree

from corpus.formats.refusal import FileRefused
from corpus.normalize import to_superscript

MAX_UNPACKED_BYTES = 100 * 2**20
"""What a `.docx` may unpack to: a resolution's Word file unpacks to well under 1 MB of XML,
the rest being pictures."""

MAX_MEMBERS = 2_000

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def docx_text(raw: bytes, source: str) -> str:
    """The text of the Word file `raw` (the file's bytes), read from `source`."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FileRefused(source, "docx_damaged") from None
    names = {member.filename for member in members}
    if "word/document.xml" not in names:
        raise FileRefused(source, "docx_not_word", kind="kind_zip")
    unpacked = sum(member.file_size for member in members)
    if len(members) > MAX_MEMBERS or unpacked > MAX_UNPACKED_BYTES:
        raise FileRefused(
            source, "docx_too_large", size=unpacked // 2**20, limit=MAX_UNPACKED_BYTES // 2**20
        )
    try:
        document = Document(io.BytesIO(raw))
        numbering = _Numbering(document)
        footnotes = _footnotes(document)
        markers: dict[str, str] = {}
        paragraphs = [
            _paragraph_text(paragraph, numbering, footnotes, markers)
            for paragraph in document.element.body.iter(qn("w:p"))
        ]
    except FileRefused:
        raise
    except Exception as error:  # python-docx and lxml raise many kinds, all meaning "damaged"
        raise FileRefused(source, "docx_damaged") from error
    notes = [f"{marker} {footnotes[id]}" for id, marker in markers.items() if footnotes.get(id)]
    return "\n\n".join(text for text in [*paragraphs, *notes] if text.strip())


def _footnotes(document) -> dict[str, str]:
    """Each footnote's text by its id; none when the file has no footnotes part."""
    for relationship in document.part.rels.values():
        if relationship.reltype == RELATIONSHIP_TYPE.FOOTNOTES and not relationship.is_external:
            root = etree.fromstring(
                relationship.target_part.blob, etree.XMLParser(resolve_entities=False)
            )
            return {  # runs are pieces of one text; a footnote's paragraphs are joined by a space
                note.get(qn("w:id")): " ".join(
                    "".join(
                        piece for run in p.iter(qn("w:r")) for piece in _run_pieces(run, {}, {})
                    )
                    for p in note.iter(qn("w:p"))
                ).strip()
                for note in root.iter(qn("w:footnote"))
                if note.get(qn("w:type")) in (None, "normal")
            }
    return {}


def _paragraph_text(
    paragraph, numbering: _Numbering, footnotes: dict[str, str], markers: dict[str, str]
) -> str:
    label = numbering.label(paragraph)
    # A text box holds paragraphs of its own inside a run: they are read as paragraphs, in
    # the body's order, and not again as part of the paragraph that anchors them.
    own_runs = (run for run in paragraph.iter(qn("w:r")) if _paragraph_of(run) is paragraph)
    text = "".join(piece for run in own_runs for piece in _run_pieces(run, footnotes, markers))
    return f"{label} {text}" if label else text


def _paragraph_of(run):
    return next(run.iterancestors(qn("w:p")), None)


def _run_pieces(run, footnotes: dict[str, str], markers: dict[str, str]) -> Iterator[str]:
    """A run's text; superscript digits and footnote references as superscript markers."""
    properties = run.find(qn("w:rPr"))
    align = properties.find(qn("w:vertAlign")) if properties is not None else None
    raised = align is not None and align.get(qn("w:val")) == "superscript"
    for child in run:
        tag = etree.QName(child).localname
        if tag == "t":
            text = child.text or ""
            yield to_superscript(text) if raised and text.strip().isdigit() else text
        elif tag == "tab":
            yield " "
        elif tag in ("br", "cr"):
            yield "\n"
        elif tag == "footnoteReference":
            id = child.get(qn("w:id"))
            if id in footnotes:  # numbered in the order they are referred to, as Word does
                markers.setdefault(id, to_superscript(str(len(markers) + 1)))
                yield markers[id]


@dataclass
class _Numbering:
    """Word's automatic numbering, counted as Word counts it: one counter per list and level,
    deeper levels starting again when a shallower one moves on."""

    document: object
    counters: dict[str, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lists: dict[str, etree._Element] = {}
        self.abstract: dict[str, etree._Element] = {}
        try:
            root = self.document.part.numbering_part.element
        except (KeyError, NotImplementedError):  # a file without numbering definitions
            return
        for abstract in root.iter(qn("w:abstractNum")):
            self.abstract[abstract.get(qn("w:abstractNumId"))] = abstract
        for num in root.iter(qn("w:num")):
            link = num.find(qn("w:abstractNumId"))
            if link is not None and link.get(qn("w:val")) in self.abstract:
                self.lists[num.get(qn("w:numId"))] = self.abstract[link.get(qn("w:val"))]

    def label(self, paragraph) -> str:
        """The number Word shows before `paragraph` (`1.`, `(a)`), or '' when none."""
        num_id, level = self._numbering_of(paragraph)
        abstract = self.lists.get(num_id) if num_id else None
        if abstract is None:
            return ""
        levels = {lvl.get(qn("w:ilvl")): lvl for lvl in abstract.iter(qn("w:lvl"))}
        definition = levels.get(str(level))
        if definition is None:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        if level >= len(counters):
            return ""
        starts = [_value(levels.get(str(index)), "w:start", 1) for index in range(9)]
        counters[level] = counters[level] + 1 if counters[level] else starts[level]
        for deeper in range(level + 1, 9):
            counters[deeper] = 0
        text = _attribute(definition, "w:lvlText") or ""
        if _attribute(definition, "w:numFmt") in ("bullet", "none"):
            return ""
        for index in range(level + 1):
            format = _attribute(levels.get(str(index)), "w:numFmt") or "decimal"
            shown = _formatted(counters[index] or starts[index], format)
            text = text.replace(f"%{index + 1}", shown)
        return text

    def _numbering_of(self, paragraph) -> tuple[str | None, int]:
        """The list and level of a paragraph: its own, or its style's."""
        properties = paragraph.find(qn("w:pPr"))
        numbered = properties.find(qn("w:numPr")) if properties is not None else None
        if numbered is None and properties is not None:
            style = properties.find(qn("w:pStyle"))
            numbered = self._style_numbering(style.get(qn("w:val")) if style is not None else None)
        if numbered is None:
            return None, 0
        num = numbered.find(qn("w:numId"))
        level = numbered.find(qn("w:ilvl"))
        return (
            num.get(qn("w:val")) if num is not None else None,
            int(level.get(qn("w:val"))) if level is not None else 0,
        )

    def _style_numbering(self, style_id: str | None):
        styles = self.document.styles.element
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = next(
                (s for s in styles.iter(qn("w:style")) if s.get(qn("w:styleId")) == style_id), None
            )
            if style is None:
                return None
            numbered = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if numbered is not None:
                return numbered
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return None


def _attribute(element, child: str) -> str | None:
    found = element.find(qn(child)) if element is not None else None
    return found.get(qn("w:val")) if found is not None else None


def _value(element, child: str, default: int) -> int:
    value = _attribute(element, child)
    return int(value) if value and value.isdigit() else default


def _formatted(number: int, format: str) -> str:
    """`number` as a list format shows it: decimal, letters (a … z, aa …), roman numerals."""
    if format in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter.upper() if format == "upperLetter" else letter
    if format in ("lowerRoman", "upperRoman"):
        roman = ""
        for value, numeral in _ROMAN:
            while number >= value:
                roman += numeral
                number -= value
        return roman.upper() if format == "upperRoman" else roman
    return str(number)
