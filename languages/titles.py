"""Documents a question names by title, in each language, and the words that ask what such a
document itself says (`《维也纳宣言和行动纲领》…是怎么建议的？`, `What does the Pact for the Future
say about …?`, `Que dit la Déclaration de Vienne …`, `Что говорится в Итоговом документе …`): the
resolutions cite such documents by name far more often than they give their content.

A Chinese title stands in 《》, or unmarked from the start of its clause (or after `在`, `对`,
`与`, `和`, `将`) to its document word (`2005年世界首脑会议成果文件里关于…`, as an English one
needs no marks), with the asking words just after it (`《千年宣言》提出的…`), or after what it is
asked about (`《新城市议程》在适足住房方面作了哪些承诺？`); an English one is a run of
capitalised words holding a document word (Declaration, Agenda …); a French, Spanish, Russian
or Arabic one runs from its document word (a Russian one from the adjective before it) to the
end of its clause or the preposition saying what it is asked about (at most eighty
characters), as the question writes it, to be named in the answer. A
title named after the resolutions or the Council (`Que dit la résolution 57/12 sur l'Appel à
l'action …`, `What does resolution 36/29 say about the Sustainable Development Goals?`) is what
the question asks them about, not a document whose own content it asks for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from languages import Language


@dataclass(frozen=True, slots=True)
class TitleForms:
    """How one language names a document by title in a question, and asks what it says."""

    title: re.Pattern[str]
    """A document named by title; its group `title` is how the question writes it."""

    asks: re.Pattern[str]
    """Words asking what the document itself says or holds: in the group `after` of `title`
    where it has one (Chinese), anywhere in the question otherwise."""

    document: re.Pattern[str] | None = None
    """A word the title must hold to be a document's (English capitalised runs), if any."""

    resolutions: re.Pattern[str] | None = None
    """Words naming the resolutions or the Council, which a title must not come after (none
    for Chinese: its asking words just after the title say what is asked about)."""


_ABOUT = r"sur|sobre|о|об|بشأن|حول"
"""The prepositions that say what a document is about, in its title or in the question."""
_LIST_COMMA = r",(?=\s+\w+\s+(?:et|y|и)\s)"
"""A comma listing words up to `et`, `y` or `и` (`droits économiques, sociaux et culturels`)."""
_CLAUSE = rf"(?:\s+(?:{_ABOUT})(?=\s))?(?:[^,;:?¿؟،()]|{_LIST_COMMA}){{0,80}}?"
"""The rest of a title: the words after the document word, within the clause. A preposition
just after the document word is the title's own (`Déclaration sur le droit au développement`,
`пакт о гражданских … правах`, `إعلان بشأن …`): what the question asks about comes after the
whole title, so only a later one ends it; a listing comma is the title's too."""
_ABOUT_PHRASE = (
    r"en ce qui|au sujet d\w*|à propos d\w*|concernant|quant à|en cuanto|acerca de|respecto|con respecto"
    r"|en relación con|относительно|касательно|по поводу|насч[её]т|عن|فيما يتعلق|بخصوص"
)
"""Phrases of several words (or a word of their own) saying what a document is asked about,
which no title holds (`au sujet du droit au logement`, `по поводу`, `عن`)."""
_UNTIL = rf"(?=\s+(?:{_ABOUT}|{_ABOUT_PHRASE})\b|(?!{_LIST_COMMA})[,;:?¿؟،]|$)"
"""Where a title ends: before the preposition that says what it is asked about, or a mark."""
_WORDS_AFTER = r"(?:\s+[^\s,;:?¿؟،()]+){0,3}"
"""A title with no such end within its clause's first eighty characters (a verb follows it,
`Какие главы Конвенции ООН против коррупции рассматриваются …`): its document word and the
three words after it, enough to name it."""

_CHINESE_DOCUMENT = r"(?:成果文件|宣言|公约|议程|行动纲领|契约)"
"""The words a Chinese document's title ends with (Outcome Document, Declaration, Convention,
Agenda, Programme of Action, Pact), by which an unmarked one is read (`2005年世界首脑会议成果
文件`): a year may start it, a clause or `在`, `对`, `与`, `和`, `将` comes before it."""

TITLES: dict[Language, TitleForms] = {
    "zh": TitleForms(
        re.compile(
            rf"(?P<title>《[^《》]+》|(?:^|(?<=[，。？！、；：\s在对与和将]))(?:\d{{4}}年)?"
            rf"[\u4e00-\u9fff]{{2,16}}?{_CHINESE_DOCUMENT})"
            r"(?P<after>(?:在[^，。？?《]{1,12}?方面)?[^，。？?《]{0,6})"
        ),
        re.compile(
            r"对|关于|里|中|提出|第[\d一二三四五六七八九十]+条|规定|是哪|有哪些|附件|是怎么|是如何|怎样"
            r"|(?:作了|作出了?|有)(?:哪些|什么)承诺|定了|确定的|哪几"
        ),
    ),
    "en": TitleForms(
        re.compile(
            # A number starts a title only before a capitalised word (`2030 Agenda`, not
            # `article 19 of the …`); a comma lists words up to `and` (`Economic, Social and
            # Cultural Rights`).
            r"(?P<title>(?:[A-Z][\w'’-]*|\d[\w'’-]*(?=\s+[A-Z]))"
            r"(?:(?:,(?=\s+[A-Z][\w'’-]*\s+and\s))?\s+(?:(?:of|for|the|on|and|to|against|in)\s+)*"
            r"[A-Z0-9][\w'’-]*)*)"
        ),
        re.compile(
            r"\b(?:say|says|said|commit|commits|require|requires|provisions|article|set out"
            r"|propose|proposed|recommend|domains|members|commitments|explain|cover|covers"
            r"|paragraphs)\b",
            re.IGNORECASE,
        ),
        re.compile(
            r"\b(?:Declaration|Agenda|Pact|Convention|Covenant|Programme|Charter|Compact|Outcome"
            r"|Principles|Rules|Goals|Call to Action|Partnership|Summit|Strategy|Framework"
            r"|Protocol|Plan|Treaty|Agreement)\b"
        ),
        re.compile(r"\b(?:resolutions?|Council|paragraph)\b|\d+/\d+", re.IGNORECASE),
    ),
    "fr": TitleForms(
        re.compile(
            r"(?P<title>\b(?:Déclaration|Pacte|Programme d'action|Programme d’action|Charte"
            rf"|Document final|Convention|Agenda|Appel à l'action|Appel à l’action)(?:{_CLAUSE}{_UNTIL}|{_WORDS_AFTER}))"
        ),
        re.compile(
            r"\b(?:dit|disent|disait|prévoi\w*|prévoy\w*|recommand\w*|engagements?|articles?"
            r"|chapitres?|propos(?:e|ent|ait|aient|ée?s?|itions?)|énonc\w*|stipul\w*)\b",
            re.IGNORECASE,
        ),
        resolutions=re.compile(r"\b(?:résolutions?|Conseil)\b|\d+/\d+", re.IGNORECASE),
    ),
    "es": TitleForms(
        re.compile(
            r"(?P<title>\b(?:Declaración|Pacto|Programa de Acción|Carta|Documento Final"
            rf"|Convención|Agenda|Llamamiento a la Acción)(?:{_CLAUSE}{_UNTIL}|{_WORDS_AFTER}))",
            re.IGNORECASE,
        ),
        re.compile(
            r"\b(?:dice|dicen|decía|dijo|establec\w*|estipul\w*|prev(?:é|én|eía|ió|ieron)"
            r"|recom[ie]nd\w*|compromisos|artículos?|capítulos?|propon\w*|propus\w*|enunci\w*)\b",
            re.IGNORECASE,
        ),
        resolutions=re.compile(r"\b(?:resolución|resoluciones|Consejo)\b|\d+/\d+", re.IGNORECASE),
    ),
    "ru": TitleForms(
        re.compile(
            # A Russian title's adjective stands before its document word (`Международного
            # пакта`, `Всеобщей декларации`), capitalised as the title's first word.
            r"(?P<title>(?:(?!Как|Котор)[А-ЯЁ][а-яё]+"
            r"(?:[ыиео]й|[ая]я|[ое]е|[ое]го|[ое]му|[ыи]м|[ое]м|[ую]ю|[ыи]х)\s+)?"
            r"(?:[Дд]екларац|[Пп]акт|[Пп]рограмм\w* действий|[Ии]тогов\w* документ"
            rf"|[Кк]онвенц|[Уу]став|[Пп]овестк\w* дня|[Пп]ризыв\w* к действи)\w*(?:{_CLAUSE}{_UNTIL}|{_WORDS_AFTER}))"
        ),
        re.compile(
            r"говорит|сказано|предусм[ао]тр|рекоменд|стать(?:[еияю]|ях)\b|глав(?:[аеуы]|ах)\b"
            r"|предлага|предлож|изложен",
            re.IGNORECASE,
        ),
        resolutions=re.compile(r"резолюц|[Сс]овет|\d+/\d+"),
    ),
    "ar": TitleForms(
        re.compile(
            # A document word starts a word, after proclitics and the article at most (`معهد`,
            # an institute, holds `عهد`, a covenant; `الإعلان السياسي`, `وبالعهد`).
            r"(?<!\w)[وف]?(?:[بكل]|لل)?(?P<title>(?:ال)?(?:إعلان|عهد|اتفاقية|ميثاق|برنامج عمل|الوثيقة الختامية|خطة عمل"
            rf"|الدعوة إلى العمل)(?:{_CLAUSE}{_UNTIL}|{_WORDS_AFTER}))"
        ),
        re.compile(
            r"ماذا|ينص|تنص|يقول|تقول|جاء في|المادة|الفصل|الالتزامات|توصيات|أوصى|يوصي|توصي|يقترح"
            r"|تقترح|اقترح|قرر"
        ),
        resolutions=re.compile(r"القرار|المجلس|\d+/\d+"),
    ),
}
"""Each language's titles: Declaration, Covenant, Programme of Action, Outcome Document,
Convention, Charter, Agenda, Call to Action and the like, with the words asking what they say."""

