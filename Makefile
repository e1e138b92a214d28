# The secretary's commands, through the launcher ./shtab: it makes the environment .venv on first use (the
# program and what it needs, no test tools) and runs the program in it. The developer's targets (test, fuzz,
# bench, ...) add the test tools to the same environment (the `test` extra of pyproject.toml).
PYTHON ?= python3
export SHTAB_PYTHON ?= $(PYTHON)
VENV := .venv
BIN := $(VENV)/bin
ARGS ?=
# FORCE=1 seals a new version of a signed protocol whose inputs changed, keeping the old one (§15):
# make protocol FORCE=1 ARGS=2026-01 (or make protocol ARGS="2026-01 --force")
FORCE ?=
SHTAB := ./shtab $(if $(FORCE),--force)

# No echo of the commands: the program says what it does. A command that fails fails make the ordinary way
# (make adds its own "Error" line after the program's words, and exits 2).
.SILENT:
MAKEFLAGS += --no-print-directory
RUN = $(SHTAB) $(1) $(ARGS)

.PHONY: bundle setup check agenda protocol composition plan all watch test build-templates clean register annual-report region-report pdf bench messages review fuzz golden verify stress

# the secretary's install alone (the launcher's first run): the program and its dependencies, no test tools
setup:
	./shtab --help >/dev/null

# the test tools, once (and again after pyproject.toml changes): make test, fuzz, bench, review, golden, ...
$(VENV)/test-tools: pyproject.toml
	./shtab --help >/dev/null
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

check:
	$(call RUN,check)

agenda:
	$(call RUN,agenda)

protocol:
	$(call RUN,protocol)

composition:
	$(call RUN,composition)

plan:
	$(call RUN,plan)

# the control register of assignments (§24) and the annual report (§29); e.g. ARGS="2026 --as-of 2026-10-01"
register:
	$(call RUN,register)

annual-report:
	$(call RUN,annual-report)

# an oblast Штаб (level: oblast in body.yaml): the districts' packages of inputs/districts/<year>/ compared
region-report:
	$(call RUN,region-report)

all:
	$(call RUN,all)

# after each save under inputs/ or templates_docx/: check again, rewrite what changed (Ctrl-C stops)
watch:
	$(call RUN,watch)

# ruff first (lint and import sorting, zero findings: [tool.ruff] in pyproject.toml), then the tests
test: $(VENV)/test-tools
	$(BIN)/ruff check --quiet .
	$(BIN)/python -m pytest $(ARGS)

# fuzzing with fresh random examples (make test runs the same 60 every time); EXAMPLES=10000 hunts longer
EXAMPLES ?= 2000
fuzz: $(VENV)/test-tools
	SHTAB_FUZZ_EXAMPLES=$(EXAMPLES) $(BIN)/python -m pytest -p no:cacheprovider tests/load/test_fuzz.py tests/load/test_fastyaml.py $(ARGS)

# the Windows bundle for a PC with no internet: dist/shtab-<version>-windows.zip (tools/bundle.py: the project's
# wheel, a win_amd64 or pure wheel of every dependency for CPython 3.12, install.bat); needs the package index
bundle: $(VENV)/test-tools
	$(BIN)/python tools/bundle.py $(ARGS)

# the checksums of the sample documents (tests/golden.sha256): only after a deliberate change of a document
golden: $(VENV)/test-tools
	$(BIN)/python tools/golden.py

# the developer's: lay out templates_docx/*.docx from tools/build_templates.py (an existing template is kept
# unless ARGS="--force"; ARGS=protocol names one kind). The secretary's check of the templates is check-templates.
build-templates: $(VENV)/test-tools
	$(BIN)/python tools/build_templates.py $(ARGS)

# PDFs beside the DOCX (LibreOffice, one batch) and the benchmark (results stay out of git).
pdf:
	$(call RUN,pdf)

bench: $(VENV)/test-tools
	$(BIN)/python tools/bench.py $(ARGS)

# For a native speaker: every document of the year side by side, kk | ru, one PDF per kind (outputs/review/)
review: $(VENV)/test-tools
	$(BIN)/python tools/review.py $(ARGS)

# outputs/ only: the sealed records in records/ are kept (and committed), never cleaned (§24)
clean:
	rm -rf outputs

# the sealed records against records/SHA256SUMS and their inputs (§15, §24); CI runs it on the sample records
verify:
	$(call RUN,verify)

# the whole reliability suite (tests/reliability: make test runs its quick share) and kill -9 at 200 random moments
# of runs that seal and write: no torn document, SHA256SUMS consistent
stress: $(VENV)/test-tools
	SHTAB_STRESS=1 SHTAB_KILLS=$${SHTAB_KILLS:-200} $(BIN)/python -m pytest tests/reliability \
		tests/records/test_records_kill.py -q $(ARGS)

# ---------------------------------------------------------------- the secretary's tools
.PHONY: new-meeting new-plan schema check-templates serve screenshots

new-meeting:
	$(call RUN,new-meeting)

new-plan:
	$(call RUN,new-plan)

schema:
	$(call RUN,schema)

# the secretary's: check every Word template (tags, values, a sample render): `./shtab templates`
check-templates:
	$(call RUN,templates)

# ---------------------------------------------------------------- the message catalogue (docs/dev/recipes.md)
# Babel extracts every _("...") of pipeline/ and Click's own texts, updates pipeline/locale/{kk,ru}/LC_MESSAGES/shtab.po
# (new entries have an empty msgstr; translate them in any PO editor), and compiles the .mo the program reads.
CLICK_DIR = $$($(BIN)/python -c 'import click, os; print(os.path.dirname(click.__file__))')
messages: $(VENV)/test-tools
	@mkdir -p build
	@$(BIN)/pybabel -q extract -F babel.cfg --no-location --sort-output --no-wrap -c TRANSLATORS: --project=shtab \
		-o build/shtab.pot pipeline "$(CLICK_DIR)"
	@$(BIN)/pybabel -q update -i build/shtab.pot -d pipeline/locale -D shtab --no-wrap --ignore-obsolete \
		--ignore-pot-creation-date
	@$(BIN)/pybabel -q compile -d pipeline/locale -D shtab

# the workspace in the browser: prints the start link first and opens it; ARGS="--port 8800 --no-browser"
serve:
	$(call RUN,serve)

# the pictures of the guides (docs/user/img), taken by the browser journeys (tests/web/test_web_*browser*.py)
screenshots: $(VENV)/test-tools
	SHTAB_SCREENSHOTS=docs/user/img $(BIN)/python -m pytest tests/web/test_web_browser.py \
		tests/web/test_web_browser_meetings.py tests/web/test_web_year_pages_browser.py \
		tests/web/test_web_browser_kk.py -q

# ---------------------------------------------------------------- between meetings
.PHONY: notice extracts reminders status

# the notice of a meeting (§22): make notice ARGS=2026-05
notice:
	$(call RUN,notice)

# extracts from a signed protocol for each responsible body (§23): make extracts ARGS=2026-04
extracts:
	$(call RUN,extracts)

# reminders to the bodies with assignments due within DAYS of the date (§24, §27.1):
# make reminders ARGS="--as-of 2026-11-27 --within 14"
reminders:
	$(call RUN,reminders)

# the execution of every assignment: a table here and the справка for the head (§24, §28)
status:
	$(call RUN,status)
