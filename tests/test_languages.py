"""Every language-specific table has an entry for every language, and one new entry per table
is all a new language takes: a toy French entry in each table, and nothing else, makes hrc-qa
read a French resolution, cite it, find the paragraphs a French question names, tell a French
question from an English one, and answer in French."""

import importlib
import pkgutil
import re
import string
from dataclasses import fields
from datetime import date

import pytest
import snowballstemmer

import languages
from corpus import cite
from corpus.parser import parse_resolution
from languages.bodies import BODIES, BODY_FORMS, BODY_SYMBOLS, BodyForms
from languages.citations import CITATION_FORMS, CitationForms
from languages.documents import DOCUMENT_FORMS, OTHER_DOCUMENTS, DocumentForms
from languages.interface import INTERFACE, LANGUAGE_NAMES, ui_text
from languages.keywords import KEYWORD_FORMS
from languages.messages import (
    LABEL_WORDS,
    MESSAGES,
    LabelWords,
    describe_label,
    listed,
    message,
)
from languages.references import REFERENCE_FORMS, ReferenceForms
from languages.scripts import SCRIPTS, detect_language
from languages.stopwords import STOPWORDS
from qa.references import Reference, find_reference
from store.tokenize import tokens

EXPECTED_TABLES = {
    "ASKING_WORDS",
    "BODY_FORMS",
    "CLITICS",
    "OTHER_DOCUMENTS",
    "CITATION_FORMS",
    "DOCUMENT_FORMS",
    "INTERFACE",
    "KEYWORD_FORMS",
    "LABEL_WORDS",
    "LANGUAGE_NAMES",
    "LIST_WORDS",
    "MESSAGES",
    "OWN_LETTERS",
    "REFERENCE_FORMS",
    "SCRIPTS",
    "STOPWORDS",
}


def language_tables() -> dict[str, dict]:
    """Every table of the `languages` package, found rather than listed, so that a table added
    later is checked too: each module-level dict keyed by language codes."""
    known = set(languages.LANGUAGES)
    tables: dict[int, tuple[str, dict]] = {}
    for module_info in pkgutil.iter_modules(languages.__path__):
        module = importlib.import_module(f"languages.{module_info.name}")
        for name, value in vars(module).items():
            if isinstance(value, dict) and known & set(value):
                tables.setdefault(id(value), (name, value))  # a table imported elsewhere is one
    return dict(tables.values())


def missing_entries() -> list[str]:
    """What keeps the tables from covering exactly `languages.LANGUAGES`, in its order."""
    return [
        f"{name} has {list(table)}, not {list(languages.LANGUAGES)}"
        for name, table in sorted(language_tables().items())
        if list(table) != list(languages.LANGUAGES)
    ]


def test_every_table_has_every_language_in_order():
    assert set(language_tables()) >= EXPECTED_TABLES
    assert missing_entries() == []


def test_a_language_added_to_the_registry_fails_until_every_table_has_it(monkeypatch):
    monkeypatch.setattr(languages, "LANGUAGES", (*languages.LANGUAGES, "de"))
    assert {problem.split()[0] for problem in missing_entries()} >= EXPECTED_TABLES


# ---------------------------------------------------------------- each entry is complete


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def check_document_forms(forms: DocumentForms) -> None:
    for field in fields(forms):
        value = getattr(forms, field.name)
        if isinstance(value, str):
            assert value, f"{field.name} is empty"
    for pattern, groups in [
        (forms.date, {"year", "month", "day"}),
        (forms.adopted_in_header, {"year", "month", "day"}),
        (forms.agenda, {"item"}),
        (forms.subparagraph, {"item"}),
        (forms.meeting, {"number"}),
    ]:
        assert set(re.compile(pattern).groupindex) == groups, pattern
    assert forms.vote_openings, "no line would start the trailer"
    for pattern in (*forms.vote_openings, *forms.vote_wordings_in_trailer, forms.without_a_vote):
        re.compile(pattern)
    assert len(forms.months) in (0, 12)
    assert [forms.month_number(forms.month_name(month)) for month in range(1, 13)] == list(
        range(1, 13)
    )


