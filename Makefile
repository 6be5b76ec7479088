# The two commands a newcomer needs: `make run` and `make test`.
# Both create .venv with a Python >= 3.12 found on this machine and install the locked dependencies.

SHELL := /bin/bash
VENV := .venv
VPY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# First interpreter >= 3.12 among: $PYTHON, python3.13, python3.12, python3, pyenv installs.
PYTEST_ARGS ?= -n 2 -q

PYTHON_FOUND := $(shell for c in "$$PYTHON" python3.13 python3.12 python3 \
	$$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	  [ -n "$$c" ] || continue; \
	  command -v "$$c" >/dev/null 2>&1 || continue; \
	  "$$c" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1 && { command -v "$$c"; break; }; \
	done)

.PHONY: run test install lint format messages check-python clean

check-python:
	@if [ -z "$(PYTHON_FOUND)" ]; then \
	  echo "ERROR: this project needs Python 3.12 or newer (3.13 preferred)."; \
	  echo "Install it (e.g. 'apt-get install python3.13' or 'pyenv install 3.13') or set PYTHON=/path/to/python3.13."; \
	  exit 1; fi

$(STAMP): requirements.lock | check-python
	@if [ ! -x "$(VPY)" ] || ! "$(VPY)" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)'; then \
	  rm -rf $(VENV); echo "Creating $(VENV) with $(PYTHON_FOUND)"; "$(PYTHON_FOUND)" -m venv $(VENV); fi
	$(VPY) -m pip install --quiet --disable-pip-version-check --upgrade "pip==26.3"
	$(VPY) -m pip install --quiet --disable-pip-version-check --require-virtualenv -r requirements.lock
	@touch $(STAMP)

install: $(STAMP)
	DJANGO_DEBUG=true $(VPY) manage.py compilemessages --ignore=.venv -v 0

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
	DJANGO_DEBUG=true $(VPY) manage.py makemessages -l pl -l en --no-location --ignore=.venv --ignore=tests --ignore=bench
	DJANGO_DEBUG=true $(VPY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) .pytest_cache
