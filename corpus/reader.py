"""Reading resolution files from disk: one file, many files, or the bundled corpus."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from corpus.errors import ResolutionError
from corpus.models import Resolution
from corpus.normalize import decode
from corpus.parser import parse_resolution

BUNDLED_CORPUS = Path(__file__).parent / "data"
"""The resolutions that ship with hrc-qa and are indexed by default."""

RESOLUTION_SUFFIXES = (".txt", ".md")

MAX_FILE_BYTES = 10 * 2**20
"""The largest file read as a resolution: 10 MiB. The longest resolutions run to some 100 KB of
text, so a larger file is not one (a whole volume, a log, a device such as /dev/zero); read
all the same it would hold the index build, and every paragraph in memory, for nothing."""


def read_resolution(path: str | Path) -> Resolution:
    """The resolution in one file; a ResolutionError names the file and what is wrong."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # no more: the file may never end
    except OSError as error:
        raise ResolutionError(path, f"cannot be read ({error.strerror})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise ResolutionError(
            path,
            f"the file is larger than {MAX_FILE_BYTES // 2**20} MiB, far larger than any "
            "resolution; give the resolutions it holds one file each",
        )
    return parse_resolution(decode(raw, str(path)), str(path))


def find_resolution_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, with the `.txt` and `.md` files inside any folder named, sorted."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(
                sorted(item for item in path.rglob("*") if item.suffix in RESOLUTION_SUFFIXES)
            )
        else:
            files.append(path)
    return files


def read_resolutions(paths: Iterable[str | Path]) -> list[Resolution]:
    """Every resolution in `paths`, or an error listing every file that failed.

    All or nothing: one bad file means no resolution is returned, so that nothing is indexed
    from a batch the user still has to fix. Two files holding the same resolution in the same
    language are an error too.
    """
    resolutions: list[Resolution] = []
    errors: list[ResolutionError] = []
    for path in find_resolution_files(paths):
        try:
            resolutions.append(read_resolution(path))
        except ResolutionError as error:
            errors.append(error)
    seen: dict[str, Resolution] = {}
    for resolution in resolutions:
        if resolution.key in seen:
            errors.append(
                ResolutionError(
                    resolution.source,
                    f"holds resolution {resolution.number} ({resolution.language}) "
                    f"again, already read from {seen[resolution.key].source}",
                )
            )
        seen[resolution.key] = resolution
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ResolutionBatchError(errors)
    return resolutions


class ResolutionBatchError(ResolutionError):
    """Several files failed; each error is kept, and the message lists them all."""

    def __init__(self, errors: list[ResolutionError]) -> None:
        self.errors = errors
        listing = "; ".join(str(error) for error in errors)
        super().__init__(f"{len(errors)} files", f"could not be read: {listing}")
