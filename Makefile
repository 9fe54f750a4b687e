# Passerelles — build, serve and test. The two commands a newcomer needs are
# `make serve` and `make test`; each installs what is missing first
# (scripts/setup.sh is idempotent and quick once everything is there).
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

ROOT := $(CURDIR)
# trunk takes wasm-opt from PATH only when its version is exactly version_132:
# the npm `binaryen` package provides it in node_modules/.bin.
export PATH := $(ROOT)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

HOST := 127.0.0.1
PORT := 8080
# The five source documents every record comes from: beside the repository
# on CI, absent from a clone alone (see test-native).
SEEDS := ../shared/seeds

.PHONY: help setup build serve test lint test-native test-workbook test-wasm release release-large split-dist test-e2e test-engines clean validate-data screenshot bench
# The test layers run in order, one at a time (2 cores; one shared target/).
.NOTPARALLEL:

help:
	@echo "make serve   build and serve the app at http://$(HOST):$(PORT)/ (installs what is missing)"
	@echo "make test    lint, native tests, the workbook in LibreOffice and Frictionless, wasm tests in Chromium, release build and a large site's build, end-to-end tests, the core journeys in Chromium, Firefox and WebKit (installs what is missing)"
	@echo "make build   release build into dist/"
	@echo "make release-large   a large site's build into dist/ (pack split by need, the page with the split reader)"
	@echo "make bench   benchmarks: native engine, the page in Chromium, ItemsJS, bytes, Lighthouse (prints figures)"
	@echo "make setup   install what is missing (rust target, trunk, wasm-bindgen-cli, chromium, firefox-esr, webkit2gtk-driver, xvfb, npm tools)"
	@echo "make clean   remove build outputs"

setup:
	@bash scripts/setup.sh

build: setup validate-data release

serve: setup validate-data
	@echo "Passerelles: http://$(HOST):$(PORT)/  (address and port from Trunk.toml; Ctrl-C to stop)"
	trunk serve --release

test: setup validate-data
	$(MAKE) --no-print-directory lint test-native test-workbook test-wasm release split-dist test-e2e test-engines

# The lint gate: formatting, then clippy with warnings as errors on every
# configuration that compiles. The page, the island, the workbook and the
# editors' page are checked apart for wasm32 (together, Cargo would unify
# their features and hide one that is missing), and the page and the
# editors' page natively with their prerender feature.
lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p passerelles-build --features prerender --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p passerelles --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p passerelles --features bench -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p passerelles-island --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p passerelles-sheet -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p passerelles-editor --all-targets -- -D warnings
	cargo clippy -p passerelles-editor --features prerender --all-targets -- -D warnings

# Native tests of every crate. The check of excerpts against the source
# documents (tests named seeds_…) needs ../shared/seeds: without it, it is
# skipped, and said.
test-native:
	@if [ -d $(SEEDS) ]; then \
	  cargo test --workspace; \
	else \
	  echo "make test-native: SKIPPED the check of excerpts against the source documents (tests seeds_…):"; \
	  echo "  $(SEEDS) is not beside this clone (CI has it). Every other test runs."; \
	  cargo test --workspace -- --skip seeds_; \
	  echo "make test-native: SKIPPED the seeds_… tests ($(SEEDS) absent), as said above."; \
	fi

# The editors' workbook with real programs: LibreOffice Calc opens and saves
# the exported ODS and XLSX (and one sheet as a ";" Windows-1252 CSV), each
# imports back byte for byte; Frictionless checks the CSV tables against
# data/tableschema/. The native tests (crates/sheet/tests/) run in test-native.
test-workbook:
	bash scripts/test-workbook.sh

# The editors' check (crates/build/src/bin/validate.rs, the core's validation
# code): a broken data file stops build, serve and test here, with every
# problem at its line and column.
validate-data:
	cargo run --quiet -p passerelles-build --bin validate -- data/passerelles.json
	cargo run --quiet -p passerelles-build --bin validate -- data/glossary.json

# wasm-bindgen-test layer (tests/browser.rs) in headless Chromium, flags in webdriver.json.
test-wasm:
	CHROMEDRIVER=$(CHROMEDRIVER) cargo test --target wasm32-unknown-unknown -p passerelles --test browser

# The release build into dist/ (scripts/post-build.sh writes the pages).
release:
	trunk build --release

