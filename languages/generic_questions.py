"""Questions with no subject, in each language: what a question asks when it asks about
nothing in particular. The paragraphs nearest to them are near every question, whatever it is
about (`qa.generic`)."""

from __future__ import annotations

from languages import Language

GENERIC_QUESTIONS: dict[Language, tuple[str, ...]] = {
    "zh": (
        "这个问题怎么说？",
        "决议里有没有提到这一点？",
        "它的主要内容是什么？",
        "理事会对此决定了什么？",
        "谁负责这件事？",
        "这件事什么时候进行？",
        "应该怎么做？",
        "为什么要这样做？",
        "有哪些要求？",
        "这方面有什么规定？",
        "哪一段讲了这个？",
        "能详细说明一下吗？",
    ),
    "en": (
        "What does it say about this?",
        "Is this mentioned anywhere?",
        "What is the main content?",
        "What did they decide on this?",
        "Who is responsible for it?",
        "When does this happen?",
        "How should it be done?",
        "Why was this done?",
        "What is required?",
        "What are the rules on this?",
        "Which paragraph covers it?",
        "Can you tell me more about that?",
    ),
    "fr": (
        "Qu'est-ce qui est dit à ce sujet ?",
        "Est-ce mentionné quelque part ?",
        "Quel est le contenu principal ?",
        "Qu'a-t-on décidé à ce propos ?",
        "Qui en est responsable ?",
        "Quand cela a-t-il lieu ?",
        "Comment faut-il faire ?",
        "Pourquoi cela a-t-il été fait ?",
    ),
    "es": (
        "¿Qué se dice sobre esto?",
        "¿Se menciona en algún lugar?",
        "¿Cuál es el contenido principal?",
        "¿Qué se decidió al respecto?",
        "¿Quién es responsable de ello?",
        "¿Cuándo ocurre esto?",
        "¿Cómo debe hacerse?",
        "¿Por qué se hizo?",
    ),
    "ru": (
        "Что об этом говорится?",
        "Упоминается ли это где-нибудь?",
        "Каково основное содержание?",
        "Что было решено по этому поводу?",
        "Кто за это отвечает?",
        "Когда это происходит?",
        "Как это следует делать?",
        "Почему это было сделано?",
    ),
    "ar": (
        "ماذا يقال عن هذا؟",
        "هل ذُكر هذا في أي مكان؟",
        "ما هو المضمون الرئيسي؟",
        "ماذا تقرر بشأن ذلك؟",
        "من المسؤول عن ذلك؟",
        "متى يحدث هذا؟",
        "كيف ينبغي القيام بذلك؟",
        "لماذا تم ذلك؟",
    ),
}
"""Written for this purpose, not taken from any question set; every language's together make
one centroid (the questions' languages differ, the paragraphs' crowding does not)."""
