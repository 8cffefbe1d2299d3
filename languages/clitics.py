"""Clitics: the short words a language writes joined to the word they go with, in each
language, so that a question's word can be looked up in meaning without them
(`qa.translate.words_through_english`).

Arabic writes `and`, `so`, `with`, `like` and `for` as letters before a word (`و`, `ف`, `ب`,
`ك`, `ل`; `ل` before the article `ال` as `لل`) and a possessive or object pronoun as letters
after it (`ها` her, `هم` their, `نا` our, ...). The multilingual model, given such a word
alone, places it near no English word (`والرجال` nearest `ragdoll`); the word without them it
places near its meaning (`الرجال` → `men`, `بحقوق` → `حقوق` → `rights`). The prefixes are the
light stemmers' (Larkey, Ballesteros and Connell, "Improving stemming for Arabic information
retrieval", SIGIR 2002: `و`, `وال`, `بال`, `كال`, `فال`, `لل`), taken as slots so that every
sequence Arabic writes is one (`وبال`, `فلل`), but the article is left on: a bare stem of
three letters comes near English words of like sound (`الدول`, the States, → `دول` → `dole`).
The suffixes are the attached pronouns of two letters or more, never an inflection (`ات`,
`ون`), which the model reads well, nor `ه`, `ي` or `ك`, which end too many words of their own
(`يونيه`, June, → `يوني` → `ueno`; `المدني`; `بنك`). A
pronoun turns a final `ة` into `ت` (`حماية` → `حمايتها`), which is given back. Snowball's
Arabic stemmer, used by the keyword search, cuts further (`التعاون` → `تعا`, `الإنسان` →
`انس`), to stems the model does not know. French elisions (`l’`, `d’`) are split off by the
keyword analysis already.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from languages import Language


@dataclass(frozen=True, slots=True)
class Clitics:
    """The clitics one language joins to its words."""

    proclitics: tuple[tuple[str, ...], ...] = ()
    """Slots in the order they are written, each with the clitics that can fill it."""
    joined: tuple[tuple[str, str], ...] = ()
    """A last proclitic written joined with what follows it, and what is left once it is
    off: (`لل`, `ال`), `ل` before the article."""
    enclitics: tuple[str, ...] = ()
    """Clitics written after a word, longest first."""
    restored: tuple[tuple[str, str], ...] = ()
    """A word's last letter as written before an enclitic, and as written alone."""
    kept: tuple[str, ...] = ()
    """Prefixes left on a word, and not counted among the letters it keeps (the article)."""
    least_stem: int = 3
    """The fewest letters a word keeps once a clitic is off: fewer are rarely a word."""


CLITICS: dict[Language, Clitics] = {
    "zh": Clitics(),
    "en": Clitics(),
    "fr": Clitics(),
    "es": Clitics(),
    "ru": Clitics(),
    "ar": Clitics(
        proclitics=(("و", "ف"), ("ب", "ك", "ل")),
        joined=(("لل", "ال"),),
        enclitics=("هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا"),
        restored=(("ت", "ة"),),
        kept=("ال",),
    ),
}


def without_clitics(
    word: str, language: Language, least_stem: int | None = None
) -> tuple[str, ...]:
    """The forms of `word` with a run of proclitics, an enclitic or both taken off, shortest
    prefix off first, each keeping at least `least_stem` letters (the language's if not
    given); `word` itself not among them."""
    clitics = CLITICS[language]
    least = clitics.least_stem if least_stem is None else least_stem
    slots = [("", *slot) for slot in clitics.proclitics]
    prefixes = {("".join(filled), "") for filled in product(*slots)} | {
        ("".join(filled) + written, left)
        for filled in product(*slots[:-1])
        for written, left in clitics.joined
    }
    stems = [word] + [
        left + word[len(prefix) :]
        for prefix, left in sorted(prefixes, key=lambda pair: len(pair[0]))
        if prefix and word.startswith(prefix) and len(word) - len(prefix) >= least
    ]
    forms: list[str] = []
    for stem in stems:
        forms.append(stem)
        letters = len(_without_kept(stem, clitics.kept))
        suffix = next(
            (
                end
                for end in clitics.enclitics
                if stem.endswith(end) and letters - len(end) >= least
            ),
            None,
        )
        if suffix is None:
            continue
        bare = stem[: -len(suffix)]
        forms.append(bare)
        forms.extend(
            bare[: -len(last)] + alone for last, alone in clitics.restored if bare.endswith(last)
        )
    return tuple(form for form in dict.fromkeys(forms) if form != word)


def _without_kept(stem: str, kept: tuple[str, ...]) -> str:
    return next((stem[len(prefix) :] for prefix in kept if stem.startswith(prefix)), stem)
