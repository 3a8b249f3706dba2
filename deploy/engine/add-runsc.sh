#!/usr/bin/env bash
# Registers gVisor's runsc (Debian's package) with the local Docker engine as the runtime "runsc", for
# labdeck.sandbox.runtime=runsc (sandboxes without Docker inside run on gVisor's kernel instead of the host's).
#   deploy/engine/add-runsc.sh        installs runsc if missing, adds it to /etc/docker/daemon.json, reloads dockerd
# The runtime runs with --network=host: gVisor's own network stack refuses to start on these machines ("cannot run
# with network enabled in root network namespace"); it then uses the network namespace Docker made for the
# container, so each sandbox keeps its own network. dockerd reloads runtimes on SIGHUP, without a restart.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/../lib/common.sh"

engine_answers || die "No Docker engine answers; run deploy/engine/ensure-engine.sh first."
if docker info --format '{{json .Runtimes}}' 2>/dev/null | grep -q '"runsc"'; then
  say "runsc is registered with the engine"
  exit 0
fi
command -v runsc >/dev/null 2>&1 || apt_install runsc
command -v python3 >/dev/null 2>&1 || apt_install python3
mkdir -p /etc/docker
python3 - "$(command -v runsc)" <<'PY'
import json, os, sys
path = "/etc/docker/daemon.json"
config = json.load(open(path)) if os.path.exists(path) and os.path.getsize(path) > 0 else {}
config.setdefault("runtimes", {})["runsc"] = {"path": sys.argv[1], "runtimeArgs": ["--network=host"]}
tmp = path + ".labdeck"
with open(tmp, "w") as f:
    json.dump(config, f, indent=2)
os.replace(tmp, path)
PY
pkill -HUP -x dockerd
for _ in $(seq 50); do
  docker info --format '{{json .Runtimes}}' 2>/dev/null | grep -q '"runsc"' && { say "runsc registered with the engine"; exit 0; }
  sleep 0.1
done
die "dockerd did not take runsc from /etc/docker/daemon.json (see /var/log/labdeck/dockerd.log)."
