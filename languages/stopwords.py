"""Words that carry no topic, in each language: the table `store.tokenize` drops from keyword
search.

English, French, Spanish and Russian are bm25s's lists (English `STOPWORDS_EN_PLUS`) with the
question words a user asks with (`quels`, `cuáles`, `какие`); Chinese and Arabic are short
lists of our own: function words and question words (`哪些`, `如何`, `ماذا`). Spanish keeps
`estado(s)`, which bm25s lists as forms of `estar` but resolutions mean as States.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

from languages import Language


def _bm25s_lists() -> ModuleType:
    """bm25s's `stopwords` module, run on its own: importing it as ``bm25s.stopwords`` runs
    bm25s's package first, which imports scipy and tqdm (a fifth of a second of a cold answer,
    which needs only these lists)."""
    package = importlib.util.find_spec("bm25s")  # finds the package without running it
    assert package is not None and package.origin is not None
    spec = importlib.util.spec_from_file_location(
        "_bm25s_stopwords", Path(package.origin).with_name("stopwords.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_BM25S = _bm25s_lists()
STOPWORDS_EN_PLUS = _BM25S.STOPWORDS_EN_PLUS
"""bm25s's English list, which `qa.translate` uses too."""
ASKING_WORDS: dict[Language, frozenset[str]] = {
    "zh": frozenset(
        "说 讲 谈 谈到 谈及 提 提到 提及 提过 告诉 描述 表述 解释 列举 写 怎么写 段 段落 一段 "
        "哪段 哪一段 措辞 是否 有没有 是不是 有无 任何 也".split()
    ),
    "en": frozenset(
        "say says said saying tell tells mention mentions mentioned paragraph paragraphs wording "
        "also whether would could anything something nothing without within whose upon yet like "
        "however therefore either neither else ever even".split()
    ),
    "fr": frozenset(
        "raconte racontez raconter explique expliquez expliquer décris décrivez décrire dis "
        "dites dire donne donnez indique indiquez indiquer précise précisez préciser résume "
        "résumez résumer cite citez citer énumère énumérez montre montrez présentez "
        "mentionne mentionnent mentionné mentionnée parle parlent parlez prévoit prévoient "
        "affirme affirment déclare déclarent concerne concernant sait savoir existe existent "
        "paragraphe paragraphes libellé aussi également notamment selon quelque chose".split()
    ),
    "es": frozenset(
        "cuéntame cuénteme explica explícame explique explicar describe describa "
        "describir di dime dígame decir indica indique indicar precisa precise resume resuma "
        "resumir cita cite citar enumera enumere presenta menciona "
        "mencionan mencionado mencionada habla hablan hable prevé prevén afirma afirman declara "
        "declaran establece establecen sabe saber existe existen párrafo párrafos redacción "
        "también además según algo nada".split()
    ),
    "ru": frozenset(
        "расскажи расскажите рассказать объясни объясните объяснить опиши опишите описать скажи "
        "скажите сказать укажи укажите указать назови назовите назвать перечисли перечислите "
        "приведи приведите покажи покажите упоминается упоминаются упомянуто упомянут говорят "
        "говорит говорилось сказано предусматривает предусматривают заявляет заявляют "
        "утверждает касается касаются существует существуют пункт пункта пункте пункты "
        "формулировка также тоже согласно ничего".split()
    ),
    "ar": frozenset(
        "اشرح اشرحي وضح وضحي صف صفي اذكر أذكر اذكري قل قولي أخبرني اخبرني حدد حددي بين بيني "
        "لخص لخصي اعرض تحدث يتحدث تتحدث يذكر تذكر يرد ترد ورد وردت ينص تنص "
        "يقول تقول قال قالت يشير تشير أشار أشارت توجد يوجد فقرة الفقرة فقرات الفقرات صياغة "
        "كذلك أيضا وفقا شيء".split()
    ),
}
"""Words a question is asked with rather than about, beyond the stop words (`What does the
Council say about …`, `Raconte …`, `Расскажи …`, `اشرح …`, `which paragraph`): not terms of a
question whose words are looked up in English (`qa.translate`), where such a word would
otherwise stand for the nearest English word (`Raconte` → `lactone`) and be named as missing.
Imperatives in the forms a user addresses a program with, the verbs of saying and providing
that ask what a text says, and the words for a paragraph and its wording. A Chinese question's
are no terms either (`qa.signals`): the resolutions say `提到` or `有没有` nowhere, so each
would count as a notion they lack."""

