# The secretary's commands. Each creates the virtual environment on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARGS ?=
# FORCE=1 seals a new version of a signed protocol whose inputs changed, keeping the old one (§15):
# make protocol FORCE=1 ARGS=2026-01
FORCE ?=
SHTAB := $(BIN)/python -m pipeline $(if $(FORCE),--force)

.PHONY: check agenda protocol composition plan all watch test templates clean register annual-report pdf bench messages review fuzz golden verify stress

$(BIN)/python: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(BIN)/python

check: $(BIN)/python
	$(SHTAB) check $(ARGS)

agenda: $(BIN)/python
	$(SHTAB) agenda $(ARGS)

protocol: $(BIN)/python
	$(SHTAB) protocol $(ARGS)

composition: $(BIN)/python
	$(SHTAB) composition $(ARGS)

plan: $(BIN)/python
	$(SHTAB) plan $(ARGS)

# the control register of assignments (§24) and the annual report (§29); e.g. ARGS="2026 --as-of 2026-10-01"
register: $(BIN)/python
	$(SHTAB) register $(ARGS)

annual-report: $(BIN)/python
	$(SHTAB) annual-report $(ARGS)

all: $(BIN)/python
	$(SHTAB) all $(ARGS)

# after each save under inputs/ or templates_docx/: check again, rewrite what changed (Ctrl-C stops)
watch: $(BIN)/python
	$(SHTAB) watch $(ARGS)

# ruff first (lint and import sorting, zero findings: [tool.ruff] in pyproject.toml), then the tests
test: $(BIN)/python
	$(BIN)/ruff check --quiet .
	$(BIN)/python -m pytest $(ARGS)

# fuzzing with fresh random examples (make test runs the same 60 every time); EXAMPLES=10000 hunts longer
EXAMPLES ?= 2000
fuzz: $(BIN)/python
	SHTAB_FUZZ_EXAMPLES=$(EXAMPLES) $(BIN)/python -m pytest -p no:cacheprovider tests/test_fuzz.py tests/test_fastyaml.py $(ARGS)

# the checksums of the sample documents (tests/golden.sha256): only after a deliberate change of a document
golden: $(BIN)/python
	$(BIN)/python tools/golden.py

templates: $(BIN)/python
	$(BIN)/python tools/build_templates.py $(ARGS)

# PDFs beside the DOCX (LibreOffice, one batch) and the benchmark (results stay out of git).
pdf: $(BIN)/python
	$(SHTAB) pdf $(ARGS)

bench: $(BIN)/python
	$(BIN)/python tools/bench.py $(ARGS)

# For a native speaker: every document of the year side by side, kk | ru, one PDF per kind (outputs/review/)
review: $(BIN)/python
	$(BIN)/python tools/review.py $(ARGS)

# outputs/ only: the sealed records in records/ are kept (and committed), never cleaned (§24)
clean:
	rm -rf outputs

# the sealed records against records/SHA256SUMS and their inputs (§15, §24); CI runs it on the sample records
verify: $(BIN)/python
	$(SHTAB) verify $(ARGS)

# kill -9 at 200 random moments of runs that seal and write: no torn document, SHA256SUMS consistent
stress: $(BIN)/python
	SHTAB_KILLS=$${SHTAB_KILLS:-200} $(BIN)/python -m pytest tests/test_records_kill.py -q $(ARGS)

# ---------------------------------------------------------------- the secretary's tools (issue 7)
.PHONY: new-meeting new-plan schema check-templates serve screenshots

new-meeting: $(BIN)/python
	$(SHTAB) new-meeting $(ARGS)

new-plan: $(BIN)/python
	$(SHTAB) new-plan $(ARGS)

schema: $(BIN)/python
	$(SHTAB) schema $(ARGS)

check-templates: $(BIN)/python
	$(SHTAB) templates $(ARGS)

# ---------------------------------------------------------------- the message catalogue (README "Adding a message")
# Babel extracts every _("...") of pipeline/ and Click's own texts, updates pipeline/locale/{kk,ru}/LC_MESSAGES/shtab.po
# (new entries have an empty msgstr; translate them in any PO editor), and compiles the .mo the program reads.
CLICK_DIR = $$($(BIN)/python -c 'import click, os; print(os.path.dirname(click.__file__))')
messages: $(BIN)/python
	@mkdir -p build
	@$(BIN)/pybabel -q extract -F babel.cfg --no-location --sort-output --no-wrap -c TRANSLATORS: --project=shtab \
		-o build/shtab.pot pipeline "$(CLICK_DIR)"
	@$(BIN)/pybabel -q update -i build/shtab.pot -d pipeline/locale -D shtab --no-wrap --ignore-obsolete \
		--ignore-pot-creation-date
	@$(BIN)/pybabel -q compile -d pipeline/locale -D shtab

# the workspace in the browser (issue 17): prints the start link first and opens it; ARGS="--port 8800 --no-browser"
serve: $(BIN)/python
	$(SHTAB) serve $(ARGS)

# the pictures of README and the guides, taken by the browser journeys (tests/test_web_browser.py)
screenshots: $(BIN)/python
	SHTAB_SCREENSHOTS=docs/img $(BIN)/python -m pytest tests/test_web_browser.py -q

# ---------------------------------------------------------------- between meetings (issue 10)
.PHONY: notice extracts reminders status

# the notice of a meeting (§22): make notice ARGS=2026-05
notice: $(BIN)/python
	$(SHTAB) notice $(ARGS)

# extracts from a signed protocol for each responsible body (§23): make extracts ARGS=2026-04
extracts: $(BIN)/python
	$(SHTAB) extracts $(ARGS)

# reminders to the bodies with assignments due within DAYS of the date (§24, §27.1):
# make reminders ARGS="--as-of 2026-11-27 --within 14"
reminders: $(BIN)/python
	$(SHTAB) reminders $(ARGS)

# the execution of every assignment: a table here and the справка for the head (§24, §28)
status: $(BIN)/python
	$(SHTAB) status $(ARGS)
