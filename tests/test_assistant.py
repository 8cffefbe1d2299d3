"""Answers: the right paragraph, the exact citation, the filters, follow-ups, no-match, and a
clear message for every bad input.

Behaviour that does not depend on the model's quality runs over the fake encoder
(`fake_assistant`); what the real model decides (cross-lingual search, no-match on off-topic
questions) runs over the real one (`assistant`, marked slow)."""

from __future__ import annotations

import pytest

from store.filters import Filters


def first(answer) -> str:
    return answer.results[0].paragraph.key


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("第57/12号决议执行部分第10段", "57/12 OP10"),
        ("51/5 第6段", "51/5 OP6"),
        ("57/12 OP8(a)", "57/12 OP8(a)"),
        ("resolution 36/29, operative paragraph 8", "36/29 OP8"),
        ("Human Rights Council resolution 51/5, preambular para. 3", "51/5 PP3"),
        ("人权理事会第51/5号决议第17段(a)项", "51/5 OP17(a)"),
        ("第37/7号决议执行部分第2段", "37/7 OP2"),
    ],
)
def test_a_cited_paragraph_comes_first(fake_assistant, question, expected):
    answer = fake_assistant.ask(question)
    assert answer.status == "ok"
    assert first(answer) == expected
    assert answer.results[0].match == "citation" and answer.results[0].score == 1.0


def test_a_cited_paragraph_brings_its_sub_paragraphs(fake_assistant):
    answer = fake_assistant.ask("57/12 第8段", top_k=6)
    assert [q.paragraph.label for q in answer.results[:5]] == [
        "OP8",
        "OP8(a)",
        "OP8(b)",
        "OP8(c)",
        "OP8(d)",
    ]


def test_a_paragraph_named_after_a_resolution_uses_the_conversation(fake_assistant):
    assert first(fake_assistant.ask("序言部分第3段", context="51/5")) == "51/5 PP3"
    assert first(fake_assistant.ask("那第8段呢？", context="57/12")) == "57/12 OP8"


def test_a_paragraph_that_does_not_exist_is_said_so(fake_assistant):
    answer = fake_assistant.ask("第57/12号决议执行部分第99段")
    assert answer.status == "error"
    assert (
        answer.message
        == "第57/12号决议中没有执行部分第99段（该决议有序言部分32段、执行部分14段）。"
    )


def test_the_answer_contract(fake_assistant):
    answer = fake_assistant.ask("联合国公共服务日是在第37/7号决议第8段吗？", id="d01").to_dict()
    assert answer["id"] == "d01" and answer["status"] == "ok" and answer["message"] == ""
    top = answer["results"][0]
    assert top["rank"] == 1 and top["resolution"] == "37/7" and top["paragraph"] == "OP8"
    assert top["symbol"] == "A/HRC/RES/37/7" and top["part"] == "operative"
    assert top["adopted"] == "2018-03-22" and top["session"] == 37
    assert top["text"].startswith("赞赏地注意到 6 月 23 日举行的")
    assert top["citation"] == {
        "zh": "人权理事会第37/7号决议第8段",
        "en": "Human Rights Council resolution 37/7, para. 8",
        "fr": "résolution 37/7 du Conseil des droits de l’homme, par. 8",
        "es": "resolución 37/7 del Consejo de Derechos Humanos, párr. 8",
        "ru": "резолюция 37/7 Совета по правам человека, п. 8",
        "ar": "قرار مجلس حقوق الإنسان 37/7، الفقرة 8",
    }
    assert (
        top["citation_long"]["en"]
        == "Human Rights Council resolution 37/7 of 22 March 2018, para. 8"
    )
    assert 0 < top["score"] <= 1


def test_a_sub_paragraph_is_quoted_with_its_lead_in(fake_assistant):
    answer = fake_assistant.ask("地方政府的数据保护措施：第57/12号决议第8段(a)项")
    top = answer.results[0]
    assert top.paragraph.key == "57/12 OP8(a)"
    assert top.quote.startswith("吁请地方政府在制定和实施包括智能城市项目在内的城市数字化计划时")
    assert "\n(a) 实施充分的人权保障措施" in top.quote
    assert top.to_dict()["text"].startswith("实施充分的人权保障措施")


def test_matching_words_are_marked(fake_assistant):
    top = fake_assistant.ask("第37/7号决议第8段：联合国公共服务日是哪一天？").results[0]
    marked = [top.quote[start:end] for start, end in top.highlights]
    assert "联合国公共服务" in marked
    assert all(word in "第37/7号决议第8段：联合国公共服务日是哪一天？" for word in marked)


