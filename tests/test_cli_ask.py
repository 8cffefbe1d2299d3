"""`hrc-qa ask`, `eval` and `index` as a user runs them: readable text, the JSON contract,
batches, and exit code 2 with a clear message for bad input.

The commands run in-process over the fake-encoder index (the `hrc_qa` fixture); one test runs
the installed command for real, with the real model, as a user would.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from qa import places

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.slow
def test_the_installed_command_prints_the_quote_and_its_citation(index_env):
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("hrc-qa")),
            "ask",
            "世界城市论坛第十二届会议在哪里举行，主题是什么？",
            "--top-k",
            "2",
        ],
        capture_output=True,
        text=True,
        env=index_env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "[1] 人权理事会第57/12号决议序言部分第5段  A/HRC/RES/57/12  2024-10-10" in result.stdout
    assert "开罗" in result.stdout


@pytest.mark.slow
def test_an_answer_loads_no_library_only_other_commands_need(index_env):
    # What a cold `hrc-qa ask` would spend its time importing: the web app, torch and the
    # libraries that build a model, a tokenizer or a keyword index (bm25s brings scipy),
    # importlib.metadata (with email, zipfile and csv) for versions the packages also give, and
    # Babel, whose place names `hrc-qa index` makes into a table (made here if not yet).
    places.prepare()
    code = (
        "import sys, qa.cli\n"
        "from qa.assistant import Assistant\n"
        "assert Assistant.open().ask('联合国公共服务日是哪一天？').status == 'ok'\n"
        "unneeded = {'gradio', 'torch', 'transformers', 'sentence_transformers', 'tokenizers',\n"
        "            'safetensors', 'bm25s', 'scipy', 'pdfplumber', 'docx', 'sentencepiece',\n"
        "            'importlib.metadata', 'babel'}\n"
        "print(sorted(unneeded & set(sys.modules)))\n"
    )
    assert _python(code, index_env).stdout.strip() == "[]"


@pytest.mark.slow
def test_the_command_answers_without_loading_what_only_other_commands_need(index_env):
    # The whole `hrc-qa ask` as installed (click's parsing, the printing), not only the
    # assistant: an import hook names every library of another command the moment it loads.
    unneeded = {
        "gradio", "torch", "transformers", "sentence_transformers", "tokenizers", "safetensors",
        "bm25s", "scipy", "pdfplumber", "docx", "sentencepiece", "snowballstemmer", "simplemma",
        "pydantic", "typer", "babel",
    }  # fmt: skip
    places.prepare()
    code = (
        "import sys\n"
        f"unneeded = {sorted(unneeded)!r}\n"
        "def hook(event, args):\n"
        "    if event == 'import' and args[0].partition('.')[0] in unneeded:\n"
        "        sys.stderr.write(f'loaded {args[0]}\\n')\n"
        "sys.addaudithook(hook)\n"
        "from qa.launch import main\n"
        "sys.argv = ['hrc-qa', 'ask', '联合国公共服务日是哪一天？', '--top-k', '1']\n"
        "main()\n"
    )
    run = _python(code, index_env)
    assert "[1] 人权理事会第37/7号决议第9段  A/HRC/RES/37/7  2018-03-22  直接相关" in run.stdout
    assert "loaded" not in run.stderr


@pytest.mark.slow
def test_an_english_answer_finds_a_word_through_its_lemma_without_loading_the_lemmatiser(
    index_env,
):
    # `women` is glossed only 女人家, which no resolution holds; its lemma's gloss `woman`
    # gives 妇女, which they do, so the word is not counted missing. The lemmas are read from
    # the gloss table (made here first, as `hrc-qa index` makes it), never from simplemma,
    # whose English data would stay in the process's memory.
    from qa.translate import prepare

    prepare()
    code = (
        "import sys\n"
        "def hook(event, args):\n"
        "    if event == 'import' and args[0].partition('.')[0] == 'simplemma':\n"
        "        sys.stderr.write(f'loaded {args[0]}\\n')\n"
        "sys.addaudithook(hook)\n"
        "from qa.launch import main\n"
        "sys.argv = ['hrc-qa', 'ask', 'women in decision-making', '--top-k', '1', '--json']\n"
        "main()\n"
    )
    run = _python(code, index_env)
    answer = json.loads(run.stdout)
    assert answer["missing"] == []
    assert "妇女" in answer["results"][0]["text"]
    assert "loaded" not in run.stderr


@pytest.mark.slow
def test_only_a_question_translated_through_english_reads_the_english_vectors(index_env, encoder):
    # The vectors of the English glosses (tens of megabytes, memory-mapped) are for French,
    # Spanish, Russian and Arabic questions over the Chinese corpus: a Chinese or an English
    # answer never opens them.
    from qa.translate import prepare, prepare_english_vectors

    prepare()
    prepare_english_vectors(encoder)
    opened = {}
    for question in (
        "联合国公共服务日是哪一天？",
        "women in decision-making",
        "Que dit le Conseil sur la fracture numérique ?",
    ):
        code = (
            "import sys\n"
            "def hook(event, args):\n"
            "    if event == 'open' and 'english-vectors' in str(args[0]):\n"
            "        sys.stderr.write('opened the English vectors\\n')\n"
            "sys.addaudithook(hook)\n"
            "from qa.launch import main\n"
            f"sys.argv = ['hrc-qa', 'ask', {question!r}, '--top-k', '1']\n"
            "main()\n"
        )
        opened[question] = "opened the English vectors" in _python(code, index_env).stderr
    assert opened == {
        "联合国公共服务日是哪一天？": False,
        "women in decision-making": False,
        "Que dit le Conseil sur la fracture numérique ?": True,
    }


def _python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """`code` run by this Python in a process of its own, which must succeed."""
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert run.returncode == 0, run.stderr
    return run


@pytest.mark.slow
def test_the_command_reports_a_bad_filter_and_exits_2_while_the_model_opens(index_env):
    # The model starts opening before the filters are checked; the error must still come out
    # whole, and the process end with code 2 (it leaves without waiting for the session).
    command = [str(Path(sys.executable).with_name("hrc-qa")), "ask", "人权", "--part", "foo"]
    run = subprocess.run(command, capture_output=True, text=True, env=index_env, check=False)
    assert run.returncode == 2
    assert "foo" in run.stderr and "preambular" in run.stderr
    assert run.stdout == ""


def test_only_ask_with_the_default_model_starts_it_before_the_line_is_read(monkeypatch):
    import embeddings.model
    from qa.launch import started_model

    monkeypatch.setattr(embeddings.model, "start_encoder", lambda: "the default model")
    assert started_model(["ask", "人权", "-k", "3"]) == "the default model"
    assert started_model(["ask", "--help"]) == "the default model"
    for other in (
        ["ask", "人权", "--model", "/models/mine"],
        ["ask", "--model=/models/mine", "人权"],
        ["index"],
        ["check", "draft.docx"],
        ["--help"],
        [],
    ):
        assert started_model(other) is None, other


def test_help_lists_every_command_and_each_argument_and_option(hrc_qa):
    commands = hrc_qa("--help")
    assert commands.exit_code == 0
    listed = [line.split()[0] for line in commands.stdout.split("Commands:")[1].splitlines()[1:]]
    assert listed == ["paragraphs", "index", "ask", "check", "eval", "bench", "serve"]
    ask = hrc_qa("ask", "--help").stdout
    assert "The question, in any of the six official UN languages." in ask
    assert "How many paragraphs.  [default: 5]" in ask and "--index PATH" in ask


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["ask", "人权", "--top-k", "x"], "Invalid value for '--top-k' / '-k'"),
        (["ask", "人权", "--bogus"], "No such option '--bogus'"),
        (["paragraphs"], "Missing argument 'PATHS...'"),
        (["translate"], "No such command 'translate'"),
    ],
)
def test_a_command_line_it_cannot_read_exits_2_with_usage(hrc_qa, arguments, message):
    result = hrc_qa(*arguments)
    assert result.exit_code == 2
    assert message in result.stderr and "--help" in result.stderr


def test_ask_prints_the_quote_with_its_citation_and_marks_the_words(hrc_qa):
    result = hrc_qa("ask", "世界城市论坛第十二届会议在哪里举行，主题是什么？", "--top-k", "2")
    assert result.exit_code == 0, result.stderr
    assert "[1] 人权理事会第57/12号决议序言部分第5段  A/HRC/RES/57/12  2024-10-10" in result.stdout
    assert "开罗" in result.stdout


def test_ask_json_follows_the_contract_with_filters(hrc_qa):
    result = hrc_qa(
        "ask", "腐败对享有人权有哪些有害影响？", "--json", "-k", "3",
        "--resolution", "51/5", "--part", "preambular", "--year", "2022", "--session", "51",
    )  # fmt: skip
    answer = json.loads(result.stdout)
    assert answer["status"] == "ok" and len(answer["results"]) == 3
    assert {(r["resolution"], r["part"]) for r in answer["results"]} == {("51/5", "preambular")}
    assert all(r["id"] == f"A/HRC/RES/51/5:{r['paragraph']}:zh" for r in answer["results"])


def test_a_year_is_that_year_and_a_range_may_be_open(hrc_qa):
    def years(option: str) -> set[str]:
        result = hrc_qa("ask", "人权", "--json", "-k", "50", "--year", option)
        return {r["adopted"][:4] for r in json.loads(result.stdout)["results"]}

    assert years("2018") == {"2018"}
    assert years("2022-") == {"2022", "2024"}
    assert years("-2018") == {"2017", "2018"}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["ask", "   "], "请输入一个问题。"),
        (["ask", "🙂🙂", "--json"], "问题里没有可以检索的文字"),
        (["ask", "corruption", "--resolution", "99/1"], "Resolution 99/1 is not in the index"),
        (
            ["ask", "corruption", "--part", "appendix"],
            "The part must be preambular, operative or annex",
        ),
        (["ask", "腐败", "--part", "appendix"], "段落范围应为 preambular（序言部分）、operative"),
        (["ask", "corruption", "--year", "twenty"], "The year must be a whole number or a range"),
        (["ask", "corruption", "--year", "2022-2018"], "The year range 2022–2018 is empty"),
        (["ask", "腐败", "--session", "57-51"], "届会范围 57–51 无效"),
        (["ask", "x" * 100_000], "The question is too long (100000 characters)"),
        (["ask", "腐败", "--batch", "questions.jsonl"], "give a question, or --batch FILE"),
    ],
)
def test_bad_input_exits_2_with_a_message(hrc_qa, arguments, message):
    result = hrc_qa(*arguments)
    assert result.exit_code == 2
    assert message in result.stdout + result.stderr


def test_batch_answers_every_line_and_copies_ids(hrc_qa, tmp_path):
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
    result = hrc_qa("ask", "--batch", questions, "--json")
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(a["id"], a["status"]) for a in answers] == [
        ("a", "ok"),
        ("b", "no_match"),
        ("c", "error"),
    ]
    assert answers[0]["results"][0]["paragraph"] == "OP10"
    assert result.exit_code == 2  # one question in the batch was bad


def test_a_batch_line_that_is_not_a_question_object_is_named(hrc_qa, tmp_path):
    questions = tmp_path / "questions.jsonl"
    questions.write_text('{"id": "a", "q": "腐败"}\n[1, 2]\n', encoding="utf-8")
    result = hrc_qa("ask", "--batch", questions)
    assert result.exit_code == 2
    assert "questions.jsonl, line 2: not a JSON object" in result.stderr


def test_eval_prints_the_figures_and_the_misses(hrc_qa):
    result = hrc_qa("eval", Path(__file__).parents[1] / "eval" / "dev.jsonl")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[-1].startswith("answer: hit@1 ")


def test_index_adds_and_removes_a_resolution_and_refuses_a_bad_file(hrc_qa, tmp_path):
    home = ["--index", tmp_path]
    built = hrc_qa("index", *home)
    assert "4 resolutions, 168 paragraphs" in built.stdout
    added = hrc_qa("index", FIXTURES / "layouts" / "A_HRC_RES_37_7.en.txt", *home)
    assert "added: 37/7.en" in added.stdout and "32 paragraphs embedded" in added.stdout
    refused = hrc_qa("index", FIXTURES / "malformed" / "not_a_resolution.txt", *home)
    assert refused.exit_code == 2 and "The index was not changed." in refused.stderr
    removed = hrc_qa("index", "--remove", "37/7.en", *home)
    assert "removed: 37/7.en" in removed.stdout and "168 paragraphs" in removed.stdout
    unknown = hrc_qa("index", "--remove", "99/1", *home)
    assert unknown.exit_code == 2 and "not in the index: 99/1" in unknown.stderr
    again = hrc_qa("index", *home)
    assert "Up to date, nothing saved" in again.stdout and "0 paragraphs embedded" in again.stdout


def test_a_damaged_index_is_reported_with_what_to_do(hrc_qa, tmp_path):
    hrc_qa("index", "--index", tmp_path)
    version = tmp_path / (tmp_path / "CURRENT").read_text(encoding="utf-8").strip()
    (version / "vectors.npy").write_bytes(b"garbage")
    for command in (["ask", "腐败"], ["index"]):
        result = hrc_qa(*command, "--index", tmp_path)
        assert result.exit_code == 2
        assert "rebuild it with `hrc-qa index --rebuild`" in result.stderr


def test_answers_show_a_relevance_label_not_a_raw_score(hrc_qa):
    result = hrc_qa("ask", "地方政府推进城市数字化时应采取哪些数据保护措施？", "-k", "3")
    assert result.exit_code == 0, result.stderr
    assert "score" not in result.stdout
    assert any(label in result.stdout for label in ("直接相关", "部分相关", "仅供参考"))


def test_eval_reports_each_kind_and_language(hrc_qa, tmp_path):
    questions = tmp_path / "questions.jsonl"
    questions.write_text(
        '{"id": "a", "lang": "zh", "kind": "direct", "q": "联合国公共服务日", "gold": ["37/7 OP8"]}\n'
        '{"id": "b", "lang": "en", "kind": "off_topic", "q": "How long to boil an egg?", "gold": []}\n',
        encoding="utf-8",
    )
    result = hrc_qa("eval", questions)
    assert result.exit_code == 0, result.stderr
    rows = [line.split()[0:2] for line in result.stdout.splitlines()]
    assert ["direct", "zh"] in rows and ["off_topic", "en"] in rows
    assert any(line.startswith("label direct: precision") for line in result.stdout.splitlines())
