# The entry points the README names. `make run` and `make test` work on a fresh clone.
SHELL := /bin/bash
.DEFAULT_GOAL := help

CARGO ?= cargo
NPM ?= npm
BIN := target/release/baton
DATA_DIR ?= ./data
WEB_DEPS := web/node_modules/.package-lock.json

.PHONY: help run build web test lint fmt rust-test web-test e2e api-types api-types-check bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

run: build ## Build everything and start Baton on http://127.0.0.1:3001 (data in ./data)
	$(BIN) serve --data-dir $(DATA_DIR)

build: web ## Build the web app and the release binary (target/release/baton)
	$(CARGO) build --release --locked

$(WEB_DEPS): web/package.json web/package-lock.json
	cd web && $(NPM) ci --no-audit --no-fund
	@touch $@

web: $(WEB_DEPS) ## Build the web app into web/dist
	cd web && $(NPM) run build

test: lint api-types-check rust-test web-test e2e ## Every check: formatting, lints, Rust tests, web tests, end-to-end
	@echo "make test: all checks passed"

lint: $(WEB_DEPS) ## cargo fmt --check, clippy -D warnings, tsc, eslint
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets --locked -- -D warnings
	cd web && $(NPM) run typecheck
	cd web && $(NPM) run lint

fmt: ## Format the Rust code
	$(CARGO) fmt --all

rust-test: ## Rust unit and integration tests
	$(CARGO) test --locked

web-test: $(WEB_DEPS) ## Vitest
	cd web && $(NPM) test

e2e: build ## Playwright in Debian's Chromium against the release binary
	cd web && BATON_BIN=$(abspath $(BIN)) $(NPM) run e2e

api-types: $(WEB_DEPS) ## Regenerate web/openapi.json and the web app's API types from the server
	$(CARGO) run --quiet --locked -- openapi > web/openapi.json
	cd web && $(NPM) run gen:api

api-types-check: $(WEB_DEPS) ## Fail when the committed API types differ from what the server generates
	@tmp=$$(mktemp -d); \
	$(CARGO) run --quiet --locked -- openapi > $$tmp/openapi.json && \
	(cd web && npx openapi-typescript $$tmp/openapi.json --empty-objects-unknown -o $$tmp/schema.gen.ts >/dev/null) && \
	if ! diff -q $$tmp/openapi.json web/openapi.json >/dev/null || ! diff -q $$tmp/schema.gen.ts web/src/lib/api/schema.gen.ts >/dev/null; then \
	  echo "The web app's API types are stale: run 'make api-types' and commit the result."; rm -rf $$tmp; exit 1; \
	fi; rm -rf $$tmp; echo "API types are up to date"

bench: build ## Measure start-up, memory, list latency, sign-in, tokens, the engine, socket.io, hook ingestion, configuration, MCP checks, webhooks, initial JavaScript, graph rendering
	$(CARGO) bench --locked --bench foundation --bench auth --bench engine --bench realtime --bench ingest --bench config
	cd web && node scripts/bundle-size.mjs
	cd web && BATON_BIN=$(abspath $(BIN)) $(NPM) run bench

clean: ## Remove build output (keeps ./data)
	$(CARGO) clean
	rm -rf web/dist web/node_modules
