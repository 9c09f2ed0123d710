# The two commands a newcomer needs (see README): `make lab` and `make test`.
# Each creates .venv on first use and reinstalls when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: lab test bench clean

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

test: $(INSTALLED)  ## set up, then run the whole test suite (unit tests and notebooks)
	$(BIN)/python -m pytest

bench: $(INSTALLED)  ## set up, then run the benchmarks and print their table
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache
