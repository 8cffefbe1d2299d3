"""A file refused for what it is, with the reason kept as a message key so that it can be said
in the user's language (languages/messages.py), not the file's; in English everywhere else."""

from __future__ import annotations

from pathlib import Path

from corpus.errors import ResolutionError
from languages.messages import message


class FileRefused(ResolutionError):
    """A file refused for what it is: a format that cannot be read (scanned, encrypted,
    damaged, not what its name says, a kind hrc-qa does not read) or a UN document that is not
    a resolution (a report, a letter). Nothing of it is kept."""

    def __init__(self, source: str | Path, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(source, self.reason_in("en"))

    def reason_in(self, language: str) -> str:
        """Why the file is refused, in `language`; `kind`, what the file looks like, is itself
        a message key."""
        values = {
            name: message(value, language) if name == "kind" else value
            for name, value in self.values.items()
        }
        return message(self.key, language, **values)

    def said_in(self, language: str) -> str:
        """The refusal, naming the file, in `language`."""
        return f"{self.source}: {self.reason_in(language)}"
