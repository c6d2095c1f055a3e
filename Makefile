# The two commands a new user types are `make run` and `make test`; both bootstrap .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench lint score clean assets learned

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/trigger serve

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Every benchmark runs even when an earlier one misses a target; the exit status says if any did.
bench: $(STAMP)
	status=0; \
	$(BIN)/python -m tests.bench || status=1; \
	$(BIN)/python -m tests.bench_console || status=1; \
	$(BIN)/python -m tests.bench_bot || status=1; \
	exit $$status

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

score: $(STAMP)
	$(PYTHON) ../shared/eval/score.py --cmd $(BIN)/trigger --details

# Learned textcats (trained here, fixed seed, a few minutes of CPU) against the rules on the
# first-contact corpora (issue 7, deliver 6): per candidate, then end to end through score.py.
learned: $(STAMP)
	$(BIN)/python -m tests.learned_incidents
	$(BIN)/python -m tests.learned_veto

clean:
	rm -rf $(VENV) build *.egg-info

# The console's compiled govuk-frontend and MoJ frontend assets, from the npm registry (needs
# Node's npm; `make run` does not: the results are committed under console/static/).
assets:
	$(PYTHON) scripts/console_assets.py
