# Lòng Dân — two commands do the set-up on a fresh machine:
#   make run    install, migrate, load the units and the Sóc Trăng demo, serve on http://127.0.0.1:8000
#   make test   install what the tests need, then lint, type-check and run the suite on SQLite and PostgreSQL
# `make help` lists the rest.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

VENV := .venv
BIN := $(VENV)/bin
# Touched after a successful install: pip runs again only when pyproject.toml is newer.
STAMP := $(VENV)/.installed
LONGDAN := $(BIN)/longdan
VENDOR := src/longdan/web/static/vendor
VENDOR_STAMP := $(VENDOR)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Extra pytest arguments, e.g. make test PYTEST_ARGS="-k scoping -x"
PYTEST_ARGS ?=
PYTEST := $(BIN)/pytest -p no:cacheprovider --output=test-artifacts/playwright $(PYTEST_ARGS)

# What report files need at run time: Pango for WeasyPrint (PDF), a serif with Vietnamese for the PDF.
REPORT_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 \
	fonts-noto-core:/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf
# Debian packages the tests need, as "package:file" (present when the file exists, however installed).
# PostgreSQL is asked for only when no server binaries are found.
TEST_PACKAGES := chromium:/usr/bin/chromium gettext:/usr/bin/msgfmt poppler-utils:/usr/bin/pdftotext \
	fonts-noto-core:/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf \
	$(if $(wildcard /usr/lib/postgresql/*/bin/initdb),,postgresql) $(REPORT_PACKAGES)

.PHONY: help install run messages lint format typecheck check test test-deps test-sqlite test-postgres clean

help:
	@echo "make run            install, migrate, load units and the demo, serve on http://$(HOST):$(PORT)"
	@echo "make test           install test needs, lint, type-check, checks, pytest on SQLite and PostgreSQL"
	@echo "make install        virtual environment $(VENV) with the project and its dev tools"
	@echo "make lint           ruff check and ruff format --check   (make format fixes the formatting)"
	@echo "make typecheck      mypy with django-stubs"
	@echo "make check          longdan check and makemigrations --check"
	@echo "make messages       compile the translations (.po → .mo)"
	@echo "make test-sqlite    only the pytest suite, on SQLite  (PYTEST_ARGS=… passes arguments)"
	@echo "make test-postgres  only the pytest suite, on a throwaway PostgreSQL"
	@echo "make clean          remove $(VENV), caches and test artefacts (keeps the database in var/)"

install: $(STAMP) $(VENDOR_STAMP)

# Leaflet and its cluster plugin for the household map, from the npm registry at install time,
# pinned in package.json / package-lock.json; their dist files are copied into a gitignored static dir.
$(VENDOR_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	rm -rf $(VENDOR)
	mkdir -p $(VENDOR)/leaflet $(VENDOR)/leaflet.markercluster
	cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css node_modules/leaflet/dist/images \
		$(VENDOR)/leaflet/
	cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
		node_modules/leaflet.markercluster/dist/MarkerCluster.css \
		node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css $(VENDOR)/leaflet.markercluster/
	@touch $@

$(STAMP): pyproject.toml
	@py=$$(scripts/find-python); \
	if [ ! -x $(BIN)/python ] || ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
		echo "Creating $(VENV) with $$py"; rm -rf $(VENV); "$$py" -m venv $(VENV); \
	fi
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	@touch $@

messages: $(STAMP)
	@if compgen -G "src/longdan/locale/*/LC_MESSAGES/*.po" >/dev/null \
		|| compgen -G "src/longdan/*/locale/*/LC_MESSAGES/*.po" >/dev/null; then \
		command -v msgfmt >/dev/null || scripts/ensure-debian-packages gettext; \
		cd src/longdan && ../../$(LONGDAN) compilemessages --verbosity 0; \
	fi

run: $(STAMP) $(VENDOR_STAMP) messages
	@scripts/ensure-debian-packages $(REPORT_PACKAGES)
	$(LONGDAN) migrate --noinput
	$(LONGDAN) load_units
	$(LONGDAN) demo  # also prints the demo logins
	@echo "Lòng Dân: http://$(HOST):$(PORT)/  (Ctrl-C stops it)"
	@# The task worker (report files) runs beside the server and stops with it.
	$(LONGDAN) db_worker --no-reload --interval 2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null || true' EXIT; trap 'exit 130' INT TERM; \
	$(LONGDAN) runserver $(HOST):$(PORT) --noreload

lint: $(STAMP)
	$(BIN)/ruff check
	$(BIN)/ruff format --check

format: $(STAMP)
	$(BIN)/ruff check --fix
	$(BIN)/ruff format

typecheck: $(STAMP)
	$(BIN)/mypy

check: $(STAMP)
	$(LONGDAN) check --fail-level WARNING
	$(LONGDAN) makemigrations --check --dry-run

test-deps:
	@scripts/ensure-debian-packages $(TEST_PACKAGES)

test-sqlite: $(STAMP) test-deps messages
	env -u DATABASE_URL $(PYTEST)

test-postgres: $(STAMP) test-deps messages
	scripts/with-postgres $(PYTEST)

# Cheap checks first, so a lint slip fails in seconds rather than after the suite.
test: $(STAMP) $(VENDOR_STAMP) test-deps messages
	@start=$$(date +%s); \
	$(MAKE) lint typecheck check; \
	echo "== pytest on SQLite"; t=$$(date +%s); \
	$(MAKE) test-sqlite; sqlite_s=$$(( $$(date +%s) - t )); \
	echo "== pytest on PostgreSQL"; t=$$(date +%s); \
	$(MAKE) test-postgres; pg_s=$$(( $$(date +%s) - t )); \
	echo "make test: all passed in $$(( $$(date +%s) - start )) s (pytest: SQLite $${sqlite_s} s, PostgreSQL $${pg_s} s)"

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
	find src tests -name __pycache__ -type d -prune -exec rm -rf {} +
