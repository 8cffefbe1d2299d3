"""The sentences an answer may carry, in the language of the question, and a paragraph's
label in words, as those sentences name it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from languages import DEFAULT_LANGUAGE, Language

MESSAGES: dict[Language, dict[str, str]] = {
    # Every language has every key (tests/test_languages.py).
    "zh": {
        "empty": "请输入一个问题。",
        "too_long": "问题太长（{length} 个字符），请缩短到 {limit} 个字符以内。",
        "no_words": "问题里没有可以检索的文字，请用中文或英文提问。",
        "no_match": "已收录的决议中没有与这个问题相关的段落。下面是最接近的段落，相关度很低，仅供参考。",
        "unknown_resolution": "索引中没有第{number}号决议。已收录的决议：{indexed}。",
        "unknown_paragraph": "第{number}号决议中没有{paragraph}（该决议有序言部分{preambular}段、执行部分{operative}段）。",
        "bad_top_k": "结果数量应在 1 到 {limit} 之间，收到的是 {top_k}。",
        "bad_range": "{what}范围 {start}–{end} 无效：起点不能大于终点。",
        "sessions": "届会",
        "years": "年份",
        "bad_part": "段落范围应为 preambular（序言部分）或 operative（执行部分），收到的是“{part}”。",
        "bad_number": "{what}必须是整数，收到的是“{value}”。",
        "bad_range_syntax": "{what}应为一个整数或“2018-2022”这样的范围，收到的是“{value}”。",
        "bad_question": "问题必须是一段文字。",
        "bad_resolutions": "决议应写成“57/12”这样的编号列表，收到的是“{value}”。",
        "top_k": "结果数量",
        "internal": "回答这个问题时出了内部错误，已记录在服务器日志中。请稍后再试或换一种问法。",
    },
    "en": {
        "empty": "Please type a question.",
        "too_long": "The question is too long ({length} characters); please keep it under {limit}.",
        "no_words": "The question has no words to search for; please ask in Chinese or English.",
        "no_match": (
            "Nothing relevant to this question was found in the indexed resolutions. The "
            "nearest paragraphs below score low and are shown for reference only."
        ),
        "unknown_resolution": "Resolution {number} is not in the index. Indexed resolutions: {indexed}.",
        "unknown_paragraph": (
            "Resolution {number} has no {paragraph} (it has {preambular} preambular and "
            "{operative} operative paragraphs)."
        ),
        "bad_top_k": "The number of results must be between 1 and {limit}, not {top_k}.",
        "bad_range": "The {what} range {start}–{end} is empty: its start is after its end.",
        "sessions": "session",
        "years": "year",
        "bad_part": "The part must be preambular or operative (or empty for both), not “{part}”.",
        "bad_number": "The {what} must be a whole number, not “{value}”.",
        "bad_range_syntax": (
            "The {what} must be a whole number or a range like 2018-2022, not “{value}”."
        ),
        "bad_question": "The question must be text.",
        "bad_resolutions": "Resolutions must be a list of numbers like 57/12, not “{value}”.",
        "top_k": "number of results",
        "internal": (
            "Something went wrong inside the app while answering; it is in the server log. "
            "Please try again, or ask differently."
        ),
    },
}


@dataclass(frozen=True, slots=True)
class LabelWords:
    """How one language names a paragraph in a sentence: `执行部分第8段(a)项`."""

    preambular: str
    operative: str
    paragraph: str
    """`{part}` (one of the two above), `{number}` and `{levels}`."""
    level: str
    """Each level below the paragraph, `{item}` being `a` or `ii`: unlike a citation,
    Chinese says 项 at every level."""


LABEL_WORDS: dict[Language, LabelWords] = {
    "zh": LabelWords(
        preambular="序言部分",
        operative="执行部分",
        paragraph="{part}第{number}段{levels}",
        level="({item})项",
    ),
    "en": LabelWords(
        preambular="preambular",
        operative="operative",
        paragraph="{part} paragraph {number}{levels}",
        level=" ({item})",
    ),
}


def message(key: str, language: str, **values: object) -> str:
    """The sentence `key` in `language` (the default language if it has none), filled in."""
    texts = MESSAGES[language if language in MESSAGES else DEFAULT_LANGUAGE]
    return texts[key].format(**values)


def describe_label(label: str, language: Language) -> str:
    """`OP8(a)` as words: `执行部分第8段(a)项`, `operative paragraph 8 (a)`."""
    words = LABEL_WORDS[language]
    number = label[2:].partition("(")[0]
    levels = "".join(words.level.format(item=item) for item in re.findall(r"\(([^)]*)\)", label))
    part = words.preambular if label.startswith("PP") else words.operative
    return words.paragraph.format(part=part, number=number, levels=levels)
