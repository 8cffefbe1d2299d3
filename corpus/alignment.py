"""Which paragraphs of two language versions of one resolution are the same paragraph.

Versions share paragraph labels, but only some labels can be trusted across languages.
Operative and annex paragraphs and sub-paragraphs are numbered in the text (`8.`, `(a)`), so
a label present in both versions names the same paragraph in each. Preambular paragraphs are
not numbered: `PP4` is only the fourth, so once one version has a preambular paragraph more or
fewer than the other, no preambular label says which paragraphs correspond.

A version that does not line up is indexed all the same (its paragraphs stay searchable and
citable); its paragraphs without a counterpart simply have no other versions, and indexing
reports the difference (`misalignments`) naming the file, the resolution and the labels.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from corpus.models import Paragraph, Resolution


@dataclass(frozen=True, slots=True)
class Misalignment:
    """How one version (`source`, in `language`) differs from another of the same resolution."""

    resolution: str
    source: str
    language: str
    other_source: str
    other_language: str
    missing: tuple[str, ...]
    """Labels the other version has and this one lacks."""
    extra: tuple[str, ...]
    """Labels this version has and the other lacks."""
    preambular_unlinked: bool
    """The preambular counts differ, so no preambular paragraph is linked across the two."""

    def describe(self) -> str:
        """One line for the index report, naming the file, the resolution and the labels."""
        differences = []
        if self.missing:
            differences.append(f"lacks {', '.join(self.missing)}")
        if self.extra:
            differences.append(f"has {', '.join(self.extra)} that it lacks")
        note = (
            "; its preambular paragraphs are not linked to the other version's"
            if self.preambular_unlinked
            else ""
        )
        return (
            f"{self.source}: resolution {self.resolution} ({self.language}) does not line up "
            f"with {self.other_source} ({self.other_language}): it {' and '.join(differences)}"
            f"{note}. Indexed; paragraphs without a counterpart have no other versions."
        )


def counterpart(
    resolution: Resolution, paragraph: Paragraph, other: Resolution
) -> Paragraph | None:
    """The paragraph of the version `other` that `paragraph` of `resolution` is linked to:
    the one with its label, unless the label is a preambular one whose count differs."""
    if paragraph.part == "preambular" and (
        _preambular_count(resolution) != _preambular_count(other)
    ):
        return None
    return next(
        (
            candidate
            for candidate in other.paragraphs
            if (candidate.part, candidate.number, candidate.subdivisions)
            == (paragraph.part, paragraph.number, paragraph.subdivisions)
        ),
        None,
    )


def versions_of(
    resolution: Resolution, paragraph: Paragraph, texts: Iterable[Resolution]
) -> list[tuple[Resolution, Paragraph]]:
    """The paragraph in every version among `texts` of the same resolution (itself included,
    in the order of `texts`) that it is linked to."""
    found = []
    for text in texts:
        if text.name != resolution.name:
            continue
        if text.language == resolution.language:
            found.append((resolution, paragraph))
        elif (linked := counterpart(resolution, paragraph, text)) is not None:
            found.append((text, linked))
    return found


def misalignments(texts: Sequence[Resolution]) -> list[Misalignment]:
    """Every version among `texts` whose labels differ from those of the fullest version of
    its resolution (the one with the most paragraphs, the first of them on a tie)."""
    by_name: dict[str, list[Resolution]] = {}
    for text in texts:
        by_name.setdefault(text.name, []).append(text)
    found = []
    for versions in by_name.values():
        reference = max(versions, key=lambda text: len(text.paragraphs))
        for text in versions:
            if text is reference:
                continue
            missing = _ordered(reference, _labels(reference) - _labels(text))
            extra = _ordered(text, _labels(text) - _labels(reference))
            preambular_unlinked = _preambular_count(reference) != _preambular_count(text)
            if missing or extra or preambular_unlinked:
                found.append(
                    Misalignment(
                        text.name,
                        text.source,
                        text.language,
                        reference.source,
                        reference.language,
                        missing,
                        extra,
                        preambular_unlinked,
                    )
                )
    return found


def _labels(resolution: Resolution) -> set[str]:
    return {paragraph.label for paragraph in resolution.paragraphs}


def _ordered(resolution: Resolution, labels: set[str]) -> tuple[str, ...]:
    """`labels` in the order `resolution` has them."""
    return tuple(p.label for p in resolution.paragraphs if p.label in labels)


def _preambular_count(resolution: Resolution) -> int:
    return sum(paragraph.part == "preambular" for paragraph in resolution.paragraphs)
