# Two commands do everything on a fresh machine:  `make serve`  and  `make test`.
# The virtual environment is rebuilt only when the lock file or pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test lint build gate lock bench vendor-mermaid screenshot

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

## Serve the site on http://127.0.0.1:8000 with live reload (another port: make serve PORT=8001).
HOST := 127.0.0.1
PORT ?= 8000
serve: $(STAMP)
	@$(BIN)/python -c "$$SERVE_PORT_CHECK" $(HOST) '$(PORT)'
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

# Whether the port is free, asked before the site is built: on a busy port mkdocs serve builds the
# whole site first and then stops with a traceback. Bound as mkdocs' server binds (SO_REUSEADDR),
# so a port a server just let go of is not taken for a busy one.
define SERVE_PORT_CHECK
import errno, socket, sys
host, port = sys.argv[1], sys.argv[2]
where = f"archcheck: cannot serve on {host}:{port}"
if not port.isdigit() or not 0 < int(port) < 65536:
    sys.exit(f"{where}: PORT must be a number from 1 to 65535 (make serve PORT=8001)")
with socket.socket() as probe:
    probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        probe.bind((host, int(port)))
    except OSError as error:
        busy = error.errno == errno.EADDRINUSE
        why = "the port is in use" if busy else error.strerror
        sys.exit(f"{where}: {why} (try make serve PORT={int(port) + 1})")
endef
export SERVE_PORT_CHECK

## Run every test: unit, differential, plugin, CLI, browser and the docs' own examples.
test: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest $(PYTEST_ARGS)

## Lint, format check and type check.
lint: $(STAMP)
	$(BIN)/ruff check src tests bench conftest.py mkdocs_hooks
	$(BIN)/ruff format --check src tests bench conftest.py mkdocs_hooks
	$(BIN)/mypy

## Build the site strictly (fails while a checklist item is open).
build: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

## Show the release gate's current verdict.
gate: $(STAMP)
	$(BIN)/archcheck check

## Benchmark archcheck against parse-only baselines and print every ratio (bench/README.md).
## BENCH_ARGS="--quick" for small corpora.
bench: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m bench $(BENCH_ARGS)

## Re-pin every dependency (needs network access to PyPI).
lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile pyproject.toml --extra site --group dev --group builders --generate-hashes --python-version 3.11 -q -o requirements.lock

## Re-fetch the vendored Mermaid from npm and check its sha256 against the pin next to it.
## Another release: `make vendor-mermaid MERMAID_VERSION=x.y.z` (records the new sha256 in the pin).
MERMAID_JS := docs/assets/javascripts/mermaid.min.js
MERMAID_PIN := $(MERMAID_JS).json
MERMAID_VERSION ?=
vendor-mermaid:
	@set -eu; \
	pin() { $(PYTHON) -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' $(MERMAID_PIN) "$$1"; }; \
	pinned=$$(pin version); version='$(MERMAID_VERSION)'; version=$${version:-$$pinned}; \
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	npm pack --silent --pack-destination "$$tmp" "mermaid@$$version" >/dev/null; \
	tar -xzf "$$tmp/mermaid-$$version.tgz" -C "$$tmp" package/dist/mermaid.min.js; \
	sha=$$(sha256sum "$$tmp/package/dist/mermaid.min.js" | cut -d' ' -f1); \
	if [ "$$version" = "$$pinned" ] && [ "$$sha" != "$$(pin sha256)" ]; then \
		echo "vendor-mermaid: mermaid@$$version dist/mermaid.min.js has sha256 $$sha," \
			"but $(MERMAID_PIN) pins $$(pin sha256); nothing changed." >&2; exit 1; \
	fi; \
	cp "$$tmp/package/dist/mermaid.min.js" $(MERMAID_JS); \
	$(PYTHON) -c 'import json, sys; open(sys.argv[1], "w").write(json.dumps({"package": "mermaid", \
		"version": sys.argv[2], "file": "package/dist/mermaid.min.js", "sha256": sys.argv[3], \
		"bytes": int(sys.argv[4])}, indent=2) + "\n")' $(MERMAID_PIN) "$$version" "$$sha" "$$(wc -c < $(MERMAID_JS))"; \
	echo "$$(pin sha256)  $(MERMAID_JS)" | sha256sum --check --quiet; \
	echo "$(MERMAID_JS): mermaid@$$version, sha256 $$sha"

## Refresh the README's screenshot of the site from the browser test.
screenshot: $(STAMP)
	UPDATE_SCREENSHOT=1 NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest -q tests/site/test_site_palette.py -k readme_screenshot
