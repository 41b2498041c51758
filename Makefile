# Two entry points a new user needs: `make run` and `make test`. Both set up on a fresh machine.
VENV   ?= .venv
PYTHON ?= python3
BIN    := $(VENV)/bin

.PHONY: run test setup system lint clean

run: setup
	$(BIN)/kg build seeds/ -o output/

test: setup
	$(BIN)/ruff check kg tests benchmarks
	$(BIN)/ruff format --check kg tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

setup: $(VENV)/.installed system

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# Frog (Dutch NLP) and Chromium (browser tests) come from Debian. Installed when we are root;
# otherwise the command is printed.
system:
	@bash scripts/install-system.sh

clean:
	rm -rf $(VENV) output/graph.* output/.kg-cache
