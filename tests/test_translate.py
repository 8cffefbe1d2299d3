"""Question words in Chinese: English ones through CC-CEDICT and the UN terms, French, Spanish,
Russian and Arabic ones through the English words nearest to them in meaning."""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from languages.clitics import without_clitics
from qa import translate
from qa.retrieval import HybridRetriever
from qa.signals import question_terms
from qa.translate import _WORD, _lemma, _stem, english_words, words_through_english
from store.filters import Filters

ROOT = Path(__file__).resolve().parents[1]
DEVELOPMENT_SETS = (
    "dev.jsonl",
    "extra.jsonl",
    "languages.jsonl",
    "trust/calibration.jsonl",
    "trust/heldout.jsonl",
    "trust/heldout2.jsonl",
    "trust/heldout3.jsonl",
)


def test_words_are_translated_by_their_glosses_whatever_their_form():
    words = {word.text: word for word in english_words("Persons with albinism in countries")}
    assert "with" not in words and "in" not in words  # stop words
    assert "白化病" in words["albinism"].translations
    assert "国家" in words["countries"].translations  # the gloss says "country"


def test_an_irregular_form_is_translated_as_its_lemma_where_the_corpus_holds_that():
    # Porter2 leaves `women` apart from `woman`: its own gloss gives only 女人家, which no
    # resolution holds; the lemma's gives 妇女, which they do.
    held = {"妇女", "男子", "意义"}.__contains__
    women, men, meant = english_words("women, men, meant", held)
    assert women.translations == ("妇女",) and men.translations == ("男子",)
    assert "意义" in meant.translations and meant.in_dictionary
    assert "妇女" not in english_words("women")[0].translations  # without the corpus's word


def test_a_word_spelled_the_british_way_is_translated_as_the_american_one():
    # CC-CEDICT glosses in American English: `organisers` was no word of it, and counted as
    # a notion no resolution holds.
    organisers, centres, labour = english_words("organisers centres labour")
    assert organisers.translations == english_words("organizers")[0].translations
    assert "中心" in centres.translations and "劳工" in labour.translations
    assert organisers.text == "organisers"  # named as the question writes it
    # A word that only looks British stays itself: `promise` is no `promize`, `four` no
    # `for`, and `expertise`, which the dictionary translates, no `expert`.
    for word in ("promise", "four", "sentence", "expertise"):
        assert translate._as_glossed(word) == word


def test_words_are_lemmatised_as_simplemma_lemmatises_them():
    # The lemmas are read from the gloss table, not from simplemma: over every word of the
    # development sets' questions (never the blind sets'), contractions with either
    # apostrophe, and words only simplemma's English suffix rules lemmatise, the two agree.
    import simplemma

    from qa.evaluate import read_questions

    questions = [
        question.text
        for name in DEVELOPMENT_SETS
        for question in read_questions(ROOT / "eval" / name)
    ]
    words = {match.group() for question in questions for match in _WORD.finditer(question)}
    words |= {
        "women", "women's", "women’s", "children’s", "people’s", "can't", "can’t", "won't",
        "shan’t", "don't", "isn’t", "they're", "we've", "it'll", "I'm", "she'd", "O'Neill",
        "tripodcies", "kingdoms", "uniformized", "conserves", "plenums", "1990s", "MDGs",
    }  # fmt: skip
    by_simplemma = {word: _stem(simplemma.lemmatize(word.lower(), lang="en")) for word in words}
    assert {word: _lemma(word) for word in words} == by_simplemma
    assert len(questions) > 900
    assert by_simplemma["women's"] == by_simplemma["women"] == _stem("woman") != _stem("women")


def test_words_a_question_is_asked_with_are_not_its_terms():
    words = [
        word.text
        for word in english_words("I'm asking whether the text says anything on UNIFIL's mandate")
    ]
    assert words == ["asking", "UNIFIL's", "mandate"]


def test_un_terms_come_before_the_dictionary():
    words = english_words("the role of civil society and OHCHR")
    assert words[1].text == "civil" and words[1].translations[0] == "民间社会"
    assert "人权高专办" in words[-1].translations


