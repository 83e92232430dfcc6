# Switchboard: the two set-up commands are `make site` and `make test`.
SWIFT ?= swift
NOW ?=
BUILD_FLAGS := $(if $(NOW),--now $(NOW),)

# Test-only Python packages live in the project's .venv/ (scripts/ensure-deps.sh, requirements-test.txt).
PYTHON := .venv/bin/python
FUZZ_SECONDS ?= 60

.PHONY: site test deps test-deps build release bench schemas clean screenshots demo fuzz sanitize

## Builds the generator and the bundled site into public/.
site: deps release
	.build/release/switchboard build $(BUILD_FLAGS)

## Runs every test: Swift unit, fixture and end-to-end tests, the JavaScript tests, the HTML
## validator and the accessibility checks in headless Chromium.
test: test-deps
	$(SWIFT) build
	$(SWIFT) test
	$(PYTHON) Tests/Fidelity/fidelity.py
	Tests/JavaScript/make-fixture.sh
	node --test Tests/JavaScript/
	PATH="$(CURDIR)/.venv/bin:$$PATH" Tests/Browser/validate_html.sh
	$(PYTHON) Tests/Browser/accessibility.py
	$(PYTHON) Tests/Browser/search_e2e.py
	$(PYTHON) Tests/Browser/reader_e2e.py
	$(PYTHON) Tests/Browser/serve_e2e.py

## The Swift tests under ThreadSanitizer (in .build-tsan/): rendering and indexing run in
## parallel, and cmark-gfm must be called under its lock. The end-to-end tests are left out:
## they run the switchboard binary in a process of its own, outside the sanitizer.
## Reports go to files and are printed again at the end, so a race shows in the last lines
## of a CI log (which is often all that is kept), not thousands of lines above them.
sanitize: deps
	@rm -rf .build-tsan/reports && mkdir -p .build-tsan/reports
	@TSAN_OPTIONS="log_path=$(CURDIR)/.build-tsan/reports/tsan" \
	  $(SWIFT) test --scratch-path .build-tsan --sanitize=thread --skip SwitchboardEndToEndTests; \
	  status=$$?; \
	  if ls .build-tsan/reports/tsan* >/dev/null 2>&1; then \
	    cat .build-tsan/reports/tsan* | head -c 20000; echo "sanitize: ThreadSanitizer reported the races above"; exit 1; \
	  fi; \
	  exit $$status

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

## Clean, no-change and one-edit builds of 1,000, 10,000 and 30,000 generated pages beside Hugo (a benchmark, not a test).
bench: deps release
	bench/run.sh

## JSON Schemas for editors' YAML language server.
schemas: release
	.build/release/switchboard schema --output schemas

## The demo tree (content/ plus the invented examples in examples/demo/) built into public-demo/.
DEMO_NOW ?= 2026-11-26T12:00:00Z
demo: deps release
	scripts/demo-content.sh .build/demo-content >/dev/null
	.build/release/switchboard build --content .build/demo-content --output public-demo --now $(DEMO_NOW)

## Screenshots of every page type at 1280 and 375 pixels (the bundled site and the demo tree).
screenshots: site demo
	scripts/screenshots.sh

clean:
	rm -rf .build .build-fuzz .build-tsan public public-demo
