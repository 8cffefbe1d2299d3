"""The one error a resolution file can raise: it names the file and what is wrong with it."""

from pathlib import Path


class ResolutionError(ValueError):
    """A file that cannot be read as a resolution; nothing of it is kept."""

    def __init__(self, source: str | Path, reason: str) -> None:
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{self.source}: {reason}")
