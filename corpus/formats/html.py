"""The text of an HTML page, a blank line between its blocks, by the standard library's parser.

Block elements (`<p>`, `<div>`, headings, list items, table rows) end a paragraph, `<br>` a
line; white space inside a block is collapsed as a browser does; `<sup>1</sup>` becomes the
marker `¹`; what a browser does not show (`<head>`, `<script>`, `<style>`) is left out.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from corpus.formats.refusal import FileRefused
from corpus.normalize import decode, to_superscript

_BLOCKS = frozenset(
    "address article aside blockquote body dd div dl dt figcaption figure footer form h1 h2 h3 "
    "h4 h5 h6 header hr html li main nav ol p pre section table tbody td th thead tr ul".split()
)
_HIDDEN = frozenset("head script style template noscript title".split())
_CHARSET = re.compile(rb"""<meta[^>]{0,200}charset\s*=\s*["']?([A-Za-z0-9_-]{1,40})""", re.I)


def html_text(raw: bytes, source: str) -> str:
    """The text of the HTML page `raw` (the file's bytes), read from `source`."""
    extractor = _TextExtractor()
    extractor.feed(_decoded(raw, source))
    extractor.close()
    return extractor.text()


def _decoded(raw: bytes, source: str) -> str:
    """The page's characters: UTF-8 or UTF-16 as any text, else the charset its `<meta>` names
    (older UN pages are in windows-1252 or GB2312)."""
    declared = _CHARSET.search(raw[:4096])
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        try:
            return raw.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            raise FileRefused(
                source, "html_charset", charset=declared.group(1).decode("ascii")
            ) from None
    return decode(raw, source)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.hidden = 0
        self.superscript = 0
        self.preformatted = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.current.append("\n")
        elif tag == "sup":
            self.superscript += 1
        elif tag in _BLOCKS:
            self._end_block()
            self.preformatted += tag == "pre"

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "sup":
            self.superscript = max(0, self.superscript - 1)
        elif tag in _BLOCKS:
            self._end_block()
            if tag == "pre":
                self.preformatted = max(0, self.preformatted - 1)

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if self.superscript and data.strip().isdigit():
            data = to_superscript(data.strip())
        self.current.append(data)

    def _end_block(self) -> None:
        text = "".join(self.current)
        self.current = []
        if self.preformatted:
            lines = [line.strip() for line in text.split("\n")]
        else:  # white space collapses as in a browser; only `<br>` breaks a line
            lines = [" ".join(line.split()) for line in text.split("\n")]
        block = "\n".join(line for line in lines if line)
        if block:
            self.blocks.append(block)

    def text(self) -> str:
        self._end_block()
        return "\n\n".join(self.blocks)
