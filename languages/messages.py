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
        "no_match_language": "已收录的决议都不是用提问的语言写的，无法逐词核对这个问题。下面是跨语言按意思找到的最接近的段落，仅供参考。",
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
        "bad_part": "段落范围应为 preambular（序言部分）、operative（执行部分）或 annex（附件），收到的是“{part}”。",
        "bad_number": "{what}必须是整数，收到的是“{value}”。",
        "bad_range_syntax": "{what}应为一个整数或“2018-2022”这样的范围，收到的是“{value}”。",
        "bad_question": "问题必须是一段文字。",
        "bad_resolutions": "决议应写成“57/12”这样的编号列表，收到的是“{value}”。",
        "bad_bodies": "机构应为 {bodies} 中的一个或几个，收到的是“{value}”。",
        # A file that is a UN document but not a resolution (corpus/parser.py).
        "not_a_resolution": "这不是决议，看起来是{what}（{symbol}）。只能读取已通过的决议：其段落以“大会，”“人权理事会，”这样的行开头，文号如 A/RES/80/4、A/HRC/RES/57/12。",
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
        "no_match_language": (
            "No indexed resolution is in the language of the question, so its words could "
            "not be looked for in them. The paragraphs below are the nearest in meaning, "
            "across languages, shown for reference only."
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
            "this is not a resolution: it looks like {what} ({symbol}). Only adopted "
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
        "no_match_language": (
            "Aucune résolution indexée n’est rédigée dans la langue de la question : ses mots "
            "n’ont pas pu y être recherchés. Les paragraphes ci-dessous, les plus proches par "
            "le sens d’une langue à l’autre, sont donnés à titre indicatif."
        ),
        "partial": (
            "Aucune résolution indexée ne mentionne {terms} ; les paragraphes ci-dessous ne "
            "répondent qu’au reste de la question."
        ),
        "label_direct": "pertinent",
        "label_partial": "en partie pertinent",
        "label_nearest": "à titre indicatif",
        "unknown_resolution": "La résolution {number} n’est pas dans l’index. Résolutions indexées : {indexed}.",
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
            "ce n’est pas une résolution : cela ressemble à {what} ({symbol}). Seules les "
            "résolutions adoptées sont lues : leurs paragraphes s’ouvrent sur une ligne comme "
            "« L’Assemblée générale, » ou « Le Conseil des droits de l’homme, », et leurs cotes "
            "s’écrivent comme A/RES/80/4 ou A/HRC/RES/57/12."
        ),
        "document_draft": "un projet de résolution",
        "document_letter": "une lettre",
        "document_note": "une note",
        "document_report": "un rapport",
        "document_other": "un autre document de l’ONU",
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
        "no_match_language": (
            "Ninguna resolución indizada está en el idioma de la pregunta: sus palabras no se "
            "pudieron buscar en ellas. Los párrafos siguientes, los más cercanos por su sentido "
            "en otro idioma, se muestran solo como referencia."
        ),
        "partial": (
            "Ninguna resolución indizada menciona {terms}; los párrafos siguientes solo "
            "responden al resto de la pregunta."
        ),
        "label_direct": "pertinente",
        "label_partial": "en parte pertinente",
        "label_nearest": "solo como referencia",
        "unknown_resolution": "La resolución {number} no está en el índice. Resoluciones indizadas: {indexed}.",
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
            "no es una resolución: parece {what} ({symbol}). Solo se leen resoluciones "
            "aprobadas: sus párrafos empiezan tras una línea como “La Asamblea General,” o "
            "“El Consejo de Derechos Humanos,”, y sus signaturas son como A/RES/80/4 o "
            "A/HRC/RES/57/12."
        ),
        "document_draft": "un proyecto de resolución",
        "document_letter": "una carta",
        "document_note": "una nota",
        "document_report": "un informe",
        "document_other": "otro tipo de documento de las Naciones Unidas",
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
        "no_match_language": (
            "Ни одна проиндексированная резолюция не написана на языке вопроса, поэтому его "
            "слова не удалось в них найти. Ниже приведены ближайшие по смыслу пункты на другом "
            "языке, только для справки."
        ),
        "partial": (
            "Ни в одной проиндексированной резолюции не упоминается {terms}; пункты ниже "
            "отвечают только на остальную часть вопроса."
        ),
        "label_direct": "релевантно",
        "label_partial": "частично релевантно",
        "label_nearest": "только для справки",
        "unknown_resolution": "Резолюции {number} нет в индексе. Проиндексированные резолюции: {indexed}.",
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
            "это не резолюция: похоже на {what} ({symbol}). Читаются только принятые "
            "резолюции: их пункты начинаются после строки вида «Генеральная Ассамблея,» или "
            "«Совет по правам человека,», а их условные обозначения имеют вид A/RES/80/4 или "
            "A/HRC/RES/57/12."
        ),
        "document_draft": "проект резолюции",
        "document_letter": "письмо",
        "document_note": "записку",
        "document_report": "доклад",
        "document_other": "другой документ ООН",
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
        "no_match_language": (
            "لا يوجد أي قرار مفهرس بلغة السؤال، لذا تعذر البحث عن كلماته فيها. وترد أدناه أقرب "
            "الفقرات معنىً بلغة أخرى، للاسترشاد فقط."
        ),
        "partial": (
            "لا يرد ذكر {terms} في أي من القرارات المفهرسة؛ ولا تجيب الفقرات أدناه إلا عن "
            "باقي السؤال."
        ),
        "label_direct": "وثيق الصلة",
        "label_partial": "متصل جزئياً",
        "label_nearest": "للاسترشاد فقط",
        "unknown_resolution": "القرار {number} غير موجود في الفهرس. القرارات المفهرسة: {indexed}.",
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
            "هذا ليس قراراً: يبدو أنه {what} ({symbol}). لا تُقرأ إلا القرارات المعتمدة: "
            'تبدأ فقراتها بعد سطر مثل "إن الجمعية العامة،" أو "إن مجلس حقوق الإنسان،"، '
            "وتُكتب رموزها مثل A/RES/80/4 أو A/HRC/RES/57/12."
        ),
        "document_draft": "مشروع قرار",
        "document_letter": "رسالة",
        "document_note": "مذكرة",
        "document_report": "تقرير",
        "document_other": "نوع آخر من وثائق الأمم المتحدة",
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
