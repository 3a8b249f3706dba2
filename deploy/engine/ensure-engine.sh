#!/usr/bin/env bash
# Makes sure a Docker engine answers, starting a local one if needed (see ensure_engine in deploy/lib/common.sh).
#   deploy/engine/ensure-engine.sh       run it: exits 0 once an engine answers, 1 with advice if none can
#   . deploy/engine/ensure-engine.sh     source it: the same, returning instead of exiting; defines ensure_engine
_labdeck_engine_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
declare -F say >/dev/null 2>&1 && declare -F ensure_engine >/dev/null 2>&1 || . "$_labdeck_engine_dir/../lib/common.sh"
unset _labdeck_engine_dir
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  ensure_engine || exit 1
else
  ensure_engine
fi
