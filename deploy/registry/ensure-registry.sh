#!/usr/bin/env bash
# Makes sure Labdeck's registry backend answers on 127.0.0.1:${LABDECK_REGISTRY_BACKEND_PORT:-5001}, installing
# Debian's docker-registry and starting it if needed (see ensure_registry in deploy/lib/common.sh).
#   deploy/registry/ensure-registry.sh       run it: exits 0 once the backend answers, 1 with its log's tail if not
#   . deploy/registry/ensure-registry.sh     source it: the same, returning instead of exiting; defines ensure_registry
# Config: /var/lib/labdeck/registry/config.yml (written by Labdeck; filesystem storage under
# /var/lib/labdeck/registry/data, loopback only, no auth, deletes enabled). Log: /var/log/labdeck/registry.log.
_labdeck_registry_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
declare -F say >/dev/null 2>&1 && declare -F ensure_registry >/dev/null 2>&1 || . "$_labdeck_registry_dir/../lib/common.sh"
unset _labdeck_registry_dir
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  ensure_registry || exit 1
else
  ensure_registry
fi
