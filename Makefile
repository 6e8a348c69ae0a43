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
	@# The HTML report's tests open it in Debian's chromium (.ci/run installs it in CI, as root).
	@[ -x /usr/bin/chromium ] || echo "note: the report tests need Debian's chromium at /usr/bin/chromium: sudo apt-get install -y chromium" >&2

.PHONY: quickstart
quickstart: setup ## install everything, generate the plans, run rest_api_baseline briefly against the embedded target, analyze it, write the HTML report
	@node bin/jtl.js plans build
	@node bin/jtl.js run rest_api_baseline --profile ci --embedded-target
	@echo "results: $$(readlink -f results/latest)"

.PHONY: test
test: setup ## install everything and run the whole test suite (what CI runs)
	@# The workflow tests lint .github/ with actionlint, built from its Go module (tests only: quickstart needs no Go).
	@bash scripts/install-actionlint.sh
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
# Set to 1 for JMeter's own dashboard beside our report (make jmeter-report).
JMETER_DASHBOARD ?=
JMETER_RESULTS ?= results
JMETER_FAST_TIME_URL ?= http://localhost:8888
JMETER_FAST_TEST_URL ?= http://localhost:8880
JMETER_ADMIN_EMAIL ?= admin@example.com
# JMETER_EMBEDDED=1: run against the embedded loopback gateway stand-in (`jtl run --embedded-target`), which brings
# its own URL, token, server id, MCP test servers and admin login; JMETER_GATEWAY_URL/SERVER_ID are then unused.
JMETER_EMBEDDED ?=
export JMETER_TOKEN MCPGATEWAY_BEARER_TOKEN JMETER_ADMIN_PASSWORD

JTL_RUN_BASE = $(JTL) run --out "$(JMETER_RESULTS)" $(if $(JMETER_PROFILE),--profile "$(JMETER_PROFILE)")
JTL_RUN = $(JTL_RUN_BASE) $(if $(JMETER_EMBEDDED),--embedded-target,--gateway-url "$(JMETER_GATEWAY_URL)")
JTL_RUN_MCP = $(JTL_RUN) $(if $(JMETER_EMBEDDED),,--server-id "$(JMETER_SERVER_ID)")
# Settings the embedded target brings itself; with a real gateway they come from these variables.
unless-embedded = $(if $(JMETER_EMBEDDED),,$(1))
define need-server-id
	@if [ -z "$(JMETER_SERVER_ID)" ] && [ -z "$(JMETER_EMBEDDED)" ]; then \
	  echo "make $@: JMETER_SERVER_ID is not set: this plan talks MCP to one virtual server; pass JMETER_SERVER_ID=<id> (see the gateway's GET /servers), or JMETER_EMBEDDED=1 for the embedded target" >&2; \
	  exit 2; fi
endef

dist/cli/main.js: $(shell find src -name '*.ts' 2>/dev/null) tsconfig.json tsconfig.build.json
	@npm run --silent build

# The runs use plans/ as the definitions render them now: regenerated when a definition (or the builder) is newer.
JTL_PLANS = plans/PROPERTIES.md
$(JTL_PLANS): $(shell find src/plans src/jmx -name '*.ts' 2>/dev/null) | $(JTL_BUILD)
	@$(JTL) plans build && touch $@

.PHONY: jmeter-quick
jmeter-quick: $(JTL_BUILD) $(JTL_PLANS) ## 30-s smoke run of the REST baseline (10 threads) against JMETER_GATEWAY_URL
	@$(JTL_RUN) rest_api_baseline -J THREADS=10 -J RAMP_UP=5 -J DURATION=30 $(JMETER_OPTS)

.PHONY: jmeter-rest-baseline
jmeter-rest-baseline: $(JTL_BUILD) $(JTL_PLANS) ## REST API latency baseline (100 threads, 10 min, 1,000 req/s)
	@$(JTL_RUN) rest_api_baseline $(JMETER_OPTS)

.PHONY: jmeter-mcp-baseline
jmeter-mcp-baseline: $(JTL_BUILD) $(JTL_PLANS) ## MCP JSON-RPC baseline (needs JMETER_SERVER_ID)
	$(need-server-id)
	@$(JTL_RUN_MCP) mcp_jsonrpc_baseline $(JMETER_OPTS)

.PHONY: jmeter-mcp-servers-baseline
jmeter-mcp-servers-baseline: $(JTL_BUILD) $(JTL_PLANS) ## MCP test servers hit directly (JMETER_FAST_TIME_URL, JMETER_FAST_TEST_URL)
	@$(JTL_RUN) mcp_test_servers_baseline $(call unless-embedded,-J FAST_TIME_URL="$(JMETER_FAST_TIME_URL)" -J FAST_TEST_URL="$(JMETER_FAST_TEST_URL)") $(JMETER_OPTS)

