"""`hrc-qa ask`, `eval` and `index` as a user runs them: readable text, the JSON contract,
batches, and exit code 2 with a clear message for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

HRC_QA = str(Path(sys.executable).with_name("hrc-qa"))
FIXTURES = Path(__file__).parent / "fixtures"


def run(env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [HRC_QA, *arguments], capture_output=True, text=True, env=env, check=False
    )


def test_ask_prints_the_quote_and_its_citation(index_env):
    result = run(
        index_env, "ask", "世界城市论坛第十二届会议在哪里举行，主题是什么？", "--top-k", "2"
    )
    assert result.returncode == 0, result.stderr
    assert "[1] 人权理事会第57/12号决议序言部分第5段  A/HRC/RES/57/12  2024-10-10" in result.stdout
    assert "开罗" in result.stdout


def test_ask_json_follows_the_contract_with_filters(index_env):
    result = run(
        index_env,
        "ask",
        "腐败对享有人权有哪些有害影响？",
        "--json",
        "-k",
        "3",
        "--resolution",
        "51/5",
        "--part",
        "preambular",
    )
    answer = json.loads(result.stdout)
    assert answer["status"] == "ok" and len(answer["results"]) == 3
    assert {(r["resolution"], r["part"]) for r in answer["results"]} == {("51/5", "preambular")}
    assert answer["results"][0]["paragraph"] == "PP20"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["ask", "   "], "请输入一个问题。"),
        (["ask", "🙂🙂", "--json"], "问题里没有可以检索的文字"),
        (["ask", "corruption", "--resolution", "99/1"], "Resolution 99/1 is not in the index"),
        (["ask", "corruption", "--part", "annex"], "The part must be preambular or operative"),
        (["ask", "腐败", "--part", "annex"], "段落范围应为 preambular（序言部分）或 operative"),
        (["ask", "corruption", "--year", "twenty"], "The year must be a whole number or a range"),
        (["ask", "corruption", "--year", "2022-2018"], "The year range 2022–2018 is empty"),
        (["ask", "x" * 100_000], "The question is too long (100000 characters)"),
    ],
)
def test_bad_input_exits_2_with_a_message(index_env, arguments, message):
    result = run(index_env, *arguments)
    assert result.returncode == 2
    assert message in result.stdout + result.stderr


def test_batch_answers_every_line_and_copies_ids(index_env, tmp_path):
    questions = tmp_path / "questions.jsonl"
    questions.write_text(
        "\n".join(
            json.dumps(item, ensure_ascii=False)
            for item in [
                {"id": "a", "q": "第57/12号决议执行部分第10段"},
                {"id": "b", "q": "Tell me a joke about cats."},
                {"id": "c", "q": ""},
            ]
        ),
        encoding="utf-8",
    )
    result = run(index_env, "ask", "--batch", str(questions), "--json")
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(a["id"], a["status"]) for a in answers] == [
        ("a", "ok"),
        ("b", "no_match"),
        ("c", "error"),
    ]
    assert answers[0]["results"][0]["paragraph"] == "OP10"
    assert result.returncode == 2  # one question in the batch was bad


def test_eval_prints_the_figures_and_the_misses(index_env):
    result = run(index_env, "eval", str(Path(__file__).parents[1] / "eval" / "dev.jsonl"))
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1].startswith("answer: hit@1 ")


def test_index_adds_and_removes_a_resolution_and_refuses_a_bad_file(index_env, tmp_path):
    env = index_env | {"HRC_QA_INDEX": str(tmp_path)}
    built = run(env, "index")
    assert "4 resolutions, 168 paragraphs" in built.stdout
    added = run(env, "index", str(FIXTURES / "layouts" / "A_HRC_RES_37_7.en.txt"))
    assert "added: 37/7.en" in added.stdout and "32 paragraphs embedded" in added.stdout
    refused = run(env, "index", str(FIXTURES / "malformed" / "not_a_resolution.txt"))
    assert refused.returncode == 2 and "The index was not changed." in refused.stderr
    removed = run(env, "index", "--remove", "37/7.en")
    assert "removed: 37/7.en" in removed.stdout and "168 paragraphs" in removed.stdout
    again = run(env, "index")
    assert "Up to date, nothing saved" in again.stdout and "0 paragraphs embedded" in again.stdout
