#!/usr/bin/env bash
# Installs a complete Apache JMeter 5.6.3 home at $JMETER_DIR/apache-jmeter-5.6.3 (default .jmeter/ in the
# repository), plus the WebSocket Samplers plugin jar in lib/ext. Idempotent.
#
# Sources, tried in order:
#   1. an existing JMETER_HOME that is JMeter 5.6.x (linked, not copied);
#   2. the official apache-jmeter-5.6.3.tgz from Apache's archive;
#   3. the same tarball republished on Maven Central (com.github.hazendaz.jmeter:apache-jmeter:5.6.3:tgz);
#   4. a home assembled from the org.apache.jmeter artifacts on Maven Central (scripts/jmeter/pom.xml).
# A downloaded tarball must match the official SHA-512; assembled jars must match scripts/jmeter/jars-5.6.3.sha512.
# A mismatch is an error, never a warning.
#
# Test hooks (environment): JMETER_TGZ_URL (source 2), JMETER_MVN_ARGS (extra Maven arguments, e.g. -s settings.xml).
set -euo pipefail

readonly VERSION=5.6.3
readonly OFFICIAL_SHA512=5978a1a35edb5a7d428e270564ff49d2b1b257a65e17a759d259a9283fc17093e522fe46f474a043864aea6910683486340706d745fcdf3db1505fd71e689083
readonly PLUGIN=net.luminis.jmeter:jmeter-websocket-samplers:1.3.1
readonly PLUGIN_JAR=jmeter-websocket-samplers-1.3.1.jar
readonly PLUGIN_SHA512=121e4e397a03fbe54460e9de93b54dbaf5986c7df055abbcbbba53ddb11513e3dbf8bd7a72caf43b1177c8e791a12c9bd13bebbb9a71ccd9bfab6d45c47469df
readonly DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.6.1

SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$SCRIPTS")
JMETER_DIR=${JMETER_DIR:-$REPO/.jmeter}
TARGET=$JMETER_DIR/apache-jmeter-$VERSION
TGZ_URL=${JMETER_TGZ_URL:-https://archive.apache.org/dist/jmeter/binaries/apache-jmeter-$VERSION.tgz}
read -r -a MVN_EXTRA <<<"${JMETER_MVN_ARGS:-}"

say() { printf 'jmeter-install: %s\n' "$*"; }
die() {
  printf 'jmeter-install: error: %s\n' "$1" >&2
  shift
  for hint in "$@"; do printf '  %s\n' "$hint" >&2; done
  exit 1
}

java_bin() { if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"; else command -v java || true; fi; }

require_java() {
  [ -n "$(java_bin)" ] || die "Java is not installed: JMeter $VERSION needs a Java runtime (8 or newer, 17 recommended)." \
    "Install one, e.g.: apt-get install -y openjdk-17-jre-headless   (or set JAVA_HOME to a JDK)" \
    "then run 'make jmeter-install' again."
}

require_maven() {
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is not installed, and it is needed to fetch JMeter $VERSION from Maven Central ($1)." \
    "Install it, e.g.: apt-get install -y maven" \
    "or set JMETER_HOME to an existing JMeter 5.6.x home, then run 'make jmeter-install' again."
}

# Prints the version of the JMeter home in $1 (empty when it is not a JMeter home or does not start).
home_version() {
  local jar=$1/bin/ApacheJMeter.jar
  [ -f "$jar" ] || return 0
  (cd "${TMPDIR:-/tmp}" && "$(java_bin)" -jar "$jar" -j /dev/null --version 2>&1) |
    sed -nE 's/.*[ _\\]([0-9]+\.[0-9]+(\.[0-9]+)?)[[:space:]]*$/\1/p; s/^Version ([0-9.]+).*/\1/p' | tail -n1
}

is_installed() { { [ -f "$TARGET/.jtl-install" ] || [ -L "$TARGET" ]; } && [ -f "$TARGET/bin/ApacheJMeter.jar" ] && [ -f "$TARGET/lib/ext/$PLUGIN_JAR" ]; }

check_sha512() { # file expected what
  local actual
  actual=$(sha512sum "$1" | cut -d' ' -f1)
  [ "$actual" = "$2" ] || die "SHA-512 mismatch for $3 ($1)." \
    "expected $2" "actual   $actual" \
    "The download is corrupt or not the official release; nothing was installed. Remove it and try again, or check your mirror/proxy."
}

# Maven failure → a message that says whether the network is the problem.
mvn_failed() { # log what
  cp "$1" "$JMETER_DIR/install-maven.log" 2>/dev/null || true
  if grep -qiE 'UnknownHost|Could not transfer|Connection refused|Network is unreachable|connect timed out|Connect to .* failed|No route to host|Temporary failure in name resolution|offline mode' "$1"; then
    die "cannot reach Maven Central to download $2 (no network, or a proxy/mirror is needed)." \
      "Maven said: $(grep -m1 -E '^\[ERROR\]' "$1" | cut -c1-300)" \
      "Check the network or ~/.m2/settings.xml (proxy/mirror), or set JMETER_HOME to an existing JMeter 5.6.x home."
  fi
  die "Maven could not fetch $2 (full log: $JMETER_DIR/install-maven.log)." "$(grep -m1 -E '^\[ERROR\]' "$1" | cut -c1-300)"
}

mvn_quiet() { # log what args…
  local log=$1 what=$2
  shift 2
  mvn -B -C "${MVN_EXTRA[@]}" "$@" >"$log" 2>&1 || mvn_failed "$log" "$what"
}

install_plugin() { # home
  local ext=$1/lib/ext
  if [ ! -f "$ext/$PLUGIN_JAR" ]; then
    require_maven "the WebSocket Samplers plugin"
    say "fetching the WebSocket Samplers plugin ($PLUGIN, jar only) from Maven Central"
    mvn_quiet "$WORK/plugin.log" "$PLUGIN" "$DEPENDENCY_PLUGIN:copy" -Dartifact="$PLUGIN" -DoutputDirectory="$WORK/plugin"
    check_sha512 "$WORK/plugin/$PLUGIN_JAR" "$PLUGIN_SHA512" "$PLUGIN_JAR"
    cp "$WORK/plugin/$PLUGIN_JAR" "$ext/"
  fi
}

from_jmeter_home() {
  [ -n "${JMETER_HOME:-}" ] || return 1
  local home
  home=$(cd "$JMETER_HOME" 2>/dev/null && pwd -P) || { say "JMETER_HOME=$JMETER_HOME does not exist; ignoring it"; return 1; }
  [ "$home" != "$(cd "$TARGET" 2>/dev/null && pwd -P)" ] || return 1
  local version
  version=$(home_version "$home")
  case "$version" in
    5.6.*) ;;
    *) say "JMETER_HOME=$JMETER_HOME is not JMeter 5.6.x (found '${version:-no JMeter}'); ignoring it"; return 1 ;;
  esac
  say "using the JMeter $version at JMETER_HOME=$home (linked from $TARGET)"
  install_plugin "$home"
  mkdir -p "$JMETER_DIR"
  ln -sfn "$home" "$TARGET"
}

unpack_tarball() { # tgz source
  check_sha512 "$1" "$OFFICIAL_SHA512" "apache-jmeter-$VERSION.tgz"
  tar -xzf "$1" -C "$WORK"
  mv "$WORK/apache-jmeter-$VERSION" "$WORK/home"
  echo "source=$2" >"$WORK/home/.jtl-install"
}

from_apache_archive() {
  say "trying the official tarball: $TGZ_URL"
  if ! curl -fsSL --connect-timeout 10 --max-time 900 -o "$WORK/jmeter.tgz" "$TGZ_URL" 2>"$WORK/curl.log"; then
    say "  not reachable ($(head -c 200 "$WORK/curl.log" | tr '\n' ' '))"
    return 1
  fi
  unpack_tarball "$WORK/jmeter.tgz" "$TGZ_URL"
}

