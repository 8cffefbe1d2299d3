"""A checked draft written out: Word (each agreed or adapted paragraph with a real footnote
citing its sources, and what an adapted one changed), Markdown, and JSON.

    export(report, "docx", language) -> bytes

python-docx has no footnote API (1.2), so the footnotes part is made here as Word itself
makes it: `word/footnotes.xml` related to the document as its footnotes, holding the two
separator notes Word expects, then one `w:footnote` per cited paragraph, each referenced from
its paragraph by a superscript `w:footnoteReference` run. Labels and citations are in
`language` (the interface's, else the draft's).
"""

from __future__ import annotations

import io
import json
from typing import Literal, get_args

from corpus import cite
from languages import Language
from languages.interface import ui_text
from qa.check import CheckReport, ParagraphCheck, Source

Format = Literal["json", "md", "docx"]
FORMATS: tuple[Format, ...] = get_args(Format)
MEDIA_TYPES: dict[Format, str] = {
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
# The separator and continuation separator Word draws above the notes; ids -1 and 0, as Word
# writes them, so that the notes start at 1.
_FOOTNOTES_XML = (
    f'<w:footnotes xmlns:w="{_W}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote></w:footnotes>"
)
_INSERTED = "1F6FEB"
_DELETED = "CF222E"


def export(report: CheckReport, form: Format, language: Language | None = None) -> bytes:
    """The report as a file of `form`, its words and citations in `language`."""
    language = language or report.language
    if form == "json":
        return (json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n").encode()
    if form == "md":
        return markdown(report, language).encode()
    return word(report, language)


def citations(check: ParagraphCheck, language: Language) -> str:
    """The sources of a paragraph cited in `language`, with their symbols, one after another:
    what its footnote says after `Agreed language:` or `Adapted from`."""
    separator = "；" if language == "zh" else "; "
    return separator.join(_cited(source, language) for source in check.sources)


def _cited(source: Source, language: Language) -> str:
    citation = cite(source.resolution, source.paragraph, language)
    return (
        f"{citation}（{source.resolution.symbol}）"
        if language == "zh"
        else (f"{citation} ({source.resolution.symbol})")
    )


def footnote(check: ParagraphCheck, language: Language) -> str:
    """The footnote of an agreed or adapted paragraph."""
    key = "check_footnote_agreed" if check.verdict == "agreed" else "check_footnote_adapted"
    return ui_text(language, key).format(citations=citations(check, language))


def summary_line(report: CheckReport, language: Language) -> str:
    return ui_text(language, "check_summary").format(**report.summary())


def changes_line(source: Source, language: Language) -> str:
    return ui_text(language, "check_changes").format(
        inserted=source.inserted, deleted=source.deleted
    )


def diff_heading(source: Source, language: Language) -> str:
    """What stands above an adapted paragraph's changes from one source."""
    return ui_text(language, "check_diff_heading").format(
        citation=cite(source.resolution, source.paragraph, language),
        changes=changes_line(source, language),
    )


# -- Markdown -----------------------------------------------------------------------------------


def markdown(report: CheckReport, language: Language) -> str:
    """Each paragraph with its verdict; an adapted one's changes marked `{+added+}` and
    `[-removed-]`; the citations as Markdown footnotes (`[^1]`)."""
    lines = [f"# {ui_text(language, 'check_title')}", "", summary_line(report, language), ""]
    notes = []
    for check in report.checks:
        verdict = ui_text(language, f"verdict_{check.verdict}")
        text = _escaped(f"{check.paragraph.label} {check.paragraph.text}".strip())
        if check.sources:
            notes.append(f"[^{len(notes) + 1}]: {_escaped(footnote(check, language))}")
            text += f"[^{len(notes)}]"
        lines += [f"**{check.paragraph.index}. {verdict}**", "", text, ""]
        if check.verdict == "adapted":
            for source in check.sources:
                lines += [
                    f"> {_escaped(diff_heading(source, language))}",
                    ">",
                    "> " + "".join(marked(piece.op, _escaped(piece.text)) for piece in source.diff),
                    "",
                ]
        elif check.verdict == "new":
            lines += [f"> {ui_text(language, 'check_no_source')}", ""]
    return "\n".join(lines + notes) + "\n"


def marked(op: str, text: str) -> str:
    """A diff piece marked as Markdown and the CLI show it: `{+added+}`, `[-removed-]`."""
    if op == "insert":
        return f"{{+{text}+}}"
    if op == "delete":
        return f"[-{text}-]"
    return text


def _escaped(text: str) -> str:
    """Text that Markdown shows as it is: its markup characters escaped, its lines kept in one
    paragraph."""
    for char in "\\`*_[]<>#|{}":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split("\n"))


# -- Word ---------------------------------------------------------------------------------------


def word(report: CheckReport, language: Language) -> bytes:
    """A Word document: the draft's paragraphs, each agreed or adapted one with a footnote
    citing its sources, and below an adapted one its changes (added text underlined in blue,
    removed text struck through in red)."""
    from docx import Document
    from docx.shared import Pt, RGBColor

    document = Document()
    document.add_heading(ui_text(language, "check_title"), level=1)
    document.add_paragraph(summary_line(report, language))
    notes = WordFootnotes(document)
    for check in report.checks:
        verdict = ui_text(language, f"verdict_{check.verdict}")
        tag = document.add_paragraph()
        run = tag.add_run(f"{check.paragraph.index}. {verdict}")
        run.bold = True
        run.font.size = Pt(9)
        paragraph = document.add_paragraph(
            f"{check.paragraph.label} {check.paragraph.text}".strip()
        )
        if check.sources:
            notes.add(paragraph, footnote(check, language))
        if check.verdict == "adapted":
            for source in check.sources:
                heading = document.add_paragraph()
                note = heading.add_run(diff_heading(source, language))
                note.italic = True
                note.font.size = Pt(9)
                changes = document.add_paragraph()
                for piece in source.diff:
                    piece_run = changes.add_run(piece.text)
                    piece_run.font.size = Pt(9)
                    if piece.op == "insert":
                        piece_run.underline = True
                        piece_run.font.color.rgb = RGBColor.from_string(_INSERTED)
                    elif piece.op == "delete":
                        piece_run.font.strike = True
                        piece_run.font.color.rgb = RGBColor.from_string(_DELETED)
        elif check.verdict == "new":
            note = document.add_paragraph().add_run(ui_text(language, "check_no_source"))
            note.italic = True
            note.font.size = Pt(9)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


class WordFootnotes:
    """A Word document's footnotes part, made on the first note (the format tests write
    their Word fixtures' footnotes with it too)."""

    def __init__(self, document) -> None:
        self.document = document
        self.element = None
        self.count = 0

    def add(self, paragraph, text: str) -> None:
        """A footnote saying `text`, referenced at the end of `paragraph`."""
        from docx.oxml import OxmlElement, parse_xml
        from docx.oxml.ns import qn

        if self.element is None:
            self.element = self._part(parse_xml)
        self.count += 1
        note_id = str(self.count)
        reference = paragraph.add_run()._r
        reference.append(_superscript(OxmlElement, qn))
        mark = OxmlElement("w:footnoteReference")
        mark.set(qn("w:id"), note_id)
        reference.append(mark)

        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), note_id)
        body = OxmlElement("w:p")
        own = OxmlElement("w:r")
        own.append(_superscript(OxmlElement, qn))
        own.append(OxmlElement("w:footnoteRef"))
        body.append(own)
        words = OxmlElement("w:r")
        said = OxmlElement("w:t")
        said.set(qn("xml:space"), "preserve")
        said.text = " " + text
        words.append(said)
        body.append(words)
        note.append(body)
        self.element.append(note)

    def _part(self, parse_xml):
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.opc.packuri import PackURI
        from docx.opc.part import XmlPart

        document_part = self.document.part
        element = parse_xml(_FOOTNOTES_XML)
        part = XmlPart(
            PackURI("/word/footnotes.xml"), _FOOTNOTES_TYPE, element, document_part.package
        )
        document_part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
        return element


def _superscript(OxmlElement, qn):
    properties = OxmlElement("w:rPr")
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    properties.append(align)
    return properties