.PHONY: jmeter-load
jmeter-load: $(JTL_BUILD) $(JTL_PLANS) ## production-like mixed load, 60 % REST / 40 % MCP (needs JMETER_SERVER_ID)
	$(need-server-id)
	@$(JTL_RUN_MCP) load_test $(JMETER_OPTS)

.PHONY: jmeter-stress
jmeter-stress: $(JTL_BUILD) $(JTL_PLANS) ## stress phases 1k → 10k req/s, then cool-down
	@$(JTL_RUN) stress_test $(JMETER_OPTS)

.PHONY: jmeter-spike
jmeter-spike: $(JTL_BUILD) $(JTL_PLANS) ## spike 1k → 10k req/s and recovery
	@$(JTL_RUN) spike_test $(JMETER_OPTS)

.PHONY: jmeter-soak
jmeter-soak: $(JTL_BUILD) $(JTL_PLANS) ## 24-h soak on the REST mix (leaks, drift)
	@$(JTL_RUN) soak_test $(JMETER_OPTS)

.PHONY: jmeter-sse
jmeter-sse: $(JTL_BUILD) $(JTL_PLANS) ## SSE connection stability (needs JMETER_SERVER_ID)
	$(need-server-id)
	@$(JTL_RUN_MCP) sse_streaming_baseline $(JMETER_OPTS)

.PHONY: jmeter-websocket
jmeter-websocket: $(JTL_BUILD) $(JTL_PLANS) ## WebSocket JSON-RPC performance (needs JMETER_SERVER_ID)
	$(need-server-id)
	@$(JTL_RUN_MCP) websocket_baseline $(JMETER_OPTS)

.PHONY: jmeter-admin-ui
jmeter-admin-ui: $(JTL_BUILD) $(JTL_PLANS) ## admin UI journey (JMETER_ADMIN_EMAIL; password from env JMETER_ADMIN_PASSWORD)
	@$(JTL_RUN) admin_ui_baseline $(call unless-embedded,-J ADMIN_EMAIL="$(JMETER_ADMIN_EMAIL)") $(JMETER_OPTS)

JMETER_SLA ?= auto
.PHONY: jmeter-gate
jmeter-gate: $(JTL_BUILD) ## SLA gate of the latest run: its plan's profile (JMETER_SLA=baseline|load|stress|rules file to choose); exit 1 on a failed rule
	@[ -f "$(JMETER_RESULTS)/latest/results.jtl" ] || { echo "make $@: no $(JMETER_RESULTS)/latest/results.jtl: run a plan first (e.g. make jmeter-quick)" >&2; exit 2; }
	@$(JTL) gate "$(JMETER_RESULTS)/latest" --sla "$(JMETER_SLA)"

.PHONY: jmeter-report
jmeter-report: $(JTL_BUILD) ## our HTML report of the newest run with samples (<run>/report/index.html; empty runs are skipped, and named); JMETER_DASHBOARD=1 adds JMeter's dashboard
	@dir=$$($(JTL) runs pick --out "$(JMETER_RESULTS)") || exit $$?; \
	  $(JTL) report "$$dir" $(if $(JMETER_DASHBOARD),--jmeter-dashboard)

# JMETER_COMPARE_DIFFERENT_PLANS=1 lets jmeter-compare pair runs of different plans.
JMETER_COMPARE_DIFFERENT_PLANS ?=
.PHONY: jmeter-compare
jmeter-compare: $(JTL_BUILD) ## compare the two newest runs with samples in results/ (or BASELINE=run|jtl|baseline.json [CURRENT=…]); exit 1 on a regression
	@$(if $(and $(CURRENT),$(if $(BASELINE),,x)),echo "make $@: CURRENT=$(CURRENT) needs BASELINE=… too" >&2; exit 2;) \
	  $(JTL) compare $(if $(BASELINE),"$(BASELINE)") $(if $(CURRENT),"$(CURRENT)") --runs "$(JMETER_RESULTS)" $(if $(JMETER_COMPARE_DIFFERENT_PLANS),--allow-different-plans) $(COMPARE_OPTS)

.PHONY: jmeter-baseline
jmeter-baseline: $(JTL_BUILD) ## save the latest run (or RUN=…) as a compact baseline: baselines/$(NAME).json (NAME=…)
	@[ -n "$(NAME)" ] || { echo "make $@: NAME is not set: the baseline is written to baselines/<NAME>.json" >&2; exit 2; }
	@$(JTL) baseline save "$(or $(RUN),$(JMETER_RESULTS)/latest)" -o "baselines/$(NAME).json"

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
