# JDIH: `make run` serves the bundled corpus, `make test` runs the whole suite.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
JDIH_DATA ?= ./var
PORT   ?= 8080
export JDIH_DATA PORT

.PHONY: run test index serve bench clean setup

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

index: setup
	$(BIN)/jdih index corpus || echo "Sebagian berkas gagal diindeks (lihat pesan di atas); server tetap dijalankan."

run: index
	$(BIN)/jdih serve

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) var .pytest_cache