# A large site's build (tens of thousands of records, issue 25): the site's
# pack split by what each moment needs, and the page built with the split
# reader, which the shipped page leaves out (it costs a first visit 7 KB
# gzipped). LARGE_DIST=dir builds elsewhere (make test: target/split-dist).
LARGE_DIST ?= dist
SPLIT_DIST := target/split-dist
release-large:
	PASSERELLES_SPLIT=1 trunk build --release --features split --dist $(LARGE_DIST)

test-e2e:
	@test -f dist/index.html || { echo "dist/index.html missing: run 'make build' (trunk build --release) first" >&2; exit 1; }
	@# tests/e2e/data.test.mjs generates and packs a dataset of its own;
	@# editors.test.mjs writes workbooks and checks a downloaded file.
	cargo build --quiet -p passerelles-build --bin gen-data --bin pack --bin workbook --bin validate
	node --test tests/e2e/ tests/scripts/

# A large site's build (issue 25), with the split reader, for the
# end-to-end tests that read a split pack (tests/e2e/split.test.mjs).
split-dist:
	$(MAKE) --no-print-directory release-large LARGE_DIST=$(SPLIT_DIST)

# The core journeys (tests/engines/journeys.mjs) in each engine: Chromium
# (playwright-core), Firefox ESR (puppeteer-core, WebDriver BiDi) and WebKit
# (WebKitWebDriver and MiniBrowser through selenium-webdriver, under its own
# xvfb-run when there is no display); about a minute and a half in all.
test-engines:
	@test -f dist/index.html || { echo "dist/index.html missing: run 'make build' (trunk build --release) first" >&2; exit 1; }
	node --test tests/engines/

# The README's pictures, taken from the real pages by the end-to-end run:
# the explorer, and the editors' walkthrough (docs/editeurs-*.png).
screenshot: build
	E2E_SCREENSHOT=$(ROOT)/docs/screenshot.png node --test --test-name-pattern='screenshot' tests/e2e/explorer.test.mjs
	cargo build --quiet -p passerelles-build --bin gen-data --bin workbook --bin validate
	E2E_EDITORS_SHOTS=$(ROOT)/docs node --test --test-name-pattern='walkthrough' tests/e2e/editors.test.mjs

clean:
	cargo clean
	rm -rf dist tests/artifacts

# Figures, never pass/fail (see BENCHMARKS.md). A build of its own with the
# bench exports in target/bench-dist, the shipped build in target/size-dist
# for the byte counts (dist/ stays whatever the tests use), generated data in
# target/bench-data (never in data/, never shipped) as JSON and as packs,
# native divan medians, then the page in Chromium with ItemsJS beside it: one
# table.
BENCH_DIST := target/bench-dist
SIZE_DIST := target/size-dist
BENCH_DATA := target/bench-data
bench: setup
	trunk build --release --features bench --dist $(BENCH_DIST)
	@# wasm-bindgen's output of this build, names kept, for the profiles.
	mkdir -p $(BENCH_DATA)/named && cp target/wasm-bindgen/release/passerelles_bg.wasm target/wasm-bindgen/release/passerelles.js $(BENCH_DATA)/named/
	cargo build --release -p passerelles-build --bin gen-data --bin pack
	for n in 10000 100000; do \
	  ./target/release/gen-data --records $$n --seed 42 --out $(BENCH_DATA)/records-$$n.json; \
	  ./target/release/pack $(BENCH_DATA)/records-$$n.json --out $(BENCH_DATA)/records-$$n.pack --glossary data/glossary.json; \
	  ./target/release/pack $(BENCH_DATA)/records-$$n.json --out $(BENCH_DATA)/split-$$n.pack --glossary data/glossary.json --split; \
	done
	cargo bench -p passerelles-build --bench engine > $(BENCH_DATA)/native.txt
	trunk build --release --dist $(SIZE_DIST)
	node tests/bench/run.mjs --dist $(BENCH_DIST) --size-dist $(SIZE_DIST) --data $(BENCH_DATA) --native $(BENCH_DATA)/native.txt
	@# The split pack beside the whole one, the same records (issue 25).
	node tests/bench/split.mjs --dist $(BENCH_DIST) --data $(BENCH_DATA)
	@# Lighthouse 12.2.3 (13 needs Node 22), installed for the bench only: the tests never need it.
	@test -d node_modules/lighthouse || npm install --no-save --no-audit --no-fund -E lighthouse@12.2.3
	CHROME_PATH=/usr/bin/chromium node scripts/lighthouse.mjs --dist $(SIZE_DIST)
