# JMeter performance testing of MCP gateways. Every target is a thin wrapper over scripts/ or `jtl`.
# `make help` lists them.
SHELL := /bin/bash
JMETER_VERSION ?= 5.6.3
JMETER_DIR ?= $(CURDIR)/.jmeter
JMETER_PLAN ?= plans/rest_api_baseline.jmx

.DEFAULT_GOAL := help

.PHONY: help
help: ## list the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-30s %s\n", $$1, $$2}'

.PHONY: jmeter-install
jmeter-install: ## install Apache JMeter 5.6.3 + WebSocket Samplers plugin into .jmeter/ (idempotent)
	@JMETER_DIR="$(JMETER_DIR)" bash scripts/install-jmeter.sh

.PHONY: jmeter-check
jmeter-check: ## print the JMeter version and plugin; fail when JMeter is missing or older than 5.x
	@JMETER_DIR="$(JMETER_DIR)" bash scripts/jmeter-check.sh

.PHONY: jmeter-ui
jmeter-ui: ## open the JMeter GUI on a plan (JMETER_PLAN=plans/….jmx); needs a display
	@home=$$(JMETER_DIR="$(JMETER_DIR)" bash scripts/jmeter-check.sh --home) && "$$home/bin/jmeter" -t "$(JMETER_PLAN)"

.PHONY: setup
setup: ## install everything: npm packages (npm ci builds dist/) and JMeter 5.6.3
	@npm ci --no-audit --no-fund
	@$(MAKE) --no-print-directory jmeter-install

.PHONY: quickstart
quickstart: setup ## install everything, generate the plans, run rest_api_baseline briefly against the embedded target, analyze it, write the HTML dashboard
	@node bin/jtl.js plans build
	@node bin/jtl.js run rest_api_baseline --profile ci --embedded-target
	@$(MAKE) --no-print-directory jmeter-report
	@echo "results: $$(readlink -f results/latest)"

.PHONY: test
test: setup ## install everything and run the whole test suite (what CI runs)
	@npm run typecheck
	@node bin/jtl.js plans check
	@npx vitest run

# ---------------------------------------------------------------------------------------------------------
# Runs: thin wrappers over `jtl run` (see `jtl run --help`). Each run lands in results/<plan>_<timestamp>/,
# results/latest points at the newest. The token travels only through the environment: export JMETER_TOKEN
# (or MCPGATEWAY_BEARER_TOKEN) before calling make; never write it on make's command line (ps shows it).
JTL ?= node bin/jtl.js
# bin/jtl.js runs dist/: rebuilt when a source is newer. Set JTL_BUILD= when JTL runs the sources directly.
JTL_BUILD ?= dist/cli/main.js
JMETER_GATEWAY_URL ?= http://localhost:4444
JMETER_SERVER_ID ?=
JMETER_PROFILE ?=
JMETER_OPTS ?=
JMETER_RESULTS ?= results
JMETER_FAST_TIME_URL ?= http://localhost:8888
JMETER_FAST_TEST_URL ?= http://localhost:8880
JMETER_ADMIN_EMAIL ?= admin@example.com
export JMETER_TOKEN MCPGATEWAY_BEARER_TOKEN JMETER_ADMIN_PASSWORD

JTL_RUN = $(JTL) run --out "$(JMETER_RESULTS)" --gateway-url "$(JMETER_GATEWAY_URL)" $(if $(JMETER_PROFILE),--profile "$(JMETER_PROFILE)")
JTL_RUN_MCP = $(JTL_RUN) --server-id "$(JMETER_SERVER_ID)"
define need-server-id
	@if [ -z "$(JMETER_SERVER_ID)" ]; then \
	  echo "make $@: JMETER_SERVER_ID is not set: this plan talks MCP to one virtual server; pass JMETER_SERVER_ID=<id> (see the gateway's GET /servers)" >&2; \
	  exit 2; fi
endef

dist/cli/main.js: $(shell find src -name '*.ts' 2>/dev/null) tsconfig.json tsconfig.build.json
	@npm run --silent build

.PHONY: jmeter-quick
jmeter-quick: $(JTL_BUILD) ## 30-s smoke run of the REST baseline (10 threads) against JMETER_GATEWAY_URL
	@$(JTL_RUN) rest_api_baseline -J THREADS=10 -J RAMP_UP=5 -J DURATION=30 $(JMETER_OPTS)

.PHONY: jmeter-rest-baseline
jmeter-rest-baseline: $(JTL_BUILD) ## REST API latency baseline (100 threads, 10 min, 1,000 req/s)
	@$(JTL_RUN) rest_api_baseline $(JMETER_OPTS)

.PHONY: jmeter-mcp-baseline
jmeter-mcp-baseline: $(JTL_BUILD) ## MCP JSON-RPC baseline (needs JMETER_SERVER_ID)
	$(need-server-id)
	@$(JTL_RUN_MCP) mcp_jsonrpc_baseline $(JMETER_OPTS)

