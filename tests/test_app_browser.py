"""The app as a reader uses it: Debian's Chromium driven by Playwright against `python app.py`.

Playwright cannot download its own browser here, so the tests use /usr/bin/chromium (CI
installs it, see .ci/run) and are skipped, saying so, where it is missing. The app is the
session's one running app (tests/conftest.py). Screenshots of a Chinese and an English answer
go to a temporary folder, never into the repository; `make screenshots` renews the README's
(`--screenshots docs`), the draft check's too.
"""

from __future__ import annotations

import contextlib
import functools
import re
import shutil
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fixtures.app_server import REPO, reverse_proxy, running_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# How long to wait for an answer before calling the app stuck; not a speed requirement.
ANSWER_LIMIT_MS = 180_000

# Questions of eval/dev.jsonl that the assistant answers with their gold paragraph first.
TRANSPARENCY = "哪项决议鼓励各国采用电子采购和开放式签约等透明度做法？"  # 51/5 OP11
TRANSPARENCY_ZH = "人权理事会第51/5号决议第11段"
TRANSPARENCY_EN = "Human Rights Council resolution 51/5, para. 11"
ONLINE_RIGHTS = "Must the rights that people have offline also be protected online?"  # 51/5 OP3
LOCAL_RESOURCES = "各国应当如何为地方政府履行人权责任提供资源？"  # 57/12 OP3


def chromium() -> str | None:
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


@pytest.fixture(scope="module")
def browser():
    executable = chromium()
    if executable is None:
        pytest.skip("Chromium is not installed: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def app_url(browser, request):
    # After `browser`, so that without Chromium the app is not even started.
    return request.getfixturevalue("running_app_url")


@pytest.fixture(scope="module")
def screenshots(request, tmp_path_factory) -> Path:
    """Where screenshots go: `--screenshots FOLDER`, else a temporary folder."""
    chosen = request.config.getoption("--screenshots")
    return Path(chosen).resolve() if chosen else tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def locale() -> str:
    """The browser's language (Gradio's own words, such as its footer, follow it)."""
    return "zh-CN"


@pytest.fixture
def context(browser, app_url, locale):
    context = browser.new_context(viewport={"width": 1360, "height": 1000}, locale=locale)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url.rstrip("/"))
    context.set_default_timeout(ANSWER_LIMIT_MS)
    yield context
    context.close()


@pytest.fixture
def dialogs(context) -> list[str]:
    """Every alert() any page opened: an injected script would show up here."""
    seen: list[str] = []

    def watch(page):
        page.on("dialog", lambda dialog: (seen.append(dialog.message), dialog.dismiss()))

    context.on("page", watch)
    return seen


@pytest.fixture
def page(context, dialogs, app_url):
    page = context.new_page()
    page.goto(app_url)
    page.locator("#hrc-question textarea").wait_for()
    return page


def ask(scope, question: str):
    """Type a question like a user and wait for its answer (the n-th answer of the chat)."""
    from playwright.sync_api import expect

    answers = scope.locator("#hrc-chat .hrc-answer")
    before = answers.count()
    box = scope.locator("#hrc-question textarea")
    box.fill(question)
    box.press("Enter")
    expect(answers).to_have_count(before + 1, timeout=ANSWER_LIMIT_MS)
    return answers.nth(before)


def screenshot(page, folder: Path, name: str) -> None:
    page.mouse.move(0, 0)  # no hover effect left on whatever was clicked last
    page.wait_for_timeout(500)  # let the chat finish scrolling to the question
    page.screenshot(path=folder / f"screenshot-{name}.png")


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def test_a_chinese_answer_shows_quote_citation_and_marked_words(page, screenshots):
    from playwright.sync_api import expect

    answer = ask(page, TRANSPARENCY)

    first = answer.locator(".hrc-quote").first
    expect(first.locator(".hrc-citation")).to_contain_text(TRANSPARENCY_ZH)
    expect(first.locator(".hrc-text")).to_contain_text("电子采购")
    expect(first.locator(".hrc-text mark").first).to_be_visible()
    expect(first.locator(".hrc-meta")).to_contain_text("A/HRC/RES/51/5")
    expect(first.locator(".hrc-meta")).to_contain_text("2022-10-06")
    expect(first.locator(".hrc-meta")).to_contain_text("善治对促进和保护人权的作用")
    expect(first.locator(".hrc-copy-citation")).to_have_text("复制引文")
    screenshot(page, screenshots, "zh")


def test_the_copy_buttons_put_citation_and_quote_on_the_clipboard(page):
    from playwright.sync_api import expect

    first = ask(page, TRANSPARENCY).locator(".hrc-quote").first

    first.locator(".hrc-copy-citation").click()
    expect(first.locator(".hrc-copy-citation")).to_have_text("已复制")
    assert clipboard(page) == TRANSPARENCY_ZH

    first.locator(".hrc-copy-quote").click()
    copied = clipboard(page)
    assert "电子采购" in copied
    assert TRANSPARENCY_ZH in copied
    assert "A/HRC/RES/51/5" in copied


