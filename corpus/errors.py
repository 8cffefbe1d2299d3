"""What reading a resolution file reports: an error that refuses the file, or a warning about
something that looks wrong in a file that is still read whole; each names the file and the line."""

from pathlib import Path


def _where(source: str, line: int | None) -> str:
    return source if line is None else f"{source}, line {line}"


class ResolutionError(ValueError):
    """A file that cannot be read as a resolution; nothing of it is kept."""

    def __init__(self, source: str | Path, reason: str, line: int | None = None) -> None:
        self.source = str(source)
        self.reason = reason
        self.line = line
        super().__init__(f"{_where(self.source, line)}: {reason}")


class ResolutionWarning(UserWarning):
    """Something that looks wrong in a file that is read all the same (a skipped or repeated
    paragraph number, a footnote not found): the user is told, and loses nothing else."""

    def __init__(self, source: str | Path, reason: str, line: int | None = None) -> None:
        self.source = str(source)
        self.reason = reason
        self.line = line
        super().__init__(f"{_where(self.source, line)}: {reason}")
