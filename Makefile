# Two commands set everything up on a machine that has only python3.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed
BIN := $(VENV)/bin

.PHONY: run test venv clean eval bench bench-large

venv: $(STAMP)

# Rebuilt whenever the lock file or the project metadata changes.
$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.lock
	@$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/newsfacts run

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV)

# Extraction accuracy on the shared corpus (needs ../shared/corpus) and on our own gold set.
eval: $(STAMP)
	$(BIN)/newsfacts eval --gold ../shared/corpus/seed --gold ../shared/corpus/dev
	$(BIN)/newsfacts eval --gold tests/fixtures/gold
	$(BIN)/newsfacts eval --gold tests/fixtures/blind
	$(BIN)/newsfacts eval --gold tests/fixtures/blind3
	$(BIN)/newsfacts eval --gold tests/fixtures/blind5
	$(BIN)/newsfacts eval --gold tests/fixtures/blind6
	$(BIN)/newsfacts eval --gold tests/fixtures/blind7
	$(BIN)/newsfacts eval --gold tests/fixtures/blind9
	$(BIN)/newsfacts eval --gold tests/fixtures/blind11
	$(BIN)/newsfacts eval --gold tests/fixtures/blind12
	$(BIN)/newsfacts eval --gold tests/fixtures/blind14
	$(BIN)/newsfacts eval --gold tests/fixtures/blind15
	$(BIN)/newsfacts eval --gold tests/fixtures/blind2
	$(BIN)/newsfacts eval --gold tests/fixtures/blind4
	$(BIN)/newsfacts eval --gold tests/fixtures/blind8
	$(BIN)/newsfacts eval --gold tests/fixtures/blind10
	$(BIN)/newsfacts eval --gold tests/fixtures/blind13

# Benchmarks (figures to stdout and warehouse/bench.json); not part of the tests.
bench: $(STAMP)
	$(BIN)/python bench/bench.py --sizes 1000 10000

bench-large: $(STAMP)
	$(BIN)/python bench/bench.py --sizes 1000 100000 --out warehouse/bench-large.json
