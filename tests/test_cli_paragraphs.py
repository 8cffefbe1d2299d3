"""`hrc-qa paragraphs`: the labelled paragraphs, or a clear error with exit code 2. In-process
(the `hrc_qa` fixture), except one run of the installed command."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import BUNDLED_CORPUS

HRC_QA = Path(sys.executable).with_name("hrc-qa")


def test_the_installed_command_prints_json_lines():
    result = subprocess.run(
        [str(HRC_QA), "paragraphs", str(BUNDLED_CORPUS / "A_HRC_RES_37_7.zh.txt"), "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 32


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        ("A_HRC_RES_36_29.zh.txt", 33),
        ("A_HRC_RES_37_7.zh.txt", 32),
        ("A_HRC_RES_51_5.zh.txt", 53),
        ("A_HRC_RES_57_12.zh.txt", 50),
    ],
)
def test_json_lines_carry_the_contract_fields(hrc_qa, file, expected):
    result = hrc_qa("paragraphs", BUNDLED_CORPUS / file, "--json")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == expected
    for record in records:
        assert {"resolution", "symbol", "paragraph", "part", "text", "footnotes"} <= set(record)


def test_json_record_of_a_footnoted_paragraph(hrc_qa):
    result = hrc_qa("paragraphs", BUNDLED_CORPUS / "A_HRC_RES_37_7.zh.txt", "--json")
    pp9 = next(
        record
        for record in map(json.loads, result.stdout.splitlines())
        if record["paragraph"] == "PP9"
    )
    assert pp9["symbol"] == "A/HRC/RES/37/7" and pp9["part"] == "preambular"
    assert pp9["footnotes"] == ["A/HRC/25/27。"]
    assert pp9["citation"] == {
        "zh": "人权理事会第37/7号决议序言部分第9段",
        "en": "Human Rights Council resolution 37/7, preambular para. 9",
        "fr": "résolution 37/7 du Conseil des droits de l’homme, alinéa 9 du préambule",
        "es": "resolución 37/7 del Consejo de Derechos Humanos, párrafo 9 del preámbulo",
        "ru": "резолюция 37/7 Совета по правам человека, пункт 9 преамбулы",
        "ar": "قرار مجلس حقوق الإنسان 37/7، الفقرة 9 من الديباجة",
    }


def test_readable_output_names_each_paragraph(hrc_qa):
    result = hrc_qa("paragraphs", BUNDLED_CORPUS / "A_HRC_RES_51_5.zh.txt")
    assert "51/5 OP17(c)\t编写一份小组讨论会报告" in result.stdout


def test_a_bad_file_exits_2_with_its_name_and_prints_nothing(hrc_qa):
    malformed = Path(__file__).parent / "fixtures" / "malformed" / "empty.txt"
    result = hrc_qa("paragraphs", BUNDLED_CORPUS / "A_HRC_RES_51_5.zh.txt", malformed)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "empty.txt: the file is empty" in result.stderr
