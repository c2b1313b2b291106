#!/usr/bin/env bash
# Imports the built package the way users do: `import` and `require`, by its package name, and runs the CLI.
# $1: the node command to use (e.g. "node" or "npx -y node@22").
set -euo pipefail
cd "$(dirname "$0")/.."
NODE=${1:-node}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/node_modules"
ln -s "$PWD" "$tmp/node_modules/open-microcredentials"
cp .ci/smoke.mjs .ci/smoke.cjs "$tmp/"
(cd "$tmp" && $NODE --version && $NODE smoke.mjs && $NODE smoke.cjs)
$NODE dist/cli/main.js --version