def check_citation_forms(forms: CitationForms) -> None:
    assert placeholders(forms.date) <= {"year", "month", "month_name", "day"}
    assert placeholders(forms.operative) == {"document", "number", "levels"}
    assert placeholders(forms.preambular) == {"document", "number"}
    assert forms.levels and all(placeholders(level) == {"item"} for level in forms.levels)


def check_reference_forms(forms: ReferenceForms) -> None:
    assert "{number}" in forms.resolution
    assert "{number}" in forms.named and "{body}" in forms.named
    for placeholder in ("{part}", "{number}", "{subdivisions}"):
        assert placeholder in forms.paragraph
    assert forms.number_value("17") == 17
    for pattern in (forms.preambular, forms.operative, forms.number):
        re.compile(pattern)


def check_body_forms(forms: dict[str, BodyForms]) -> None:
    assert list(forms) == list(BODIES), "every body, in the order of `Body`"
    for body, entry in forms.items():
        assert entry.name and entry.opening, body
        assert placeholders(entry.number) <= {"number", "year"} and "{number}" in entry.number
        assert placeholders(entry.document) == {"number", "date"}, body
        assert entry.own, f"{body}: no words name its own resolutions"
        for pattern in (*entry.other_names, *entry.own):
            re.compile(pattern)
    openings = [entry.opening.casefold() for entry in forms.values()]
    assert len(set(openings)) == len(openings), "two bodies open their paragraphs alike"


def test_every_body_has_a_symbol():
    assert list(BODY_SYMBOLS) == list(BODIES)
    for body, forms in BODY_SYMBOLS.items():
        assert placeholders(forms.suffix) <= {"year"} and forms.prefix.endswith("/"), body
        re.compile(forms.number)
    slugs = [forms.slug for forms in BODY_SYMBOLS.values()]
    assert len(set(slugs)) == len(slugs), "two bodies share web addresses"


def check_label_words(words: LabelWords) -> None:
    assert placeholders(words.paragraph) == {"part", "number", "levels"}
    assert placeholders(words.level) == {"item"}


def check_messages(texts: dict[str, str], interface: dict[str, str]) -> None:
    default = languages.DEFAULT_LANGUAGE
    assert set(texts) == set(MESSAGES[default])
    for key, text in texts.items():
        assert placeholders(text) == placeholders(MESSAGES[default][key]), key
    assert set(interface) == set(INTERFACE[default])


def check_entries(language: str) -> None:
    check_document_forms(DOCUMENT_FORMS[language])
    check_citation_forms(CITATION_FORMS[language])
    check_reference_forms(REFERENCE_FORMS[language])
    check_body_forms(BODY_FORMS[language])
    assert list(OTHER_DOCUMENTS[language]) == ["draft", "letter", "note", "report"]
    for pattern in OTHER_DOCUMENTS[language].values():
        re.compile(pattern)
    check_label_words(LABEL_WORDS[language])
    check_messages(MESSAGES[language], INTERFACE[language])
    re.compile(SCRIPTS[language])
    assert STOPWORDS[language] and LANGUAGE_NAMES[language]
    keyword = KEYWORD_FORMS[language]
    assert set(keyword.stop_languages) <= set(languages.LANGUAGES)
    assert keyword.stemmer is None or keyword.stemmer in snowballstemmer.algorithms()


@pytest.mark.parametrize("language", languages.LANGUAGES)
def test_every_entry_fills_every_field(language):
    check_entries(language)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("联合国公共服务日是哪一天？", "zh"),
        ("57/12 OP8(a) 说了什么？", "zh"),  # any Chinese character makes it Chinese
        ("How does corruption affect human rights?", "en"),
        ("57/12 OP8(a)", "en"),
        ("？！ 😀 2018", "zh"),  # no letters at all: the default language
        ("", "zh"),
    ],
)
def test_the_question_language_is_told_by_its_script(question, language):
    assert detect_language(question) == language


# ---------------------------------------------------------------- French, end to end

