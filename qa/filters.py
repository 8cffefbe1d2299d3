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
        return [number for number in self.resolutions if number not in index.numbers]

    def rows(self, index: ParagraphIndex) -> np.ndarray | None:
        """The rows of `index` that pass, or None when nothing is filtered."""
        if not self:
            return None
        facets = index.facets
        keep = np.ones(len(index.rows), dtype=bool)
        if self.resolutions:
            keep &= np.isin(facets.numbers, self.resolutions)
        if self.part:
            keep &= facets.parts == self.part
        if self.sessions:
            keep &= (facets.sessions >= self.sessions[0]) & (facets.sessions <= self.sessions[1])
        if self.years:
            keep &= (facets.years >= self.years[0]) & (facets.years <= self.years[1])
        return np.flatnonzero(keep)
