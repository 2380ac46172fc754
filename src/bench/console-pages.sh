#!/usr/bin/env bash
# Render time of every console screen on the demo portfolio (1,803 real clients of the online-retail
# sample), measured with curl on loopback against the packaged service on an embedded MariaDB of its
# own (data in $BENCH_DIR). Signs in through the sign-in form like a browser, decides every demo
# client once (so that the audit and the client histories are not empty), then asks each page
# $ROUNDS times after a warm-up round and prints per page the median and the slowest time.
#
#   src/bench/console-pages.sh [rounds]            e.g. src/bench/console-pages.sh 20
#
# The time is curl's time_total: request sent to last byte received (the server renders the page
# whole before it sends it). Pages are listed in PAGES below; add a screen there when you add one.
# The portfolio page loads its parts (matrices, lifecycle, pyramid, actions) after it, each timed here.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-20}
BENCH_DIR=${BENCH_DIR:-$PWD/.data/bench-console}
PORT=${PORT:-8084}
TOKEN=bench-console-token
BASE=http://localhost:$PORT

[ -f target/client-decisions-0.1.0-SNAPSHOT.jar ] || ./mvnw -q -DskipTests package
rm -rf "$BENCH_DIR/db"; mkdir -p "$BENCH_DIR"
DB_EMBEDDED_DATA_DIR="$BENCH_DIR/db" MICRONAUT_SERVER_PORT=$PORT DEMO_ENABLED=true SECURITY_BOOTSTRAP_TOKEN=$TOKEN \
  SECURITY_BOOTSTRAP_ROLES=CRM,ANALYST,AUDITOR,ADMIN,COMPLIANCE SECURITY_BOOTSTRAP_TOKEN_FILE= \
  java -Xmx512m -jar target/client-decisions-0.1.0-SNAPSHOT.jar > "$BENCH_DIR/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/health" >/dev/null 2>&1 && break; sleep 1; done
AUTH="Authorization: Bearer $TOKEN"

# every demo client decided once as of the day after the sample's last invoice
CLIENTS=$(curl -sf -H "$AUTH" "$BASE/api/portfolio/clv?asOf=2011-12-10&size=10000" | python3 -c 'import json,sys; print(" ".join(c["clientId"] for c in json.load(sys.stdin)["items"]))')
python3 - "$BASE" "$TOKEN" $CLIENTS <<'PY'
import json, sys, urllib.request
base, token, clients = sys.argv[1], sys.argv[2], sys.argv[3:]
for i in range(0, len(clients), 1000):
    body = json.dumps({"clientIds": clients[i:i + 1000], "asOf": "2011-12-10"}).encode()
    request = urllib.request.Request(base + "/api/decisions/batch", body, {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    urllib.request.urlopen(request).read()
print(f"decided {len(clients)} clients", file=sys.stderr)
PY
CLIENT=$(echo "$CLIENTS" | cut -d' ' -f1)
DECISION=$(curl -sf -H "$AUTH" "$BASE/api/audit/decisions?clientId=$CLIENT&size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["decisionId"])')

COOKIE=$(curl -s -o /dev/null -D - -H 'Content-Type: application/x-www-form-urlencoded' --data "token=$TOKEN" "$BASE/console/sign-in" \
  | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: cv_session=\([^;]*\).*/\1/p')
[ -n "$COOKIE" ] || { echo "sign-in failed" >&2; exit 1; }

PAGES=(
  "/console"
  "/console/portfolio?asOf=2011-12-10"
  "htmx /console/portfolio/matrices?asOf=2011-12-10"
  "htmx /console/portfolio/lifecycle?asOf=2011-12-10"
  "htmx /console/portfolio/pyramid?asOf=2011-12-10"
  "htmx /console/portfolio/actions?asOf=2011-12-10"
  "/console/clients"
  "/console/clients/$CLIENT?asOf=2011-12-10"
  "/console/rules"
  "/console/rules/tables/clusters/potential-level.csv"
  "/console/rules/versions"
  "/console/scenarios"
  "/console/audit"
  "/console/audit?clientId=$CLIENT"
  "/console/audit/decisions/$DECISION"
  "/console/audit/decisions/$DECISION/rules/POT-HIGH"
  "/console/audit/log"
)
printf '%-60s %8s %8s %6s\n' page median_ms max_ms status
for entry in "${PAGES[@]}"; do
  # "htmx PATH": a part a page loads through htmx (asked with HX-Request, as the page's script does)
  page=${entry#htmx }; extra=(); [ "$page" != "$entry" ] && extra=(-H "HX-Request: true")
  curl -s -o /dev/null "${extra[@]}" -b "cv_session=$COOKIE" "$BASE$page" || true
  times=()
  status=0
  for _ in $(seq 1 "$ROUNDS"); do
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "${extra[@]}" -b "cv_session=$COOKIE" "$BASE$page")
    status=${out%% *}; times+=("${out##* }")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v page="$entry" -v status="$status" '{t[NR]=$1} END {printf "%-60s %8.1f %8.1f %6s\n", page, t[int((NR+1)/2)]*1000, t[NR]*1000, status}'
done
echo "service RSS: $(ps -o rss= -p $SERVICE | awk '{printf "%.0f MB", $1/1024}')"
