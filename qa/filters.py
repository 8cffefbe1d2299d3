"""Restricting a search to some resolutions, sessions, years or one part."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from corpus import Part
from embeddings.index import ParagraphIndex


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the search to; an empty field does not narrow."""

    resolutions: tuple[str, ...] = ()
    """Resolution numbers, `51/5`."""
    part: Part | None = None
    sessions: tuple[int, int] | None = None
    """An inclusive range of Council sessions."""
    years: tuple[int, int] | None = None
    """An inclusive range of adoption years."""

    def __bool__(self) -> bool:
        return bool(self.resolutions or self.part or self.sessions or self.years)

    def unknown_resolutions(self, index: ParagraphIndex) -> list[str]:
        indexed = {resolution.number for resolution in index.resolutions.values()}
        return [number for number in self.resolutions if number not in indexed]

    def rows(self, index: ParagraphIndex) -> np.ndarray | None:
        """The rows of `index` that pass, or None when nothing is filtered."""
        if not self:
            return None
        keep = [
            row
            for row, (resolution, paragraph) in enumerate(index.rows)
            if (not self.resolutions or resolution.number in self.resolutions)
            and (self.part is None or paragraph.part == self.part)
            and (
                self.sessions is None or self.sessions[0] <= resolution.session <= self.sessions[1]
            )
            and (self.years is None or self.years[0] <= resolution.adopted.year <= self.years[1])
        ]
        return np.array(keep, dtype=np.int64)
