# Switchboard: the two set-up commands are `make site` and `make test`.
SWIFT ?= swift
NOW ?=
BUILD_FLAGS := $(if $(NOW),--now $(NOW),)

# Test-only Python packages live in the project's .venv/ (scripts/ensure-deps.sh, requirements-test.txt).
PYTHON := .venv/bin/python
FUZZ_SECONDS ?= 60

.PHONY: site test deps test-deps build release bench schemas clean screenshots fuzz sanitize

## Builds the generator and the bundled site into public/.
site: deps release
	.build/release/switchboard build $(BUILD_FLAGS)

## Runs every test: Swift unit, fixture and end-to-end tests, the JavaScript tests, the HTML
## validator and the accessibility checks in headless Chromium.
test: test-deps
	$(SWIFT) build
	$(SWIFT) test
	Tests/JavaScript/make-fixture.sh
	node --test Tests/JavaScript/
	PATH="$(CURDIR)/.venv/bin:$$PATH" Tests/Browser/validate_html.sh
	$(PYTHON) Tests/Browser/accessibility.py
	$(PYTHON) Tests/Browser/search_e2e.py

## The Swift tests under ThreadSanitizer (in .build-tsan/): rendering and indexing run in
## parallel, and cmark-gfm must be called under its lock. The end-to-end tests are left out:
## they run the switchboard binary in a process of its own, outside the sanitizer.
sanitize: deps
	$(SWIFT) test --scratch-path .build-tsan --sanitize=thread --skip SwitchboardEndToEndTests

## libFuzzer with AddressSanitizer on the content loader, the Markdown renderer and the search
## tokenizer, FUZZ_SECONDS (default 60) each; fails on any crash, leak or timeout.
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

deps:
	@scripts/ensure-deps.sh

test-deps:
	@scripts/ensure-deps.sh test

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## Figures for 1,000 and 10,000 generated pages (a benchmark, not a test).
bench: deps release
	bench/run.sh

## JSON Schemas for editors' YAML language server.
schemas: release
	.build/release/switchboard schema --output schemas

## Screenshots of every page type at 1280 and 375 pixels.
screenshots: site
	scripts/screenshots.sh

clean:
	rm -rf .build .build-fuzz .build-tsan public
