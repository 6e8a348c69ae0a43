#!/usr/bin/env bash
# The run-and-gate step of action.yml: runs a plan (against GATEWAY_URL, or the embedded target when it is
# empty), gates it with the SLA, and hands the run folder and verdict to later steps through $GITHUB_OUTPUT.
# The verdicts reach the job's step summary ($GITHUB_STEP_SUMMARY) and annotations (GITHUB_ACTIONS=true) from jtl.
# Inputs (environment): PLAN PROFILE SLA RULES (one rule a line) GATEWAY_URL SERVER_ID RESULTS ABORT_ON_FAIL,
# JMETER_TOKEN (a secret: environment only, never an argument).
# Exit code: jtl's (0 pass, 1 SLA failed, 2 bad usage, 3 JMeter or the target failed).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

results=${RESULTS:-results}
args=(run "${PLAN:?PLAN is not set}" --out "$results" --junit "$results/sla-junit.xml")
[ -n "${PROFILE:-}" ] && args+=(--profile "$PROFILE")
[ -n "${SLA:-}" ] && args+=(--sla "$SLA")
while IFS= read -r rule; do
  [ -n "${rule// /}" ] && args+=(--rule "$rule")
done <<<"${RULES:-}"
if [ -n "${GATEWAY_URL:-}" ]; then
  args+=(--gateway-url "$GATEWAY_URL")
  [ -n "${SERVER_ID:-}" ] && args+=(--server-id "$SERVER_ID")
else
  args+=(--embedded-target)
fi
[ "${ABORT_ON_FAIL:-false}" = true ] && args+=(--abort-on-fail)

mkdir -p "$results"
status=0
node bin/jtl.js "${args[@]}" || status=$?

folder=$(readlink -f "$results/latest" 2>/dev/null || true)
if [ -n "$folder" ] && [ -f "$results/sla-junit.xml" ]; then mv "$results/sla-junit.xml" "$folder/sla-junit.xml"; fi
case $status in 0) verdict=pass ;; 1) verdict=fail ;; *) verdict=error ;; esac
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "run-folder=$folder"
    echo "verdict=$verdict"
    echo "exit-code=$status"
  } >>"$GITHUB_OUTPUT"
fi
exit "$status"
