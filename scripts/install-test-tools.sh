#!/usr/bin/env bash
# Installs the Debian tools the integration tests talk to (real binaries, never mocks).
# Runs only as root; otherwise it lists what is missing and the tests that need them skip with a reason.
set -euo pipefail
declare -A need=(
  [swetest]=swetest [eprover]=eprover [prometheus]=prometheus [promtool]=prometheus
  [prometheus-alertmanager]=prometheus-alertmanager [amtool]=prometheus-alertmanager
  [chromium]=chromium [kubectl]=kubectl
)
missing=()
for bin in "${!need[@]}"; do command -v "$bin" >/dev/null 2>&1 || missing+=("${need[$bin]}"); done
[ -d /usr/share/libswe ] || [ -d /usr/share/sweph ] || missing+=(swe-basic-data)
/usr/bin/python3 -c 'import jplephem' 2>/dev/null || missing+=(python3-jplephem)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
if [ "$(id -u)" != 0 ]; then
  echo "test tools missing (not root, not installing): ${missing[*]}" >&2
  exit 0
fi
echo "installing test tools: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
