"""The web app: a Gradio chat and a JSON API over `qa.Assistant`, nothing more.

    python app.py            # http://127.0.0.1:7860 (GRADIO_SERVER_NAME / _PORT / _ROOT_PATH)

Every answer comes from one function, `answer_question`, shared by the chat and the `/ask` API
endpoint; this module only turns its `Answer` into HTML or JSON. Besides Gradio's own routes
the app serves the full text of each resolution (`/resolution/57-12?lang=zh#OP8`), the
web-component script (`/gradio.js`) and a page that embeds the app both ways (`/embed-test`).
"""

from __future__ import annotations

import html
import json
import logging
import os
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

# Before gradio is imported: it reads this when it loads, and the app must never call home.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr
import uvicorn
from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse

from corpus import Paragraph, Resolution, cite
from languages.interface import INTERFACE, LANGUAGE_NAMES, ui_text
from languages.messages import message
from qa.answer import Answer, highlight_segments
from qa.assistant import Assistant
from qa.request import DEFAULT_TOP_K, answer_request, clean_question, question_language
from store.atomic import IndexUnavailable

log = logging.getLogger("hrc-qa.app")

PARTS = ("", "preambular", "operative")
MAX_TOP_K_SLIDER = 20

# -- the one code path from a request to an Answer ----------------------------------------------


def answer_question(
    assistant: Assistant,
    question: str,
    top_k: int = DEFAULT_TOP_K,
    resolutions: list[str] | str | None = None,
    part: str | None = "",
    year_from: int | None = None,
    year_to: int | None = None,
    context: str | None = "",
) -> Answer:
    """The answer to one question, from the chat or the API: filters built, index fresh."""
    refresh(assistant)
    try:
        return answer_request(
            assistant, question, top_k, resolutions, part, None, (year_from, year_to), context
        )
    except Exception:
        # A bug must not take the app down or leave the user with a spinner: say so, log it.
        log.exception("answering %r failed", question)
        language = question_language(clean_question(str(question or "")))
        return Answer(str(question), "error", message("internal", language), (), language)


def refresh(assistant: Assistant) -> None:
    """Take up an index that `hrc-qa index` published since the last request."""
    try:
        assistant.refresh()
    except IndexUnavailable as error:
        # A broken new version must not stop the app: it keeps answering from the old one.
        log.warning("keeping the loaded index: %s", error)
    except OSError:
        log.exception("keeping the loaded index: the new one could not be read")


# -- interface text -----------------------------------------------------------------------------

# -- answers as chat messages -------------------------------------------------------------------


def marked(text: str, spans: list[list[int]] | tuple[tuple[int, int], ...]) -> str:
    """`text` escaped, with each span wrapped in <mark>; escaping piece by piece, so that no
    character of the document can ever become markup."""
    return "".join(
        f"<mark>{html.escape(piece)}</mark>" if highlighted else html.escape(piece)
        for piece, highlighted in highlight_segments(text, spans)
    ).replace("\n", "<br>")


def resolution_href(number: str, label: str, language: str) -> str:
    """A link relative to the app's root, so that it works behind GRADIO_ROOT_PATH too."""
    return f"resolution/{number.replace('/', '-')}?lang={language}#{label}"


def citation_text(result: dict[str, Any], language: str) -> str:
    return result["citation"][language]


def quote_with_citation(result: dict[str, Any], language: str) -> str:
    """What "copy quote and citation" puts on the clipboard, ready for a draft."""
    citation = f"{citation_text(result, language)}, {result['symbol']}"
    if language == "zh":
        return f"“{result['quote']}”\n（{citation.replace(', ', '，')}）"
    return f"“{result['quote']}”\n({citation})"


def copy_button(text: str, label: str, kind: str, ui: str) -> str:
    # The chatbot's sanitizer drops inline handlers and data-* attributes but keeps a button's
    # `value` and `lang`: the text to copy rides in `value`, and one delegated listener in the
    # page head (HEAD) copies it, saying "copied" in the button's language.
    return (
        f'<button type="button" class="hrc-copy hrc-copy-{kind}" lang="{ui}" '
        f'value="{html.escape(text, quote=True)}">{html.escape(label)}</button>'
    )


