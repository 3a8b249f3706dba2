# Shared helpers for Labdeck's scripts. Source it; it defines functions only.

say() { printf '\033[1m[labdeck]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[labdeck] %s\033[0m\n' "$*" >&2; exit 1; }

is_root_debian() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

apt_install() {
  is_root_debian || die "Missing: $*. Install it (Debian: apt-get install -y $*) and try again."
  say "Installing $* from Debian packages..."
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
  fi
}

# java_major JAVA_BIN -> prints the feature version (17, 21, 25...)
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

# Exports JAVA_HOME for a JDK of release 21 or later: $JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm.
find_jdk() {
  local best="" best_major=0 home major
  for home in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$home" ] && [ -x "$home/bin/javac" ] || continue
    major=$(java_major "$home/bin/java")
    [ -n "$major" ] || continue
    if [ "$home" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then best=$home; break; fi
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$home; best_major=$major; fi
  done
  [ -n "$best" ] || die "Labdeck needs a JDK of release 21 or later (none in JAVA_HOME or /usr/lib/jvm). Install one, e.g. Temurin 25, and set JAVA_HOME."
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}

ensure_maven() {
  command -v mvn >/dev/null 2>&1 || apt_install maven
}

# ---- background services ----------------------------------------------------------------------------

# detach LOG COMMAND...: runs COMMAND in the background, fully detached from the caller (its own session, cwd /,
# none of the caller's file descriptors: a CI step's stdout pipe must not stay open), appending its output to LOG.
# It keeps running after the caller exits.
detach() {
  local log=$1; shift
  (
    cd /
    for fd in /proc/$BASHPID/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null
    exec setsid "$@" </dev/null >>"$log" 2>&1
  ) &
}

# await_started WHAT LIMIT LOG MARKER ANSWERS SERVING: waits until the command ANSWERS succeeds. Fails, printing
# LOG's lines since the last "==== ... MARKER" line, when the command SERVING says the process is gone (checked
# every second) or after LIMIT seconds.
await_started() {
  local what=$1 limit=$2 log=$3 marker=$4 answers=$5 serving=$6 waited=0
  until $answers; do
    if [ "$waited" -ge $((limit * 5)) ] || { [ $((waited % 5)) = 4 ] && ! $serving; }; then
      if $serving; then
        printf '\033[1;31m[labdeck] %s did not answer within %s s. Its log (%s) says:\033[0m\n' "$what" "$limit" "$log" >&2
      else
        printf '\033[1;31m[labdeck] %s stopped while starting. Its log (%s) says:\033[0m\n' "$what" "$log" >&2
      fi
      awk -v m="$marker" '$0 ~ ("^==== .* " m) { n = 0 } { line[++n] = $0 }
        END { for (i = (n > 30 ? n - 29 : 1); i <= n; i++) print line[i] }' "$log" >&2
      return 1
    fi
    sleep 0.2; waited=$((waited + 1))
  done
}

# ---- Docker engine -------------------------------------------------------------------------------

# elapsed_since EPOCH_NS -> prints seconds with one decimal, e.g. "12.3"
now_ns() { date +%s%N; }
elapsed_since() { local d=$(( $(now_ns) - $1 )); printf '%d.%d' $((d / 1000000000)) $((d % 1000000000 / 100000000)); }

# The engine's address as a DOCKER_HOST URL: $DOCKER_HOST if set, else the default socket.
engine_host() { printf '%s' "${DOCKER_HOST:-unix:///var/run/docker.sock}"; }

# engine_get PATH -> the engine's answer to GET PATH (e.g. /_ping); fails if it does not answer in 3 s.
engine_get() {
  local host; host=$(engine_host)
  case "$host" in
    unix://*) [ -S "${host#unix://}" ] || return 1
              curl -sf --max-time 3 --unix-socket "${host#unix://}" "http://localhost$1" ;;
    tcp://*)  if [ -n "${DOCKER_CERT_PATH:-}${DOCKER_TLS_VERIFY:-}" ]; then
                docker version >/dev/null 2>&1 && { [ "$1" != /_ping ] || printf OK; }
              else
                curl -sf --max-time 3 "http://${host#tcp://}$1"
              fi ;;
    *)        docker version >/dev/null 2>&1 && { [ "$1" != /_ping ] || printf OK; } ;;
  esac
}

engine_answers() { [ "$(engine_get /_ping 2>/dev/null)" = OK ]; }

