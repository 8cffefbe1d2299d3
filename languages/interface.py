"""The web interface's words, in each interface language: the chat's labels and the pages'."""

from __future__ import annotations

from languages import DEFAULT_LANGUAGE, LANGUAGES

INTERFACE: dict[str, dict[str, str]] = {
    "zh": {
        "title": "人权理事会决议问答",
        "intro": "可用联合国六种正式语言中的任何一种提问：回答逐字引用人权理事会决议的段落，附上可以直接粘贴的引文。",
        "chat": "对话",
        "question": "问题",
        "placeholder": "例如：联合国公共服务日是哪一天？",
        "send": "提问",
        "clear": "清空对话",
        "filters": "检索范围",
        "resolutions": "决议",
        "resolutions_info": "不选则检索所有已收录的决议",
        "part": "段落",
        "part_all": "全部",
        "part_preambular": "序言部分",
        "part_operative": "执行部分",
        "part_annex": "附件",
        "year_from": "通过年份（起）",
        "year_to": "通过年份（止）",
        "any_year": "不限",
        "top_k": "结果数量",
        "citation_language": "引文语言",
        "follow_question": "跟随问题",
        "copy_citation": "复制引文",
        "copy_quote": "复制段落和引文",
        "copied": "已复制",
        "copy_failed": "无法复制",
        "open": "查看决议全文",
        "adopted": "通过日期",
        "relevance": "相关性",
        "label_direct": "直接相关",
        "label_partial": "部分相关",
        "label_nearest": "仅供参考",
        "page_preambular": "序言部分",
        "page_operative": "执行部分",
        "page_annex": "附件",
        "references": "提及的已收录决议",
        "resolution_not_found": "索引中没有第{number}号决议。",
        "body_resolution_not_found": "索引中没有{resolution}。",
        "api_docs": "hrc-qa 接口文档",
        "empty_chat": (
            "**请提问。** 例如：\n\n联合国公共服务日是哪一天？\n\n"
            "地方政府在智能城市项目中应当怎样保护个人数据？"
        ),
    },
    "en": {
        "title": "Human Rights Council resolutions: questions and answers",
        "intro": (
            "Ask in any of the six official UN languages: answers quote Human Rights Council "
            "resolution paragraphs verbatim, each with a citation ready to paste."
        ),
        "chat": "Conversation",
        "question": "Question",
        "placeholder": "e.g. Which day is United Nations Public Service Day?",
        "send": "Ask",
        "clear": "Clear",
        "filters": "Search in",
        "resolutions": "Resolutions",
        "resolutions_info": "None selected: all indexed resolutions",
        "part": "Paragraphs",
        "part_all": "All",
        "part_preambular": "Preambular",
        "part_operative": "Operative",
        "part_annex": "Annex",
        "year_from": "Adopted from (year)",
        "year_to": "Adopted until (year)",
        "any_year": "Any",
        "top_k": "Number of results",
        "citation_language": "Citation language",
        "follow_question": "As the question",
        "copy_citation": "Copy citation",
        "copy_quote": "Copy quote and citation",
        "copied": "Copied",
        "copy_failed": "Could not copy",
        "open": "Open the resolution",
        "adopted": "Adopted",
        "relevance": "Relevance",
        "label_direct": "direct",
        "label_partial": "partial",
        "label_nearest": "nearest only",
        "page_preambular": "Preamble",
        "page_operative": "Operative part",
        "page_annex": "Annex",
        "references": "Indexed resolutions it names",
        "resolution_not_found": "Resolution {number} is not in the index.",
        "body_resolution_not_found": "{resolution} is not in the index.",
        "api_docs": "hrc-qa API documentation",
        "empty_chat": (
            "**Ask a question.** For example:\n\n"
            "Must the rights that people have offline also be protected online?\n\n"
            "How does corruption affect the enjoyment of human rights?"
        ),
    },
    "fr": {
        "title": "Résolutions du Conseil des droits de l’homme : questions et réponses",
        "intro": (
            "Posez votre question dans l’une des six langues officielles de l’ONU : les réponses "
            "citent mot pour mot les paragraphes des résolutions du Conseil des droits de "
            "l’homme, chacun avec une référence prête à coller."
        ),
        "chat": "Conversation",
        "question": "Question",
        "placeholder": "p. ex. Quand est la Journée des Nations Unies pour la fonction publique ?",
        "send": "Demander",
        "clear": "Effacer",
        "filters": "Rechercher dans",
        "resolutions": "Résolutions",
        "resolutions_info": "Aucune choisie : toutes les résolutions indexées",
        "part": "Paragraphes",
        "part_all": "Tous",
        "part_preambular": "Préambule",
        "part_operative": "Dispositif",
        "part_annex": "Annexe",
        "year_from": "Adoptées à partir de (année)",
        "year_to": "Adoptées jusqu’en (année)",
        "any_year": "Toutes",
        "top_k": "Nombre de résultats",
        "citation_language": "Langue des références",
        "follow_question": "Celle de la question",
        "copy_citation": "Copier la référence",
        "copy_quote": "Copier la citation et la référence",
        "copied": "Copié",
        "copy_failed": "Copie impossible",
        "open": "Ouvrir la résolution",
        "adopted": "Adoptée le",
        "relevance": "Pertinence",
        "label_direct": "pertinent",
        "label_partial": "en partie pertinent",
        "label_nearest": "à titre indicatif",
        "page_preambular": "Préambule",
        "page_operative": "Dispositif",
        "page_annex": "Annexe",
        "references": "Résolutions indexées qu’il cite",
        "resolution_not_found": "La résolution {number} n’est pas dans l’index.",
        "body_resolution_not_found": "La {resolution} n’est pas dans l’index.",
        "api_docs": "Documentation de l’API hrc-qa",
        "empty_chat": (
            "**Posez une question.** Par exemple :\n\n"
            "Les droits dont les personnes jouissent hors ligne doivent-ils aussi être protégés "
            "en ligne ?\n\n"
            "Quels sont les effets de la corruption sur l’exercice des droits de l’homme ?"
        ),
    },
    "es": {
        "title": "Resoluciones del Consejo de Derechos Humanos: preguntas y respuestas",
        "intro": (
            "Pregunte en cualquiera de los seis idiomas oficiales de las Naciones Unidas: las "
            "respuestas citan textualmente párrafos de resoluciones del Consejo de Derechos "
            "Humanos, cada uno con una referencia lista para pegar."
        ),
        "chat": "Conversación",
        "question": "Pregunta",
        "placeholder": "p. ej. ¿Cuándo es el Día de las Naciones Unidas para la Administración Pública?",
        "send": "Preguntar",
        "clear": "Borrar",
        "filters": "Buscar en",
        "resolutions": "Resoluciones",
        "resolutions_info": "Ninguna elegida: todas las resoluciones indizadas",
        "part": "Párrafos",
        "part_all": "Todos",
        "part_preambular": "Preámbulo",
        "part_operative": "Parte dispositiva",
        "part_annex": "Anexo",
        "year_from": "Aprobadas desde (año)",
        "year_to": "Aprobadas hasta (año)",
        "any_year": "Cualquiera",
        "top_k": "Número de resultados",
        "citation_language": "Idioma de las referencias",
        "follow_question": "El de la pregunta",
        "copy_citation": "Copiar la referencia",
        "copy_quote": "Copiar la cita y la referencia",
        "copied": "Copiado",
        "copy_failed": "No se pudo copiar",
        "open": "Abrir la resolución",
        "adopted": "Aprobada el",
        "relevance": "Pertinencia",
        "label_direct": "pertinente",
        "label_partial": "en parte pertinente",
        "label_nearest": "solo como referencia",
        "page_preambular": "Preámbulo",
        "page_operative": "Parte dispositiva",
        "page_annex": "Anexo",
        "references": "Resoluciones indizadas que cita",
        "resolution_not_found": "La resolución {number} no está en el índice.",
        "body_resolution_not_found": "La {resolution} no está en el índice.",
        "api_docs": "Documentación de la API de hrc-qa",
        "empty_chat": (
            "**Haga una pregunta.** Por ejemplo:\n\n"
            "¿Deben protegerse también en línea los derechos de las personas fuera de línea?\n\n"
            "¿Cómo afecta la corrupción al disfrute de los derechos humanos?"
        ),
    },
    "ru": {
        "title": "Резолюции Совета по правам человека: вопросы и ответы",
        "intro": (
            "Задайте вопрос на любом из шести официальных языков ООН: в ответах дословно "
            "цитируются пункты резолюций Совета по правам человека, каждый со ссылкой, "
            "готовой для вставки."
        ),
        "chat": "Разговор",
        "question": "Вопрос",
        "placeholder": "например: Когда отмечается День государственной службы Организации Объединенных Наций?",
        "send": "Спросить",
        "clear": "Очистить",
        "filters": "Где искать",
        "resolutions": "Резолюции",
        "resolutions_info": "Ничего не выбрано: все проиндексированные резолюции",
        "part": "Пункты",
        "part_all": "Все",
        "part_preambular": "Преамбула",
        "part_operative": "Постановляющая часть",
        "part_annex": "Приложение",
        "year_from": "Приняты с (год)",
        "year_to": "Приняты по (год)",
        "any_year": "Любой",
        "top_k": "Число результатов",
        "citation_language": "Язык ссылок",
        "follow_question": "Как в вопросе",
        "copy_citation": "Копировать ссылку",
        "copy_quote": "Копировать цитату и ссылку",
        "copied": "Скопировано",
        "copy_failed": "Не удалось скопировать",
        "open": "Открыть резолюцию",
        "adopted": "Принята",
        "relevance": "Релевантность",
        "label_direct": "релевантно",
        "label_partial": "частично релевантно",
        "label_nearest": "только для справки",
        "page_preambular": "Преамбула",
        "page_operative": "Постановляющая часть",
        "page_annex": "Приложение",
        "references": "Упомянутые проиндексированные резолюции",
        "resolution_not_found": "Резолюции {number} нет в индексе.",
        "body_resolution_not_found": "Не проиндексирована {resolution}.",
        "api_docs": "Документация API hrc-qa",
        "empty_chat": (
            "**Задайте вопрос.** Например:\n\n"
            "Должны ли права, которыми люди пользуются офлайн, защищаться и онлайн?\n\n"
            "Как коррупция влияет на осуществление прав человека?"
        ),
    },
    "ar": {
        "title": "قرارات مجلس حقوق الإنسان: أسئلة وأجوبة",
        "intro": (
            "اطرح سؤالك بأي من اللغات الرسمية الست للأمم المتحدة: تقتبس الإجابات فقرات قرارات "
            "مجلس حقوق الإنسان حرفياً، مع إشارة مرجعية جاهزة للنسخ."
        ),
        "chat": "المحادثة",
        "question": "السؤال",
        "placeholder": "مثلاً: ما هو يوم الأمم المتحدة للخدمة العامة؟",
        "send": "اسأل",
        "clear": "مسح",
        "filters": "نطاق البحث",
        "resolutions": "القرارات",
        "resolutions_info": "إذا لم يُختر شيء: جميع القرارات المفهرسة",
        "part": "الفقرات",
        "part_all": "الكل",
        "part_preambular": "الديباجة",
        "part_operative": "المنطوق",
        "part_annex": "المرفق",
        "year_from": "اعتُمدت من (سنة)",
        "year_to": "اعتُمدت حتى (سنة)",
        "any_year": "أي سنة",
        "top_k": "عدد النتائج",
        "citation_language": "لغة الإشارة المرجعية",
        "follow_question": "لغة السؤال",
        "copy_citation": "نسخ الإشارة المرجعية",
        "copy_quote": "نسخ الاقتباس والإشارة المرجعية",
        "copied": "تم النسخ",
        "copy_failed": "تعذر النسخ",
        "open": "فتح القرار",
        "adopted": "تاريخ الاعتماد",
        "relevance": "الصلة",
        "label_direct": "وثيق الصلة",
        "label_partial": "متصل جزئياً",
        "label_nearest": "للاسترشاد فقط",
        "page_preambular": "الديباجة",
        "page_operative": "المنطوق",
        "page_annex": "المرفق",
        "references": "القرارات المفهرسة التي يذكرها",
        "resolution_not_found": "القرار {number} غير موجود في الفهرس.",
        "body_resolution_not_found": "{resolution} غير موجود في الفهرس.",
        "api_docs": "وثائق الواجهة البرمجية لـ hrc-qa",
        "empty_chat": (
            "**اطرح سؤالاً.** مثلاً:\n\n"
            "هل يجب أن تحظى الحقوق التي يتمتع بها الناس خارج الإنترنت بالحماية على الإنترنت أيضاً؟\n\n"
            "كيف يؤثر الفساد على التمتع بحقوق الإنسان؟"
        ),
    },
}
LANGUAGE_NAMES = {
    "zh": "中文",
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "ru": "Русский",
    "ar": "العربية",
}
"""Each language named in itself, as a language switch shows it."""


def ui_text(language: str, key: str) -> str:
    """The label `key` in `language`, or in the default language if there is none."""
    return INTERFACE[language if language in LANGUAGES else DEFAULT_LANGUAGE][key]


RIGHT_TO_LEFT = frozenset({"ar"})
"""Languages written from right to left: their pages and texts carry `dir="rtl"`."""


def text_direction(language: str) -> str:
    """`rtl` or `ltr`, for a page's or an element's `dir`."""
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"
