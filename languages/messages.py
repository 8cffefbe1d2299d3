"""The sentences an answer may carry, in the language of the question, and a paragraph's
label in words, as those sentences name it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from languages import DEFAULT_LANGUAGE, Language
from languages.documents import DOCUMENT_FORMS

MESSAGES: dict[Language, dict[str, str]] = {
    # Every language has every key (tests/test_languages.py).
    "zh": {
        "empty": "请输入一个问题。",
        "too_long": "问题太长（{length} 个字符），请缩短到 {limit} 个字符以内。",
        "no_words": "问题里没有可以检索的文字，请用联合国的一种正式语言提问。",
        "no_match": "已收录的决议中没有与这个问题相关的段落。下面是最接近的段落，相关度很低，仅供参考。",
        # A no-match or partial answer names what no indexed paragraph mentions (qa/assistant.py).
        "no_match_missing": "已收录的决议中没有提到{terms}。下面是最接近的段落，仅供参考。",
        "no_match_cited": "已收录的决议提到{terms}，但没有载录其内容。下面是最接近的段落，仅供参考。",
        "no_match_quantity": "问题问的是一个数字（多少、比例），而最接近的一段没有给出这样的数字。下面的段落仅供参考。",
        "no_match_time": "问题问的是一个时间（日期、年份、期限），而最接近的一段没有给出这样的时间。下面的段落仅供参考。",
        "no_match_place": "问题问的是一个地方或具体国家（在哪里、哪些国家），而最接近的一段没有点出这样的地名或国名。下面的段落仅供参考。",
        "no_match_person": "问题问的是具体的人（发言嘉宾、主持人、获奖者、现任者）或其如何任命、选举，而最接近的一段既没有点出人名，也没有说到任命或选举。下面的段落仅供参考。",
        "no_match_outcome": "问题问的是一次会议或一份报告的结果（通过的成果文件、得出的结论），而最接近的一段没有说明结果。下面的段落仅供参考。",
        "no_match_present": "问题问的是眼下的情况（今年、去年），而决议各自在通过之日写成，没有说明现在的情况。下面的段落仅供参考。",
        "no_match_number": "问题用编号{terms}指明所问的条款、届会或具体目标，而找到的段落都没有这个编号，说的是别的。下面的段落仅供参考。",
        "no_match_language": "已收录的决议都不是用提问的语言写的，无法逐词核对这个问题。下面是跨语言按意思找到的最接近的段落，仅供参考。",
        "by_meaning": "已收录的决议都不是用提问的语言写的，无法逐词核对这个问题；下面的段落是跨语言按意思找到的。",
        "partial": "已收录的决议中没有提到{terms}；下面的段落只回答问题的其余部分。",
        # A quoted paragraph's relevance label (qa/relevance.py), shown instead of the cosine.
        "label_direct": "直接相关",
        "label_partial": "部分相关",
        "label_nearest": "仅供参考",
        "unknown_resolution": "索引中没有第{number}号决议。已收录的决议：{indexed}。",
        "unknown_body_resolution": "索引中没有{resolution}。已收录的决议：{indexed}。",
        "unknown_paragraph": "第{number}号决议中没有{paragraph}（该决议有序言部分{preambular}段、执行部分{operative}段）。",
        "bad_top_k": "结果数量应在 1 到 {limit} 之间，收到的是 {top_k}。",
        "bad_range": "{what}范围 {start}–{end} 无效：起点不能大于终点。",
        "sessions": "届会",
        "years": "年份",
        "bad_part": "段落范围应为 preambular（序言部分）、operative（执行部分）或 annex（附件），收到的是“{part}”。",
        "bad_number": "{what}必须是整数，收到的是“{value}”。",
        "bad_range_syntax": "{what}应为一个整数或“2018-2022”这样的范围，收到的是“{value}”。",
        "bad_question": "问题必须是一段文字。",
        "bad_resolutions": "决议应写成“57/12”这样的编号列表，收到的是“{value}”。",
        "bad_bodies": "机构应为 {bodies} 中的一个或几个，收到的是“{value}”。",
        # A file that is a UN document but not a resolution (corpus/parser.py).
        "not_a_resolution": "这不是决议，看起来是{kind}（{symbol}）。只能读取已通过的决议：其段落以“大会，”“人权理事会，”这样的行开头，文号如 A/RES/80/4、A/HRC/RES/57/12。",
        "document_draft": "决议草案",
        "document_letter": "一封信函",
        "document_note": "一份说明",
        "document_report": "一份报告",
        "document_other": "另一种联合国文件",
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
        "type_bodies": "“ga”这样的机构列表或字符串",
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
        "pdf_scanned": "这是扫描的 PDF：页面是图片，没有文字层，无法读取其中的文字。请使用有文字层的 PDF（例如从联合国正式文件系统下载的版本），或先进行文字识别（OCR），或让 hrc-qa 用 OCR 读取：安装 Debian 的 tesseract-ocr 及其语言数据和 hrc-qa[ocr]，并设置 HRC_QA_OCR=1（apt-get install tesseract-ocr tesseract-ocr-eng, pip install 'hrc-qa[ocr]', HRC_QA_OCR=1）。",
        "ocr_missing": "已设置 HRC_QA_OCR，但 OCR 所需的 {missing} 没有安装，无法读取这个扫描的 PDF（apt-get install tesseract-ocr tesseract-ocr-eng, pip install 'hrc-qa[ocr]', HRC_QA_OCR=1）。",
        "pdf_no_text": "PDF 文件中没有文字。",
        "pdf_right_to_left": "这个 PDF 里的阿拉伯文（从右向左书写）按页面上的顺序还原后仍是倒着的，无法按正确的顺序读取。请使用同一决议的 Word 或 HTML 文件。",
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
        "check_empty": "草案中没有要核对的段落。请粘贴草案的文字或上传草案文件（.docx、.txt、.md、.pdf、.html）。",
        "check_too_many": "草案有 {count} 段，超过一次最多可核对的 {limit} 段。请分几次核对。",
        "check_paragraph_too_long": "草案第 {index} 段有 {length} 个字符，超过一段的上限 {limit} 个字符。请检查段落之间是否缺少空行。",
        "check_too_large": "草案太长：最多 {limit} 个字符。",
        "check_file_too_large": "文件太大：最多 {limit} MiB。",
        "check_refused": "无法读取这个文件：{reason}",
        "check_not_text": "无法读取这个文件：它不是 UTF-8 文本，也不是 Word、PDF 或 HTML 文件。请另存为 UTF-8 文本或 .docx 后再试。",
        "check_unreadable": "无法读取这个文件（{detail}），文件可能已损坏。",
        "check_no_draft": "请给出草案：粘贴文字（text）或上传文件（file），二者选一。",
        "check_bad_file": '上传的文件应为 {{"name": "草案.docx", "content": "base64 编码的内容"}}。',
        "check_bad_format": "导出格式应为 json、md 或 docx，收到的是“{value}”。",
        "type_file": '{{"name": …, "content": …}}（base64）这样的对象',
        "type_format": "json、md 或 docx",
        "type_language": "zh、en、fr、es、ru 或 ar",
        "check_language_not_indexed": "已收录的决议中没有{name}文本：无法逐词核对这份草案，每一段都只能判为新措辞。",
    },
    "en": {
        "empty": "Please type a question.",
        "too_long": "The question is too long ({length} characters); please keep it under {limit}.",
        "no_words": (
            "The question has no words to search for; please ask in one of the UN's official "
            "languages."
        ),
        "no_match": (
            "Nothing relevant to this question was found in the indexed resolutions. The "
            "nearest paragraphs below score low and are shown for reference only."
        ),
        "no_match_missing": (
            "No indexed resolution mentions {terms}. The nearest paragraphs below are shown "
            "for reference only."
        ),
        "no_match_cited": (
            "The indexed resolutions cite {terms} but do not give its content. The nearest "
            "paragraphs below are shown for reference only."
        ),
        "no_match_quantity": (
            "The question asks for a figure (how many, what share), and the nearest paragraph "
            "gives none. The paragraphs below are shown for reference only."
        ),
        "no_match_time": (
            "The question asks for a time (a date, a year, a period), and the nearest "
            "paragraph gives none. The paragraphs below are shown for reference only."
        ),
        "no_match_place": (
            "The question asks for a place or for particular countries (where, which States), "
            "and the nearest paragraph names none. The paragraphs below are shown for "
            "reference only."
        ),
        "no_match_person": (
            "The question asks for particular people (speakers, a moderator, winners, an "
            "office holder) or how they are appointed or elected, and the nearest paragraph "
            "names no one and tells no appointment or election. The paragraphs below are "
            "shown for reference only."
        ),
        "no_match_outcome": (
            "The question asks what a meeting or a report came to (an outcome document "
            "adopted, conclusions drawn), and the nearest paragraph gives no outcome. The "
            "paragraphs below are shown for reference only."
        ),
        "no_match_present": (
            "The question asks how things stand now (this year, last year), and the "
            "resolutions, each written when it was adopted, do not say. The paragraphs below "
            "are shown for reference only."
        ),
        "no_match_number": (
            "The question names what it asks about (an article, a session, a target) by the "
            "number {terms}, which none of the paragraphs found shows: they speak of others. "
            "The paragraphs below are shown for reference only."
        ),
        "no_match_language": (
            "No indexed resolution is in the language of the question, so its words could "
            "not be looked for in them. The paragraphs below are the nearest in meaning, "
            "across languages, shown for reference only."
        ),
        "by_meaning": (
            "No indexed resolution is in the language of the question, so its words could "
            "not be looked for in them: the paragraphs below were found by meaning, across "
            "languages."
        ),
        "partial": (
            "No indexed resolution mentions {terms}; the paragraphs below answer the rest of "
            "the question only."
        ),
        "label_direct": "direct",
        "label_partial": "partial",
        "label_nearest": "nearest only",
        "unknown_resolution": "Resolution {number} is not in the index. Indexed resolutions: {indexed}.",
        "unknown_body_resolution": "{resolution} is not in the index. Indexed resolutions: {indexed}.",
        "unknown_paragraph": (
            "Resolution {number} has no {paragraph} (it has {preambular} preambular and "
            "{operative} operative paragraphs)."
        ),
        "bad_top_k": "The number of results must be between 1 and {limit}, not {top_k}.",
        "bad_range": "The {what} range {start}–{end} is empty: its start is after its end.",
        "sessions": "session",
        "years": "year",
        "bad_part": "The part must be preambular, operative or annex (or empty for all), not “{part}”.",
        "bad_number": "The {what} must be a whole number, not “{value}”.",
        "bad_range_syntax": (
            "The {what} must be a whole number or a range like 2018-2022, not “{value}”."
        ),
        "bad_question": "The question must be text.",
        "bad_resolutions": "Resolutions must be a list of numbers like 57/12, not “{value}”.",
        "bad_bodies": "The bodies must be one or more of {bodies}, not “{value}”.",
        # A file that is a UN document but not a resolution (corpus/parser.py).
        "not_a_resolution": (
            "this is not a resolution: it looks like {kind} ({symbol}). Only adopted "
            "resolutions are read: their paragraphs open with a line such as "
            "“The General Assembly,” or “The Human Rights Council,”, and their symbols read "
            "like A/RES/80/4 or A/HRC/RES/57/12."
        ),
        "document_draft": "a draft resolution",
        "document_letter": "a letter",
        "document_note": "a note",
        "document_report": "a report",
        "document_other": "another kind of UN document",
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
        "type_bodies": "a list of bodies like ga, or one string",
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
            "text to read; use a PDF with text (as the UN's Official Document System gives), "
            "run OCR on it first, or let hrc-qa read it by OCR: install Debian's tesseract-ocr "
            "with its language data and hrc-qa[ocr], and set HRC_QA_OCR=1 (apt-get install tesseract-ocr tesseract-ocr-eng, pip install 'hrc-qa[ocr]', HRC_QA_OCR=1)"
        ),
        "ocr_missing": (
            "OCR is asked for (HRC_QA_OCR) but {missing} is not installed, so this scanned PDF "
            "cannot be read (apt-get install tesseract-ocr tesseract-ocr-eng, pip install 'hrc-qa[ocr]', HRC_QA_OCR=1)"
        ),
        "pdf_no_text": "the PDF holds no text",
        "pdf_right_to_left": (
            "the PDF's Arabic (written right to left) still reads backwards when put back in "
            "order from the page, so it cannot be read in its right order; use the Word or HTML "
            "file of the same resolution"
        ),
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
        "check_empty": "The draft has no paragraphs to check. Paste the draft's text or upload the draft (.docx, .txt, .md, .pdf, .html).",
        "check_too_many": "The draft has {count} paragraphs, more than the {limit} that can be checked at once. Check it in parts.",
        "check_paragraph_too_long": "Paragraph {index} of the draft has {length} characters, more than the {limit} a paragraph may have. Are blank lines missing between paragraphs?",
        "check_too_large": "The draft is too long: at most {limit} characters.",
        "check_file_too_large": "The file is too large: at most {limit} MiB.",
        "check_refused": "This file cannot be read: {reason}",
        "check_not_text": "This file cannot be read: it is not UTF-8 text, nor a Word, PDF or HTML file. Save it as UTF-8 text or .docx and try again.",
        "check_unreadable": "This file cannot be read ({detail}); it may be damaged.",
        "check_no_draft": "Give the draft: its text (text) or a file (file), one of the two.",
        "check_bad_file": 'An uploaded file is {{"name": "draft.docx", "content": "its bytes in base64"}}.',
        "check_bad_format": "The export format is json, md or docx, not “{value}”.",
        "type_file": 'an object {{"name": …, "content": …}} (base64)',
        "type_format": "json, md or docx",
        "type_language": "zh, en, fr, es, ru or ar",
        "check_language_not_indexed": "No indexed resolution is in {name}: the draft cannot be compared word by word, and every paragraph can only be new.",
    },
    "fr": {
        "empty": "Veuillez saisir une question.",
        "too_long": "La question est trop longue ({length} caractères) ; veuillez la ramener à moins de {limit}.",
        "no_words": "La question ne contient aucun mot à rechercher ; veuillez la poser dans l’une des langues officielles de l’ONU.",
        "no_match": (
            "Aucun paragraphe des résolutions indexées ne répond à cette question. Les "
            "paragraphes les plus proches, peu pertinents, sont donnés ci-dessous à titre indicatif."
        ),
        "no_match_missing": (
            "Aucune résolution indexée ne mentionne {terms}. Les paragraphes les plus proches "
            "sont donnés ci-dessous à titre indicatif."
        ),
        "no_match_cited": (
            "Les résolutions indexées citent {terms} sans en donner le contenu. Les "
            "paragraphes les plus proches ci-dessous sont donnés à titre indicatif."
        ),
        "no_match_quantity": (
            "La question demande un chiffre (combien, quelle part), et le paragraphe le plus "
            "proche n’en donne pas. Les paragraphes ci-dessous sont donnés à titre indicatif."
        ),
        "no_match_time": (
            "La question demande une date (un jour, une année, une durée), et le paragraphe "
            "le plus proche n’en donne pas. Les paragraphes ci-dessous sont donnés à titre "
            "indicatif."
        ),
        "no_match_place": (
            "La question demande un lieu ou des pays précis (où, quels États), et le "
            "paragraphe le plus proche n’en nomme aucun. Les paragraphes ci-dessous sont donnés "
            "à titre indicatif."
        ),
        "no_match_person": (
            "La question demande des personnes précises (intervenants, lauréats, titulaire "
            "d’un poste) ou comment elles sont nommées ou élues, et le paragraphe le plus "
            "proche ne nomme personne ni ne parle de nomination ou d’élection. Les paragraphes "
            "ci-dessous sont donnés à titre indicatif."
        ),
        "no_match_outcome": (
            "La question demande à quoi une réunion ou un rapport a abouti (un document final "
            "adopté, des conclusions), et le paragraphe le plus proche n’en donne aucun "
            "résultat. Les paragraphes ci-dessous sont donnés à titre indicatif."
        ),
        "no_match_present": (
            "La question porte sur la situation actuelle (cette année, l’an dernier), et les "
            "résolutions, écrites chacune à la date de leur adoption, n’en disent rien. Les "
            "paragraphes ci-dessous sont donnés à titre indicatif."
        ),
        "no_match_number": (
            "La question désigne ce qu’elle demande (un article, une session, une cible) par le "
            "numéro {terms}, qu’aucun des paragraphes trouvés ne porte : ils parlent d’autre "
            "chose. Les paragraphes ci-dessous sont donnés à titre indicatif."
        ),
        "no_match_language": (
            "Aucune résolution indexée n’est rédigée dans la langue de la question : ses mots "
            "n’ont pas pu y être recherchés. Les paragraphes ci-dessous, les plus proches par "
            "le sens d’une langue à l’autre, sont donnés à titre indicatif."
        ),
        "by_meaning": (
            "Aucune résolution indexée n’est rédigée dans la langue de la question : ses mots "
            "n’ont pas pu y être recherchés. Les paragraphes ci-dessous ont été trouvés par le "
            "sens, d’une langue à l’autre."
        ),
        "partial": (
            "Aucune résolution indexée ne mentionne {terms} ; les paragraphes ci-dessous ne "
            "répondent qu’au reste de la question."
        ),
        "label_direct": "pertinent",
        "label_partial": "en partie pertinent",
        "label_nearest": "à titre indicatif",
        "unknown_resolution": "La résolution {number} n’est pas dans l’index. Résolutions indexées : {indexed}.",
        "unknown_body_resolution": "La {resolution} n’est pas dans l’index. Résolutions indexées : {indexed}.",
        "unknown_paragraph": (
            "La résolution {number} n’a pas de {paragraph} (elle compte {preambular} alinéas "
            "du préambule et {operative} paragraphes du dispositif)."
        ),
        "bad_top_k": "Le nombre de résultats doit être compris entre 1 et {limit}, et non {top_k}.",
        "bad_range": "La plage de {what} {start}–{end} est vide : son début est après sa fin.",
        "sessions": "sessions",
        "years": "années",
        "bad_part": "La partie doit être preambular (préambule), operative (dispositif) ou annex (annexe), ou vide pour toutes, et non « {part} ».",
        "bad_number": "La valeur de {what} doit être un nombre entier, et non « {value} ».",
        "bad_range_syntax": (
            "La valeur de {what} doit être un nombre entier ou une plage comme 2018-2022, et "
            "non « {value} »."
        ),
        "bad_question": "La question doit être un texte.",
        "bad_resolutions": "Les résolutions doivent être une liste de numéros comme 57/12, et non « {value} ».",
        "bad_bodies": "Les organes doivent être un ou plusieurs de {bodies}, et non « {value} ».",
        "not_a_resolution": (
            "ce n’est pas une résolution : cela ressemble à {kind} ({symbol}). Seules les "
            "résolutions adoptées sont lues : leurs paragraphes s’ouvrent sur une ligne comme "
            "« L’Assemblée générale, » ou « Le Conseil des droits de l’homme, », et leurs cotes "
            "s’écrivent comme A/RES/80/4 ou A/HRC/RES/57/12."
        ),
        "document_draft": "un projet de résolution",
        "document_letter": "une lettre",
        "document_note": "une note",
        "document_report": "un rapport",
        "document_other": "un autre document de l’ONU",
        "pdf_truncated": "le PDF est incomplet (il ne se termine pas par %%EOF) : il n’a sans doute pas été téléchargé en entier ; téléchargez-le à nouveau",
        "pdf_damaged": "le PDF est endommagé et ne peut pas être lu ({detail})",
        "pdf_encrypted": "le PDF est chiffré et demande un mot de passe ; utilisez une copie non chiffrée",
        "pdf_scanned": "c’est un PDF numérisé : ses pages sont des images sans couche de texte, il n’y a donc rien à lire ; utilisez un PDF avec du texte (comme celui du Système de diffusion électronique des documents de l’ONU) ou faites-en d’abord la reconnaissance de caractères (OCR), ou laissez hrc-qa le lire par OCR : installez tesseract-ocr (Debian) avec les données de sa langue et hrc-qa[ocr], et définissez HRC_QA_OCR=1 (apt-get install tesseract-ocr tesseract-ocr-eng, pip install 'hrc-qa[ocr]', HRC_QA_OCR=1)",
        "ocr_missing": "l’OCR est demandée (HRC_QA_OCR) mais {missing} n’est pas installé : ce PDF numérisé ne peut pas être lu (apt-get install tesseract-ocr tesseract-ocr-eng, pip install 'hrc-qa[ocr]', HRC_QA_OCR=1)",
        "pdf_no_text": "le PDF ne contient aucun texte",
        "pdf_right_to_left": (
            "l’arabe du PDF (écrit de droite à gauche) se lit encore à l’envers une fois remis "
            "dans l’ordre de la page : il ne peut pas être lu dans le bon ordre ; utilisez le "
            "fichier Word ou HTML de la même résolution"
        ),
        "pdf_too_many_pages": "le PDF compte {pages} pages, plus que les {limit} lues : ce n’est pas une résolution",
        "pdf_page_too_full": "la page {page} du PDF contient {chars} caractères, bien plus qu’une page de texte : elle n’est pas lue comme une résolution",
        "pdf_content_too_large": "la page {page} du PDF contient plus de {limit} Mio d’instructions de dessin, bien plus qu’une page de texte : elle n’est pas lue comme une résolution",
        "pdf_document_content_too_large": "les pages du PDF contiennent en tout plus de {limit} Mio d’instructions de dessin, bien plus qu’une résolution : il n’est pas lu",
        "pdf_not_pdf": "le fichier porte l’extension .pdf mais n’est pas un PDF (il ressemble à {kind})",
        "docx_not_word": "le fichier porte l’extension .docx mais n’est pas un document Word (il ressemble à {kind})",
        "docx_damaged": "le fichier Word est endommagé et ne peut pas être lu",
        "docx_too_large": "le fichier Word décompressé fait {size} Mio, plus que les {limit} Mio lus : ce n’est pas une résolution",
        "document_too_large": "le fichier dépasse {limit} Mio, bien plus que toute résolution",
        "html_charset": "le jeu de caractères « {charset} » déclaré par la page est inconnu ou ne correspond pas à son contenu ; enregistrez-la en UTF-8",
        "unsupported_format": "ce format ne peut pas être lu (il ressemble à {kind}) ; hrc-qa lit les formats PDF, Word (.docx), HTML, texte brut et Markdown",
        "kind_doc": "un ancien fichier Word (.doc) ou Excel (.xls) : enregistrez-le en .docx ou en PDF",
        "kind_rtf": "un fichier RTF : enregistrez-le en .docx ou en PDF",
        "kind_image": "une image",
        "kind_archive": "une archive compressée : décompressez-la d’abord",
        "kind_zip": "une archive zip sans document Word",
        "kind_binary": "des données binaires",
        "top_k": "nombre de résultats",
        "api_not_json": 'Le corps de la requête doit être un objet JSON, p. ex. {{"question": "Quand est la Journée de la fonction publique ?"}}.',
        "api_missing_field": "Il manque « {field} » dans la requête.",
        "api_unknown_field": "La requête contient un champ inconnu « {field} ». Les champs sont : {fields}.",
        "api_wrong_type": "« {field} » doit être {expected}.",
        "type_text": "un texte",
        "type_whole_number": "un nombre entier",
        "type_year": "une année (nombre entier) ou null",
        "type_resolutions": "une liste de numéros comme 57/12, ou une chaîne",
        "type_sessions": "une session ou une plage comme 51-57, ou null",
        "type_bodies": "une liste d’organes comme ga, ou une chaîne",
        "api_too_large": "Le corps de la requête est trop volumineux : {limit} octets au plus.",
        "api_unknown_paragraph": "L’index n’a pas de paragraphe « {paragraph_id} ». Les identifiants de paragraphe s’écrivent comme A/HRC/RES/57/12:OP8(a):zh.",
        "api_not_found": "L’API n’a pas de « {path} ». Voir {docs}.",
        "api_method": "« {path} » n’accepte pas les requêtes {method}.",
        "internal": (
            "Une erreur interne s’est produite pendant la réponse ; elle figure dans le journal "
            "du serveur. Veuillez réessayer ou reformuler la question."
        ),
        "no_match_filters": (
            "Aucune résolution indexée ne correspond aux filtres choisis (résolutions, partie, "
            "années, sessions) ; élargissez-les et posez à nouveau la question."
        ),
        "bad_characters": (
            "La question contient des caractères illisibles (substituts isolés) ; veuillez la "
            "saisir à nouveau."
        ),
        "bad_context": "La résolution dont traite la conversation (context) doit être un numéro comme 57/12.",
        "busy": "L’application répond à d’autres questions ; veuillez réessayer dans {seconds} secondes.",
        "closed_route": "Cette application n’accepte pas de fichiers.",
        "api_positional": (
            "Un appel positionnel de /ask prend les {count} valeurs dans l’ordre ({fields}) ; "
            "ou appelez {named} avec les valeurs nommées."
        ),
        "check_empty": "Le projet ne contient aucun paragraphe à vérifier. Collez le texte du projet ou téléversez le fichier (.docx, .txt, .md, .pdf, .html).",
        "check_too_many": "Le projet compte {count} paragraphes, plus que les {limit} qui peuvent être vérifiés en une fois. Vérifiez-le en plusieurs parties.",
        "check_paragraph_too_long": "Le paragraphe {index} du projet compte {length} caractères, plus que les {limit} autorisés. Manque-t-il des lignes vides entre les paragraphes ?",
        "check_too_large": "Le projet est trop long : {limit} caractères au plus.",
        "check_file_too_large": "Le fichier est trop volumineux : {limit} Mio au plus.",
        "check_refused": "Ce fichier ne peut pas être lu : {reason}",
        "check_not_text": "Ce fichier ne peut pas être lu : ce n’est ni du texte UTF-8, ni un fichier Word, PDF ou HTML. Enregistrez-le en texte UTF-8 ou en .docx et réessayez.",
        "check_unreadable": "Ce fichier ne peut pas être lu ({detail}) ; il est peut-être endommagé.",
        "check_no_draft": "Donnez le projet : son texte (text) ou un fichier (file), l’un des deux.",
        "check_bad_file": 'Un fichier téléversé s’écrit {{"name": "projet.docx", "content": "son contenu en base64"}}.',
        "check_bad_format": "Le format d’export est json, md ou docx, et non « {value} ».",
        "type_file": 'un objet {{"name": …, "content": …}} (base64)',
        "type_format": "json, md ou docx",
        "type_language": "zh, en, fr, es, ru ou ar",
        "check_language_not_indexed": "Aucune résolution indexée n’est en {name} : le projet ne peut pas être comparé mot à mot, et chaque paragraphe ne peut être que nouveau.",
    },
    "es": {
        "empty": "Escriba una pregunta.",
        "too_long": "La pregunta es demasiado larga ({length} caracteres); redúzcala a menos de {limit}.",
        "no_words": "La pregunta no contiene palabras que buscar; hágala en uno de los idiomas oficiales de las Naciones Unidas.",
        "no_match": (
            "Ningún párrafo de las resoluciones indizadas responde a esta pregunta. Los "
            "párrafos más cercanos, poco pertinentes, se muestran solo como referencia."
        ),
        "no_match_missing": (
            "Ninguna resolución indizada menciona {terms}. Los párrafos más cercanos se "
            "muestran solo como referencia."
        ),
        "no_match_cited": (
            "Las resoluciones indizadas citan {terms}, pero no recogen su contenido. Los "
            "párrafos más cercanos se muestran a continuación solo como referencia."
        ),
        "no_match_quantity": (
            "La pregunta pide una cifra (cuántos, qué proporción) y el párrafo más cercano no "
            "la da. Los párrafos siguientes se muestran solo como referencia."
        ),
        "no_match_time": (
            "La pregunta pide una fecha (un día, un año, un plazo) y el párrafo más cercano no "
            "la da. Los párrafos siguientes se muestran solo como referencia."
        ),
        "no_match_place": (
            "La pregunta pide un lugar o países concretos (dónde, qué Estados) y el párrafo "
            "más cercano no los nombra. Los párrafos siguientes se muestran solo como referencia."
        ),
        "no_match_person": (
            "La pregunta pide personas concretas (ponentes, ganadores, quien ocupa un cargo) o "
            "cómo se las nombra o elige, y el párrafo más cercano no nombra a nadie ni habla de "
            "nombramientos o elecciones. Los párrafos siguientes se muestran solo como "
            "referencia."
        ),
        "no_match_outcome": (
            "La pregunta pide el resultado de una reunión o de un informe (un documento final "
            "aprobado, unas conclusiones) y el párrafo más cercano no da ningún resultado. Los "
            "párrafos siguientes se muestran solo como referencia."
        ),
        "no_match_present": (
            "La pregunta se refiere a la situación actual (este año, el año pasado) y las "
            "resoluciones, redactadas cada una en la fecha de su aprobación, no la describen. "
            "Los párrafos siguientes se muestran solo como referencia."
        ),
        "no_match_number": (
            "La pregunta designa lo que pide (un artículo, un período de sesiones, una meta) "
            "con el número {terms}, que no aparece en ninguno de los párrafos encontrados: "
            "tratan de otra cosa. Los párrafos siguientes se muestran solo como referencia."
        ),
        "no_match_language": (
            "Ninguna resolución indizada está en el idioma de la pregunta: sus palabras no se "
            "pudieron buscar en ellas. Los párrafos siguientes, los más cercanos por su sentido "
            "en otro idioma, se muestran solo como referencia."
        ),
        "by_meaning": (
            "Ninguna resolución indizada está en el idioma de la pregunta: sus palabras no se "
            "pudieron buscar en ellas. Los párrafos siguientes se encontraron por su sentido, "
            "en otro idioma."
        ),
        "partial": (
            "Ninguna resolución indizada menciona {terms}; los párrafos siguientes solo "
            "responden al resto de la pregunta."
        ),
        "label_direct": "pertinente",
        "label_partial": "en parte pertinente",
        "label_nearest": "solo como referencia",
        "unknown_resolution": "La resolución {number} no está en el índice. Resoluciones indizadas: {indexed}.",
        "unknown_body_resolution": "La {resolution} no está en el índice. Resoluciones indizadas: {indexed}.",
        "unknown_paragraph": (
            "La resolución {number} no tiene {paragraph} (tiene {preambular} párrafos del "
            "preámbulo y {operative} de la parte dispositiva)."
        ),
        "bad_top_k": "El número de resultados debe estar entre 1 y {limit}, no {top_k}.",
        "bad_range": "El intervalo de {what} {start}–{end} está vacío: su inicio es posterior a su fin.",
        "sessions": "períodos de sesiones",
        "years": "años",
        "bad_part": "La parte debe ser preambular (preámbulo), operative (parte dispositiva) o annex (anexo), o vacía para todas, no “{part}”.",
        "bad_number": "El valor de {what} debe ser un número entero, no “{value}”.",
        "bad_range_syntax": (
            "El valor de {what} debe ser un número entero o un intervalo como 2018-2022, no "
            "“{value}”."
        ),
        "bad_question": "La pregunta debe ser un texto.",
        "bad_resolutions": "Las resoluciones deben ser una lista de números como 57/12, no “{value}”.",
        "bad_bodies": "Los órganos deben ser uno o varios de {bodies}, no “{value}”.",
        "not_a_resolution": (
            "no es una resolución: parece {kind} ({symbol}). Solo se leen resoluciones "
            "aprobadas: sus párrafos empiezan tras una línea como “La Asamblea General,” o "
            "“El Consejo de Derechos Humanos,”, y sus signaturas son como A/RES/80/4 o "
            "A/HRC/RES/57/12."
        ),
        "document_draft": "un proyecto de resolución",
        "document_letter": "una carta",
        "document_note": "una nota",
        "document_report": "un informe",
        "document_other": "otro tipo de documento de las Naciones Unidas",
        "pdf_truncated": "el PDF está incompleto (no termina en %%EOF): probablemente no se descargó entero; vuelva a descargarlo",
        "pdf_damaged": "el PDF está dañado y no se puede leer ({detail})",
        "pdf_encrypted": "el PDF está cifrado y requiere una contraseña; use una copia sin cifrar",
        "pdf_scanned": "es un PDF escaneado: sus páginas son imágenes sin capa de texto, así que no hay texto que leer; use un PDF con texto (como el que ofrece el Sistema de Archivo de Documentos de las Naciones Unidas) o aplíquele primero el reconocimiento óptico de caracteres (OCR), o deje que hrc-qa lo lea por OCR: instale tesseract-ocr (Debian) con los datos de su idioma y hrc-qa[ocr], y defina HRC_QA_OCR=1 (apt-get install tesseract-ocr tesseract-ocr-eng, pip install 'hrc-qa[ocr]', HRC_QA_OCR=1)",
        "ocr_missing": "se pidió OCR (HRC_QA_OCR) pero {missing} no está instalado: este PDF escaneado no puede leerse (apt-get install tesseract-ocr tesseract-ocr-eng, pip install 'hrc-qa[ocr]', HRC_QA_OCR=1)",
        "pdf_no_text": "el PDF no contiene texto",
        "pdf_right_to_left": (
            "el árabe del PDF (escrito de derecha a izquierda) sigue leyéndose al revés una vez "
            "restablecido el orden de la página, por lo que no puede leerse en su orden "
            "correcto; utilice el archivo Word o HTML de la misma resolución"
        ),
        "pdf_too_many_pages": "el PDF tiene {pages} páginas, más de las {limit} que se leen: no es una resolución",
        "pdf_page_too_full": "la página {page} del PDF contiene {chars} caracteres, mucho más que una página de texto: no se lee como resolución",
        "pdf_content_too_large": "la página {page} del PDF contiene más de {limit} MiB de instrucciones de dibujo, mucho más que una página de texto: no se lee como resolución",
        "pdf_document_content_too_large": "las páginas del PDF contienen en total más de {limit} MiB de instrucciones de dibujo, mucho más que cualquier resolución: no se lee",
        "pdf_not_pdf": "el archivo tiene la extensión .pdf pero no es un PDF (parece {kind})",
        "docx_not_word": "el archivo tiene la extensión .docx pero no es un documento de Word (parece {kind})",
        "docx_damaged": "el archivo de Word está dañado y no se puede leer",
        "docx_too_large": "el archivo de Word descomprimido ocupa {size} MiB, más de los {limit} MiB que se leen: no es una resolución",
        "document_too_large": "el archivo supera los {limit} MiB, mucho más que cualquier resolución",
        "html_charset": "el juego de caracteres “{charset}” que declara la página es desconocido o no corresponde a su contenido; guárdela en UTF-8",
        "unsupported_format": "este formato no se puede leer (parece {kind}); hrc-qa lee PDF, Word (.docx), HTML, texto sin formato y Markdown",
        "kind_doc": "un archivo antiguo de Word (.doc) o Excel (.xls): guárdelo como .docx o PDF",
        "kind_rtf": "un archivo RTF: guárdelo como .docx o PDF",
        "kind_image": "una imagen",
        "kind_archive": "un archivo comprimido: descomprímalo primero",
        "kind_zip": "un archivo zip sin ningún documento de Word",
        "kind_binary": "datos binarios",
        "top_k": "número de resultados",
        "api_not_json": 'El cuerpo de la solicitud debe ser un objeto JSON, p. ej. {{"question": "¿Cuándo es el Día de la Administración Pública?"}}.',
        "api_missing_field": "Falta “{field}” en la solicitud.",
        "api_unknown_field": "La solicitud tiene un campo desconocido “{field}”. Los campos son: {fields}.",
        "api_wrong_type": "“{field}” debe ser {expected}.",
        "type_text": "un texto",
        "type_whole_number": "un número entero",
        "type_year": "un año (número entero) o null",
        "type_resolutions": "una lista de números como 57/12, o una cadena",
        "type_sessions": "un período de sesiones o un intervalo como 51-57, o null",
        "type_bodies": "una lista de órganos como ga, o una cadena",
        "api_too_large": "El cuerpo de la solicitud es demasiado grande: {limit} bytes como máximo.",
        "api_unknown_paragraph": "El índice no tiene el párrafo “{paragraph_id}”. Los identificadores de párrafo se escriben como A/HRC/RES/57/12:OP8(a):zh.",
        "api_not_found": "La API no tiene “{path}”. Véase {docs}.",
        "api_method": "“{path}” no acepta solicitudes {method}.",
        "internal": (
            "Se produjo un error interno al responder; figura en el registro del servidor. "
            "Vuelva a intentarlo o formule la pregunta de otro modo."
        ),
        "no_match_filters": (
            "Ninguna resolución indizada cumple los filtros elegidos (resoluciones, parte, años, "
            "períodos de sesiones); amplíelos y vuelva a preguntar."
        ),
        "bad_characters": (
            "La pregunta contiene caracteres ilegibles (sustitutos aislados); escríbala de nuevo."
        ),
        "bad_context": "La resolución de la que trata la conversación (context) debe ser un número como 57/12.",
        "busy": "La aplicación está respondiendo a otras preguntas; vuelva a intentarlo dentro de {seconds} segundos.",
        "closed_route": "Esta aplicación no acepta archivos.",
        "api_positional": (
            "Una llamada posicional a /ask recibe los {count} valores en orden ({fields}); o "
            "llame a {named} con los valores por nombre."
        ),
        "check_empty": "El proyecto no tiene párrafos que verificar. Pegue el texto del proyecto o cargue el archivo (.docx, .txt, .md, .pdf, .html).",
        "check_too_many": "El proyecto tiene {count} párrafos, más de los {limit} que pueden verificarse de una vez. Verifíquelo por partes.",
        "check_paragraph_too_long": "El párrafo {index} del proyecto tiene {length} caracteres, más de los {limit} permitidos. ¿Faltan líneas en blanco entre los párrafos?",
        "check_too_large": "El proyecto es demasiado largo: {limit} caracteres como máximo.",
        "check_file_too_large": "El archivo es demasiado grande: {limit} MiB como máximo.",
        "check_refused": "No se puede leer este archivo: {reason}",
        "check_not_text": "No se puede leer este archivo: no es texto UTF-8 ni un archivo Word, PDF o HTML. Guárdelo como texto UTF-8 o .docx y vuelva a intentarlo.",
        "check_unreadable": "No se puede leer este archivo ({detail}); puede estar dañado.",
        "check_no_draft": "Indique el proyecto: su texto (text) o un archivo (file), uno de los dos.",
        "check_bad_file": 'Un archivo cargado se escribe {{"name": "proyecto.docx", "content": "su contenido en base64"}}.',
        "check_bad_format": "El formato de exportación es json, md o docx, no “{value}”.",
        "type_file": 'un objeto {{"name": …, "content": …}} (base64)',
        "type_format": "json, md o docx",
        "type_language": "zh, en, fr, es, ru o ar",
        "check_language_not_indexed": "Ninguna resolución indizada está en {name}: el proyecto no puede compararse palabra por palabra y cada párrafo solo puede ser nuevo.",
    },
    "ru": {
        "empty": "Введите вопрос.",
        "too_long": "Вопрос слишком длинный ({length} символов); сократите его до {limit}.",
        "no_words": "В вопросе нет слов для поиска; задайте его на одном из официальных языков ООН.",
        "no_match": (
            "В проиндексированных резолюциях нет пунктов, относящихся к этому вопросу. Ниже "
            "приведены ближайшие пункты, малорелевантные, только для справки."
        ),
        "no_match_missing": (
            "Ни в одной проиндексированной резолюции не упоминается {terms}. Ниже приведены "
            "ближайшие пункты, только для справки."
        ),
        "no_match_cited": (
            "Проиндексированные резолюции ссылаются на {terms}, но не приводят их содержания. "
            "Ниже приведены ближайшие пункты, только для справки."
        ),
        "no_match_quantity": (
            "Вопрос касается числа (сколько, какая доля), но ближайший пункт его не приводит. "
            "Пункты ниже приведены только для справки."
        ),
        "no_match_time": (
            "Вопрос касается срока (даты, года, периода), но ближайший пункт его не приводит. "
            "Пункты ниже приведены только для справки."
        ),
        "no_match_place": (
            "Вопрос касается места или конкретных стран (где, какие государства), но ближайший "
            "пункт их не называет. Пункты ниже приведены только для справки."
        ),
        "no_match_person": (
            "Вопрос касается конкретных людей (докладчиков, победителей, занимающего "
            "должность) или того, как их назначают или избирают, но ближайший пункт никого не "
            "называет и не говорит о назначении или выборах. Пункты ниже приведены только для "
            "справки."
        ),
        "no_match_outcome": (
            "Вопрос касается итогов совещания или доклада (принятого итогового документа, "
            "выводов), но ближайший пункт не сообщает никаких итогов. Пункты ниже приведены "
            "только для справки."
        ),
        "no_match_present": (
            "Вопрос касается нынешнего положения дел (этого года, прошлого года), а "
            "резолюции, написанные каждая в день принятия, о нём не говорят. Пункты ниже "
            "приведены только для справки."
        ),
        "no_match_number": (
            "Вопрос называет то, о чём спрашивает (статью, сессию, задачу), номером {terms}, "
            "которого нет ни в одном из найденных пунктов: они говорят о другом. Пункты ниже "
            "приведены только для справки."
        ),
        "no_match_language": (
            "Ни одна проиндексированная резолюция не написана на языке вопроса, поэтому его "
            "слова не удалось в них найти. Ниже приведены ближайшие по смыслу пункты на другом "
            "языке, только для справки."
        ),
        "by_meaning": (
            "Ни одна проиндексированная резолюция не написана на языке вопроса, поэтому его "
            "слова не удалось в них найти. Пункты ниже найдены по смыслу, на другом языке."
        ),
        "partial": (
            "Ни в одной проиндексированной резолюции не упоминается {terms}; пункты ниже "
            "отвечают только на остальную часть вопроса."
        ),
        "label_direct": "релевантно",
        "label_partial": "частично релевантно",
        "label_nearest": "только для справки",
        "unknown_resolution": "Резолюции {number} нет в индексе. Проиндексированные резолюции: {indexed}.",
        "unknown_body_resolution": "Не проиндексирована {resolution}. Проиндексированные резолюции: {indexed}.",
        "unknown_paragraph": (
            "В резолюции {number} нет: {paragraph} (в ней {preambular} пунктов преамбулы и "
            "{operative} пунктов постановляющей части)."
        ),
        "bad_top_k": "Число результатов должно быть от 1 до {limit}, а не {top_k}.",
        "bad_range": "Диапазон ({what}) {start}–{end} пуст: его начало позже конца.",
        "sessions": "сессии",
        "years": "годы",
        "bad_part": "Часть должна быть preambular (преамбула), operative (постановляющая часть) или annex (приложение), либо пустой для всех, а не «{part}».",
        "bad_number": "Значение ({what}) должно быть целым числом, а не «{value}».",
        "bad_range_syntax": (
            "Значение ({what}) должно быть целым числом или диапазоном вида 2018-2022, а не "
            "«{value}»."
        ),
        "bad_question": "Вопрос должен быть текстом.",
        "bad_resolutions": "Резолюции задаются списком номеров вида 57/12, а не «{value}».",
        "bad_bodies": "Органы задаются одним или несколькими из {bodies}, а не «{value}».",
        "not_a_resolution": (
            "это не резолюция: похоже на {kind} ({symbol}). Читаются только принятые "
            "резолюции: их пункты начинаются после строки вида «Генеральная Ассамблея,» или "
            "«Совет по правам человека,», а их условные обозначения имеют вид A/RES/80/4 или "
            "A/HRC/RES/57/12."
        ),
        "document_draft": "проект резолюции",
        "document_letter": "письмо",
        "document_note": "записку",
        "document_report": "доклад",
        "document_other": "другой документ ООН",
        "pdf_truncated": "PDF-файл неполон (он не заканчивается на %%EOF): вероятно, он загружен не целиком; загрузите его снова",
        "pdf_damaged": "PDF-файл поврежден и не может быть прочитан ({detail})",
        "pdf_encrypted": "PDF-файл зашифрован и требует пароля; используйте незашифрованную копию",
        "pdf_scanned": "это отсканированный PDF: его страницы — изображения без текстового слоя, читать нечего; используйте PDF с текстом (например, из Системы официальной документации ООН) или сначала распознайте текст (OCR), или дайте hrc-qa прочитать его через OCR: установите tesseract-ocr (Debian) с данными языка и hrc-qa[ocr] и задайте HRC_QA_OCR=1 (apt-get install tesseract-ocr tesseract-ocr-eng, pip install 'hrc-qa[ocr]', HRC_QA_OCR=1)",
        "ocr_missing": "OCR включено (HRC_QA_OCR), но {missing} не установлен: этот отсканированный PDF нельзя прочитать (apt-get install tesseract-ocr tesseract-ocr-eng, pip install 'hrc-qa[ocr]', HRC_QA_OCR=1)",
        "pdf_no_text": "в PDF-файле нет текста",
        "pdf_right_to_left": (
            "арабский текст PDF-файла (письмо справа налево) и после восстановления порядка "
            "со страницы читается задом наперёд, его нельзя прочитать в правильном порядке; "
            "используйте файл Word или HTML той же резолюции"
        ),
        "pdf_too_many_pages": "в PDF-файле {pages} страниц, больше читаемых {limit}: это не резолюция",
        "pdf_page_too_full": "на странице {page} PDF-файла {chars} символов, намного больше, чем на странице текста: она не читается как резолюция",
        "pdf_content_too_large": "страница {page} PDF-файла содержит более {limit} МиБ команд рисования, намного больше страницы текста: она не читается как резолюция",
        "pdf_document_content_too_large": "страницы PDF-файла содержат в сумме более {limit} МиБ команд рисования, намного больше любой резолюции: файл не читается",
        "pdf_not_pdf": "у файла расширение .pdf, но это не PDF (похоже на {kind})",
        "docx_not_word": "у файла расширение .docx, но это не документ Word (похоже на {kind})",
        "docx_damaged": "файл Word поврежден и не может быть прочитан",
        "docx_too_large": "файл Word в распакованном виде занимает {size} МиБ, больше читаемых {limit} МиБ: это не резолюция",
        "document_too_large": "файл больше {limit} МиБ, намного больше любой резолюции",
        "html_charset": "объявленная страницей кодировка «{charset}» неизвестна или не соответствует содержимому; сохраните страницу в UTF-8",
        "unsupported_format": "этот формат не читается (похоже на {kind}); hrc-qa читает PDF, Word (.docx), HTML, обычный текст и Markdown",
        "kind_doc": "старый файл Word (.doc) или Excel (.xls): сохраните его как .docx или PDF",
        "kind_rtf": "файл RTF: сохраните его как .docx или PDF",
        "kind_image": "изображение",
        "kind_archive": "сжатый архив: сначала распакуйте его",
        "kind_zip": "zip-архив без документа Word",
        "kind_binary": "двоичные данные",
        "top_k": "число результатов",
        "api_not_json": 'Тело запроса должно быть объектом JSON, например {{"question": "Когда отмечается День государственной службы?"}}.',
        "api_missing_field": "В запросе нет поля «{field}».",
        "api_unknown_field": "В запросе неизвестное поле «{field}». Допустимые поля: {fields}.",
        "api_wrong_type": "Поле «{field}» должно быть: {expected}.",
        "type_text": "текст",
        "type_whole_number": "целое число",
        "type_year": "год (целое число) или null",
        "type_resolutions": "список номеров вида 57/12 или строка",
        "type_sessions": "номер сессии или диапазон вида 51-57, или null",
        "type_bodies": "список органов вида ga или строка",
        "api_too_large": "Тело запроса слишком велико: не более {limit} байт.",
        "api_unknown_paragraph": "В индексе нет пункта «{paragraph_id}». Идентификаторы пунктов имеют вид A/HRC/RES/57/12:OP8(a):zh.",
        "api_not_found": "В API нет «{path}». См. {docs}.",
        "api_method": "«{path}» не принимает запросы {method}.",
        "internal": (
            "При ответе произошла внутренняя ошибка; она записана в журнал сервера. Повторите "
            "попытку или задайте вопрос иначе."
        ),
        "no_match_filters": (
            "Ни одна проиндексированная резолюция не подходит под выбранные фильтры "
            "(резолюции, часть, годы, сессии); расширьте их и задайте вопрос снова."
        ),
        "bad_characters": (
            "В вопросе есть нечитаемые символы (одиночные суррогаты); введите его заново."
        ),
        "bad_context": "Резолюция, о которой идет разговор (context), должна быть номером вида 57/12.",
        "busy": "Приложение занято ответами на другие вопросы; повторите попытку через {seconds} с.",
        "closed_route": "Это приложение не принимает файлы.",
        "api_positional": (
            "Позиционный вызов /ask принимает все {count} значений по порядку ({fields}); "
            "или вызовите {named} с именованными значениями."
        ),
        "check_empty": "В проекте нет пунктов для проверки. Вставьте текст проекта или загрузите файл (.docx, .txt, .md, .pdf, .html).",
        "check_too_many": "В проекте {count} пунктов, больше, чем {limit}, которые можно проверить за один раз. Проверьте его по частям.",
        "check_paragraph_too_long": "В пункте {index} проекта {length} знаков, больше допустимых {limit}. Нет ли пропущенных пустых строк между пунктами?",
        "check_too_large": "Проект слишком длинный: не более {limit} знаков.",
        "check_file_too_large": "Файл слишком большой: не более {limit} МиБ.",
        "check_refused": "Этот файл не удается прочитать: {reason}",
        "check_not_text": "Этот файл не удается прочитать: это не текст UTF-8 и не файл Word, PDF или HTML. Сохраните его как текст UTF-8 или .docx и попробуйте снова.",
        "check_unreadable": "Этот файл не удается прочитать ({detail}); возможно, он поврежден.",
        "check_no_draft": "Укажите проект: его текст (text) или файл (file), одно из двух.",
        "check_bad_file": 'Загружаемый файл записывается так: {{"name": "проект.docx", "content": "его содержимое в base64"}}.',
        "check_bad_format": "Формат экспорта — json, md или docx, а не «{value}».",
        "type_file": 'объект {{"name": …, "content": …}} (base64)',
        "type_format": "json, md или docx",
        "type_language": "zh, en, fr, es, ru или ar",
        "check_language_not_indexed": "Ни одна проиндексированная резолюция не написана на языке «{name}»: проект нельзя сверить пословно, и каждый пункт может быть только новым.",
    },
    "ar": {
        "empty": "يرجى كتابة سؤال.",
        "too_long": "السؤال طويل جداً ({length} حرفاً)؛ يرجى اختصاره إلى أقل من {limit}.",
        "no_words": "لا يتضمن السؤال كلمات يمكن البحث عنها؛ يرجى طرحه بإحدى اللغات الرسمية للأمم المتحدة.",
        "no_match": (
            "لا توجد في القرارات المفهرسة فقرات تتصل بهذا السؤال. وترد أدناه أقرب الفقرات، "
            "وهي ضعيفة الصلة، للاسترشاد فقط."
        ),
        "no_match_missing": (
            "لا يرد ذكر {terms} في أي من القرارات المفهرسة. وترد أدناه أقرب الفقرات للاسترشاد فقط."
        ),
        "no_match_cited": (
            "تشير القرارات المفهرسة إلى {terms} لكنها لا تتضمن محتواها. وترد أدناه أقرب "
            "الفقرات، للاسترشاد فقط."
        ),
        "no_match_quantity": (
            "يسأل السؤال عن رقم (كم، ما النسبة)، ولا تذكر أقرب فقرة رقمًا كهذا. "
            "وترد الفقرات أدناه للاسترشاد فقط."
        ),
        "no_match_time": (
            "يسأل السؤال عن وقت (تاريخ أو سنة أو مدة)، ولا تذكر أقرب فقرة وقتًا كهذا. "
            "وترد الفقرات أدناه للاسترشاد فقط."
        ),
        "no_match_place": (
            "يسأل السؤال عن مكان أو عن دول بعينها (أين، أي الدول)، ولا تسمّي أقرب فقرة "
            "مكانًا أو دولة كهذه. وترد الفقرات أدناه للاسترشاد فقط."
        ),
        "no_match_person": (
            "يسأل السؤال عن أشخاص بعينهم (متحدثين أو فائزين أو شاغل منصب) أو عن كيفية "
            "تعيينهم أو انتخابهم، ولا تسمّي أقرب فقرة أحدًا ولا تذكر تعيينًا أو انتخابًا. وترد "
            "الفقرات أدناه للاسترشاد فقط."
        ),
        "no_match_outcome": (
            "يسأل السؤال عمّا انتهى إليه اجتماع أو تقرير (وثيقة ختامية اعتُمدت أو استنتاجات)، "
            "ولا تذكر أقرب فقرة أي نتيجة. وترد الفقرات أدناه للاسترشاد فقط."
        ),
        "no_match_present": (
            "يسأل السؤال عن الوضع الحالي (هذا العام أو العام الماضي)، والقرارات، وقد كُتب كل "
            "منها يوم اعتماده، لا تذكره. وترد الفقرات أدناه للاسترشاد فقط."
        ),
        "no_match_number": (
            "يحدد السؤال ما يسأل عنه (مادة أو دورة أو غاية) بالرقم {terms}، ولا يرد هذا الرقم "
            "في أي من الفقرات التي عُثر عليها: فهي تتناول غيره. وترد الفقرات أدناه للاسترشاد فقط."
        ),
        "no_match_language": (
            "لا يوجد أي قرار مفهرس بلغة السؤال، لذا تعذر البحث عن كلماته فيها. وترد أدناه أقرب "
            "الفقرات معنىً بلغة أخرى، للاسترشاد فقط."
        ),
        "by_meaning": (
            "لا يوجد أي قرار مفهرس بلغة السؤال، لذا تعذر البحث عن كلماته فيها. وقد وُجدت "
            "الفقرات أدناه بحسب المعنى، بلغة أخرى."
        ),
        "partial": (
            "لا يرد ذكر {terms} في أي من القرارات المفهرسة؛ ولا تجيب الفقرات أدناه إلا عن "
            "باقي السؤال."
        ),
        "label_direct": "وثيق الصلة",
        "label_partial": "متصل جزئياً",
        "label_nearest": "للاسترشاد فقط",
        "unknown_resolution": "القرار {number} غير موجود في الفهرس. القرارات المفهرسة: {indexed}.",
        "unknown_body_resolution": "{resolution} غير موجود في الفهرس. القرارات المفهرسة: {indexed}.",
        "unknown_paragraph": (
            "لا توجد في القرار {number} {paragraph} (فيه {preambular} فقرة في الديباجة و"
            "{operative} فقرة في المنطوق)."
        ),
        "bad_top_k": "يجب أن يكون عدد النتائج بين 1 و{limit}، لا {top_k}.",
        "bad_range": "نطاق {what} {start}–{end} فارغ: بدايته بعد نهايته.",
        "sessions": "الدورات",
        "years": "السنوات",
        "bad_part": 'يجب أن يكون الجزء preambular (الديباجة) أو operative (المنطوق) أو annex (المرفق)، أو فارغاً للجميع، لا "{part}".',
        "bad_number": 'يجب أن تكون قيمة {what} عدداً صحيحاً، لا "{value}".',
        "bad_range_syntax": (
            'يجب أن تكون قيمة {what} عدداً صحيحاً أو نطاقاً مثل 2018-2022، لا "{value}".'
        ),
        "bad_question": "يجب أن يكون السؤال نصاً.",
        "bad_resolutions": 'يجب أن تكون القرارات قائمة أرقام مثل 57/12، لا "{value}".',
        "bad_bodies": 'يجب أن تكون الهيئات واحدة أو أكثر من {bodies}، لا "{value}".',
        "not_a_resolution": (
            "هذا ليس قراراً: يبدو أنه {kind} ({symbol}). لا تُقرأ إلا القرارات المعتمدة: "
            'تبدأ فقراتها بعد سطر مثل "إن الجمعية العامة،" أو "إن مجلس حقوق الإنسان،"، '
            "وتُكتب رموزها مثل A/RES/80/4 أو A/HRC/RES/57/12."
        ),
        "document_draft": "مشروع قرار",
        "document_letter": "رسالة",
        "document_note": "مذكرة",
        "document_report": "تقرير",
        "document_other": "نوع آخر من وثائق الأمم المتحدة",
        "pdf_truncated": "ملف PDF ناقص (لا ينتهي بـ %%EOF): يُرجح أنه لم يُنزَّل كاملاً؛ يرجى تنزيله مرة أخرى",
        "pdf_damaged": "ملف PDF تالف ولا يمكن قراءته ({detail})",
        "pdf_encrypted": "ملف PDF مشفر ويتطلب كلمة مرور؛ يرجى استخدام نسخة غير مشفرة",
        "pdf_scanned": "هذا ملف PDF ممسوح ضوئياً: صفحاته صور بلا طبقة نصية، فلا يوجد نص يُقرأ؛ يرجى استخدام ملف PDF يتضمن نصاً (مثل الذي يوفره نظام الوثائق الرسمية للأمم المتحدة) أو إجراء التعرف الضوئي على الحروف (OCR) عليه أولاً، أو ترك hrc-qa يقرؤه بالتعرف الضوئي: ثبّت tesseract-ocr (من Debian) مع بيانات لغته و hrc-qa[ocr]، واضبط HRC_QA_OCR=1 (apt-get install tesseract-ocr tesseract-ocr-eng, pip install 'hrc-qa[ocr]', HRC_QA_OCR=1)",
        "ocr_missing": "طُلب التعرف الضوئي (HRC_QA_OCR) لكن {missing} غير مثبت، فلا يمكن قراءة ملف PDF الممسوح هذا (apt-get install tesseract-ocr tesseract-ocr-eng, pip install 'hrc-qa[ocr]', HRC_QA_OCR=1)",
        "pdf_no_text": "لا يحتوي ملف PDF على أي نص",
        "pdf_right_to_left": (
            "النص العربي في ملف PDF هذا (يُكتب من اليمين إلى اليسار) يبقى معكوساً بعد إعادة "
            "ترتيبه كما يظهر في الصفحة، فلا يمكن قراءته بترتيبه الصحيح؛ يُرجى استخدام ملف Word "
            "أو HTML للقرار نفسه"
        ),
        "pdf_too_many_pages": "في ملف PDF {pages} صفحة، أكثر من الـ {limit} التي تُقرأ: ليس قراراً واحداً",
        "pdf_page_too_full": "في الصفحة {page} من ملف PDF {chars} حرفاً، أكثر بكثير من صفحة نص: لا تُقرأ على أنها قرار",
        "pdf_content_too_large": "تتضمن الصفحة {page} من ملف PDF أكثر من {limit} ميبيبايت من تعليمات الرسم، أكثر بكثير من صفحة نص: لا تُقرأ على أنها قرار",
        "pdf_document_content_too_large": "تتضمن صفحات ملف PDF في مجموعها أكثر من {limit} ميبيبايت من تعليمات الرسم، أكثر بكثير من أي قرار: لا يُقرأ",
        "pdf_not_pdf": "امتداد الملف ‎.pdf لكنه ليس ملف PDF (يبدو أنه {kind})",
        "docx_not_word": "امتداد الملف ‎.docx لكنه ليس مستند Word (يبدو أنه {kind})",
        "docx_damaged": "ملف Word تالف ولا يمكن قراءته",
        "docx_too_large": "يبلغ حجم ملف Word بعد فك ضغطه {size} ميبيبايت، أكثر من الـ {limit} ميبيبايت التي تُقرأ: ليس قراراً واحداً",
        "document_too_large": "حجم الملف أكبر من {limit} ميبيبايت، أكبر بكثير من أي قرار",
        "html_charset": 'ترميز الأحرف "{charset}" الذي تعلنه الصفحة غير معروف أو لا يطابق محتواها؛ يرجى حفظها بترميز UTF-8',
        "unsupported_format": "لا يمكن قراءة هذا التنسيق (يبدو أنه {kind})؛ يقرأ hrc-qa ملفات PDF وWord (.docx) وHTML والنص العادي وMarkdown",
        "kind_doc": "ملف Word (.doc) أو Excel (.xls) قديم: يرجى حفظه بتنسيق .docx أو PDF",
        "kind_rtf": "ملف RTF: يرجى حفظه بتنسيق .docx أو PDF",
        "kind_image": "صورة",
        "kind_archive": "ملف مضغوط: يرجى فك ضغطه أولاً",
        "kind_zip": "ملف zip لا يتضمن مستند Word",
        "kind_binary": "بيانات ثنائية",
        "top_k": "عدد النتائج",
        "api_not_json": 'يجب أن يكون متن الطلب كائن JSON، مثل {{"question": "ما هو يوم الأمم المتحدة للخدمة العامة؟"}}.',
        "api_missing_field": 'ينقص الطلب الحقل "{field}".',
        "api_unknown_field": 'في الطلب حقل غير معروف "{field}". الحقول المتاحة: {fields}.',
        "api_wrong_type": 'يجب أن يكون "{field}" {expected}.',
        "type_text": "نصاً",
        "type_whole_number": "عدداً صحيحاً",
        "type_year": "سنة (عدداً صحيحاً) أو null",
        "type_resolutions": "قائمة أرقام مثل 57/12، أو سلسلة نصية",
        "type_sessions": "دورة أو نطاقاً مثل 51-57، أو null",
        "type_bodies": "قائمة هيئات مثل ga، أو سلسلة نصية",
        "api_too_large": "متن الطلب كبير جداً: {limit} بايت على الأكثر.",
        "api_unknown_paragraph": 'لا توجد في الفهرس الفقرة "{paragraph_id}". تكتب معرفات الفقرات مثل A/HRC/RES/57/12:OP8(a):zh.',
        "api_not_found": 'لا يوجد في الواجهة البرمجية "{path}". انظر {docs}.',
        "api_method": 'لا يقبل "{path}" طلبات {method}.',
        "internal": (
            "حدث خطأ داخلي أثناء الإجابة، وقد سُجل في سجل الخادم. يرجى المحاولة مرة أخرى أو "
            "صياغة السؤال بطريقة أخرى."
        ),
        "no_match_filters": (
            "لا يقع أي قرار مفهرس ضمن عوامل التصفية المختارة (القرارات، الجزء، السنوات، "
            "الدورات)؛ يرجى توسيعها وطرح السؤال مجدداً."
        ),
        "bad_characters": "في السؤال أحرف لا يمكن قراءتها (بدائل منفردة)؛ يرجى كتابته من جديد.",
        "bad_context": "يجب أن يكون القرار موضوع المحادثة (context) رقماً مثل 57/12.",
        "busy": "التطبيق مشغول بالإجابة عن أسئلة أخرى؛ يرجى المحاولة بعد {seconds} ثانية.",
        "closed_route": "لا يقبل هذا التطبيق الملفات.",
        "api_positional": (
            "يأخذ الاستدعاء الموضعي لـ /ask جميع القيم الـ {count} بالترتيب ({fields})؛ أو "
            "استدعِ {named} بالقيم مسماة."
        ),
        "check_empty": "لا يحتوي المشروع على فقرات للتحقق منها. الصق نص المشروع أو حمّل ملفه (.docx أو .txt أو .md أو .pdf أو .html).",
        "check_too_many": "يحتوي المشروع على {count} فقرة، وهو أكثر من {limit} فقرة يمكن التحقق منها دفعة واحدة. تحقق منه على أجزاء.",
        "check_paragraph_too_long": "تحتوي الفقرة {index} من المشروع على {length} حرفاً، وهو أكثر من الحد المسموح به للفقرة ({limit}). هل تنقص أسطر فارغة بين الفقرات؟",
        "check_too_large": "المشروع طويل جداً: {limit} حرف على الأكثر.",
        "check_file_too_large": "الملف كبير جداً: {limit} ميبيبايت على الأكثر.",
        "check_refused": "تتعذر قراءة هذا الملف: {reason}",
        "check_not_text": "تتعذر قراءة هذا الملف: ليس نصاً بترميز UTF-8 ولا ملف Word أو PDF أو HTML. احفظه نصاً بترميز UTF-8 أو بصيغة .docx وحاول مرة أخرى.",
        "check_unreadable": "تتعذر قراءة هذا الملف ({detail})؛ ربما يكون تالفاً.",
        "check_no_draft": "قدّم المشروع: نصه (text) أو ملفاً (file)، أحدهما فقط.",
        "check_bad_file": 'يُكتب الملف المحمَّل هكذا: {{"name": "draft.docx", "content": "محتواه بترميز base64"}}.',
        "check_bad_format": 'صيغة التصدير هي json أو md أو docx، وليست "{value}".',
        "type_file": 'كائناً {{"name": …, "content": …}} (base64)',
        "type_format": "json أو md أو docx",
        "type_language": "zh أو en أو fr أو es أو ru أو ar",
        "check_language_not_indexed": "لا يوجد قرار مفهرس باللغة {name}: لا يمكن مقارنة المشروع كلمة بكلمة، ولا يمكن أن تكون أي فقرة إلا جديدة.",
    },
}


@dataclass(frozen=True, slots=True)
class LabelWords:
    """How one language names a paragraph in a sentence: `执行部分第8段(a)项`."""

    preambular: str
    operative: str
    annex: str
    paragraph: str
    """`{part}` (one of the two above), `{number}` and `{levels}`."""
    level: str
    """Each level below the paragraph, `{item}` being `a` or `ii`: unlike a citation,
    Chinese says 项 at every level."""


LABEL_WORDS: dict[Language, LabelWords] = {
    "zh": LabelWords(
        preambular="序言部分",
        operative="执行部分",
        annex="附件",
        paragraph="{part}第{number}段{levels}",
        level="({item})项",
    ),
    "en": LabelWords(
        preambular="preambular",
        operative="operative",
        annex="annex",
        paragraph="{part} paragraph {number}{levels}",
        level=" ({item})",
    ),
    "fr": LabelWords(
        preambular="du préambule",
        operative="du dispositif",
        annex="de l’annexe",
        paragraph="paragraphe {number}{levels} {part}",
        level=" {item})",
    ),
    "es": LabelWords(
        preambular="del preámbulo",
        operative="de la parte dispositiva",
        annex="del anexo",
        paragraph="párrafo {number}{levels} {part}",
        level=" {item})",
    ),
    "ru": LabelWords(
        preambular="преамбулы",
        operative="постановляющей части",
        annex="приложения",
        paragraph="пункт {number}{levels} {part}",
        level=" {item})",
    ),
    "ar": LabelWords(
        preambular="من الديباجة",
        operative="من المنطوق",
        annex="من المرفق",
        paragraph="الفقرة {number}{levels} {part}",
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
    "fr": ListWords(quoted="« {term} »", between=", ", last=" ou "),
    "es": ListWords(quoted="“{term}”", between=", ", last=" o "),
    "ru": ListWords(quoted="«{term}»", between=", ", last=" или "),
    "ar": ListWords(quoted='"{term}"', between="، ", last=" أو "),
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
    written = DOCUMENT_FORMS[language].written_item
    number = label[2:].partition("(")[0]
    items = re.findall(r"\(([^)]*)\)", label)
    levels = "".join(
        words.level.format(item=written(item, depth)) for depth, item in enumerate(items)
    )
    part = {"PP": words.preambular, "OP": words.operative, "AN": words.annex}[label[:2]]
    return words.paragraph.format(part=part, number=number, levels=levels)
