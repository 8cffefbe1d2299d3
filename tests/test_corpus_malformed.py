"""Malformed and hostile resolution files (issue 12, findings 6, 7 and 8): every one is read
or refused with a `ResolutionError` naming the file and the line, in time linear in its size;
what looks wrong in a file that is still read (a skipped or repeated number) is a
`ResolutionWarning` naming the file, the line and the paragraph; control characters never
reach a paragraph."""

from __future__ import annotations

import random
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from corpus import (
    BUNDLED_CORPUS,
    Resolution,
    ResolutionError,
    ResolutionWarning,
    read_resolution,
    read_resolutions,
)
from corpus import reader as corpus_reader
from corpus.normalize import decode
from corpus.parser import parse_resolution

CLEAN = (BUNDLED_CORPUS / "A_HRC_RES_37_7.zh.txt").read_text(encoding="utf-8")
ENGLISH = Path(__file__).parent / "fixtures" / "layouts" / "A_HRC_RES_37_7.en.txt"
TRAILER = "\n\n2018 年 3 月 22 日\n\n第 53 次会议\n\n[未经表决获得通过。]\n"


def write(folder: Path, text: str, name: str = "resolution.txt") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, line: str) -> int:
    """The number of the first line of `text` that is `line`."""
    return text.split("\n").index(line) + 1


def numbered(numbers: list[int | str]) -> str:
    """37/7 with these operative paragraph numbers, in this order."""
    head = CLEAN.split("\n1. ", 1)[0]
    body = "".join(f"\n{number}. 第{number}段的案文；\n" for number in numbers)
    return head + body + TRAILER


@contextmanager
def no_file_warnings() -> Iterator[None]:
    with warnings.catch_warnings():
        warnings.simplefilter("error", ResolutionWarning)
        yield


# -------------------------------------------------------------- 6: refused, naming file and line


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("2024年13月45日", "month must be in 1..12"),
        ("2018 年 2 月 30 日", "day is out of range for month"),
        ("0000 年 3 月 22 日", "year 0 is out of range"),
    ],
)
def test_an_adoption_date_that_is_no_date_is_refused_naming_file_and_line(
    tmp_path, written, reason
):
    path = write(tmp_path, CLEAN.replace("2018 年 3 月 22 日通过", f"{written}通过"))
    with pytest.raises(ResolutionError) as raised:
        read_resolution(path)
    assert str(raised.value) == (
        f"{path}, line 13: the adoption date `{written}通过` is not a date ({reason})"
    )


def test_a_trailer_date_that_is_no_date_names_its_line(tmp_path):
    text = CLEAN.replace("人权理事会 2018 年 3 月 22 日通过的决议", "人权理事会通过的决议")
    path = write(tmp_path, text.replace("\n2018 年 3 月 22 日\n", "\n2018 年 2 月 30 日\n"))
    with pytest.raises(ResolutionError, match=r", line 87: the adoption date `2018 年 2 月 30 日`"):
        read_resolution(path)


def test_an_english_date_that_is_no_date_names_its_line(tmp_path):
    text = ENGLISH.read_text(encoding="utf-8").replace("on 22 March 2018", "on 30 February 2018")
    path = write(tmp_path, text)
    with pytest.raises(ResolutionError, match=r", line 18: .*30 February 2018` is not a date"):
        read_resolution(path)


def test_in_a_batch_the_file_with_the_bad_date_is_named(tmp_path):
    write(tmp_path, CLEAN, "A_HRC_RES_37_7.zh.txt")
    bad = write(tmp_path, CLEAN.replace("2018 年 3 月 22 日通过", "2024年13月45日通过"), "bad.txt")
    with pytest.raises(ResolutionError, match=rf"{bad}, line 13: the adoption date"):
        read_resolutions([tmp_path])


@pytest.mark.parametrize(
    "raw",
    [
        b"\xff\xfe" + "人权理事会，".encode("utf-16-le") + b"\x41",  # an odd byte at the end
        b"\xff\xfe\x00\xd8\x41\x00",  # a lone high surrogate
        b"\xfe\xff\x00",
    ],
)
def test_a_file_that_only_starts_like_utf16_is_refused(tmp_path, raw):
    path = tmp_path / "utf16.txt"
    path.write_bytes(raw)
    with pytest.raises(ResolutionError, match=r"utf16\.txt: the file is not UTF-16 text"):
        read_resolution(path)


