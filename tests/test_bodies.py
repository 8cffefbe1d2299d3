"""Resolutions of every body (Human Rights Council and its special sessions, General Assembly
old and new, Security Council, Economic and Social Council), in Chinese and English, in the
layouts real UN documents have: each is read to the right body, symbol, labels and clean texts,
cited as the UN cites it, named in questions without ambiguity, and indexed and shown beside
the Council's own.

The fixtures in tests/fixtures/bodies/ are test material written for these tests, never
official texts (see the README there).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import open_assistant

from corpus import BUNDLED_CORPUS, Resolution, ResolutionError, cite, read_resolution
from corpus.names import resolution_name_of, resolutions_named
from corpus.parser import parse_resolution
from corpus.records import paragraph_record
from qa.references import Reference, find_reference
from qa.request import answer_request
from store.atomic import IndexUnavailable
from store.faiss_store import FaissStore
from store.filters import Filters
from store.update import update

BODIES = Path(__file__).parent / "fixtures" / "bodies"

FURNITURE = ("GE.", "A/RES/", "S/RES/", "E/RES/", "Page 2", "第2页", "/...", "*25", "*23", "___")

# file stem: (name, body, symbol, adopted, meeting, session, agenda item, labels)
EXPECTED = {
    "A_RES_48_161": (
        "A/RES/48/161",
        "ga",
        "A/RES/48/161",
        date(1994, 4, 5),
        92,
        48,
        "40",
        ["PP1", "PP2", "PP3", "OP1", "OP2", "OP2(a)", "OP2(b)", "OP3"],
    ),
    "A_RES_80_4": (
        "A/RES/80/4",
        "ga",
        "A/RES/80/4",
        date(2025, 10, 27),
        30,
        80,
        "12",
        [
            *("PP1", "PP2", "PP3", "OP1", "OP2", "OP2(a)", "OP2(b)", "OP3"),
            *("AN1", "AN2", "AN2(a)", "AN2(b)", "AN3"),
        ],
    ),
    "S_RES_2720_2023": (
        "S/RES/2720",
        "sc",
        "S/RES/2720 (2023)",
        date(2023, 12, 22),
        9520,
        None,
        None,
        ["PP1", "PP2", "OP1", "OP2", "OP2(a)", "OP2(b)", "OP3"],
    ),
    "E_RES_2024_5": (
        "E/RES/2024/5",
        "ecosoc",
        "E/RES/2024/5",
        date(2024, 6, 6),
        15,
        None,
        "18 (b)",
        ["PP1", "PP2", "OP1", "OP2"],
    ),
    "A_HRC_RES_S-35_1": (
        "S-35/1",
        "hrc",
        "A/HRC/RES/S-35/1",
        date(2025, 3, 18),
        2,
        None,
        None,
        ["PP1", "PP2", "OP1", "OP2"],
    ),
}


def fixture_file(stem: str, language: str) -> Path:
    return next(BODIES.glob(f"{stem}.{language}.*"))


@pytest.fixture(scope="module")
def read() -> dict[tuple[str, str], Resolution]:
    return {
        (stem, language): read_resolution(fixture_file(stem, language))
        for stem in EXPECTED
        for language in ("zh", "en")
    }


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("stem", list(EXPECTED))
def test_each_body_is_read_with_its_identity_and_labels(read, stem, language):
    resolution = read[stem, language]
    name, body, symbol, adopted, meeting, session, agenda, labels = EXPECTED[stem]
    assert (resolution.name, resolution.body, resolution.symbol) == (name, body, symbol)
    assert (resolution.adopted, resolution.meeting, resolution.session) == (
        adopted,
        meeting,
        session,
    )
    assert resolution.agenda_item == (
        agenda and agenda.replace(" ", "") if language == "zh" else agenda
    )
    assert [p.label for p in resolution.paragraphs] == labels
    for paragraph in resolution.paragraphs:
        assert paragraph.resolution == name
        assert resolution.paragraph_id(paragraph) == f"{symbol}:{paragraph.label}:{language}"
        assert not any(mark in paragraph.text for mark in FURNITURE), paragraph.text
        assert not any(char in paragraph.text for char in "¹²") and "1/" not in paragraph.text


def test_the_nineties_layout_joins_a_sub_paragraph_broken_across_pages(read):
    en, zh = read["A_RES_48_161", "en"], read["A_RES_48_161", "zh"]
    assert en.title == (
        "Cooperation among regional libraries for the preservation of public records: "
        "a test of the nineties layout"
    )
    assert en.paragraph("OP2(b)").text == (
        "To report to the General Assembly at its fiftieth session on the measures taken;"
    )
    assert zh.paragraph("OP2(b)").text == "向大会第五十届会议报告所采取的措施；"
    # `1/` in the text points at the note under `____________`.
    assert en.paragraph("PP2").text.endswith("preservation of public records,")
    assert en.paragraph("PP2").footnotes == ("A/48/526.",)
    assert zh.paragraph("PP2").footnotes == ("A/48/526。",)
    assert en.vote is None  # the Assembly's texts do not say how it was adopted


def test_a_running_header_mid_sub_paragraph_and_flattened_footnotes_are_cleaned(read):
    en, zh = read["A_RES_80_4", "en"], read["A_RES_80_4", "zh"]
    assert en.paragraph("OP2(b)").text == (
        "The funds that Member States have set aside for those services;"
    )
    assert zh.paragraph("OP2(b)").text == "会员国为这些服务所拨出的资金；"
    # `…resolution 79/7;1`: the digit is the footnote's marker, not text.
    assert en.paragraph("PP3").text.endswith("implementation of resolution 79/7;")
    assert en.paragraph("PP3").footnotes == ("A/80/123.",)
    assert zh.paragraph("PP3").footnotes == ("A/80/123。",)


def test_markdown_footnotes_and_rules(read):
    en = read["E_RES_2024_5", "en"]
    assert en.paragraph("PP1").text == "Recalling its resolution 2023/7 of 7 June 2023,"
    assert en.paragraph("PP1").footnotes == ("See E/2023/99.",)
    assert (
        en.paragraph("OP1").text == "Encourages Member States to extend broadband to rural areas;"
    )
    assert en.paragraph("OP2").text.startswith("Requests the Secretary-General")


def test_an_annex_is_kept_apart_from_the_operative_paragraphs(read):
    en, zh = read["A_RES_80_4", "en"], read["A_RES_80_4", "zh"]
    operative = [p.label for p in en.paragraphs if p.part == "operative"]
    assert operative == ["OP1", "OP2", "OP2(a)", "OP2(b)", "OP3"]
    assert en.paragraph("AN2(a)").text == "Funding public libraries in every district;"
    assert en.lead_in(en.paragraph("AN2(a)"))[0].text == "Commit to:"
    assert zh.paragraph("AN3").text == "请秘书长对本宣言采取后续行动。"
    # The annex's title and its opening words are not paragraphs; the running header is gone.
    assert not any("Political declaration" in p.text for p in en.paragraphs if p.part == "annex")
    assert en.paragraph("AN3").text == (
        "Request the Secretary-General to follow up on the present declaration."
    )


def test_votes_and_meetings_of_each_body(read):
    assert read["A_HRC_RES_S-35_1", "en"].vote.startswith(
        "Adopted by a recorded vote of 25 to 7, with 15 abstentions."
    )
    assert "India" in read["A_HRC_RES_S-35_1", "en"].vote
    assert read["A_HRC_RES_S-35_1", "zh"].vote.startswith("以25票赞成、7票反对、15票弃权")
    # The Security Council's meeting is in its header's adoption sentence.
    assert read["S_RES_2720_2023", "zh"].meeting == 9520


@pytest.mark.parametrize(
    ("language", "title"), [("en", "Resolution 2720 (2023)"), ("zh", "第2720(2023)号决议")]
)
def test_a_security_council_resolution_is_titled_by_its_heading(read, language, title):
    """Its text has no title line; the UN's library titles it by its heading."""
    resolution = read["S_RES_2720_2023", language]
    assert resolution.title == title
    record = paragraph_record(resolution, resolution.paragraph("OP1"))
    assert record["title"] == title


