"""Everything that differs between the languages hrc-qa reads, answers and is used in.

`Language` is the one registry of languages. Each table lives in one module of this package
and is keyed by language code, the way bm25s keeps every language's stop words in one module
and picks one by key:

    languages.documents    what a resolution text looks like: opening line, dates, meeting,
                           vote and agenda lines, punctuation that ends a paragraph
    languages.citations    how a paragraph is cited: `人权理事会第51/5号决议第17段(a)项`
    languages.references   how a question names a resolution or a paragraph: `第十七段(a)项`
    languages.bodies       each UN body's name, opening line and citation in each language:
                           `大会，`, `General Assembly resolution 80/4` (and each body's symbol)
    languages.stopwords    words that carry no topic, dropped from keyword search, words
                           a question is asked with (`Raconte`), not looked up in English,
                           and words that make a text a question (`what`, `什么`)
    languages.clitics      words written joined to another, taken off before it is looked up
                           in English: Arabic `و`, `ب`, `ها` (`والرجال` → `الرجال`)
    languages.scripts      the letters each language is written in, to tell a question's language
    languages.messages     sentences an answer may carry (errors, no-match), paragraphs in words
    languages.interface    the web interface's labels

Adding a language means adding its code to `Language` and one entry to each table, nothing
else; tests/test_languages.py fails until every table has an entry for every language.
"""

from __future__ import annotations

from typing import Literal, get_args

Language = Literal["zh", "en", "fr", "es", "ru", "ar"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
"""Every language. Each table lists them in this order, which is the order they are tried in
where a text's language is not yet known (a resolution's opening line, a question's script)."""
DEFAULT_LANGUAGE: Language = "zh"
"""The language of the interface and of questions that show no language of their own."""
