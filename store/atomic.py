"""Publish built artefacts (the index, the rebuilt model, its ONNX exports) in atomic versions.

A home folder holds complete versions (`v<time>`) and the one-line pointer file `CURRENT`
naming the one in use. A build writes into a hidden staging folder (`.building-*`), records
every file's size and checksums in the folder's `manifest.json`, renames the folder to its
version name, and only then switches `CURRENT` to it with an atomic rename. So a build killed
at any moment leaves `CURRENT` naming the previous, complete version; nothing half-written is
ever named by it; and what killed builds leave behind is deleted by the next build. Builds of
one home hold an flock, so two at once run one after the other.

A manifest records the artefact's format and what the version was made from (`source`: a dict
of facts such as the model it was built from). Whether to (re)build is one question, asked by
`made_from` and `ensure`: is the current version, intact, of this format and made from these
facts?

Opening the current version checks everything before anything is read: the pointer (UTF-8, a
version name, a folder that exists), the manifest (a JSON object of this format whose `files`
are safe relative paths with a size and checksums) and every file against it. Whatever is wrong
is one `VersionUnavailable` saying what, never a KeyError or a UnicodeDecodeError, so that a
running app keeps the version it has.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import mmap
import os
import re
import secrets
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Literal

import xxhash

FORMAT = "hrc-qa-index/4"
MANIFEST = "manifest.json"
POINTER = "CURRENT"

REBUILD_HINT = "rebuild it with `hrc-qa index --rebuild`"

_VERSION_NAME = re.compile(r"v\d{1,30}")
"""What `publish` names a version, `v<time in ns>`: a folder right in the home, never a path."""
_POINTER_BYTES = 64
"""More than any version name: a longer pointer is not one, and is not read further."""
_SHA256 = re.compile(r"[0-9a-f]{64}")
_XXH3_128 = re.compile(r"[0-9a-f]{32}")

Write = Callable[[Path], dict[str, Any] | None]
"""Writes a version's files into the folder it is given; may return more manifest fields."""


class VersionUnavailable(RuntimeError):
    """A published artefact cannot be used as it is on disk; the message says why and what to do."""


IndexUnavailable = VersionUnavailable
"""The name the index's callers catch; every artefact raises the same error."""


class BuiltWithAnotherModel(VersionUnavailable):
    """The published index was made with another model (`model`, `dimension`): its vectors
    cannot answer this one's questions, but what it holds can be read with that model's name
    and embedded again (`store.update` does, for `hrc-qa index`)."""

    def __init__(self, message: str, model: str, dimension: int) -> None:
        super().__init__(message)
        self.model = model
        self.dimension = dimension


def built_with(made_with: tuple[object, object], message: str) -> VersionUnavailable:
    """The error for an index recorded as made with `made_with` (model, dimension), not the
    model in use: one that can be embedded again when the record is a model's, else the hint
    to rebuild (a damaged record names no model to read it with)."""
    model, dimension = made_with
    if isinstance(model, str) and type(dimension) is int:
        return BuiltWithAnotherModel(
            f"{message}; `hrc-qa index` embeds what it holds again with the model in use, "
            "or use the model it was built with",
            model,
            dimension,
        )
    return VersionUnavailable(f"{message}; {REBUILD_HINT}")


class BuildNeeded(RuntimeError):
    """`ensure` would have to build, inside `without_building`."""


_BUILDS_ALLOWED: ContextVar[bool] = ContextVar("builds_allowed", default=True)


@contextmanager
def without_building() -> Iterator[None]:
    """A block in which `ensure` raises BuildNeeded instead of building: for work started
    ahead of need, which must not keep a user waiting for a build."""
    token = _BUILDS_ALLOWED.set(False)
    try:
        yield
    finally:
        _BUILDS_ALLOWED.reset(token)


@dataclass(frozen=True)
class Artefact:
    """A kind of thing published in versions, and how much a load checks of it."""

    format: str
    """Written into every manifest; a version of another format is refused (or rebuilt)."""
    noun: str
    """How messages name it."""
    verify: Literal["checksum", "size"]
    """What a load checks of every file: its size and XXH3-128 checksum, or only its size."""


INDEX = Artefact(FORMAT, "index", verify="checksum")
"""The paragraph index: a few MB per thousand paragraphs, checksummed whole on every load."""


def publish(
    home: Path,
    write: Write,
    *,
    artefact: Artefact = INDEX,
    source: dict[str, Any] | None = None,
) -> Path:
    """Write a new version with `write(folder)` and make it the current one; its folder.

    `source` records what the version is made from, for `made_from` to compare."""
    home.mkdir(parents=True, exist_ok=True)
    with _exclusive(home):
        return _publish_locked(home, write, artefact, source)


