"""The web layer over `qa.Assistant`: the Gradio chat, the app's own pages and a JSON API.

    render      answers and pages as HTML (Jinja2 templates in templates/, no gradio)
    interface   the Gradio Blocks chat and its `/ask` endpoint
    routes      the app's own pages: resolutions, the web-component script, static files
    api         the JSON API under /api/v1, with its OpenAPI document and offline docs
    guard       what stands in front of every route: body limit, framing and CORS policy,
                closed routes, bounded concurrency, error answers instead of 500s
    server      `create_app(assistant)` puts them together; `serve()` runs it

Data flows one way: an HTTP request → `web.answering` → `qa.request` → the assistant.
"""