def test_un_terms_that_stem_alike_give_all_their_chinese():
    # `municipal` and `municipalities` stem to one gloss: the UN terms' Chinese of both, in
    # the terms' order, then the dictionary's.
    (municipal,) = english_words("municipal")
    assert municipal.translations[:3] == ("城市", "地方", "地方政府")
    assert "自治市" in municipal.translations[3:]


def test_words_of_un_english_are_translated_as_the_resolutions_render_them():
    # The dictionary glosses these only in other senses (`covenant` → 圣约, `partnership` →
    # 共享计划, `delivery` → 投递) or not at all (`ICCPR`, `civic space`).
    words = english_words("covenants, partnerships, service delivery, the ICCPR, civic space")
    first = {word.text: word.translations[0] for word in words}
    assert first["covenants"] == "公约" and first["partnerships"] == "伙伴关系"
    assert first["delivery"] == "提供" and first["ICCPR"] == "公民权利和政治权利国际公约"
    assert first["civic"] == first["space"] == "公民空间"


def test_the_council_and_its_resolutions_are_no_terms_of_an_english_question():
    # Every paragraph is the Council's, in a resolution: the words naming them say nothing of
    # which paragraph answers. `Human Rights Council` is still looked for by its other words.
    terms = question_terms(
        "Which resolution of the Human Rights Council says what the Council encourages?", "en"
    )
    assert [term.text for term in terms] == ["Human", "Rights", "encourages"]
    assert "人权理事会" in terms[0].forms
    terms = question_terms("Which HRC resolutions recall the Council's panel?", "en")
    assert [term.text for term in terms] == ["recall", "panel"]


def test_the_words_for_citing_a_text_are_no_terms_of_an_english_question():
    # `Which text can I cite?`: the paragraph to quote is asked for, not one about texts or
    # quotations (`text` → 课文, `quote` → 报价); the resolutions never write `preambular`.
    terms = question_terms(
        "Is there a text I could quote or cite in a preambular paragraph on open data?", "en"
    )
    assert [term.text for term in terms] == ["open", "data"]


def test_the_words_for_citing_a_text_stay_english_glosses_of_other_languages_words():
    # The glosses embedded for French, Spanish, Russian and Arabic words leave out those a
    # question is asked with (`tell`), not these: `texte` keeps `text` as its nearest word.
    assert not any(translate._asks_with(word) for word in ("text", "quote", "cite"))
    assert translate._asks_with("tell")


def test_a_name_the_dictionary_does_not_know_is_marked_unknown():
    bachelet = english_words("a report by Michelle Bachelet")[-1]
    assert bachelet.text == "Bachelet"
    assert not bachelet.in_dictionary and not bachelet.translations


def test_a_name_glossed_with_what_it_is_is_translated_by_the_name():
    # CC-CEDICT: `Addis Ababa, capital of Ethiopia`, `Nelson Mandela (1918-2013), South
    # African …`: longer than a gloss may be, the part before the comma is the name.
    addis, ababa = english_words("Addis Ababa")
    assert "亚的斯亚贝巴" in addis.translations and "亚的斯亚贝巴" in ababa.translations
    assert "曼德拉" in english_words("Nelson Mandela")[1].translations
    # `Vienna, capital of Austria`, `Cairo, capital of Egypt`: short enough to be a gloss
    # whole, which no question says; the name is one as well.
    vienna, _ = english_words("Vienna Declaration")
    assert "维也纳" in vienna.translations
    assert "开罗" in english_words("World Urban Forum Cairo")[-1].translations


def test_an_ordinal_the_dictionary_does_not_gloss_is_translated_as_a_session_number(assistant):
    # `sixtieth session` is 第六十届会议 in the resolutions; CC-CEDICT glosses no ordinal past
    # the tenth.
    words = {word.text: word for word in english_words("the twelfth and sixtieth sessions")}
    assert words["twelfth"].translations == ("第十二",)
    assert words["sixtieth"].translations == ("第六十",)
    answer = assistant.ask("hybrid thematic panel sixtieth session")
    assert answer.status == "ok"
    assert answer.results[0].paragraph.key in {"57/12 OP10", "57/12 OP11"}


