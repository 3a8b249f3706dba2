#!/usr/bin/env bash
# Runs Labdeck's benchmarks against a freshly packaged server on a spare port:
#   bench/run.sh [terminal [keystrokes] [megabytes] | checks [count] | starts [count] [lab...] | leaks [cycles] |
#                 class [learners] [rounds] | preview [seconds] [concurrency] | all]
#   (default: all). LABDECK_BENCH_BASELINE=path/to/quarkus-run.jar of an earlier build: the terminal benchmark runs
#   against both servers, alternating, in the same run.
# Prints a table for docs/benchmarks.md. Needs the Docker engine and labdeck/sandbox-tiny (./labdeck test sets both up).
# LABDECK_BENCH_JAVA_OPTS go to the server's JVM, LABDECK_BENCH_CLIENT_OPTS to the benchmark's (e.g. -Dbench.client=jdk).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
. deploy/lib/common.sh
find_jdk
ensure_maven
mvn -B -ntp -q package -DskipTests
mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
mkdir -p target/bench
javac -d target/bench -cp "$(cat target/bench-classpath.txt)" bench/*.java
data=$(mktemp -d)
servers=()
# The servers' logs are kept as target/bench-NAME.log for a look afterwards.
trap 'for d in "$data"/*/; do [ -f "$d/server.log" ] && cp "$d/server.log" "target/bench-$(basename "$d").log"; done
  kill "${servers[@]}" 2>/dev/null || true; wait "${servers[@]}" 2>/dev/null || true; rm -rf "$data"' EXIT

# serve NAME PORT REGISTRY_PORT JAVA_OPTS...: a packaged server with its own owner label, data folder and registry
# door (and mirror, on the next port); its log is $data/NAME/server.log. Waits until it is ready.
serve() {
  local name=$1 port=$2 registry=$3; shift 3
  mkdir -p "$data/$name"
  # shellcheck disable=SC2086 # LABDECK_BENCH_JAVA_OPTS is a list of options
  LABDECK_DATA=$data/$name java ${LABDECK_BENCH_JAVA_OPTS:-} "$@" -Dquarkus.http.port="$port" \
    -Dlabdeck.sandbox.owner=labdeck-bench-$name -Dlabdeck.registry.address=registry.labdeck:$registry \
    -Dlabdeck.registry.mirror-port=$((registry + 1)) \
    -jar "${SERVE_JAR:-target/quarkus-app/quarkus-run.jar}" >"$data/$name/server.log" 2>&1 &
  servers+=($!)
  for _ in $(seq 1 120); do curl -sf "http://localhost:$port/q/health/ready" >/dev/null && return 0; sleep 0.5; done
  die "The $name server did not become ready: $(tail -5 "$data/$name/server.log")"
}

port=${LABDECK_BENCH_PORT:-8097}
# One client makes every start here: the per-address start rate would pace the leak cycles, not measure them.
# The class benchmark's instructor, and room for its class.
serve main "$port" "${LABDECK_BENCH_REGISTRY_PORT:-5190}" '-Dquarkus.log.category."io.labdeck.sandbox".level=DEBUG' \
  -Dlabdeck.session.start-burst=100000 -Dlabdeck.session.max-live=150 -Dlabdeck.admin.user=bench \
  -Dlabdeck.admin.password=bench-password -Dlabdeck.preview.target-address=127.0.0.1
