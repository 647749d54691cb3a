# Two commands do everything on a fresh machine:  `make serve`  and  `make test`.
# The virtual environment is rebuilt only when the lock file or pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test lint build gate lock bench vendor-mermaid

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

## Serve the site on http://127.0.0.1:8000 with live reload.
serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## Run every test: unit, differential, plugin, CLI, browser and the docs' own examples.
test: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest $(PYTEST_ARGS)

## Lint, format check and type check.
lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

## Build the site strictly (fails while a checklist item is open).
build: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

## Show the release gate's current verdict.
gate: $(STAMP)
	$(BIN)/archcheck check

## Re-pin every dependency (needs network access to PyPI).
lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 -q -o requirements.lock
