"""Everything that differs between the languages hrc-qa reads, answers and is used in.

Each table lives in one module of this package and is keyed by language code, the way bm25s
keeps every language's stop words in one module and picks one by key:

    languages.messages     sentences an answer may carry (errors, no-match)
    languages.interface    the web interface's labels

Adding a language means one new entry in each table, and nothing else.
"""

from __future__ import annotations

from typing import Literal

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")
DEFAULT_LANGUAGE: Language = "zh"
"""The language of the interface and of questions that show no language of their own."""
