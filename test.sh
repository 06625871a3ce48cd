#!/usr/bin/env bash
# Runs Verity's whole test suite: installs the Node tools the interop tests compare against
# (snarkjs, circom2, circomlib from npm) when missing, then builds and tests every module.
set -euo pipefail
cd "$(dirname "$0")"
. ./scripts/env.sh
if [ -f interop/package.json ] && [ ! -d interop/node_modules ]; then
  echo "installing interop tools (snarkjs, circom2, circomlib) ..." >&2
  (cd interop && npm install --no-audit --no-fund --loglevel=error)
fi
exec mvn -B verify "$@"
