# Everything a developer or user needs, from a fresh machine with Python 3.11.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ARGS   ?=


.PHONY: run test lint bench reliability package clean help

help:
	@echo "make run          set up .venv (first time) and start Self-Trust"
	@echo "make test         set up .venv with test tools, run ruff and the whole test suite headless"
	@echo "make bench        run the benchmarks and write docs/performance.md"
	@echo "make reliability  the full fault-and-abuse suite (long)"
	@echo "make package      build the one-folder app with PyInstaller and smoke-test it"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip "setuptools>=77" wheel

# The stamps re-install only when pyproject.toml changes.
$(VENV)/.installed-app: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed-app

run: $(VENV)/.installed-app
	$(BIN)/selftrust $(ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests

test: $(VENV)/.installed-test lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(ARGS)

# PyInstaller is a build tool, not a dependency of the app: installed only for this.
$(VENV)/.installed-package: | $(VENV)/.installed-app
	$(BIN)/python -m pip install --quiet "pyinstaller>=6.10,<7"
	touch $@

package: $(VENV)/.installed-app $(VENV)/.installed-package
	rm -rf dist/selftrust build/pyinstaller
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/selftrust.spec
	$(BIN)/python packaging/smoke_test.py dist/selftrust

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