def test_a_chinese_question_s_latin_acronym_is_looked_for_through_the_dictionary():
    # The texts write 普遍定期审议, never `UPR`: an acronym the dictionary (or the UN terms)
    # renders is found in them as an English question's word is; Chinese words as written.
    held = "各国在普遍定期审议中与民间社会合作"
    terms = question_terms("民间社会在UPR里起什么作用", "zh", held.__contains__)
    forms = {term.text: term.forms for term in terms}
    assert forms.pop("UPR") == ("upr", "普遍定期审议")
    assert all(found == (word,) for word, found in forms.items())
    # Without the corpus to look in, as written only.
    assert {t.text: t.forms for t in question_terms("UPR的作用", "zh")}["UPR"] == ("upr",)


def test_question_terms_weigh_rare_words_above_common_ones():
    terms = {term.text: term.weight for term in question_terms("白化病患者的问题", "zh")}
    assert terms["问题"] < terms["白化病"]


def test_threads_answering_at_once_get_the_stems_of_their_own_words():
    # The app answers requests in several threads; each must stem its own question.
    questions = [
        "rights of persons with disabilities in rural communities",
        "international cooperation against organised corruption networks",
    ] * 200
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(english_words, questions))
    alone = {question: english_words(question) for question in set(questions)}
    assert together == [alone[question] for question in questions]


def _translated_search(
    retriever: HybridRetriever, question: str, depth: int
) -> tuple[list, list[str]]:
    """An English question's keyword ranking and its second dense query's translations, as
    the retriever's search makes them."""
    english = tuple(english_words(question, retriever.store.holds_text))
    found_by = retriever._translations_found(english, depth, Filters())
    ranking = retriever._translated_ranking(question, found_by, depth, Filters())
    return ranking, retriever._cohesive_translations(found_by)


def test_an_english_word_weighs_as_the_mean_of_its_translations_the_corpus_holds(fake_assistant):
    # "locally" has twenty Chinese translations (当地, 地方, 本地, 局部, …): summed, they
    # outweighed the rest of the question; a translation matching no paragraph is left out.
    store = fake_assistant.store
    question = "promoting human rights locally"
    found, meaning = _translated_search(fake_assistant.retriever, question, 200)
    expected = {hit.id: hit.score for hit in store.keyword_search(question, 200, Filters())}
    for word in english_words(question):
        matched = [store.keyword_search(t, 200, Filters()) for t in word.translations]
        matched = [hits for hits in matched if hits]
        for hits in matched:
            for hit in hits:
                expected[hit.id] = expected.get(hit.id, 0.0) + hit.score / len(matched)
    locally = next(word for word in english_words(question) if word.text == "locally")
    assert "地方" in meaning and "局部" in locally.translations and "局部" not in meaning
    assert {hit.id: pytest.approx(hit.score) for hit in found} == expected
    assert [hit.score for hit in found] == sorted((hit.score for hit in found), reverse=True)


def test_the_meaning_query_keeps_the_translations_held_beside_the_other_words(fake_assistant):
    # "local" has eleven held translations; 地方 is held beside "government"'s 政府 in many
    # paragraphs, 小范围 (found by its 范围) in none: the second dense query takes each word's
    # two most often held beside another word's, and nothing of the other sense.
    question = "local government best practices report HRC63"
    _, meaning = _translated_search(fake_assistant.retriever, question, 50)
    local = next(word for word in english_words(question) if word.text == "local")
    assert {"小范围", "就地", "当地"} <= set(local.translations)
    assert {"地方", "政府"} <= set(meaning)
    assert not {"小范围", "就地"} & set(meaning)
    assert len(meaning) <= 2 * len(english_words(question))


ENGLISH_QUESTIONS = [
    "local government best practices report HRC63",
    "promoting human rights locally",
    "What does the Council say about the rights of persons with disabilities?",
    "human rights defenders and civil society in rural communities",
    "local authorities and human rights",
]


def test_an_english_question_is_searched_the_same_whatever_was_asked_before(fake_assistant):
    # The keyword index keeps its common searches' best rows (common, at this size, for a few
    # rows: k = 1 or 3) and the words of the texts it searched: a question gives the same
    # keyword ranking and meaning query asked first, asked again for more or fewer rows, or
    # asked after others.
    store, encoder = fake_assistant.store, fake_assistant.retriever.encoder
    depths = (1, 50, 3)
    alone = {
        (question, depth): _translated_search(HybridRetriever(store, encoder), question, depth)
        for depth in depths
        for question in ENGLISH_QUESTIONS
    }
    retriever = HybridRetriever(store, encoder)
    for question in ENGLISH_QUESTIONS + ENGLISH_QUESTIONS[::-1]:
        for depth in depths[::-1] + depths:
            searched = _translated_search(retriever, question, depth)
            assert searched == alone[question, depth], (question, depth)