def test_a_security_council_resolution_without_a_heading_is_titled_by_its_symbol():
    text = fixture_file("S_RES_2720_2023", "en").read_text(encoding="utf-8")
    resolution = parse_resolution(text.replace("Resolution 2720 (2023)\n", ""), "sc.txt")
    assert resolution.title == "S/RES/2720 (2023)"


@pytest.mark.parametrize(
    ("stem", "label", "zh", "en"),
    [
        ("A_RES_80_4", "OP2", "大会第80/4号决议第2段", "General Assembly resolution 80/4, para. 2"),
        (
            "A_RES_80_4",
            "AN2(a)",
            "大会第80/4号决议附件第2段(a)项",
            "General Assembly resolution 80/4, annex, para. 2 (a)",
        ),
        (
            "S_RES_2720_2023",
            "OP3",
            "安全理事会第2720(2023)号决议第3段",
            "Security Council resolution 2720 (2023), para. 3",
        ),
        (
            "E_RES_2024_5",
            "PP1",
            "经济及社会理事会第2024/5号决议序言部分第1段",
            "Economic and Social Council resolution 2024/5, preambular para. 1",
        ),
        (
            "A_HRC_RES_S-35_1",
            "OP1",
            "人权理事会第S-35/1号决议第1段",
            "Human Rights Council resolution S-35/1, para. 1",
        ),
        (
            "A_RES_48_161",
            "OP2(b)",
            "大会第48/161号决议第2段(b)项",
            "General Assembly resolution 48/161, para. 2 (b)",
        ),
    ],
)
def test_each_body_is_cited_as_the_un_cites_it(read, stem, label, zh, en):
    resolution = read[stem, "en"]
    paragraph = resolution.paragraph(label)
    assert (cite(resolution, paragraph, "zh"), cite(resolution, paragraph, "en")) == (zh, en)