def ensure(
    home: Path,
    write: Write,
    *,
    artefact: Artefact,
    source: dict[str, Any],
    announce: str,
) -> Path:
    """The current version if it is made from `source`, else a new one written by `write`.

    While it builds, `announce` ("rebuilding the model") is shown on stderr with the time it
    took: a build takes seconds and happens once, where a user waits for an answer."""
    found = made_from(home, source, artefact=artefact)
    if found is not None:
        return found
    if not _BUILDS_ALLOWED.get():
        raise BuildNeeded(f"{announce}: {home}")
    home.mkdir(parents=True, exist_ok=True)
    with _exclusive(home):
        # Another process may have built it while this one waited for the lock.
        found = made_from(home, source, artefact=artefact)
        if found is not None:
            return found
        print(f"hrc-qa: {announce} into {home} ...", end="", file=sys.stderr, flush=True)
        started = time.perf_counter()
        try:
            return _publish_locked(home, write, artefact, source)
        finally:
            print(f" {time.perf_counter() - started:.1f}s", file=sys.stderr, flush=True)


def made_from(home: Path, source: dict[str, Any], *, artefact: Artefact = INDEX) -> Path | None:
    """The current version's folder if it is intact, of `artefact`'s format and made from
    `source`; None if there is none or it is not (then it is to be built)."""
    try:
        folder, manifest = open_current(home, artefact=artefact)
    except VersionUnavailable:
        return None
    # Compared as JSON reads it back, so a tuple in `source` equals the list it was saved as.
    return folder if manifest.get("source") == json.loads(json.dumps(source)) else None


def open_current(home: Path, *, artefact: Artefact = INDEX) -> tuple[Path, dict[str, Any]]:
    """The current version's folder and manifest, after checking the pointer, the manifest and
    every file against it; VersionUnavailable says what is wrong."""
    version = _current_folder(home, artefact)
    manifest = _read_manifest(version, artefact)
    for name, expected in manifest["files"].items():
        path = version / name
        if not path.is_file() or path.stat().st_size != expected["size"]:
            raise VersionUnavailable(
                f"the {artefact.noun} file {path} is missing or truncated; {REBUILD_HINT}"
            )
        if artefact.verify == "checksum" and xxh3_128(path) != expected["xxh3_128"]:
            raise VersionUnavailable(f"the {artefact.noun} file {path} is damaged; {REBUILD_HINT}")
    return version, manifest


def current_version(home: Path) -> str | None:
    """What the pointer names, unchecked (bytes that are not UTF-8 replaced), or None when
    there is no pointer: cheap enough to ask before every request. `open_current` checks it."""
    try:
        with open(home / POINTER, "rb") as pointer:
            return pointer.read(_POINTER_BYTES + 1).decode("utf-8", errors="replace").strip()
    except FileNotFoundError:
        return None


def _current_folder(home: Path, artefact: Artefact) -> Path:
    """The version folder the pointer names, if it names one that exists in `home`."""
    pointer = home / POINTER
    try:
        with open(pointer, "rb") as handle:
            raw = handle.read(_POINTER_BYTES + 1)
    except FileNotFoundError:
        raise VersionUnavailable(
            f"there is no {artefact.noun} in {home} yet; build it with `hrc-qa index`"
        ) from None
    except OSError as error:
        raise VersionUnavailable(
            f"the pointer {pointer} cannot be read ({error.strerror}); {REBUILD_HINT}"
        ) from None
    try:
        name = raw.decode("utf-8").strip()
    except UnicodeDecodeError:
        name = None
    if name is None or not _VERSION_NAME.fullmatch(name):
        raise VersionUnavailable(
            f"the pointer {pointer} does not name a version of the {artefact.noun} (it holds "
            f"{raw[:_POINTER_BYTES]!r}, not a name like v1700000000000000000); {REBUILD_HINT}"
        )
    version = home / name
    if not version.is_dir():
        raise VersionUnavailable(
            f"the pointer {pointer} names the version {name}, which is not in {home}; "
            f"{REBUILD_HINT}"
        )
    return version


