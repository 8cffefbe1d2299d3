"""A paragraph as a JSON record of the answer contract in docs/citations.md.

Every output that shows a paragraph (`hrc-qa paragraphs --json`, answers, the web API) starts
from this one record, so the field names never drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from corpus.citation import cite
from corpus.models import Paragraph, Resolution, resolution_slug
from corpus.names import cross_references
from languages import LANGUAGES
from languages.citations import CITATION_FORMS


def paragraph_record(resolution: Resolution, paragraph: Paragraph) -> dict[str, Any]:
    """The contract's fields for one paragraph, with its citations in Chinese and English."""
    return {
        "id": resolution.paragraph_id(paragraph),
        "resolution": resolution.name,
        "body": resolution.body,
        "symbol": resolution.symbol,
        "paragraph": paragraph.label,
        "part": paragraph.part,
        "title": resolution.title,
        "adopted": resolution.adopted.isoformat(),
        "session": resolution.session,
        "language": resolution.language,
        "text": paragraph.text,
        "footnotes": list(paragraph.footnotes),
        "references": [
            {"resolution": name, "text": words}
            for name, words in cross_references(resolution, paragraph).items()
        ],
        "citation": {language: cite(resolution, paragraph, language) for language in LANGUAGES},
        "citation_long": {
            language: cite(resolution, paragraph, language, long=True) for language in LANGUAGES
        },
    }


def lead_in_text(resolution: Resolution, paragraph: Paragraph) -> str:
    """The words a sub-paragraph hangs under, a line each: its quote begins with them."""
    # The outermost parent's number is in the citation; deeper ones read `(a) …`.
    return "".join(
        (f"{parent.marker} " if parent.subdivisions else "") + parent.text + "\n"
        for parent in resolution.lead_in(paragraph)
    )


def quote_text(resolution: Resolution, paragraph: Paragraph) -> str:
    """The paragraph quoted whole: a sub-paragraph after the words it hangs under
    (`请高级专员：` then `(a) …`), so that the quote reads as a sentence."""
    own = f"{paragraph.marker} " if paragraph.subdivisions else ""
    return f"{lead_in_text(resolution, paragraph)}{own}{paragraph.text}"


def page_address(name: str, label: str, language: str) -> str:
    """The resolution page of `name` in `language`, at the paragraph `label` (empty: the top),
    relative to the app's root so that it works behind a root path too."""
    anchor = f"#{label}" if label else ""
    return f"resolution/{resolution_slug(name)}?lang={language}{anchor}"


def versions_record(versions: Iterable[tuple[Resolution, Paragraph]]) -> dict[str, Any]:
    """The contract's `versions`: each language a paragraph is indexed in → that version's
    id, text, quote, citation (as its own language writes it), the quote and citation ready
    to paste, and its place on the resolution page."""
    record = {}
    for resolution, paragraph in versions:
        language = resolution.language
        quote = quote_text(resolution, paragraph)
        citation = cite(resolution, paragraph, language)
        record[language] = {
            "id": resolution.paragraph_id(paragraph),
            "text": paragraph.text,
            "quote": quote,
            "citation": citation,
            "quoted": CITATION_FORMS[language].quoted.format(
                quote=quote, citation=citation, symbol=resolution.symbol
            ),
            "url": page_address(resolution.name, paragraph.label, language),
        }
    return record
