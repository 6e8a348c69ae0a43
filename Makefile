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

.PHONY: test
test: setup ## install everything and run the whole test suite (what CI runs)
	@npm run typecheck
	@npx vitest run
