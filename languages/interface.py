"""The web interface's words, in each interface language: the chat's labels and the pages'."""

from __future__ import annotations

from languages import DEFAULT_LANGUAGE, LANGUAGES

INTERFACE: dict[str, dict[str, str]] = {
    "zh": {
        "title": "人权理事会决议问答",
        "intro": "用中文或英文提问：回答逐字引用人权理事会决议的段落，附上可以直接粘贴的引文。",
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
        "api_docs": "hrc-qa 接口文档",
        "empty_chat": (
            "**请提问。** 例如：\n\n联合国公共服务日是哪一天？\n\n"
            "地方政府在智能城市项目中应当怎样保护个人数据？"
        ),
    },
    "en": {
        "title": "Human Rights Council resolutions: questions and answers",
        "intro": (
            "Ask in Chinese or English: answers quote Human Rights Council resolution "
            "paragraphs verbatim, each with a citation ready to paste."
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
        "api_docs": "hrc-qa API documentation",
        "empty_chat": (
            "**Ask a question.** For example:\n\n"
            "Must the rights that people have offline also be protected online?\n\n"
            "How does corruption affect the enjoyment of human rights?"
        ),
    },
}
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
"""Each language named in itself, as a language switch shows it."""


def ui_text(language: str, key: str) -> str:
    """The label `key` in `language`, or in the default language if there is none."""
    return INTERFACE[language if language in LANGUAGES else DEFAULT_LANGUAGE][key]
