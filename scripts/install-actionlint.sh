#!/usr/bin/env bash
# Installs actionlint (the GitHub Actions workflow linter the tests run) into .tools/bin, built from its Go module
# (the PyPI wrapper downloads a binary at build time, which offline CI cannot). Idempotent.
set -euo pipefail
readonly VERSION=v1.7.12
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=$REPO/.tools/bin
if [ -x "$BIN/actionlint" ] && "$BIN/actionlint" -version 2>/dev/null | head -1 | grep -qx "$VERSION"; then
  echo "actionlint: $VERSION is already installed at $BIN/actionlint"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "actionlint: error: Go is needed to build actionlint $VERSION (apt-get install golang-go, or https://go.dev/dl)" >&2
  exit 1
fi
mkdir -p "$BIN"
GOBIN=$BIN GOFLAGS=-mod=mod go install "github.com/rhysd/actionlint/cmd/actionlint@$VERSION"
echo "actionlint: installed $("$BIN/actionlint" -version | head -1) at $BIN/actionlint"
