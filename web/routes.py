"""The app's own pages beside Gradio's: each resolution's full text
(`/resolution/57-12?lang=zh#OP8`), the draft check (`/check?lang=zh`), the web-component
script (`/gradio.js`), a page that embeds the app both ways (`/embed-test`) and the files of
web/static/ (`/hrc-static/`)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from corpus import Resolution
from languages import DEFAULT_LANGUAGE, LANGUAGES
from qa.assistant import Assistant
from web.answering import refresh
from web.render import check_page, embed_page, not_found_page, resolution_page

STATIC_PATH = "/hrc-static"  # Gradio serves its own files at /static/


def add_routes(app: FastAPI, assistant: Assistant) -> None:
    """Our pages and static files on `app`, ahead of Gradio's catch-all mount at /."""
    app.include_router(page_routes(assistant))
    app.mount(STATIC_PATH, StaticFiles(directory=static_folder()), name="hrc-static")


def page_routes(assistant: Assistant) -> APIRouter:
    router = APIRouter()

    # HEAD as GET: link checkers and proxies ask whether a page is there without its body.
    @router.api_route("/resolution/{slug}", methods=["GET", "HEAD"], response_class=HTMLResponse)
    def show_resolution(slug: str, lang: str = "zh") -> HTMLResponse:
        refresh(assistant)
        language = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        resolution = find_resolution(assistant, slug, language)
        if resolution is None:
            return HTMLResponse(not_found_page(slug, language), status_code=404)
        texts = assistant.resolutions()
        indexed = frozenset(r.name for r in texts)
        languages = tuple(r.language for r in texts if r.name == resolution.name)
        return HTMLResponse(resolution_page(resolution, language, indexed, languages))

    @router.api_route("/check", methods=["GET", "HEAD"], response_class=HTMLResponse)
    def check_a_draft(lang: str = DEFAULT_LANGUAGE) -> str:
        return check_page(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)

    @router.api_route("/gradio.js", methods=["GET", "HEAD"])
    def web_component_script() -> FileResponse:
        # Loaded as a module script by pages on other sites, which the browser allows only
        # for the origins the CORS policy names (HRC_QA_ALLOWED_ORIGINS, web/server.py).
        return FileResponse(gradio_web_component_script(), media_type="text/javascript")

    @router.api_route("/embed-test", methods=["GET", "HEAD"], response_class=HTMLResponse)
    def embed_test() -> str:
        return embed_page()

    return router


def find_resolution(assistant: Assistant, slug: str, language: str) -> Resolution | None:
    """The text of the resolution at `/resolution/{slug}` (`57-12`, `ga-80-4`: its `slug`) in
    `language` if the index has it, else in any."""
    texts = [r for r in assistant.resolutions() if r.slug == slug]
    return next((r for r in texts if r.language == language), texts[0] if texts else None)


def static_folder() -> Path:
    return Path(str(files("web").joinpath("static")))


def gradio_web_component_script() -> Path:
    """Gradio's own loader of the <gradio-app> element, shipped inside the gradio package; it
    imports `./assets/index-<hash>.js`, which Gradio serves at /assets/ beside it."""
    return Path(str(files("gradio").joinpath("templates/frontend/gradio.js")))