server=${servers[0]}
what=${1:-all}
[ $# -gt 0 ] && shift
cp="target/bench:$(cat target/bench-classpath.txt)"
if [ "$what" = terminal ] || [ "$what" = all ]; then
  if [ -n "${LABDECK_BENCH_BASELINE:-}" ]; then
    # A server built from an earlier commit (its quarkus-run.jar), measured in the same run, alternating with this one.
    say "Starting the baseline server from $LABDECK_BENCH_BASELINE..."
    # An older build may not know every setting given to servers here: it ignores the ones it does not know.
    SERVE_JAR=$LABDECK_BENCH_BASELINE serve base $((port + 2)) $((${LABDECK_BENCH_REGISTRY_PORT:-5190} + 4)) \
      -Dsmallrye.config.mapping.validate-unknown=false
    for round in 1 2; do
      for name in base now; do
        p=$port; [ "$name" = base ] && p=$((port + 2))
        say "Terminal benchmark, round $round, $name..."
        java -cp "$cp" ${LABDECK_BENCH_CLIENT_OPTS:-} TerminalBench "http://localhost:$p" "${1:-1000}" "${2:-200}" \
          | sed "s/^| Labdeck websocket/| $name, round $round: Labdeck websocket/"
      done
    done
  else
    say "Server up (pid $server); running the terminal benchmark..."
    java -cp "$cp" ${LABDECK_BENCH_CLIENT_OPTS:-} -Dbench.server.pid=$server TerminalBench "http://localhost:$port" "${1:-1000}" "${2:-200}"
  fi
fi
if [ "$what" = checks ] || [ "$what" = all ]; then
  say "Running the check benchmark..."
  count=${1:-200}
  [ "$what" = all ] && count=200
  java -cp "$cp" CheckBench "http://localhost:$port" "$count"
fi
if [ "$what" = starts ] || [ "$what" = all ]; then
  # The same starts against a second server in the old caps mode (trusted learners only): before and after, in
  # one run, alternating, with each sandbox's start stages from the servers' debug log.
  say "Starting a second server with dind-mode=caps for the comparison..."
  serve caps $((port + 1)) $((${LABDECK_BENCH_REGISTRY_PORT:-5190} + 2)) -Dlabdeck.sandbox.dind-mode=caps \
    -Dlabdeck.sandbox.trusted-learners=true '-Dquarkus.log.category."io.labdeck.sandbox".level=DEBUG'
  say "Running the session start benchmark..."
  if [ "$what" = all ]; then set -- 10; fi
  java -cp "$cp" StartBench "rootless=http://localhost:$port,caps=http://localhost:$((port + 1))" "${1:-10}" \
    "${@:2}"
  for name in main caps; do
    java -cp "$cp" StartBench --stages "$name" "$data/$name/server.log"
  done
fi
if [ "$what" = class ] || [ "$what" = all ]; then
  say "Running the class benchmark (one class, its learners checking at once, its dashboard)..."
  learners=${1:-100}
  [ "$what" = all ] && learners=100
  java -cp "$cp" ClassBench "http://localhost:$port" bench bench-password "$learners" "${2:-4}"
fi
if [ "$what" = preview ] || [ "$what" = all ]; then
  # The stand-in app runs in a JVM of its own on loopback; the server reaches it for every session's port
  # (labdeck.preview.target-address above), so direct and proxied calls hit the same app.
  app_port=${LABDECK_BENCH_APP_PORT:-18099}
  java -cp "$cp" PreviewBench serve "$app_port" >"$data/preview-app.log" 2>&1 &
  servers+=($!)
  # A second app as a learner's would be: Python's http.server (HTTP/1.1, keep-alive), on the next port.
  python3 - "$((app_port + 1))" >"$data/preview-python.log" 2>&1 <<'PY' &
import http.server, sys
class App(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    wbufsize = 1 << 16  # head and body in one write (two small writes meet Nagle and delayed ACKs: 40 ms each)
    def do_GET(self):
        body = b"hello, world\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), App).serve_forever()
PY
  servers+=($!)
  for p in "$app_port" "$((app_port + 1))"; do
    for _ in $(seq 1 60); do curl -s "http://127.0.0.1:$p/small" >/dev/null && break; sleep 0.5; done
  done
  say "Running the port preview benchmark (direct and proxied, alternating)..."
  seconds=${1:-10}
  [ "$what" = all ] && seconds=10
  java -cp "$cp" ${LABDECK_BENCH_CLIENT_OPTS:-} PreviewBench "http://localhost:$port" "$app_port,$((app_port + 1))" \
    "$seconds" "${2:-32}"
fi
if [ "$what" = leaks ] || [ "$what" = all ]; then
  say "Running the leak benchmark (whole session lives, one after another)..."
  count=${1:-200}
  [ "$what" = all ] && count=200
  java -cp "$cp" LeakBench "http://localhost:$port" "$server" labdeck-bench-main "$count" 20
fi
say "Server peak memory (VmHWM): $(awk '/VmHWM/ {print $2/1024 " MB"}' /proc/$server/status)"
