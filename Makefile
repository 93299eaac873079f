# The two commands a newcomer needs: `make run` and `make test`. Both set everything up first.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
# Python 3.12: on PATH, or under pyenv (whose python3.12 shim only answers when 3.12 is selected).
PYTHON := $(shell for p in python3.12 $$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.12*/bin/python3.12 2>/dev/null | sort -V | tail -n 1); do \
	$$p -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' 2>/dev/null && echo $$p && break; done)

.PHONY: run test browser clean

$(BIN)/kgbuild: pyproject.toml
	@test -n "$(PYTHON)" || { echo "kgbuild needs Python 3.12 (python3.12 not found)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

run: $(BIN)/kgbuild
	$(BIN)/kgbuild run seeds/ --out out/

# Debian's Chromium for the browser tests (Playwright's own browser download cannot work here).
browser:
	@if ! command -v chromium >/dev/null; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else echo "chromium not installed: the browser tests will be skipped (apt-get install chromium)"; fi; \
	fi

test: $(BIN)/kgbuild browser
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out .pytest_cache
