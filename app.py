"""`python app.py` starts the web app, as `hrc-qa serve` does (web/server.py).

    python app.py            # http://127.0.0.1:7860 (GRADIO_SERVER_NAME / _PORT / _ROOT_PATH)

Kept so that `make run` and existing scripts work unchanged.
"""

from web.server import serve

if __name__ == "__main__":
    serve()
