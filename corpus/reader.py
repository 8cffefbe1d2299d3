"""Reading resolution files from disk: one file, a batch of files and folders, or the bundled
corpus. A file may be PDF, Word, HTML, plain text or Markdown (`corpus.formats`)."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import ResolutionError, ResolutionWarning
from corpus.formats import FORMATS, MAX_DOCUMENT_BYTES, document_text
from corpus.models import Resolution
from corpus.parser import parse_resolution

BUNDLED_CORPUS = Path(__file__).parent / "data"
"""The resolutions that ship with hrc-qa and are indexed by default."""

MAX_FILE_BYTES = 10 * 2**20
"""The most text read as a resolution: 10 MiB. The longest resolutions run to some 100 KB of
text, so more is not one (a whole volume, a log, a device such as /dev/zero); read all the same
it would hold the index build, and every paragraph in memory, for nothing."""


def read_resolution(path: str | Path) -> Resolution:
    """The resolution in one file; a ResolutionError names the file and what is wrong."""
    path = Path(path)
    limit = max(MAX_DOCUMENT_BYTES, MAX_FILE_BYTES)
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)  # no more: the file may never end
    except OSError as error:
        raise ResolutionError(path, f"cannot be read ({error.strerror})") from None
    if len(raw) > limit:
        raise _too_large(path, limit)
    text = document_text(raw, path)
    if len(text.encode()) > MAX_FILE_BYTES:
        raise _too_large(path, MAX_FILE_BYTES)
    return parse_resolution(text, str(path))


def _too_large(path: Path, limit: int) -> ResolutionError:
    return ResolutionError(
        path,
        f"the file is larger than {limit // 2**20} MiB, far larger than any resolution; give "
        "the resolutions it holds one file each",
    )


def find_resolution_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, with the files inside any folder named that are in a format read
    (`.pdf`, `.docx`, `.html`, `.txt`, `.md`: `corpus.formats.FORMATS`), sorted. Hidden files
    and Word's lock files (`~$…`) in a folder are left out."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(
                sorted(
                    item
                    for item in path.rglob("*")
                    if item.suffix.lower() in FORMATS
                    and not item.name.startswith((".", "~$"))
                    and item.is_file()
                )
            )
        else:
            files.append(path)
    return files


@dataclass(frozen=True)
class FileRead:
    """What became of one file of a batch: its resolution, or the error that refused it, and
    the warnings about what looks wrong in it."""

    path: Path
    resolution: Resolution | None
    error: ResolutionError | None
    warnings: tuple[ResolutionWarning, ...]


def read_batch(
    paths: Iterable[str | Path], on_file: Callable[[Path], None] | None = None
) -> list[FileRead]:
    """Every file in `paths`, each read whole or refused on its own: one bad file costs no
    other. A second file holding a resolution already read in the same language is refused,
    naming the first. `on_file` is told of each file once it is read (for a progress bar)."""
    reads: list[FileRead] = []
    seen: dict[str, Path] = {}
    for path in find_resolution_files(paths):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ResolutionWarning)
            resolution, error = _read_one(path)
        if resolution is not None and resolution.key in seen:
            error = ResolutionError(
                path,
                f"holds resolution {resolution.number} ({resolution.language}) again, already "
                f"read from {seen[resolution.key]}",
            )
            resolution = None
        if resolution is not None:
            seen[resolution.key] = path
        found = tuple(w.message for w in caught if isinstance(w.message, ResolutionWarning))
        for other in caught:  # anything else is shown as Python shows it
            if not isinstance(other.message, ResolutionWarning):
                warnings.warn_explicit(other.message, other.category, other.filename, other.lineno)
        reads.append(FileRead(path, resolution, error, found))
        if on_file is not None:
            on_file(path)
    return reads


def _read_one(path: Path) -> tuple[Resolution | None, ResolutionError | None]:
    try:
        return read_resolution(path), None
    except ResolutionError as error:
        return None, error
    except (RecursionError, MemoryError) as error:  # a file built to exhaust the reader
        return None, ResolutionError(path, f"cannot be read ({type(error).__name__})")


def read_resolutions(paths: Iterable[str | Path]) -> list[Resolution]:
    """Every resolution in `paths`, or an error listing every file that failed.

    All or nothing, for the commands that show what files hold (`hrc-qa paragraphs`): one bad
    file means no resolution is returned. `hrc-qa index` reads with `read_batch` instead, and
    indexes the files that could be read.
    """
    reads = read_batch(paths)
    for read in reads:
        for warning in read.warnings:
            warnings.warn(warning, stacklevel=2)
    errors = [read.error for read in reads if read.error is not None]
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ResolutionBatchError(errors)
    return [read.resolution for read in reads if read.resolution is not None]


class ResolutionBatchError(ResolutionError):
    """Several files failed; each error is kept, and the message lists them all."""

    def __init__(self, errors: list[ResolutionError]) -> None:
        self.errors = errors
        listing = "; ".join(str(error) for error in errors)
        super().__init__(f"{len(errors)} files", f"could not be read: {listing}")
