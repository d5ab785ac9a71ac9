# The two commands of the README's Quick start, and what they stand on.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
ADMIN_USER := admin
ADMIN_PASSWORD := dangvu-demo

.PHONY: demo test test-wagtail bench venv messages clean system-packages

$(VENV)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

venv: $(VENV)/.installed

## Set everything up and serve the example portal at http://127.0.0.1:8000/ (DEBUG on:
## runserver serves the static files and media, and errors show their traceback)
demo: venv
	$(PY) manage.py migrate --no-input
	$(PY) manage.py dangvu_demo
	DJANGO_SUPERUSER_PASSWORD=$(ADMIN_PASSWORD) $(PY) manage.py createsuperuser \
		--no-input --username $(ADMIN_USER) --email admin@example.com 2>/dev/null || true
	@echo
	@echo "  Example portal: http://127.0.0.1:8000/"
	@echo "  Admin:          http://127.0.0.1:8000/admin/  (user: $(ADMIN_USER), password: $(ADMIN_PASSWORD))"
	@echo
	DJANGO_DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

## Run the whole test suite (SQLite; set DATABASE_URL for PostgreSQL)
test: venv system-packages
	$(PY) -m pytest

## Run the tests without the browser on an older Wagtail release series, in its own
## virtualenv (.venv-wagtail7.0 for WAGTAIL=7.0), after checking that this series sees no
## pending migrations of ours: make test-wagtail WAGTAIL=7.0
WAGTAIL ?= 7.0
test-wagtail: .venv-wagtail$(WAGTAIL)/.installed system-packages
	.venv-wagtail$(WAGTAIL)/bin/python manage.py makemigrations --check --dry-run \
		wagtail_dangvu wagtail_dangvu_ratings home
	.venv-wagtail$(WAGTAIL)/bin/python -m pytest -m "not browser" -rfEs

.venv-wagtail%/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv .venv-wagtail$*
	.venv-wagtail$*/bin/python -m pip install --quiet --upgrade pip
	.venv-wagtail$*/bin/python -m pip install --quiet -e ".[test]" "wagtail~=$*.0"
	touch $@

# Debian's gettext and Chromium (for the browser tests in tests/browser), installed when
# make runs as root. Otherwise the script says what to install, and the browser tests are
# skipped with that reason.
system-packages:
	@bash .ci/system-packages || echo "make test: going on; without Chromium the browser tests are skipped." >&2

## Benchmarks (not part of the test run); set DATABASE_URL and REDIS_URL for the real figures
bench: venv
	$(PY) -m pytest tests/bench -o addopts="" -p no:cacheprovider -s

## Refresh and compile the Vietnamese translations of both apps
messages: venv
	cd wagtail_dangvu && ../$(PY) ../manage.py makemessages -l vi --no-obsolete -i "ratings/*" -i "locale_vi/*" && ../$(PY) ../manage.py compilemessages -l vi
	cd wagtail_dangvu/ratings && ../../$(PY) ../../manage.py makemessages -l vi --no-obsolete && ../../$(PY) ../../manage.py compilemessages -l vi

clean:
	rm -rf build dist *.egg-info example_site/db.sqlite3
