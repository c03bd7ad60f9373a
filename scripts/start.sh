#!/usr/bin/env bash
# The one start command (README): installs and builds what is missing, then starts the whole suite
# (`acgs up`) on its embedded defaults: files on disk, in-memory limits and caches, the built-in
# ephemeris; no Redis or PostgreSQL. Ctrl-C stops every service cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
exec node services/acgs/dist/cli.js up "$@"
