"""What the CLI does with malformed and hostile input (issue 12, findings 5, 6 and 8): a bad
batch line or resolution file is exit code 2 with a message naming the file and the line; a
file read with a warning says so on stderr; readable output never carries a raw control
character to the terminal. In-process, over the fake-encoder index (the `hrc_qa` fixture)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus import BUNDLED_CORPUS

CLEAN = (BUNDLED_CORPUS / "A_HRC_RES_37_7.zh.txt").read_text(encoding="utf-8")
RAW_CONTROL = [chr(code) for code in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))]


def batch(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "questions.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"q": 5}', '"q" must be a string, not a number'),
        ('{"question": ["腐败"]}', '"q" must be a string, not a list'),
        ('{"id": 5, "q": "腐败"}', '"id" must be a string, not a number'),
        ('{"id": true, "q": "腐败"}', '"id" must be a string, not true or false'),
        ('{"id": {"a": 1}, "q": "腐败"}', '"id" must be a string, not an object'),
        ('{"id": "a", "q": "\\ud800腐败"}', '"q" holds a lone surrogate'),
        ('{"id": "\\udfff", "q": "腐败"}', '"id" holds a lone surrogate'),
        ("[" * 100_000, 'not a JSON object like {"id": …, "q": …}'),
        ('"腐败"', "not a JSON object"),
        ("{'q': '腐败'}", "not a JSON object"),
    ],
)
def test_a_malformed_batch_line_is_named_and_nothing_is_answered(hrc_qa, tmp_path, line, problem):
    path = batch(tmp_path, '{"id": "a", "q": "腐败"}', line)
    for extra in ([], ["--json"]):
        result = hrc_qa("ask", "--batch", path, *extra)
        assert result.exit_code == 2, result.exception
        assert f"questions.jsonl, line 2: {problem}" in result.stderr
        assert result.stdout == ""


def test_every_bad_batch_line_is_listed_up_to_a_limit(hrc_qa, tmp_path):
    path = batch(tmp_path, '{"q": "腐败"}', *['{"q": 1}'] * 12)
    result = hrc_qa("ask", "--batch", path)
    assert result.exit_code == 2
    assert [line for line in result.stderr.splitlines() if ': "q" must be' in line] == [
        f'error: {path}, line {number}: "q" must be a string, not a number'
        if number == 2
        else f'{path}, line {number}: "q" must be a string, not a number'
        for number in range(2, 12)
    ]
    assert "… and 2 more lines" in result.stderr


def test_a_question_with_a_line_separator_is_one_line(hrc_qa, tmp_path):
    path = batch(tmp_path, json.dumps({"id": "a", "q": "腐败\u2028问题"}, ensure_ascii=False))
    result = hrc_qa("ask", "--batch", path, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "a"


def test_a_question_of_undecodable_bytes_is_refused(hrc_qa):
    # The shell passes bytes that are not UTF-8 as lone surrogates (`hrc-qa ask $'\xff'`).
    result = hrc_qa("ask", "\udcff\udcfe abc", "--json")
    assert result.exit_code == 2 and "The question must be text." in result.stderr


def test_a_file_with_an_impossible_date_exits_2_naming_file_and_line(hrc_qa, tmp_path):
    (tmp_path / "good.txt").write_text(CLEAN, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text(CLEAN.replace("2018 年 3 月 22 日通过", "2024年13月45日通过"), encoding="utf-8")
    # `paragraphs` shows nothing then; `index` indexes good.txt and exits 1 (some refused).
    for command, code in (
        (["paragraphs", tmp_path], 2),
        (["index", tmp_path, "--index", tmp_path / "i"], 1),
    ):
        result = hrc_qa(*command)
        assert result.exit_code == code, result.exception
        assert "bad.txt, line 13: the adoption date `2024年13月45日通过` is not a date" in (
            " ".join(result.stderr.split())
        )


def test_warnings_name_file_line_and_paragraph_and_the_file_is_still_read(hrc_qa, tmp_path):
    path = tmp_path / "skipped.txt"
    path.write_text(CLEAN.replace("\n3. ", "\n4. ").replace("\n4. 请", "\n5. 请"), encoding="utf-8")
    for extra in ([], ["--json"]):
        result = hrc_qa("paragraphs", path, *extra)
        assert result.exit_code == 0, result.stderr
        assert "warning: " in result.stderr
        assert f"{path}, line" in result.stderr and "there is no paragraph 3" in result.stderr
    index = hrc_qa("index", path, "--index", tmp_path / "index")
    assert index.exit_code == 0 and "there is no paragraph 3" in index.stderr


def test_readable_paragraphs_carry_no_raw_control_character(hrc_qa, tmp_path):
    path = tmp_path / "escapes.txt"
    hostile = "".join(RAW_CONTROL) + "\u202e"
    path.write_text(
        CLEAN.replace("遵循", f"遵{hostile}循").replace("37/7. 通过", "37/7. \x1b]0;pwned\x07通过"),
        encoding="utf-8",
    )
    result = hrc_qa("paragraphs", path)
    assert result.exit_code == 0, result.stderr
    assert not any(char in result.stdout for char in RAW_CONTROL)
    assert "37/7 PP1\t遵" in result.stdout


def test_an_error_naming_a_hostile_file_name_shows_its_escapes(hrc_qa, tmp_path):
    hostile = tmp_path / "\x1b[2J\x1b]0;title\x07.txt"
    result = hrc_qa("paragraphs", hostile)
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\\x1b[2J" in result.stderr and "cannot be read" in result.stderr
