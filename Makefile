# The Focus Family portal. Two commands matter:
#   make serve   build everything and serve the site at http://localhost:1313
#   make test    run every test
# and: make build (the deployable site in public/), make bench (sizes and speeds).

GO       ?= go
HUGO     := $(GO) tool hugo
NPM      ?= npm
# Hugo finds Dart Sass on PATH; the npm package sass-embedded ships it.
export PATH := $(CURDIR)/node_modules/sass-embedded-linux-x64/dart-sass:$(PATH)
GOROOT   := $(shell $(GO) env GOROOT)
CHROMIUM ?= /usr/bin/chromium

.PHONY: serve build test bench deps wasm preview chromium go-test browser-test clean

serve: deps wasm preview
	./build/bin/preview -hugo-config build/hugo-server.toml
	$(HUGO) server --config config.toml,build/hugo-server.toml --bind 127.0.0.1 --port 1313 --baseURL http://localhost:1313/

build: deps wasm
	$(HUGO) --gc --cleanDestinationDir --destination public

test: build preview chromium go-test browser-test

bench: build
	node bench/run.mjs

# npm ci only when package-lock.json changed since the last install.
deps: node_modules/.installed
node_modules/.installed: package-lock.json
	$(NPM) ci --no-audit --no-fund
	touch $@

# The checker's WebAssembly and the wasm_exec.js of the same Go toolchain,
# written where Hugo mounts them (build/assets -> assets/generated).
wasm:
	mkdir -p build/assets
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o build/assets/checker.wasm ./wasm
	cp $(GOROOT)/lib/wasm/wasm_exec.js build/assets/wasm_exec.js

preview:
	$(GO) build -o build/bin/preview ./cmd/preview

# Debian's Chromium for the browser tests, installed only when missing.
chromium:
	@test -x $(CHROMIUM) || { apt-get update && apt-get install -y --no-install-recommends chromium; }

go-test: wasm
	$(GO) vet ./...
	$(GO) test ./...
	PATH="$(GOROOT)/lib/wasm:$$PATH" GOOS=js GOARCH=wasm $(GO) test ./wasm/...

browser-test:
	node --test --test-concurrency=1 tests/browser/

clean:
	rm -rf public resources/_gen build .hugo_build.lock
