# The two commands of the README's quick start, each doing its own set-up:
#   make demo   - run the whole audit on the bundled fictional family, offline
#   make test   - lint, type-check and run the whole test suite
# Only Python 3.11 and pip are assumed; uv is installed into .tools/ when missing.

SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.9
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
DEMO_OUT ?= demo-report
export UV_PYTHON_DOWNLOADS := never

.PHONY: demo test lint typecheck pytest bench env clean browser fuzz

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

.venv/.synced: uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

env: .venv/.synced

demo: env
	.venv/bin/footprint-audit demo --present --out $(DEMO_OUT)

lint: env
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

typecheck: env
	.venv/bin/mypy

# The HTML report is tested in a real browser. Debian's chromium is installed when missing
# and we may (root, as on CI); elsewhere those tests skip with a reason.
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's chromium for the browser tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "note: chromium not installed; browser tests will be skipped"; fi; \
	fi

pytest: env browser
	.venv/bin/pytest -n 2 --dist loadgroup

test: lint typecheck pytest

bench: env
	.venv/bin/python benchmarks/run_all.py

# The readers of untrusted input with thousands of random inputs each (make test runs 30).
fuzz: env
	FUZZ_EXAMPLES=3000 .venv/bin/pytest tests/test_fuzz.py -p no:randomly -q

clean:
	rm -rf .venv .tools $(DEMO_OUT) .pytest_cache .mypy_cache .ruff_cache
