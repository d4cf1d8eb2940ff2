# wenji: `make run` serves, `make test` checks everything. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export HOST PORT

.DEFAULT_GOAL := help
.PHONY: help run test lint format bench loadtest replicas docker clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Stamp files: reinstall only when the pinned requirements change.
$(VENV)/.runtime: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime  ## set up and serve on $HOST:$PORT (127.0.0.1:8000)
	$(BIN)/gunicorn -c gunicorn.conf.py 'service.app:create_app()'

test: $(VENV)/.dev  ## set up, lint, and run every test
	$(BIN)/ruff check service tests bench tools
	$(BIN)/ruff format --check service tests bench tools
	$(BIN)/python -m pytest

lint: $(VENV)/.dev  ## ruff only
	$(BIN)/ruff check service tests bench tools
	$(BIN)/ruff format --check service tests bench tools

format: $(VENV)/.dev  ## apply ruff's fixes and formatting
	$(BIN)/ruff check --fix service tests bench tools
	$(BIN)/ruff format service tests bench tools

bench: $(VENV)/.dev  ## set up, then print speed against the naive reference: in-process, HTTP, start-up, memory (~2 min)
	$(BIN)/python -m bench.run

# Debian's nginx, for the replica test; installed here when missing, as CI machines start bare.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
NGINX := $(shell command -v nginx || command -v /usr/sbin/nginx)

replicas: $(VENV)/.dev  ## 3 replicas behind nginx: requests/s with 1-3, then one SIGKILLed (~90 s)
ifeq ($(NGINX),)
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq --no-install-recommends nginx-light
endif
	timeout 300 $(BIN)/python -m pytest -p no:cacheprovider -s -m replicas bench/test_replicas.py

loadtest: $(VENV)/.dev  ## overload and faults on a real gunicorn (~3 min; not part of make test)
	$(BIN)/python -m bench.loadtest

docker:  ## build the image (needs a Docker engine)
	docker build -t wenji .

clean:  ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache
