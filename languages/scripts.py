"""The letters each language is written in: the table by which a question's language is told.

A question holding any Chinese, Cyrillic or Arabic letter is in that language (tried in table
order), even if it names `OP8(a)` or `A/HRC/RES/57/12` in Latin letters; one with Latin
letters only is English, French or Spanish, told apart by which has more of its stop words
and of the letters only it uses (`ç`, `è` in French; `ñ`, `¿` in Spanish) among the
question's words; one with no letters at all takes the default language.
"""

from __future__ import annotations

import re

from languages import DEFAULT_LANGUAGE, Language
from languages.stopwords import STOPWORDS

_HAN = r"[\u3400-\u9fff\uf900-\ufaff]"
_LATIN = r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]"
_CYRILLIC = r"[\u0400-\u04ff]"
_ARABIC = r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]"

SCRIPTS: dict[Language, str] = {
    "zh": _HAN,
    "en": _LATIN,
    "fr": _LATIN,
    "es": _LATIN,
    "ru": _CYRILLIC,
    "ar": _ARABIC,
}
"""A character class of each language's letters; languages written in one script share it."""

OWN_LETTERS: dict[Language, str] = {
    "zh": "",
    "en": "",
    "fr": "àâçèéêëîïôùûœæ",
    "es": "ñáéíóú¿¡",
    "ru": "",
    "ar": "",
}
"""Letters (and marks) that of the languages sharing a script only this one writes (`é`, which
French and Spanish write and English does not, counts for both): each counts as a stop word
does toward telling them apart, so that a keyword query with no stop word (`fracture numérique
genre`) is not read as English."""

_WORD = re.compile(r"\w+(?:[-’']\w+)*")
"""A word, with its elisions and hyphens."""


def detect_language(text: str) -> Language:
    """The language `text` is written in, or the default language if it shows none."""
    # Latin letters are tried last: other scripts' texts quote symbols and labels in them.
    scripts = sorted(dict.fromkeys(SCRIPTS.values()), key=lambda script: script == _LATIN)
    found = next((script for script in scripts if re.search(script, text)), None)
    if found is None:
        return DEFAULT_LANGUAGE
    candidates = [language for language, script in SCRIPTS.items() if script == found]
    if len(candidates) == 1:
        return candidates[0]
    lowered = text.lower()
    # An elided word counts (`l’` of `l’homme`); a piece of a hyphenated word (`e-procurement`)
    # and a word in capitals (`UN`, an acronym) do not.
    words = [
        piece.lower()
        for word in _WORD.findall(text)
        if not (len(word) > 1 and word.isupper())
        for piece in (word, *re.split(r"[’']", word))
    ]

    def evidence(language: Language) -> int:
        own = sum(lowered.count(letter) for letter in OWN_LETTERS[language])
        return own + sum(word in STOPWORDS[language] for word in words)

    # max keeps the first of equals: table order decides a tie.
    return max(candidates, key=evidence)
