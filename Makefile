# borang: the two commands of the README are `make test` and `make demo`.
# Every target installs what it needs first (scripts/setup.sh: fast when all is present).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
# npm's wasm-opt (binaryen 132) must come before Debian's /usr/bin/wasm-opt (v108 breaks the module).
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080
export PORT

.PHONY: setup setup-test pkg dist cli test demo clean fuzz extension npm-package size

setup:
	bash scripts/setup.sh

setup-test:
	WITH_OFFICE=1 bash scripts/setup.sh

# Two builds of the same crate: pkg/ has everything (zero-config included: the API, the npm
# package, the extension, zero-config pages); pkg/lean/ is what a page with a rules file or a
# preset loads through the embed (no zero-config inference: 28 KB gzip less).
define build-pkg
	wasm-pack build wasm --target web --release --out-dir ../pkg --out-name borang
	wasm-pack build wasm --target web --release --out-dir ../pkg/lean --out-name borang -- --no-default-features
	@echo "pkg/borang_bg.wasm: $$(wc -c < pkg/borang_bg.wasm) bytes raw, $$(gzip -9c pkg/borang_bg.wasm | wc -c) bytes gzip -9"
	@echo "pkg/lean/borang_bg.wasm: $$(wc -c < pkg/lean/borang_bg.wasm) bytes raw, $$(gzip -9c pkg/lean/borang_bg.wasm | wc -c) bytes gzip -9"
endef

# The folder an admin copies next to their portal: embed script, package, its JavaScript build
# for pages that forbid WebAssembly (js/, made by wasm2js from the same Rust), the opt-in
# offline worker, rules, schema, and the admin's pages (lint.html, playground.html: lint a rules
# file without building the CLI). The WebAssembly path's JavaScript is minified (esbuild, as js/
# is; readable in pkg/ and wasm/js/): embed, glue and snippets 23,961 → 14,021 bytes gzip -9
# (2026-12-05). snippet.html: the admin's snippet (README) for this build.
dist-snippets = dist/borang/snippets dist/borang/lean/snippets dist/borang/js/snippets dist/borang/lean/js/snippets

define build-dist
	rm -rf dist/borang && mkdir -p dist/borang/rules dist/borang/schema
	cp pkg/borang.js pkg/borang_bg.wasm pkg/borang.d.ts dist/borang/
	cp wasm/js/embed.js wasm/js/offline-sw.js dist/borang/
	node scripts/build-js.mjs dist/borang/js
	if [ -d pkg/snippets ]; then cp -r pkg/snippets dist/borang/; fi
	mkdir -p dist/borang/lean
	cp pkg/lean/borang.js pkg/lean/borang_bg.wasm pkg/lean/borang.d.ts dist/borang/lean/
	if [ -d pkg/lean/snippets ]; then cp -r pkg/lean/snippets dist/borang/lean/; fi
	node scripts/build-js.mjs dist/borang/lean/js --lean
	cp rules/*.json dist/borang/rules/
	cp schema/rules.schema.json dist/borang/schema/
	node scripts/admin-pages.mjs dist/borang
	for f in dist/borang/embed.js dist/borang/borang.js dist/borang/lean/borang.js; do \
		esbuild "$$f" --minify --format=esm --log-level=warning --allow-overwrite --outfile="$$f"; done
	# The glue's snippets, each bundled with what it imports (js/adapters.js imports one file per
	# editor and widget family): one request each on the way to the first feedback, for the
	# WebAssembly builds and the JavaScript builds alike.
	for f in $$(find $(dist-snippets) -path '*/js/*.js' -not -path '*/js/adapters/*'); do \
		esbuild "$$f" --bundle --minify --format=esm --log-level=warning --allow-overwrite --outfile="$$f"; done
	find $(dist-snippets) -type d -path '*/js/adapters' -prune -exec rm -r {} +
	node scripts/admin-snippet.mjs dist/borang > dist/borang/snippet.html
	@echo "dist/borang/: $$(find dist/borang -type f | wc -l) files, $$(du -sk dist/borang | cut -f1) KB"
endef

# The browser extension for applicants (extension/ + dist/borang/ + Periksa Draf): the unpacked
# folder dist/extension/ and dist/borang-extension.zip.
define build-extension
	node scripts/build-extension.mjs dist/extension
endef

# The publishable npm package `borang` (npm/package.json + dist/borang/): dist/npm/ and the
# tarball dist/borang-<version>.tgz. The root package.json (borang-dev) stays private.
define build-npm
	node scripts/build-npm.mjs dist/npm
	npm pack ./dist/npm --pack-destination dist --ignore-scripts --silent
endef

pkg: setup
	$(build-pkg)

dist: setup
	$(build-pkg)
	$(build-dist)

extension: dist
	$(build-extension)

npm-package: dist
	$(build-npm)

# Where the module's bytes go, by concern (README "Size"): a names-kept build of the same code.
size: setup
	$(build-pkg)
	node scripts/size-report.mjs

cli: setup
	cargo build --release -p borang-cli

test: setup-test
	cargo test --workspace
	# Grapheme clusters against unicode-segmentation for every code point (too slow unoptimised).
	cargo test --release -p borang --lib grapheme -- --include-ignored
	bash scripts/wasm-test.sh
	$(build-pkg)
	$(build-dist)
	$(build-extension)
	$(build-npm)
	cargo build -p borang-cli
	node scripts/node-tests.mjs tests/node/ tests/browser/
	@if [ ! -f scripts/office-oracle.py ]; then echo "office oracle: skipped (scripts/office-oracle.py not present)"; \
	elif ! command -v soffice >/dev/null; then echo "office oracle: skipped (soffice not installed)"; \
	else python3 scripts/office-oracle.py --check; fi

# Coverage-guided fuzzing (nightly + cargo-fuzz): each target of fuzz/ for FUZZ_SECONDS.
# Crashes land in fuzz/artifacts/<target>/; copy them to fuzz/regressions/<target>/ and
# `cargo test` (so `make test`) replays them. Record runs in fuzz/README.md.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= rules_bytes rules_structured check count
fuzz:
	WITH_FUZZ=1 bash scripts/setup.sh
	cd fuzz && mkdir -p logs && for t in $(FUZZ_TARGETS); do \
	  mkdir -p corpus/$$t && cp regressions/$$t/* corpus/$$t/ 2>/dev/null || true; \
	  if [ $$t = rules_bytes ]; then cp ../rules/*.json ../tests/fixtures/*.json corpus/$$t/ 2>/dev/null || true; fi; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s (log: fuzz/logs/$$t.log)"; \
	  if [ $$t = rules_bytes ]; then max_len=65536; else max_len=4096; fi; \
	  cargo +nightly fuzz run $$t corpus/$$t -- -max_total_time=$(FUZZ_SECONDS) -max_len=$$max_len -len_control=0 -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 > logs/$$t.log 2>&1 \
	    || { tail -n 40 logs/$$t.log; echo "fuzz: $$t FAILED: the input is in fuzz/artifacts/$$t/"; exit 1; }; \
	  grep -E '^#[0-9]+ +DONE|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' logs/$$t.log; \
	done

demo: dist
	node scripts/serve.mjs

# Speed and size in headless Chromium beside the peers: bench/results.json, RESULTS.md, check-time.svg.
.PHONY: bench
bench: dist
	node bench/run.mjs

clean:
	rm -rf pkg dist target/screenshots
	cargo clean
