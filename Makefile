# stbrief: `make brief` and `make test` do everything on a fresh machine.
.DEFAULT_GOAL := help
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SEEDS  ?= seeds

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(PY):
	python3 -m venv $(VENV)

$(STAMP): $(PY) pyproject.toml constraints.txt
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## create .venv and install the pinned dependencies

brief: $(STAMP) ## build the briefs of briefs.toml into reports/ (skips unchanged ones)
	$(VENV)/bin/stbrief docs --seeds $(SEEDS) --out reports/data/documents.csv
	$(VENV)/bin/stbrief build --seeds $(SEEDS)

test: $(STAMP) ## lint, then run the test suite
	$(VENV)/bin/ruff check analysis tests bench tools
	$(VENV)/bin/ruff format --check analysis tests bench tools
	$(VENV)/bin/pytest -q

lint: $(STAMP) ## ruff check and format check
	$(VENV)/bin/ruff check analysis tests bench tools
	$(VENV)/bin/ruff format --check analysis tests bench tools

format: $(STAMP) ## apply ruff formatting and fixes
	$(VENV)/bin/ruff check --fix analysis tests bench tools
	$(VENV)/bin/ruff format analysis tests bench tools

# JupyterLab runs from a venv of its own; its default kernel "stbrief" runs .venv's Python
LAB    ?= .venv-lab
$(LAB)/.installed: $(STAMP) constraints.txt
	python3 -m venv $(LAB)
	$(LAB)/bin/python -m pip install -q --upgrade pip
	$(LAB)/bin/python -m pip install -q -c constraints.txt jupyterlab
	touch $@

lab-kernel: ## install the kernel "stbrief (.venv)" (runs .venv's Python) into $(LAB)
	$(PY) -m ipykernel install --prefix $(LAB) --name stbrief --display-name "stbrief (.venv)" >/dev/null

# As root (containers, CI) JupyterLab refuses to start without --allow-root: given, and said.
ROOT_FLAG = $(if $(filter 0,$(shell id -u)),--allow-root)
lab: $(LAB)/.installed lab-kernel ## JupyterLab on notebooks/, default kernel "stbrief (.venv)"
	@$(if $(ROOT_FLAG),echo "make lab: running as root; JupyterLab starts with --allow-root")
	$(LAB)/bin/jupyter lab --notebook-dir=notebooks \
	  --MappingKernelManager.default_kernel_name=stbrief $(ROOT_FLAG)

bench: $(STAMP) ## measure build time, rebuild, CLI start, extraction throughput; writes reports/bench.json
	$(PY) bench/bench.py

eval: $(STAMP) ## score titles, dates and figures on tests/corpus (VERBOSE=1: the misses)
	$(PY) -m analysis.evaluate tests/corpus $(if $(VERBOSE),--verbose)

clean: ## remove generated reports (keeps .venv and .venv-lab)
	rm -rf reports/*.html reports/*.pdf reports/figures reports/data reports/failed reports/editions reports/manifest.json reports/.cache
	@# a store elsewhere ($$STBRIEF_CACHE): only the files stbrief writes there
	@if [ -n "$$STBRIEF_CACHE" ]; then cd "$$STBRIEF_CACHE" 2>/dev/null && rm -f documents.sqlite documents.sqlite-wal documents.sqlite-shm documents.sqlite.bad-* fill.lock last-read.json; true; fi

.PHONY: help install brief test lint format lab lab-kernel bench eval clean