_CITING_VERBS = {
    "zh": r"(?:援引|引用|援用|提及|提到|回顾)",
    "en": r"(?:cites?|cited|recalls?|recalled|refers? to|referred to|invokes?|invoked|mentions?"
    r"|mentioned)",
    "fr": r"(?:citen?t?|rappellen?t?|mentionnen?t?|fai(?:t|saient|sait) référence|renvoien?t?)",
    "es": r"(?:citan?|recuerdan?|mencionan?|hacen? referencia|remiten?)",
    "ru": r"(?:ссыла|упомина|напомина|цитиру)\w*",
    "ar": r"(?:يشير|تشير|يستشهد|تستشهد|يستذكر|تستذكر)",
}
"""The verbs by which a text cites a document, in its active forms (`cites`, `援引`)."""
CITING: dict[Language, re.Pattern[str]] = {
    "zh": re.compile(
        rf"哪[^，。？?]{{0,6}}?(?:决议|段|案文|文本|文件)[^，。？?]{{0,12}}?{_CITING_VERBS['zh']}"
        rf"|(?:决议|段落|理事会|案文)[^，。？?]{{0,12}}?(?:是否|有没有|有无|是不是){_CITING_VERBS['zh']}"
    ),
    "en": re.compile(
        r"\bwhich\s+(?:\S+\s+){0,3}?(?:resolutions?|texts?|paragraphs?|documents?)\b[^.?!]{0,80}?"
        rf"\b{_CITING_VERBS['en']}\b"
        r"|\b(?:does|do|did|has|have)\s+(?:(?:the|any|this|that|HRC|Council|Human Rights Council)\s+)*"
        rf"(?:resolutions?|texts?|paragraphs?|Council|\d+/\d+)\b[^.?!]{{0,40}}?\b{_CITING_VERBS['en']}\b",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"\bquel(?:le)?s?\s+(?:\S+\s+){0,2}?(?:résolutions?|textes?|paragraphes?|documents?)\b"
        rf"[^.?!]{{0,80}}?\b{_CITING_VERBS['fr']}\b",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"\b(?:qué|cuál(?:es)?)\s+(?:resoluci(?:ón|ones)|textos?|párrafos?|documentos?)\b"
        rf"[^.?!]{{0,80}}?\b{_CITING_VERBS['es']}\b",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"\b(?:как\w*|котор\w*)\s+(?:резолюц|текст|пункт|документ)\w*[^.?!]{0,80}?"
        + _CITING_VERBS["ru"]
        + r"|"
        + _CITING_VERBS["ru"]
        + r"\s+ли\s+(?:\S+\s+){0,2}?(?:резолюц|совет|текст|пункт)",
        re.IGNORECASE,
    ),
    "ar": re.compile(
        r"(?:أي|أيّ)\s*(?:قرار|القرارات|نص|النصوص|فقرة|الفقرات)[^.؟?]{0,80}?"
        + _CITING_VERBS["ar"]
        + r"|هل\s+"
        + _CITING_VERBS["ar"]
        + r"\s+(?:القرار|قرار|المجلس|النص|الفقرة)"
    ),
}
"""Words asking which text cites a document, or whether one does (`Which texts cite the
Universal Declaration …`, `Does resolution 37/7 recall resolution 6/8 …?`, `哪一段援引了《…》`,
`Quelle résolution rappelle …`): the citing paragraph is what they ask for, whatever the
document itself says, so such a question does not ask about another document. The text that
cites is the resolutions' (a resolution, a text, a paragraph, the Council): `Does the Vienna
Declaration mention …?` and `What does the Pact recall …?` ask what a document says. A passive
form (`the report cited in 37/7`, `37/7提到的…`) names the document whose content is asked for,
and is not one of them either."""
