# Switchboard: the two set-up commands are `make site` and `make test`.
SWIFT ?= swift
NOW ?=
BUILD_FLAGS := $(if $(NOW),--now $(NOW),)

# Test-only Python packages live in the project's .venv/ (scripts/ensure-deps.sh, requirements-test.txt).
PYTHON := .venv/bin/python
FUZZ_SECONDS ?= 60
# A Swift test run that outlives this fails instead of running into CI's own limit: a test
# that hangs (a C library looping for ever under a test, as cmark-gfm once did) otherwise
# shows nothing until the job is killed. The whole run takes about 40 s, and 3 minutes
# under ThreadSanitizer, on the 2-core development machine.
SWIFT_TEST_TIMEOUT ?= 15m
SANITIZE_TEST_TIMEOUT ?= 40m
# `timeout` with a message naming the limit; exit status 124 when it ran out.
timed = timeout --kill-after=30s $(1) $(2) || { status=$$?; if [ $$status -eq 124 ] || [ $$status -eq 137 ]; then echo "$(3): no result after $(1); a test hangs (swift test --filter finds which)"; fi; exit $$status; }

.PHONY: site test deps test-deps build release bench schemas clean screenshots demo fuzz sanitize

## Builds the generator and the bundled site into public/.
site: deps release
	.build/release/switchboard build $(BUILD_FLAGS)

## Runs every test: Swift unit, fixture and end-to-end tests, the JavaScript tests, the HTML
## validator and the accessibility checks in headless Chromium.
test: test-deps
	$(SWIFT) build
	$(SWIFT) build --build-tests
	@$(call timed,$(SWIFT_TEST_TIMEOUT),$(SWIFT) test --skip-build,swift test)
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
## SWITCHBOARD_SANITIZER tells the tests a sanitizer owns the heap (serve's heap trim is skipped).
sanitize: deps
	@rm -rf .build-tsan/reports && mkdir -p .build-tsan/reports
	$(SWIFT) build --build-tests --scratch-path .build-tsan --sanitize=thread
	@SWITCHBOARD_SANITIZER=thread TSAN_OPTIONS="log_path=$(CURDIR)/.build-tsan/reports/tsan" \
	  timeout --kill-after=30s $(SANITIZE_TEST_TIMEOUT) \
	  $(SWIFT) test --skip-build --scratch-path .build-tsan --sanitize=thread --skip SwitchboardEndToEndTests; \
	  status=$$?; \
	  if [ $$status -eq 124 ] || [ $$status -eq 137 ]; then echo "sanitize: no result after $(SANITIZE_TEST_TIMEOUT); a test hangs"; fi; \
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
