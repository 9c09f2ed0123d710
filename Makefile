# The two commands a newcomer needs (see README): `make lab` and `make test`.
# Each creates .venv on first use and reinstalls when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: lab studio test lint bench clean chromium hub hub-install

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

# JupyterLab refuses to start as root unless told it may (containers, fresh cloud machines).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(INSTALLED)  ## set up, then start JupyterLab on the first notebook
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/00_start_here.ipynb

# The studio: the five widgets as a web app, one page per tool, no code on screen (Voila).
# For a workshop on a network: make studio STUDIO_IP=0.0.0.0
STUDIO_IP ?= 127.0.0.1
STUDIO_PORT ?= 8866
studio: $(INSTALLED)  ## set up, then serve the studio on http://$(STUDIO_IP):$(STUDIO_PORT)
	$(BIN)/voila studio --no-browser --Voila.ip=$(STUDIO_IP) --port=$(STUDIO_PORT)

test: $(INSTALLED) chromium lint hub-install  ## set up, then lint and run the whole test suite (unit tests, notebooks, browser test)
	$(BIN)/python -m pytest

lint: $(INSTALLED)  ## ruff on the package, the tests and the benchmarks (configured in pyproject.toml)
	$(BIN)/ruff check okrkit tests benchmarks

# tests/test_browser.py drives Debian's Chromium with Playwright (which never downloads a browser).
CHROMIUM := /usr/bin/chromium
chromium:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's chromium for the browser test (apt-get)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
		echo "make: the browser test (tests/test_browser.py) needs Debian's Chromium at $(CHROMIUM);"; \
		echo "make: it will be SKIPPED. Install it with: sudo apt-get update && sudo apt-get install -y chromium"; \
	fi

# The class hub (docs/deploy.md): JupyterHub from pyproject's `hub` extra, its proxy from npm into .hub/.
PROXY := .hub/node_modules/.bin/configurable-http-proxy
$(PROXY):
	npm install --prefix .hub --no-audit --no-fund --loglevel=error configurable-http-proxy@5

hub-install: $(INSTALLED) $(PROXY)

hub: hub-install  ## start the class hub (deploy/jupyterhub_config.py) on http://127.0.0.1:8000; stop it with Ctrl-C
	$(BIN)/jupyterhub -f deploy/jupyterhub_config.py

bench: $(INSTALLED) hub-install  ## set up, then run the benchmarks and print their table
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache
