# SAR Desk: two commands for a newcomer.
#   make demo   install into .venv, migrate SQLite under ./var, load demo data, serve web + worker
#               (SAR_ENV=demo: the only mode, besides the tests, allowed to run on the published demo secret key)
#   make test   install, then ruff, lint-imports, alembic check and pytest (SQLite, then PostgreSQL if it answers)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
export TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS :=
export HF_HUB_OFFLINE := 1

.PHONY: install system-deps demo test lint test-sqlite test-postgres bench clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Debian's chromium + chromedriver for the browser tests; tesseract for OCR of scanned pages;
# postgresql-client (pg_dump/pg_restore/psql) for `sar backup`/`sar restore` and deploy/postgres-roles.sql;
# LibreOffice (headless, no GUI) to convert Word, OpenDocument, RTF and spreadsheets to PDF (issue 17).
# Installed only when missing, so a prepared machine does not touch apt.
system-deps:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v tesseract >/dev/null \
	    || ! command -v pg_dump >/dev/null || ! command -v pg_restore >/dev/null || ! command -v psql >/dev/null \
	    || ! command -v soffice >/dev/null || [ ! -e /usr/lib/libreoffice/program/libsclo.so ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver tesseract-ocr tesseract-ocr-eng \
	    postgresql-client libreoffice-writer-nogui libreoffice-calc-nogui >/dev/null; \
	fi

DEMO_DB ?= sqlite:///$(CURDIR)/var/sar.db
DEMO_SMTP_PORT ?= 1025

# The demo's e-mails go to a local SMTP sink that files them under var/demo-mail (a Maildir),
# unless SAR_SMTP_HOST points at a real relay.
demo: install
	mkdir -p var/demo-mail/tmp var/demo-mail/new var/demo-mail/cur
	SAR_ENV=$${SAR_ENV:-demo} SAR_DATABASE_URL=$${SAR_DATABASE_URL:-$(DEMO_DB)} $(BIN)/sar db upgrade
	SAR_ENV=$${SAR_ENV:-demo} SAR_DATABASE_URL=$${SAR_DATABASE_URL:-$(DEMO_DB)} SAR_BASE_URL=$${SAR_BASE_URL:-http://$(HOST):$(PORT)} $(BIN)/sar demo
	@SINK=""; \
	if [ -z "$$SAR_SMTP_HOST" ]; then \
	  $(BIN)/python -m aiosmtpd -n -l 127.0.0.1:$(DEMO_SMTP_PORT) -c aiosmtpd.handlers.Mailbox var/demo-mail & SINK=$$!; \
	  echo "Demo e-mails are delivered to var/demo-mail/new (SMTP sink on 127.0.0.1:$(DEMO_SMTP_PORT))"; \
	fi; \
	trap '[ -n "$$SINK" ] && kill $$SINK 2>/dev/null' EXIT INT TERM; \
	SAR_ENV=$${SAR_ENV:-demo} SAR_DATABASE_URL=$${SAR_DATABASE_URL:-$(DEMO_DB)} SAR_SMTP_PORT=$${SAR_SMTP_PORT:-$(DEMO_SMTP_PORT)} \
	  SAR_BASE_URL=$${SAR_BASE_URL:-http://$(HOST):$(PORT)} \
	  $(BIN)/sar serve --host $(HOST) --port $(PORT) --with-worker

lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports

test: install system-deps lint
	$(MAKE) --no-print-directory test-sqlite
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('host=127.0.0.1 port=5432 user=postgres dbname=test', connect_timeout=3).close()" 2>/dev/null; then \
	  $(MAKE) --no-print-directory test-postgres; \
	else echo "PostgreSQL at 127.0.0.1:5432 did not answer: suite ran on SQLite only"; fi

test-sqlite: install
	@echo "== pytest on SQLite"
	unset DATABASE_URL; $(BIN)/python -m pytest -p no:cacheprovider $(PYTEST_ARGS)

test-postgres: install
	@echo "== pytest on PostgreSQL"
	DATABASE_URL=$(PG_URL) $(BIN)/python -m pytest -p no:cacheprovider -m "not browser" $(PYTEST_ARGS)

bench: install
	$(BIN)/python bench/redaction_quality.py
	$(BIN)/python bench/redaction_speed.py
	$(BIN)/python bench/conversion_speed.py

clean:
	rm -rf $(VENV) var .pytest_cache
