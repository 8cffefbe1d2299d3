"""The whole web app: `create_app(assistant)` puts the JSON API, our pages and the Gradio
chat on one FastAPI app; `serve()` opens the assistant and runs it with uvicorn.

    python app.py   or   hrc-qa serve [--host] [--port] [--root-path]

Settings come from the environment (web/settings.py): GRADIO_SERVER_NAME, GRADIO_SERVER_PORT,
GRADIO_ROOT_PATH, HRC_QA_MAX_BODY_BYTES, HRC_QA_ALLOWED_ORIGINS, HRC_QA_CONCURRENCY,
HRC_QA_QUEUE_SIZE, HRC_QA_MAX_SESSIONS.
"""

from __future__ import annotations

import dataclasses
import logging
import sys

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from qa.assistant import Assistant
from store.atomic import IndexUnavailable
from web.api import CHECK_PATH, PREFIX, GradioAskSchema, create_api
from web.guard import ClosedRoutes, EmbeddingPolicy, ErrorsAsAnswers, LimitBody
from web.routes import add_routes
from web.settings import Settings

log = logging.getLogger("hrc-qa.app")


GRACEFUL_SHUTDOWN_SECONDS = 5


def create_app(assistant: Assistant, settings: Settings | None = None) -> FastAPI:
    """The ASGI app: the API and our routes first, then Gradio mounted at the root, all
    behind the same guards (web/guard.py)."""
    import gradio as gr  # loaded with the interface only: the API and pages do not need it

    from web.interface import Interface, chat_css, head

    settings = settings or Settings.from_environment()
    app = FastAPI(title="hrc-qa", docs_url=None, redoc_url=None, openapi_url=None)
    app.mount(PREFIX, create_api(assistant, settings))
    add_routes(app, assistant)
    demo = Interface(assistant, settings).build()
    app = gr.mount_gradio_app(
        app,
        demo,
        path="/",
        root_path=settings.root_path or None,
        footer_links=["api"],
        ssr_mode=False,
        # No /monitoring routes: Gradio's default (None) leaves its summary of every event's
        # function, outcome and time readable by anyone at /monitoring/summary.
        enable_monitoring=False,
        css=chat_css(),
        head=head(),
    )
    add_guards(app, settings)
    return app


def add_guards(app: FastAPI, settings: Settings) -> None:
    """What every request passes, outermost first: CORS (so that every answer, refusals too,
    carries it), the framing policy, error answers instead of 500s, the body limit, closed
    routes, and the schema of Gradio's named `/ask` call. `add_middleware` puts each one
    outside those added before it, hence the reverse order."""
    app.add_middleware(GradioAskSchema)
    app.add_middleware(ClosedRoutes)
    app.add_middleware(
        LimitBody, limit=settings.max_body_bytes, larger={CHECK_PATH: settings.max_draft_bytes}
    )
    app.add_middleware(ErrorsAsAnswers)
    app.add_middleware(EmbeddingPolicy, origins=settings.allowed_origins)
    # Gradio adds no CORS headers of its own when the app it is mounted on has this
    # middleware: the origins named are the only ones granted, on every route.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(settings.allowed_origins),
        allow_credentials=True,
        allow_methods=["GET", "POST", "HEAD"],
        allow_headers=["*"],
    )


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


def serve(host: str | None = None, port: int | None = None, root_path: str | None = None) -> None:
    """Run the app until stopped; what is not given comes from the environment."""
    import uvicorn

    # Our own notes (a failed answer, a refused new index) and the libraries' warnings.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("hrc-qa").setLevel(logging.INFO)
    settings = Settings.from_environment()
    given = {"host": host, "port": port, "root_path": (root_path or "").rstrip("/") or None}
    settings = dataclasses.replace(settings, **{k: v for k, v in given.items() if v is not None})
    assistant = open_assistant()
    app = create_app(assistant, settings)
    # After the page is built: this waits for the model's session, which opened meanwhile.
    table = getattr(assistant.retriever.encoder, "word_table", None)  # none for torch's runs
    try:
        if table is not None:
            table.read_sparsely()
    except OSError as error:  # a saving of memory only: the app serves without it
        log.warning("the word-embedding table is read as the system caches it: %s", error)
    print(f"hrc-qa: serving on http://{settings.host}:{settings.port}/", flush=True)
    # A stopped server waits this long for answers in flight, not for idle event streams.
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        log_level="warning",
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
    )