@pytest.mark.parametrize("number", ["0/0", "0/5", "5/0", "05/3"])
def test_a_resolution_number_counting_from_zero_is_refused(tmp_path, number):
    path = write(tmp_path, CLEAN.replace("37/7. 通过", f"{number}. 通过"))
    with pytest.raises(ResolutionError, match=rf", line 15: `{number}` is not a resolution number"):
        read_resolution(path)


def test_mangled_copies_of_real_files_are_read_or_refused_never_a_traceback():
    """Random bytes inserted, deleted and repeated in the bundled files: each copy gives a
    resolution or a ResolutionError, whatever the damage."""
    rng = random.Random(12)
    sources = [path.read_bytes() for path in sorted(BUNDLED_CORPUS.glob("*.txt"))]
    pieces = [b"\x00", b"\x1b[31m", b"\xff\xfe", b"\n", b"1. ", b"999999999. ", b"(a) ", b"\xe5"]
    pieces += [b"0/0. ", "年13月45日".encode(), b"[", b"<a", "¹".encode(), b"\r", b"\x0c"]
    outcomes = {"read": 0, "refused": 0}
    for _ in range(300):
        data = bytearray(rng.choice(sources))
        for _ in range(rng.randint(1, 8)):
            at = rng.randrange(len(data))
            action = rng.random()
            if action < 0.5:
                data[at:at] = rng.choice(pieces) * rng.randint(1, 3)
            elif action < 0.8:
                del data[at : at + rng.randint(1, 200)]
            else:
                data[at:at] = data[at : at + rng.randint(1, 400)]
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ResolutionWarning)
                parse_resolution(decode(bytes(data), "mangled"), "mangled")
            outcomes["read"] += 1
        except ResolutionError as error:
            assert str(error).startswith("mangled")
            outcomes["refused"] += 1
    assert outcomes["read"] and outcomes["refused"]  # both kinds of outcome were exercised


# ------------------------------------------------------------------ 7: linear, and a size limit


def lines_run(text: str) -> int:
    """How many lines of Python the parser runs on `text`: work, counted without a clock."""
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return trace

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolutionWarning)
        sys.settrace(trace)
        try:
            parse_resolution(text, "generated")
        finally:
            sys.settrace(None)
    return count


@pytest.mark.parametrize(
    "shape",
    [
        pytest.param(lambda n: numbered(list(range(1, n + 1))), id="n operative paragraphs"),
        pytest.param(
            lambda n: CLEAN.replace("人权理事会，\n", "人权理事会，\n" + "第一行文字\n" * n, 1),
            id="one paragraph of n lines",
        ),
        pytest.param(
            lambda n: CLEAN.replace("人权理事会，\n", "人权理事会，\n" + "序言段落，\n\n" * n, 1),
            id="n preambular paragraphs",
        ),
    ],
)
def test_the_parsers_work_grows_linearly_with_the_file(shape):
    # Four times the paragraphs must cost at most about four times the work. The parser this
    # replaces, which rescanned every paragraph for each line, ran 6.5 times the lines of
    # Python for n operative paragraphs and 12 times for n preambular ones.
    small, large = lines_run(shape(500)), lines_run(shape(2000))
    assert large < 4.5 * small, (small, large)


def test_fifty_thousand_paragraphs_parse_with_every_number(tmp_path):
    resolution = read_resolution(write(tmp_path, numbered(list(range(1, 50_001)))))
    operative = [p for p in resolution.paragraphs if p.part == "operative"]
    assert [p.number for p in operative] == list(range(1, 50_001))
    assert operative[-1].label == "OP50000" and operative[-1].text == "第50000段的案文；"


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:  # 50 MB, as in the issue, without a real resolution
        handle.write(CLEAN.encode())
        handle.truncate(50 * 10**6)
    with pytest.raises(ResolutionError, match=r"big\.txt: the file is larger than 10 MiB"):
        read_resolution(big)


def test_the_limit_is_on_bytes_read_so_a_file_that_never_ends_is_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(corpus_reader, "MAX_FILE_BYTES", 1024)
    with pytest.raises(ResolutionError, match="larger than"):
        read_resolution("/dev/zero")
    with pytest.raises(ResolutionError, match="larger than"):
        read_resolution(write(tmp_path, CLEAN))  # 37/7 is 7 KB


