"""Reading Human Rights Council resolutions into labelled, citable paragraphs.

The one public surface of the package: parse a file (or a folder of files) into a
`Resolution` holding its metadata and its `Paragraph`s, and build the citation strings of
docs/citations.md from them. A file that cannot be read raises `ResolutionError`; one read with
something that looks wrong in it warns with a `ResolutionWarning`.
"""

from corpus.citation import cite
from corpus.errors import ResolutionError, ResolutionWarning
from corpus.models import Paragraph, Part, Resolution
from corpus.reader import (
    BUNDLED_CORPUS,
    FileRead,
    find_resolution_files,
    read_batch,
    read_resolution,
    read_resolutions,
)
from corpus.records import paragraph_record

__all__ = [
    "BUNDLED_CORPUS",
    "FileRead",
    "Paragraph",
    "Part",
    "Resolution",
    "ResolutionError",
    "ResolutionWarning",
    "cite",
    "find_resolution_files",
    "paragraph_record",
    "read_batch",
    "read_resolution",
    "read_resolutions",
]