# One line describing the engine in use, e.g. "Docker 20.10.24 (API 1.41, overlay2) at unix:///var/run/docker.sock".
engine_describe() {
  local v
  v=$(engine_get /version 2>/dev/null | sed -n 's/.*"Version":"\([^"]*\)".*"ApiVersion":"\([^"]*\)".*/Docker \1 (API \2)/p')
  printf '%s at %s' "${v:-Docker engine}" "$(engine_host)"
}

# dockerd_serving SOCK: whether a dockerd process runs for that socket (it may still be starting).
dockerd_serving() {
  local pid args
  for pid in $(pgrep -x dockerd 2>/dev/null || true); do
    args=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || continue
    case " $args" in
      *"$1"*) return 0 ;;
      *" -H "*|*" --host"*) ;;
      *) [ "$1" = /var/run/docker.sock ] || [ "$1" = /run/docker.sock ] && return 0 ;;
    esac
  done
  return 1
}

# Makes sure a Docker engine answers at $DOCKER_HOST or /var/run/docker.sock. If none does and we are root on
# Debian, installs docker.io when dockerd is missing and starts dockerd in the background, detached from the
# caller (log: /var/log/labdeck/dockerd.log); it keeps running after the caller exits.
# Returns non-zero, with a message saying how to get an engine, when it cannot. Fast when the engine is up.
ensure_engine() {
  local t0 host sock log=/var/log/labdeck/dockerd.log limit=${LABDECK_ENGINE_TIMEOUT:-60}
  ensure_tun
  if engine_answers; then say "Docker engine: $(engine_describe)"; return 0; fi
  t0=$(now_ns)
  host=$(engine_host)
  case "$host" in
    unix://*) sock=${host#unix://} ;;
    *) printf '\033[1;31m[labdeck] No Docker engine answers at DOCKER_HOST=%s. Start that engine, or unset DOCKER_HOST to use a local one (Debian: apt-get install -y docker.io; dockerd).\033[0m\n' "$host" >&2
       return 1 ;;
  esac
  if ! is_root_debian; then
    printf '\033[1;31m[labdeck] No Docker engine answers at %s. Install and start one (Debian, as root: apt-get install -y docker.io && dockerd &), or point DOCKER_HOST at a running engine (unix:///path/to/docker.sock or tcp://host:2375).\033[0m\n' "$host" >&2
    return 1
  fi
  export PATH="$PATH:/usr/sbin:/sbin"
  if ! command -v dockerd >/dev/null 2>&1; then
    ( apt_install docker.io ) || { printf '\033[1;31m[labdeck] Could not install docker.io.\033[0m\n' >&2; return 1; }
    say "Installed docker.io in $(elapsed_since "$t0") s"
  fi
  mkdir -p "$(dirname "$log")" "$(dirname "$sock")"
  (
    # One starter at a time; the lock is released when this subshell ends (dockerd does not inherit it).
    exec 8>/run/labdeck-engine.lock; flock -w "$limit" 8 || exit 0
    engine_answers && exit 0
    dockerd_serving "$sock" && exit 0   # one is starting already: just wait for it
    rm -f "$sock"
    printf '\n==== %s labdeck starts dockerd -H unix://%s\n' "$(date -Is)" "$sock" >>"$log"
    # shellcheck disable=SC2086 # LABDECK_DOCKERD_ARGS is a list of arguments
    detach "$log" dockerd -H "unix://$sock" ${LABDECK_DOCKERD_ARGS:-}
  )
  say "Starting dockerd (log: $log)..."
  await_started dockerd "$limit" "$log" "labdeck starts dockerd" engine_answers "dockerd_serving $sock" || return 1
  say "Docker engine: $(engine_describe) (set up in $(elapsed_since "$t0") s)"
}

# Rootless Docker inside sandboxes opens /dev/net/tun as an unprivileged user. udev makes it 0666 on most hosts; a
# machine without udev (a Firecracker guest, say) leaves it 0600 or lacks it. As root, make it as udev would.
ensure_tun() {
  [ "$(id -u)" = 0 ] || return 0
  if [ ! -c /dev/net/tun ]; then
    modprobe tun 2>/dev/null || true
    [ -c /dev/net/tun ] || { mkdir -p /dev/net && mknod /dev/net/tun c 10 200; } || return 0
  fi
  [ "$(stat -c %a /dev/net/tun)" = 666 ] || chmod 0666 /dev/net/tun
}

# The Maven build bundles the terminal front end with the machine's Node.js and npm (no Node is downloaded).
ensure_node() {
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
}