@pytest.mark.parametrize("locale", ["en-US"])
def test_the_english_interface_and_an_english_answer(page, screenshots):
    from playwright.sync_api import expect

    page.locator("#hrc-interface label", has_text="English").click()
    expect(page.locator("#hrc-send")).to_have_text("Ask")
    expect(page.locator("#hrc-heading")).to_contain_text("Human Rights Council resolutions")

    first = ask(page, ONLINE_RIGHTS).locator(".hrc-quote").first

    expect(first.locator(".hrc-citation")).to_contain_text(
        "Human Rights Council resolution 51/5, para. 3"
    )
    expect(first.locator(".hrc-copy-citation")).to_have_text("Copy citation")
    expect(first.locator(".hrc-meta")).to_contain_text("Adopted 2022-10-06")
    screenshot(page, screenshots, "en")


def test_the_citation_language_can_be_switched(page):
    from playwright.sync_api import expect

    ask(page, TRANSPARENCY)
    page.locator("#hrc-citation-language label", has_text="English").click()

    first = page.locator("#hrc-chat .hrc-quote").first
    expect(first.locator(".hrc-citation")).to_contain_text(TRANSPARENCY_EN)
    first.locator(".hrc-copy-citation").click()
    expect(first.locator(".hrc-copy-citation")).to_have_text("已复制")
    assert clipboard(page) == TRANSPARENCY_EN


def test_a_follow_up_question_stays_with_the_resolution(page):
    from playwright.sync_api import expect

    before = ask(page, LOCAL_RESOURCES)
    expect(before.locator(".hrc-citation").first).to_contain_text("第57/12号决议")

    after = ask(page, "那第8段呢？")

    expect(after.locator(".hrc-citation strong").first).to_have_text("人权理事会第57/12号决议第8段")
    expect(after.locator(".hrc-text").first).to_contain_text("吁请地方政府")


def test_a_question_with_markup_is_shown_as_text(page, dialogs):
    from playwright.sync_api import expect

    question = "<img src=x onerror=alert(1)>"
    ask(page, question)

    expect(page.locator("#hrc-chat [data-testid='user']").last).to_have_text(question)
    assert page.locator("#hrc-chat img").count() == 0
    assert dialogs == []


def test_a_question_without_an_answer_reads_as_a_sentence(page):
    from playwright.sync_api import expect

    answer = ask(page, "Tell me a joke about cats.")

    # The no-match says what is missing, in the question's language.
    expect(answer.locator(".hrc-message")).to_contain_text("No indexed resolution mentions “cats”")


def test_the_resolution_opens_at_the_quoted_paragraph(page, context):
    from playwright.sync_api import expect

    first = ask(page, TRANSPARENCY).locator(".hrc-quote").first
    with context.expect_page() as opened:
        first.locator("a.hrc-open").click()
    resolution = opened.value
    resolution.wait_for_load_state()

    assert "/resolution/51-5" in resolution.url
    assert resolution.url.endswith("#OP11")
    target = resolution.locator(":target")
    expect(target).to_have_attribute("id", "OP11")
    expect(target).to_contain_text("电子采购")
    expect(target).to_contain_text(TRANSPARENCY_ZH)
    background = target.evaluate("element => getComputedStyle(element).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")  # highlighted


@pytest.mark.parametrize("locale", ["en-US"])
def test_an_english_quote_opens_its_chinese_version(page, running_app_index, encoder):
    from playwright.sync_api import expect

    from store.update import update

    english = REPO / "tests" / "fixtures" / "layouts" / "A_HRC_RES_37_7.en.txt"
    update(running_app_index, encoder, [english])
    try:
        answer = ask(page, "Which day is the United Nations Public Service Day?")
        first = answer.locator(".hrc-quote").first
        expect(first.locator(".hrc-text").first).to_contain_text(
            "United Nations Public Service Day"
        )
        chinese = first.locator("details.hrc-version")
        expect(chinese.locator("summary")).to_have_text("中文")
        expect(chinese.locator(".hrc-text")).to_be_hidden()
        chinese.locator("summary").click()
        expect(chinese.locator(".hrc-text")).to_contain_text("联合国公共服务日")
        expect(chinese.locator(".hrc-citation")).to_have_text("人权理事会第37/7号决议第8段")
    finally:
        update(running_app_index, encoder, remove=["37/7.en"])


