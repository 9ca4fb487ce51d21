#!/usr/bin/env bash
# Intake benchmark (issue: hub intake at least 70% of the ceiling). Starts a hub on the embedded default, drives
# POST /api/v1/requests with N concurrent clients, then issues the same durable transactions (citizen upsert, ticket
# insert, first event, commit) straight to the same MariaDB: the ceiling. Prints both and the ratio.
#   deploy/bench/intake.sh [clients] [requests] [seconds-for-wrk]
# The HTTP load comes from wrk (Debian package "wrk"; installed when missing and running as root) and, for
# comparison, from the hub's own JVM client (bench intake). Figures go to docs/benchmarks.md by hand.
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS="${1:-64}"
REQUESTS="${2:-30000}"
SECONDS_WRK="${3:-20}"
[ -f hub/target/hub.jar ] || mvn -B -q -ntp -DskipTests package
WORK="$(mktemp -d -t hub-bench-XXXXXX)"
JAR="$WORK/hub.jar"
cp hub/target/hub.jar "$JAR"    # a rebuild while the benchmark runs must not swap the running jar
DATA="$WORK/data"
PORT="${BENCH_PORT:-18480}"
# Automatic dispatch is off by default so the hub's intake is compared with the ceiling on the same work;
# BENCH_AUTO_DISPATCH=true measures intake while the hub also dispatches every ticket (routing, deadlines, clocks).
HUB_AUTO_DISPATCH="${BENCH_AUTO_DISPATCH:-false}" HUB_LOG_FORMAT=text java -jar "$JAR" serve --port "$PORT" --data-dir "$DATA" >"$WORK/hub.log" 2>&1 &
HUB_PID=$!
trap 'kill "$HUB_PID" 2>/dev/null; wait "$HUB_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 180); do
  curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null || { cat "$WORK/hub.log"; exit 1; }

if ! command -v wrk >/dev/null && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >/dev/null 2>&1 || true
fi

echo "cpu: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "warming up the hub (10000 requests)"
java -jar "$JAR" bench intake --url "http://127.0.0.1:$PORT" --clients "$CLIENTS" --requests 10000 --warmup 0 >/dev/null

if command -v wrk >/dev/null; then
  echo "hub, wrk driver ($CLIENTS connections, ${SECONDS_WRK}s):"
  wrk -t2 -c"$CLIENTS" -d"${SECONDS_WRK}s" --latency -s deploy/bench/intake.lua "http://127.0.0.1:$PORT" \
    | grep -E "Requests/sec|^ +50%|^ +99%|Non-2xx|Socket errors" | sed 's/^/  /'
fi
echo "hub, JVM driver:"
echo "  $(java -jar "$JAR" bench intake --url "http://127.0.0.1:$PORT" --clients "$CLIENTS" --requests "$REQUESTS" --warmup 5000)"
echo "ceiling, same transactions straight to MariaDB:"
echo "  $(java -jar "$JAR" bench ceiling --data-dir "$DATA" --clients "$CLIENTS" --requests "$REQUESTS" --warmup 10000)"