def render_quote(result: dict[str, Any], language: str, ui: str, weak: bool) -> str:
    """One paragraph of an answer: citation, the quote with its matching words marked, what
    document it is, and the buttons."""
    citation = citation_text(result, language)
    href = resolution_href(result["resolution"], result["paragraph"], language)
    meta = " · ".join(
        [
            html.escape(result["symbol"]),
            html.escape(result["title"]),
            f"{ui_text(ui, 'adopted')} {html.escape(result['adopted'])}",
            f"{ui_text(ui, 'score')} {result['score']:.2f}",
        ]
    )
    return (
        f'<div class="hrc-quote{" hrc-weak" if weak else ""}">'
        f'<div class="hrc-citation"><span class="hrc-rank">{result["rank"]}</span> '
        f"<strong>{html.escape(citation)}</strong></div>"
        f'<blockquote class="hrc-text">{marked(result["quote"], result["highlights"])}</blockquote>'
        f'<div class="hrc-meta">{meta}</div>'
        f'<div class="hrc-actions">'
        f"{copy_button(citation, ui_text(ui, 'copy_citation'), 'citation', ui)}"
        f"{copy_button(quote_with_citation(result, language), ui_text(ui, 'copy_quote'), 'quote', ui)}"
        f'<a class="hrc-open" href="{html.escape(href)}" target="_blank" rel="noopener">'
        f"{html.escape(ui_text(ui, 'open'))}</a>"
        f"</div></div>"
    )


def render_answer(answer: dict[str, Any], ui: str, citation_language: str) -> str:
    """An answer as the chat shows it; `no_match` and `error` read as plain sentences."""
    language = answer["language"] if citation_language not in ("zh", "en") else citation_language
    parts = []
    if answer["message"]:
        parts.append(f'<p class="hrc-message">{html.escape(answer["message"])}</p>')
    weak = answer["status"] != "ok"
    parts += [render_quote(result, language, ui, weak) for result in answer["results"]]
    return f'<div class="hrc-answer hrc-{answer["status"]}">{"".join(parts)}</div>'


def render_chat(turns: list[dict[str, Any]], ui: str, citation_language: str) -> list[dict]:
    """The whole conversation as chatbot messages, rebuilt from the answers kept in state, so
    that switching a language re-renders every answer the same way."""
    messages: list[dict] = []
    for answer in turns:
        # The question is shown as the user typed it: escaped, never interpreted as HTML.
        question = html.escape(answer["question"]).replace("\n", "<br>")
        messages.append({"role": "user", "content": question})
        messages.append(
            {"role": "assistant", "content": render_answer(answer, ui, citation_language)}
        )
    return messages


def follow_up_context(turns: list[dict[str, Any]]) -> str:
    """The resolution the conversation is about: the first quote of the last answer that
    quoted anything, so that `那第8段呢？` after an answer from 57/12 means 57/12's paragraph
    8. An error in between (it quotes nothing) does not change the subject."""
    for answer in reversed(turns):
        if answer["results"]:
            return answer["results"][0]["resolution"]
    return ""


# -- the Gradio interface -----------------------------------------------------------------------

