"""The web app's settings, read from the environment once at start-up."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MAX_BODY_BYTES = 64 * 1024


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 7860
    root_path: str = ""
    """The path prefix a reverse proxy serves the app under (`/hrc-qa`), or ""."""
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    """The largest request body the JSON API reads; a larger one gets 413."""
    cors_origins: tuple[str, ...] = ()
    """Origins whose pages may call the JSON API from a browser; none by default."""

    @classmethod
    def from_environment(cls) -> Settings:
        """GRADIO_SERVER_NAME, GRADIO_SERVER_PORT, GRADIO_ROOT_PATH (as Gradio names them),
        HRC_QA_MAX_BODY_BYTES and HRC_QA_CORS_ORIGINS (comma-separated)."""
        environ = os.environ
        origins = environ.get("HRC_QA_CORS_ORIGINS") or ""
        return cls(
            host=environ.get("GRADIO_SERVER_NAME") or cls.host,
            port=int(environ.get("GRADIO_SERVER_PORT") or cls.port),
            root_path=(environ.get("GRADIO_ROOT_PATH") or "").rstrip("/"),
            max_body_bytes=int(environ.get("HRC_QA_MAX_BODY_BYTES") or DEFAULT_MAX_BODY_BYTES),
            cors_origins=tuple(origin.strip() for origin in origins.split(",") if origin.strip()),
        )
