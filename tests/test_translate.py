"""English question words in Chinese (CC-CEDICT and the UN terms), for English questions."""

from concurrent.futures import ThreadPoolExecutor

from qa.retrieval import keyword_query
from qa.signals import question_terms
from qa.translate import english_words


def test_words_are_translated_by_their_glosses_whatever_their_form():
    words = {word.text: word for word in english_words("Persons with albinism in countries")}
    assert "with" not in words and "in" not in words  # stop words
    assert "白化病" in words["albinism"].translations
    assert "国家" in words["countries"].translations  # the gloss says "country"


def test_un_terms_come_before_the_dictionary():
    words = english_words("the role of civil society and OHCHR")
    assert words[1].text == "civil" and words[1].translations[0] == "民间社会"
    assert "人权高专办" in words[-1].translations


def test_a_name_the_dictionary_does_not_know_is_marked_unknown():
    mandela = next(word for word in english_words("Nelson Mandela Rules") if word.text == "Mandela")
    assert not mandela.in_dictionary and not mandela.translations


def test_an_english_question_is_searched_by_its_translations_and_a_chinese_one_as_is():
    assert "腐败" in keyword_query("How does corruption affect human rights?")
    assert keyword_query("腐败如何影响人权？") == "腐败如何影响人权？"


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