@pytest.mark.slow
def test_an_ambiguous_english_word_gets_the_paragraph_of_its_sense_first(assistant):
    # t068 of the calibration half: every translation of "local" in the meaning query
    # (在地, 小范围, 就地 …) put a paragraph on reports in general first; the translations held
    # beside "government"'s find the one asking for a report on local government.
    hits = assistant.retriever.search("local government best practices report HRC63", 3)
    assert assistant.store.get([hits[0].id])[0].paragraph.key == "57/12 OP11"


def test_a_word_falls_back_on_the_words_the_corpus_holds_where_it_holds_none_of_its_own():
    # The dictionary gives 原住民 for "indigenous peoples"; a corpus saying 土著人民 is found
    # through the gloss "indigenous person" (土著人), which shares 土 with 土生土长.
    corpus = "申明土著人民有权充分享有所有人权；关切女童的处境。"
    words = english_words("indigenous small", corpus.__contains__)
    assert words[0].translations == ("土著人",)
    # "small girl" (女童) holds "small" as a mere modifier: it shares no character with 小型,
    # 微小 or the other translations of "small", so none is taken.
    assert "女童" not in words[1].translations
    # Without the corpus, or where it holds a translation, the dictionary's words stand.
    assert "原住民" in english_words("indigenous peoples")[0].translations
    held = "原住民的权利"
    assert english_words("indigenous peoples", held.__contains__) == english_words(
        "indigenous peoples"
    )


@pytest.mark.slow
def test_a_keyword_query_spelled_the_british_way_is_answered(assistant):
    # `centres` was no word of the dictionary but as 基点: missing, it weighed as the rarest
    # word, and the query was refused with its paragraph (centres of excellence) first.
    answer = assistant.ask("excellence centres peer learning")
    assert answer.status == "ok" and answer.missing == ()
    assert answer.results[0].paragraph.key == "37/7 PP23"


@pytest.mark.slow
def test_an_english_keyword_query_finds_its_paragraph_through_the_corpus_own_word(assistant):
    # 51/5 PP10 names 土著人民; the dictionary's 原住民 is in no resolution. The paragraph
    # holding the whole query comes first, ahead of those holding only 人民.
    answer = assistant.ask("indigenous peoples")
    assert answer.status == "ok"
    assert answer.results[0].paragraph.key == "51/5 PP10"
    assert "土著人民" in answer.results[0].paragraph.text


def test_the_no_match_signals_read_an_english_question_as_its_search_translated_it(
    fake_assistant,
):
    # Retrieval hands its translated words on, so that the signals do not translate them
    # again: the terms must be those the signals would have found themselves.
    store = fake_assistant.store
    question = "How do local governments protect personal data in smart cities?"
    found = fake_assistant.retriever.find(question, 5)
    assert found.english == tuple(english_words(question, store.holds_text))
    handed_on = question_terms(question, "en", store.holds_text, found.english)
    assert handed_on == question_terms(question, "en", store.holds_text)
    assert any(len(term.forms) > 1 for term in handed_on)  # translated, not left as English


@pytest.mark.slow
def test_a_french_word_is_translated_through_the_english_words_nearest_to_it(assistant):
    # No dictionary translates French: `données` stands for the English glosses nearest to
    # it in meaning (`data`), whose Chinese the resolutions hold.
    question = "protection des données des villes"
    words = {
        word.text: word
        for word in words_through_english(
            question, "fr", assistant.retriever.encoder, assistant.store.holds_text
        )
    }
    assert "des" not in words  # a stop word
    assert "数据" in words["données"].translations
    assert "城市" in words["villes"].translations  # `villa` is nearest, `cities` near enough