CSS = """
.hrc-answer { display: flex; flex-direction: column; gap: 0.75rem; }
.hrc-message { margin: 0; }
.hrc-quote { border-left: 3px solid var(--color-accent, #2563eb); padding: 0.25rem 0 0.25rem 0.75rem; }
.hrc-weak { border-left-color: var(--border-color-primary, #d1d5db); opacity: 0.85; }
.hrc-citation { font-size: 1.02em; }
.hrc-rank { display: inline-block; min-width: 1.4em; text-align: center; border-radius: 0.7em;
  background: var(--color-accent-soft, #dbeafe); font-size: 0.85em; margin-right: 0.25rem; }
.hrc-text { margin: 0.35rem 0; padding: 0; border: none; font-style: normal; line-height: 1.6; }
.hrc-text mark { background: #fde68a; color: #1f2937; padding: 0 1px; }
.hrc-meta { font-size: 0.85em; color: var(--body-text-color-subdued, #6b7280); }
.hrc-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.4rem; align-items: center; }
.hrc-actions button, .hrc-actions a { font-size: 0.85em; padding: 0.15rem 0.6rem; cursor: pointer;
  border: 1px solid var(--border-color-primary, #d1d5db); border-radius: 0.4rem;
  background: var(--button-secondary-background-fill, #f3f4f6);
  color: var(--body-text-color, #1f2937); text-decoration: none; }
.hrc-actions button:hover, .hrc-actions a:hover { border-color: var(--color-accent, #2563eb); }
"""

# One delegated listener for every copy button the chat will ever render (the buttons come
# and go with each answer, and the chatbot's sanitizer strips inline handlers). The Clipboard
# API needs a secure context (https or localhost); elsewhere a selected textarea and
# execCommand("copy") still work. Links are made absolute against the app when the app runs
# as a <gradio-app> web component on someone else's page, where relative links would point
# at that page's site.
HEAD_SCRIPT = """
(() => {
  if (window.hrcQaListening) return;
  window.hrcQaListening = true;
  const DONE = __DONE__;
  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (error) {
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      let done = false;
      try { done = document.execCommand("copy"); } catch (ignored) { done = false; }
      area.remove();
      return done;
    }
  }
  document.addEventListener("click", async (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target && target.closest("a.hrc-open");
    if (link) {
      const host = link.closest("gradio-app");
      const root = host && host.getAttribute("src");
      if (root) link.href = new URL(link.getAttribute("href"), root.replace(/\\/?$/, "/")).href;
      return;
    }
    const button = target && target.closest("button.hrc-copy");
    if (!button) return;
    event.preventDefault();
    event.stopPropagation();
    if (!button.hrcLabel) button.hrcLabel = button.textContent;
    const done = await copyText(button.value);
    const words = DONE[button.lang] || DONE.zh;
    button.textContent = done ? words[0] : words[1];
    button.classList.toggle("hrc-copied", done);
    clearTimeout(button.hrcTimer);
    button.hrcTimer = setTimeout(() => { button.textContent = button.hrcLabel; }, 1500);
  });
})();
"""
COPY_WORDS = {ui: [text["copied"], text["copy_failed"]] for ui, text in INTERFACE.items()}
HEAD = (
    "<script>"
    + HEAD_SCRIPT.replace("__DONE__", json.dumps(COPY_WORDS, ensure_ascii=False))
    + "</script>"
)


# After an answer: scroll the chat so that the question just asked is at its top and the
# best paragraph right below it, instead of the chatbot's scrolling to the answer's end.
SHOW_LATEST_QUESTION = """
() => setTimeout(() => {
  const asked = document.querySelectorAll("#hrc-chat [data-testid='user']");
  const latest = asked[asked.length - 1];
  if (!latest) return;
  let box = latest.parentElement;
  while (box && !(box.scrollHeight > box.clientHeight + 1 &&
                  /(auto|scroll)/.test(getComputedStyle(box).overflowY))) {
    box = box.parentElement;
  }
  if (box) box.scrollTop += latest.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
}, 100)
"""


def indexed_resolutions(assistant: Assistant) -> list[tuple[str, str]]:
    """(label, number) for each resolution in the index, in number order, for the filter."""
    # The first text of each number names it (zh before en).
    titles: dict[str, str] = {}
    for resolution in assistant.resolutions():
        titles.setdefault(resolution.number, resolution.title)
    return [(f"{number} {shorten(title, 28)}", number) for number, title in titles.items()]


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def year_choices(assistant: Assistant, ui: str) -> list[tuple[str, str]]:
    """The adoption years of the indexed resolutions, and "any" (an open end of the range)."""
    years = sorted({r.adopted.year for r in assistant.resolutions()})
    return [(ui_text(ui, "any_year"), ""), *((str(year), str(year)) for year in years)]


