#!/usr/bin/env bash
# The one start command (README): installs and builds what is missing, then starts the system
# on its embedded defaults (files on disk, in-memory limits and caches; no Redis or PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
exec node services/iss/dist/cli.js serve "$@"
