"""A question naming what it asks about by a number (an article, a session, a target) that none
of the paragraphs found shows is refused, saying so in its language; a number they show, a
year, a count or a number inside a name changes nothing."""

from __future__ import annotations

import pytest

from languages.numbers import is_chinese_count, named_numbers, shown_numbers


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("What does SDG target 16.5 say about reducing bribery?", ["16.5"]),
        ("《公民权利和政治权利国际公约》第十九条第三款允许哪些限制？", ["第十九条", "第三款"]),
        ("世界城市论坛第十三届会议在哪个城市开？", ["第十三届"]),
        ("Who spoke at the twenty-sixth session, on 9 November?", ["9", "twenty-sixth"]),
        ("Что говорится в статье 12 Пакта?", ["12"]),
        # A year, a count, `first`, a number inside a name: none names what is asked about.
        ("What did the 2018 resolution say about the COVID-19 pandemic?", []),
        ("Which two covenants does it recall, and what are the 八项目标?", []),
        ("Was that the first resolution on local government?", []),
    ],
)
def test_a_number_is_read_where_it_names_what_is_asked_about(question, named):
    assert [number.text for number in named_numbers(question)] == named


@pytest.mark.parametrize("word", ["八项", "七个", "一届", "3个", "两万名"])
def test_a_chinese_count_is_read_as_one(word):
    # A count asks how many; it names nothing a refusal could say the resolutions lack.
    assert is_chinese_count(word)


@pytest.mark.parametrize("word", ["项目", "个人", "八项措施", "第八项", "届会"])
def test_a_word_holding_a_counter_is_no_count(word):
    assert not is_chinese_count(word)


def test_a_number_is_shown_however_a_text_writes_it():
    # A Chinese text writes a session in numerals and a date in figures; a target's number
    # also shows the goal it is numbered within.
    shown = shown_numbers(
        "注意到世界城市论坛第十二届会议将于 2024 年 11 月 4 日举行；具体目标 16.5"
    )
    assert {"12", "2024", "11", "4", "16", "16.5"} <= shown
    assert {"13", "16.5.1"}.isdisjoint(shown)
    # A month's or a day's number shows the day asked about, not a session's place in a series.
    assert {"11", "4"}.isdisjoint(shown_numbers("将于 2024 年 11 月 4 日举行", dates=False))
    named = named_numbers("第十一届 on 4 November, the 11th")
    assert {number.text: number.ordinal for number in named} == {
        "第十一届": True,
        "4": False,
        "11": True,
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "number", "says"),
    [
        (
            "世界城市论坛第十三届会议在哪个城市开？",
            "第十三届",
            "问题用编号“第十三届”指明所问的条款、届会或具体目标，而找到的段落都没有这个编号",
        ),
        (
            # 57/12 PP5 dates the twelfth session 2024 年 11 月 4 日: November is not the 11th.
            "世界城市论坛第十一届会议是在哪个城市举办的？",
            "第十一届",
            "问题用编号“第十一届”指明所问的条款、届会或具体目标",
        ),
        (
            "What does SDG target 16.5 say about reducing bribery?",
            "16.5",
            "The question names what it asks about (an article, a session, a target) by the "
            "number “16.5”, which none of the paragraphs found shows",
        ),
    ],
)
def test_a_question_naming_a_number_no_paragraph_found_shows_is_refused_saying_so(
    assistant, question, number, says
):
    # Every other word is in the resolutions: 57/12 PP5 gives the twelfth session's city, the
    # resolutions recall goal 16 of the 2030 Agenda, never its target 16.5.
    answer = assistant.ask(question)
    assert answer.status == "no_match" and answer.signals.unshown_numbers == (number,)
    assert answer.message.startswith(says)
    assert {quote.label for quote in answer.results} == {"nearest"}


@pytest.mark.slow
def test_a_question_naming_numbers_its_paragraph_shows_is_answered(assistant):
    # 36/29 OP1 names the panel held on 9 November 2016, at the Council's twenty-sixth session.
    answer = assistant.ask(
        "What does resolution 36/29 say about the panel discussion held on 9 November 2016 "
        "during the twenty-sixth session?"
    )
    assert answer.status == "ok" and answer.signals.unshown_numbers == ()
    assert answer.results[0].paragraph.key == "36/29 OP1"
    answer = assistant.ask("世界城市论坛第十二届会议在哪里举行？")
    assert answer.status == "ok" and answer.results[0].paragraph.key == "57/12 PP5"
