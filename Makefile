# Two commands: `make run` (set up, then check the shipped examples) and `make test`.
# Set-up needs only python3 (>= 3.11); everything else comes from PyPI into .venv. As root on
# Debian it also installs native Voikko (libvoikko1 + voikko-fi); without it the pure-pip
# backend (pyvoikko) is used.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup run test test-both test-native test-pure bench lint clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@sh hooks/setup-system.sh
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# Findings exit 1; that is the expected result on the examples, so only 2 (an error) fails.
run: setup
	@$(VENV)/bin/plainfinnish check examples/; status=$$?; [ $$status -le 1 ]

# The whole suite on both Voikko backends: native libvoikko (when installed) and pure-pip pyvoikko.
test: setup
	@sh hooks/setup-system.sh --test
	@echo "== the suite runs twice (native and pure-pip Voikko) and says at the end how long it took"
	@start=$$(date +%s); $(MAKE) --no-print-directory test-both; status=$$?; \
		took=$$(( $$(date +%s) - start )); echo "== make test took $$((took / 60)) min $$((took % 60)) s"; exit $$status

test-both:
	@if $(PY) -c "import sys; from plainfinnish.nlp.voikko import native_available as n; sys.exit(0 if n() else 1)"; then \
		echo "== tests on native libvoikko"; PLAINFINNISH_VOIKKO=native $(PY) -m pytest -q -p no:cacheprovider || exit 1; \
	else echo "== native libvoikko not installed; its tests are skipped"; fi
	@echo "== tests on pure-pip pyvoikko"; PLAINFINNISH_VOIKKO=pure $(PY) -m pytest -q -p no:cacheprovider

bench: setup
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
