"""A question about a country, territory or region no indexed resolution mentions is refused
saying so, in the question's language; a place the corpus mentions, and a common word that is
also a place's name, change nothing."""

from __future__ import annotations

import json

import pytest
from conftest import open_assistant

from corpus import BUNDLED_CORPUS
from qa.places import named_places
from store.update import update


@pytest.mark.parametrize(
    ("question", "language", "places"),
    [
        ("阿富汗的人权状况如何？", "zh", ["阿富汗"]),
        ("决议是否适用于巴布亚新几内亚和几内亚？", "zh", ["巴布亚新几内亚", "几内亚"]),
        ("What has the Council said about the situation in Afghanistan?", "en", ["Afghanistan"]),
        ("Does it apply in Papua New Guinea?", "en", ["Papua New Guinea"]),
        ("Que dit la résolution sur le Tchad ?", "fr", ["Tchad"]),
        ("¿Qué dice la resolución sobre Afganistán?", "es", ["Afganistán"]),
        # A name as Russian inflects it.
        ("Что говорится о положении в Афганистане и Мьянме?", "ru", ["Афганистане", "Мьянме"]),
        ("ماذا يقول القرار عن أفغانستان؟", "ar", ["أفغانستان"]),
        # Common words that are also places' names are not places.
        ("How should turkey be cooked, and is china fragile?", "en", []),
        ("Which jersey do the players wear?", "en", []),
        # 加纳 (Ghana) inside 增加纳入, 中国 inside 发展中国家: parts of other words.
        ("如何增加纳入地方政府的发展中国家？", "zh", []),
        # `Малые` opens the question and stems as Mali (`Мали`); `مالي` is also "financial".
        ("Малые островные государства что делают?", "ru", []),
        ("ما الدعم مالي المقدم؟", "ar", []),
    ],
)
def test_a_place_is_read_where_it_stands_as_a_name(question, language, places):
    assert [place.text for place in named_places(question, language)] == places


def test_a_question_about_a_place_the_corpus_lacks_gets_an_explained_no_match(fake_assistant):
    for question, says in [
        ("阿富汗的人权状况如何？", "已收录的决议中没有提到“阿富汗”。"),
        (
            "Does the resolution on local government apply in Afghanistan?",
            "No indexed resolution mentions “Afghanistan”.",
        ),
    ]:
        answer = fake_assistant.ask(question)
        assert answer.status == "no_match", question
        assert answer.message.startswith(says)
        assert "阿富汗" in answer.missing or "Afghanistan" in answer.missing
        # The nearest paragraphs are still shown, for reference only.
        assert answer.results and {quote.label for quote in answer.results} == {"nearest"}


def test_the_cli_and_the_json_api_give_the_explained_no_match(hrc_qa, web):
    printed = hrc_qa("ask", "缅甸的人权状况如何？")
    assert printed.exit_code == 0 and printed.stdout.startswith("已收录的决议中没有提到“缅甸”。")
    answer = json.loads(hrc_qa("ask", "What about human rights in Myanmar?", "--json").stdout)
    assert answer["status"] == "no_match" and answer["missing"] == ["Myanmar"]
    response = web.post("/api/v1/ask", json={"question": "Que dit la résolution sur le Myanmar ?"})
    assert response.status_code == 200
    assert response.json()["status"] == "no_match"
    assert response.json()["message"].startswith(
        "Aucune résolution indexée ne mentionne « Myanmar »"
    )


def test_a_place_the_corpus_mentions_is_not_refused_for_it(tmp_path, fake_encoder):
    # The bundled corpus with one paragraph that names Afghanistan.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for source in BUNDLED_CORPUS.glob("*.txt"):
        text = source.read_text(encoding="utf-8")
        if source.name == "A_HRC_RES_51_5.zh.txt":
            text = text.replace(
                "人权理事会，\n", "人权理事会，\n\n关切阿富汗妇女和女童的人权状况，\n", 1
            )
        (corpus / source.name).write_text(text, encoding="utf-8")
    home = tmp_path / "index"
    update(home, fake_encoder, [corpus])
    assistant = open_assistant(home, fake_encoder)

    answer = assistant.ask("阿富汗妇女的人权状况如何？")
    assert "阿富汗" not in answer.missing
    assert not answer.signals.about_unmentioned_place
    # Named with a place the corpus lacks, that one is named as missing, and the question is
    # not refused for it alone.
    both = assistant.ask("阿富汗和缅甸妇女的人权状况如何？")
    assert "缅甸" in both.missing and "阿富汗" not in both.missing
    assert not both.signals.about_unmentioned_place
