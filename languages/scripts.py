"""The letters each language is written in: the table by which a question's language is told.

Scripts are tried in table order, so a question holding any Chinese character is Chinese even
if it names `OP8(a)`, and one with no letters at all takes the default language. Languages
that share a script (English and French both write Latin letters) are told apart by which has
more of its stop words among the question's words.
"""

from __future__ import annotations

import re

from languages import DEFAULT_LANGUAGE, Language
from languages.stopwords import STOPWORDS

_HAN = r"[\u3400-\u9fff\uf900-\ufaff]"
_LATIN = r"[A-Za-z]"

SCRIPTS: dict[Language, str] = {
    "zh": _HAN,
    "en": _LATIN,
}
"""A character class of each language's letters; languages written in one script share it."""


def detect_language(text: str) -> Language:
    """The language `text` is written in, or the default language if it shows none."""
    found = next((script for script in SCRIPTS.values() if re.search(script, text)), None)
    if found is None:
        return DEFAULT_LANGUAGE
    candidates = [language for language, script in SCRIPTS.items() if script == found]
    words = re.findall(r"\w+", text.lower())
    # max keeps the first of equals: table order decides a tie.
    return max(candidates, key=lambda language: sum(word in STOPWORDS[language] for word in words))
