#!/usr/bin/env bash
# The one test command (README): installs what it needs, type-checks, lints, runs every test,
# and ends with a line of its own: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-tools.sh || echo "warning: could not install every test tool" >&2
bash scripts/ensure-deps.sh || { echo "0 passed, 1 failed"; exit 1; }
echo "type-checking sources and tests..."
npx tsc -p tsconfig.json --noEmit || { echo "0 passed, 1 failed"; exit 1; }
echo "linting..."
npx eslint . || { echo "0 passed, 1 failed"; exit 1; }
mkdir -p .tmp
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest-report.json "$@"
status=$?
node scripts/print-test-summary.mjs .tmp/vitest-report.json || status=1
exit $status
