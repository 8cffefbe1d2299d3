"""Atomic, checked storage of index versions on disk.

Each build writes a complete new folder (`v<time>`) beside the old ones and then switches the
one-line pointer file `CURRENT` to it with an atomic rename. A build killed at any moment leaves
`CURRENT` naming the previous, complete version; readers never see a half-written one. Every
file's size and SHA-256 are recorded in the version's `manifest.json` and checked on load, so a
truncated or damaged file is refused instead of answering wrongly.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

FORMAT = "hrc-qa-index/1"
MANIFEST = "manifest.json"
POINTER = "CURRENT"
KEEP_VERSIONS = 2  # the new one and its predecessor, which a running app may still be reading

REBUILD_HINT = "rebuild it with `hrc-qa index --rebuild`"


class IndexUnavailable(RuntimeError):
    """The index cannot be used as it is on disk; the message says why and what to do."""


def publish(home: Path, write: Callable[[Path], dict[str, Any]]) -> Path:
    """Write a new version with `write(folder) -> manifest` and make it the current one."""
    home.mkdir(parents=True, exist_ok=True)
    with _exclusive(home):
        _remove_unfinished(home)
        staging = Path(tempfile.mkdtemp(prefix=".building-", dir=home))
        try:
            manifest = {"format": FORMAT, **write(staging)}
            manifest["files"] = {
                path.name: {"size": path.stat().st_size, "sha256": _sha256(path)}
                for path in sorted(staging.iterdir())
            }
            _write_atomically(staging / MANIFEST, json.dumps(manifest, ensure_ascii=False))
            version = home / f"v{time.time_ns()}"
            staging.rename(version)
            _write_atomically(home / POINTER, version.name)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _remove_old_versions(home, keep=version)
    return version


def open_current(home: Path) -> tuple[Path, dict[str, Any]]:
    """The current version's folder and manifest, after checking every file against it."""
    pointer = home / POINTER
    if not pointer.is_file():
        raise IndexUnavailable(f"there is no index in {home} yet; build it with `hrc-qa index`")
    version = home / pointer.read_text(encoding="utf-8").strip()
    try:
        manifest = json.loads((version / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise IndexUnavailable(
            f"the index in {version} has no readable manifest ({error}); {REBUILD_HINT}"
        ) from None
    if manifest.get("format") != FORMAT:
        raise IndexUnavailable(
            f"the index in {version} has format {manifest.get('format')!r}, this version of "
            f"hrc-qa reads {FORMAT!r}; {REBUILD_HINT}"
        )
    for name, expected in manifest["files"].items():
        path = version / name
        if not path.is_file() or path.stat().st_size != expected["size"]:
            raise IndexUnavailable(f"the index file {path} is missing or truncated; {REBUILD_HINT}")
        if _sha256(path) != expected["sha256"]:
            raise IndexUnavailable(f"the index file {path} is damaged; {REBUILD_HINT}")
    return version, manifest


def current_version(home: Path) -> str | None:
    """The name of the current version, cheap enough to ask before every request."""
    try:
        return (home / POINTER).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


@contextmanager
def _exclusive(home: Path) -> Iterator[None]:
    """One build at a time per index home; a second waits for the first."""
    with open(home / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _remove_unfinished(home: Path) -> None:
    """What killed builds left: under the lock, no build is running."""
    for staging in home.glob(".building-*"):
        shutil.rmtree(staging, ignore_errors=True)
    for temporary in home.glob(f".{POINTER}.*.tmp"):
        temporary.unlink(missing_ok=True)


def _remove_old_versions(home: Path, keep: Path) -> None:
    versions = sorted(
        (path for path in home.glob("v*") if path.is_dir() and path != keep),
        key=lambda path: path.name,
    )
    for old in versions[: max(0, len(versions) - (KEEP_VERSIONS - 1))]:
        shutil.rmtree(old, ignore_errors=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
