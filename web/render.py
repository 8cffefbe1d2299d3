"""Answers and pages as HTML: pure functions of their data, with no gradio.

Pages and chat fragments are Jinja2 templates in templates/, autoescaped: every text that
comes from a user or a document is escaped where it is put in, and only `marked` (which
escapes piece by piece itself) hands the templates ready HTML.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from jinja2.ext import Extension
from markupsafe import Markup, escape

from corpus import Paragraph, Resolution, cite
from corpus.citation import resolution_in_words
from corpus.models import body_and_number, name_of_slug
from corpus.names import cross_references
from corpus.records import page_address
from languages import LANGUAGES
from languages.bodies import DEFAULT_BODY
from languages.citations import CITATION_FORMS
from languages.interface import INTERFACE, LANGUAGE_NAMES, text_direction, ui_text
from qa.answer import highlight_segments


class JoinedLines(Extension):
    """Fragments are written one element a line, for reading; the chat shows every line
    break (white-space: pre-line), so the line breaks and indents of a fragment's source are
    dropped before it is compiled. Only the template's own text: never a value put in it."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if name and name.startswith("fragments/"):
            return re.sub(r"\n\s*", "", source)
        return source


def marked(text: str, spans: Iterable[Sequence[int]]) -> Markup:
    """`text` escaped, with each span wrapped in <mark>; escaping piece by piece, so that no
    character of the document can ever become markup."""
    return (
        Markup("")
        .join(
            Markup("<mark>{}</mark>").format(piece) if highlighted else escape(piece)
            for piece, highlighted in highlight_segments(text, spans)
        )
        .replace("\n", Markup("<br>"))
    )


def quote_with_citation(result: dict[str, Any], language: str) -> str:
    """What "copy quote and citation" puts on the clipboard, ready for a draft."""
    return CITATION_FORMS[language].quoted.format(
        quote=result["quote"], citation=result["citation"][language], symbol=result["symbol"]
    )


templates = Environment(
    loader=PackageLoader("web", "templates"),
    autoescape=select_autoescape(["html"]),
    extensions=[JoinedLines],
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)
templates.globals.update(
    marked=marked,
    resolution_href=page_address,
    quote_with_citation=quote_with_citation,
    text_direction=text_direction,
    language_names=LANGUAGE_NAMES,
)


# -- the chat -----------------------------------------------------------------------------------


def render_answer(answer: dict[str, Any], ui: str, citation_language: str) -> str:
    """An answer (the contract's dict) as the chat shows it, labelled in language `ui`, its
    citations in `citation_language` ("auto": the question's)."""
    if citation_language not in LANGUAGES:
        citation_language = answer["language"]
    return templates.get_template("fragments/answer.html").render(
        answer=answer,
        ui=ui,
        words=INTERFACE[ui],
        language=citation_language,
        weak=answer["status"] != "ok",
    )


def render_question(question: str) -> str:
    """The question as the user typed it: escaped, never interpreted as HTML."""
    return str(marked(question, ()))


def render_chat(turns: list[dict[str, Any]], ui: str, citation_language: str) -> list[dict]:
    """The whole conversation as chatbot messages, rebuilt from the answers kept in state, so
    that switching a language re-renders every answer the same way."""
    messages: list[dict] = []
    for answer in turns:
        messages.append({"role": "user", "content": render_question(answer["question"])})
        messages.append(
            {"role": "assistant", "content": render_answer(answer, ui, citation_language)}
        )
    return messages


# -- pages --------------------------------------------------------------------------------------


def resolution_page(
    resolution: Resolution,
    language: str,
    indexed: frozenset[str] = frozenset(),
    languages: tuple[str, ...] = (),
) -> str:
    """The whole resolution, each paragraph anchored by its label and cited in `language`,
    with links to the resolutions it names that are `indexed` and to its text in the other
    `languages` the index holds it in. The page is in the language
    of the text (`<html lang>`, for screen readers, hyphenation and fonts); the interface's
    words and the citations, in `language`, say so where they are."""
    parts = [
        (
            part,
            [
                {
                    "paragraph": p,
                    "citation": cite(resolution, p, language),
                    "references": [
                        {"resolution": name, "text": words}
                        for name, words in cross_references(resolution, p).items()
                        if name in indexed
                    ],
                }
                for p in paragraphs
            ],
        )
        for part, paragraphs in itertools.groupby(resolution.paragraphs, _part)
    ]
    return templates.get_template("pages/resolution.html").render(
        resolution=resolution,
        other_languages=[other for other in languages if other != resolution.language],
        parts=parts,
        words=INTERFACE[language],
        ui=language,
        language=resolution.language,
        root="../",
    )


def _part(paragraph: Paragraph) -> str:
    return paragraph.part


def not_found_page(slug: str, language: str) -> str:
    """The page saying that the resolution at `/resolution/{slug}` is not indexed: the
    Council's named by its number, another body's with its body (`大会第80/4号决议`)."""
    name = name_of_slug(slug)
    if body_and_number(name)[0] == DEFAULT_BODY:
        sentence = ui_text(language, "resolution_not_found").format(number=name)
    else:
        named = resolution_in_words(name, language)
        sentence = ui_text(language, "body_resolution_not_found").format(resolution=named)
    return templates.get_template("pages/not_found.html").render(
        sentence=sentence, language=language, root="../"
    )


def embed_page() -> str:
    """The app in an <iframe> and as a <gradio-app> web component, for /embed-test."""
    return templates.get_template("pages/embed.html").render(language="en", root="")


def check_page(ui: str) -> str:
    """The draft check: a form, and the interface's words (as JSON, for check.js) in `ui`."""
    words = INTERFACE[ui]
    # Inside <script>, only "</" could end the element early; JSON may write it as "<\\/".
    data = json.dumps(words, ensure_ascii=False).replace("</", "<\\/")
    return templates.get_template("pages/check.html").render(
        words=words, words_json=Markup(data), ui=ui, language=ui, root=""
    )


def docs_page(language: str) -> str:
    """Swagger UI over the JSON API's OpenAPI document, from the app's own files."""
    return templates.get_template("pages/docs.html").render(
        title=ui_text(language, "api_docs"), language=language, root="../../"
    )
