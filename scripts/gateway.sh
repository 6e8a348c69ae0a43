#!/usr/bin/env bash
# A real ContextForge gateway (mcp-contextforge-gateway from PyPI) on loopback, for the JMeter plans.
#
#   scripts/gateway.sh up          install (once), start, mint a token, seed a virtual server; print what to export
#   scripts/gateway.sh down [--wipe]   stop what `up` started (by recorded process ids); --wipe also drops DB, logs, token
#   scripts/gateway.sh env         print the exports again (gateway must be up)
#
# Idempotent: `up` reuses the venv, the secrets, a running gateway with the same settings and the seed.
# Knobs (environment): GATEWAY_DIR (.gateway), GATEWAY_STATE ($GATEWAY_DIR/state), GATEWAY_PORT (4444),
# GATEWAY_FAST_TIME_PORT (18888), GATEWAY_FAST_TEST_PORT (18880), GATEWAY_SERVER_ID, GATEWAY_PYTHON (interpreter),
# GATEWAY_VERSION (1.1.0), GATEWAY_EXTRA_ENV (file of KEY=VALUE settings, e.g. USE_STATEFUL_SESSIONS=true),
# GATEWAY_WHEELS (where the downloaded wheels are kept, per version and Python: a fresh venv installs from
# there without the network; default ~/.cache/jmeter-mcp-toolkit, a folder a CI cache can keep),
# GATEWAY_TLS=1 (serve HTTPS/WSS with a self-signed certificate for localhost/127.0.0.1/::1, made once into
# $GATEWAY_STATE/tls-cert.pem with its key in tls-key.pem, 0600; `up` prints the certificate's path).
set -euo pipefail

SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$SCRIPTS")
GATEWAY_DIR=${GATEWAY_DIR:-$REPO/.gateway}
GATEWAY_STATE=${GATEWAY_STATE:-$GATEWAY_DIR/state}
GATEWAY_PORT=${GATEWAY_PORT:-4444}
FAST_TIME_PORT=${GATEWAY_FAST_TIME_PORT:-18888}
FAST_TEST_PORT=${GATEWAY_FAST_TEST_PORT:-18880}
SERVER_ID=${GATEWAY_SERVER_ID:-5e6f7a8b9c0d4e1f8a2b3c4d5e6f7a8b}
WANTED_VERSION=${GATEWAY_VERSION:-1.1.0}
TLS=${GATEWAY_TLS:-0}
readonly LOOPBACK=127.0.0.1 FALLBACK_VERSION=1.0.7
SCHEME=http CURL_TLS=()
CERT=$GATEWAY_STATE/tls-cert.pem
if [ "$TLS" = 1 ]; then SCHEME=https CURL_TLS=(--cacert "$CERT"); fi
BASE="$SCHEME://$LOOPBACK:$GATEWAY_PORT"

log() { printf 'gateway: %s\n' "$*" >&2; }
die() { printf 'gateway: error: %s\n' "$1" >&2; [ -z "${2:-}" ] || printf '  %s\n' "$2" >&2; exit 1; }
alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
listening() { (exec 3<>"/dev/tcp/$LOOPBACK/$1") 2>/dev/null; }
healthy() { curl -sf -o /dev/null --max-time 5 "${CURL_TLS[@]}" "$BASE/health"; }

check_port() {
  [[ $2 =~ ^[0-9]+$ ]] && [ "$2" -ge 1 ] && [ "$2" -le 65535 ] || die "$1=$2 is not a port number" "use 1..65535"
}

# ---- interpreter and venv -------------------------------------------------------------------------------
py_minor() { "$1" -c 'import sys; print(sys.version_info[0] * 100 + sys.version_info[1])' 2>/dev/null || echo 0; }

# Prints the first interpreter >= 3.12 (< 3.14): GATEWAY_PYTHON, python3.13/3.12 on PATH, pyenv's, python3.
find_python() {
  local c root=${PYENV_ROOT:-$HOME/.pyenv}
  if [ -n "${GATEWAY_PYTHON:-}" ]; then echo "$GATEWAY_PYTHON"; return; fi
  for c in $(command -v python3.13 python3.12 2>/dev/null) \
           $(ls -d "$root"/versions/3.13*/bin/python3.13 "$root"/versions/3.12*/bin/python3.12 2>/dev/null) \
           $(command -v python3 2>/dev/null); do
    local m; m=$(py_minor "$c")
    if [ "$m" -ge 312 ] && [ "$m" -lt 314 ]; then echo "$c"; return; fi
  done
  command -v python3.11 || command -v python3 || true
}

