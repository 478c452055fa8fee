# The Focus Family portal. Two commands matter:
#   make serve   build everything and serve the site at http://localhost:1313
#   make test    run every test
# and: make build (the deployable site in public/), make bench (sizes and speeds).

GO       ?= go
# A Hugo build takes seconds, but one once waited for ever on Dart Sass, its
# grandchild: coreutils timeout stops it after 10 minutes with its whole
# process group, and says which command it stopped.
HUGO     := timeout -v -k 10s 10m $(GO) tool hugo
NPM      ?= npm
# Hugo finds Dart Sass on PATH; the npm package sass-embedded ships it.
export PATH := $(CURDIR)/node_modules/sass-embedded-linux-x64/dart-sass:$(PATH)
GOROOT   := $(shell $(GO) env GOROOT)
CHROMIUM ?= /usr/bin/chromium

.PHONY: serve build test bench deps validate wasm preview chromium go-test browser-test clean

# The production site in build/serve (never public/), served at ADDR through
# the same handler and headers as production, search and API included, and
# rebuilt whenever a source file changes (tools/serve.mjs).
ADDR ?= 127.0.0.1:1313
serve: deps wasm preview
	node tools/serve.mjs $(ADDR)

# The site, then its search index (Pagefind, in $(SITE)/pagefind/; pages marked
# noindex, such as the checker, are left out: see tools/search-index.mjs).
# Last, for hosts without the Go Worker: the static API files in $(SITE)/api/
# and each host's configuration in build/hosting/, from security/_headers.
SITE ?= public
build: deps wasm validate
	$(HUGO) --gc --cleanDestinationDir --destination $(SITE)
	node tools/search-index.mjs $(SITE)
	$(GO) run ./cmd/hostconfig -public $(SITE) -out build/hosting

test: build preview chromium go-test browser-test worker-test hosts-test

# Sizes, Lighthouse scores and build speeds against their budgets: prints one
# table and writes it to docs/benchmarks.md. Exits 0 even when a budget fails.
# bench/run.mjs runs the Worker's load test (bench/worker-load.mjs) itself and
# puts its figures in the table, so this only builds the Worker.
bench: build preview chromium worker
	node bench/run.mjs

# npm ci only when package-lock.json changed since the last install.
deps: node_modules/.installed
node_modules/.installed: package-lock.json
	$(NPM) ci --no-audit --no-fund
	touch $@

# The data must be sound before anything is built from it: a mistake stops
# the build, naming the file, the line or entry, and the problem. First the
# syntax of every YAML file, so that one mistake is reported alone (Hugo would
# bury it under hundreds of others). The export checks the rules data, its
# translations and the engine's messages, and writes the model that the
# templates and the browser read: build/model/<lang>.json.
validate:
	$(GO) build -o build/bin/focuscheck ./cmd/focuscheck
	./build/bin/focuscheck yaml data i18n
	./build/bin/focuscheck export -o build/model
	./build/bin/focuscheck services data/services.yaml

# The checker's WebAssembly and the wasm_exec.js of the same Go toolchain,
# written where Hugo mounts them (build/assets -> assets/generated).
# Size and speed pull against each other here (issue 14: 480 KB brotli and
# 0.3 ms for each evaluation). Inlining everywhere makes the module about
# 40 KB larger (brotli). An evaluation reuses its memory (rules.Workspace),
# so it no longer calls the Go runtime's allocator, and inlining there
# would buy little for 18 KB: only our own packages and the small standard
# ones they call often (maps, unicode/utf8, math, strconv) are built with
# inlining. Go 1.26's new garbage collector (Green Tea) adds 9 KB and gains
# nothing for a heap this small, so the module keeps the previous one
# (GOEXPERIMENT=nogreenteagc; Go plans to drop that choice in 1.27: recheck
# the size when moving to it).
WASM_GCFLAGS = -gcflags=all=-l -gcflags=internal/runtime/maps= -gcflags=unicode/utf8= \
	-gcflags=math= -gcflags=strconv= -gcflags=github.com/focusfamily/portal/...=
wasm:
	mkdir -p build/assets
	GOEXPERIMENT=nogreenteagc GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' $(WASM_GCFLAGS) -o build/assets/checker.wasm ./wasm
	cp $(GOROOT)/lib/wasm/wasm_exec.js build/assets/wasm_exec.js

preview:
	$(GO) build -o build/bin/preview ./cmd/preview

# Debian's Chromium for the browser tests, installed only when missing.
chromium:
	@test -x $(CHROMIUM) || { apt-get update && apt-get install -y --no-install-recommends chromium; }

go-test: wasm
	$(GO) vet ./...
	$(GO) test ./...
	PATH="$(GOROOT)/lib/wasm:$$PATH" GOOS=js GOARCH=wasm $(GO) test ./rules ./wasm/... ./worker/...

browser-test:
	node --test --test-concurrency=1 tests/browser/

# The Cloudflare Worker (worker/, see docs/deploying.md) in build/worker/, where
# wrangler.toml points: our script (worker/worker.mjs), Go's own JavaScript
# support for WebAssembly, and the Go handler compiled to WebAssembly.
.PHONY: worker worker-test worker-bench hosts-test servers github-pages
worker:
	rm -rf build/worker && mkdir -p build/worker
	cp worker/worker.mjs "$(GOROOT)/lib/wasm/wasm_exec.js" build/worker/
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o build/worker/app.wasm ./worker

# The real Worker in workerd (wrangler dev, offline): headers, API, hostile
# requests, the checker in Chromium, and the bundle size (wrangler deploy --dry-run).
worker-test: build worker chromium
	node --test --test-concurrency=1 tests/worker/

# The Worker in workerd under load, beside the native preview: latency at 1,
# 10 and 50 at a time, CPU per API request, memory over 30,000 API requests
# (capped at 10 minutes). make bench runs it too and puts it in its table.
worker-bench: build worker
	node bench/worker-load.mjs

# For hosts that send no headers, such as GitHub Pages: the site in public/
# with the Content-Security-Policy in a meta tag (docs/deploying.md says what
# is lost), and .nojekyll so that GitHub publishes every file as it is.
github-pages:
	HUGO_PARAMS_METACSP=true $(MAKE) build
	touch public/.nojekyll

# The generated host configurations in real servers (nginx and Apache from
# Debian, installed when missing, as Chromium is), the AWS policies against
# botocore's published CloudFront model, and every API answer of the built
# site against the Open Referral HSDS 3.0 schemas.
hosts-test: build chromium servers
	PORTAL_EXPORT=$(CURDIR)/public/api/directory.json $(GO) test -count=1 -run HSDS ./edge
	HUGO_PARAMS_METACSP=true $(HUGO) --gc --quiet --cleanDestinationDir --destination build/github-pages/public
	node --test --test-concurrency=1 tests/hosts/

servers:
	@test -x /usr/sbin/nginx -a -x /usr/sbin/apache2 -a -d /usr/lib/python3/dist-packages/botocore -a -d /usr/lib/python3/dist-packages/yaml || \
		{ apt-get update && apt-get install -y --no-install-recommends nginx apache2 python3-botocore python3-yaml; }

clean:
	rm -rf public resources/_gen build .hugo_build.lock
