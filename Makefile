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

.PHONY: help run test lint check-deploy pytest bench install chromium clean messages collect-messages

help:
	@echo "make run    start the app with demo data (web, Celery worker, beat) on http://localhost:8000/"
	@echo "make test   lint, migration and deploy checks, and every test (browser tests included)"

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

# Debian's Chromium for the browser tests; no test tool downloads a browser.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check-deploy: $(STAMP)
	DJANGO_DEBUG=true $(PY) manage.py makemigrations --check --dry-run
	DJANGO_DEBUG=false DJANGO_ALLOWED_HOSTS=outreach.example.org \
	DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))') \
	$(PY) manage.py check --deploy --fail-level WARNING

# Collect the user-visible strings again so the translation test sees any that are new (needs gettext).
collect-messages: $(STAMP)
	@command -v xgettext >/dev/null 2>&1 || { \
		echo "Installing Debian's gettext to collect translatable strings"; \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq gettext >/dev/null; }
	@DJANGO_DEBUG=true $(PY) manage.py makemessages -l es --no-location --ignore=.venv --ignore=staticfiles --ignore='*/migrations/*' >/dev/null
	@# Only the creation date changed: keep the committed file as it was.
	@if git diff --numstat -- locale/es/LC_MESSAGES/django.po 2>/dev/null | grep -q '^1[[:space:]]1[[:space:]]'; then \
		git checkout -- locale/es/LC_MESSAGES/django.po; fi

pytest: $(STAMP) chromium collect-messages
	$(PY) scripts/devstack.py pytest $(PYTEST_ARGS)

test: lint check-deploy pytest

bench: $(STAMP)
	@ls bench/*.py >/dev/null 2>&1 && for b in bench/*.py; do $(PY) $$b; done || echo "No benchmarks yet."

clean:
	rm -rf $(VENV) staticfiles .pytest_cache test-results

# After changing user-visible text: collect it into locale/es, translate, then compile (needs gettext).
messages: $(STAMP)
	DJANGO_DEBUG=true $(PY) manage.py makemessages -l es --no-location --ignore=.venv --ignore=staticfiles --ignore='*/migrations/*'
	DJANGO_DEBUG=true $(PY) manage.py compilemessages -l es --ignore=.venv
