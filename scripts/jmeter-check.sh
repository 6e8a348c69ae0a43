#!/usr/bin/env bash
# Finds JMeter the way the whole toolkit does (JMETER_HOME, then .jmeter/apache-jmeter-5.6.3, then `jmeter` on
# PATH), prints its version and the WebSocket Samplers plugin, and fails when JMeter is missing or older than 5.x.
#   --home   print only the JMeter home that was found (for other scripts)
set -euo pipefail

SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JMETER_DIR=${JMETER_DIR:-$(dirname "$SCRIPTS")/.jmeter}
readonly PLUGIN_GLOB='jmeter-websocket-samplers-*.jar'

fail() {
  printf 'jmeter-check: error: %s\n' "$1" >&2
  printf '  %s\n' "Install JMeter 5.6.3 with: make jmeter-install   (or set JMETER_HOME to a JMeter 5.x home)" >&2
  exit 1
}

is_home() { [ -f "$1/bin/ApacheJMeter.jar" ]; }

# Sets HOME_FOUND and SOURCE, following the toolkit's lookup order.
find_home() {
  if [ -n "${JMETER_HOME:-}" ]; then
    is_home "$JMETER_HOME" || fail "JMETER_HOME=$JMETER_HOME is not a JMeter home (no bin/ApacheJMeter.jar there)."
    HOME_FOUND=$JMETER_HOME SOURCE=JMETER_HOME
  elif is_home "$JMETER_DIR/apache-jmeter-5.6.3"; then
    HOME_FOUND=$JMETER_DIR/apache-jmeter-5.6.3 SOURCE=.jmeter
  elif command -v jmeter >/dev/null 2>&1; then
    local bin
    bin=$(readlink -f "$(command -v jmeter)")
    HOME_FOUND=$(dirname "$(dirname "$bin")") SOURCE=PATH
    is_home "$HOME_FOUND" || fail "'jmeter' on PATH ($bin) is not inside a JMeter home (no bin/ApacheJMeter.jar next to it)."
  else
    fail "JMeter was not found (JMETER_HOME unset, no $JMETER_DIR/apache-jmeter-5.6.3, no 'jmeter' on PATH)."
  fi
}

java_bin() { if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"; else command -v java || true; fi; }

jmeter_version() {
  local java
  java=$(java_bin)
  [ -n "$java" ] || fail "Java is not installed: JMeter needs a Java runtime (apt-get install -y openjdk-17-jre-headless)."
  (cd "${TMPDIR:-/tmp}" && "$java" -jar "$HOME_FOUND/bin/ApacheJMeter.jar" -j /dev/null --version 2>&1) |
    sed -nE 's/.*[ _\\]([0-9]+\.[0-9]+(\.[0-9]+)?)[[:space:]]*$/\1/p; s/^Version ([0-9.]+).*/\1/p' | tail -n1
}

main() {
  find_home
  if [ "${1:-}" = "--home" ]; then
    echo "$HOME_FOUND"
    return 0
  fi
  local version major
  version=$(jmeter_version)
  [ -n "$version" ] || fail "the JMeter at $HOME_FOUND does not start (run $HOME_FOUND/bin/jmeter --version to see why)."
  major=${version%%.*}
  [ "$major" -ge 5 ] || fail "JMeter $version at $HOME_FOUND is too old: the plans need JMeter 5.x (5.6.3 recommended)."
  echo "JMeter $version at $HOME_FOUND (found via $SOURCE)"
  local plugin
  plugin=$(cd "$HOME_FOUND/lib/ext" && ls $PLUGIN_GLOB 2>/dev/null | head -n1 || true)
  if [ -n "$plugin" ]; then
    echo "WebSocket Samplers plugin: lib/ext/$plugin"
  else
    echo "WebSocket Samplers plugin: MISSING (websocket_baseline needs it; 'make jmeter-install' adds it)" >&2
    exit 1
  fi
}

main "$@"
