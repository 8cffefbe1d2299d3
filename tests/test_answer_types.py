"""The kind of answer a question asks for (a figure, a date, a place) in each language, and whether
paragraphs give one: what lets a question asking for a fact next to what the texts cover be
told apart from one they answer."""

import pytest

from languages.answer_types import asked_kinds, unstated_kinds


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("地方政府的预算中至少应有多少比例用于人权工作？", ("quantity",)),
        ("人权理事会有几个成员国？", ("quantity",)),
        # `几` after a verb of dividing, setting up or making up asks for a count too.
        ("这个奖一共分几个类别？", ("quantity",)),
        ("主席团由几名成员组成？", ("quantity",)),
        ("普遍定期审议每一轮多长时间？", ("time",)),
        (
            "What minimum share of their budgets should local governments spend on this?",
            ("quantity",),
        ),
        ("How many members does the Council have?", ("quantity",)),
        ("When was the voluntary trust fund for the universal periodic review set up?", ("time",)),
        ("How long is a cycle of the universal periodic review?", ("time",)),
        ("Combien de membres compte le Conseil ?", ("quantity",)),
        ("Quand a été créé le fonds de contributions volontaires ?", ("time",)),
        ("¿Cuántos miembros tiene el Consejo?", ("quantity",)),
        ("¿Cuándo se creó el fondo fiduciario?", ("time",)),
        ("Сколько членов в Совете?", ("quantity",)),
        ("В каком году был создан фонд?", ("time",)),
        ("كم عدد أعضاء المجلس؟", ("quantity",)),
        ("متى أنشئ الصندوق؟", ("time",)),
        # Conditions and quantifiers that ask for no figure or date.
        ("When a city moves its services online, is it expected to help residents?", ()),
        ("¿Alienta el Consejo a los Estados cuando crean sus mecanismos nacionales?", ()),
        ("我们准备和几个城市合作开展试点，理事会有没有相关的鼓励？", ()),
        ("What does the Council say about local governments and human rights?", ()),
        # A place, or particular countries.
        ("世界城市论坛第十一届会议是在哪个城市举办的？", ("place",)),
        ("哪些国家的机构获得了公共服务奖？", ("place",)),
        (
            "Which States were reviewed at the twenty-sixth session of the Working Group?",
            ("place",),
        ),
        ("Where was the eleventh session of the World Urban Forum held?", ("place",)),
        ("Which governments publish their procurement data openly?", ("place",)),
        ("哪些政府公开了采购数据？", ("place",)),
        ("关于善治的那份决议，核心起草国是哪几个？", ("place",)),
        ("Quels pays ont ratifié le protocole ?", ("place",)),
        ("¿Dónde se celebró el Foro Urbano Mundial?", ("place",)),
        ("Какие страны ратифицировали протокол?", ("place",)),
        ("أين عقد المنتدى الحضري العالمي؟", ("place",)),
        # Where in a text, not a place.
        ("《2030年议程》中关于善治的表述在哪里？", ()),
        ("Where does the Council say that the goals are indivisible?", ()),
        ("Where is it noted that digital gaps persist?", ()),
        ("We are planning a statement on technical help. Where is that set out?", ()),
        ("Where does the Council ask the High Commissioner to provide assistance?", ()),
        ("Where will the panel discussion on good governance be held?", ("place",)),
        ("Where does it say that someone can be held responsible for poor services?", ()),
        ("Where does it say States should hold officials accountable?", ()),
        # A deadline, an amount.
        ("К какому сроку государства должны создать механизмы?", ("time",)),
        ("What is the deadline for the report?", ("time",)),
        ("What is the annual budget of OHCHR for this work?", ("quantity",)),
        ("¿Cuál es el presupuesto del fondo?", ("quantity",)),
        # Particular people; a body or a role is not asked for as a person.
        ("现任联合国人权事务高级专员是谁？", ("person",)),
        ("小组讨论会请了哪些发言嘉宾？", ("person",)),
        ("Who were the panellists at the panel discussion?", ("person",)),
        ("who won the UN Public Service Awards in 2023", ("person",)),
        ("Qui a présidé la session ?", ("person",)),
        ("¿Quién presidió el período de sesiones?", ("person",)),
        ("Кто возглавляет Совет?", ("person",)),
        ("من هو رئيس مجلس حقوق الإنسان؟", ("person",)),
        # An office named with its organisation, a moderator in Russian as in English.
        ("who is the current UN High Commissioner for Human Rights", ("person",)),
        ("Кто был модератором дискуссионной группы?", ("person",)),
        ("在网络空间保护人权，首要责任由谁来承担？", ()),
        ("Who is to provide the services and facilities for the panel discussion?", ()),
        ("Who are the stakeholders the Council wants involved?", ()),
        ("落实这些建议的首要责任方是谁？", ()),
        ("这项工作是谁的责任？", ()),
        ("纪念活动上是谁作的主旨发言？", ("person",)),
        ("那次讨论会有哪些专家发言？", ("person",)),
        ("Which government agencies won the Public Service Awards in 2018?", ("person",)),
        # Who holds an office and how it is filled; who takes part is a role the texts name.
        ("Who sits on the advisory board of the fund?", ("person",)),
        ("Who received the prize in 2018?", ("person",)),
        ("How are the judges of the regional court chosen?", ("person",)),
        ("How does the Assembly elect the members of the committee?", ("person",)),
        ("特别报告员由谁任命？", ("person",)),
        ("咨询委员会的专家是怎么选出来的？", ("person",)),
        ("Who is supposed to be involved at each stage of technical cooperation?", ()),
        ("Which resolution honours the people who serve the public?", ()),
        ("Our focal point, who keeps asking about it, wants to know: what does it say?", ()),
        ("Who provides the services and facilities for the panel?", ()),
        # How things stand now, in the sentence that asks; a situation told first is not.
        ("What is this year's theme for the day?", ("present",)),
        ("Which donors paid into the fund last year?", ("present",)),
        ("这个基金去年收到了多少捐款？", ("quantity", "present")),
        ("Last year our city set up a human rights office. What does the Council say?", ()),
        ("我们市去年成立了人权办公室。理事会鼓励地方政府做什么？", ()),
        # Several kinds at once; a deadline, a threshold; cities, in other words.
        ("When and where did the Secretary-General launch his Call to Action?", ("time",)),
        ("В какой срок государства должны создать механизмы?", ("time",)),
        ("Above what contract value must a purchase go to open tender?", ("quantity",)),
        ("已经提交了自愿地方评估报告的城市有哪些？", ("place",)),
        ("讨论会具体是哪天开的？主持人是谁？", ("time", "person")),
        # What a meeting or a report came to; the Council's own resolutions are not one.
        ("世界城市论坛第十二届会议最后通过了什么成果文件？", ("outcome",)),
        ("这份报告对公共服务私有化得出了什么结论？", ("outcome",)),
        ("What did the Commission of Inquiry conclude about the attacks?", ("outcome",)),
        ("What were the main conclusions of the panel once it was held?", ("outcome",)),
        ("¿Qué resultados concretos obtuvo el Foro Urbano Mundial?", ("outcome",)),
        ("人权理事会此前通过了哪些关于地方政府与人权的决议？", ()),
        # Who presides or won, in any tense and person of the verb; which outcome document a
        # meeting adopted, in French, Spanish, Russian and Arabic too.
        ("متى تعقد الدورة الستون، ومن يتولى رئاستها؟", ("time", "person")),
        ("من سيترأس الدورة القادمة؟", ("person",)),
        ("Qui présidera la prochaine session ?", ("person",)),
        ("¿Quién presidirá el próximo período de sesiones?", ("person",)),
        ("Кто председательствует на сессии?", ("person",)),
        ("ما الوثيقة الختامية التي اعتمدها المنتدى في دورته الثانية عشرة؟", ("outcome",)),
        ("¿Qué documento final adoptó el Foro Urbano Mundial?", ("outcome",)),
        ("Какой итоговый документ был принят на форуме?", ("outcome",)),
        ("ما الذي يطلبه المجلس من الدول؟", ()),
        ("¿Qué declaración reafirma el Consejo?", ()),
        # `où`, `dónde`, `где`, `أين` ask for a place with a verb of meeting only; a name, a
        # deadline by its noun, countries in any Russian case.
        ("Buscamos un precedente en el que el Consejo anime a los países. ¿Dónde está?", ()),
        ("Нужно сослаться на документ ООН, где государствам предлагается это. Какой пункт?", ()),
        ("Où se tiendra la prochaine session ?", ("place",)),
        ("Где пройдёт сессия?", ("place",)),
        ("В каких странах уже созданы национальные механизмы?", ("place",)),
        ("Как зовут нынешнего Верховного комиссара?", ("person",)),
        ("¿Cuál era el plazo para que los Estados respondieran?", ("time",)),
        ("ما المهلة الزمنية المحددة للدول لتنفيذ التوصيات؟", ("time",)),
        ("ما هي ميزانية البرنامج المخصصة لدعم الآليات الوطنية؟", ("quantity",)),
    ],
)
def test_a_question_asking_for_a_figure_or_a_date_is_told_in_every_language(question, kinds):
    assert asked_kinds(question) == kinds