install_venv() {
  local py version minor venv
  py=$(find_python)
  [ -n "$py" ] || die "no Python 3 found" "install Python 3.12 or 3.13 (or 3.11 for the $FALLBACK_VERSION fallback), or set GATEWAY_PYTHON"
  minor=$(py_minor "$py")
  version=$WANTED_VERSION
  if [ "$minor" -lt 312 ]; then
    [ "$minor" -ge 311 ] || die "$py is Python $((minor / 100)).$((minor % 100)); ContextForge needs 3.11+" "set GATEWAY_PYTHON to a Python 3.12 or 3.13"
    log "$py is Python 3.11: $WANTED_VERSION needs 3.12+, installing $FALLBACK_VERSION with scripts/gateway/constraints-$FALLBACK_VERSION.txt"
    version=$FALLBACK_VERSION
  fi
  venv=$GATEWAY_DIR/venv-$version
  if [ -f "$venv/.installed" ] && [ "$(cat "$venv/.installed")" = "$version" ]; then echo "$venv"; return; fi
  log "installing mcp-contextforge-gateway==$version into $venv with $py (Python $((minor / 100)).$((minor % 100)))"
  local t0=$SECONDS constraints=() wheels
  wheels=${GATEWAY_WHEELS:-${XDG_CACHE_HOME:-$HOME/.cache}/jmeter-mcp-toolkit}/wheels-$version-py$minor
  [ "$version" != "$FALLBACK_VERSION" ] || constraints=(-c "$SCRIPTS/gateway/constraints-$FALLBACK_VERSION.txt")
  rm -rf "$venv"
  mkdir -p "$GATEWAY_DIR"
  "$py" -m venv "$venv" || die "$py -m venv failed" "install the venv module (Debian: python3-venv)"
  # pip's own cache keeps nothing when the index says no-store: keep the wheels ourselves, download once.
  if [ ! -f "$wheels/.complete" ]; then
    log "downloading mcp-contextforge-gateway==$version and its dependencies into $wheels"
    if ! "$venv/bin/pip" download -q -d "$wheels" "mcp-contextforge-gateway==$version" "${constraints[@]}" > "$GATEWAY_DIR/pip.log" 2>&1; then
      die "pip download mcp-contextforge-gateway==$version failed: $(tail -n 1 "$GATEWAY_DIR/pip.log")" "full log: $GATEWAY_DIR/pip.log (is the package index reachable?)"
    fi
    touch "$wheels/.complete"
  fi
  if ! "$venv/bin/pip" install -q --no-index --find-links "$wheels" "mcp-contextforge-gateway==$version" "${constraints[@]}" >> "$GATEWAY_DIR/pip.log" 2>&1; then
    die "pip install mcp-contextforge-gateway==$version from $wheels failed: $(tail -n 1 "$GATEWAY_DIR/pip.log")" "full log: $GATEWAY_DIR/pip.log; delete $wheels to download again"
  fi
  echo "$version" > "$venv/.installed"
  log "installed $version in $((SECONDS - t0)) s"
  echo "$venv"
}

# ---- settings -------------------------------------------------------------------------------------------
load_settings() {
  if [ ! -s secrets.env ]; then
    (umask 077; "$VENV/bin/python" -m mcpgateway.scripts.init_secrets --stdout 2>/dev/null | grep -E '^[A-Z_]+=' > secrets.env.new) || true
    [ -s secrets.env.new ] || die "mcpgateway.scripts.init_secrets printed no secrets" "run $VENV/bin/python -m mcpgateway.scripts.init_secrets --stdout to see why"
    mv secrets.env.new secrets.env
  fi
  if [ -n "${GATEWAY_EXTRA_ENV:-}" ]; then
    [ -f "$GATEWAY_EXTRA_ENV" ] || die "GATEWAY_EXTRA_ENV=$GATEWAY_EXTRA_ENV: no such file" "give a file of KEY=VALUE lines"
  fi
  # The settings a running gateway was started with; `up` restarts it when they change.
  SETTINGS_ID=$(cat "$SCRIPTS/gateway/gateway.env" ${GATEWAY_EXTRA_ENV:+"$GATEWAY_EXTRA_ENV"} secrets.env | cksum | cut -d' ' -f1)-$GATEWAY_PORT-$SCHEME
  set -a
  # shellcheck disable=SC1091
  . "$SCRIPTS/gateway/gateway.env"
  # shellcheck disable=SC1090
  [ -z "${GATEWAY_EXTRA_ENV:-}" ] || . "$GATEWAY_EXTRA_ENV"
  . ./secrets.env
  # PORT must be the listening port: the WebSocket relay and SSE call /rpc on it.
  HOST=$LOOPBACK PORT=$GATEWAY_PORT MCG_HOST=$LOOPBACK MCG_PORT=$GATEWAY_PORT
  DATABASE_URL="sqlite:///$GATEWAY_STATE/mcp.db"
  set +a
}

