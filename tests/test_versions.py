"""One resolution in several languages: the Chinese and English texts of 37/7 indexed together
are versions of one paragraph each (fake encoder, a real index in a temporary folder).

A question is answered once per paragraph, in its own language, with the other version a
click away (`versions`) in the answer, the paragraphs API and the resolution pages; a version
whose paragraphs do not line up is reported at indexing, naming the file and the labels."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import open_assistant
from fastapi.testclient import TestClient

from corpus import BUNDLED_CORPUS, read_resolutions
from corpus.alignment import misalignments
from store.update import update
from web.server import create_app
from web.settings import Settings

CHINESE = BUNDLED_CORPUS / "A_HRC_RES_37_7.zh.txt"
ENGLISH = Path(__file__).parent / "fixtures" / "layouts" / "A_HRC_RES_37_7.en.txt"
ZH_ID = "A/HRC/RES/37/7:OP8:zh"
EN_ID = "A/HRC/RES/37/7:OP8:en"
ENGLISH_QUESTION = "Which day is the United Nations Public Service Day, held on 23 June?"
CHINESE_QUESTION = "赞美公共服务对社区的价值和美德的联合国公共服务日是哪一天？"


@pytest.fixture(scope="module")
def both_home(tmp_path_factory, fake_encoder) -> Path:
    home = tmp_path_factory.mktemp("versions")
    update(home, fake_encoder, [CHINESE, ENGLISH])
    return home


@pytest.fixture(scope="module")
def both(both_home, fake_encoder):
    return open_assistant(both_home, fake_encoder)


@pytest.fixture(scope="module")
def web(both):
    with TestClient(create_app(both, Settings())) as client:
        yield client


def paragraphs_of(answer) -> list[tuple[str, str]]:
    return [(quote.resolution.name, quote.paragraph.label) for quote in answer.results]


def test_an_english_question_quotes_the_english_version_with_the_chinese_one_a_click_away(both):
    answer = both.ask(ENGLISH_QUESTION, top_k=5).to_dict()

    top = answer["results"][0]
    assert top["id"] == EN_ID
    assert top["text"].startswith("Notes with appreciation the United Nations Public Service Day")
    assert set(top["versions"]) == {"en", "zh"}
    chinese = top["versions"]["zh"]
    assert chinese["id"] == ZH_ID
    assert chinese["text"].startswith("赞赏地注意到")
    assert chinese["citation"] == "人权理事会第37/7号决议第8段"
    assert chinese["quoted"].startswith("“赞赏地注意到")
    assert chinese["quoted"].endswith("（人权理事会第37/7号决议第8段，A/HRC/RES/37/7）")
    assert chinese["url"] == "resolution/37-7?lang=zh#OP8"
    assert top["versions"]["en"]["citation"] == "Human Rights Council resolution 37/7, para. 8"


def test_a_chinese_question_quotes_the_chinese_version_with_the_english_one(both):
    answer = both.ask(CHINESE_QUESTION, top_k=5).to_dict()

    top = answer["results"][0]
    assert top["id"] == ZH_ID
    assert top["versions"]["en"]["id"] == EN_ID
    assert top["versions"]["en"]["url"] == "resolution/37-7?lang=en#OP8"


@pytest.mark.parametrize(
    ("question", "language"),
    [
        (ENGLISH_QUESTION, "en"),
        (CHINESE_QUESTION, "zh"),
        ("37/7 第8段", "zh"),
        ("resolution 37/7 paragraph 8", "en"),
    ],
)
def test_no_paragraph_is_quoted_twice_in_two_languages(both, question, language):
    answer = both.ask(question, top_k=20)

    found = paragraphs_of(answer)
    assert len(found) == 20 or answer.results[0].match == "citation"
    assert len(found) == len(set(found)), found
    assert {quote.resolution.language for quote in answer.results} == {language}


def test_a_cited_paragraph_is_quoted_once_in_the_question_language(both):
    english = both.ask("resolution 37/7 paragraph 8", top_k=3)
    chinese = both.ask("第37/7号决议第8段", top_k=3)

    assert english.results[0].resolution.language == "en"
    assert chinese.results[0].resolution.language == "zh"
    assert paragraphs_of(english)[0] == paragraphs_of(chinese)[0] == ("37/7", "OP8")


def test_the_paragraphs_api_gives_the_versions(web):
    record = web.get(f"/api/v1/paragraphs/{ZH_ID}").json()

    assert record["versions"]["en"]["id"] == EN_ID
    assert record["versions"]["en"]["text"].startswith("Notes with appreciation")
    assert record["versions"]["zh"]["quote"] == record["quote"]


def test_the_answer_api_carries_the_versions(web):
    answer = web.post("/api/v1/ask", json={"question": ENGLISH_QUESTION, "top_k": 3}).json()

    assert answer["results"][0]["versions"]["zh"]["id"] == ZH_ID


@pytest.mark.parametrize(
    ("language", "shown", "other"),
    [("en", "Notes with appreciation the United Nations", "zh"), ("zh", "赞赏地注意到", "en")],
)
def test_the_resolution_page_shows_the_text_in_the_language_asked(web, language, shown, other):
    page = web.get(f"/resolution/37-7?lang={language}").text

    assert shown in page
    assert f'<html lang="{language}">' in page
    assert f'href="../resolution/37-7?lang={other}"' in page


def test_the_chat_offers_the_other_version_of_each_quote(web, both):
    from web.render import render_answer

    html = render_answer(both.ask(ENGLISH_QUESTION, top_k=1).to_dict(), "en", "auto")

    assert "<details" in html and "赞赏地注意到" in html
    assert "人权理事会第37/7号决议第8段" in html


# -- alignment ----------------------------------------------------------------------------------


@pytest.fixture
def misaligned(tmp_path) -> Path:
    """The English 37/7 without its last operative paragraph and one preambular paragraph."""
    text = ENGLISH.read_text(encoding="utf-8")
    lines = text.splitlines()
    cut = [
        line
        for line in lines
        if not line.startswith("9. Requests")
        and not line.startswith("Reaffirming the importance of the United Nations Convention")
    ]
    assert len(cut) == len(lines) - 2
    path = tmp_path / "A_HRC_RES_37_7.en.txt"
    path.write_text("\n".join(cut) + "\n", encoding="utf-8")
    return path


def test_aligned_versions_report_nothing():
    assert misalignments(read_resolutions([CHINESE, ENGLISH])) == []


def test_a_misaligned_version_is_reported_naming_the_file_and_labels(misaligned):
    (found,) = misalignments(read_resolutions([CHINESE, misaligned]))

    assert found.source == str(misaligned)
    assert (found.resolution, found.language, found.other_language) == ("37/7", "en", "zh")
    assert found.missing == ("PP23", "OP9")
    assert found.preambular_unlinked
    line = found.describe()
    assert str(misaligned) in line and "37/7" in line and "PP23, OP9" in line


def test_a_misaligned_version_is_indexed_and_links_only_what_lines_up(
    misaligned, tmp_path, fake_encoder
):
    report = update(tmp_path / "index", fake_encoder, [CHINESE, misaligned])

    assert [m.source for m in report.misaligned] == [str(misaligned)]
    assistant = open_assistant(tmp_path / "index", fake_encoder)
    operative = assistant.ask("resolution 37/7 paragraph 8", top_k=1).to_dict()["results"][0]
    assert set(operative["versions"]) == {"en", "zh"}
    lonely = assistant.ask("resolution 37/7 paragraph 9", top_k=1).to_dict()["results"][0]
    assert (lonely["id"], set(lonely["versions"])) == ("A/HRC/RES/37/7:OP9:zh", {"zh"})
    preambular = assistant.ask("37/7 序言部分第1段", top_k=1).to_dict()["results"][0]
    assert set(preambular["versions"]) == {preambular["language"]}


def test_hrc_qa_index_reports_a_misaligned_version(hrc_qa, misaligned, tmp_path):
    result = hrc_qa("index", CHINESE, misaligned, "--index", tmp_path / "index")

    assert result.exit_code == 0, result.stderr
    assert str(misaligned) in result.stderr
    assert "PP23, OP9" in result.stderr