@pytest.mark.parametrize(
    "line",
    ["[" * 1_000_000, "<a" * 500_000, "[a](" * 250_000, "**a" * 300_000, "¹" * 100_000],
)
def test_a_pathological_line_is_read_in_one_pass(tmp_path, line):
    # Patterns that rescanned the line from each `[` or `<` took hours on these.
    text = CLEAN.replace("人权理事会，\n", f"人权理事会，\n\n{line}\n", 1)
    resolution = read_resolution(write(tmp_path, text))
    assert resolution.paragraph("OP9").text.startswith("请联合国人权事务高级专员")


# ------------------------------------------------------------- 8: no silent wrong parse


def test_any_number_of_paragraphs_keeps_its_numbers_beyond_999():
    resolution = parse_resolution(numbered(list(range(1, 1201))), "many")
    assert resolution.paragraph("OP1000").text == "第1000段的案文；"
    assert max(len(p.text) for p in resolution.paragraphs if p.part == "operative") < 20


def test_a_skipped_operative_number_is_reported_and_the_rest_kept():
    text = numbered([1, 2, 4, 5])
    with pytest.warns(ResolutionWarning) as caught:
        resolution = parse_resolution(text, "skipped.txt")
    assert [str(w.message) for w in caught] == [
        f"skipped.txt, line {line_of(text, '4. 第4段的案文；')}: operative paragraph 4 follows "
        "paragraph 2: there is no paragraph 3"
    ]
    assert [p.label for p in resolution.paragraphs if p.part == "operative"] == [
        *("OP1", "OP2", "OP4", "OP5")
    ]


def test_a_repeated_operative_number_is_reported_and_its_text_kept():
    text = numbered([1, 2, 2, 3])
    with pytest.warns(ResolutionWarning) as caught:
        resolution = parse_resolution(text, "repeated.txt")
    second = line_of(text, "2. 第2段的案文；") + 2
    assert [str(w.message) for w in caught] == [
        f"repeated.txt, line {second}: `2.` opens this line but is not the next operative "
        "paragraph number (3): it is read as text"
    ]
    assert resolution.paragraph("OP2").text == "第2段的案文；2. 第2段的案文；"
    assert resolution.paragraph("OP3").text == "第3段的案文；"


def test_a_year_at_the_start_of_a_wrapped_line_stays_text_and_is_reported():
    text = numbered([1, 2, "2015", 3])
    year = line_of(text, "2015. 第2015段的案文；")
    with pytest.warns(ResolutionWarning, match=rf"line {year}: `2015\.` opens this line"):
        resolution = parse_resolution(text, "year.txt")
    assert [p.number for p in resolution.paragraphs if p.part == "operative"] == [1, 2, 3]


def test_a_repeated_subparagraph_letter_is_reported_and_labels_stay_unique():
    text = (BUNDLED_CORPUS / "A_HRC_RES_51_5.zh.txt").read_text(encoding="utf-8")
    text = text.replace("\n- (c) ", "\n- (b) ", 1)
    with pytest.warns(ResolutionWarning, match=r"`\(b\)` opens this line but OP17\(b\) came"):
        resolution = parse_resolution(text, "51_5.txt")
    labels = [p.label for p in resolution.paragraphs]
    assert len(labels) == len(set(labels)) and "OP17(c)" not in labels


def test_the_bundled_corpus_and_every_layout_read_without_a_warning():
    layouts = Path(__file__).parent / "fixtures" / "layouts"
    with no_file_warnings():
        assert len(read_resolutions([BUNDLED_CORPUS])) == 4
        for layout in layouts.glob("*.txt"):
            read_resolution(layout)


def test_control_characters_are_removed_from_the_text(tmp_path):
    text = CLEAN.replace("遵循《联合国宪章》", "遵\x00循\x1b[31m《联合国\x7f宪章》\x0c\x9b")
    resolution = read_resolution(write(tmp_path, text))
    assert resolution.paragraph("PP1").text == "遵循[31m《联合国宪章》 的宗旨和原则，"
    for paragraph in resolution.paragraphs:
        assert not any(ord(char) < 32 or 0x7F <= ord(char) < 0xA0 for char in paragraph.text)


def test_a_form_feed_between_words_keeps_them_apart(tmp_path):
    english = ENGLISH.read_text(encoding="utf-8").replace("Guided by", "Guided\x0cby")
    resolution: Resolution = read_resolution(write(tmp_path, english))
    assert resolution.paragraph("PP1").text.startswith("Guided by the purposes")