# GATEWAY_TLS=1: a self-signed certificate for the loopback names, made once (like `jtl target --tls`).
make_certificate() {
  if [ "$TLS" != 1 ] || [ -s tls-cert.pem ]; then return 0; fi
  command -v openssl > /dev/null || die "openssl is missing (GATEWAY_TLS=1)" "install openssl"
  (umask 077; openssl req -x509 -newkey rsa:2048 -nodes -keyout tls-key.pem -out tls-cert.pem -days 30 -subj /CN=localhost \
     -addext 'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1' > openssl.log 2>&1) \
    || die "openssl could not make the certificate: $(tail -n 1 openssl.log)" "log: $GATEWAY_STATE/openssl.log"
  chmod 644 tls-cert.pem
}

# ---- processes ------------------------------------------------------------------------------------------
start_test_servers() {
  if alive target.pid && listening "$FAST_TIME_PORT" && listening "$FAST_TEST_PORT"; then return; fi
  listening "$FAST_TIME_PORT" && die "port $FAST_TIME_PORT is taken by something else" "set GATEWAY_FAST_TIME_PORT"
  listening "$FAST_TEST_PORT" && die "port $FAST_TEST_PORT is taken by something else" "set GATEWAY_FAST_TEST_PORT"
  [ -f "$REPO/dist/cli/main.js" ] || (cd "$REPO" && npm run --silent build)
  log "starting the embedded MCP test servers on $FAST_TIME_PORT and $FAST_TEST_PORT (the peers)"
  # `jtl target` also serves its own stand-in gateway on a free port: only the two test servers are used.
  (cd "$GATEWAY_STATE" && exec setsid env -u JMETER_TOKEN -u MCPGATEWAY_BEARER_TOKEN -u JMETER_ADMIN_PASSWORD \
     node "$REPO/bin/jtl.js" target --host "$LOOPBACK" --port 0 --fast-time-port "$FAST_TIME_PORT" --fast-test-port "$FAST_TEST_PORT" \
     > target.log 2>&1 < /dev/null) &
  echo $! > target.pid
  for _ in $(seq 60); do listening "$FAST_TIME_PORT" && listening "$FAST_TEST_PORT" && return; sleep 0.5; done
  die "the MCP test servers did not start: $(tail -n 2 target.log | tr '\n' ' ')" "log: $GATEWAY_STATE/target.log"
}

start_gateway() {
  if alive gw.pid && [ "$(cat gw.settings 2>/dev/null)" = "$SETTINGS_ID" ] && healthy; then
    log "gateway already running with these settings (pid $(cat gw.pid))"
    return
  fi
  if alive gw.pid; then log "settings changed: restarting the gateway"; stop gw.pid gateway; fi
  listening "$GATEWAY_PORT" && die "port $GATEWAY_PORT is taken by something else" "stop it, or set GATEWAY_PORT"
  log "starting ContextForge $VERSION on $BASE (state $GATEWAY_STATE)"
  local t0=$SECONDS
  local tls=() ssl=false skip_verify=${SKIP_SSL_VERIFY:-false}
  # SSL=true: the gateway's calls to itself (the WebSocket relay and SSE post to /rpc) go over https. The seeded
  # REST tool gw-health calls the gateway's own https URL, which its client would refuse (self-signed).
  if [ "$TLS" = 1 ]; then ssl=true skip_verify=true tls=(--ssl-keyfile tls-key.pem --ssl-certfile tls-cert.pem); fi
  SSL=$ssl SKIP_SSL_VERIFY=$skip_verify setsid "$VENV/bin/mcpgateway" --host "$LOOPBACK" --port "$GATEWAY_PORT" --no-access-log --timeout-keep-alive 30 \
    "${tls[@]}" > gw.log 2>&1 < /dev/null &
  echo $! > gw.pid
  echo "$SETTINGS_ID" > gw.settings
  for _ in $(seq 240); do
    healthy && { log "gateway healthy after $((SECONDS - t0)) s"; return; }
    alive gw.pid || die "the gateway exited: $(grep -m 2 -iE 'error|exception' gw.log | cut -c1-300 | tr '\n' ' ')" "log: $GATEWAY_STATE/gw.log"
    sleep 1
  done
  die "the gateway is not healthy after 240 s" "log: $GATEWAY_STATE/gw.log"
}

# Stops a recorded process and its process group (both were started with setsid).
stop() {
  local pid
  [ -s "$1" ] || { rm -f "$1"; return 0; }
  pid=$(cat "$1")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    log "stopped $2 (pid $pid)"
  fi
  rm -f "$1"
}