CITING_WORDS_EN = frozenset("text texts cite cites cited quote quoted preambular operative".split())
"""An English question's words for the text it wants and for citing it (`Which text can I
cite?`, `agreed language I could quote in a preambular paragraph`): a citation tool's question
asks for the paragraph to quote, not about texts or quotations, and the dictionary renders them
as other notions (`text` → 发短信 or 课文, `cite` → 表彰, `quote` → 报价, `operative` → 手术)
that the paragraph asked for seldom holds, so they are no terms of it (`qa.translate`), as
`citer` and `citar` are none of a French or Spanish one (`ASKING_WORDS`). Kept apart from
`ASKING_WORDS["en"]`, which also decides which English glosses are embedded for French,
Spanish, Russian and Arabic words (`qa.translate._english_vectors`): `texte` and `cotation`
keep their nearest English words, and the tables made before stay valid."""

REFERRING_BACK_EN = re.compile(r"\b(?:which|what) ones\b", re.IGNORECASE)
"""An English ask for the things the sentence before it names (`Which ones are there?` after
`I need a list of countries that …`): what it asks for is read there too (`qa.signals`,
`asking_part`). `ones` is a term: the dictionary glosses 哪些 as `which ones`."""

QUESTION_WORDS: dict[Language, re.Pattern[str]] = {
    "zh": re.compile(
        r"什么|哪|如何|怎|是否|吗|多少|谁|为何|几[个年次项位届]|^\s*请?(?:列出|概述|概括)"
    ),
    "en": re.compile(
        r"\b(?:what|which|who|whom|whose|when|where|why|how)\b"
        r"|^\s*(?:does|did|do|is|are|was|were|can|could|should|has|have|will|would)\b"
        r"|^\s*(?:please\s+)?(?:list|explain|summari[sz]e|describe|outline|tell me)\b",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"\b(?:que|qu['’]|quel|quelle|quels|quelles|quoi|comment|pourquoi|combien|où|quand|qui"
        r"|lequel|laquelle|lesquels|lesquelles|est-ce)(?!\w)",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"\b(?:qué|cuál|cuáles|cómo|quién|quiénes|dónde|cuándo|cuánto|cuánta|cuántos|cuántas)"
        r"(?!\w)",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"\b(?:что|чем|чего|какие|какой|какая|какое|каких|каким|какими|каков|какова|каково"
        r"|каковы|как|кто|где|когда|почему|зачем|сколько|ли)\b",
        re.IGNORECASE,
    ),
    "ar": re.compile(r"(?:^|\s)(?:ماذا|ما|كيف|متى|أين|لماذا|هل|كم)(?=\s|$)"),
}
"""Words that make a text a question without its question mark (`what did HRC resolution 45/9
ask`, `第30/25号决议的主要内容是什么`), where a keyword query has none (`resolution 24/2 local
government`): an English auxiliary only as the first word, the Arabic `من` (also `from`) not
at all. A request asks as a question does (`List the commitments …`, `Explain how …`,
`请列出…`): as the first words only, where a keyword query never has them."""

STOPWORDS: dict[Language, frozenset[str]] = {
    "zh": frozenset(
        "的 了 和 与 及 或 在 是 对 为 于 以 把 被 将 等 其 之 这 那 哪 吗 呢 吧 啊 也 都 就 并 而 又 还 "
        "时 中 上 下 各 有 从 向 由 所 该 此 年 月 日 个 条 项 段 "
        "哪些 什么 如何 怎样 怎么 哪项 哪个 哪一 哪一届 是否 为什么 多少 哪里 应当 应该 可以 关于 "
        "有关 以及 进行 方面 采取 作出 起 做".split()
    ),
    "en": frozenset(STOPWORDS_EN_PLUS),
    "fr": frozenset(_BM25S.STOPWORDS_FRENCH)
    | frozenset(
        "quel quelle quels quelles quoi comment pourquoi combien où quand lequel laquelle "
        "lesquels lesquelles dont cette cet ceux celle celles est-ce dit disent doit doivent "
        "peut peuvent faut".split()
    ),
    "es": (
        frozenset(_BM25S.STOPWORDS_SPANISH) - {"estado", "estados", "estada", "estadas"}
        | frozenset(
            "cuál cuáles cual cuales cómo qué dónde cuándo cuánto cuántos cuántas dice dicen "
            "debe deben puede pueden".split()
        )
    ),
    "ru": frozenset(_BM25S.STOPWORDS_RUSSIAN)
    | frozenset(
        "какие каких каким какими каково какова каков чём говорится сказано должны должен "
        "должна следует это эта".split()
    ),
    "ar": frozenset(
        "في من إلى الى على عن مع أن إن ان أو او ما ماذا هل كيف لماذا متى أين اين أي أية كم "
        "التي الذي الذين اللتي اللذين هذا هذه ذلك تلك هؤلاء أولئك هو هي هم هن نحن أنا "
        "و ف ب ل ك ثم قد لا لم لن ليس كل بعض بين عند حول لدى منذ حتى إذ إذا اذا كان كانت "
        "يكون تكون كما أيضا أيضاً غير بشأن يقول تقول ينبغي يجب".split()
    ),
}
