"""The app keeps answering while `hrc-qa index` changes its index, and after a bad file.

The session's running app (`running_app_url`, over its own copy of the session's index) answers
callers who keep asking; meanwhile
`hrc-qa index` adds the English 37/7, and the app takes up the new version on a later request
(`Assistant.refresh`, swapped as one reference). Every answer during the swap must be
a valid, correct one. Then a malformed file is offered: refused with exit code 2 and a message,
the published version unchanged, the app still answering from it. The index is put back as
it was for the tests after these.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fixtures.app_server import REPO
from gradio_client import Client

from store.faiss_store import FaissStore
from store.update import update

pytestmark = pytest.mark.slow

HRC_QA = str(Path(sys.executable).with_name("hrc-qa"))
ADDED = REPO / "tests" / "fixtures" / "layouts" / "A_HRC_RES_37_7.en.txt"
MALFORMED = REPO / "tests" / "fixtures" / "malformed" / "not_a_resolution.txt"
TRANSPARENCY = "哪项决议鼓励各国采用电子采购和开放式签约等透明度做法？"  # 51/5 OP11
PUBLIC_SERVICE_DAY = "On which day is the United Nations Public Service Day held?"
SWAP_LIMIT_S = 600  # not a speed requirement: how long before the swap is called hung


@pytest.fixture
def live(index_env, running_app_url, running_app_index, encoder):
    env = {**index_env, "HRC_QA_INDEX": str(running_app_index)}
    client = Client(running_app_url, verbose=False, analytics_enabled=False)
    yield client, running_app_url, env, running_app_index
    store = FaissStore.load(running_app_index, encoder.name, encoder.dimension)
    if any(resolution.key == "37/7.en" for resolution in store.resolutions()):
        update(running_app_index, encoder, remove=["37/7.en"])


def first(answer: dict) -> tuple[str, str, str]:
    top = answer["results"][0]
    return answer["status"], top["resolution"], top["paragraph"]


def test_answers_stay_valid_while_a_resolution_is_added(live):
    client, url, env, home = live
    before = client.predict(TRANSPARENCY, api_name="/ask")
    assert first(before) == ("ok", "51/5", "OP11")
    old_version = (home / "CURRENT").read_text().strip()

    answers: list[dict] = []
    failures: list[BaseException] = []
    stop = threading.Event()

    def keep_asking() -> None:
        # A caller of its own, as each user of the app has: one gradio_client Client shared
        # by threads can lose an answer when its event stream closes under another thread.
        caller = Client(url, verbose=False, analytics_enabled=False)
        while not stop.is_set():
            try:
                answers.append(caller.predict(TRANSPARENCY, api_name="/ask"))
            except BaseException as error:  # any failure is a finding, reported below
                failures.append(error)

    callers = [threading.Thread(target=keep_asking) for _ in range(3)]
    for caller in callers:
        caller.start()
    try:
        added = subprocess.run(
            [HRC_QA, "index", str(ADDED)], env=env, capture_output=True, text=True
        )
        assert added.returncode == 0, added.stderr
        assert "added: 37/7.en" in added.stdout
        assert (home / "CURRENT").read_text().strip() != old_version
        # The app takes the new version up on a later request; keep asking until it has.
        deadline = time.monotonic() + SWAP_LIMIT_S
        while time.monotonic() < deadline:
            swapped = client.predict(PUBLIC_SERVICE_DAY, api_name="/ask")
            if swapped["results"] and swapped["results"][0]["language"] == "en":
                break
        else:
            pytest.fail("the app never took up the index with the English 37/7")
        after = client.predict(TRANSPARENCY, api_name="/ask")
        settled = len(answers)
        while len(answers) < settled + 3 and not failures:
            time.sleep(0.1)
    finally:
        stop.set()
        for caller in callers:
            caller.join()

    assert not failures, failures[:3]
    assert len(answers) > 3
    # Each answer is the old index's or the new one's, whole: never a mixture, never an error.
    for answer in answers:
        assert first(answer) == ("ok", "51/5", "OP11"), answer
        assert answer["results"] in (before["results"], after["results"])
    assert answers[-1]["results"] == after["results"]
    # The new English text answers: the paragraph holding the Day (OP8), with the one that
    # commemorates it (OP9), which shares more of the question's words, beside it.
    assert first(swapped)[:2] == ("ok", "37/7")
    assert "OP8" in [result["paragraph"] for result in swapped["results"][:2]]


def test_a_malformed_file_is_refused_and_the_old_index_kept(live):
    client, _, env, home = live
    version = (home / "CURRENT").read_text().strip()
    refused = subprocess.run(
        [HRC_QA, "index", str(MALFORMED)], env=env, capture_output=True, text=True
    )
    assert refused.returncode == 2
    assert MALFORMED.name in refused.stderr
    assert "not changed" in refused.stderr
    assert (home / "CURRENT").read_text().strip() == version
    assert first(client.predict(TRANSPARENCY, api_name="/ask")) == ("ok", "51/5", "OP11")
