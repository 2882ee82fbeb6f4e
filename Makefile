# The README's two commands are `make run` and `make test`; everything else is a step of theirs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
PY     := $(VENV)/bin/python
KAM    := $(VENV)/bin/kam
PORT   ?= 8000
PYTEST := $(PY) -m pytest

.PHONY: run setup demo test infra unit integration e2e e2e-scaled browser lint format bench bench-faults clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip "setuptools<82" wheel
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

setup: $(VENV)/.installed

run: setup        ## set up and run the whole system on the embedded default, with demo data
	$(KAM) db upgrade
	$(KAM) demo
	$(KAM) dev --port $(PORT)

test: setup infra lint unit integration e2e browser   ## set up and pass every test

infra:
	scripts/ensure-infra

unit: setup
	$(PYTEST) tests/unit -q

integration: setup
	$(PYTEST) tests/integration -q

e2e: setup
	$(PYTEST) tests/e2e -q

e2e-scaled: setup   ## the e2e suite against two instances of every service and two relays (docs/OPERATIONS.md)
	KAM_E2E_INSTANCES=2 $(PYTEST) tests/e2e -q

browser: setup
	$(PYTEST) tests/browser -q

lint: setup
	$(VENV)/bin/ruff check kam gateway services tests bench
	scripts/lint-console

format: setup
	$(VENV)/bin/ruff format kam gateway services tests

bench: setup     ## every benchmark, one table (not part of make test; a quiet machine, please)
	$(PY) -m bench.run

bench-faults: setup  ## faults under load: 200 visits/s for 60 s with broker, relay and service faults
	$(PY) -m bench.faults_under_load --rate 200 --seconds 60

clean:
	rm -rf $(VENV) var build
