"""What kind of answer a question asks for, where its form shows in a text: a quantity (`多少`,
`how many`, `what share`, `what budget`), a time (`哪一年`, `when was`, `how often`, `deadline`),
a place or particular countries (`在哪里举行`, `哪些国家`, `which States`) or particular people
(`是谁`, `who were the panellists`, `who won`) or what a meeting or a report came to (`通过了
什么成果文件`, `得出了什么结论`, `what did … conclude`), in each language a question may come
in, or how things stand now (`this year's theme`, `去年`: in English and Chinese); and the
forms that show one in a resolution's text (a counted number, a percentage; a year, a month, a
session; where a meeting is held; a person's name; a document adopted, a conclusion drawn).
The resolutions name bodies and roles (`由谁来承担`, `who is to provide`), never speakers,
winners or office holders, and announce meetings and request reports more often than they say
what came of them (`世界城市论坛第十二届会议将于…在开罗举行`). A paragraph holding nothing of
the kind asked for cannot answer the question, however many of its words it shares (`What
minimum share of the budget …?` beside a paragraph on adequate funding): `qa.signals` measures
that.

Interrogative words only: a `when` or `quand` that opens a condition (`When a city moves its
services online, …`) does not ask for a time, so English, French and Russian ones count only
before the verb a question puts there (`when was`, `quand a`, `когда был`); Spanish marks
the question word by its accent (`cuándo`, `cuántos`), Chinese `几` counts after the verbs
that ask (`有几个`, `分几个类别`, `由几名成员组成`, not `和几个城市`).

A question may ask for several (`When and where …`, `具体是哪天开的？主持人是谁？`): each one asked
and not shown counts, whatever the others.
"""

from __future__ import annotations

import re
from typing import Literal

AnswerKind = Literal["quantity", "time", "place", "person", "outcome", "present"]

_NUMERALS = "零〇一二两三四五六七八九十百千万"
_NUMBER = rf"(?:\d+(?:[.,]\d+)?|[{_NUMERALS}]{{2,}}|[{_NUMERALS.replace('一', '')}])"
"""A number, in figures or Chinese numerals; a lone 一 is mostly the article (`一个基金`)."""
_MEETING = (
    r"(?:(?:held|hold)(?! (?:\w+ )?(?:responsible|accountable|liable|to account))|hosted|host"
    r"|take place|took place|convened?|meet|met|located|based)\b"
)
"""Verbs of a meeting's place: in English, as in Chinese (`在哪里举行`), `where` asks for a place
only with one (`Where will the panel be held?`); without (`Where is that set out?`, `Where does
the Council ask …`) it asks where in the texts. Someone held responsible or accountable is
not a meeting (`Where does the Council say … so that someone can be held responsible?`)."""
_MEETING_FR_ES_RU_AR = (
    r"(?:tien|tenu|déroul|réuni|lieu|organis|siège|siég|celebr|reun|realiz|sede|проход|пройд"
    r"|прош|состо|провод|провед|собира|собер|располож|находит|عقد|تعقد|ستعقد|يعقد|انعقد|تنعقد"
    r"|أقيم|يقام|تقام|ستقام|مقر|اجتمع|يجتمع|تجتمع)"
)
"""The stems of the verbs of a meeting's place in French, Spanish, Russian and Arabic: `où`,
`dónde`, `где` and `أين` ask for a place with one of them in the same sentence (`¿Dónde se
celebró el Foro?`), as `where` does; without, where in the texts (`¿Dónde está?`) or which
document (`документ ООН, где государствам предлагается …`)."""

ASKS: dict[AnswerKind, re.Pattern[str]] = {
    "quantity": re.compile(
        r"多少|(?<=[有是共了过要分设由])几(?:个|名|位|项|次|国|家|种|人|成)|比例|百分之几|百分比|份额|占比"
        r"|\bhow (?:many|much)\b"
        r"|\b(?:what|which)(?: \w+)? (?:percentage|share|proportion|number|amount|sum|value"
        r"|threshold)\b|\b(?:above|below|over|under) what\b"
        r"|\bnumber of\b"
        r"|\bwhat (?:is|was|are|were) the (?:\w+ ){0,2}(?:budget|cost|amount|speed|salary)\b"
        r"|\bwhat (?:minimum|maximum)\b"
        r"|\bcombien\b|\bquel(?:le)? (?:pourcentage|part|proportion|nombre|montant|budget)\b"
        r"|\bcuánt[oa]s?\b|\bqué (?:porcentaje|proporción|cantidad|presupuesto)\b"
        r"|\bcuál (?:es|fue) el (?:presupuesto|monto|costo)\b"
        r"|сколько|как(?:ой|ая|ое|ов|ова) (?:процент|доля|число|количество|сумма|бюджет|размер)"
        r"|\bكم\b|ما (?:هي |هو )?(?:نسبة|عدد|ميزانية|قيمة|حجم|مبلغ)",
        re.IGNORECASE,
    ),
    "time": re.compile(
        r"何时|什么时候|什么时间|哪一?年|哪一?天|哪个月|几月|多久|多长时间|每隔几|几年一次|截止|期限"
        r"|\bdeadline\b|\bby (?:when|what date)\b"
        r"|\bwhen (?:is|was|were|are|will|did|does|do|should|has|have|had|must|can|would)\b"
        r"|\b(?:what|which) (?:year|date|day|month)\b|\bhow (?:long|often)\b|\bsince when\b"
        r"|\bwhen and where\b|\bwhere and when\b"
        r"|\bquand (?:a|ont|est|sont|sera|seront|doit|doivent|aura|auront)\b"
        r"|\bquelle (?:année|date)\b|\ben quelle année\b|\bdepuis quand\b|\bà quelle fréquence\b"
        r"|\bd'ici quand\b|\bdate limite\b|\bquel (?:est |était |sera )?(?:le )?délai\b"
        r"|\bcuándo\b|\ben qué (?:año|fecha)\b|\bqué fecha\b|\bcada cuánto\b|\bqué plazo\b"
        r"|\bcuál (?:es|era|fue|será) el plazo\b"
        r"|\bfecha límite\b"
        r"|когда (?:был|была|было|были|будет|будут|состоится|состоялась|состоялся|должен"
        r"|должна|должны)\b|в каком году|какого числа|как часто|как долго"
        r"|к какому сроку|до какого (?:срока|числа)|в какие сроки|в какой срок"
        r"|متى|في أي (?:عام|سنة|تاريخ)|كل كم|ما (?:هي |هو )?(?:الموعد النهائي|المهلة|الأجل)",
        re.IGNORECASE,
    ),
    # `在哪里` only with a verb of meeting: `表述在哪里` asks where in a text, not a place.
    "place": re.compile(
        r"在哪(?:里|儿)?(?:举行|举办|召开)|哪个城市|哪座城市|哪些城市|哪个国家|哪些国家|哪几个国家|哪国"
        r"|哪些政府"
        # The States that drafted or tabled a text (`核心起草国是哪几个`), as `who sponsored`.
        r"|(?:起草|提案)国[^，。？]{0,4}(?:是|有)哪"
        r"|(?:城市|国家)(?:有|是)哪些"
        rf"|\bwhere (?:is|was|were|are|will|did|does|do|has|have)\b(?=[^?.]*\b{_MEETING})"
        r"|\b(?:which|what) (?:city|cities|country|countries|governments)\b"
        r"|\bwhich (?:member )?states\b"
        r"|\bin which (?:city|country)\b|\blist of (?:countries|states|cities)\b"
        rf"|(?:\boù|\bdónde|\bгде|أين)(?=[^?.؟]*{_MEETING_FR_ES_RU_AR})"
        r"|\b(?:quels?|quelles?) (?:pays|villes?|états)\b|\bdans quelle ville\b"
        r"|\bqué (?:país|países|ciudad|ciudades|estados)\b|\ben qué ciudad\b"
        # Russian `какие страны`, `в каких странах`, `каким государствам`: any case.
        r"|\bв каком (?:городе|стране)\b|\bкак(?:ие|их|им|ими|ая|ой|ую) (?:стран|государств|город)"
        r"|أي (?:الدول|دول|بلد|مدينة)|في أي مدينة|ما (?:هي )?الدول",
        re.IGNORECASE,
    ),
    # Particular people: speakers, moderators, winners, office holders, each named by what
    # they did or the post they hold, and how office holders come to hold it (`how are its
    # members appointed`, `由谁任命`): the texts create mandates and bodies, never say who
    # fills them or how. `Who is to provide …`, `Who are the stakeholders …` or `由谁来承担`
    # ask for a body or a role, which the texts do name.
    "person": re.compile(
        r"(?:主持人|嘉宾|发言人|发言者|成员|获奖者|得主|主席|报告员|高级专员)[^，。？]{0,3}(?:是|有)谁"
        r"|是谁(?!的)(?=[\u4e00-\u9fff])|谁(?:主持|获|赢|担任|当选|主讲)|哪些(?:发言)?嘉宾|哪些专家|哪位"
        r"|(?:怎么|怎样|如何|由谁|谁)[\u4e00-\u9fff]{0,4}?(?:选举|任命|选出|遴选|当选|换届|提名)"
        # `Who` asking (a sentence's first word, or after `and`) who did a thing or holds a seat:
        # `Who received …`, `and who sits on …`. Not `who is to provide`, `people who serve`,
        # nor who does a thing now (`Who provides …`, `Who monitors …`): a role the texts name.
        r"|(?:^|[.?!]\s+|\band\s+)who (?:\w+ly )?(?:(?!need)\w+ed|sits|heads|holds|chairs)\b"
        r"|\bwho (?:is|are|was|were) (?:\w+ )?(?:appointed|elected|nominated|selected|chosen)\b"
        r"|\bhow (?:are|is|were|was) (?:[\w'’-]+ ){0,8}?(?:elected|appointed|chosen|selected"
        r"|nominated)\b|\bhow (?:does|do|did) (?:[\w'’-]+ ){0,4}?(?:elect|appoint|choose|select"
        r"|nominate)\b"
        r"|\bwho (?:won|moderated|chaired|presided|spoke|sponsored|drafted|currently)\b"
        r"|\b(?:which|what) (?:\w+ ){1,3}won\b"
        r"|\bwho (?:is|was) the (?:current )?(?:UN |United Nations )?(?:president|chair|chairperson"
        r"|head|moderator|winner"
        r"|special rapporteur|high commissioner|secretary-general)\b"
        r"|\bwho (?:were|are) the (?:panell?ists|speakers|winners|moderators|sponsors)\b"
        r"|\bwhich (?:speakers|panell?ists|winners)\b"
        r"|\bqui (?:a |va |avait )?(?:présid|remport|anim|gagn)\w*|\bquels? (?:intervenants|panélistes"
        r"|orateurs|lauréats)\b|\bqui (?:est|était) (?:le|la) (?:président|présidente|rapporteur)"
        r"|\bquién(?:es)? (?:va a |iba a )?(?:gan[óoaée]|presid|moder)\w*"
        r"|\bqué (?:ponentes|panelistas|oradores|ganadores)\b"
        r"|\bquién(?:es)? (?:es|fue|son|fueron) (?:el|la|los|las) (?:president[ea]|relator[a]?"
        r"|ponentes|panelistas|ganador(?:es)?)\b"
        r"|\bкто (?:будет )?(?:возглав|председательств|выигра|получ|выступ|стал)"
        # What someone is called: a name asked for.
        r"|\bкак зовут\b|\bcomment s['’]appelle\b|\bcómo se llama\b|ما اسم"
        r"|\bquel est le nom d|\bcuál es el nombre d"
        r"|\bкто (?:является|был|была) (?:председател|докладчик|верховн|модератор)"
        r"|من (?:فاز|ترأس|رأس|تولى|أدار|س?[يت](?:فوز|ترأس|رأس|تولى))"
        r"|من (?:هو|هي|كان) (?:رئيس|المقرر|المفوض)|من هم (?:المتحدثون|الفائزون)",
        re.IGNORECASE,
    ),
    # What a meeting adopted or a report concluded; `通过了哪些决议` asks for the Council's own
    # resolutions, which the texts recall.
    "outcome": re.compile(
        r"得出了?(?:什么|哪些)结论|(?:通过|发表)了?(?:什么|哪些)成果文件|最后通过了什么"
        r"|\bwhat did (?:\w+ ){1,6}(?:conclude|adopt|agree on)\b|\bwhat was agreed\b"
        r"|\bwhat (?:were|are) the (?:main |key |final )?(?:outcomes|conclusions|results) of\b"
        r"|\bquels? (?:résultats|conclusions)\b|\bqué (?:resultados|conclusiones)\b"
        r"|\bкакие (?:итоги|выводы|результаты)\b|ما (?:هي )?(?:نتائج|استنتاجات)"
        # Which outcome document a meeting adopted, as `通过了什么成果文件`.
        r"|\bquel(?:le)?s? (?:document final|déclaration)\b[^?]{0,40}\badopté"
        r"|\bqué (?:documento final|declaración)\b[^?]{0,40}\badopt"
        r"|\bкак(?:ой|ая|ие|ую) (?:итогов\w* документ|декларац)\w*[^?]{0,40}\bприня"
        r"|ما (?:هي |هو )?(?:الوثيقة الختامية|الإعلان)[^؟?]{0,20}(?:التي|الذي) (?:اعتمد|صدر)",
        re.IGNORECASE,
    ),
    # How things stand now: this year's theme, last year's donors (who holds an office now is
    # a person). Only in the sentence that asks (before its question mark): a situation told
    # first (`Last year our city adopted …`) asks nothing of the kind.
    "present": re.compile(
        r"(?:\b(?:this|last) year(?:'s|’s)?\b|今年|去年|本年度)(?=[^.!。！；]*[?？])",
        re.IGNORECASE,
    ),
}
"""Words asking for each kind of answer, in Chinese, English, French, Spanish, Russian and
Arabic."""

