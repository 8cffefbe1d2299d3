"""The eval figures, computed apart from retrieval: made-up outcomes, counted by hand."""

from qa.evaluate import Outcome, Question, breakdown, figures, missed


def outcome(id, gold, status, found, language="en", kind="paraphrase", labels=None):
    found = tuple(found)
    labels = labels or ("direct",) + ("partial",) * (len(found) - 1)
    return Outcome(Question(id, id, tuple(gold), language, kind), language, status, found, labels)


OUTCOMES = [
    outcome("a", ["1/1 OP1"], "ok", ["1/1 OP1", "1/1 OP2"]),
    outcome("b", ["1/1 OP2"], "no_match", ["1/1 OP2"], labels=("nearest",)),  # right, refused
    outcome("c", ["1/1 OP3"], "ok", ["1/1 OP1", "1/1 OP2", "1/1 OP3"], language="zh"),
    outcome("d", [], "no_match", ["1/1 OP1"], kind="near_domain", labels=("nearest",)),
    outcome("e", [], "ok", ["1/1 OP1"], kind="near_domain", language="zh"),
]


def test_hits_count_whatever_the_status_and_ok_hits_only_when_ok():
    all_ = figures("all", OUTCOMES)
    assert (all_.answerable, all_.unanswerable, all_.no_match) == (3, 2, 1)
    assert all_.hit_at_1 == 2 / 3  # a and b
    assert all_.ok_hit_at_1 == 1 / 3  # b was refused
    assert all_.ok_hit_at_5 == 2 / 3  # a and c
    assert all_.mrr_at_10 == (1 + 1 + 1 / 3) / 3


def test_label_precision_counts_the_labels_of_ok_answers():
    labelled = figures("all", OUTCOMES).labelled
    assert labelled["direct"] == (1, 3)  # a right; c and e wrong
    assert labelled["partial"] == (1, 3)  # c's OP3 right; a's OP2, c's OP2 wrong


def test_the_breakdown_has_each_language_and_kind():
    names = [group.name for group in breakdown(OUTCOMES)]
    assert names == [
        "all", "zh", "en", "paraphrase", "paraphrase zh", "paraphrase en",
        "near_domain", "near_domain zh", "near_domain en",
    ]  # fmt: skip


def test_missed_names_refusals_wrong_ranks_and_answered_off_topic_questions():
    lines = missed(OUTCOMES)
    assert [line.split()[0] for line in lines] == ["b", "c", "e"]
    assert "(no_match)" in lines[0] and "answered but off-topic" in lines[2]