def test_a_figure_or_date_asked_for_is_unstated_only_when_no_paragraph_gives_one():
    question = "普遍定期审议自愿信托基金一共收到了多少捐款？"
    # A date, a resolution's number and the article 一个 are not an amount.
    founding = (
        "回顾人权理事会 2008 年 9 月 28 日第 6/17 号决议，其中理事会请秘书长设立一个自愿信托基金，"
    )
    assert unstated_kinds(question, [founding]) == ("quantity",)
    assert unstated_kinds(question, [founding, "基金共收到 35 个国家的捐款。"]) == ()
    when = "When was the voluntary trust fund set up?"
    assert unstated_kinds(when, [founding]) == ()
    assert unstated_kinds(when, ["请秘书长设立一个自愿信托基金，"]) == ("time",)
    assert unstated_kinds("What does the Council say about the fund?", ["设立一个基金"]) == ()


def test_a_place_asked_for_is_unstated_unless_a_paragraph_says_where_a_meeting_is_held():
    cairo = "注意到世界城市论坛第十二届会议将于 2024 年 11 月 4 日至 8 日在开罗举行，"
    assert unstated_kinds("世界城市论坛第十二届会议在哪里举行？", [cairo]) == ()
    # The resolutions speak of States in general: none names the States asked for.
    states = "在这一轮普遍定期审议期间，联合国所有会员国都将接受审查，"
    assert unstated_kinds("Which States sit on the Consultative Group?", [states]) == ("place",)


