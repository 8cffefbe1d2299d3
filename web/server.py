"""The whole web app: `create_app(assistant)` puts the JSON API, our pages and the Gradio
chat on one FastAPI app; `serve()` opens the assistant and runs it with uvicorn.

    python app.py   or   hrc-qa serve [--host] [--port] [--root-path]

Settings come from the environment (web/settings.py): GRADIO_SERVER_NAME, GRADIO_SERVER_PORT,
GRADIO_ROOT_PATH, HRC_QA_MAX_BODY_BYTES, HRC_QA_CORS_ORIGINS.
"""

from __future__ import annotations

import dataclasses
import logging
import sys

from fastapi import FastAPI

from qa.assistant import Assistant
from store.atomic import IndexUnavailable
from web.api import PREFIX, create_api
from web.routes import add_routes
from web.settings import Settings

log = logging.getLogger("hrc-qa.app")


def create_app(assistant: Assistant, settings: Settings | None = None) -> FastAPI:
    """The ASGI app: the API and our routes first, then Gradio mounted at the root."""
    import gradio as gr  # loaded with the interface only: the API and pages do not need it

    from web.interface import Interface, chat_css, head

    settings = settings or Settings.from_environment()
    app = FastAPI(title="hrc-qa", docs_url=None, redoc_url=None, openapi_url=None)
    app.mount(PREFIX, create_api(assistant, settings))
    add_routes(app, assistant)
    demo = Interface(assistant).build()
    demo.queue(default_concurrency_limit=2)
    return gr.mount_gradio_app(
        app,
        demo,
        path="/",
        root_path=settings.root_path or None,
        footer_links=["api"],
        ssr_mode=False,
        css=chat_css(),
        head=head(),
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
    app = create_app(open_assistant(), settings)
    print(f"hrc-qa: serving on http://{settings.host}:{settings.port}/", flush=True)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
