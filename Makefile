# Everything a developer or user needs, from a fresh machine with Python 3.11.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ARGS   ?=


.PHONY: run test lint bench reliability package clean help messages

help:
	@echo "make run          set up .venv (first time) and start Self-Trust"
	@echo "make test         set up .venv with test tools, run ruff, mypy and the whole test suite headless"
	@echo "make bench        run the benchmarks and write docs/performance.md"
	@echo "make reliability  the full fault-and-abuse suite (long)"
	@echo "make package      build the one-folder app with PyInstaller and smoke-test it"
	@echo "make messages     extract the app's messages and update every translation (.po)"

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

# The translations: .po files are the sources; the install compiles them
# (packaging/build_backend.py), and a .po changed since is compiled again here.
PO_FILES := $(wildcard resources/locale/*/LC_MESSAGES/selftrust.po)
MO_FILES := $(PO_FILES:.po=.mo)
$(MO_FILES): %.mo: %.po | $(VENV)/.installed-app
	$(BIN)/python packaging/catalogues.py compile

messages: $(VENV)/.installed-app
	$(BIN)/python packaging/catalogues.py extract
	$(BIN)/python packaging/catalogues.py update

run: $(VENV)/.installed-app $(MO_FILES)
	$(BIN)/selftrust $(ARGS)

LINT = $(BIN)/ruff check src tests && $(BIN)/mypy
lint: $(VENV)/.installed-test
	$(LINT)

# The suite runs on every core (pytest-xdist; TEST_WORKERS=0 runs it in one process);
# workers steal tests from each other, so one slow file does not hold the end back.
# Lint first (what `make lint` runs), then the tests; the time of both is printed at the end.
TEST_WORKERS ?= auto
test: $(VENV)/.installed-test $(MO_FILES)
	@started=$$(date +%s); status=0; \
	$(LINT) && \
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist worksteal \
		$(ARGS) || status=$$?; \
	echo "make test: $$(( $$(date +%s) - started )) s (lint and tests)"; exit $$status

# Benchmarks: demo data cached in .bench-data/, every benchmark on 20 commitments x 10
# years, the growth and stress sizes, one table printed and written into
# docs/performance.md (tests/benchmarks/run_bench.py; ARGS="--sizes 20x1,20x20" etc.).
bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/run_bench.py $(ARGS)

# The fault-and-abuse suite at full strength (over 1,000 kills, thousands of action
# sequences); `make test` runs it quick. Figures go into docs/reliability.md.
RELIABILITY_FIGURES := .bench-data/reliability-figures.jsonl
reliability: $(VENV)/.installed-test
	mkdir -p .bench-data && rm -f $(RELIABILITY_FIGURES)
	QT_QPA_PLATFORM=offscreen SELFTRUST_RELIABILITY=full \
		SELFTRUST_RELIABILITY_FIGURES=$(CURDIR)/$(RELIABILITY_FIGURES) \
		$(BIN)/python -m pytest tests/reliability -q -p no:cacheprovider --timeout=7200 $(ARGS)
	$(BIN)/python tests/reliability/rel_summary.py $(RELIABILITY_FIGURES) \
		--write docs/reliability.md

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
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .bench-data