def test_a_person_asked_for_is_unstated_unless_the_paragraph_names_one():
    panel = "欢迎于2016年11月9日举行了国家后续行动体系问题小组讨论会，"
    assert unstated_kinds("这次小组讨论会的主持人是谁？", [panel]) == ("person",)
    assert unstated_kinds("这次小组讨论会的主持人是谁？", ["由纳尔逊·曼德拉主持，"]) == ()


def test_each_kind_asked_for_must_be_shown():
    question = "第五十四届会议之前那场全天小组讨论会，具体是哪天开的？主持人是谁？"
    panel = "请高级专员在人权理事会第五十四届会议之前组织一次全天小组讨论会，"
    # The session answers when; no one is named as chairing it.
    assert unstated_kinds(question, [panel]) == ("person",)
    assert unstated_kinds(question, [panel + "由纳尔逊·曼德拉主持，"]) == ()


def test_an_outcome_asked_for_is_unstated_when_the_paragraph_only_announces_the_meeting():
    question = "开罗第十二届世界城市论坛最后通过了什么成果文件？"
    forum = "注意到世界城市论坛第十二届会议将于 2024 年 11 月 4 日至 8 日在开罗举行，"
    assert unstated_kinds(question, [forum]) == ("outcome",)
    assert unstated_kinds(question, ["欢迎论坛通过了《开罗宣言》，"]) == ()


def test_how_an_office_is_filled_is_unstated_unless_the_paragraph_tells_an_election():
    question = "How are the members of the advisory committee chosen?"
    mandate = "决定设立人权理事会咨询委员会，作为理事会的智囊，"
    # A paragraph creating the body does not say how its members come to sit on it.
    assert unstated_kinds(question, [mandate]) == ("person",)
    assert unstated_kinds(question, ["咨询委员会的18名专家由理事会选举产生，"]) == ()


def test_the_present_asked_for_is_unstated_beside_a_dated_text():
    question = "What is this year's theme for United Nations Public Service Day?"
    day = "请人权事务高级专员每年6月在理事会届会期间纪念联合国公共服务日，"
    # A day kept every year is not this year's theme.
    assert unstated_kinds(question, [day]) == ("present",)