def test_long_citations_carry_the_date(read):
    sc = read["S_RES_2720_2023", "zh"]
    assert cite(sc, sc.paragraph("OP1"), "zh", long=True) == (
        "安全理事会2023年12月22日第2720(2023)号决议第1段"
    )
    assert cite(sc, sc.paragraph("OP1"), "en", long=True) == (
        "Security Council resolution 2720 (2023) of 22 December 2023, para. 1"
    )


def test_the_contract_record_names_the_body(read):
    ga = read["A_RES_80_4", "zh"]
    record = paragraph_record(ga, ga.paragraph("AN1"))
    assert (record["resolution"], record["body"], record["symbol"], record["part"]) == (
        "A/RES/80/4",
        "ga",
        "A/RES/80/4",
        "annex",
    )
    assert record["id"] == "A/RES/80/4:AN1:zh"
    assert Resolution.from_dict(json.loads(json.dumps(ga.to_dict()))) == ga


@pytest.mark.parametrize(
    ("question", "reference"),
    [
        ("大会第80/4号决议第2段", Reference("A/RES/80/4", "OP2")),
        ("General Assembly resolution 80/4, annex, para. 12", Reference("A/RES/80/4", "AN12")),
        ("大会第80/4号决议附件第12段", Reference("A/RES/80/4", "AN12")),
        ("A/RES/80/4 OP2(a)", Reference("A/RES/80/4", "OP2(a)")),
        ("第80/4号决议第2段", Reference("80/4", "OP2")),  # a number alone: the Council's
        ("Security Council resolution 2720 (2023), para. 3", Reference("S/RES/2720", "OP3")),
        ("安全理事会第2720(2023)号决议第3段", Reference("S/RES/2720", "OP3")),
        ("安理会第2720号决议", Reference("S/RES/2720", None)),
        ("S/RES/2720 (2023)", Reference("S/RES/2720", None)),
        ("E/RES/2024/5, para. 1", Reference("E/RES/2024/5", "OP1")),
        ("经社理事会第2024/5号决议", Reference("E/RES/2024/5", None)),
        ("A/HRC/RES/S-35/1 para. 2", Reference("S-35/1", "OP2")),
        ("人权理事会第S-35/1号决议第1段", Reference("S-35/1", "OP1")),
    ],
)
def test_questions_name_each_bodys_resolutions_without_ambiguity(question, reference):
    assert find_reference(question) == reference


