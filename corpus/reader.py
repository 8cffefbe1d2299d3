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


def read_resolution(path: str | Path) -> Resolution:
    """The resolution in one file; a ResolutionError names the file and what is wrong."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ResolutionError(path, f"cannot be read ({error.strerror})") from None
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
