"""web/render.py and the chat's helpers: answers and pages as HTML, with no server and no
model. Everything a user or a document supplies must come out as text, never as markup."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from web import render

HOSTILE_QUOTE = 'A <script>alert("x")</script> & "quoted" text'


def hostile_answer() -> dict:
    return {
        "question": "<img src=x onerror=alert(1)>",
        "status": "ok",
        "message": "",
        "language": "en",
        "results": [
            {
                "rank": 1,
                "resolution": "57/12",
                "symbol": "A/HRC/RES/57/12",
                "paragraph": "OP8",
                "title": "<b>title</b>",
                "adopted": "2024-10-10",
                "score": 0.9,
                "label": "direct",
                "quote": HOSTILE_QUOTE,
                "highlights": [[2, 8], [33, 34]],
                "citation": {"zh": "人权理事会第57/12号决议第8段", "en": "<i>cite</i>"},
            }
        ],
    }


class Elements(HTMLParser):
    """Every start tag of a fragment with its attributes, as a browser would read them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def all(self, tag: str, kind: str = "") -> list[dict[str, str | None]]:
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and kind in (attrs.get("class") or "").split()
        ]


def chat_html(turns: list[dict], ui: str = "en", citation: str = "auto") -> str:
    return "".join(message["content"] for message in render.render_chat(turns, ui, citation))


# -- escaping -----------------------------------------------------------------------------------


def test_document_text_is_escaped_before_words_are_marked():
    assert render.marked("<b> & x", [(0, 3)]) == "<mark>&lt;b&gt;</mark> &amp; x"
    assert render.marked("a\nb", []) == "a<br>b"


def test_nothing_in_an_answer_becomes_markup():
    shown = chat_html([hostile_answer()])

    assert "<script" not in shown
    assert "<img" not in shown
    assert "<b>" not in shown and "<i>" not in shown
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown
    assert "<mark>&lt;scrip</mark>" in shown  # the span, escaped, then marked
    # The copy buttons carry the text in an attribute, escaped, quotes and all.
    assert 'value="&lt;i&gt;cite&lt;/i&gt;"' in shown
    assert "&#34;quoted&#34;" in shown
    assert "&#34;quoted&#34; text”\n(&lt;i&gt;cite&lt;/i&gt;, A/HRC/RES/57/12)" in shown


def test_the_copy_buttons_hold_exactly_the_text_to_copy():
    buttons = Elements(chat_html([hostile_answer()])).all("button", "hrc-copy")

    assert [button["value"] for button in buttons] == [
        "<i>cite</i>",
        f"“{HOSTILE_QUOTE}”\n(<i>cite</i>, A/HRC/RES/57/12)",
    ]
    assert {button["lang"] for button in buttons} == {"en"}


def test_the_question_is_shown_as_typed():
    messages = render.render_chat([hostile_answer()], "zh", "auto")

    assert messages[0] == {"role": "user", "content": "&lt;img src=x onerror=alert(1)&gt;"}
    assert messages[1]["role"] == "assistant"


def test_a_fragment_has_no_line_breaks_of_its_own():
    # The chat shows every line break of a message (white-space: pre-line).
    shown = render.render_answer(hostile_answer(), "en", "auto")

    assert "\n" not in shown.replace("”\n(", "")  # the one in the copy value is the text's


# -- what an answer shows -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def answered(fake_assistant) -> dict:
    return fake_assistant.ask("57/12 OP8(a) 数据保护", top_k=2).to_dict()


def test_an_answer_shows_citation_quote_meta_and_buttons(answered):
    shown = render.render_answer(answered, "zh", "auto")
    first = answered["results"][0]

    assert first["paragraph"] == "OP8(a)"
    assert "<strong>人权理事会第57/12号决议第8段(a)项</strong>" in shown
    assert '<span class="hrc-rank">1</span>' in shown
    assert "A/HRC/RES/57/12 · 地方政府与人权 · 通过日期 2024-10-10 · 相关性 " in shown
    assert "直接相关" in shown  # a named paragraph is direct
    assert ">复制引文</button>" in shown
    assert ">复制段落和引文</button>" in shown
    assert ">查看决议全文</a>" in shown


def test_the_words_of_the_question_are_marked(answered):
    shown = render.render_answer(answered, "zh", "auto")

    assert "<mark>数据</mark>" in shown or "<mark>数据保护</mark>" in shown


def test_citations_follow_the_question_or_the_switch(answered):
    english = render.render_answer(answered, "zh", "en")
    following = render.render_answer(answered, "en", "auto")

    assert "Human Rights Council resolution 57/12, para. 8 (a)" in english
    assert "人权理事会第57/12号决议第8段(a)项" in following  # a Chinese question
    assert ">Copy citation</button>" in following


