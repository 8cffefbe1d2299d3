"""A right-to-left line drawn in visual order is read back in written order
(corpus/formats/bidi.py): checked against ICU's bidi algorithm (the one LibreOffice uses) and
its Arabic shaping, on the kinds of line Arabic resolutions hold, and on lines written out by
hand as they are seen."""

from __future__ import annotations

import pytest
from fixtures.documents import shaped, visual

from corpus.formats.bidi import RIGHT_TO_LEFT, fold_presentation_forms, logical_order

LINES = [
    "إن مجلس حقوق الإنسان،",
    "1- يسلّم بالدور المهم الذي تضطلع به الحكومات؛",
    "(أ) أن يعد تقريراً عن تقديم الخدمات العامة؛",
    "’1‘ الممارسات الجيدة للدول؛",
    "37/7- تعزيز حقوق الإنسان",
    "الأمم المتحدة A/HRC/RES/37/7",
    "26 شباط/فبراير - 23 آذار/مارس 2018",
    "مجلس الأمن Distr.: General 22 December 2023",
    "[اعتُمد دون تصويت.]",
    "إذ يشير إلى قراره 2712 (2023)¹ وإلى قرار الجمعية العامة 70/1،",
    "عنصراً أساسياً من عناصر الحكم الرشيد¹،",
    'المعنون "تحويل عالمنا: خطة التنمية المستدامة لعام 2030"،',
    "¹ انظر S/RES/2712 (2023) والوثيقة S/2023/1000.",
    "يشير إلى القرارين 5/1 و 5/2 (2007)",
    "في تقريره (A/HRC/25/27) المقدم إلى المجلس",
    "وثيقة (E/2019/L.1)، و A/RES/70/1 (2015).",
    "بنسبة 50% من الأصوات",
    "لا إله إلا الله",
    "الجلسة 53",
    "¹ A/HRC/25/27.",  # a footnote of an Arabic text: a right-to-left paragraph all the same
]


@pytest.mark.parametrize("line", LINES)
def test_a_line_laid_out_by_icu_is_read_back_as_written(line):
    assert "".join(logical_order(list(visual(line)))) == line


@pytest.mark.parametrize("line", LINES)
def test_a_shaped_line_is_read_back_as_written_letters(line):
    seen = visual(shaped(line))
    assert seen != visual(line) or not RIGHT_TO_LEFT.search(line)  # shaped: forms, ligatures
    assert fold_presentation_forms("".join(logical_order(list(seen)))) == line


@pytest.mark.parametrize(
    ("seen", "written"),
    [
        # Written out as they are seen on the page, left to right.
        ("(2023) 2712 هرارق", "قراره 2712 (2023)"),  # two numbers in a right-to-left pair
        ("S/RES/2720 (2023) رارقلا", "القرار S/RES/2720 (2023)"),  # one left-to-right run
        ("(A) 23-26321", "23-26321 (A)"),  # `(A)` after a number: right to left
        ("،¹ديشرلا", "الرشيد¹،"),
    ],
)
def test_lines_written_out_as_seen_are_read_back_as_written(seen, written):
    assert "".join(logical_order(list(seen))) == written


def test_a_pdf_character_holding_two_letters_and_a_mark_drawn_after_its_letter_stay_whole():
    # A lam-alef glyph a file maps to the two letters; a shadda drawn on its letter.
    assert logical_order(["ا", "لا", " ", "م", "ل", "\u0651", "س"]) == [
        "س",
        "ل\u0651",
        "م",
        " ",
        "لا",
        "ا",
    ]


def test_a_latin_word_before_a_number_is_read_so_where_the_page_cannot_tell():
    """`70/1 A` and `A 70/1` written in a right-to-left line look the same on the page."""
    assert visual("قرار 70/1 A و") == visual("قرار A 70/1 و")
    assert "".join(logical_order(list(visual("قرار 70/1 A و")))) == "قرار A 70/1 و"


@pytest.mark.parametrize(
    ("shaped_text", "letters"),
    [
        ("\ufefb", "لا"),  # lam-alef
        ("\ufef9", "لإ"),  # lam-alef with hamza below
        ("\ufe8d\ufef9\ufee7\ufeb4\ufe8e\ufee5", "الإنسان"),
        ("\ufe97\ufe8e\ufe7d", "تا\u0651"),  # a shadda's medial form: its tatweel dropped
        ("\ufe7c", "\u0651"),  # its isolated form: the space dropped
        ("A/HRC/RES/57/12 ¹", "A/HRC/RES/57/12 ¹"),  # nothing else is folded
    ],
)
def test_presentation_forms_fold_to_the_letters_they_show(shaped_text, letters):
    assert fold_presentation_forms(shaped_text) == letters