SHOWS: dict[AnswerKind, re.Pattern[str]] = {
    "quantity": re.compile(
        rf"{_NUMBER}\s*(?:%|％|个|名|位|项|次|国|人|成|倍|亿|万|美元|种)|百分之"
        r"|\bper ?cent\b|\bmillion\b|\bbillion\b",
        re.IGNORECASE,
    ),
    "time": re.compile(
        rf"\d\s*(?:年|月|日)|[{_NUMERALS}]+\s*(?:年|个月|周|日)|第[{_NUMERALS}\d]+\s*届|每年|每隔|年度"
        r"|\b(?:19|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September"
        r"|October|November|December)\b|\bsession\b",
        re.IGNORECASE,
    ),
    # Resolutions name a place where they say a meeting is held (`在开罗举行`); they speak of
    # States in general (`各国`), never list particular ones.
    "place": re.compile(
        r"在[^，。；、：\s]{2,12}?(?:举行|举办|召开)"
        r"|\b(?:held|hosted|take place|took place|convened|meet|met) (?:in|at) [A-Z]"
    ),
    # A person's name: a transliterated one (纳尔逊·曼德拉), or a title before a name; or
    # someone said elected or appointed, which tells how an office is filled.
    "person": re.compile(
        r"[\u4e00-\u9fff]·[\u4e00-\u9fff]|\b(?:Mr|Ms|Mrs|Dr|H\.E)\.? [A-Z]"
        r"|选举|任命|当选|遴选|\b(?:elected|appointed)\b"
    ),
    # A document named as adopted, a conclusion said to be drawn.
    "outcome": re.compile(
        r"(?:通过|发表)(?:了|的)《|得出(?:的|了)?结论|\bconcluded that\b|\badopted (?:the|its) [A-Z]"
    ),
    # Resolutions are dated texts: what they say of `this year` is of the year they were
    # adopted in, and they seldom say even that.
    "present": re.compile(r"\b(?:this|last) year\b|今年|去年|本年度", re.IGNORECASE),
}
"""What shows each kind in a text: a counted number or a percentage; a date, a year, a
session; a place where a meeting is held; a person's name; an outcome adopted or concluded;
the present, as a text speaks of it."""


def asked_kinds(question: str) -> tuple[AnswerKind, ...]:
    """The kinds of answer `question` asks for (none for most questions)."""
    return tuple(kind for kind, words in ASKS.items() if words.search(question))


def unstated_kinds(question: str, texts: list[str]) -> tuple[AnswerKind, ...]:
    """The kinds of answer `question` asks for that none of `texts` shows (empty when it asks
    for none, or when each is shown): a question asking when a panel was held and who chaired
    it is not answered by a paragraph giving the session alone."""
    return tuple(
        kind
        for kind in asked_kinds(question)
        if not any(SHOWS[kind].search(text) for text in texts)
    )