# ---- Local registry backend ----------------------------------------------------------------------
# Debian's docker-registry (distribution 2.8) on loopback only, no auth: the store of the offline stand-in images
# (deploy/images/standins.sh) and the push target of sandboxes. Sandboxes never reach it directly: Labdeck puts a
# filtering proxy in front of it. Data: /var/lib/labdeck/registry/data; log: /var/log/labdeck/registry.log.

registry_port() { printf '%s' "${LABDECK_REGISTRY_BACKEND_PORT:-5001}"; }
registry_url() { printf 'http://127.0.0.1:%s' "$(registry_port)"; }

# registry_answers: whether GET /v2/ on the backend answers 200 (within 2 s).
registry_answers() {
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$(registry_url)/v2/" 2>/dev/null)" = 200 ]
}

# registry_serving CONFIG: whether a docker-registry process serves that config (it may still be starting).
registry_serving() {
  local pid args
  for pid in $(pgrep -x docker-registry 2>/dev/null || true); do
    args=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || continue
    case " $args " in *" $1 "*) return 0 ;; esac
  done
  return 1
}

# registry_config: the backend's config, written to stdout.
registry_config() {
  cat <<CONF
# Written by Labdeck (ensure_registry in deploy/lib/common.sh); rewritten at each start, do not edit.
version: 0.1
log:
  level: info
  fields:
    service: labdeck-registry
storage:
  filesystem:
    rootdirectory: /var/lib/labdeck/registry/data
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
http:
  # Loopback only: sandboxes reach it through Labdeck's filtering proxy, never directly.
  addr: 127.0.0.1:$(registry_port)
  relativeurls: true
  secret: $(cat /var/lib/labdeck/registry/http-secret)
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
CONF
}

# Makes sure the registry backend answers at 127.0.0.1:$LABDECK_REGISTRY_BACKEND_PORT (default 5001). If nothing
# does and we are root on Debian, installs docker-registry when missing and starts `docker-registry serve` with
# Labdeck's own config, detached from the caller like dockerd in ensure_engine; it keeps running after the caller
# exits. Returns non-zero, with the log's tail, when it cannot. Fast when the backend is up.
# Config: /var/lib/labdeck/registry/config.yml (config-PORT.yml for another port), rewritten at each start.
ensure_registry() {
  local t0 dir=/var/lib/labdeck/registry conf=/var/lib/labdeck/registry/config.yml log=/var/log/labdeck/registry.log
  # Another port (a test's, say) gets a config of its own, so it is not taken for the default backend.
  [ "$(registry_port)" = 5001 ] || conf=$dir/config-$(registry_port).yml
  local limit=${LABDECK_REGISTRY_TIMEOUT:-30}
  if registry_answers; then say "Registry backend: $(registry_url)"; return 0; fi
  t0=$(now_ns)
  if ! is_root_debian; then
    printf '\033[1;31m[labdeck] No registry answers at %s/v2/. Run this as root on Debian to have Labdeck start one (docker-registry), or start a registry there yourself.\033[0m\n' "$(registry_url)" >&2
    return 1
  fi
  if ! command -v docker-registry >/dev/null 2>&1; then
    # Its postinst does not start the package's own service (no init system here); we never use that service.
    ( apt_install docker-registry ) || { printf '\033[1;31m[labdeck] Could not install docker-registry.\033[0m\n' >&2; return 1; }
    say "Installed docker-registry in $(elapsed_since "$t0") s"
  fi
  mkdir -p "$dir/data" "$(dirname "$log")"
  (
    # One starter at a time; the lock is released when this subshell ends (the registry does not inherit it).
    exec 7>/run/labdeck-registry.lock; flock -w "$limit" 7 || exit 0
    registry_answers && exit 0
    registry_serving "$conf" && exit 0   # one is starting already: just wait for it
    # A secret of its own that outlives restarts (unfinished uploads stay valid); the registry would make one up.
    [ -s "$dir/http-secret" ] || (umask 077; od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$dir/http-secret")
    registry_config >"$conf.tmp" && mv -f "$conf.tmp" "$conf"
    printf '\n==== %s labdeck starts docker-registry serve %s\n' "$(date -Is)" "$conf" >>"$log"
    detach "$log" docker-registry serve "$conf"
  )
  say "Starting the registry backend on $(registry_url) (log: $log)..."
  await_started "The registry backend" "$limit" "$log" "labdeck starts docker-registry" registry_answers \
    "registry_serving $conf" || return 1
  say "Registry backend: $(registry_url) (set up in $(elapsed_since "$t0") s)"
}