def _read_manifest(version: Path, artefact: Artefact) -> dict[str, Any]:
    """The version's manifest, if it is one of `artefact`'s format listing its files."""
    try:
        manifest = json.loads((version / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as error:
        raise VersionUnavailable(
            f"the {artefact.noun} in {version} has no readable manifest ({error}); {REBUILD_HINT}"
        ) from None
    if not isinstance(manifest, dict):
        raise VersionUnavailable(
            f"the manifest of the {artefact.noun} in {version} is not a JSON object; {REBUILD_HINT}"
        )
    if manifest.get("format") != artefact.format:
        raise VersionUnavailable(
            f"the {artefact.noun} in {version} has format {manifest.get('format')!r}, this "
            f"version of hrc-qa reads {artefact.format!r}; {REBUILD_HINT}"
        )
    problem = _files_problem(manifest.get("files"), artefact)
    if problem:
        raise VersionUnavailable(
            f"the manifest of the {artefact.noun} in {version} {problem}; {REBUILD_HINT}"
        )
    return manifest


def _files_problem(files: object, artefact: Artefact) -> str:
    """What is wrong with a manifest's `files`, or "" if each is a relative path inside the
    version with a size and a SHA-256, and the XXH3-128 a load checks where it checks one (a
    path out of it would check files it does not own)."""
    if not isinstance(files, dict):
        return 'has no "files" object'
    for name, expected in files.items():
        path = PurePosixPath(name)
        if not name or path.is_absolute() or ".." in path.parts or name == MANIFEST:
            return f"lists {name!r}, which is not a file of the version"
        if not (
            isinstance(expected, dict)
            and type(expected.get("size")) is int
            and expected["size"] >= 0
            and isinstance(expected.get("sha256"), str)
            and _SHA256.fullmatch(expected["sha256"])
        ):
            return f"does not give {name!r} a size and a SHA-256"
        if artefact.verify == "checksum" and not (
            isinstance(expected.get("xxh3_128"), str) and _XXH3_128.fullmatch(expected["xxh3_128"])
        ):
            return f"does not give {name!r} an XXH3-128 checksum"
    return ""


def _publish_locked(
    home: Path, write: Write, artefact: Artefact, source: dict[str, Any] | None
) -> Path:
    _remove_unfinished(home)
    previous = current_version(home)
    # Not tempfile.mkdtemp: its folders are private (0700), and a version must be as readable
    # as the umask allows, like the folders the model was rebuilt into before it had versions.
    staging = home / f".building-{os.getpid()}-{secrets.token_hex(4)}"
    staging.mkdir()
    try:
        manifest: dict[str, Any] = {"format": artefact.format}
        if source is not None:
            manifest["source"] = source
        manifest |= write(staging) or {}
        written = sorted(staging.rglob("*"))
        # On the disk before anything names them: a crash of the system, not only of this
        # process, must leave the pointer on a version whose files are all there (the staging
        # folder's own entries are synced with its manifest, below).
        for path in written:
            _sync(path)
        manifest["files"] = {
            path.relative_to(staging).as_posix(): file_record(path)
            for path in written
            if path.is_file()
        }
        write_atomically(staging / MANIFEST, json.dumps(manifest, ensure_ascii=False))
        version = home / f"v{time.time_ns()}"
        staging.rename(version)
        _sync(home)
        write_atomically(home / POINTER, version.name)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _remove_old_versions(home, keep={version.name, previous})
    return version


def write_atomically(path: Path, data: str | bytes) -> None:
    """`data` (text as UTF-8) in `path`, whole or not at all: written and synced beside it,
    then renamed over it."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "wb") as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    _sync(path.parent)  # the rename itself, and a folder renamed into it before


def _sync(path: Path) -> None:
    """`path`'s contents on the disk: a file's bytes, or a folder's entries."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextmanager
def _exclusive(home: Path) -> Iterator[None]:
    """One build at a time per home; a second waits for the first. The kernel drops the lock
    of a killed process, so a killed build never blocks the next one."""
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


def _remove_old_versions(home: Path, keep: set[str | None]) -> None:
    """Delete every version but the new one and its predecessor, which a running app may
    still be reading. A version a killed build renamed but never made current goes too."""
    for path in home.glob("v*"):
        if path.is_dir() and path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)


def file_record(path: Path) -> dict[str, Any]:
    """What a manifest records of a file: its size and checksums. Both checksums are recorded
    for every artefact, even those a load only size-checks: the SHA-256 so that a damaged file
    can be found by hand (`sha256sum`), the XXH3-128 for a load to check, since it is many
    times faster to compute (a reload checks every byte of the index; see the README)."""
    return {"size": path.stat().st_size, "sha256": sha256(path), "xxh3_128": xxh3_128(path)}


def xxh3_128(path: Path) -> str:
    """The file's XXH3-128, hex: what a load checks."""
    with open(path, "rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:  # an empty file cannot be mapped
            return xxhash.xxh3_128_hexdigest(b"")
        # Mapped, not read: the file's pages are hashed where they are, with no copy.
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            return xxhash.xxh3_128_hexdigest(mapped)


def sha256(path: Path) -> str:
    """The file's SHA-256, hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
