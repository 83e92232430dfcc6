# Switchboard: the two set-up commands are `make site` and `make test`.
SWIFT ?= swift
NOW ?=
BUILD_FLAGS := $(if $(NOW),--now $(NOW),)

.PHONY: site test deps test-deps build release bench schemas clean screenshots

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
	Tests/Browser/validate_html.sh
	python3 Tests/Browser/accessibility.py
	python3 Tests/Browser/search_e2e.py
	python3 Tests/Browser/serve_e2e.py

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

## Screenshots of every page type at 1280 and 375 pixels.
screenshots: site
	scripts/screenshots.sh

clean:
	rm -rf .build public
