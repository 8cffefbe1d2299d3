"""The measured signals behind the no-match decision and the relevance labels.

For one question and the paragraphs retrieval found, `question_signals` orders the first few by
how much of the question each holds and how near it each is in meaning (less for a question of
several sentences), and says how similar the best paragraph is (cosine) and
which of the question's salient terms occur in it or anywhere in the corpus. Salience is
inverse document frequency from jieba's general-Chinese table (`jieba/analyse/idf.txt`);
English question words are weighed and looked for through their Chinese translations (`qa.translate`),
as are a Chinese question's words in Latin letters (`UPR`). A term found
nowhere in the corpus is what a no-match answer names as missing. A question may also ask about
another document, named by number (`30/25`) or by title (`《千年宣言》提出的…`): the resolutions
cite such documents far more often than they give their content (unless it asks which text
cites one, `languages.titles.CITING`).

A French, Spanish, Russian or Arabic question over Chinese texts is searched and weighed
through the Chinese of the English words nearest to its words in meaning (`qa.translate`),
as an English question is through its own. A question whose words cannot be looked for at
all (no indexed text is in its language, and retrieval did not translate it) has no term
evidence; for it `word_similarity` measures instead, with the multilingual model, how near
each of its words comes to some word of the best paragraph (`données` to 数据 at cosine
0.93), the evidence `qa.relevance`'s model for such questions weighs.

One signal looks past the shared vocabulary of a question that asks for something next to what
the texts cover: whether it asks for a quantity, a time, a place, a person, an outcome or how
things stand now that the best paragraph does not show (`languages.answer_types`: a budget
share, a date, which States, who the speakers were or how members are chosen, what a forum
adopted, this year's theme, beside a paragraph holding no figure, no date, no place, no name
or election, no outcome and nothing of this year).
Another, whether it names a thing by a number none of the paragraphs found shows (`SDG target
16.5` beside goal 16, `第十三届` beside 第十二届: `languages.numbers`), is not weighed by a
model: such a question is refused, as one about places no resolution mentions is
(`qa.assistant`). Both are read from the sentences that ask (`asking_part`): the situation a
long question tells first names places and sessions that are the asker's, not what is asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from corpus import Paragraph, Resolution
from embeddings.encoder import Encoder
from languages import Language
from languages.answer_types import AnswerKind, unstated_kinds
from languages.keywords import KEYWORD_FORMS
from languages.numbers import is_chinese_count, named_numbers, shown_numbers
from languages.stopwords import ASKING_WORDS, QUESTION_WORDS, REFERRING_BACK_EN
from languages.titles import CITING, TITLES
from qa.generic import centroid
from qa.places import named_places, unmentioned
from qa.retrieval import Found
from qa.translate import TranslatedWord, asked_with, english_words, word_vectors
from store.base import ParagraphStore, passage_text
from store.tokenize import cut_spans, segmenter, token_spans, tokens
from store.word_tables import idf_weights

UNKNOWN_WEIGHT = 12.0
"""The weight of a word the IDF table does not know: rare, as such words are (about the
table's median); also the cap, so that one very rare word does not outweigh the rest."""
DOCUMENT_NUMBER = re.compile(
    r"(?<![A-Za-z0-9/.-])(?:[A-Z]{1,4}/)*(?P<number>(?:S-)?\d{1,4}/\d{1,4})(?![A-Za-z0-9/])"
)
"""A UN document's number or symbol: `30/25`, `A/HRC/34/24`, `A/RES/80/4`, `S-35/1`."""
QUESTION_MARKS = ("?", "？", "؟")
SALIENT_WEIGHT = 9.0
"""Terms at least this weighty (rarer than 人权 in general Chinese) are named as missing."""
COVERAGE_REORDERED = 6
"""The first hits that `question_signals` orders by how much of the question each holds: one
more than the five an answer shows by default, so that the sixth can come into them."""
COVERAGE_WEIGHT = 10.0
"""What holding every one of the question's terms weighs against a hit's place (1 / rank): a
tenth more of the terms outweighs the gap between first place and none, so the first hits go
by how much of the question they hold, and their fused order breaks near ties."""
THROUGH_ENGLISH_COVERAGE_WEIGHT = 4.0
"""`COVERAGE_WEIGHT` for a question whose words are looked for through the English words nearest
them in meaning (French, Spanish, Russian, Arabic over Chinese texts): a word's nearest English
words are often of its neighbourhood rather than of its sense (`homme` in `droits de l'homme`
looked for as 男子气, 阳刚; `Совет` as 表示, 一套), so the share of its terms a paragraph
holds tells the paragraphs apart less surely than a dictionary's does, and its cosine and
fused rank count for more beside it."""
SIMILARITY_WEIGHT = 80.0
"""What a hit's cosine to the question weighs in that order, for a question of one sentence: the
first hits' cosines lie within a few hundredths, and a hundredth more weighs 0.8, more than the
gap between first and second place, so of paragraphs holding as much of the question the one
nearest it in meaning goes first (fusion adds ranks, and a paragraph ranked fair by both searches
can pass one that the dense search ranks first and the keyword search a little lower). A question
of several sentences weighs it less (`SEVERAL_SENTENCES_SIMILARITY_WEIGHT`)."""
SEVERAL_SENTENCES_SIMILARITY_WEIGHT = 15.0
"""`SIMILARITY_WEIGHT` for a question of several sentences: its cosine is mostly that of the
situation it tells first, so a hundredth more weighs 0.15, about the gap between second and
third place: it tells apart paragraphs holding about as much of the question, never one holding
more (README: "The right paragraph first for questions of several sentences")."""
SITUATION_WEIGHT = 0.5
"""What the terms of an English question's first sentence weigh, times their own, when more
sentences follow: a long question tells the asker's situation first (`I'm drafting a concept
note for a side event on …`) and asks after it, and the paragraph asked for holds the
question's words more than the situation's."""
_SENTENCE_END = re.compile(r"[.?!](?=\s+\S)|[。？！؟](?=\s*\S)")
"""The end of a sentence that another follows (Chinese marks need no space after them)."""
AUTHOR_WORDS = re.compile(r"(?:council|hrc)(?:['’]s)?|resolutions?", re.IGNORECASE)
"""Words of an English question naming the resolutions or their author (`What does the Council
encourage …`, `Which resolution …`), not terms of it: every paragraph is the Council's, in a
resolution, and the paragraphs that do name the Council or a resolution (a report requested
for its next session, an earlier resolution recalled) are seldom the one asked for."""
CHINESE_AUTHOR_WORDS = frozenset({"理事会", "决议"})
"""`AUTHOR_WORDS` of a Chinese question (`理事会在决议中鼓励…`, `人权理事会` segmented as `人权`,
`理事会`): every paragraph is the Council's, in a resolution, and the paragraphs that name the
Council or a resolution are seldom the one asked for."""
KIND_SHOWN_WITHIN = 1
"""The paragraphs looked at for the kind of answer a question asks for (a figure, a date): the
best one, whose answering the question the question model judges (a date in the third paragraph
does not make the first an answer; resolutions date the documents they recall)."""
NUMBERS_SHOWN_WITHIN = 5
"""The paragraphs looked at for a number the question names a thing by: as many as an answer
shows, so that a session's number in the fifth of them counts as shown."""


@dataclass(frozen=True)
class Term:
    """A salient term of a question, as it stands there, and what is looked for in paragraphs."""

    text: str
    start: int
    end: int
    weight: float
    forms: tuple[str, ...]
    """Strings whose presence in a paragraph shows the term (itself, or its translations)."""
    emphasis: float = 1.0
    """What its place in the question makes of its weight: `SITUATION_WEIGHT` in the asker's
    situation, told before a long question asks."""


@dataclass(frozen=True)
class Signals:
    """What one question's candidates show, the inputs of `qa.relevance`."""

    similarity: float
    """Cosine of the question and the best paragraph."""
    generic_similarity: float
    """The best paragraph's cosine to questions about nothing in particular (`qa.generic`):
    how much of `similarity` it would have had for any question."""
    cross_language: bool
    """Whether question and best paragraph are in different languages."""
    covered_top: float
    """Weighted share of the question's terms found in the best paragraph."""
    missing: float
    """Weighted share of the question's terms found nowhere in the corpus."""
    keyword_score: float
    """BM25 score of the best paragraph (over translated words for an English question)."""
    other_documents: tuple[str, ...]
    """UN documents the question names by number that are not indexed, as it writes them,
    when it asks about them (`is_question`: `第30/25号决议的主要内容是什么？`, `what did HRC
    resolution 45/9 ask`): the corpus may cite them, but does not give their content."""
    missing_terms: tuple[Term, ...]
    """Terms found nowhere in the corpus, in question order."""
    titled_documents: tuple[str, ...]
    """Documents the question names by title and asks the content of, as it writes them
    (`《维也纳宣言和行动纲领》…是怎么建议的？`, `What does the Pact for the Future say about …?`):
    the resolutions cite such documents by name far more often than they give their content."""
    coverages: tuple[float, ...]
    """Weighted share of the question's terms found in each hit, in hit order."""
    words_checked: bool = True
    """Whether the question's words can be looked for in the corpus (in their language, or
    translated); when not, the term signals above say nothing and are not used."""
    through_english: bool = False
    """Whether its words were looked for through the English words nearest to them in
    meaning (`qa.translate.words_through_english`), rather than in their language or through
    a dictionary."""
    word_similarity: float = 0.0
    """Mean over the question's words of the best cosine of each to a word of the best
    paragraph (measured where words cannot be checked, see the module docstring)."""
    unstated_kinds: tuple[AnswerKind, ...] = ()
    """The kinds of answer the question asks for (a quantity, a time, a place, a person, an
    outcome, the present) that the best paragraph does not show (`KIND_SHOWN_WITHIN`)."""
    unmentioned_places: tuple[str, ...] = ()
    """Countries, territories and regions the question names (`qa.places`) that no indexed
    passage mentions, as the question writes them."""
    names_mentioned_place: bool = False
    """Whether the question also names a place some indexed passage mentions."""
    unshown_numbers: tuple[str, ...] = ()
    """Numbers the question names a thing by (`target 16.5`, `第十三届`: `languages.numbers`)
    that none of the first `NUMBERS_SHOWN_WITHIN` paragraphs shows, as the question writes
    them: the paragraphs speak of another article, target or session than it asks about."""
    unplaced: float = 0.0
    """For a question looked for `through_english`: the weighted share of its words that no
    English word comes near, so that they are not looked for at all (`unplaced_share`)."""

    @property
    def about_unmentioned_place(self) -> bool:
        """The question names places, and only places no indexed resolution mentions: nothing
        in the resolutions speaks of them, whatever else the question shares with them."""
        return bool(self.unmentioned_places) and not self.names_mentioned_place


def question_signals(
    question: str,
    language: Language,
    found: Found,
    store: ParagraphStore,
    encoder: Encoder,
    asked: list[Term] | None = None,
) -> tuple[Found, Signals] | None:
    """The hits of a search for `question`, their first `COVERAGE_REORDERED` ordered by how
    much of the question each holds where its words can be looked for, then how near to it in
    meaning (`SIMILARITY_WEIGHT`) (fusion ranks a paragraph
    holding one frequent word of the question above one holding all of it, `indigenous
    peoples`: 人民 before 土著人民, more often than the reverse), and their signals (None when
    it found nothing); `encoder` is the model the store's vectors were made by. `asked`: the
    question's terms (`question_terms`) when the caller found them already, beside the
    search, for a question not searched through English."""
    if not found.hits:
        return None
    if asked is None:
        asked = question_terms(question, language, store.holds_text, found.english)
    # A resolution the question names that is indexed is searched within, not looked for.
    terms = [
        term
        for term in asked
        if not (DOCUMENT_NUMBER.fullmatch(term.text) and store.texts(term.forms[0].upper()))
    ]
    documents = tuple(term.text for term in terms if DOCUMENT_NUMBER.fullmatch(term.text))
    stored = store.get([hit.id for hit in found.hits])
    passages = [passage_text(item.resolution, item.paragraph) for item in stored]
    lowered = [passage.lower() for passage in passages]
    coverages = [weighted_coverage(terms, passage) for passage in lowered]

    def held(text: str) -> bool:
        # What a found paragraph holds the corpus holds: most of a question's words are found
        # there, before the corpus's substring index is asked (a few microseconds each).
        return any(text in passage for passage in lowered) or store.holds_text(text)

    in_corpus = [coverage(term, held) for term in terms]
    checked = words_checkable(language, store) or found.english is not None
    similarities = [hit.similarity for hit in found.hits]
    one_sentence = not _SENTENCE_END.search(question)
    through_english = found.english is not None and language != "en"
    order = (
        _coverage_order(coverages, similarities, one_sentence, through_english)
        if checked
        else list(range(len(coverages)))
    )
    found = replace(found, hits=[found.hits[i] for i in order])
    stored, passages = [stored[i] for i in order], [passages[i] for i in order]
    coverages = [coverages[i] for i in order]
    best = found.hits[0]
    ask = asking_part(question, terms)
    places = named_places(question, language)
    absent = unmentioned(places, store.holds_text)
    nearness = (
        word_similarity(question, language, stored[0].resolution, stored[0].paragraph, encoder)
        if not checked
        else 0.0
    )
    return found, Signals(
        similarity=best.similarity,
        generic_similarity=float(store.vectors([best.id])[0] @ centroid(encoder)),
        cross_language=stored[0].resolution.language != language,
        covered_top=coverages[0],
        missing=missing_share(terms, in_corpus),
        other_documents=documents if asks_about_documents(question, language) else (),
        keyword_score=best.keyword_score,
        missing_terms=tuple(
            term for term, share in zip(terms, in_corpus, strict=True) if share < 0.5
        ),
        titled_documents=titled_documents(question, language) if checked else (),
        coverages=tuple(coverages),
        words_checked=checked,
        through_english=through_english,
        word_similarity=nearness,
        unstated_kinds=unstated_kinds(ask, passages[:KIND_SHOWN_WITHIN]),
        unmentioned_places=tuple(dict.fromkeys(place.text for place in absent)),
        names_mentioned_place=len(absent) < len(places),
        unshown_numbers=unshown_numbers(ask, passages[:NUMBERS_SHOWN_WITHIN]),
        unplaced=unplaced_share(question, language, found.english, terms)
        if through_english
        else 0.0,
    )


def asking_part(question: str, terms: Sequence[Term]) -> str:
    """The part of `question` that asks, which the kind of answer and the numbers it names
    things by are read from (`unstated_kinds`, `unshown_numbers`): of a question of several
    sentences, those with a question mark, each with the sentence before it when it holds
    none of the question's `terms` or asks `which ones` (`Which ones are there?` after `I need
    a list of countries that …`: what it asks for is named there); the whole question when it
    is one sentence or no sentence has a mark. The situation a long question tells first
    (`… a side event on what countries have learned`, `… the report due at the Council's
    sixty-third session`) asks for no place and names no session the answer must show; its
    words are still terms, and still named when missing."""
    ends = [match.end() for match in _SENTENCE_END.finditer(question)]
    if not ends:
        return question
    spans = list(zip([0, *ends], [*ends, len(question)], strict=True))
    asking = [
        i
        for i, (start, end) in enumerate(spans)
        if any(mark in question[start:end] for mark in QUESTION_MARKS)
    ]
    if not asking:
        return question
    chosen = set(asking) | {
        i - 1
        for i in asking
        if i
        and (
            REFERRING_BACK_EN.search(question, *spans[i]) is not None
            or not any(spans[i][0] <= term.start < spans[i][1] for term in terms)
        )
    }
    return " ".join(
        question[start:end].strip() for start, end in (spans[i] for i in sorted(chosen))
    )


def _coverage_order(
    coverages: list[float], similarities: list[float], one_sentence: bool, through_english: bool
) -> list[int]:
    """The hits' order: the first `COVERAGE_REORDERED` by 1 / rank + `COVERAGE_WEIGHT` (or
    `THROUGH_ENGLISH_COVERAGE_WEIGHT`, for a question looked for `through_english`) × the
    share of the question's terms each holds + `SIMILARITY_WEIGHT` × its cosine to the
    question (`SEVERAL_SENTENCES_SIMILARITY_WEIGHT` for a question not of `one_sentence`), the
    rest as found."""
    first = min(COVERAGE_REORDERED, len(coverages))
    held = THROUGH_ENGLISH_COVERAGE_WEIGHT if through_english else COVERAGE_WEIGHT
    weight = SIMILARITY_WEIGHT if one_sentence else SEVERAL_SENTENCES_SIMILARITY_WEIGHT

    def merit(i: int) -> float:
        return 1 / (i + 1) + held * coverages[i] + weight * similarities[i]

    return sorted(range(first), key=lambda i: -merit(i)) + list(range(first, len(coverages)))


def unplaced_share(
    question: str, language: Language, english: Sequence[TranslatedWord], terms: list[Term]
) -> float:
    """The weighted share of a French, Spanish, Russian or Arabic question's words (not stop
    words, not words it is asked with, none with a digit) that no English word comes near
    enough to stand for (`qa.translate.MIN_NEAREST`), so that they are not among its `english`
    words nor its `terms`: each weighs `UNKNOWN_WEIGHT` against the terms' weights, as a word
    the corpus lacks does in `missing_share`. The multilingual model places rare and
    specialised words nowhere (`апатридов`, `الفلسطيني`, `الكبسة`), the very words that name
    a matter the resolutions may not treat, while the common words beside them are found in
    every paragraph; a case form or a word with clitics is placed nowhere too, which the
    fitted model weighs."""
    placed = {word.start for word in english}
    unplaced = sum(
        1
        for _, start, end in token_spans(question, language)
        if start not in placed
        and not asked_with(question[start:end], language)
        and not any(char.isdigit() for char in question[start:end])
    )
    weight = UNKNOWN_WEIGHT * unplaced
    total = weight + sum(term.weight for term in terms)
    return weight / total if total else 0.0


def is_question(question: str, language: Language) -> bool:
    """Whether `question` asks, by a question mark anywhere in it (half- or full-width) or by
    its words (`languages.stopwords.QUESTION_WORDS`), rather than naming what to look for as a
    keyword query does (`resolution 24/2 local government`, `A/HRC/56/32 报告`): a query
    naming a document looks for the paragraphs citing it, which the corpus has."""
    return any(mark in question for mark in QUESTION_MARKS) or bool(
        QUESTION_WORDS[language].search(question)
    )


def unshown_numbers(question: str, texts: list[str]) -> tuple[str, ...]:
    """The numbers `question` names a thing by that none of `texts` shows, as it writes them;
    a UN document's number (`51/5`) is not one of them: it is a term, looked for as one."""
    documents = [match.span() for match in DOCUMENT_NUMBER.finditer(question)]
    named = [
        number
        for number in named_numbers(question)
        if not any(start <= number.start < end for start, end in documents)
    ]
    if not named:  # most questions: the texts are not read
        return ()
    shown = set().union(*(shown_numbers(text) for text in texts))
    # A session's or an article's place in a series is not shown by a date's month or day.
    undated = set().union(*(shown_numbers(text, dates=False) for text in texts))
    return tuple(
        dict.fromkeys(
            number.text
            for number in named
            if number.value not in (undated if number.ordinal else shown)
        )
    )


def asks_about_documents(question: str, language: Language) -> bool:
    """Whether a document `question` names may be what it asks about: it asks (`is_question`),
    and not which text cites the document or whether one does (`languages.titles.CITING`),
    which the citing paragraph answers."""
    return is_question(question, language) and not CITING[language].search(question)


def titled_documents(question: str, language: Language) -> tuple[str, ...]:
    """The documents `question` names by title (`languages.titles`) when it asks what they say,
    by its wording."""
    if not asks_about_documents(question, language):
        return ()
    forms = TITLES[language]
    return tuple(
        match["title"].strip()
        for match in forms.title.finditer(question)
        if forms.asks.search(match["after"] if "after" in forms.title.groupindex else question)
        and not (forms.document and not forms.document.search(match["title"]))
        and not (forms.resolutions and forms.resolutions.search(question[: match.start()]))
    )


def words_checkable(language: Language, store: ParagraphStore) -> bool:
    """Whether a question's words in `language` can be looked for in the store's texts: some
    indexed text is in that language, or (English) a dictionary translates them. (French,
    Spanish, Russian and Arabic ones can be too, where retrieval translated them:
    `Found.english`.)"""
    return language == "en" or store.holds_language(language)


def word_similarity(
    question: str,
    language: Language,
    resolution: Resolution,
    paragraph: Paragraph,
    encoder: Encoder,
) -> float:
    """Mean over the question's content words of each one's best cosine to a word of the
    (best) paragraph, both embedded alone by the multilingual model (0 with no words)."""
    asked = [word.text for word in question_terms(question, language)]
    paragraph_language = resolution.language
    held = [
        word
        for word in dict.fromkeys(tokens(passage_text(resolution, paragraph), paragraph_language))
        # A single Chinese character is too many words' part to stand for one.
        if len(word) >= 2 or KEYWORD_FORMS[paragraph_language].segmenter != "jieba"
    ]
    if not asked or not held:
        return 0.0
    similarities = word_vectors(encoder, asked) @ word_vectors(encoder, held).T
    return float(similarities.max(axis=1).mean())


def missing_phrases(question: str, signals: Signals, most: int = 3) -> tuple[str, ...]:
    """What a no-match or partial answer names as missing: runs of adjacent missing terms as
    the question words them (`Nelson Mandela`), those holding a salient term, the weightiest
    `most` of them in question order."""
    runs: list[list[Term]] = []
    for term in signals.missing_terms:
        between = question[runs[-1][-1].end : term.start] if runs else "x"
        if runs and not any(char.isalnum() for char in between.replace("of", "")):
            runs[-1].append(term)
        else:
            runs.append([term])
    salient = [run for run in runs if any(_nameable(term) for term in run)]
    chosen = sorted(salient, key=lambda run: -max(t.weight for t in run))[:most]
    return tuple(
        question[run[0].start : run[-1].end] for run in sorted(chosen, key=lambda r: r[0].start)
    )


def _nameable(term: Term) -> bool:
    """Salient, and a word: two Chinese characters the IDF table does not know are more often
    a segmentation seam (城市数字化时应采取 → 时应) than a word; a Chinese word that asks
    (`哪一年`, `哪几个`, `由谁来`) or counts (`八项`, `七个`) names nothing the resolutions could
    lack, however rare it is in general Chinese."""
    fragment = len(term.text) <= 2 and not term.text.isascii() and term.text not in idf_weights()
    asks = QUESTION_WORDS["zh"].search(term.text) is not None or is_chinese_count(term.text)
    return term.weight >= SALIENT_WEIGHT and not fragment and not asks


def question_terms(
    question: str,
    language: Language,
    holds: Callable[[str], bool] | None = None,
    english: Sequence[TranslatedWord] | None = None,
) -> list[Term]:
    """The question's content words with their weights and the forms to look for; a UN
    document number it names (`30/25`, `A/HRC/34/24`) is one term, looked for by its number.
    With `holds` (whether the corpus holds a text), an English word is looked for through the
    translations the corpus holds (`qa.translate.english_words`); `english` is what that gave
    for this question and `holds` already (`Found.english`), when retrieval translated it."""
    documents = [
        Term(match[0], match.start(), match.end(), UNKNOWN_WEIGHT, (match["number"].lower(),))
        for match in DOCUMENT_NUMBER.finditer(question)
    ]
    words = [
        term
        for term in _word_terms(question, language, holds, english)
        if not any(doc.start <= term.start < doc.end for doc in documents)
    ]
    return sorted(documents + words, key=lambda term: term.start)


def _word_terms(
    question: str,
    language: Language,
    holds: Callable[[str], bool] | None,
    english: Sequence[TranslatedWord] | None,
) -> list[Term]:
    if english is not None or language == "en":
        first_sentence = _SENTENCE_END.search(question) if language == "en" else None
        situation = first_sentence.end() if first_sentence else 0
        return [
            Term(
                word.text,
                word.start,
                word.end,
                min((_weight(t) for t in word.translations), default=UNKNOWN_WEIGHT) * emphasis,
                (word.text.lower(), *word.translations),
                emphasis,
            )
            for word in (english if english is not None else english_words(question, holds))
            if not (language == "en" and AUTHOR_WORDS.fullmatch(word.text))
            for emphasis in [SITUATION_WEIGHT if word.start < situation else 1.0]
        ]
    if KEYWORD_FORMS[language].segmenter != "jieba":
        # French, Spanish, Russian, Arabic: each word, looked for as written and as its stem
        # (`corrupción` shows in `corrupcion…`, `فساد` in `للفساد`); the IDF table is Chinese.
        return [
            Term(
                question[start:end], start, end, UNKNOWN_WEIGHT, (question[start:end].lower(), stem)
            )
            for stem, start, end in token_spans(question, language)
        ]
    terms = []
    for word, start, end in cut_spans(question):
        # Not a stop word, not punctuation, not a word the question is asked with, nor one
        # naming the Council or its resolutions.
        if (
            word.lower() in tokens(word)
            and word not in ASKING_WORDS[language]
            and word not in CHINESE_AUTHOR_WORDS
        ):
            terms.append(Term(word, start, end, _weight(word), _forms(word, holds)))
    return terms


def _forms(word: str, holds: Callable[[str], bool] | None) -> tuple[str, ...]:
    """What shows a Chinese question's word in a paragraph: itself, and for a word in Latin
    letters (`UPR`, `HRC`) also the held translations the dictionary gives it, as an English
    question's (the texts write 普遍定期审议, never `UPR`)."""
    if holds is None or not (word.isascii() and word.isalpha()):
        return (word.lower(),)
    return (word.lower(), *(t for found in english_words(word, holds) for t in found.translations))


def coverage(term: Term, holds: Callable[[str], bool]) -> float:
    """How much of `term` a lower-cased text shows, `holds` saying whether it holds a string
    (a paragraph's `__contains__`, or the corpus's `ParagraphStore.holds_text`): 1 for any
    form whole; for a Chinese compound the text does not hold whole (城市数字化), the share
    of its characters inside shorter words of it that the text does hold."""
    if any(holds(form) for form in term.forms):
        return 1.0
    word = term.forms[0]
    covered = {
        position
        for part, start, end in _compound_parts(word)
        if holds(part)
        for position in range(start, end)
    }
    return len(covered) / len(word) if len(word) else 0.0


@lru_cache(maxsize=1024)
def _compound_parts(word: str) -> tuple[tuple[str, int, int], ...]:
    """The shorter words of `word` (two characters or more) and where each stands in it: a
    term is looked for in the corpus and in each paragraph found (up to fifty), and its
    segmentation is the same every time."""
    return tuple(
        (part, start, end)
        for part, start, end in segmenter().tokenize(word, mode="search")
        if len(part) >= 2 and part != word
    )


def missing_share(terms: list[Term], in_corpus: list[float]) -> float:
    """The weighted share of the question's terms found nowhere in the corpus (`in_corpus`,
    each term's `coverage` of it, below a half), each of those weighing as a word the IDF
    table does not know (`UNKNOWN_WEIGHT`): the resolutions lack it, so for them it is as rare
    as a term can be, whatever it weighs in general Chinese: `drug`, whose translations (毒品,
    药品) are common Chinese words, weighed less than `Council` in `What does the Council say
    about the human rights impact of drug control policies?`."""
    weighed = [
        replace(term, weight=UNKNOWN_WEIGHT * term.emphasis) if share < 0.5 else term
        for term, share in zip(terms, in_corpus, strict=True)
    ]
    return 1 - weighted_share(weighed, in_corpus)


def weighted_coverage(terms: list[Term], text: str) -> float:
    return weighted_share(terms, [coverage(term, text.__contains__) for term in terms])


def weighted_share(terms: list[Term], coverages: list[float]) -> float:
    """The terms' coverages averaged by their weights (0 with no weight)."""
    total = sum(term.weight for term in terms)
    if not total:
        return 0.0
    return sum(term.weight * share for term, share in zip(terms, coverages, strict=True)) / total


def _weight(word: str) -> float:
    return min(idf_weights().get(word, UNKNOWN_WEIGHT), UNKNOWN_WEIGHT)
