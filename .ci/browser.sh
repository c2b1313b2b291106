#!/usr/bin/env bash
# The built package in headless Chromium (test/browser): run after `npm run build`.
# Installs Debian's chromium when it is missing (never downloads a browser through playwright).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f dist/index.js ]; then
  echo "dist/ is missing: run 'npm run build' before .ci/browser.sh" >&2
  exit 1
fi
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends chromium
fi
# In CI the browser test must run, not skip: fail here if Chromium is still not there.
CHROMIUM_PATH="$(command -v chromium || true)"
if [ -z "$CHROMIUM_PATH" ]; then
  echo "chromium could not be installed" >&2
  exit 1
fi
export CHROMIUM_PATH
echo "== browser: $("$CHROMIUM_PATH" --version 2>/dev/null | head -n 1)"
npx --no-install vitest run --config vitest.browser.config.ts
