# sfnkit developer and CI entry points. `make test` is what CI runs (see .ci/run).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := test

REPO := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
NODE_MAJOR := $(shell node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 20)

# jsii prints an end-of-life banner on Node 20 unless this equals the Node major version.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION ?= $(NODE_MAJOR)
# Keep the CDK CLI's ~/.cdk cache inside the repo.
export CDK_HOME ?= $(REPO)/.cache/cdk
# integ locates the npm tools through this (or by walking up from the test's directory).
export SFNKIT_NODE_MODULES ?= $(REPO)/node_modules
# make test runs the end-to-end tests too (the README quick start as a separate
# app with the CDK CLI, a fresh npm ci): plain go test ./... skips them.
export SFNKIT_E2E ?= 1

NPM_STAMP := node_modules/.installed

.PHONY: deps test synth fuzz bench clean-node

deps: $(NPM_STAMP)
	@go mod download

# npm ci only when node_modules is missing or older than the lock file.
# aws-cdk ships Go init templates: a go.mod in node_modules (and cdk.out) makes
# them a separate module, so that ./... skips them.
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	printf 'module sfnkit.invalid/node_modules\n' > node_modules/go.mod
	touch $@

test: deps
	@unformatted=$$(gofmt -l $$(find . -name '*.go' -not -path './node_modules/*' -not -path './cdk.out/*' -not -path './.cache/*')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	go vet ./...
	go test ./... 2>&1 | grep -v '^Runtime process exited abnormally' || exit $${PIPESTATUS[0]}

synth: deps
	@mkdir -p cdk.out && printf 'module sfnkit.invalid/cdkout\n' > cdk.out/go.mod; \
	found=0; \
	for cfg in examples/*/cdk.json; do \
	  [ -e "$$cfg" ] || continue; \
	  found=1; dir=$$(dirname "$$cfg"); name=$$(basename "$$dir"); out="$(REPO)/cdk.out/$$name"; \
	  echo "synth $$name -> cdk.out/$$name"; \
	  (cd "$$dir" && "$(REPO)/node_modules/.bin/cdk" synth --quiet --no-notices --output "$$out" 2>&1 \
	    | { grep -v -e 'Runtime process exited abnormally' -e 'feature flags are not configured' -e '^$$' || true; }); \
	  go run ./integ/cmd/synthsummary "$$out"; \
	done; \
	if [ $$found -eq 0 ]; then echo "make synth: no examples/*/cdk.json yet, nothing to synthesize"; fi

# The props fuzzers of tasks, states and fragments at FUZZ_BUILDS builds per
# constructor (make test runs 2), then each native fuzz target in turn
# (go test -fuzz takes one at a time).
FUZZTIME ?= 30s
FUZZ_BUILDS ?= 20
fuzz:
	SFNKIT_FUZZ_BUILDS=$(FUZZ_BUILDS) go test ./tasks ./states ./fragments -run TestPropsFuzzer -count=1 -v 2>&1 | grep -E 'props fuzzer|FAIL|reproduce|^ok' ; exit $${PIPESTATUS[0]}
	@for pkg in ./internal/expr ./internal/value; do \
	  for f in $$(go test $$pkg -list '^Fuzz' | grep '^Fuzz'); do \
	    echo "==> $$pkg $$f ($(FUZZTIME))"; \
	    go test $$pkg -run '^$$' -fuzz="^$$f\$$" -fuzztime=$(FUZZTIME) || exit 1; \
	  done; \
	done

clean-node:
	rm -rf node_modules

# Synth-time benchmark, sfnkit tasks against the CDK's own (fresh processes,
# N = 10, 100, 1000, 3000), then the pure-Go render benchmarks. Overrides:
# BENCH_NS=1000 BENCH_RUNS=5 BENCH_VARIANTS=... (see internal/bench/cmd/synthbench).
bench:
	go build -o .cache/bench/synthbench ./internal/bench/cmd/synthbench
	.cache/bench/synthbench
	go test ./internal/engine -run '^$$' -bench . -benchmem