@contextlib.contextmanager
def fixtures_site(port: int) -> Iterator[str]:
    """tests/fixtures/ served at `http://localhost:port/`, as a page of someone else's site."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(Quiet, directory=str(REPO / "tests" / "fixtures"))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def other_site(other_site_origin):
    """tests/fixtures/ served from another origin (`localhost`, another port) than the app's
    (`127.0.0.1`): the origin the running app names in HRC_QA_ALLOWED_ORIGINS."""
    with fixtures_site(int(other_site_origin.rsplit(":", 1)[1])) as url:
        yield url


@pytest.fixture(scope="module")
def unnamed_site():
    """The same page from an origin the app does not name."""
    with fixtures_site(0) as url:
        yield url


@pytest.mark.parametrize("host", ["this app", "another site"])
def test_the_app_answers_inside_an_iframe_and_as_a_web_component(
    context, app_url, other_site, host
):
    from playwright.sync_api import expect

    if host == "this app":
        address = app_url + "embed-test"
    else:
        address = other_site + "embed.html?app=" + urllib.parse.quote(app_url)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=other_site[:-1])
    page = context.new_page()
    page.goto(address)

    framed = ask(page.frame_locator("#embed-iframe"), TRANSPARENCY)
    expect(framed.locator(".hrc-citation").first).to_contain_text(TRANSPARENCY_ZH)

    component = page.locator("gradio-app#embed-component")
    # The component starts loading when it scrolls into view (unless it has eager="true").
    component.scroll_into_view_if_needed()
    answer = ask(component, TRANSPARENCY)
    expect(answer.locator(".hrc-citation").first).to_contain_text(TRANSPARENCY_ZH)
    answer.locator(".hrc-copy-citation").first.click()
    expect(answer.locator(".hrc-copy-citation").first).to_have_text("已复制")
    assert clipboard(page) == TRANSPARENCY_ZH
    with context.expect_page() as opened:
        answer.locator("a.hrc-open").first.click()
    # The app's own page, even from a component living on another site's page.
    assert opened.value.url.startswith(app_url + "resolution/51-5")


def test_a_site_the_app_does_not_name_can_neither_frame_it_nor_load_it(
    context, app_url, unnamed_site
):
    """Issue 12, finding 9: only the app itself and the origins of HRC_QA_ALLOWED_ORIGINS."""
    page = context.new_page()
    page.goto(unnamed_site + "embed.html?app=" + urllib.parse.quote(app_url), wait_until="load")

    framed = page.frame_locator("#embed-iframe")
    frame = next(frame for frame in page.frames if frame.parent_frame is page.main_frame)
    # Chromium replaces a frame that frame-ancestors refuses with its error page. The page's
    # script gives the frame its address, so on a busy machine the page can finish loading
    # while the frame is still blank: wait for the frame's own navigation to end.
    frame.wait_for_url(re.compile(r"^chrome-error://"))
    assert frame.url.startswith("chrome-error://")
    assert framed.locator("#hrc-question").count() == 0
    fetched = page.evaluate(
        """async (app) => {
            try { await fetch(app + "config"); return "read"; }
            catch (error) { return "refused"; }
        }""",
        app_url,
    )
    imported = page.evaluate(
        """async (app) => {
            try { await import(app + "gradio.js"); return "loaded"; }
            catch (error) { return "refused"; }
        }""",
        app_url,
    )
    assert (fetched, imported) == ("refused", "refused")


@pytest.fixture(scope="module")
def proxied_app_url(browser, index_env, tmp_path_factory):
    """The app as a reverse proxy publishes it under /hrc-qa/, started with GRADIO_ROOT_PATH."""
    env = {**index_env, "GRADIO_ROOT_PATH": "/hrc-qa"}
    log = tmp_path_factory.mktemp("app-proxied") / "app.log"
    with running_app(env, log) as url, reverse_proxy(url, "/hrc-qa") as public:
        yield public


def test_the_app_works_behind_a_reverse_proxy_under_a_path(browser, proxied_app_url):
    from gradio_client import Client
    from playwright.sync_api import expect

    client = Client(proxied_app_url, verbose=False, analytics_enabled=False)
    assert client.predict(TRANSPARENCY, api_name="/ask")["results"][0]["paragraph"] == "OP11"

    context = browser.new_context(viewport={"width": 1360, "height": 1000})
    context.set_default_timeout(ANSWER_LIMIT_MS)
    try:
        page = context.new_page()
        page.goto(proxied_app_url)
        answer = ask(page, TRANSPARENCY)
        expect(answer.locator(".hrc-citation").first).to_contain_text(TRANSPARENCY_ZH)
        with context.expect_page() as opened:
            answer.locator("a.hrc-open").first.click()
        resolution = opened.value
        resolution.wait_for_load_state()
        assert resolution.url.startswith(proxied_app_url + "resolution/51-5")
        expect(resolution.locator(":target")).to_have_attribute("id", "OP11")
    finally:
        context.close()


def test_the_api_docs_work_with_nothing_from_outside(context, app_url):
    """Swagger UI renders the JSON API's operations with every request kept to the app."""
    from playwright.sync_api import expect

    outside: list[str] = []

    def only_the_app(route):
        if route.request.url.startswith(app_url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page = context.new_page()
    page.route("**/*", only_the_app)
    page.goto(app_url + "api/v1/docs")

    expect(page.locator(".opblock-summary-path", has_text="/ask")).to_be_visible()
    expect(page.locator(".opblock-summary-path", has_text="/resolutions")).to_be_visible()
    expect(page.locator(".servers")).to_contain_text("/api/v1")
    assert outside == []


def check_draft_text() -> str:
    """A draft of four paragraphs: agreed, one word changed, a new one, agreed again."""
    from corpus import BUNDLED_CORPUS, read_resolution

    resolution = read_resolution(BUNDLED_CORPUS / "A_HRC_RES_57_12.zh.txt")
    op3 = resolution.paragraph("OP3").text
    return "\n\n".join(
        [
            "人权理事会，",
            resolution.paragraph("PP2").text,
            "1. " + op3.replace("鼓励各国", "敦促各国"),
            "2. 鼓励各国在人工智能系统的设计和使用中尊重隐私权，并定期公布评估结果；",
            "3. " + resolution.paragraph("OP8").text,
        ]
    )


def test_a_whole_draft_is_checked_in_the_app_with_its_diff(context, app_url, screenshots):
    from playwright.sync_api import expect

    page = context.new_page()
    page.goto(app_url)
    link = page.locator("#hrc-heading a", has_text="核对草案")
    assert link.get_attribute("href") == "check?lang=zh"
    page.goto(app_url + "check?lang=zh")
    page.locator("#hrc-draft").fill(check_draft_text())
    page.locator("#hrc-check-run").click()

    expect(page.locator("#hrc-check-summary")).to_have_text("2 段商定措辞，1 段改编，1 段新措辞")
    paragraphs = page.locator(".hrc-check-paragraph")
    expect(paragraphs).to_have_count(4)
    verdicts = [paragraphs.nth(i).get_attribute("data-verdict") for i in range(4)]
    assert verdicts == ["agreed", "adapted", "new", "agreed"]
    assert page.locator("#hrc-check-progress").is_hidden()

    adapted = paragraphs.nth(1)
    expect(adapted.locator(".hrc-verdict")).to_have_text("改编")
    expect(adapted.locator(".hrc-diff del")).to_have_text(["鼓励"])
    expect(adapted.locator(".hrc-diff ins")).to_have_text(["敦促"])
    expect(adapted.locator(".hrc-citation")).to_have_text("人权理事会第57/12号决议第3段")
    expect(adapted.locator(".hrc-figures")).to_contain_text("增加 1 个词，删除 1 个词")
    adapted.locator(".hrc-copy-source").click()
    expect(adapted.locator(".hrc-copy-source")).to_have_text("已复制")
    assert clipboard(page) == "人权理事会第57/12号决议第3段"
    expect(paragraphs.nth(2).locator(".hrc-no-source")).to_have_text("未找到已通过的出处。")

    with context.expect_page() as opened:
        adapted.locator("a.hrc-source-link").click()
    source = opened.value
    source.wait_for_load_state()
    assert "/resolution/57-12" in source.url and source.url.endswith("#OP3")
    expect(source.locator(":target")).to_contain_text("鼓励各国向地方政府提供充足的资金")

    with page.expect_download() as downloaded:
        page.locator("#hrc-download-docx").click()
    word = downloaded.value
    assert word.suggested_filename == "draft-check.docx"
    from docx import Document

    document = Document(word.path())
    notes = next(p for p in document.part.package.parts if p.partname == "/word/footnotes.xml")
    assert "人权理事会第57/12号决议第3段" in notes.blob.decode()
    page.evaluate("document.getElementById('hrc-check-summary').scrollIntoView()")
    screenshot(page, screenshots, "check")


def test_a_draft_that_cannot_be_checked_says_why_on_the_page(context, app_url):
    from playwright.sync_api import expect

    page = context.new_page()
    page.goto(app_url + "check?lang=en")
    page.locator("#hrc-draft-file").set_input_files(
        files=[{"name": "draft.docx", "mimeType": "image/png", "buffer": b"\x89PNG\r\n\x1a\n" * 8}]
    )
    page.locator("#hrc-check-run").click()
    expect(page.locator("#hrc-check-error")).to_contain_text(
        "This file cannot be read: the file is named .docx but is not a Word document"
    )
    expect(page.locator(".hrc-check-paragraph")).to_have_count(0)
