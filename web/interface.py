"""The Gradio page over one assistant: the chat, the filters beside it, the events that
connect them, and Gradio's `/ask` API endpoint. What it shows is rendered by web/render.py.

What a client can make it hold is bounded: a conversation keeps its last MAX_TURNS answers,
the app keeps `max_sessions` conversations, and the queue lets `queue_size` questions wait
(one more is told the app is busy)."""

from __future__ import annotations

import json
import os
from importlib.resources import files
from typing import Any

# Before gradio is imported: it reads this when it loads, and the app must never call home.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
# Read when a queue is made. Gradio's queue keeps a record of every event (10,000 by default)
# for its monitoring dashboard and, after each event, summarises all of them in a pandas
# DataFrame in a worker thread of its own; the app turns monitoring off (server.py), so the
# records and the summaries were only memory, worker threads and CPU under load.
os.environ.setdefault("GRADIO_ANALYTICS_MAX_EVENTS", "1")
os.environ.setdefault("GRADIO_ANALYTICS_CACHE_FREQUENCY", str(2**62))

import gradio as gr

from languages.interface import INTERFACE, LANGUAGE_NAMES, ui_text
from qa.assistant import Assistant
from qa.request import DEFAULT_TOP_K
from web.answering import answer_question, refresh
from web.render import render_chat
from web.settings import Settings

PARTS = ("", "preambular", "operative", "annex")
MAX_TOP_K_SLIDER = 20
MAX_TURNS = 20
"""The answers a conversation keeps (and shows); older ones are dropped. Each may quote up to
MAX_TOP_K_SLIDER paragraphs, and the server holds every session's answers."""
STATIC = files("web").joinpath("static")


def head() -> str:
    """What the page head carries: the words the copy buttons say after copying, as data,
    and the copy listener itself. Inline, not `<script src>`: as a <gradio-app> web
    component on another site, Gradio copies these elements into that site's head, where a
    relative `src` would point at that site."""
    copy_words = {ui: [text["copied"], text["copy_failed"]] for ui, text in INTERFACE.items()}
    # Inside <script>, only "</" could end the element early; JSON may write it as "<\/".
    data = json.dumps(copy_words, ensure_ascii=False).replace("</", "<\\/")
    return (
        f'<script type="application/json" id="hrc-qa-words">{data}</script>'
        f"<script>{static_text('copy.js')}</script>"
    )


def chat_css() -> str:
    return static_text("chat.css")


def static_text(name: str) -> str:
    """A file of web/static/ (the chat's CSS, its scripts)."""
    return STATIC.joinpath(name).read_text(encoding="utf-8")


def follow_up_context(turns: list[dict[str, Any]]) -> str:
    """The resolution the conversation is about: the first quote of the last answer that
    quoted anything, so that `那第8段呢？` after an answer from 57/12 means 57/12's paragraph
    8. An error in between (it quotes nothing) does not change the subject."""
    for answer in reversed(turns):
        if answer["results"]:
            return answer["results"][0]["resolution"]
    return ""


def indexed_resolutions(assistant: Assistant) -> list[tuple[str, str]]:
    """(label, name) for each resolution in the index, in number order, for the filter."""
    # The first text of each resolution names it (zh before en).
    titles: dict[str, str] = {}
    for resolution in assistant.resolutions():
        titles.setdefault(resolution.name, resolution.title)
    return [(f"{name} {shorten(title, 28)}", name) for name, title in titles.items()]


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def year_choices(assistant: Assistant, ui: str) -> list[tuple[str, str]]:
    """The adoption years of the indexed resolutions, and "any" (an open end of the range)."""
    years = sorted({r.adopted.year for r in assistant.resolutions()})
    return [(ui_text(ui, "any_year"), ""), *((str(year), str(year)) for year in years)]


def part_choices(ui: str) -> list[tuple[str, str]]:
    return [(ui_text(ui, f"part_{part or 'all'}"), part) for part in PARTS]


def citation_choices(ui: str) -> list[tuple[str, str]]:
    return [(ui_text(ui, "follow_question"), "auto"), *((n, c) for c, n in LANGUAGE_NAMES.items())]


class Interface:
    """The Gradio page over one assistant: the chat, the filters beside it, the events that
    connect them, and the `/ask` API endpoint. Components are attributes, so that the
    handlers below can name what they update."""

    def __init__(self, assistant: Assistant, settings: Settings | None = None) -> None:
        self.assistant = assistant
        self.settings = settings or Settings()

    def build(self) -> gr.Blocks:
        """The page, its queue bounded as the settings say."""
        ui = "zh"  # the interface starts in Chinese; the language switch relabels it
        concurrency = self.settings.concurrency
        with gr.Blocks(title=INTERFACE[ui]["title"], analytics_enabled=False) as demo:
            self.turns = gr.State([])  # this session's answers (contract dicts), oldest first
            self._header(ui)
            with gr.Row(equal_height=False):
                with gr.Column(scale=3):
                    self._chat(ui)
                with gr.Column(scale=1, min_width=260):
                    self._filters(ui)
            self._connect(demo)
            gr.api(
                self.ask,
                api_name="ask",
                concurrency_id="assistant",
                concurrency_limit=concurrency,
            )
        demo.queue(default_concurrency_limit=concurrency, max_size=self.settings.queue_size)
        # Gradio keeps each session's state (the answers of its chat) until this many newer
        # sessions push it out; its default, 10,000, would let clients fill the memory.
        demo.state_session_capacity = self.settings.max_sessions
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
            autoscroll=False,  # show-latest-question.js scrolls to the answer's top instead
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
                concurrency_limit=self.settings.concurrency,
                **private,
            ).then(None, js=static_text("show-latest-question.js"))
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
        turns = [*turns, answer.to_dict()][-MAX_TURNS:]
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
        sessions: str | None = None,
        bodies: list[str] = [],  # noqa: B006 -- never changed; the API docs show []
    ) -> dict:
        """Answer a question about UN resolutions with quoted, cited paragraphs: the JSON
        answer contract of docs/citations.md.

        question: in any of the six official UN languages. top_k: how many paragraphs
        (1-50). resolutions: only these, e.g. ["57/12", "A/RES/80/4"]. part: "preambular",
        "operative" or "annex" ("" for all). year_from, year_to: adoption years, inclusive. context: the resolution a follow-up question is
        about, e.g. "57/12" for "那第8段呢？". sessions: a session (57) or a range ("51-57").
        bodies: only these bodies' resolutions, e.g. ["ga"] (hrc, ga, sc, ecosoc).
        Values of a wrong type are an answer with status error, never an exception.
        """
        return answer_question(
            self.assistant,
            question,
            top_k,
            resolutions,
            part,
            year_from,
            year_to,
            context,
            sessions,
            bodies,
        ).to_dict()


def heading(ui: str) -> str:
    """The page's title, what it does, and the way to the draft check (/check)."""
    text = INTERFACE[ui]
    return f"## {text['title']}\n{text['intro']} [{text['check_link']}](check?lang={ui})"
