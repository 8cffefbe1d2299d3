"""Every way people write a paragraph reference finds the resolution and label it names."""

import pytest

from qa.references import Reference, find_reference


@pytest.mark.parametrize(
    ("question", "resolution", "label"),
    [
        ("第57/12号决议执行部分第10段", "57/12", "OP10"),
        ("51/5 第6段", "51/5", "OP6"),
        ("57/12 OP8(a)", "57/12", "OP8(a)"),
        ("57/12 op8 (a)", "57/12", "OP8(a)"),
        ("resolution 36/29, operative paragraph 8", "36/29", "OP8"),
        ("Human Rights Council resolution 51/5, para. 17 (a)", "51/5", "OP17(a)"),
        ("Human Rights Council resolution 51/5, preambular para. 3", "51/5", "PP3"),
        ("人权理事会第51/5号决议第17段(a)项", "51/5", "OP17(a)"),
        ("人权理事会第51/5号决议序言部分第3段", "51/5", "PP3"),
        ("A/HRC/RES/57/12 第8段", "57/12", "OP8"),
        ("第５７／１２号决议第８段（ａ）项", "57/12", "OP8(a)"),  # full-width
        ("第十七段(a)项说了什么？", None, "OP17(a)"),
        ("序言部分第3段", None, "PP3"),
        ("那第8段呢？", None, "OP8"),
        ("What does paragraph 8 (b) say?", None, "OP8(b)"),
        ("57/12号决议关于数据保护说了什么？", "57/12", None),
    ],
)
def test_reference_forms(question, resolution, label):
    assert find_reference(question) == Reference(resolution, label)


@pytest.mark.parametrize(
    "question",
    [
        "联合国公共服务日是哪一天？",
        "2016年11月9日举行了什么小组讨论会？",
        "世界城市论坛第十二届会议在哪里举行？",
        "How does corruption affect the enjoyment of human rights?",
    ],
)
def test_questions_that_name_no_paragraph(question):
    assert not find_reference(question)
