#!/usr/bin/env bash
# The full test suite: unit tests of every module, then the end-to-end tests that run real Spark
# applications on local-armada.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

if command -v shellcheck >/dev/null 2>&1; then
  echo "==> shellcheck"
  shellcheck bin/* scripts/*.sh image/src/main/entrypoint/*.sh image/src/main/local-image/opt/spark/bin/*
fi

echo "==> mvn verify"
mvn -B -ntp verify "$@"
