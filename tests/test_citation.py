"""Citation strings are exactly those of docs/citations.md, in both languages and both forms."""

import pytest

from corpus import BUNDLED_CORPUS, cite, read_resolution


@pytest.fixture(scope="module")
def resolution_51_5():
    return read_resolution(BUNDLED_CORPUS / "A_HRC_RES_51_5.zh.txt")


@pytest.mark.parametrize(
    ("label", "language", "long", "expected"),
    [
        ("OP17", "zh", False, "人权理事会第51/5号决议第17段"),
        ("OP17(a)", "zh", False, "人权理事会第51/5号决议第17段(a)项"),
        ("PP3", "zh", False, "人权理事会第51/5号决议序言部分第3段"),
        ("OP17", "en", False, "Human Rights Council resolution 51/5, para. 17"),
        ("OP17(a)", "en", False, "Human Rights Council resolution 51/5, para. 17 (a)"),
        ("PP3", "en", False, "Human Rights Council resolution 51/5, preambular para. 3"),
        ("OP17", "zh", True, "人权理事会2022年10月6日第51/5号决议第17段"),
        ("OP17", "en", True, "Human Rights Council resolution 51/5 of 6 October 2022, para. 17"),
        (
            "PP3",
            "en",
            True,
            "Human Rights Council resolution 51/5 of 6 October 2022, preambular para. 3",
        ),
    ],
)
def test_citation_strings(resolution_51_5, label, language, long, expected):
    assert cite(resolution_51_5, resolution_51_5.paragraph(label), language, long) == expected


def test_unknown_language_is_refused(resolution_51_5):
    with pytest.raises(ValueError, match="zh, en, fr, es, ru, ar"):
        cite(resolution_51_5, resolution_51_5.paragraph("OP1"), "de")
