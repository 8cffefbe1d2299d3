"""Documents named by title in a French, Spanish, Russian or Arabic question, and the words that
ask what such a document itself says (`Que dit la Déclaration de Vienne …`, `Что говорится в
Итоговом документе …`): the resolutions cite such documents by name far more often than they
give their content. (Chinese titles stand in 《》 and English ones are capitalised runs:
`qa.signals` finds those.)

A title is taken from its document word to the end of its clause (at most eight words), as the
question writes it, to be named in the answer.
"""

from __future__ import annotations

import re

from languages import Language

_CLAUSE = r"[^,;:?¿؟،()]{0,80}?"
"""The rest of a title: the words after the document word, within the clause."""
_UNTIL = r"(?=\s+(?:sur|sobre|о|об|بشأن|حول|en ce qui|en cuanto|относительно)\s|[,;:?¿؟،]|$)"
"""Where a title ends: before the preposition that says what it is asked about, or a mark."""

TITLES: dict[Language, re.Pattern[str]] = {
    "fr": re.compile(
        r"\b(?:Déclaration|Pacte|Programme d'action|Programme d’action|Charte|Document final"
        rf"|Convention|Agenda|Appel à l'action|Appel à l’action){_CLAUSE}{_UNTIL}"
    ),
    "es": re.compile(
        r"\b(?:Declaración|Pacto|Programa de Acción|Carta|Documento Final|Convención|Agenda"
        rf"|Llamamiento a la Acción){_CLAUSE}{_UNTIL}",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"(?:[Дд]екларац|[Пп]акт|[Пп]рограмм\w* действий|[Ии]тогов\w* документ|[Кк]онвенц|[Уу]став"
        rf"|[Пп]овестк\w* дня|[Пп]ризыв\w* к действи)\w*{_CLAUSE}{_UNTIL}"
    ),
    "ar": re.compile(
        r"(?:إعلان|العهد|عهد|اتفاقية|ميثاق|برنامج عمل|الوثيقة الختامية|خطة عمل|الدعوة إلى العمل)"
        rf"{_CLAUSE}{_UNTIL}"
    ),
}
"""A document named by title, from its document word (Declaration, Covenant, Programme of
Action, Outcome Document, Convention, Charter, Agenda, Call to Action)."""

ASKS: dict[Language, re.Pattern[str]] = {
    "fr": re.compile(
        r"\b(?:dit|disent|prévoit|prévoient|recommande|recommandations?|engagements?|article"
        r"|propose|énonce)\b",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"\b(?:dice|dicen|establece|prevé|recomienda|recomendaciones|compromisos|artículo"
        r"|propone|enuncia)\b",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"говорится|сказано|предусматрива|рекоменд|стать[еияю]\b|предлага|изложен",
        re.IGNORECASE,
    ),
    "ar": re.compile(r"ماذا|ينص|تنص|المادة|الالتزامات|توصيات|يقترح|قرر"),
}
"""Words that ask what a document named by title itself says or holds."""

RESOLUTIONS: dict[Language, re.Pattern[str]] = {
    "fr": re.compile(r"\b(?:résolutions?|Conseil)\b|\d+/\d+", re.IGNORECASE),
    "es": re.compile(r"\b(?:resolución|resoluciones|Consejo)\b|\d+/\d+", re.IGNORECASE),
    "ru": re.compile(r"резолюц|[Сс]овет|\d+/\d+"),
    "ar": re.compile(r"القرار|المجلس|\d+/\d+"),
}
"""Words naming the resolutions or the Council: a title named after them is what the question
asks the resolutions about (`Que dit la résolution 57/12 sur l'Appel à l'action …`), not a
document whose own content it asks for."""