@pytest.mark.parametrize(
    ("given", "name"),
    [
        ("57/12", "57/12"),
        ("A/HRC/RES/57/12", "57/12"),
        ("a/res/80/4", "A/RES/80/4"),
        ("S/RES/2720 (2023)", "S/RES/2720"),
        ("E/RES/2024/5", "E/RES/2024/5"),
        ("80/4 and more", None),
    ],
)
def test_a_filter_names_a_resolution_by_number_or_symbol(given, name):
    assert resolution_name_of(given) == name


# -- documents that are not resolutions ---------------------------------------------------

NOT_RESOLUTIONS = Path(__file__).parent / "fixtures" / "not_resolutions"


@pytest.mark.parametrize(
    ("name", "language", "reason"),
    [
        (
            "A_HRC_57_23.en.txt",
            "en",
            "this is not a resolution: it looks like a report (A/HRC/57/23)",
        ),
        ("A_HRC_57_23.zh.txt", "zh", "这不是决议，看起来是一份报告（A/HRC/57/23）"),
        (
            "A_HRC_57_23.zh.txt",
            "en",
            "this is not a resolution: it looks like a report (A/HRC/57/23)",
        ),
        ("A_HRC_57_L.5.en.txt", "en", "it looks like a draft resolution (A/HRC/57/L.5)"),
        ("A_HRC_57_L.5.zh.txt", "zh", "看起来是决议草案（A/HRC/57/L.5）"),
        ("S_2023_999.en.txt", "en", "it looks like a letter (S/2023/999)"),
        ("S_2023_999.zh.txt", "zh", "看起来是一封信函（S/2023/999）"),
        ("S_2023_999.zh.txt", "fr", "cela ressemble à une lettre (S/2023/999)"),
        ("A_80_100.en.txt", "zh", "看起来是一份说明（A/80/100）"),
        ("A_80_100.en.txt", "en", "it looks like a note (A/80/100)"),
    ],
)
def test_un_documents_that_are_not_resolutions_are_refused_saying_what_they_look_like(
    name, language, reason
):
    """In the user's language, whatever the document's: a user may not read the file's."""
    with pytest.raises(ResolutionError) as refused:
        read_resolution(NOT_RESOLUTIONS / name)
    said = refused.value.said_in(language)
    assert said.startswith(f"{NOT_RESOLUTIONS / name}: ") and reason in said
    assert "it looks like" in str(refused.value)  # in English where no language is asked for


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("zh_CN.UTF-8", "A_HRC_57_23.zh.txt: 这不是决议，看起来是一份报告"),
        ("en_GB.UTF-8", "A_HRC_57_23.zh.txt: this is not a resolution: it looks like a report"),
    ],
)
def test_the_cli_refuses_a_report_naming_the_file_in_the_users_language(
    hrc_qa, monkeypatch, locale, said
):
    monkeypatch.setenv("LANG", locale)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    result = hrc_qa("paragraphs", NOT_RESOLUTIONS / "A_HRC_57_23.zh.txt", "--json")
    assert result.exit_code == 2
    assert said in " ".join(result.stderr.split())


# -- indexed beside the Council's own ------------------------------------------------------


