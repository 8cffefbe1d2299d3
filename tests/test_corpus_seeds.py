"""The four bundled resolutions come out with the labels, counts, texts and metadata of
docs/citations.md."""

from collections import Counter
from datetime import date

import pytest

from corpus import BUNDLED_CORPUS, Resolution, read_resolution

# docs/citations.md: resolution -> (preambular, operative, sub-paragraphs)
EXPECTED_COUNTS = {
    "36/29": (24, 9, 0),
    "37/7": (23, 9, 0),
    "51/5": (31, 19, 3),
    "57/12": (32, 14, 4),
}


@pytest.fixture(scope="module")
def seeds() -> dict[str, Resolution]:
    resolutions = [read_resolution(path) for path in sorted(BUNDLED_CORPUS.glob("*.txt"))]
    return {resolution.number: resolution for resolution in resolutions}


def counts(resolution: Resolution) -> tuple[int, int, int]:
    tally = Counter(
        "sub" if paragraph.subdivisions else paragraph.part for paragraph in resolution.paragraphs
    )
    return tally["preambular"], tally["operative"], tally["sub"]


@pytest.mark.parametrize("number", EXPECTED_COUNTS)
def test_counts_match_the_citation_guide(seeds, number):
    assert counts(seeds[number]) == EXPECTED_COUNTS[number]


@pytest.mark.parametrize("number", EXPECTED_COUNTS)
def test_labels_run_in_document_order(seeds, number):
    preambular, operative, _ = EXPECTED_COUNTS[number]
    labels = [p.label for p in seeds[number].paragraphs if not p.subdivisions]
    expected = [f"PP{n}" for n in range(1, preambular + 1)]
    expected += [f"OP{n}" for n in range(1, operative + 1)]
    assert labels == expected


def test_sub_paragraphs_of_51_5(seeds):
    resolution = seeds["51/5"]
    assert resolution.paragraph("OP17").text == "请高级专员："
    assert resolution.paragraph("OP17(a)").text.startswith("在人权理事会第五十四届会议之前")
    # (b) and (c) come as Markdown list items: the `- ` is markup, not text.
    assert resolution.paragraph("OP17(b)").text.startswith("与各国、相关联合国机构")
    assert resolution.paragraph("OP17(c)").text == (
        "编写一份小组讨论会报告，提供无障碍格式，包括易读版本，并提交人权理事会第五十五届会议；"
    )
    # 18 and 19 follow (c) on consecutive lines, with no blank line between them.
    assert (
        resolution.paragraph("OP18").text
        == "请秘书长向上述小组讨论会提供一切必要的服务和设施资源；"
    )
    assert resolution.paragraph("OP19").text == "决定继续处理此事。"
    assert [p.label for p in resolution.lead_in(resolution.paragraph("OP17(c)"))] == ["OP17"]


def test_sub_paragraphs_of_57_12(seeds):
    resolution = seeds["57/12"]
    labels = [p.label for p in resolution.paragraphs if p.number == 8 and p.part == "operative"]
    assert labels == ["OP8", "OP8(a)", "OP8(b)", "OP8(c)", "OP8(d)"]
    assert resolution.paragraph("OP8(a)").text.startswith(
        "实施充分的人权保障措施，如强有力的数据保护"
    )


def test_footnote_text_belongs_to_the_paragraph_that_points_at_it(seeds):
    pp9 = seeds["37/7"].paragraph("PP9")
    assert pp9.footnotes == ("A/HRC/25/27。",)
    assert pp9.text.endswith("的报告，")  # marker `¹` removed, nothing else
    assert seeds["36/29"].paragraph("OP1").footnotes == ("A/HRC/34/24。",)
    assert seeds["51/5"].paragraph("PP8").footnotes == ("大会S-32/1号决议，附件。",)
    assert seeds["51/5"].paragraph("PP18").footnotes == ("大会第60/1号决议。",)


def test_markdown_markup_is_removed_from_57_12(seeds):
    pp18 = seeds["57/12"].paragraph("PP18")
    assert pp18.footnotes == ("A/HRC/56/32.",)
    assert "<sup>" not in pp18.text and "**" not in pp18.text
    assert pp18.text.startswith(
        "赞赏地注意到联合国人权事务高级专员办事处根据人权理事会第 51/12 号决议提交的报告，并欢迎"
    )
    assert seeds["57/12"].paragraph("PP8").text.startswith("又铭记所有人权和基本自由")
    assert seeds["57/12"].paragraph("OP1").text.startswith("鼓励各国和地方政府加强协调与合作")


def test_footnotes_in_the_middle_of_the_preamble_do_not_shift_labels(seeds):
    # 51/5 has its footnotes between PP18 and PP19.
    assert seeds["51/5"].paragraph("PP19").text.startswith("意识到各级的反腐斗争")
    assert seeds["51/5"].paragraph("PP22").text.startswith("还确认开放数据和数字技术")
    assert seeds["51/5"].paragraph("PP20").text.startswith("确认国际社会日益意识到广泛蔓延的腐败")


def test_no_paragraph_carries_markup_or_markers(seeds):
    for resolution in seeds.values():
        for paragraph in resolution.paragraphs:
            assert paragraph.text and paragraph.text == paragraph.text.strip()
            for debris in ("**", "<sup>", "](#)", "¹", "²", "#", "\n"):
                assert debris not in paragraph.text, paragraph.key


def test_operative_text_starts_after_its_number(seeds):
    assert seeds["37/7"].paragraph("OP8").text.startswith("赞赏地注意到 6 月 23 日举行的")
    assert seeds["36/29"].paragraph("OP9").text == "决定继续处理此事。"


@pytest.mark.parametrize(
    ("number", "title", "agenda", "adopted", "meeting"),
    [
        ("36/29", "促进国际合作，为国家人权后续行动体系", "10", date(2017, 9, 29), 42),
        ("37/7", "通过透明、负责、高效地提供公共服务促进人权", "3", date(2018, 3, 22), 53),
        ("51/5", "善治对促进和保护人权的作用", "3", date(2022, 10, 6), 40),
        ("57/12", "地方政府与人权", "3", date(2024, 10, 10), 47),
    ],
)
def test_metadata(seeds, number, title, agenda, adopted, meeting):
    resolution = seeds[number]
    assert resolution.title.startswith(title)
    assert resolution.symbol == f"A/HRC/RES/{number}"
    assert resolution.session == int(number.split("/")[0])
    assert resolution.agenda_item == agenda
    assert resolution.adopted == adopted
    assert resolution.meeting == meeting
    assert resolution.adopted_without_vote
    assert resolution.language == "zh"