from_central_tarball() {
  require_maven "the Apache download site is unreachable"
  say "trying the official tarball republished on Maven Central (com.github.hazendaz.jmeter:apache-jmeter:$VERSION:tgz)"
  if ! mvn -B -C "${MVN_EXTRA[@]}" "$DEPENDENCY_PLUGIN:copy" -Dartifact="com.github.hazendaz.jmeter:apache-jmeter:$VERSION:tgz" \
    -DoutputDirectory="$WORK/central" >"$WORK/central.log" 2>&1; then
    grep -qE 'Could not find artifact|was not found in' "$WORK/central.log" || mvn_failed "$WORK/central.log" "the JMeter tarball"
    say "  not published there"
    return 1
  fi
  unpack_tarball "$WORK/central/apache-jmeter-$VERSION.tgz" "maven-central-tarball"
}

from_central_artifacts() {
  say "assembling JMeter $VERSION from the org.apache.jmeter artifacts on Maven Central"
  mkdir -p "$WORK/assembly"
  cp "$SCRIPTS/jmeter/pom.xml" "$WORK/assembly/"
  mvn_quiet "$WORK/assembly.log" "the JMeter $VERSION artifacts" -f "$WORK/assembly/pom.xml" package
  local home=$WORK/assembly/target/apache-jmeter-$VERSION
  (cd "$home" && find lib bin/ApacheJMeter.jar -name '*.jar' | sort | xargs sha512sum) >"$WORK/jars.sha512"
  if ! diff -q "$SCRIPTS/jmeter/jars-$VERSION.sha512" "$WORK/jars.sha512" >/dev/null; then
    die "the assembled jars do not match scripts/jmeter/jars-$VERSION.sha512 (SHA-512 mismatch)." \
      "$(diff "$SCRIPTS/jmeter/jars-$VERSION.sha512" "$WORK/jars.sha512" | grep -E '^[<>]' | head -n 6)" \
      "Nothing was installed. A changed artifact on the repository or a misbehaving mirror/proxy is the usual cause."
  fi
  mkdir -p "$home/lib/junit"
  # Maven Central has no launcher scripts: ours exec the JVM with the official script's defaults.
  cp "$SCRIPTS/jmeter/jmeter-launcher.sh" "$home/bin/jmeter"
  printf '#!/bin/sh\nexec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$(dirname "$0")/ApacheJMeter.jar" org.apache.jmeter.util.ShutdownClient %s "$@"\n' Shutdown >"$home/bin/shutdown.sh"
  printf '#!/bin/sh\nexec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$(dirname "$0")/ApacheJMeter.jar" org.apache.jmeter.util.ShutdownClient %s "$@"\n' StopTestNow >"$home/bin/stoptest.sh"
  chmod +x "$home/bin/jmeter" "$home/bin/shutdown.sh" "$home/bin/stoptest.sh"
  mv "$home" "$WORK/home"
  echo "source=maven-central-artifacts" >"$WORK/home/.jtl-install"
}

main() {
  if is_installed; then
    say "JMeter $VERSION is already installed at $TARGET ($(if [ -L "$TARGET" ]; then echo "-> $(readlink "$TARGET")"; else sed -n 's/^source=//p' "$TARGET/.jtl-install"; fi))"
    return 0
  fi
  require_java
  mkdir -p "$JMETER_DIR"
  WORK=$(mktemp -d "$JMETER_DIR/.install-XXXXXX")
  trap 'rm -rf "$WORK"' EXIT

  from_jmeter_home && { say "done: $TARGET"; return 0; }
  from_apache_archive || from_central_tarball || from_central_artifacts
  install_plugin "$WORK/home"

  local version
  version=$(home_version "$WORK/home")
  [ "$version" = "$VERSION" ] || die "the installed JMeter does not start (version check printed '${version:-nothing}')." \
    "Run: $(java_bin) -jar $WORK/home/bin/ApacheJMeter.jar --version   to see why."
  rm -rf "$TARGET"
  mv "$WORK/home" "$TARGET"
  say "done: JMeter $version with $PLUGIN_JAR at $TARGET"
}

main "$@"
