"""The app's own pages and files beside Gradio's, in process over the fake assistant: the
resolution pages, the web-component script, the embedding page and web/static/."""

from __future__ import annotations

from conftest import CORS_ORIGIN


def test_the_resolution_page_shows_every_paragraph_with_an_anchor(web):
    page = web.get("/resolution/57-12?lang=zh")

    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    for anchor in ('id="OP8"', 'id="OP8(a)"', 'id="PP1"'):
        assert anchor in page.text
    assert "人权理事会第57/12号决议第8段" in page.text
    assert "A/HRC/RES/57/12" in page.text
    assert '<html lang="zh">' in page.text


def test_the_resolution_page_cites_in_english_on_request(web):
    page = web.get("/resolution/37-7?lang=en").text

    assert "Human Rights Council resolution 37/7, para. 8" in page
    assert "Adopted 2018-03-22" in page


def test_an_unknown_resolution_page_is_not_found(web):
    page = web.get("/resolution/99-1")

    assert page.status_code == 404
    assert "索引中没有第99/1号决议。" in page.text
    assert "Resolution 99/1 is not in the index." in web.get("/resolution/99-1?lang=en").text


def test_the_page_style_is_a_file_the_app_serves(web):
    style = web.get("/hrc-static/page.css")

    assert style.status_code == 200
    assert ".para:target" in style.text


def test_the_web_component_script_is_served_by_the_app(web):
    script = web.get("/gradio.js", headers={"Origin": CORS_ORIGIN})
    elsewhere = web.get("/gradio.js", headers={"Origin": "http://elsewhere.example"})

    assert script.status_code == 200
    assert "javascript" in script.headers["content-type"]
    # Only an origin the embedding policy names may load it as a module (finding 9 of issue 12).
    assert script.headers["access-control-allow-origin"] == CORS_ORIGIN
    assert "access-control-allow-origin" not in elsewhere.headers
    imported = script.text.split('import("./', 1)[1].split('"', 1)[0]
    assert web.get("/" + imported).status_code == 200  # the module it loads is there too


def test_the_embedding_page_embeds_the_app_both_ways(web):
    page = web.get("/embed-test")

    assert page.status_code == 200
    assert "<iframe" in page.text
    assert "<gradio-app" in page.text
    assert 'src="./gradio.js"' in page.text
    assert 'src="http' not in page.text  # nothing loaded from elsewhere


def test_the_chat_page_gets_the_css_and_the_copy_listener(web):
    config = web.get("/config").json()

    assert ".hrc-quote" in config["css"]
    assert 'id="hrc-qa-words"' in config["head"]
    assert "hrcQaListening" in config["head"]