def part_choices(ui: str) -> list[tuple[str, str]]:
    return [(ui_text(ui, f"part_{part or 'all'}"), part) for part in PARTS]


def citation_choices(ui: str) -> list[tuple[str, str]]:
    return [(ui_text(ui, "follow_question"), "auto"), ("中文", "zh"), ("English", "en")]


class Interface:
    """The Gradio page over one assistant: the chat, the filters beside it, the events that
    connect them, and the `/ask` API endpoint. Components are attributes, so that the
    handlers below can name what they update."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant

    def build(self) -> gr.Blocks:
        ui = "zh"  # the interface starts in Chinese; the language switch relabels it
        with gr.Blocks(title=INTERFACE[ui]["title"], analytics_enabled=False) as demo:
            self.turns = gr.State([])  # this session's answers (contract dicts), oldest first
            self._header(ui)
            with gr.Row(equal_height=False):
                with gr.Column(scale=3):
                    self._chat(ui)
                with gr.Column(scale=1, min_width=260):
                    self._filters(ui)
            self._connect(demo)
            gr.api(self.ask, api_name="ask", concurrency_id="assistant", concurrency_limit=2)
        return demo

    # -- layout ---------------------------------------------------------------------------------

    def _header(self, ui: str) -> None:
        with gr.Row(equal_height=False):
            self.heading = gr.Markdown(heading(ui), elem_id="hrc-heading")
            self.interface = gr.Radio(
                [(name, code) for code, name in LANGUAGE_NAMES.items()],
                value=ui,
                label="界面语言 / Language",
                scale=0,
                min_width=200,
                elem_id="hrc-interface",
            )

    def _chat(self, ui: str) -> None:
        self.chatbot = gr.Chatbot(
            label=INTERFACE[ui]["chat"],
            placeholder=INTERFACE[ui]["empty_chat"],
            elem_id="hrc-chat",
            height=620,
            autoscroll=False,  # SHOW_LATEST_QUESTION scrolls to the answer's top instead
            # Answers are HTML built here from escaped text; Markdown would read a paragraph's
            # `*` or `1.` as formatting, and `$` as LaTeX.
            render_markdown=False,
            latex_delimiters=[],
            sanitize_html=True,
            buttons=[],
            feedback_options=None,
        )
        self.question = gr.Textbox(
            label=INTERFACE[ui]["question"],
            placeholder=INTERFACE[ui]["placeholder"],
            max_lines=4,
            autofocus=True,
            elem_id="hrc-question",
        )
        with gr.Row():
            self.send = gr.Button(INTERFACE[ui]["send"], variant="primary", elem_id="hrc-send")
            self.clear = gr.Button(INTERFACE[ui]["clear"], elem_id="hrc-clear")

    def _filters(self, ui: str) -> None:
        self.filters_heading = gr.Markdown(f"### {INTERFACE[ui]['filters']}")
        self.resolutions = gr.Dropdown(
            choices=indexed_resolutions(self.assistant),
            value=[],
            multiselect=True,
            label=INTERFACE[ui]["resolutions"],
            info=INTERFACE[ui]["resolutions_info"],
            elem_id="hrc-resolutions",
        )
        self.part = gr.Radio(
            part_choices(ui), value="", label=INTERFACE[ui]["part"], elem_id="hrc-part"
        )
        with gr.Row():
            years = year_choices(self.assistant, ui)
            self.year_from = gr.Dropdown(
                years, value="", label=INTERFACE[ui]["year_from"], elem_id="hrc-year-from"
            )
            self.year_to = gr.Dropdown(
                years, value="", label=INTERFACE[ui]["year_to"], elem_id="hrc-year-to"
            )
        self.top_k = gr.Slider(
            1,
            MAX_TOP_K_SLIDER,
            value=DEFAULT_TOP_K,
            step=1,
            label=INTERFACE[ui]["top_k"],
            elem_id="hrc-top-k",
        )
        self.citation_language = gr.Radio(
            citation_choices(ui),
            value="auto",
            label=INTERFACE[ui]["citation_language"],
            elem_id="hrc-citation-language",
        )

    # -- events ---------------------------------------------------------------------------------

    def _connect(self, demo: gr.Blocks) -> None:
        private = {"api_visibility": "private"}  # the API is /ask alone
        asked = [
            *(self.question, self.turns, self.top_k, self.resolutions, self.part),
            *(self.year_from, self.year_to, self.interface, self.citation_language),
        ]
        for trigger in (self.question.submit, self.send.click):
            trigger(
                self.respond,
                asked,
                [self.chatbot, self.turns, self.question],
                concurrency_id="assistant",
                concurrency_limit=2,
                **private,
            ).then(None, js=SHOW_LATEST_QUESTION)
        self.clear.click(lambda: ([], []), None, [self.chatbot, self.turns], **private)
        # The chatbot's own bin icon clears the messages; the answers behind them go too.
        self.chatbot.clear(lambda: [], None, self.turns, **private)
        shown = [self.turns, self.interface, self.citation_language]
        self.citation_language.change(render_chat, shown, self.chatbot, **private)
        self.interface.change(self.relabel, shown, self.relabelled(), **private)
        demo.load(
            self.on_load,
            self.interface,
            [self.resolutions, self.year_from, self.year_to],
            **private,
        )

    def respond(self, text, turns, top_k, resolutions, part, year_from, year_to, ui, citation):
        """The chat's turn: the answer to `text`, the follow-up context taken from the
        conversation, and the whole conversation re-rendered."""
        if not (text or "").strip():  # an empty box sent by accident: nothing to answer
            return render_chat(turns, ui, citation), turns, ""
        answer = answer_question(
            self.assistant,
            text,
            top_k,
            resolutions,
            part,
            year_from,
            year_to,
            context=follow_up_context(turns),
        )
        turns = [*turns, answer.to_dict()]
        return render_chat(turns, ui, citation), turns, ""

    def relabelled(self) -> list[gr.components.Component]:
        """What the language switch updates, in the order `relabel` returns it."""
        return [
            *(self.heading, self.chatbot, self.question, self.send, self.clear),
            *(self.filters_heading, self.resolutions, self.part, self.year_from, self.year_to),
            *(self.top_k, self.citation_language),
        ]

    def relabel(self, turns, ui, citation):
        """Every label of the interface in language `ui`, and the chat re-rendered."""
        text, years = INTERFACE[ui], year_choices(self.assistant, ui)
        return (
            gr.Markdown(heading(ui)),
            gr.Chatbot(
                label=text["chat"],
                placeholder=text["empty_chat"],
                value=render_chat(turns, ui, citation),
            ),
            gr.Textbox(label=text["question"], placeholder=text["placeholder"]),
            gr.Button(text["send"]),
            gr.Button(text["clear"]),
            gr.Markdown(f"### {text['filters']}"),
            gr.Dropdown(label=text["resolutions"], info=text["resolutions_info"]),
            gr.Radio(choices=part_choices(ui), label=text["part"]),
            gr.Dropdown(choices=years, label=text["year_from"]),
            gr.Dropdown(choices=years, label=text["year_to"]),
            gr.Slider(label=text["top_k"]),
            gr.Radio(choices=citation_choices(ui), label=text["citation_language"]),
        )

    def on_load(self, ui):
        """Filter choices from the index as it is now: a page opened after `hrc-qa index`
        added a resolution can filter on it."""
        refresh(self.assistant)
        years = year_choices(self.assistant, ui)
        return (
            gr.Dropdown(choices=indexed_resolutions(self.assistant)),
            gr.Dropdown(choices=years),
            gr.Dropdown(choices=years),
        )

    def ask(
        self,
        question: str,
        top_k: int = DEFAULT_TOP_K,
        resolutions: list[str] = [],  # noqa: B006 -- never changed; the API docs show []
        part: str = "",
        year_from: int | None = None,
        year_to: int | None = None,
        context: str = "",
    ) -> dict:
        """Answer a question about Human Rights Council resolutions with quoted, cited
        paragraphs: the JSON answer contract of docs/citations.md.

        question: in Chinese or English. top_k: how many paragraphs (1-50). resolutions: only
        these, e.g. ["57/12"]. part: "preambular" or "operative" ("" for both). year_from,
        year_to: adoption years, inclusive. context: the resolution a follow-up question is
        about, e.g. "57/12" for "那第8段呢？".
        """
        return answer_question(
            self.assistant, question, top_k, resolutions, part, year_from, year_to, context
        ).to_dict()


def heading(ui: str) -> str:
    return f"## {INTERFACE[ui]['title']}\n{INTERFACE[ui]['intro']}"


# -- pages the app serves besides the chat ------------------------------------------------------

PAGE_STYLE = """
body { font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; max-width: 52rem;
  margin: 2rem auto; padding: 0 1rem; line-height: 1.7; color: #1f2937; }
h1 { font-size: 1.4rem; line-height: 1.4; }
.meta { color: #6b7280; font-size: 0.9rem; }
.para { padding: 0.4rem 0.8rem; margin: 0.2rem 0; border-left: 3px solid transparent;
  scroll-margin-top: 4rem; }
.para:target { background: #fef3c7; border-left-color: #d97706; }
.sub { margin-left: 2rem; }
.label { color: #6b7280; font-size: 0.8rem; margin-right: 0.4rem; font-family: monospace; }
.cite { display: block; color: #6b7280; font-size: 0.8rem; }
.footnote { display: block; color: #4b5563; font-size: 0.85rem; }
h2 { font-size: 1.1rem; margin-top: 1.5rem; }
"""


PAGE_WORDS = {
    "zh": {"preambular": "序言部分", "operative": "执行部分", "adopted": "通过日期"},
    "en": {"preambular": "Preamble", "operative": "Operative part", "adopted": "Adopted"},
}


def find_resolution(assistant: Assistant, number: str, language: str) -> Resolution | None:
    """The text of resolution `number` in `language` if the index has it, else in any."""
    texts = [r for r in assistant.resolutions() if r.number == number]
    return next((r for r in texts if r.language == language), texts[0] if texts else None)


def resolution_page(resolution: Resolution, language: str) -> str:
    """The whole resolution, each paragraph anchored by its label (`#OP8`, `#OP8(a)`) and
    highlighted when it is the link's target (CSS :target, so no script is needed)."""
    words = PAGE_WORDS[language]
    body, part = [], None
    for paragraph in resolution.paragraphs:
        if paragraph.part != part:
            part = paragraph.part
            body.append(f"<h2>{words[part]}</h2>")
        body.append(paragraph_html(resolution, paragraph, language))
    title = html.escape(f"{resolution.number}. {resolution.title}")
    meta = f"{html.escape(resolution.symbol)} · {words['adopted']} {resolution.adopted.isoformat()}"
    return page(
        f"{html.escape(resolution.symbol)} {title}",
        f'<h1>{title}</h1><p class="meta">{meta}</p>{"".join(body)}',
        language,
    )


def paragraph_html(resolution: Resolution, paragraph: Paragraph, language: str) -> str:
    label = html.escape(paragraph.label, quote=True)
    marker = f"{html.escape(paragraph.marker)} " if paragraph.marker else ""
    footnotes = "".join(
        f'<span class="footnote">{html.escape(note)}</span>' for note in paragraph.footnotes
    )
    citation = html.escape(cite(resolution, paragraph, language))
    return (
        f'<div class="para{" sub" if paragraph.subdivisions else ""}" id="{label}">'
        f'<span class="label">{label}</span>{marker}{html.escape(paragraph.text)}'
        f'{footnotes}<span class="cite">{citation}</span></div>'
    )


def not_found_page(number: str, language: str) -> str:
    text = {
        "zh": f"索引中没有第{number}号决议。",
        "en": f"Resolution {number} is not in the index.",
    }[language]
    return page(html.escape(text), f"<h1>{html.escape(text)}</h1>", language)


def page(title: str, body: str, language: str) -> str:
    """A standalone HTML page; `title` and `body` are HTML already escaped."""
    return (
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{PAGE_STYLE}</style></head>"
        f"<body>{body}</body></html>"
    )


# The host page of /embed-test: the app in an <iframe> and as the <gradio-app> web component,
# both pointing back at this app. URLs are made absolute from the page's own address, so the
# page works on any port and under GRADIO_ROOT_PATH; the classic script runs before the module
# script that defines <gradio-app>, so the element has its `src` when it starts.
EMBED_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>hrc-qa embedded</title>
<style>body { font-family: system-ui, sans-serif; margin: 1rem; }
iframe { width: 100%; height: 900px; border: 1px solid #d1d5db; }</style>
</head><body>
<h1>hrc-qa embedded in a page</h1>
<h2>As an iframe</h2>
<iframe id="embed-iframe" title="hrc-qa" src="./"></iframe>
<h2>As a web component</h2>
<gradio-app id="embed-component" eager="true" info="false"></gradio-app>
<script>
  const root = new URL("./", window.location.href).href;
  document.getElementById("embed-component").setAttribute("src", root);
</script>
<script type="module" src="./gradio.js"></script>
</body></html>
"""


def gradio_web_component_script() -> Path:
    """Gradio's own loader of the <gradio-app> element, shipped inside the gradio package; it
    imports `./assets/index-<hash>.js`, which Gradio serves at /assets/ beside it."""
    return Path(str(files("gradio").joinpath("templates/frontend/gradio.js")))


def create_app(assistant: Assistant) -> FastAPI:
    """The ASGI app: our few routes first, then Gradio mounted at the root."""
    app = FastAPI(title="hrc-qa", docs_url=None, redoc_url=None, openapi_url=None)

    @app.get("/resolution/{number}", response_class=HTMLResponse)
    def show_resolution(number: str, lang: str = "zh") -> HTMLResponse:
        refresh(assistant)
        number, language = number.replace("-", "/"), "en" if lang == "en" else "zh"
        resolution = find_resolution(assistant, number, language)
        if resolution is None:
            return HTMLResponse(not_found_page(number, language), status_code=404)
        return HTMLResponse(resolution_page(resolution, language))

    @app.get("/gradio.js")
    def web_component_script() -> FileResponse:
        # Loaded as a module script by pages on other sites, which the browser allows only
        # with this header; the file is public and carries no credentials.
        return FileResponse(
            gradio_web_component_script(),
            media_type="text/javascript",
            headers={"Access-Control-Allow-Origin": "*"},
        )

    @app.get("/embed-test", response_class=HTMLResponse)
    def embed_test() -> str:
        return EMBED_PAGE

    demo = Interface(assistant).build()
    demo.queue(default_concurrency_limit=2)
    return gr.mount_gradio_app(
        app,
        demo,
        path="/",
        root_path=os.environ.get("GRADIO_ROOT_PATH") or None,
        footer_links=["api"],
        ssr_mode=False,
        css=CSS,
        head=HEAD,
    )


# -- start-up -----------------------------------------------------------------------------------


def open_assistant() -> Assistant:
    """The model and the index, opened once; without an index, say how to build one."""
    try:
        return Assistant.open()
    except IndexUnavailable as error:
        sys.stderr.write(
            f"hrc-qa: the app cannot start: {error}.\n"
            "(`make run` builds the index when there is none, then starts the app.)\n"
        )
        raise SystemExit(2) from None


def main() -> None:
    # Our own notes (a failed answer, a refused new index) and the libraries' warnings.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    log.setLevel(logging.INFO)
    host = os.environ.get("GRADIO_SERVER_NAME") or "127.0.0.1"
    port = int(os.environ.get("GRADIO_SERVER_PORT") or 7860)
    app = create_app(open_assistant())
    print(f"hrc-qa: serving on http://{host}:{port}/", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


if __name__ == "__main__":
    main()
