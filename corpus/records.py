"""A paragraph as a JSON record of the answer contract in docs/citations.md.

Every output that shows a paragraph (`hrc-qa paragraphs --json`, answers, the web API) starts
from this one record, so the field names never drift apart.
"""

from __future__ import annotations

from typing import Any

from corpus.citation import cite
from corpus.models import Paragraph, Resolution
from corpus.names import cross_references
from languages import LANGUAGES


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
