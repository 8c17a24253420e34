# Community Outreach Manager. `make run` starts the app with demo data; `make test` runs every check and test.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The first interpreter found that is Python 3.12 or newer (Django 6 needs it).
PYTHON ?= $(shell for p in python3.13 python3.12 python3 python; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
	command -v $$p; break; fi; done)

.PHONY: vnu wrk help run demo-code test lint migrations-check check-deploy messages-check security pytest bench install chromium gettext clean messages

# The two set-up commands first (the README's), then every other target.
help:
	@echo "make run               start the app with demo data (web, Celery worker, beat) on http://localhost:8000/"
	@echo "make demo-code         print the demo users' two-factor code of this moment"
	@echo "make test              every check and test below, then pytest (browser tests included); rewrites no tracked file"
	@echo "make lint              ruff check and ruff format --check"
	@echo "make migrations-check  fail when a model change has no migration"
	@echo "make messages-check    fail with the diff when locale/es is not current (checked in a temporary copy)"
	@echo "make check-deploy      Django's deploy check with production settings"
	@echo "make security          bandit (no medium or high issue) and pip-audit of the pinned packages"
	@echo "make messages          collect new strings into locale/es and compile it (rewrites locale/; translate, then commit)"
	@echo "make bench             measure the app at scale in one run (BENCH_ARGS='--database NAME --allow-small' to develop)"
	@echo "make clean             remove .venv, staticfiles and test output"

$(STAMP): requirements.txt requirements-dev.txt
	@if [ -z "$(PYTHON)" ]; then \
		echo "Python 3.12 or newer is required (Django 6). Install it, e.g. 'pyenv install 3.13' or 'apt-get install python3.13 python3.13-venv', then run make again."; \
		exit 1; fi
	@if [ -x $(PY) ] && ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
		echo "Recreating $(VENV): it was made with a Python older than 3.12."; rm -rf $(VENV); fi
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(PY) scripts/devstack.py run

demo-code: $(STAMP)
	@DJANGO_DEBUG=true $(PY) manage.py demo_code

# Debian's Chromium for the browser tests; no test tool downloads a browser.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# The Nu HTML checker (vnu-jar from npm) and Java to run it: the browser tests validate served pages.
VNU_VERSION := 26.9.27
VNU_JAR := $(VENV)/vnu/node_modules/vnu-jar/build/dist/vnu.jar
vnu: $(VNU_JAR)
$(VNU_JAR):
	@command -v java >/dev/null 2>&1 || { \
		echo "Installing Debian's Java runtime for the HTML checker"; \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq default-jre-headless >/dev/null; }
	@command -v npm >/dev/null 2>&1 || { \
		echo "Installing Debian's npm to fetch the HTML checker"; \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm >/dev/null; }
	npm install --silent --no-audit --no-fund --prefix $(VENV)/vnu vnu-jar@$(VNU_VERSION)

# Debian's wrk, the HTTP load generator of the benchmarks.
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
		echo "Installing Debian's wrk for the benchmarks"; \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk >/dev/null; }

# Debian's gettext (xgettext, msgmerge, msgfmt) for the translation catalog.
gettext:
	@command -v xgettext >/dev/null 2>&1 && command -v msgfmt >/dev/null 2>&1 || { \
		echo "Installing Debian's gettext for the translation catalog"; \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq gettext >/dev/null; }

# Ruff: lint rules and formatting; changes nothing.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Every model change has its migration: fails (writing nothing) when makemigrations would create one.
migrations-check: $(STAMP)
	DJANGO_DEBUG=true $(PY) manage.py makemigrations --check --dry-run

# Django's deploy check with production settings and a throw-away secret key: no warning allowed.
check-deploy: $(STAMP)
	DJANGO_DEBUG=false DJANGO_ALLOWED_HOSTS=outreach.example.org \
	DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))') \
	$(PY) manage.py check --deploy --fail-level WARNING

# The committed locale/es is current: strings collected again and django.po compiled again in a
# temporary copy of the source tree (nothing written here); fails with the diff and what to do.
messages-check: $(STAMP) gettext
	scripts/check_messages.sh $(abspath $(PY))

# Every test, browser tests included, against PostgreSQL (and Redis when it answers).
pytest: $(STAMP) chromium $(VNU_JAR)
	$(PY) scripts/devstack.py pytest $(PYTEST_ARGS)

# Security linters: bandit finds no medium or high issue in the code; pip-audit no known
# vulnerability in the pinned packages (or says it could not reach its database).
security: $(STAMP)
	$(VENV)/bin/bandit -q -r outreach programs surveys reports bench -ll -x '*/tests/*,*/migrations/*'
	$(PY) scripts/audit_dependencies.py

# Every check, then every test; rewrites no tracked file.
test: lint migrations-check check-deploy messages-check security pytest

# Performance at scale, in one run (bench/README.md): on the database `outreach` filled by
# `seed_demo --scale large`; BENCH_ARGS passes options (--database NAME, --allow-small, --items 1,3).
bench: $(STAMP) wrk
	$(PY) -m bench.run $(BENCH_ARGS)

# Remove the venv, collected static files and test output.
clean:
	rm -rf $(VENV) staticfiles .pytest_cache test-results

# After changing user-visible text: collect it into locale/es, translate, then compile (needs gettext).
messages: $(STAMP) gettext
	DJANGO_DEBUG=true $(PY) manage.py makemessages -l es --no-location --ignore=.venv --ignore=staticfiles --ignore='*/migrations/*'
	DJANGO_DEBUG=true $(PY) manage.py compilemessages -l es --ignore=.venv