def test_an_arabic_word_is_looked_up_without_its_clitics():
    # `و` (and), `ب` (with), `ل` (for) and the pronouns are written joined to the word: the
    # model places `والرجال` near no English word, `الرجال` near `men`.
    assert without_clitics("والرجال", "ar") == ("الرجال",)  # the article is kept
    assert "حقوق" in without_clitics("بحقوقهم", "ar")
    assert "التعاون" in without_clitics("للتعاون", "ar")  # `لل` is `ل` before `ال`
    assert "حماية" in without_clitics("وحمايتها", "ar")  # `ة` is written `ت` before `ها`
    assert without_clitics("بنك", "ar") == ()  # too short for `ب` to be a clitic
    assert without_clitics("humanos", "es") == ()


def test_words_a_french_question_is_asked_with_are_not_its_terms(fake_assistant):
    # `Raconte` has an English word near it in spelling (`lactone`): named as missing from
    # the resolutions, it made a refusal read "no resolution mentions “Raconte”".
    words = words_through_english(
        "Raconte-moi la protection",
        "fr",
        fake_assistant.retriever.encoder,
        fake_assistant.store.holds_text,
    )
    assert [word.text for word in words] == ["protection"]


@pytest.mark.parametrize(
    ("question", "language", "word", "chinese"),
    [
        # The English words nearest in meaning to a UN term's are mostly of like sound (`ООН`
        # → `uno`, `المتحدة` → `england`, `fracture` → `bone fracture`): the UN's own terms
        # in these languages stand for its English ones.
        ("ООН-Хабитат", "ru", "ООН", "联合国"),
        ("Que dit le Conseil sur la fracture numérique ?", "fr", "numérique", "数字鸿沟"),
        ("ماذا يطلب من المفوض السامي للأمم المتحدة؟", "ar", "السامي", "高级专员"),
        ("ماذا يطلب من المفوض السامي للأمم المتحدة؟", "ar", "للأمم", "联合国"),
        ("¿Qué dice sobre la buena gobernanza?", "es", "gobernanza", "善治"),
        ("Что говорится о гражданском обществе?", "ru", "обществе", "民间社会"),
    ],
)
def test_a_un_term_is_translated_as_the_un_renders_it_in_english(
    fake_assistant, question, language, word, chinese
):
    words = {
        found.text: found
        for found in words_through_english(
            question, language, fake_assistant.retriever.encoder, fake_assistant.store.holds_text
        )
    }
    assert chinese in words[word].translations


@pytest.mark.slow
def test_an_arabic_word_with_clitics_is_translated_as_the_word_without_them(assistant):
    question = "دور النساء والرجال"  # the role of women and men
    words = {
        word.text: word
        for word in words_through_english(
            question, "ar", assistant.retriever.encoder, assistant.store.holds_text
        )
    }
    assert words["والرجال"].translations  # before, no English word came near enough
    assert "妇女" in words["النساء"].translations


@pytest.mark.slow
def test_a_refusal_names_no_word_the_question_is_asked_with(assistant):
    answer = assistant.ask("Raconte-moi la météo à Paris")
    assert answer.status == "no_match"
    assert "Raconte" not in answer.message
    assert "Raconte" not in answer.missing


@pytest.mark.slow
def test_two_words_written_together_are_translated_as_the_phrase_they_make(assistant):
    # `derechos humanos` is `human rights` (人权), before `rights` and `humanity` word by word.
    words = {
        word.text: word
        for word in words_through_english(
            "los derechos humanos", "es", assistant.retriever.encoder, assistant.store.holds_text
        )
    }
    assert words["derechos"].translations[0] == "人权"
    assert words["humanos"].translations[0] == "人权"


@pytest.mark.slow
def test_words_are_embedded_the_same_whatever_was_asked_before(encoder, monkeypatch):
    # The int8 model scales each run's values as a whole: a word embedded beside other words
    # moves a little with them, and a French question's glosses (and its answer) must not
    # depend on the questions the app answered before it.
    monkeypatch.setattr(translate, "_WORD_VECTORS", {})
    fresh = translate.word_vectors(encoder, ["droits", "société"]).copy()
    monkeypatch.setattr(translate, "_WORD_VECTORS", {})
    translate.word_vectors(encoder, ["droits"])
    translate.word_vectors(encoder, ["corruption", "société"])
    assert (translate.word_vectors(encoder, ["droits", "société"]) == fresh).all()
