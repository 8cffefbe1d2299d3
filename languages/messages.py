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
        # A no-match or partial answer names what no indexed paragraph mentions (qa/assistant.py).
        "no_match_missing": "已收录的决议中没有提到{terms}。下面是最接近的段落，仅供参考。",
        "partial": "已收录的决议中没有提到{terms}；下面的段落只回答问题的其余部分。",
        # A quoted paragraph's relevance label (qa/relevance.py), shown instead of the cosine.
        "label_direct": "直接相关",
        "label_partial": "部分相关",
        "label_nearest": "仅供参考",
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
        # The JSON API's answers to requests it cannot read (web/api.py).
        "api_not_json": '请求正文应为一个 JSON 对象，例如 {{"question": "联合国公共服务日是哪一天？"}}。',
        "api_missing_field": "请求中缺少“{field}”。",
        "api_unknown_field": "请求中有未知的字段“{field}”。可用的字段：{fields}。",
        "api_wrong_type": "“{field}”应为{expected}。",
        "type_text": "一段文字",
        "type_whole_number": "整数",
        "type_year": "整数年份或 null",
        "type_resolutions": "“57/12”这样的编号列表或字符串",
        "type_sessions": "届会编号或“51-57”这样的范围，或 null",
        "api_too_large": "请求正文太大：最多 {limit} 字节。",
        "api_unknown_paragraph": "索引中没有段落“{paragraph_id}”。段落编号的格式如 A/HRC/RES/57/12:OP8(a):zh。",
        "api_not_found": "接口中没有“{path}”。请参阅 {docs}。",
        "api_method": "“{path}”不接受 {method} 请求。",
        "internal": "回答这个问题时出了内部错误，已记录在服务器日志中。请稍后再试或换一种问法。",
        # No indexed paragraph is inside the filters at all (qa/assistant.py).
        "no_match_filters": "已收录的决议中没有符合所选检索范围（决议、段落、年份、届会）的决议，请放宽检索范围后再问。",
        "bad_characters": "问题中有无法读取的字符（孤立的代理码位），请重新输入。",
        "bad_context": "对话所涉的决议（context）应为“57/12”这样的编号。",
        # The web app's limits (web/guard.py): busy, and routes this app does not have.
        "busy": "现在提问的人太多，请在 {seconds} 秒后再试。",
        "closed_route": "这个应用不接受文件上传。",
        "api_positional": "按位置调用 /ask 时须依次给出全部 {count} 个值（{fields}）；也可以按名称调用 {named}。",
        # Files refused for their format (corpus/formats/); {kind} is one of the kind_ keys.
        "pdf_truncated": "PDF 文件不完整（结尾没有 %%EOF），可能没有下载完，请重新下载。",
        "pdf_damaged": "PDF 文件已损坏，无法读取（{detail}）。",
        "pdf_encrypted": "PDF 文件已加密，需要密码才能读取。请用不加密的副本。",
        "pdf_scanned": "这是扫描的 PDF：页面是图片，没有文字层，无法读取其中的文字。请使用有文字层的 PDF（例如从联合国正式文件系统下载的版本），或先进行文字识别（OCR）。",
        "pdf_no_text": "PDF 文件中没有文字。",
        "pdf_too_many_pages": "PDF 文件有 {pages} 页，超过上限 {limit} 页，不像是一项决议。",
        "pdf_page_too_full": "PDF 文件第 {page} 页有 {chars} 个字符，远超一页正文，无法作为决议读取。",
        "pdf_content_too_large": "PDF 文件第 {page} 页的绘制指令超过 {limit} MiB，远超一页正文，无法作为决议读取。",
        "pdf_document_content_too_large": "PDF 文件的绘制指令共超过 {limit} MiB，远超一项决议，无法读取。",
        "pdf_not_pdf": "文件名是 .pdf，但文件不是 PDF（看起来是{kind}）。",
        "docx_not_word": "文件名是 .docx，但文件不是 Word 文档（看起来是{kind}）。",
        "docx_damaged": "Word 文件已损坏，无法读取。",
        "docx_too_large": "Word 文件解压后有 {size} MiB，超过上限 {limit} MiB，不像是一项决议。",
        "document_too_large": "文件大于 {limit} MiB，远大于任何决议。",
        "html_charset": "网页声明的字符编码“{charset}”无法识别或与内容不符，请另存为 UTF-8。",
        "unsupported_format": "无法读取这种格式（看起来是{kind}）。可以读取的格式：PDF、Word (.docx)、HTML、纯文本和 Markdown。",
        "kind_doc": "旧版 Word (.doc) 或 Excel (.xls) 文件，请另存为 .docx 或 PDF",
        "kind_rtf": "RTF 文件，请另存为 .docx 或 PDF",
        "kind_image": "图片",
        "kind_archive": "压缩包，请先解压",
        "kind_zip": "不含 Word 文档的 zip 压缩包",
        "kind_binary": "二进制数据",
    },
    "en": {
        "empty": "Please type a question.",
        "too_long": "The question is too long ({length} characters); please keep it under {limit}.",
        "no_words": "The question has no words to search for; please ask in Chinese or English.",
        "no_match": (
            "Nothing relevant to this question was found in the indexed resolutions. The "
            "nearest paragraphs below score low and are shown for reference only."
        ),
        "no_match_missing": (
            "No indexed resolution mentions {terms}. The nearest paragraphs below are shown "
            "for reference only."
        ),
        "partial": (
            "No indexed resolution mentions {terms}; the paragraphs below answer the rest of "
            "the question only."
        ),
        "label_direct": "direct",
        "label_partial": "partial",
        "label_nearest": "nearest only",
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
        # The JSON API's answers to requests it cannot read (web/api.py).
        "api_not_json": 'The request body must be a JSON object, e.g. {{"question": "Which day is Public Service Day?"}}.',
        "api_missing_field": "The request has no “{field}”.",
        "api_unknown_field": "The request has an unknown field “{field}”. The fields are: {fields}.",
        "api_wrong_type": "“{field}” must be {expected}.",
        "type_text": "text",
        "type_whole_number": "a whole number",
        "type_year": "a whole-number year or null",
        "type_resolutions": "a list of numbers like 57/12, or one string",
        "type_sessions": "a session or a range like 51-57, or null",
        "api_too_large": "The request body is too large: at most {limit} bytes.",
        "api_unknown_paragraph": "The index has no paragraph “{paragraph_id}”. Paragraph ids look like A/HRC/RES/57/12:OP8(a):zh.",
        "api_not_found": "The API has no “{path}”. See {docs}.",
        "api_method": "“{path}” does not take {method} requests.",
        "internal": (
            "Something went wrong inside the app while answering; it is in the server log. "
            "Please try again, or ask differently."
        ),
        "no_match_filters": (
            "No indexed resolution falls within the filters you chose (resolutions, part, "
            "years, sessions); widen them and ask again."
        ),
        "bad_characters": (
            "The question has characters that cannot be read (lone surrogates); please type "
            "it again."
        ),
        "bad_context": "The resolution the conversation is about (context) must be a number like 57/12.",
        "busy": "The app is busy answering other questions; please try again in {seconds} seconds.",
        "closed_route": "This app does not accept file uploads.",
        "api_positional": (
            "A positional call of /ask takes all {count} values in order ({fields}); or call "
            "{named} with the values by name."
        ),
        "pdf_truncated": (
            "the PDF is cut short (it does not end with %%EOF): it was probably not downloaded "
            "whole; download it again"
        ),
        "pdf_damaged": "the PDF is damaged and cannot be read ({detail})",
        "pdf_encrypted": "the PDF is encrypted and needs a password; use a copy without one",
        "pdf_scanned": (
            "this is a scanned PDF: its pages are pictures with no text layer, so there is no "
            "text to read; use a PDF with text (as the UN's Official Document System gives) or "
            "run OCR on it first"
        ),
        "pdf_no_text": "the PDF holds no text",
        "pdf_too_many_pages": (
            "the PDF has {pages} pages, more than the {limit} read: it is not one resolution"
        ),
        "pdf_page_too_full": (
            "page {page} of the PDF holds {chars} characters, far more than a page of text: it "
            "is not read as a resolution"
        ),
        "pdf_content_too_large": (
            "page {page} of the PDF unpacks to more than {limit} MiB of drawing instructions, "
            "far more than a page of text: it is not read as a resolution"
        ),
        "pdf_document_content_too_large": (
            "the PDF's pages unpack to more than {limit} MiB of drawing instructions in all, "
            "far more than any resolution: it is not read"
        ),
        "pdf_not_pdf": "the file is named .pdf but is not a PDF (it looks like {kind})",
        "docx_not_word": "the file is named .docx but is not a Word document (it looks like {kind})",
        "docx_damaged": "the Word file is damaged and cannot be read",
        "docx_too_large": (
            "the Word file unpacks to {size} MiB, more than the {limit} MiB read: it is not "
            "one resolution"
        ),
        "document_too_large": "the file is larger than {limit} MiB, far larger than any resolution",
        "html_charset": (
            "the page's declared character set “{charset}” is unknown or does not fit its "
            "bytes; save it as UTF-8"
        ),
        "unsupported_format": (
            "this format cannot be read (it looks like {kind}); hrc-qa reads PDF, Word (.docx), "
            "HTML, plain text and Markdown"
        ),
        "kind_doc": "an old Word (.doc) or Excel (.xls) file: save it as .docx or PDF",
        "kind_rtf": "an RTF file: save it as .docx or PDF",
        "kind_image": "an image",
        "kind_archive": "a compressed archive: unpack it first",
        "kind_zip": "a zip archive with no Word document in it",
        "kind_binary": "binary data",
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


@dataclass(frozen=True, slots=True)
class ListWords:
    """How one language lists terms in a sentence: `“白化病”、“死刑”`, `“albinism” or “death
    penalty”`."""

    quoted: str
    """One term: `{term}`, in the language's quotation marks."""
    between: str
    """Between two terms that are not the last two."""
    last: str
    """Between the last two terms."""


LIST_WORDS: dict[Language, ListWords] = {
    "zh": ListWords(quoted="“{term}”", between="、", last="、"),
    "en": ListWords(quoted="“{term}”", between=", ", last=" or "),
}


def listed(terms: tuple[str, ...], language: Language) -> str:
    """`terms` as a list inside a sentence of `language`."""
    words = LIST_WORDS[language]
    quoted = [words.quoted.format(term=term) for term in terms]
    if len(quoted) < 2:
        return "".join(quoted)
    return words.between.join(quoted[:-1]) + words.last + quoted[-1]


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