def test_the_quote_copy_value_is_ready_for_a_draft(answered):
    quote = Elements(render.render_answer(answered, "zh", "zh")).all("button", "hrc-copy-quote")

    value = quote[0]["value"]
    assert value.startswith("“吁请地方政府")
    assert value.endswith("”\n（人权理事会第57/12号决议第8段(a)项，A/HRC/RES/57/12）")
    english = Elements(render.render_answer(answered, "zh", "en")).all("button", "hrc-copy-quote")
    assert english[0]["value"].endswith(
        "”\n(Human Rights Council resolution 57/12, para. 8 (a), A/HRC/RES/57/12)"
    )


def test_the_link_opens_the_resolution_at_the_paragraph(answered):
    links = Elements(render.render_answer(answered, "zh", "en")).all("a", "hrc-open")

    assert links[0]["href"] == "resolution/57-12?lang=en#OP8(a)"  # relative: GRADIO_ROOT_PATH
    assert links[0]["target"] == "_blank"


def test_no_match_and_errors_read_as_sentences(fake_assistant):
    error = fake_assistant.ask("", top_k=5).to_dict()
    shown = render.render_answer(error, "zh", "auto")

    assert (
        shown
        == '<div class="hrc-answer hrc-error"><p class="hrc-message">请输入一个问题。</p></div>'
    )
    weak = {**hostile_answer(), "status": "no_match", "message": "Nothing relevant"}
    assert 'class="hrc-quote hrc-weak"' in render.render_answer(weak, "en", "auto")


# -- pages --------------------------------------------------------------------------------------


def test_the_resolution_page_anchors_and_cites_every_paragraph(fake_assistant):
    resolution = next(r for r in fake_assistant.resolutions() if r.number == "57/12")
    page = render.resolution_page(resolution, "zh")

    anchors = [attrs["id"] for attrs in Elements(page).all("div", "para")]
    assert anchors == [paragraph.label for paragraph in resolution.paragraphs]
    assert "人权理事会第57/12号决议第8段(a)项" in page
    assert "<h2>序言部分</h2>" in page and "<h2>执行部分</h2>" in page
    assert '<link rel="stylesheet" href="../hrc-static/page.css">' in page
    # English words over the Chinese text say they are English (finding 10 of issue 12).
    assert '<h2 lang="en">Operative part</h2>' in render.resolution_page(resolution, "en")


def test_the_not_found_page_names_the_number_escaped():
    assert "索引中没有第99/1号决议。" in render.not_found_page("99/1", "zh")
    page = render.not_found_page("<script>", "en")
    assert "Resolution &lt;script&gt; is not in the index." in page
    assert "<script>" not in page


def test_the_docs_page_loads_nothing_from_elsewhere():
    page = render.docs_page("en")

    assert "http" not in page
    sources = [attrs.get("src") or attrs.get("href") for _, attrs in Elements(page).tags]
    assert sorted(filter(None, sources)) == [
        "../../hrc-static/docs.js",
        "docs-assets/favicon-32x32.png",
        "docs-assets/swagger-ui-bundle.js",
        "docs-assets/swagger-ui.css",
    ]


# -- the chat's helpers -------------------------------------------------------------------------


def test_a_follow_up_takes_the_resolution_of_the_last_answer_that_quoted_something():
    from web.interface import follow_up_context

    quoted = {"status": "ok", "results": [{"resolution": "57/12"}]}
    failed = {"status": "error", "results": []}

    assert follow_up_context([]) == ""
    assert follow_up_context([quoted]) == "57/12"
    assert follow_up_context([quoted, failed]) == "57/12"


def test_the_page_head_carries_the_copy_words_as_data_and_the_listener():
    import json
    import re

    from web.interface import head

    words = re.search(r'<script type="application/json" id="hrc-qa-words">(.*?)</script>', head())

    copy_words = json.loads(words.group(1))
    assert list(copy_words) == ["zh", "en", "fr", "es", "ru", "ar"]
    assert copy_words["zh"] == ["已复制", "无法复制"]
    assert copy_words["en"] == ["Copied", "Could not copy"]
    assert copy_words["ar"] == ["تم النسخ", "تعذر النسخ"]
    assert 'document.addEventListener("click"' in head()
    assert "src=" not in head()  # nothing loaded, from elsewhere or here


@pytest.mark.parametrize(
    ("ui", "label", "shown"),
    [
        ("zh", "direct", "直接相关"),
        ("zh", "partial", "部分相关"),
        ("en", "nearest", "nearest only"),
    ],
)
def test_a_quote_shows_its_measured_relevance_label_not_the_raw_score(ui, label, shown):
    answer = hostile_answer()
    answer["results"][0]["label"] = label
    html = render.render_answer(answer, ui, "auto")
    assert shown in html
    assert "0.90" not in html  # the raw cosine stays in the JSON only
    assert Elements(html).all("span", f"hrc-label-{label}")
