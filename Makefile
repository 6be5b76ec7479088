# The two commands a newcomer needs: `make run` and `make test`.
# Both create .venv with a Python >= 3.12 found on this machine and install the locked development
# dependencies (requirements/dev.txt). Production installs requirements/prod.txt: `make install-prod`.
# After editing requirements/*.in: `make lock` (docs/deployment.md, "Upgrading dependencies").

SHELL := /bin/bash
VENV := .venv
VPY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-dev
PROD_STAMP := $(VENV)/.installed-prod
# How pip installs a lock: every file checked against the lock's hashes; production takes wheels only.
PIP_INSTALL := $(VPY) -m pip install --quiet --disable-pip-version-check --require-virtualenv --require-hashes
# The locks: for Python 3.12 and newer on any platform (the server, a developer's laptop, the image).
LOCK := $(VPY) -m uv pip compile --quiet --universal --python-version 3.12 --generate-hashes \
	--custom-compile-command "make lock"

# First interpreter >= 3.12 among: $PYTHON, python3.13, python3.12, python3, pyenv installs.
PYTEST_ARGS ?= -n 2 -q

PYTHON_FOUND := $(shell for c in "$$PYTHON" python3.13 python3.12 python3 \
	$$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	  [ -n "$$c" ] || continue; \
	  command -v "$$c" >/dev/null 2>&1 || continue; \
	  "$$c" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1 && { command -v "$$c"; break; }; \
	done)

.PHONY: run test install install-prod lock lock-upgrade lint format messages mutants bench-pages check-python venv clean

check-python:
	@if [ -z "$(PYTHON_FOUND)" ]; then \
	  echo "ERROR: this project needs Python 3.12 or newer (3.13 preferred)."; \
	  echo "Install it (e.g. 'apt-get install python3.13' or 'pyenv install 3.13') or set PYTHON=/path/to/python3.13."; \
	  exit 1; fi

venv: | check-python
	@if [ ! -x "$(VPY)" ] || ! "$(VPY)" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)'; then \
	  rm -rf $(VENV); echo "Creating $(VENV) with $(PYTHON_FOUND)"; "$(PYTHON_FOUND)" -m venv $(VENV); fi
	$(VPY) -m pip install --quiet --disable-pip-version-check --upgrade "pip==26.3"

$(STAMP): requirements/dev.txt
	@$(MAKE) --no-print-directory venv
	$(PIP_INSTALL) -r requirements/dev.txt
	@rm -f $(PROD_STAMP); touch $(STAMP)

# Development and CI: the application, the test tools and the lock tool.
install: $(STAMP)
	DJANGO_DEBUG=true $(VPY) manage.py compilemessages --ignore=.venv -v 0

$(PROD_STAMP): requirements/prod.txt
	@if [ -e $(STAMP) ]; then echo "ERROR: $(VENV) holds the development tools; remove it first (rm -rf $(VENV))."; exit 1; fi
	@$(MAKE) --no-print-directory venv
	$(PIP_INSTALL) --only-binary=:all: -r requirements/prod.txt
	@touch $(PROD_STAMP)

# Production: only what the portal runs, prebuilt wheels only (no compiler on the server), every file
# checked against the lock's hashes.
install-prod: $(PROD_STAMP)
	DJANGO_DEBUG=true $(VPY) manage.py compilemessages --ignore=.venv -v 0

# Re-resolve both locks after an edit of requirements/*.in, keeping every version that still fits.
lock: $(STAMP)
	$(LOCK) requirements/prod.in -o requirements/prod.txt
	$(LOCK) requirements/dev.in -o requirements/dev.txt

# The newest versions of everything (or of one package: make lock-upgrade PACKAGE=django).
lock-upgrade: $(STAMP)
	$(LOCK) $(if $(PACKAGE),--upgrade-package $(PACKAGE),--upgrade) requirements/prod.in -o requirements/prod.txt
	$(LOCK) $(if $(PACKAGE),--upgrade-package $(PACKAGE),--upgrade) requirements/dev.in -o requirements/dev.txt

# Where `make run` serves the portal; seed_demo prints its links (and the demo clerk's new password) for it.
RUN_ADDRESS ?= 127.0.0.1:8000

run: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(VPY) manage.py migrate --no-input -v 0
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(VPY) manage.py seed_demo --site-url http://$(RUN_ADDRESS)
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(VPY) manage.py runserver $(RUN_ADDRESS)

test: install
	$(VPY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VPY) -m ruff check .
	$(VPY) -m ruff format --check .

format: install
	$(VPY) -m ruff format .
	$(VPY) -m ruff check --fix .

messages: install
	DJANGO_DEBUG=true $(VPY) manage.py makemessages -l pl -l en --no-location --ignore=.venv --ignore=tests --ignore=bench --ignore=mutants
	DJANGO_DEBUG=true $(VPY) manage.py compilemessages --ignore=.venv --ignore=mutants

# Mutation testing of the modules that hold statutory rules (docs/testing.md), one module with
# `make mutants MODULE=core.deadlines`. Not part of CI. mutmut keeps its copy of the project and its results in
# mutants/; every mutant of the chosen modules is tested again on each run, with the tests that cover it.
MUTANT_MODULES := core.deadlines grants.deadlines grants.rules mass_events.deadlines institutions.deadlines \
	monitoring.deadlines patronage.deadlines
MUTANTS_JOBS ?= 1

mutants: install
	@mkdir -p mutants/var && rm -f mutants/var/mutants-tests.sqlite3
	$(VENV)/bin/mutmut run --max-children $(MUTANTS_JOBS) $(foreach m,$(or $(MODULE),$(MUTANT_MODULES)),'$(m).*')
	$(VPY) bench/mutants.py $(MODULE)

# Throughput of the public pages at volume on PostgreSQL under gunicorn, against a bare Django ceiling
# (bench/pages.py, docs/performance.md). Not part of CI; run it on an otherwise idle machine. A smoke run:
# `make bench-pages BENCH_ARGS="--scale 0.02 --rounds 1 --seconds 2"`.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal_bench
BENCH_ARGS ?=

bench-pages: install
	DATABASE_URL=$(BENCH_DATABASE_URL) $(VPY) bench/pages.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache mutants