.PHONY: jmeter-mcp-servers-baseline
jmeter-mcp-servers-baseline: $(JTL_BUILD) ## MCP test servers hit directly (JMETER_FAST_TIME_URL, JMETER_FAST_TEST_URL)
	@$(JTL_RUN) mcp_test_servers_baseline -J FAST_TIME_URL="$(JMETER_FAST_TIME_URL)" -J FAST_TEST_URL="$(JMETER_FAST_TEST_URL)" $(JMETER_OPTS)

.PHONY: jmeter-load
jmeter-load: $(JTL_BUILD) ## production-like mixed load, 60 % REST / 40 % MCP (needs JMETER_SERVER_ID)
	$(need-server-id)
	@$(JTL_RUN_MCP) load_test $(JMETER_OPTS)

.PHONY: jmeter-stress
jmeter-stress: $(JTL_BUILD) ## stress phases 1k → 10k req/s, then cool-down
	@$(JTL_RUN) stress_test $(JMETER_OPTS)

.PHONY: jmeter-spike
jmeter-spike: $(JTL_BUILD) ## spike 1k → 10k req/s and recovery
	@$(JTL_RUN) spike_test $(JMETER_OPTS)

.PHONY: jmeter-soak
jmeter-soak: $(JTL_BUILD) ## 24-h soak on the REST mix (leaks, drift)
	@$(JTL_RUN) soak_test $(JMETER_OPTS)

.PHONY: jmeter-sse
jmeter-sse: $(JTL_BUILD) ## SSE connection stability (needs JMETER_SERVER_ID)
	$(need-server-id)
	@$(JTL_RUN_MCP) sse_streaming_baseline $(JMETER_OPTS)

.PHONY: jmeter-websocket
jmeter-websocket: $(JTL_BUILD) ## WebSocket JSON-RPC performance (needs JMETER_SERVER_ID)
	$(need-server-id)
	@$(JTL_RUN_MCP) websocket_baseline $(JMETER_OPTS)

.PHONY: jmeter-admin-ui
jmeter-admin-ui: $(JTL_BUILD) ## admin UI journey (JMETER_ADMIN_EMAIL; password from env JMETER_ADMIN_PASSWORD)
	@$(JTL_RUN) admin_ui_baseline -J ADMIN_EMAIL="$(JMETER_ADMIN_EMAIL)" $(JMETER_OPTS)

.PHONY: jmeter-report
jmeter-report: ## JMeter's HTML dashboard for the latest run (results/latest/dashboard/)
	@[ -f "$(JMETER_RESULTS)/latest/results.jtl" ] || { echo "make $@: no $(JMETER_RESULTS)/latest/results.jtl: run a plan first (e.g. make jmeter-quick)" >&2; exit 2; }
	@home=$$(JMETER_DIR="$(JMETER_DIR)" bash scripts/jmeter-check.sh --home) && \
	  "$$home/bin/jmeter" -g "$(JMETER_RESULTS)/latest/results.jtl" -o "$(JMETER_RESULTS)/latest/dashboard" -f -j "$(JMETER_RESULTS)/latest/report.log" >/dev/null && \
	  echo "dashboard: $(JMETER_RESULTS)/latest/dashboard/index.html"

.PHONY: jmeter-compare
jmeter-compare: $(JTL_BUILD) ## the two newest runs in results/, analyzed side by side
	@jtls=$$(ls -1dt "$(JMETER_RESULTS)"/*_*/results.jtl 2>/dev/null | head -n 2 | tac); \
	  [ $$(echo "$$jtls" | grep -c .) -eq 2 ] || { echo "make $@: need two runs in $(JMETER_RESULTS)/ (found $$(echo "$$jtls" | grep -c .))" >&2; exit 2; }; \
	  for jtl in $$jtls; do echo "== $$jtl"; $(JTL) analyze "$$jtl" || exit $$?; done

.PHONY: jmeter-clean
jmeter-clean: ## delete every run folder in results/ (keeps results/.gitkeep)
	@find "$(JMETER_RESULTS)" -mindepth 1 -maxdepth 1 ! -name .gitkeep -exec rm -rf {} +

.PHONY: jmeter-plans
jmeter-plans: $(JTL_BUILD) ## regenerate plans/*.jmx from the TypeScript definitions
	@$(JTL) plans build

# ---------------------------------------------------------------------------------------------------------
# A real ContextForge gateway on loopback (scripts/gateway.sh): venv, secrets, token, seeded virtual server.
.PHONY: gateway-up
gateway-up: $(JTL_BUILD) ## start a real ContextForge 1.1.0 on 127.0.0.1:4444 (installs it once), seed it, print what to export
	@bash scripts/gateway.sh up

.PHONY: gateway-down
gateway-down: ## stop the gateway and test servers gateway-up started (GATEWAY_WIPE=1 also deletes its DB, logs and token)
	@bash scripts/gateway.sh down $(if $(GATEWAY_WIPE),--wipe)
