"""How keyword search reads each language's words: the table `store.tokenize` analyses a text
by, picked by the text's language.

Chinese is segmented by jieba; the other languages are split into words, case-folded, cut at
an elision (`l’homme` → `homme`), folded where one letter has several written forms (Arabic
`أ`, `إ`, `آ` → `ا`, `ة` → `ه`, `ى` → `ي`, as Lucene's ArabicNormalizer; Russian `ё` → `е`),
stripped of marks a text may or may not write (Arabic short vowels and tatweel), and stemmed
by the Snowball stemmer of the language (snowballstemmer), so that `résolutions` meets
`résolution` and `بالحقوق` meets `حقوق`. English keeps the words as they are, read by jieba
as before: the no-match model (qa/relevance.json) was fitted on the BM25 scores those words
give.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from languages import Language


@dataclass(frozen=True, slots=True)
class KeywordForms:
    """How one language's text becomes the words keyword search indexes and looks for."""

    segmenter: Literal["jieba", "words"]
    """`jieba` (Chinese, and text mixing it with Latin words) or `words` (runs of letters
    and digits)."""

    stop_languages: tuple[Language, ...]
    """The languages whose stop words (`languages.stopwords`) are dropped from this one's
    text."""

    stemmer: str | None = None
    """The Snowball algorithm (`snowballstemmer.algorithms()`) that stems the words, if any."""

    elisions: tuple[str, ...] = ()
    """Words elided before an apostrophe and dropped with it: `l` of `l’homme`."""

    folds: dict[str, str] = field(default_factory=dict)
    """Letters written in several ways, each to the one kept (digits of another script to
    ASCII digits too), applied before stop words and stems are looked up."""

    marks: str = ""
    """Characters dropped from words: marks a text may or may not write."""

    prefix_folds: tuple[tuple[str, str], ...] = ()
    """Prefixes the stemmer leaves and what they become, at the start of a word longer than
    them by three letters or more: Snowball's Arabic stemmer strips `ال` but keeps `و` and
    `ف` (`and`) before it, so `والحقوق` is read as `الحقوق`."""


_ARABIC_FOLDS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ة": "ه",
    "ى": "ي",
    **{chr(0x0660 + digit): str(digit) for digit in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + digit): str(digit) for digit in range(10)},  # Eastern Arabic-Indic
}
_ARABIC_MARKS = "".join(chr(code) for code in range(0x064B, 0x0653)) + "\u0670\u0640"

KEYWORD_FORMS: dict[Language, KeywordForms] = {
    "zh": KeywordForms(segmenter="jieba", stop_languages=("zh", "en")),
    "en": KeywordForms(segmenter="jieba", stop_languages=("zh", "en")),
    "fr": KeywordForms(
        segmenter="words",
        stop_languages=("fr",),
        stemmer="french",
        elisions=("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"),
    ),
    "es": KeywordForms(segmenter="words", stop_languages=("es",), stemmer="spanish"),
    "ru": KeywordForms(
        segmenter="words", stop_languages=("ru",), stemmer="russian", folds={"ё": "е"}
    ),
    "ar": KeywordForms(
        segmenter="words",
        stop_languages=("ar",),
        stemmer="arabic",
        folds=_ARABIC_FOLDS,
        marks=_ARABIC_MARKS,
        prefix_folds=(("وال", "ال"), ("فال", "ال")),
    ),
}
