"""Everything that differs by UN body, and by body and language: the one table of bodies.

A resolution is adopted by one of the bodies in `Body`. What is the same in every language (its
document symbol `A/RES/80/4`, how its number is written `80/4`, `2720`, `2024/5`) is
`BODY_SYMBOLS`; what each language words differently is `BODY_FORMS[language][body]`:

    body     zh                          en
    hrc      人权理事会，                The Human Rights Council,
    ga       大会，                      The General Assembly,
    sc       安全理事会，                The Security Council,
    ecosoc   经济及社会理事会，          The Economic and Social Council,

Adding a language adds one entry to `BODY_FORMS` holding every body; adding a body adds it to
`Body`, `BODY_SYMBOLS` and each language's entry. tests/test_languages.py fails until both are
complete.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from languages import Language

Body = Literal["hrc", "ga", "sc", "ecosoc"]
BODIES: tuple[Body, ...] = get_args(Body)
"""Every body, in the order a text's opening line is tried against them."""
DEFAULT_BODY: Body = "hrc"
"""The body of a bare resolution number (`57/12`) and of an index made before bodies existed."""


@dataclass(frozen=True, slots=True)
class BodySymbol:
    """How a body numbers its resolutions, the same in every language."""

    number: str
    """A regular-expression source matching the number as the title line and the symbol
    write it: `57/12`, `S-35/1`, `2720`, `2024/5`."""

    prefix: str
    """The document symbol before the number: `A/HRC/RES/`, `A/RES/`."""

    suffix: str
    """The document symbol after the number, a `str.format` template of `{year}` (the year
    of adoption, which the Security Council's symbols carry: `S/RES/2720 (2023)`)."""

    slug: str
    """The prefix of the resolution's web address before its number with `/` as `-`:
    `/resolution/57-12` for the Council, `/resolution/ga-80-4` for the Assembly."""


BODY_SYMBOLS: dict[Body, BodySymbol] = {
    "hrc": BodySymbol(number=r"(?:S-)?\d{1,3}/\d{1,3}", prefix="A/HRC/RES/", suffix="", slug=""),
    "ga": BodySymbol(number=r"(?:E?S-)?\d{1,3}/\d{1,3}", prefix="A/RES/", suffix="", slug="ga-"),
    "sc": BodySymbol(number=r"\d{1,5}", prefix="S/RES/", suffix=" ({year})", slug="sc-"),
    "ecosoc": BodySymbol(number=r"\d{4}/\d{1,3}", prefix="E/RES/", suffix="", slug="ecosoc-"),
}


@dataclass(frozen=True, slots=True)
class BodyForms:
    """How one language names one body and words what depends on the body."""

    name: str
    """The body's name as citations write it: `大会`, `General Assembly`."""

    other_names: tuple[str, ...]
    """Other names a text or a question may give it (`安理会`, `ECOSOC`), regular-expression
    sources; the formal `name` is always recognised too."""

    opening: str
    """The line after which the paragraphs start: `大会，`, `The General Assembly,`. It is
    matched ignoring case and spaces before its final comma, which may be `,` or `，`."""

    number: str
    """The resolution's number as this language writes it in running text, a `str.format`
    template of `{number}` and `{year}`: `{number}`, or `{number} ({year})` for the Security
    Council, whose resolutions are named with their year."""

    document: str
    """The resolution in a citation: `{number}` (written as `number` says), `{date}` (the
    long form's adoption date, or empty): `大会{date}第{number}号决议`,
    `General Assembly resolution {number}{date}`."""

    own: tuple[str, ...]
    """How this body's resolutions name its own earlier ones, the words standing where the
    body's name would (`其` in `回顾其第79/6号决议`, `its` in `Recalling its resolution 79/6`),
    regular-expression sources."""


_ZH_ITS = r"其(?=\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?(?:关于[^，。；]{0,40}的)?第)"
"""`其` as `its` before a resolution (`其2015年9月25日第70/1号决议`), not the `其` of `其中`."""