@pytest.mark.slow
def test_english_questions_find_chinese_paragraphs(assistant):
    answer = assistant.ask("Must the rights that people have offline also be protected online?")
    assert answer.status == "ok" and answer.language == "en"
    assert first(answer) == "51/5 OP3"


@pytest.mark.parametrize(
    ("filters", "check"),
    [
        (Filters(resolutions=("51/5",)), lambda q: q.resolution.number == "51/5"),
        (Filters(part="preambular"), lambda q: q.paragraph.part == "preambular"),
        (Filters(part="operative"), lambda q: q.paragraph.part == "operative"),
        (Filters(sessions=(51, 57)), lambda q: q.resolution.session >= 51),
        (Filters(years=(2017, 2018)), lambda q: q.resolution.adopted.year <= 2018),
    ],
)
def test_filters_keep_only_what_they_name(fake_assistant, filters, check):
    answer = fake_assistant.ask("腐败对享有人权有哪些有害影响？", top_k=10, filters=filters)
    assert answer.results and all(check(quote) for quote in answer.results)


def test_a_resolution_named_in_the_question_narrows_the_search(fake_assistant):
    answer = fake_assistant.ask("57/12号决议关于数据收集说了什么？", top_k=5)
    assert {q.resolution.number for q in answer.results} == {"57/12"}


@pytest.mark.slow
@pytest.mark.parametrize(
    "question", ["今天北京的天气怎么样？", "Tell me a joke about cats.", "这只股票明天会涨吗？"]
)
def test_off_topic_questions_get_no_match(assistant, question):
    answer = assistant.ask(question)
    assert answer.status == "no_match"
    assert answer.message.startswith(
        ("已收录的决议中没有", "Nothing relevant", "No indexed resolution mentions")
    )


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("", "请输入一个问题。"),
        ("   \n\t ", "请输入一个问题。"),
        ("？？？！！！", "问题里没有可以检索的文字，请用联合国的一种正式语言提问。"),
        ("😀😀🙏", "问题里没有可以检索的文字，请用联合国的一种正式语言提问。"),
        ("腐败" * 50_000, "问题太长（100000 个字符），请缩短到 2000 个字符以内。"),
    ],
)
def test_bad_questions_get_a_clear_error(fake_assistant, question, message):
    answer = fake_assistant.ask(question)
    assert (answer.status, answer.message, answer.results) == ("error", message, ())


def test_control_characters_are_dropped_and_the_question_answered(fake_assistant):
    answer = fake_assistant.ask("世界城市论坛第十二届会议\x00在哪里\x07举行？\x1b")
    assert answer.status == "ok" and first(answer) == "57/12 PP5"


def test_a_filter_naming_an_unindexed_resolution_is_an_error(fake_assistant):
    answer = fake_assistant.ask("What about corruption?", filters=Filters(resolutions=("99/1",)))
    assert answer.status == "error"
    assert answer.message == (
        "Resolution 99/1 is not in the index. Indexed resolutions: 36/29, 37/7, 51/5, 57/12."
    )


@pytest.mark.parametrize("top_k", [0, -1, 51])
def test_top_k_out_of_range_is_an_error(fake_assistant, top_k):
    assert fake_assistant.ask("腐败", top_k=top_k).status == "error"


def test_an_empty_year_range_is_an_error(fake_assistant):
    answer = fake_assistant.ask("腐败", filters=Filters(years=(2024, 2018)))
    assert (answer.status, answer.message) == (
        "error",
        "年份范围 2024–2018 无效：起点不能大于终点。",
    )


def test_a_part_that_does_not_exist_is_an_error(fake_assistant):
    answer = fake_assistant.ask("腐败", filters=Filters(part="appendix"))  # type: ignore[arg-type]
    assert (answer.status, answer.results) == ("error", ())
    assert "preambular" in answer.message and "appendix" in answer.message


def test_a_hit_is_scored_by_the_ranks_it_was_found_at(fake_assistant):
    """Reciprocal rank fusion, summed in one pass over each ranked list: each hit scores
    `weight / (k + rank)` over the searches that found it, and the hits come best first."""
    from qa.retrieval import FUSION

    hits = fake_assistant.retriever.search("人权理事会关于善治与反腐败的决议", 10)
    assert len(hits) == 10
    for hit in hits:
        ranked = ((hit.dense_rank, FUSION.dense), (hit.keyword_rank, FUSION.keyword))
        assert hit.fused == sum(weight / (FUSION.k + rank) for rank, weight in ranked if rank)
    assert [hit.fused for hit in hits] == sorted((hit.fused for hit in hits), reverse=True)
    assert any(hit.dense_rank and hit.keyword_rank for hit in hits)