mint_token() {
  (umask 077; "$VENV/bin/python" -m mcpgateway.utils.create_jwt_token -u "$PLATFORM_ADMIN_EMAIL" --admin \
     --full-name "Load Admin" -e 10080 2> create_jwt.err | tail -n 1 > token.new)
  [ -s token.new ] || die "minting the token failed: $(tail -n 1 create_jwt.err)" "log: $GATEWAY_STATE/create_jwt.err"
  mv token.new token
  (umask 077; printf '%s' "$PLATFORM_ADMIN_PASSWORD" > admin-pass)
}

print_env() {
  cat <<EOF
# ContextForge $(cat "$GATEWAY_STATE/version" 2>/dev/null) on $BASE — paste into your shell:
export JMETER_GATEWAY_URL=$BASE
export JMETER_SERVER_ID=$SERVER_ID
export JMETER_TOKEN="\$(cat $GATEWAY_STATE/token)"
export JMETER_ADMIN_PASSWORD="\$(cat $GATEWAY_STATE/admin-pass)"
export JMETER_ADMIN_EMAIL=${PLATFORM_ADMIN_EMAIL:-admin@example.com}
export JMETER_FAST_TIME_URL=http://$LOOPBACK:$FAST_TIME_PORT
export JMETER_FAST_TEST_URL=http://$LOOPBACK:$FAST_TEST_PORT
EOF
  [ "$TLS" != 1 ] || printf '# its self-signed certificate (curl --cacert, jtl run --truststore): %s\n' "$CERT"
}

cmd_up() {
  command -v curl > /dev/null || die "curl is missing" "install curl"
  mkdir -p "$GATEWAY_STATE" && chmod 700 "$GATEWAY_STATE"
  cd "$GATEWAY_STATE"
  # Settings() reads ./.env: a stray one would silently change the gateway.
  [ ! -e .env ] || die "$GATEWAY_STATE/.env exists and the gateway would read it" "remove it"
  VENV=$(install_venv)
  VERSION=$("$VENV/bin/python" -c 'import mcpgateway; print(mcpgateway.__version__)')
  echo "$VERSION" > version
  load_settings
  make_certificate
  start_test_servers
  start_gateway
  mint_token
  # Over TLS the seed's urllib verifies the gateway against its certificate (SSL_CERT_FILE).
  local seed_tls=()
  [ "$TLS" != 1 ] || seed_tls=(SSL_CERT_FILE="$CERT")
  env "${seed_tls[@]}" GATEWAY_URL=$BASE TOKEN_FILE=$GATEWAY_STATE/token SERVER_ID=$SERVER_ID \
    FAST_TIME_URL=http://$LOOPBACK:$FAST_TIME_PORT FAST_TEST_URL=http://$LOOPBACK:$FAST_TEST_PORT \
    "$VENV/bin/python" "$SCRIPTS/gateway/seed.py" || die "seeding the gateway failed" "log: $GATEWAY_STATE/gw.log"
  print_env
}

cmd_down() {
  [ -d "$GATEWAY_STATE" ] || { log "nothing to stop ($GATEWAY_STATE does not exist)"; return; }
  cd "$GATEWAY_STATE"
  stop gw.pid gateway
  stop target.pid "MCP test servers"
  rm -f gw.settings
  if [ "${1:-}" = --wipe ]; then
    rm -f mcp.db mcp.db-wal mcp.db-shm gw.log target.log token admin-pass create_jwt.err version tls-key.pem tls-cert.pem openssl.log
    log "wiped the DB, logs and token in $GATEWAY_STATE (the secrets stay)"
  fi
}

check_port GATEWAY_PORT "$GATEWAY_PORT"
[[ $TLS =~ ^[01]$ ]] || die "GATEWAY_TLS=$TLS: expected 0 or 1" "GATEWAY_TLS=1 serves HTTPS with a self-signed certificate"
check_port GATEWAY_FAST_TIME_PORT "$FAST_TIME_PORT"
check_port GATEWAY_FAST_TEST_PORT "$FAST_TEST_PORT"
[[ $SERVER_ID =~ ^[0-9a-f]{32}$ ]] || die "GATEWAY_SERVER_ID=$SERVER_ID is not 32 lowercase hex digits" "ContextForge server ids have no dashes"
case "${1:-}" in
  up) cmd_up ;;
  down) shift; cmd_down "$@" ;;
  env) healthy || die "no gateway answers on $BASE" "run: make gateway-up"; print_env ;;
  *) die "usage: scripts/gateway.sh up | down [--wipe] | env" ;;
esac
