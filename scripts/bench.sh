#!/usr/bin/env bash
# Runs every benchmark (bench/*.bench.ts) against its peer in one run; results go to bench/RESULTS.md.
# Pass names to run a subset: npm run bench -- kernel-health
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
shopt -s nullglob
if [ $# -gt 0 ]; then files=(); for name in "$@"; do files+=("bench/$name.bench.ts"); done; else files=(bench/*.bench.ts); fi
for file in "${files[@]}"; do
  echo "== $file"
  node --import tsx "$file"
done
