#!/usr/bin/env bash
# Runs Labdeck's benchmarks against a freshly packaged server on a spare port:
#   bench/run.sh [terminal [keystrokes] [megabytes] | checks [count] | starts [count] [lab...] | all]   (default: all)
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
port=${LABDECK_BENCH_PORT:-8097}
LABDECK_DATA=$data java ${LABDECK_BENCH_JAVA_OPTS:-} -Dquarkus.http.port="$port" -Dlabdeck.sandbox.owner=labdeck-bench \
  -Dlabdeck.registry.address=registry.labdeck:${LABDECK_BENCH_REGISTRY_PORT:-5097} \
  -jar target/quarkus-app/quarkus-run.jar >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$port/q/health/ready" >/dev/null && break; sleep 0.5; done
what=${1:-all}
[ $# -gt 0 ] && shift
cp="target/bench:$(cat target/bench-classpath.txt)"
if [ "$what" = terminal ] || [ "$what" = all ]; then
  say "Server up (pid $server); running the terminal benchmark..."
  java -cp "$cp" ${LABDECK_BENCH_CLIENT_OPTS:-} -Dbench.server.pid=$server TerminalBench "http://localhost:$port" "${1:-1000}" "${2:-200}"
fi
if [ "$what" = checks ] || [ "$what" = all ]; then
  say "Running the check benchmark..."
  count=${1:-200}
  [ "$what" = all ] && count=200
  java -cp "$cp" CheckBench "http://localhost:$port" "$count"
fi
if [ "$what" = starts ] || [ "$what" = all ]; then
  say "Running the session start benchmark..."
  if [ "$what" = all ]; then set -- 10; fi
  java -cp "$cp" StartBench "http://localhost:$port" "${1:-10}" "${@:2}"
fi
say "Server peak memory (VmHWM): $(awk '/VmHWM/ {print $2/1024 " MB"}' /proc/$server/status)"
