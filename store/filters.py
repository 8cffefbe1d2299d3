"""What a search is narrowed to: the small `where` value every paragraph store translates
into its own terms (an id mask for FAISS, a filter expression for a database)."""

from __future__ import annotations

from dataclasses import dataclass

from corpus import Part
from languages.bodies import Body

Bounds = tuple[int | None, int | None]
"""An inclusive range; None leaves that end open."""


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the search to; an empty field does not narrow."""

    resolutions: tuple[str, ...] = ()
    """Resolution names (`corpus.models.resolution_name`): `51/5`, `A/RES/80/4`."""
    part: Part | None = None
    sessions: Bounds | None = None
    """Sessions of the adopting body."""
    years: Bounds | None = None
    """Adoption years."""
    bodies: tuple[Body, ...] = ()
    """The bodies that adopted them: `hrc`, `ga`, `sc`, `ecosoc`."""

    def __bool__(self) -> bool:
        return bool(self.resolutions or self.bodies or self.part or self.sessions or self.years)


def within(value: int | None, bounds: Bounds | None) -> bool:
    """Whether `value` lies in `bounds` (always, when there are none; never, when there are
    and there is no value: a Security Council resolution has no session)."""
    if bounds is None:
        return True
    if value is None:
        return False
    start, end = bounds
    return (start is None or value >= start) and (end is None or value <= end)
