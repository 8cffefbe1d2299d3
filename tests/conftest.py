"""Shared fixtures: a fake encoder for fast tests, the real model where quality is measured.

Tests never write into the user's cache: `HRC_QA_HOME` points at `.hrc-qa/test-home` in the
repository (ignored by git), where the real model is rebuilt once and kept between runs, and
every index is built into a temporary folder. Subprocesses reach an index through `index_env`.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures.fake_encoder import FakeEncoder

from corpus import BUNDLED_CORPUS
from qa.assistant import Assistant
from qa.retrieval import HybridRetriever
from store.faiss_store import FaissStore
from store.update import update

TEST_HOME = Path(__file__).resolve().parents[1] / ".hrc-qa" / "test-home"
os.environ["HRC_QA_HOME"] = str(TEST_HOME)
os.environ.pop("HRC_QA_INDEX", None)
os.environ.pop("HRC_QA_STORE", None)
os.environ.pop("HRC_QA_MODEL", None)
os.environ["HF_HUB_OFFLINE"] = "1"


@pytest.fixture(scope="session")
def fake_encoder() -> FakeEncoder:
    return FakeEncoder()


@pytest.fixture(scope="session")
def fake_index_home(tmp_path_factory, fake_encoder) -> Path:
    """A folder holding an index of the bundled corpus built with the fake encoder."""
    home = tmp_path_factory.mktemp("fake-index")
    update(home, fake_encoder, [BUNDLED_CORPUS])
    return home


@pytest.fixture(scope="session")
def fake_assistant(fake_index_home, fake_encoder):
    """The whole assistant over the bundled corpus, with the fake encoder: fast, real store."""
    return open_assistant(fake_index_home, fake_encoder)


@pytest.fixture(scope="session")
def encoder():
    """The bundled model, as the app and the CLI load it."""
    from embeddings.model import load_encoder

    return load_encoder()


@pytest.fixture(scope="session")
def index_home(tmp_path_factory, encoder) -> Path:
    """A folder holding a freshly built index of the bundled corpus."""
    home = tmp_path_factory.mktemp("index")
    update(home, encoder, [BUNDLED_CORPUS])
    return home


@pytest.fixture(scope="session")
def index_env(index_home) -> dict[str, str]:
    """The environment for a subprocess (`hrc-qa`, the app) that should use that index."""
    return {**os.environ, "HRC_QA_INDEX": str(index_home)}


@pytest.fixture(scope="session")
def assistant(index_home, encoder):
    return open_assistant(index_home, encoder)


def open_assistant(home: Path, encoder) -> Assistant:
    """The assistant over the store in `home`, as `Assistant.open` makes it, with `encoder`."""
    store = FaissStore.load(home, encoder.name, encoder.dimension)
    return Assistant(HybridRetriever(store, encoder))


@pytest.fixture
def hrc_qa(monkeypatch, fake_index_home, fake_encoder):
    """`hrc-qa ARGS...` run in this process (click's CliRunner) over the fake-encoder index;
    the result has `exit_code`, `stdout` and `stderr`; `input=` is its stdin. Loading a model
    is replaced by the fake encoder, so that a command's whole code path runs in milliseconds."""
    from click.testing import CliRunner

    import embeddings.model
    from qa.cli import app

    monkeypatch.setattr(embeddings.model, "load_encoder", lambda *_, **__: fake_encoder)
    monkeypatch.setenv("HRC_QA_INDEX", str(fake_index_home))
    runner = CliRunner()
    return lambda *arguments, input=None: runner.invoke(
        app, [str(argument) for argument in arguments], input=input
    )


# -- the web app --------------------------------------------------------------------------------
# In process over the fake assistant for the fast tests (tests/test_web_*.py), and one real
# server with the real model for the whole session, shared by the API and browser tests.

CORS_ORIGIN = "http://intranet.example"
"""The one origin the test apps let call the JSON API from a browser."""


def post_an_endless_chunked_body(
    app, path: str, query_string: bytes = b""
) -> tuple[list[dict], int]:
    """POST to `path` of the ASGI `app` a chunked body that never ends, 10 bytes a chunk, at the
    ASGI level (a TestClient would gather the chunks before sending them); the messages the app
    sent back and how many bytes it pulled before it stopped reading."""
    pulled: list[int] = []
    sent: list[dict] = []

    async def receive() -> dict:
        pulled.append(10)
        return {"type": "http.request", "body": b'{"a": 1} \n', "more_body": True}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": query_string,
        "headers": [(b"transfer-encoding", b"chunked"), (b"content-type", b"application/json")],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    asyncio.run(app(scope, receive, send))
    return sent, sum(pulled)


def pytest_addoption(parser):
    parser.addoption(
        "--screenshots",
        metavar="FOLDER",
        default=None,
        help="Where the browser tests save their screenshots (default: a temporary folder); "
        "`make screenshots` passes docs/ to renew the README's.",
    )


@pytest.fixture(scope="session")
def web_app(fake_assistant):
    """The whole app (API, pages, Gradio) over the fake assistant, as `hrc-qa serve` builds it."""
    from web.server import create_app
    from web.settings import Settings

    return create_app(fake_assistant, Settings(allowed_origins=(CORS_ORIGIN,)))


@pytest.fixture(scope="session")
def web(web_app):
    """A TestClient of `web_app`: requests answered in process, no server."""
    from fastapi.testclient import TestClient

    with TestClient(web_app) as client:
        yield client


@pytest.fixture(scope="session")
def running_app_index(index_home, tmp_path_factory) -> Path:
    """A copy of the session's index for the running app, so that a test may publish a
    changed index there (and put the original back) without touching the one others read."""
    import shutil

    copy = tmp_path_factory.mktemp("running-app") / "index"
    shutil.copytree(index_home, copy)
    return copy


@pytest.fixture(scope="session")
def other_site_origin() -> str:
    """The origin of another site's page that embeds the app in the browser tests
    (`localhost` and a port of its own, the app being on `127.0.0.1`): chosen before the app
    starts, so that the app can name it in HRC_QA_ALLOWED_ORIGINS."""
    from fixtures.app_server import free_port

    return f"http://localhost:{free_port()}"


@pytest.fixture(scope="session")
def running_app_url(
    index_env, running_app_index, tmp_path_factory, other_site_origin
) -> Iterator[str]:
    """`python app.py` with the real model, started once for the session; its URL."""
    from fixtures.app_server import running_app

    origins = f"{CORS_ORIGIN},{other_site_origin}"
    env = {**index_env, "HRC_QA_INDEX": str(running_app_index), "HRC_QA_ALLOWED_ORIGINS": origins}
    log = tmp_path_factory.mktemp("running-app-log") / "app.log"
    with running_app(env, log) as url:
        yield url