@pytest.fixture(scope="module")
def bodies_home(tmp_path_factory, fake_encoder) -> Path:
    """The bundled corpus, every body's fixtures, and a Council resolution numbered 80/4 like
    the Assembly's, to show that the two are never confused."""
    home = tmp_path_factory.mktemp("bodies-index")
    extra = tmp_path_factory.mktemp("hrc-80-4")
    council = fixture_file("A_HRC_RES_S-35_1", "zh").read_text(encoding="utf-8")
    (extra / "A_HRC_RES_80_4.zh.txt").write_text(
        council.replace("S-35/1", "80/4"), encoding="utf-8"
    )
    fixtures = sorted(path for path in BODIES.iterdir() if path.name != "README.md")
    update(home, fake_encoder, [BUNDLED_CORPUS, *fixtures, extra])
    return home


@pytest.fixture(scope="module")
def bodies_assistant(bodies_home, fake_encoder):
    return open_assistant(bodies_home, fake_encoder)


def first(answer) -> tuple[str, str]:
    """The first result's paragraph id without its language (which version comes first is
    the languages' business), and its Chinese citation."""
    result = answer.to_dict()["results"][0]
    return result["id"].rpartition(":")[0], result["citation"]["zh"]


def test_the_assembly_and_the_council_80_4_are_told_apart(bodies_assistant):
    assert first(bodies_assistant.ask("大会第80/4号决议第2段")) == (
        "A/RES/80/4:OP2",
        "大会第80/4号决议第2段",
    )
    assert first(bodies_assistant.ask("第80/4号决议第2段")) == (
        "A/HRC/RES/80/4:OP2",
        "人权理事会第80/4号决议第2段",
    )
    assert first(bodies_assistant.ask("Security Council resolution 2720 (2023), para. 3")) == (
        "S/RES/2720 (2023):OP3",
        "安全理事会第2720(2023)号决议第3段",
    )


def test_filters_by_resolution_and_body(bodies_assistant):
    answer = answer_request(bodies_assistant, "图书馆", resolutions="A/RES/80/4", top_k=20)
    assert {r["resolution"] for r in answer.to_dict()["results"]} == {"A/RES/80/4"}
    answer = answer_request(bodies_assistant, "humanitarian", bodies="sc", top_k=20)
    assert {r["body"] for r in answer.to_dict()["results"]} == {"sc"}
    # A Security Council resolution has no session: a session range leaves it out.
    answer = answer_request(bodies_assistant, "humanitarian", sessions="1-100", bodies="sc")
    assert answer.to_dict()["status"] == "no_match"


def test_a_wrong_body_is_refused_in_the_questions_language(bodies_assistant):
    answer = answer_request(bodies_assistant, "图书馆", bodies="unga")
    assert answer.status == "error" and "hrc, ga, sc, ecosoc" in answer.message
    assert answer.message.startswith("机构")


def test_pages_and_the_api_of_each_body(bodies_assistant):
    from fastapi.testclient import TestClient

    from web.server import create_app
    from web.settings import Settings

    with TestClient(create_app(bodies_assistant, Settings())) as client:
        page = client.get("/resolution/ga-80-4?lang=en")
        assert page.status_code == 200 and "Funding public libraries in every district" in page.text
        assert "General Assembly resolution 80/4, annex, para. 2 (a)" in page.text
        council = client.get("/resolution/80-4?lang=zh")
        assert council.status_code == 200 and "测试领土" in council.text
        assert client.get("/resolution/57-12").status_code == 200
        council = client.get("/resolution/sc-2720?lang=zh")
        assert council.status_code == 200 and "<h1>第2720(2023)号决议</h1>" in council.text
        assert client.get("/resolution/ga-80-5").status_code == 404
        paragraph = client.get("/api/v1/paragraphs/S/RES/2720 (2023):OP2(a):en").json()
        assert paragraph["text"] == "To appoint a coordinator for humanitarian assistance;"
        assert paragraph["page"].endswith("/resolution/sc-2720?lang=en#OP2(a)")
        listed = client.get("/api/v1/resolutions").json()
        records = listed["resolutions"] if isinstance(listed, dict) else listed
        names = {record["resolution"]: record["body"] for record in records}
        assert names["A/RES/80/4"] == "ga" and names["80/4"] == "hrc"


