"""The web app's settings, read from the environment once at start-up."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MAX_BODY_BYTES = 64 * 1024
DEFAULT_CONCURRENCY = 2
DEFAULT_QUEUE_SIZE = 32
DEFAULT_MAX_SESSIONS = 500
DEFAULT_MAX_DRAFT_BYTES = 8 * 2**20


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 7860
    root_path: str = ""
    """The path prefix a reverse proxy serves the app under (`/hrc-qa`), or ""."""
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    """The largest request body any route reads (a question is at most 2,000 characters); a
    larger one gets 413 before it is read into memory."""
    max_draft_bytes: int = DEFAULT_MAX_DRAFT_BYTES
    """The largest body of a draft to check (`POST /api/v1/check`): a Word or PDF draft in
    base64; every other route keeps `max_body_bytes`."""
    allowed_origins: tuple[str, ...] = ()
    """Origins, besides the app's own, whose pages may frame the app and call its APIs from a
    browser (Gradio's routes, the JSON API, /gradio.js); none by default."""
    concurrency: int = DEFAULT_CONCURRENCY
    """Questions answered at once: by the chat and Gradio's /ask together, and by the JSON API."""
    queue_size: int = DEFAULT_QUEUE_SIZE
    """Questions that may wait beyond those being answered (Gradio's queue, and the JSON
    API's own); one more is told the app is busy (503 with Retry-After)."""
    max_sessions: int = DEFAULT_MAX_SESSIONS
    """Chat sessions whose conversation the app keeps; the oldest is forgotten beyond it."""

    @classmethod
    def from_environment(cls) -> Settings:
        """GRADIO_SERVER_NAME, GRADIO_SERVER_PORT, GRADIO_ROOT_PATH (as Gradio names them),
        HRC_QA_MAX_BODY_BYTES, HRC_QA_MAX_DRAFT_BYTES, HRC_QA_ALLOWED_ORIGINS (comma-separated;
        HRC_QA_CORS_ORIGINS, its former name, is read when it is not set), HRC_QA_CONCURRENCY,
        HRC_QA_QUEUE_SIZE and HRC_QA_MAX_SESSIONS."""
        environ = os.environ
        origins = environ.get("HRC_QA_ALLOWED_ORIGINS") or environ.get("HRC_QA_CORS_ORIGINS")
        return cls(
            host=environ.get("GRADIO_SERVER_NAME") or cls.host,
            port=int(environ.get("GRADIO_SERVER_PORT") or cls.port),
            root_path=(environ.get("GRADIO_ROOT_PATH") or "").rstrip("/"),
            max_body_bytes=int(environ.get("HRC_QA_MAX_BODY_BYTES") or DEFAULT_MAX_BODY_BYTES),
            max_draft_bytes=int(environ.get("HRC_QA_MAX_DRAFT_BYTES") or DEFAULT_MAX_DRAFT_BYTES),
            allowed_origins=tuple(
                origin.strip().rstrip("/")
                for origin in (origins or "").split(",")
                if origin.strip()
            ),
            concurrency=int(environ.get("HRC_QA_CONCURRENCY") or DEFAULT_CONCURRENCY),
            queue_size=int(environ.get("HRC_QA_QUEUE_SIZE") or DEFAULT_QUEUE_SIZE),
            max_sessions=int(environ.get("HRC_QA_MAX_SESSIONS") or DEFAULT_MAX_SESSIONS),
        )