BODY_FORMS: dict[Language, dict[Body, BodyForms]] = {
    "zh": {
        "hrc": BodyForms(
            name="人权理事会",
            other_names=(),
            opening="人权理事会，",
            number="{number}",
            document="人权理事会{date}第{number}号决议",
            own=(_ZH_ITS, "本?理事会"),
        ),
        "ga": BodyForms(
            name="大会",
            other_names=("联合国大会", "联大"),
            opening="大会，",
            number="{number}",
            document="大会{date}第{number}号决议",
            own=(_ZH_ITS, "本?大会"),
        ),
        "sc": BodyForms(
            name="安全理事会",
            other_names=("安理会",),
            opening="安全理事会，",
            number="{number}({year})",
            document="安全理事会{date}第{number}号决议",
            own=(_ZH_ITS, "本?安理会"),
        ),
        "ecosoc": BodyForms(
            name="经济及社会理事会",
            other_names=("经社理事会",),
            opening="经济及社会理事会，",
            number="{number}",
            document="经济及社会理事会{date}第{number}号决议",
            own=(_ZH_ITS, "本?理事会"),
        ),
    },
    "en": {
        "hrc": BodyForms(
            name="Human Rights Council",
            other_names=(),
            opening="The Human Rights Council,",
            number="{number}",
            document="Human Rights Council resolution {number}{date}",
            own=("its", "Council"),
        ),
        "ga": BodyForms(
            name="General Assembly",
            other_names=(),
            opening="The General Assembly,",
            number="{number}",
            document="General Assembly resolution {number}{date}",
            own=("its", "Assembly"),
        ),
        "sc": BodyForms(
            name="Security Council",
            other_names=(),
            opening="The Security Council,",
            number="{number} ({year})",
            document="Security Council resolution {number}{date}",
            own=("its", "Council"),
        ),
        "ecosoc": BodyForms(
            name="Economic and Social Council",
            other_names=("ECOSOC",),
            opening="The Economic and Social Council,",
            number="{number}",
            document="Economic and Social Council resolution {number}{date}",
            own=("its", "Council"),
        ),
    },
    # A body's own earlier resolutions: `sa résolution 79/6`, `su resolución 79/6`,
    # `свою резолюцию 79/6`, and in Arabic the pronoun joined to the word, `قراره 79/6`.
    "fr": {
        "hrc": BodyForms(
            name="Conseil des droits de l’homme",
            other_names=(r"CDH", r"Conseil des droits de l['’]homme"),
            opening="Le Conseil des droits de l’homme,",
            number="{number}",
            document="résolution {number} du Conseil des droits de l’homme{date}",
            own=("sa", "ses"),
        ),
        "ga": BodyForms(
            name="Assemblée générale",
            other_names=(r"Assemblée\s+générale",),
            opening="L’Assemblée générale,",
            number="{number}",
            document="résolution {number} de l’Assemblée générale{date}",
            own=("sa", "ses"),
        ),
        "sc": BodyForms(
            name="Conseil de sécurité",
            other_names=(),
            opening="Le Conseil de sécurité,",
            number="{number} ({year})",
            document="résolution {number} du Conseil de sécurité{date}",
            own=("sa", "ses"),
        ),
        "ecosoc": BodyForms(
            name="Conseil économique et social",
            other_names=("ECOSOC",),
            opening="Le Conseil économique et social,",
            number="{number}",
            document="résolution {number} du Conseil économique et social{date}",
            own=("sa", "ses"),
        ),
    },
    "es": {
        "hrc": BodyForms(
            name="Consejo de Derechos Humanos",
            other_names=(),
            opening="El Consejo de Derechos Humanos,",
            number="{number}",
            document="resolución {number} del Consejo de Derechos Humanos{date}",
            own=("su", "sus"),
        ),
        "ga": BodyForms(
            name="Asamblea General",
            other_names=(),
            opening="La Asamblea General,",
            number="{number}",
            document="resolución {number} de la Asamblea General{date}",
            own=("su", "sus"),
        ),
        "sc": BodyForms(
            name="Consejo de Seguridad",
            other_names=(),
            opening="El Consejo de Seguridad,",
            number="{number} ({year})",
            document="resolución {number} del Consejo de Seguridad{date}",
            own=("su", "sus"),
        ),
        "ecosoc": BodyForms(
            name="Consejo Económico y Social",
            other_names=("ECOSOC",),
            opening="El Consejo Económico y Social,",
            number="{number}",
            document="resolución {number} del Consejo Económico y Social{date}",
            own=("su", "sus"),
        ),
    },
    "ru": {
        "hrc": BodyForms(
            name="Совет по правам человека",
            other_names=("Совета по правам человека",),
            opening="Совет по правам человека,",
            number="{number}",
            document="резолюция {number} Совета по правам человека{date}",
            own=("сво[юиейх]{1,2}",),
        ),
        "ga": BodyForms(
            name="Генеральная Ассамблея",
            other_names=("Генеральной Ассамблеи",),
            opening="Генеральная Ассамблея,",
            number="{number}",
            document="резолюция {number} Генеральной Ассамблеи{date}",
            own=("сво[юиейх]{1,2}",),
        ),
        "sc": BodyForms(
            name="Совет Безопасности",
            other_names=("Совета Безопасности",),
            opening="Совет Безопасности,",
            number="{number} ({year})",
            document="резолюция {number} Совета Безопасности{date}",
            own=("сво[юиейх]{1,2}",),
        ),
        "ecosoc": BodyForms(
            name="Экономический и Социальный Совет",
            other_names=("ЭКОСОС", "Экономического и Социального Совета"),
            opening="Экономический и Социальный Совет,",
            number="{number}",
            document="резолюция {number} Экономического и Социального Совета{date}",
            own=("сво[юиейх]{1,2}",),
        ),
    },
    "ar": {
        "hrc": BodyForms(
            name="مجلس حقوق الإنسان",
            other_names=(),
            opening="إن مجلس حقوق الإنسان،",
            number="{number}",
            document="قرار مجلس حقوق الإنسان {number}{date}",
            own=("قراره", "قراراته"),
        ),
        "ga": BodyForms(
            name="الجمعية العامة",
            other_names=(),
            opening="إن الجمعية العامة،",
            number="{number}",
            document="قرار الجمعية العامة {number}{date}",
            own=("قرارها", "قراراتها"),
        ),
        "sc": BodyForms(
            name="مجلس الأمن",
            other_names=(),
            opening="إن مجلس الأمن،",
            number="{number} ({year})",
            document="قرار مجلس الأمن {number}{date}",
            own=("قراره", "قراراته"),
        ),
        "ecosoc": BodyForms(
            name="المجلس الاقتصادي والاجتماعي",
            other_names=(),
            opening="إن المجلس الاقتصادي والاجتماعي،",
            number="{number}",
            document="قرار المجلس الاقتصادي والاجتماعي {number}{date}",
            own=("قراره", "قراراته"),
        ),
    },
}