def test_an_index_of_the_old_format_is_refused_with_a_rebuild_hint(tmp_path, fake_encoder):
    update(tmp_path, fake_encoder, [fixture_file("A_RES_80_4", "en")])
    version = next(p for p in tmp_path.iterdir() if p.is_dir() and p.name.startswith("v"))
    manifest = json.loads((version / "manifest.json").read_text(encoding="utf-8"))
    manifest["format"] = "hrc-qa-index/1"
    (version / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexUnavailable, match="rebuild it with `hrc-qa index --rebuild`"):
        FaissStore.load(tmp_path, fake_encoder.name, fake_encoder.dimension)


# -- cross-references ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stem", "language", "label", "named"),
    [
        (
            "A_RES_80_4",
            "en",
            "PP1",
            {
                "A/RES/79/6": "its resolution 79/6",
                "S/RES/1325": "Security Council resolution 1325 (2000)",
            },
        ),
        (
            "A_RES_80_4",
            "zh",
            "PP1",
            {
                "A/RES/79/6": "其2024年11月5日关于公共图书馆的第79/6号",
                "S/RES/1325": "安全理事会第1325(2000)号",
            },
        ),
        ("A_RES_80_4", "en", "PP2", {"57/12": "Human Rights Council resolution 57/12"}),
        ("A_RES_80_4", "zh", "PP2", {"57/12": "人权理事会2024年10月9日第57/12号"}),
        (
            "S_RES_2720_2023",
            "en",
            "PP1",
            {
                "S/RES/2712": "its resolution 2712 (2023)",
                "A/RES/70/1": "General Assembly resolution 70/1",
            },
        ),
        (
            "S_RES_2720_2023",
            "zh",
            "PP1",
            {"S/RES/2712": "其第2712(2023)号", "A/RES/70/1": "大会第70/1号"},
        ),
        ("A_RES_48_161", "zh", "PP1", {"A/RES/47/118": "其1992年12月18日第47/118号"}),
        ("E_RES_2024_5", "en", "PP1", {"E/RES/2023/7": "its resolution 2023/7"}),
        ("A_HRC_RES_S-35_1", "zh", "PP2", {"A/RES/60/251": "大会2006年3月15日第60/251号"}),
    ],
)
def test_paragraphs_recalling_other_resolutions_name_them(read, stem, language, label, named):
    resolution = read[stem, language]
    record = paragraph_record(resolution, resolution.paragraph(label))
    assert {ref["resolution"]: ref["text"] for ref in record["references"]} == named


@pytest.mark.parametrize(
    ("recalling", "named"),
    [
        (
            "Recalling its resolutions 5/1 and 5/2 of 18 June 2007, and 7/1,",
            {"5/1": "its resolutions 5/1", "5/2": "5/2", "7/1": "7/1"},
        ),
        (
            "Recalling General Assembly resolutions 60/251 of 15 March 2006 and 65/281 of "
            "17 June 2011, and Security Council resolutions 1325 (2000), 2250 (2015) and 2 "
            "other texts,",
            {
                "A/RES/60/251": "General Assembly resolutions 60/251",
                "A/RES/65/281": "65/281",
                "S/RES/1325": "Security Council resolutions 1325 (2000)",
                "S/RES/2250": "2250 (2015)",  # and `2 other texts` is no resolution
            },
        ),
    ],
)
def test_every_resolution_of_an_english_list_is_named(recalling, named):
    text = fixture_file("A_HRC_RES_S-35_1", "en").read_text(encoding="utf-8")
    text = text.replace("Recalling General Assembly resolution 60/251 of 15 March 2006,", recalling)
    resolution = parse_resolution(text, "list.txt")
    record = paragraph_record(resolution, resolution.paragraph("PP2"))
    assert {ref["resolution"]: ref["text"] for ref in record["references"]} == named


