"""Checking a draft (`hrc-qa check`, qa/check.py): drafts built from the corpus with known edits
get the right verdicts, sources and word-level diffs; the CLI's JSON contract, its readable
output and its exports (a Word file's footnotes read back from the package); bad input.

Over the fake encoder: the verdicts are read off the words, the encoder only finds the
candidates (their quality is measured with the real model in test_check_calibration.py).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from fixtures.drafts import ENGLISH_TEXTS

from corpus import BUNDLED_CORPUS, read_resolutions
from corpus.draft import MAX_DRAFT_PARAGRAPHS, DraftError, read_draft, read_draft_file
from qa.check import DraftChecker
from qa.export import export
from qa.retrieval import HybridRetriever
from store.faiss_store import FaissStore
from store.update import update

FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


@pytest.fixture(scope="module")
def texts():
    return {r.key: r for r in read_resolutions([BUNDLED_CORPUS, *ENGLISH_TEXTS])}


@pytest.fixture(scope="module")
def checker(tmp_path_factory, fake_encoder):
    """A checker over the bundled corpus and the English 36/29 and 37/7, fake encoder."""
    home = tmp_path_factory.mktemp("check-index")
    update(home, fake_encoder, [BUNDLED_CORPUS, *ENGLISH_TEXTS])
    store = FaissStore.load(home, fake_encoder.name, fake_encoder.dimension)
    return DraftChecker(HybridRetriever(store, fake_encoder))


def text(texts, key: str, label: str) -> str:
    return texts[key].paragraph(label).text


@pytest.fixture(scope="module")
def chinese_draft(texts) -> str:
    """A Chinese draft: title and symbol, the opening formula, a heading, a verbatim
    preambular paragraph, a renumbered one in other punctuation forms, one word changed, a
    clause added, a paragraph and its sub-paragraph, a merge of two, and a new paragraph."""
    op3 = text(texts, "57/12.zh", "OP3")
    op10 = text(texts, "51/5.zh", "OP10")
    op11 = text(texts, "51/5.zh", "OP11")
    return "\n\n".join(
        [
            "A/HRC/58/L.5",
            "58/… 地方政府与人权",
            "人权理事会，",
            text(texts, "57/12.zh", "PP2"),
            "PP7 " + text(texts, "57/12.zh", "PP7").replace("，", ","),
            "执行部分",
            "1. " + op3.replace("鼓励各国", "敦促各国"),
            "2. " + text(texts, "57/12.zh", "OP5").replace("，", "，包括在数字环境中，", 1),
            "3. " + text(texts, "57/12.zh", "OP8"),
            "(a) " + text(texts, "57/12.zh", "OP8(a)"),
            "4. " + op10[: len(op10) // 2] + op11[len(op11) // 2 :],
            "5. 鼓励各国在人工智能系统的设计和使用中尊重隐私权，并定期公布评估结果；",
        ]
    )


@pytest.fixture(scope="module")
def chinese_report(checker, chinese_draft):
    return checker.check(read_draft(chinese_draft))


def test_the_draft_is_read_without_its_title_opening_formula_headings_and_numbering(
    chinese_report, texts
):
    checks = chinese_report.checks
    assert [c.paragraph.index for c in checks] == list(range(1, 9))
    assert [c.paragraph.label for c in checks] == ["", "PP7", "1.", "2.", "3.", "(a)", "4.", "5."]
    assert checks[0].paragraph.text == text(texts, "57/12.zh", "PP2")
    assert checks[5].paragraph.lead_in == text(texts, "57/12.zh", "OP8")


def test_verdicts_and_sources_of_the_known_edits(chinese_report):
    found = [(c.verdict, [s.paragraph.key for s in c.sources][:2]) for c in chinese_report.checks]
    assert found == [
        ("agreed", ["57/12 PP2"]),
        ("agreed", ["57/12 PP7"]),
        ("adapted", ["57/12 OP3"]),
        ("adapted", ["57/12 OP5"]),
        ("agreed", ["57/12 OP8"]),
        ("agreed", ["57/12 OP8(a)"]),
        ("adapted", ["51/5 OP10", "51/5 OP11"]),
        ("new", []),
    ]
    assert chinese_report.summary() == {"agreed": 4, "adapted": 3, "new": 1}


def test_the_diff_turns_the_source_into_the_draft_word_by_word(chinese_report, texts):
    one_word = chinese_report.checks[2].sources[0]
    changed = [piece.to_dict() for piece in one_word.diff if piece.op != "equal"]
    assert changed == [{"op": "delete", "text": "鼓励"}, {"op": "insert", "text": "敦促"}]
    assert (one_word.inserted, one_word.deleted) == (1, 1)
    clause = chinese_report.checks[3].sources[0]
    assert [p.to_dict() for p in clause.diff if p.op != "equal"] == [
        {"op": "insert", "text": "包括在数字环境中，"}
    ]
    for check in chinese_report.checks:
        for source in check.sources:
            draft = "".join(p.text for p in source.diff if p.op != "delete")
            adopted = "".join(p.text for p in source.diff if p.op != "insert")
            assert draft == check.paragraph.text
            if check.verdict == "adapted":
                assert adopted == source.paragraph.text


def test_an_english_draft_is_checked_against_the_english_version(checker, texts):
    op8 = text(texts, "37/7.en", "OP8")
    draft = "The Human Rights Council,\n\n" + "\n\n".join(
        [
            "1. " + op8,
            "2. " + text(texts, "36/29.en", "OP2").replace("Encourages", "Urges"),
            "3. Calls upon local authorities to provide safe and affordable temporary shelter "
            "to homeless persons;",
        ]
    )
    report = checker.check(read_draft(draft))
    assert report.language == "en"
    assert [(c.verdict, [s.paragraph.key for s in c.sources]) for c in report.checks] == [
        ("agreed", ["37/7 OP8"]),
        ("adapted", ["36/29 OP2"]),
        ("new", []),
    ]
    assert report.checks[0].sources[0].resolution.language == "en"
    changed = [p.to_dict() for p in report.checks[1].sources[0].diff if p.op != "equal"]
    assert changed == [{"op": "delete", "text": "Encourages "}, {"op": "insert", "text": "Urges "}]


def test_a_pasted_draft_without_blank_lines_has_a_paragraph_a_line(texts):
    lines = [text(texts, "51/5.zh", "OP1"), text(texts, "51/5.zh", "OP2")]
    draft = read_draft("\n".join(lines))
    assert [p.text for p in draft.paragraphs] == lines


def test_a_hard_wrapped_draft_has_its_lines_joined(texts):
    paragraph = text(texts, "37/7.en", "OP2")
    words = paragraph.split()
    wrapped = "\n".join(" ".join(words[i : i + 8]) for i in range(0, len(words), 8))
    draft = read_draft(f"The Human Rights Council,\n\n{wrapped}\n\n2. Decides to remain seized.")
    assert [p.text for p in draft.paragraphs] == [paragraph, "Decides to remain seized."]


# -- the command line --------------------------------------------------------------------------


@pytest.fixture
def draft_file(tmp_path, chinese_draft) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(chinese_draft, encoding="utf-8")
    return path


def test_check_json_is_one_contract_object_per_paragraph_in_order(hrc_qa, draft_file):
    result = hrc_qa("check", draft_file, "--json")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["index"] for r in records] == list(range(1, 9))
    assert [r["verdict"] for r in records] == [
        *("agreed", "agreed", "adapted", "adapted", "agreed", "agreed", "adapted", "new")
    ]
    first = records[2]
    assert set(first) >= {"index", "text", "verdict", "sources"}
    source = first["sources"][0]
    assert {k: source[k] for k in ("resolution", "paragraph", "language")} == {
        "resolution": "57/12",
        "paragraph": "OP3",
        "language": "zh",
    }
    assert source["citation"]["zh"] == "人权理事会第57/12号决议第3段"
    assert source["citation"]["en"] == "Human Rights Council resolution 57/12, para. 3"
    assert 0.4 <= source["similarity"] < 1
    assert {"op": "insert", "text": "敦促"} in source["diff"]
    assert records[-1]["sources"] == []
    assert records[0]["sources"][0]["similarity"] == 1.0


def test_check_prints_verdicts_citations_and_a_summary(hrc_qa, draft_file):
    result = hrc_qa("check", draft_file)
    assert result.exit_code == 0, result.stderr
    assert "[3] adapted  1. 敦促各国" in result.stdout
    assert "人权理事会第57/12号决议第3段  A/HRC/RES/57/12" in result.stdout
    assert "[-鼓励-]{+敦促+}各国向地方政府" in result.stdout
    assert "4 agreed, 3 adapted, 1 new" in result.stdout


def test_check_writes_a_word_file_whose_footnotes_cite_each_source(hrc_qa, draft_file, tmp_path):
    from docx import Document

    out = tmp_path / "report.docx"
    result = hrc_qa("check", draft_file, "--out", out)
    assert result.exit_code == 0, result.stderr
    document = Document(str(out))
    parts = {part.partname: part for part in document.part.package.parts}
    footnotes = parts["/word/footnotes.xml"]
    assert footnotes.content_type == FOOTNOTES_TYPE
    assert any(
        rel.reltype.endswith("/footnotes") and rel.target_part is footnotes
        for rel in document.part.rels.values()
    )
    notes = footnote_texts(footnotes.blob)
    assert len(notes) == 7  # the agreed and adapted paragraphs; the new one has none
    assert notes[0] == "商定措辞：人权理事会第57/12号决议序言部分第2段（A/HRC/RES/57/12）。"
    assert notes[2] == "改编自：人权理事会第57/12号决议第3段（A/HRC/RES/57/12）。"
    assert notes[6].startswith("改编自：人权理事会第51/5号决议第10段（A/HRC/RES/51/5）；")
    references = document.element.body.xpath(".//w:footnoteReference/@w:id")
    assert references == [str(number) for number in range(1, 8)]
    paragraphs = [p.text for p in document.paragraphs]
    assert "1. 敦促各国向地方政府提供充足的资金和技术能力" in "\n".join(paragraphs)
    struck = [r.text for p in document.paragraphs for r in p.runs if r.font.strike]
    assert "鼓励" in struck


def footnote_texts(blob: bytes) -> list[str]:
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    root = parse_xml(blob)
    return [
        "".join(node.text or "" for node in note.iter(qn("w:t"))).strip()
        for note in root.iter(qn("w:footnote"))
        if note.get(qn("w:type")) is None
    ]


def test_check_writes_markdown_with_marked_changes(hrc_qa, draft_file, tmp_path):
    out = tmp_path / "report.md"
    result = hrc_qa("check", draft_file, "--out", out)
    assert result.exit_code == 0, result.stderr
    written = out.read_text(encoding="utf-8")
    assert "4 段商定措辞，3 段改编，1 段新措辞" in written
    assert "[-鼓励-]{+敦促+}" in written
    assert "[^1]: 商定措辞：人权理事会第57/12号决议序言部分第2段（A/HRC/RES/57/12）。" in written


def test_an_exported_word_file_is_read_back_as_the_same_draft(checker, chinese_report):
    data = export(chinese_report, "docx")
    draft = read_draft_file(data, "report.docx")
    texts = [p.text for p in draft.paragraphs]
    for check in chinese_report.checks:
        assert check.paragraph.text in texts


# -- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "name", "said"),
    [
        (b"", "draft.txt", "The draft has no paragraphs to check"),
        (b"  \n\n ", "draft.txt", "The draft has no paragraphs to check"),
        ("人权理事会，\n\n".encode(), "draft.txt", "The draft has no paragraphs to check"),
        (
            b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
            "draft.docx",
            "not a Word document (it looks like an image)",
        ),
        (b"PK\x03\x04" + b"\x00" * 64, "draft.docx", "This file cannot be read"),
        (b"\xff\xfe\x00\xd8" * 8, "draft.txt", "This file cannot be read"),
        (b"{\\rtf1 The Human Rights Council,}", "draft.rtf", "This file cannot be read"),
        (b"caf\xe9 au lait", "draft.txt", "not UTF-8 text"),
    ],
    ids=[
        "empty",
        "blank",
        "opening only",
        "image as docx",
        "broken zip",
        "utf-16 junk",
        "rtf",
        "latin-1",
    ],
)
def test_a_draft_that_cannot_be_checked_gets_a_clear_message(hrc_qa, tmp_path, content, name, said):
    path = tmp_path / name
    path.write_bytes(content)
    result = hrc_qa("check", path)
    assert result.exit_code == 2
    assert said in result.stderr
    assert "Traceback" not in result.stderr


def test_a_draft_of_a_thousand_paragraphs_is_refused_at_once(hrc_qa, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(f"{n}. 鼓励各国开展第{n}项工作；" for n in range(1, 1001)))
    result = hrc_qa("check", path, "--json")
    assert result.exit_code == 2
    assert f"more than the {MAX_DRAFT_PARAGRAPHS} that can be checked at once" in result.stderr
    assert result.stdout == ""


def test_a_refusal_is_said_in_the_users_language(hrc_qa, tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    path = tmp_path / "empty.md"
    path.write_text("# 标题\n")
    result = hrc_qa("check", path)
    assert result.exit_code == 2
    assert "草案中没有要核对的段落" in result.stderr


def test_a_text_file_named_docx_is_read_with_a_warning(hrc_qa, tmp_path, chinese_draft):
    path = tmp_path / "draft.docx"
    path.write_text(chinese_draft, encoding="utf-8")
    result = hrc_qa("check", path, "--json")
    assert result.exit_code == 0, result.stderr
    assert "named as Word (.docx) but holds text" in result.stderr
    assert len(result.stdout.splitlines()) == 8


def test_a_pdf_draft_is_read(hrc_qa, tmp_path, texts):
    from fixtures.documents import resolution_pdf

    paragraphs = [text(texts, "37/7.en", "OP8"), text(texts, "37/7.en", "OP2")]
    draft = "The Human Rights Council,\n\n" + "\n\n".join(
        f"{n}. {p}" for n, p in enumerate(paragraphs, 1)
    )
    path = tmp_path / "draft.pdf"
    resolution_pdf(draft, path, symbol="A/HRC/58/L.5", job_number="GE.25-00001(E)")
    result = read_draft_file(path.read_bytes(), path.name)
    assert [p.text for p in result.paragraphs] == paragraphs
    assert [p.label for p in result.paragraphs] == ["1.", "2."]


def test_an_unknown_export_format_is_refused_before_anything_is_read(hrc_qa, draft_file, tmp_path):
    result = hrc_qa("check", draft_file, "--out", tmp_path / "report.odt")
    assert result.exit_code == 2
    assert "The export format is json, md or docx" in result.stderr


def test_a_paragraph_of_a_hundred_thousand_characters_is_refused():
    with pytest.raises(DraftError) as refused:
        read_draft("人权理事会，\n\n1. " + "鼓励" * 50_000 + "；")
    assert refused.value.key == "check_paragraph_too_long"
    assert "第 1 段有 100001 个字符" in refused.value.said_in("zh")


def test_a_zip_bomb_named_docx_is_refused(tmp_path):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as padding:
            for _ in range(120):
                padding.write(b"\x00" * 2**20)
    with pytest.raises(DraftError) as refused:
        read_draft_file(buffer.getvalue(), "draft.docx")
    assert refused.value.key == "check_refused"
    assert "MiB" in refused.value.said_in("en")


def test_a_draft_is_read_from_stdin(hrc_qa, chinese_draft):
    result = hrc_qa("check", "-", "--json", input=chinese_draft)
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["index"] for line in result.stdout.splitlines()] == list(range(1, 9))


@pytest.mark.parametrize("language", ["fr", "ar", "ru", "es"])
def test_a_draft_in_another_language_keeps_its_own_numbering_apart(
    tmp_path, fake_encoder, language
):
    """Numbering as each language writes it (`2.`, `a)`, `ii)`; Arabic `2-`, `(أ)`, `’1‘`) is
    the draft's label, not compared: every paragraph of the resolution, so numbered, is
    agreed with itself."""
    from languages.documents import DOCUMENT_FORMS

    fixture = Path(__file__).parent / "fixtures" / "languages" / f"A_HRC_RES_37_7.{language}.txt"
    update(tmp_path, fake_encoder, [fixture])
    store = FaissStore.load(tmp_path, fake_encoder.name, fake_encoder.dimension)
    resolution = read_resolutions([fixture])[0]
    forms = DOCUMENT_FORMS[language]

    def numbered(paragraph) -> str:
        if paragraph.part == "preambular":
            return paragraph.text
        if not paragraph.subdivisions:
            mark = "-" if language == "ar" else "."
            return f"{paragraph.number}{mark} {paragraph.text}"
        depth = len(paragraph.subdivisions) - 1
        item = forms.written_item(paragraph.subdivisions[-1], depth)
        if language == "ar":
            return (f"({item})" if depth == 0 else f"’{item}‘") + " " + paragraph.text
        return f"{item}) {paragraph.text}"

    opening = {"fr": "Le Conseil des droits de l’homme,", "ar": "إن مجلس حقوق الإنسان،"}
    lines = [numbered(p) for p in resolution.paragraphs]
    draft = read_draft("\n\n".join([opening.get(language, ""), *lines]))
    assert draft.language == language
    assert [p.text for p in draft.paragraphs] == [p.text for p in resolution.paragraphs]
    report = DraftChecker(HybridRetriever(store, fake_encoder)).check(draft)
    assert {c.verdict for c in report.checks} == {"agreed"}
    assert [c.sources[0].paragraph.label for c in report.checks] == [
        p.label for p in resolution.paragraphs
    ]


def test_text_beyond_any_draft_is_refused_before_it_is_read():
    from corpus.draft import MAX_DRAFT_CHARS

    with pytest.raises(DraftError) as refused:
        read_draft("鼓励各国；\n\n" * (MAX_DRAFT_CHARS // 6 + 1))
    assert refused.value.said_in("en") == "The draft is too long: at most 2000000 characters."


def test_a_draft_in_a_language_no_indexed_text_is_in_says_so(hrc_qa, tmp_path):
    path = tmp_path / "projet.txt"
    path.write_text(
        "Le Conseil des droits de l’homme,\n\n1. Prie le Haut-Commissaire d’établir un rapport ;"
    )
    result = hrc_qa("check", path, "--json")
    assert result.exit_code == 0, result.stderr
    assert "Aucune résolution indexée n’est en Français" in result.stderr
    assert json.loads(result.stdout)["verdict"] == "new"