FRENCH_MONTHS = (
    *("janvier", "février", "mars", "avril", "mai", "juin"),
    *("juillet", "août", "septembre", "octobre", "novembre", "décembre"),
)
FRENCH_DATE = (
    rf"(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{'|'.join(FRENCH_MONTHS)})\s+(?P<year>\d{{4}})"
)
FRENCH_RESOLUTION = """\
Nations Unies A/HRC/RES/51/5

Conseil des droits de l’homme
Cinquante et unième session
12 septembre-7 octobre 2022
Point 3 de l’ordre du jour

Résolution adoptée par le Conseil des droits de l’homme le 6 octobre 2022

51/5. Rôle de la bonne gouvernance dans la promotion et la protection des droits de l’homme

Le Conseil des droits de l’homme,

Guidé par les buts et principes énoncés dans la Charte des Nations Unies,

Rappelant sa résolution 49/19 du 1er avril 2022¹,

1. Prie la Haute-Commissaire :
a) D’organiser une réunion-débat sur la bonne gouvernance ;
b) D’établir un rapport sur la réunion-débat ;
2. Décide de rester saisi de la question.

40e séance
6 octobre 2022

[Adoptée sans vote.]

¹ A/HRC/RES/49/19.
"""


def test_a_french_resolution_is_read():
    resolution = parse_resolution(FRENCH_RESOLUTION, "A_HRC_RES_51_5.fr.txt")
    assert resolution.language == "fr"
    assert resolution.title.startswith("Rôle de la bonne gouvernance")
    assert (resolution.agenda_item, resolution.adopted) == ("3", date(2022, 10, 6))
    assert (resolution.meeting, resolution.vote) == (40, None)
    assert [p.label for p in resolution.paragraphs] == [
        *("PP1", "PP2", "OP1", "OP1(a)", "OP1(b)", "OP2"),
    ]
    assert resolution.paragraph("PP2").footnotes == ("A/HRC/RES/49/19.",)
    assert resolution.paragraph("OP1(b)").text == "D’établir un rapport sur la réunion-débat ;"


def test_a_french_resolution_is_cited_in_french():
    resolution = parse_resolution(FRENCH_RESOLUTION, "A_HRC_RES_51_5.fr.txt")
    assert cite(resolution, resolution.paragraph("OP1(a)"), "fr") == (
        "résolution 51/5 du Conseil des droits de l’homme, par. 1 a)"
    )
    assert cite(resolution, resolution.paragraph("PP2"), "fr", long=True) == (
        "résolution 51/5 du Conseil des droits de l’homme en date du 6 octobre 2022, "
        "alinéa 2 du préambule"
    )


@pytest.mark.parametrize(
    ("question", "reference"),
    [
        ("Que dit la résolution 51/5, paragraphe 1 a) ?", Reference("51/5", "OP1(a)")),
        ("Que dit l’alinéa 2 du préambule de la résolution 51/5 ?", Reference("51/5", "PP2")),
        ("Et le par. 2 du dispositif ?", Reference(None, "OP2")),
    ],
)
def test_a_french_question_names_its_paragraph(question, reference):
    assert find_reference(question) == reference


def test_a_french_question_is_told_from_an_english_one():
    assert detect_language("Que dit la résolution sur la corruption ?") == "fr"
    assert detect_language("What does the resolution say about corruption?") == "en"
    assert detect_language("联合国公共服务日是哪一天？") == "zh"


def test_french_is_answered_in_french():
    words = tokens("Quels sont les effets de la corruption sur les droits ?")
    assert words == ["effet", "corrupt", "droit"]  # stemmed, stop words dropped
    assert describe_label("OP1(a)", "fr") == "paragraphe 1 a) du dispositif"
    assert message(
        "unknown_paragraph",
        "fr",
        number="51/5",
        paragraph="paragraphe 9",
        preambular=2,
        operative=2,
    ).startswith("La résolution 51/5 n’a pas de paragraphe 9")
    assert ui_text("fr", "title").startswith("Résolutions du Conseil des droits de l’homme")


def test_terms_are_listed_as_each_language_lists_them():
    assert listed(("白化病", "死刑"), "zh") == "“白化病”、“死刑”"
    assert listed(("albinism",), "en") == "“albinism”"
    assert listed(("albinism", "torture", "death penalty"), "en") == (
        "“albinism”, “torture” or “death penalty”"
    )
    assert listed(("albinisme", "torture"), "fr") == "« albinisme » ou « torture »"