@pytest.mark.parametrize(
    ("text", "own", "named"),
    [
        (
            "Rappelant les résolutions 60/251 et 65/281 de l’Assemblée générale,",
            "hrc",
            {
                "A/RES/60/251": "résolutions 60/251",
                "A/RES/65/281": "65/281 de l’Assemblée générale",
            },
        ),
        ("Rappelant ses résolutions 5/1 et 5/2,", "hrc", {"5/1": "résolutions 5/1", "5/2": "5/2"}),
        (
            "Recordando las resoluciones 60/251 y 65/281 de la Asamblea General,",
            "hrc",
            {
                "A/RES/60/251": "resoluciones 60/251",
                "A/RES/65/281": "65/281 de la Asamblea General",
            },
        ),
        (
            "ссылаясь на резолюции 60/251 и 65/281 Генеральной Ассамблеи,",
            "hrc",
            {"A/RES/60/251": "резолюции 60/251", "A/RES/65/281": "65/281 Генеральной Ассамблеи"},
        ),
        (
            "Rappelant ses résolutions 2712 (2023) et 2720 (2023), et 3 autres textes,",
            "sc",
            {"S/RES/2712": "résolutions 2712 (2023)", "S/RES/2720": "2720 (2023)"},
        ),
    ],
)
def test_every_resolution_of_a_list_whose_body_follows_it_is_named(text, own, named):
    """French, Spanish and Russian name the body after the list: all of it is that body's."""
    found = {n.name: text[n.start : n.end] for n in resolutions_named(text, own)}
    assert found == named


def test_the_bundled_council_resolutions_name_the_assemblys():
    def named(file: str, label: str) -> list[str]:
        resolution = read_resolution(BUNDLED_CORPUS / file)
        record = paragraph_record(resolution, resolution.paragraph(label))
        return [ref["resolution"] for ref in record["references"]]

    # `大会…第48/141号决议、2006年3月15日第60/251号决议…、人权理事会…第5/1号决议、…`: a
    # number on a list is of the list's body.
    assert named("A_HRC_RES_36_29.zh.txt", "PP2") == [
        *("A/RES/48/141", "A/RES/60/251", "A/RES/65/281", "5/1", "16/21", "30/25"),
    ]
    # `大会 2021 年 11 月 15 日关于落实……的报告的第 76/6 号决议`
    assert named("A_HRC_RES_57_12.zh.txt", "PP28") == ["A/RES/76/6"]
    assert named("A_HRC_RES_51_5.zh.txt", "PP7") == ["A/RES/70/1"]


def test_the_english_and_chinese_texts_of_a_resolution_name_the_same_list():
    """`General Assembly resolutions 48/141 …, 60/251 … and 65/281 …, Human Rights Council
    resolutions 5/1 …, 16/21 … and 30/25 …`: every number, as the Chinese `第…号` list."""

    def named(path: Path) -> list[str]:
        resolution = read_resolution(path)
        record = paragraph_record(resolution, resolution.paragraph("PP2"))
        return [ref["resolution"] for ref in record["references"]]

    english = Path(__file__).parent / "fixtures" / "layouts" / "A_HRC_RES_36_29.en.pdf.txt"
    assert named(english) == named(BUNDLED_CORPUS / "A_HRC_RES_36_29.zh.txt")


