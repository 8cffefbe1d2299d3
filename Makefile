# The two commands of the README: `make run` and `make test`. Both set up .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
export HF_HUB_OFFLINE := 1

.PHONY: setup prepare run test lint format bench screenshots

# The project's own modules compiled to bytecode, as a regular install compiles a package's: an
# editable install leaves them as source, and where PYTHONDONTWRITEBYTECODE is set (this sandbox,
# many containers) every start compiled them again. Only the stale ones are compiled.
setup: $(INSTALLED)
	$(BIN)/python -m compileall -q app.py corpus embeddings languages qa store web

# Reinstalled whenever pyproject.toml changes. torch first, from the CPU wheel the machine has,
# so that nothing later asks the registry for a CUDA build.
$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet --editable '.[dev]'
	touch $@

# The model and the index are built once and kept outside git (see README: where things live).
prepare: setup
	$(BIN)/hrc-qa index

run: prepare
	$(BIN)/python app.py

test: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lint:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The README's screenshots (docs/screenshot-zh.png, -en.png), renewed on purpose: the browser
# tests that take them, told to save them in docs/ instead of a temporary folder.
screenshots: setup
	$(BIN)/python -m pytest tests/test_app_browser.py --screenshots docs -k "chinese_answer or english_interface or whole_draft"

bench: prepare
	$(BIN)/hrc-qa bench
