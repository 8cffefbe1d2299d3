"""The sentences an answer may carry, in the language of the question."""

from __future__ import annotations

from languages import DEFAULT_LANGUAGE, LANGUAGES, Language

_MESSAGES = {
    "empty": {
        "zh": "请输入一个问题。",
        "en": "Please type a question.",
    },
    "too_long": {
        "zh": "问题太长（{length} 个字符），请缩短到 {limit} 个字符以内。",
        "en": "The question is too long ({length} characters); please keep it under {limit}.",
    },
    "no_words": {
        "zh": "问题里没有可以检索的文字，请用中文或英文提问。",
        "en": "The question has no words to search for; please ask in Chinese or English.",
    },
    "no_match": {
        "zh": "已收录的决议中没有与这个问题相关的段落。下面是最接近的段落，相关度很低，仅供参考。",
        "en": (
            "Nothing relevant to this question was found in the indexed resolutions. The "
            "nearest paragraphs below score low and are shown for reference only."
        ),
    },
    "no_match_missing": {
        "zh": "已收录的决议中没有提到{terms}。下面是最接近的段落，仅供参考。",
        "en": (
            "No indexed resolution mentions {terms}. The nearest paragraphs below are shown "
            "for reference only."
        ),
    },
    "partial": {
        "zh": "已收录的决议中没有提到{terms}；下面的段落只回答问题的其余部分。",
        "en": (
            "No indexed resolution mentions {terms}; the paragraphs below answer the rest of "
            "the question only."
        ),
    },
    "label_direct": {"zh": "直接相关", "en": "direct"},
    "label_partial": {"zh": "部分相关", "en": "partial"},
    "label_nearest": {"zh": "仅供参考", "en": "nearest only"},
    "unknown_resolution": {
        "zh": "索引中没有第{number}号决议。已收录的决议：{indexed}。",
        "en": "Resolution {number} is not in the index. Indexed resolutions: {indexed}.",
    },
    "unknown_paragraph": {
        "zh": "第{number}号决议中没有{paragraph}（该决议有序言部分{preambular}段、执行部分{operative}段）。",
        "en": (
            "Resolution {number} has no {paragraph} (it has {preambular} preambular and "
            "{operative} operative paragraphs)."
        ),
    },
    "bad_top_k": {
        "zh": "结果数量应在 1 到 {limit} 之间，收到的是 {top_k}。",
        "en": "The number of results must be between 1 and {limit}, not {top_k}.",
    },
    "bad_range": {
        "zh": "{what}范围 {start}–{end} 无效：起点不能大于终点。",
        "en": "The {what} range {start}–{end} is empty: its start is after its end.",
    },
    "sessions": {"zh": "届会", "en": "session"},
    "years": {"zh": "年份", "en": "year"},
    "bad_part": {
        "zh": "段落范围应为 preambular（序言部分）或 operative（执行部分），收到的是“{part}”。",
        "en": "The part must be preambular or operative (or empty for both), not “{part}”.",
    },
    "bad_number": {
        "zh": "{what}必须是整数，收到的是“{value}”。",
        "en": "The {what} must be a whole number, not “{value}”.",
    },
    "bad_range_syntax": {
        "zh": "{what}应为一个整数或“2018-2022”这样的范围，收到的是“{value}”。",
        "en": "The {what} must be a whole number or a range like 2018-2022, not “{value}”.",
    },
    "bad_question": {
        "zh": "问题必须是一段文字。",
        "en": "The question must be text.",
    },
    "bad_resolutions": {
        "zh": "决议应写成“57/12”这样的编号列表，收到的是“{value}”。",
        "en": "Resolutions must be a list of numbers like 57/12, not “{value}”.",
    },
    "top_k": {"zh": "结果数量", "en": "number of results"},
    "internal": {
        "zh": "回答这个问题时出了内部错误，已记录在服务器日志中。请稍后再试或换一种问法。",
        "en": (
            "Something went wrong inside the app while answering; it is in the server log. "
            "Please try again, or ask differently."
        ),
    },
}


def message(key: str, language: str, **values: object) -> str:
    """The sentence `key` in `language` (the default language if it has none), filled in."""
    texts = _MESSAGES[key]
    return texts[language if language in LANGUAGES else DEFAULT_LANGUAGE].format(**values)


def describe_label(label: str, language: Language) -> str:
    """`OP8(a)` as words: `执行部分第8段(a)项`, `operative paragraph 8 (a)`."""
    preambular = label.startswith("PP")
    number, _, rest = label[2:].partition("(")
    subdivisions = f"({rest}" if rest else ""
    if language == "zh":
        part = "序言部分" if preambular else "执行部分"
        items = "".join(
            f"{item}项" for item in subdivisions.replace(")", ")\0").split("\0") if item
        )
        return f"{part}第{number}段{items}"
    part = "preambular" if preambular else "operative"
    spaced = subdivisions.replace(")(", ") (")
    return f"{part} paragraph {number}{' ' + spaced if spaced else ''}"