def test_the_app_links_a_named_resolution_when_it_is_indexed(bodies_assistant):
    from fastapi.testclient import TestClient

    from web.render import render_answer
    from web.server import create_app
    from web.settings import Settings

    answer = bodies_assistant.ask("大会第80/4号决议序言部分第2段").to_dict()
    references = answer["results"][0]["references"]
    assert references == [{"resolution": "57/12", "text": references[0]["text"], "indexed": True}]
    html = render_answer(answer, "zh", "zh")
    assert 'href="resolution/57-12?lang=zh"' in html
    # 1325 (2000) is not indexed: named, never linked.
    answer = bodies_assistant.ask("大会第80/4号决议序言部分第1段").to_dict()
    indexed = {ref["resolution"]: ref["indexed"] for ref in answer["results"][0]["references"]}
    assert indexed == {"A/RES/79/6": False, "S/RES/1325": False}
    assert "hrc-refs" not in render_answer(answer, "zh", "zh")
    with TestClient(create_app(bodies_assistant, Settings())) as client:
        page = client.get("/resolution/ga-80-4?lang=en").text
        assert 'href="../resolution/57-12?lang=en"' in page
        assert "resolution/sc-1325" not in page
        paragraph = client.get("/api/v1/paragraphs/A/RES/80/4:PP2:en").json()
        assert paragraph["references"] == [
            {
                "resolution": "57/12",
                "text": "Human Rights Council resolution 57/12",
                "indexed": True,
            }
        ]


@pytest.mark.parametrize(
    ("question", "name", "said"),
    [
        ("腐败", "A/RES/79/6", "索引中没有大会第79/6号决议。已收录的决议："),
        ("corruption", "A/RES/79/6", "General Assembly resolution 79/6 is not in the index."),
        (
            "Que demande le Conseil de sécurité ?",
            "S/RES/2712",
            "La résolution 2712 du Conseil de sécurité n’est pas",
        ),
        ("腐败", "99/1", "索引中没有第99/1号决议。"),  # the Council's: by its number, as before
    ],
)
def test_a_resolution_that_is_not_indexed_is_named_with_its_body(
    bodies_assistant, question, name, said
):
    answer = bodies_assistant.ask(question, filters=Filters(resolutions=(name,)))
    assert answer.status == "error" and answer.message.startswith(said), answer.message


def test_the_page_of_another_bodys_resolution_that_is_not_indexed_names_it_with_its_body(
    bodies_assistant,
):
    from fastapi.testclient import TestClient

    from web.server import create_app
    from web.settings import Settings

    with TestClient(create_app(bodies_assistant, Settings())) as client:
        page = client.get("/resolution/ga-79-6?lang=zh")
        assert page.status_code == 404 and "索引中没有大会第79/6号决议。" in page.text
        page = client.get("/resolution/sc-2712?lang=en")
        assert "Security Council resolution 2712 is not in the index." in page.text
        assert "第S/35/9号" not in client.get("/resolution/S-35-9?lang=zh").text
        assert "索引中没有第S-35/9号决议。" in client.get("/resolution/S-35-9?lang=zh").text


def test_the_json_api_filters_by_body_and_by_symbol(bodies_assistant):
    from fastapi.testclient import TestClient

    from web.server import create_app
    from web.settings import Settings

    with TestClient(create_app(bodies_assistant, Settings())) as client:
        asked = {"question": "humanitarian assistance", "bodies": ["sc"], "top_k": 10}
        results = client.post("/api/v1/ask", json=asked).json()["results"]
        assert results and {r["symbol"] for r in results} == {"S/RES/2720 (2023)"}
        asked = {"question": "图书馆", "resolutions": "A/RES/80/4", "top_k": 10}
        results = client.post("/api/v1/ask", json=asked).json()["results"]
        assert results and {r["resolution"] for r in results} == {"A/RES/80/4"}
        refused = client.post("/api/v1/ask", json={"question": "图书馆", "bodies": "unsc"})
        assert refused.status_code == 400 and "hrc, ga, sc, ecosoc" in refused.json()["message"]


def test_hrc_qa_paragraphs_gives_each_bodys_labels_and_ids_as_json(hrc_qa):
    result = hrc_qa("paragraphs", fixture_file("S_RES_2720_2023", "zh"), "--json")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records][:3] == [
        "S/RES/2720 (2023):PP1:zh",
        "S/RES/2720 (2023):PP2:zh",
        "S/RES/2720 (2023):OP1:zh",
    ]
    assert {(r["resolution"], r["body"]) for r in records} == {("S/RES/2720", "sc")}
    assert records[-1]["citation"]["en"] == "Security Council resolution 2720 (2023), para. 3"
