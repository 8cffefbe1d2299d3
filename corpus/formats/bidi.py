"""A right-to-left line of a PDF, read in visual order, put back in the order it is written.

A PDF draws Arabic as it is seen: the glyphs of a line from left to right on the page, each
word's letters last to first, and each letter in the shape its place in the word gives it
(Unicode's Arabic presentation forms, U+FB50–U+FDFF and U+FE70–U+FEFC, where the file maps its
glyphs to them; base letters where it maps them back). Runs that are written left to right
inside the line (numbers, `A/HRC/RES/57/12`, Latin words) are drawn left to right within it.
The Unicode Bidirectional Algorithm (UAX #9) made that visual order from the written one; this
module undoes it for one line, and folds the shaped glyphs back to the letters they show.

Why not a library: ICU's inverse bidi (`ubidi` with the `INVERSE_*` reordering modes, through
PyICU) was tried on the lines of the test resolutions. Each of its three modes misreads some of
them (`الأمم المتحدة A/HRC/RES/37/7` comes back `… 37/7/A/HRC/RES` in two modes, `2712 (2023)`
as `2023) 2712)` in the third), PyICU needs compiling against libicu (or a 50 MB wheel), and
python-bidi, which has no inverse either, is LGPL. What is needed is the inverse of one
particular case of the algorithm, written here:

- The line's paragraph direction is right to left (it holds a right-to-left letter), there are
  no explicit embeddings, so every character is at level 1 (right to left: letters, and the
  neutrals between them) or level 2 (left to right inside it: Latin letters, digits, and the
  neutrals between them that the algorithm gives their direction).
- The visual order is the written one with the whole line reversed and then each level-2 run
  reversed back (UAX #9, rule L2), the level-1 brackets mirrored (rule L4). Undoing it is the
  same two steps, once the level-2 runs are known.
- The runs are found in visual order between right-to-left letters, where a run's own order is
  the written one: a run starts at a Latin letter or a digit; a Latin letter goes on with the
  letters, digits and neutrals that follow it (a number after a Latin word is left to right,
  rule W7: `resolution 5/1`, `S/RES/2720 (2023)`), unless a closing bracket that opens outside
  the run comes between (the bracket pair is then right to left, rule N0: `(A)` after a
  number) or the next is a footnote marker after a space (a marker touches its word, so
  `A/HRC/25/27 ¹` seen is `¹ A/HRC/25/27` written); a number alone goes on over one
  separator to more digits (`70/1`, `23-26321`, rule W4) and stops at anything else, so that
  `2712 (2023)` is two numbers in a right-to-left bracket pair (rules N0, N1); a closing
  bracket whose opening is in the run ends it.
- One visual order can come from two written ones: `A 70/1` seen in a right-to-left line was
  written either so or as `70/1 A`. It is read as drawn, a Latin word before its number, which
  is how symbols and references are written.

Each PDF character is kept whole (a lam-alef ligature is one glyph, `ﻻ`, or the two letters
`لا` that a file maps it to), and a combining mark (a vowel, a shadda) stays after the letter it
is drawn on, which comes before it in visual order.
"""

from __future__ import annotations

import re
import unicodedata

from corpus.normalize import SUPERSCRIPT_DIGITS

RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
"""Hebrew and Arabic letters, presentation forms included: a line holding one is right to left."""

_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")

_MIRRORED = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))
_OPENING = set("([{<«‹")
_CLOSING = set(")]}>»›")


def _kind(unit: str) -> str:
    """`R` for a right-to-left letter, `L` for a left-to-right one, `N` for a digit, `-` for a
    separator that joins two numbers (W4), `%` for a sign that a number takes (W5) and ` ` for
    any other neutral."""
    direction = unicodedata.bidirectional(unit[0])
    if direction in ("R", "AL"):
        return "R"
    if direction == "L":
        return "L"
    if direction in ("EN", "AN"):
        return "N"
    if direction in ("CS", "ES"):
        return "-"
    if direction == "ET":
        return "%"
    return " "


def logical_order(units: list[str]) -> list[str]:
    """The units (a PDF line's characters, left to right as drawn) of a right-to-left line in
    the order they are written, level-1 brackets mirrored."""
    units = _with_marks_on_their_letters(units)
    kinds = [_kind(unit) for unit in units]
    runs = _left_to_right_runs(units, kinds)
    written: list[str] = []
    index = len(units) - 1
    while index >= 0:
        start = runs.get(index)
        if start is not None:  # a left-to-right run, ending here: kept as drawn
            written.extend(units[start : index + 1])
            index = start - 1
        else:
            written.append(_MIRRORED.get(units[index], units[index]))
            index -= 1
    return written


def _with_marks_on_their_letters(units: list[str]) -> list[str]:
    """Each combining mark joined to the letter before it in visual order: drawn on that
    letter, it follows it in the written order."""
    joined: list[str] = []
    for unit in units:
        if joined and unicodedata.combining(unit[0]):
            joined[-1] += unit
        else:
            joined.append(unit)
    return joined


def _left_to_right_runs(units: list[str], kinds: list[str]) -> dict[int, int]:
    """The level-2 runs of the line: each run's start, keyed by its end (visual indices)."""
    runs: dict[int, int] = {}
    index = 0
    while index < len(units):
        if kinds[index] not in "LN":
            index += 1
            continue
        start, end = index, _run_end(units, kinds, index)
        runs[end] = start
        index = end + 1
    return runs


def _run_end(units: list[str], kinds: list[str], start: int) -> int:
    """Where the left-to-right run starting at `start` (a letter or digit) ends."""
    latin = kinds[start] == "L"
    opened = 0  # brackets opened in the run and not yet closed
    end = start
    index = start + 1
    while index < len(units):
        kind = kinds[index]
        if kind == "R":
            break
        if kind in "LN":
            between = range(end + 1, index)
            # A footnote marker touches its word: one after a space starts a run of its own.
            marker = units[index] in SUPERSCRIPT_DIGITS
            if (
                (latin and not marker)
                or not between
                or (kind == "N" and len(between) == 1 and kinds[end + 1] == "-")
            ):
                opened += _bracket_balance(units, between)
                end = index
                latin = latin or kind == "L"
                index += 1
                continue
            break
        if units[index] in _CLOSING:
            opened += _bracket_balance(units, range(end + 1, index + 1))
            if opened < 0:
                break  # a bracket pair opened outside the run: right to left (N0)
            end = index  # a pair opened in the run is closed in it
        elif kind == "%" and index == end + 1 and kinds[end] == "N":
            end = index  # a percent or currency sign on its number (W5)
        index += 1
    return end


def _bracket_balance(units: list[str], indices: range) -> int:
    return sum((units[i] in _OPENING) - (units[i] in _CLOSING) for i in indices)


def fold_presentation_forms(text: str) -> str:
    """Arabic presentation forms (a letter's initial, medial, final or isolated shape, a
    lam-alef or other ligature) as the letters they are; the rest of the text unchanged.

    Unicode's compatibility decomposition (NFKC) gives each its letters, but gives a shaped
    vowel sign (U+FE70–U+FE7F) with a space or tatweel to carry it: that carrier is dropped."""

    def letters(match: re.Match[str]) -> str:
        form = match.group()
        folded = unicodedata.normalize("NFKC", form)
        if "\ufe70" <= form <= "\ufe7f":
            folded = folded.lstrip(" \u0640")
        return folded

    return _PRESENTATION_FORMS.sub(letters, text)
