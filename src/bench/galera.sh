#!/usr/bin/env bash
# The service scaled out on one machine, for real: a 3-node MariaDB Galera cluster on loopback (Debian's
# mariadb-server and galera-4, each node its own data directory and ports), 3 service instances
# (config/galera.yml) and HAProxy in front. Under load through HAProxy it kills one database node and one
# instance (kill -9), publishes a rule version while they are down, brings both back, then runs a
# resegmentation shared by the instances and kills another instance in the middle of it. It checks:
#   - no answer was a 500, and every acknowledged decision (200 with its decisionId) is in the audit;
#   - the audit verifies (segments, blocks, signed checkpoints) on every instance;
#   - the publication made during the faults is the active version on every instance;
#   - the resegmentation decided every client exactly once, its chunks decided by more than one instance;
#   - the cluster is whole again (3 nodes, Synced) and every node holds the same audit.
# It prints the decisions per second the cluster acknowledged, conflicts retried, and bytes per decision
# and per client (for the capacity plan in src/docs/deploy.md). Results: src/docs/performance.md.
#
#   src/bench/galera.sh [clients] [load seconds] [load connections]     e.g. src/bench/galera.sh 20000 90 8
#
# Ports: SQL 3321-3323, Galera 4567/4577/4587 (IST +1, SST +2), instances 18081-18083, HAProxy 18080.
# Everything lives in $WORK (default .data/galera, removed at the start); KEEP=1 leaves it all running;
# CLUSTER_ONLY=1 starts the cluster alone and leaves it running.
# Installs mariadb-server, galera-4, haproxy and rsync with apt-get when they are missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS=${1:-20000}
LOAD_SECONDS=${2:-90}
CONNECTIONS=${3:-8}
WORK=${WORK:-$PWD/.data/galera}
TOKEN=galera-bench-token
LB=18080
JAR=target/client-decisions-0.1.0-SNAPSHOT.jar
GALERA_LIB=/usr/lib/galera/libgalera_smm.so
AS_OF=2011-12-10

missing=()
command -v mariadbd >/dev/null || missing+=(mariadb-server mariadb-client)
[ -f "$GALERA_LIB" ] || missing+=(galera-4)
command -v haproxy >/dev/null || missing+=(haproxy)
command -v rsync >/dev/null || missing+=(rsync)
command -v socat >/dev/null || missing+=(socat)
command -v ss >/dev/null || missing+=(iproute2)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] && SUDO= || SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -f "$JAR" ] || ./mvnw -q -DskipTests package

pkill -f -- "--defaults-file=$WORK/" 2>/dev/null || true
pkill -f -- "-Dgalera.bench.instance" 2>/dev/null || true
pkill -f -- "haproxy -f $WORK/" 2>/dev/null || true
for _ in $(seq 1 60); do pgrep -f -- "--defaults-file=$WORK/" >/dev/null || break; sleep 0.5; done
rm -rf "$WORK"; mkdir -p "$WORK"
log() { echo "[$(date +%T)] $*"; }
PIDS=()
cleanup() {
  [ "${KEEP:-0}" = 1 ] && { log "KEEP=1: cluster, instances and HAProxy left running (data in $WORK)"; return; }
  pkill -f -- "-Dgalera.bench.instance" 2>/dev/null || true
  pkill -f -- "haproxy -f $WORK/" 2>/dev/null || true
  pkill -f -- "--defaults-file=$WORK/" 2>/dev/null || true
}
trap cleanup EXIT

# ---------------------------------------------------------------- the Galera cluster
# as root, the nodes run as Debian's mysql user: the rsync daemon that receives a state transfer (SST) would
# otherwise drop to nobody and could not write into the data directory
USER_OPT=()
[ "$(id -u)" -eq 0 ] && USER_OPT=(--user=mysql)
CLUSTER_ADDRESS="gcomm://127.0.0.1:4567,127.0.0.1:4577,127.0.0.1:4587"
for n in 1 2 3; do
  dir=$WORK/n$n; base=$((4557 + 10 * n))
  mkdir -p "$dir/data"
  cat > "$dir/my.cnf" <<CNF
[mysqld]
datadir                  = $dir/data
socket                   = $dir/mysqld.sock
pid-file                 = $dir/mysqld.pid
log-error                = $dir/error.log
port                     = $((3320 + n))
bind-address             = 127.0.0.1
innodb_buffer_pool_size  = 256M
innodb_log_file_size     = 128M
innodb_flush_log_at_trx_commit = 2
max_connections          = 300
binlog_format            = ROW
default_storage_engine   = InnoDB
innodb_autoinc_lock_mode = 2
wsrep_on                 = ON
wsrep_provider           = $GALERA_LIB
wsrep_cluster_name       = client-decisions-bench
wsrep_cluster_address    = $CLUSTER_ADDRESS
wsrep_node_name          = n$n
wsrep_node_address       = 127.0.0.1:$base
wsrep_provider_options   = "gmcast.listen_addr=tcp://127.0.0.1:$base;ist.recv_addr=127.0.0.1:$((base + 1));gcache.size=512M"
wsrep_sst_receive_address = 127.0.0.1:$((base + 2))
wsrep_sst_method         = rsync
wsrep_slave_threads      = 2
CNF
  [ "$(id -u)" -eq 0 ] && chown -R mysql:mysql "$dir"
  mariadb-install-db --defaults-file="$dir/my.cnf" "${USER_OPT[@]}" --auth-root-authentication-method=socket \
    --skip-test-db > "$dir/install.log" 2>&1
done
sql() { local n=$1; shift; mariadb --defaults-file=/dev/null --socket="$WORK/n$n/mysqld.sock" -uroot -N -B "$@"; }
status() { sql "$1" -e "SHOW GLOBAL STATUS LIKE '$2'" 2>/dev/null | awk '{print $2}'; }
start_node() {
  local n=$1; shift
  mariadbd --defaults-file="$WORK/n$n/my.cnf" "${USER_OPT[@]}" "$@" >> "$WORK/n$n/stdout.log" 2>&1 &
  for _ in $(seq 1 240); do
    [ "$(status "$n" wsrep_local_state_comment)" = Synced ] && return 0
    sleep 0.5
  done
  echo "node $n did not reach Synced: see $WORK/n$n/error.log" >&2; tail -20 "$WORK/n$n/error.log" >&2; exit 1
}
# a node stopped hard restarts from the position InnoDB recovered, so it catches up by IST (the writes it
# missed, from a donor's gcache) instead of a full copy of the data directory
restart_node() {
  local n=$1
  mariadbd --defaults-file="$WORK/n$n/my.cnf" "${USER_OPT[@]}" --wsrep-recover --log-error="$WORK/n$n/recover.log" >/dev/null 2>&1 || true
  local position; position=$(grep -o 'Recovered position: [^ ]*' "$WORK/n$n/recover.log" | tail -1 | awk '{print $3}')
  log "node $n: recovered position $position"
  start_node "$n" ${position:+--wsrep-start-position=$position}
}
log "starting the cluster"
start_node 1 --wsrep-new-cluster
sql 1 -e "CREATE DATABASE clientdecisions CHARACTER SET utf8mb4; CREATE USER 'app'@'127.0.0.1' IDENTIFIED BY 'app';
          GRANT ALL ON clientdecisions.* TO 'app'@'127.0.0.1';"
start_node 2
start_node 3
log "cluster: $(status 1 wsrep_cluster_size) nodes, $(status 1 wsrep_cluster_status)"
if [ "${CLUSTER_ONLY:-0}" = 1 ]; then
  KEEP=1; log "CLUSTER_ONLY=1: the cluster alone, on ports 3321-3323 (user app, password app, database clientdecisions)"; exit 0
fi

# ---------------------------------------------------------------- the service instances
start_instance() {
  local i=$1 first=$1 urls=()
  for k in 0 1 2; do urls+=("127.0.0.1:$((3321 + (first - 1 + k) % 3))"); done
  mkdir -p "$WORK/i$i"
  MICRONAUT_CONFIG_FILES=config/galera.yml MICRONAUT_SERVER_PORT=$((18080 + i)) \
    DB_URL="jdbc:mariadb:sequential://$(IFS=,; echo "${urls[*]}")/clientdecisions" DB_USER=app DB_PASSWORD=app \
    AUDIT_SIGNING_KEY_FILE="$WORK/audit-signing-key.pem" AUDIT_ARCHIVE_DIR="$WORK/i$i/archive" RULES_DIR="$PWD/rules" \
    SECURITY_BOOTSTRAP_TOKEN=$TOKEN SECURITY_BOOTSTRAP_ROLES=CRM,ANALYST,AUDITOR,ADMIN,MONITORING SECURITY_BOOTSTRAP_TOKEN_FILE= \
    DEMO_ENABLED=false RESEGMENTATION_AFTER_IMPORT=0s RESEGMENTATION_SCHEDULE= \
    java -Xmx512m -Dgalera.bench.instance=$i -jar "$JAR" >> "$WORK/i$i/service.log" 2>&1 &
  for _ in $(seq 1 180); do
    curl -sf "localhost:$((18080 + i))/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "instance $i did not start: see $WORK/i$i/service.log" >&2; tail -30 "$WORK/i$i/service.log" >&2; exit 1
}
instance_pid() { pgrep -f -- "-Dgalera.bench.instance=$1 " | head -1; }
# the first instance alone migrates the schema and seeds the rules; then the others
log "starting instance 1 (migrates the schema)"
start_instance 1
log "starting instances 2 and 3"
start_instance 2 & second=$!
start_instance 3 & third=$!
wait $second; wait $third

cat > "$WORK/haproxy.cfg" <<CFG
global
    maxconn 2000
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    retries 3
    option redispatch
frontend decisions
    bind 127.0.0.1:$LB
    default_backend instances
backend instances
    balance roundrobin
    option httpchk GET /health
    http-check expect string UP
    retry-on conn-failure empty-response
    default-server inter 500ms fall 2 rise 2
    server i1 127.0.0.1:18081 check
    server i2 127.0.0.1:18082 check
    server i3 127.0.0.1:18083 check
CFG
haproxy -f "$WORK/haproxy.cfg" -D -p "$WORK/haproxy.pid"
until curl -sf "localhost:$LB/health" >/dev/null; do sleep 0.5; done
api() { curl -sS -H "Authorization: Bearer $TOKEN" "$@"; }

# ---------------------------------------------------------------- the portfolio
java src/bench/GeneratePortfolio.java --clients "$CLIENTS" --lines-per-client 10 --seed 42 --out "$WORK/portfolio" >/dev/null
for kind in clients orders; do
  log "importing $kind through instance 1"
  api -f -o /dev/null -H 'Content-Type: text/csv' --data-binary "@$WORK/portfolio/$kind.csv" "localhost:18081/api/imports/$kind"
done
first_decision=$(api -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"clientId\":\"S00000001\",\"asOf\":\"$AS_OF\"}" "localhost:18083/api/decisions")
log "a decision through instance 3 right after the import through instance 1: $first_decision"

# ---------------------------------------------------------------- load, with faults
cat > "$WORK/load.py" <<'PY'
# Closed-loop load on POST /api/decisions: CONNECTIONS threads, each its own keep-alive connection, for
# SECONDS; writes every acknowledged decisionId (200) to acked.txt and a summary with the answers by
# status and the acknowledged decisions per second.
import http.client, json, random, sys, threading, time
port, token, clients, seconds, connections, as_of, out = sys.argv[1:8]
clients, seconds, connections = int(clients), float(seconds), int(connections)
lock = threading.Lock()
acked, statuses, per_second, failures = [], {}, {}, []
start = time.time()
def worker(seed):
    rng = random.Random(seed)
    connection = None
    while time.time() - start < seconds:
        body = json.dumps({"clientId": "S%08d" % rng.randrange(clients), "asOf": as_of})
        try:
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=30)
            connection.request("POST", "/api/decisions", body,
                               {"Content-Type": "application/json", "Authorization": "Bearer " + token})
            response = connection.getresponse()
            text = response.read()
            status = str(response.status)
            if response.status == 200:
                decision_id = json.loads(text)["decisionId"]
            elif response.status >= 500:
                with lock:
                    failures.append((round(time.time() - start, 1), status, text[:300].decode("utf-8", "replace")))
        except Exception as e:
            status = "no answer (" + type(e).__name__ + ")"
            connection = None
        second = int(time.time() - start)
        with lock:
            statuses[status] = statuses.get(status, 0) + 1
            if status == "200":
                acked.append(decision_id)
                per_second[second] = per_second.get(second, 0) + 1
threads = [threading.Thread(target=worker, args=(k,)) for k in range(connections)]
for t in threads: t.start()
for t in threads: t.join()
with open(out + "/acked.txt", "w") as f:
    f.write("\n".join(acked) + "\n")
json.dump({"statuses": statuses, "perSecond": [per_second.get(s, 0) for s in range(int(seconds) + 1)],
           "failures": failures[:20]}, open(out + "/load.json", "w"), indent=1)
PY
log "load: $CONNECTIONS connections for ${LOAD_SECONDS}s through HAProxy"
python3 "$WORK/load.py" $LB $TOKEN "$CLIENTS" "$LOAD_SECONDS" "$CONNECTIONS" $AS_OF "$WORK" &
LOAD=$!
T0=$(date +%s)
at() { local wait=$(( $1 - ($(date +%s) - T0) )); [ $wait -gt 0 ] && sleep $wait; return 0; }
FAULT_AT=$((LOAD_SECONDS / 4)); BACK_AT=$((LOAD_SECONDS / 2))
at $FAULT_AT
log "kill -9: database node 2 and instance 2"
kill -9 "$(cat "$WORK/n2/mysqld.pid")"; kill -9 "$(instance_pid 2)"
# the two other nodes stop committing until they declare node 2 gone (evs.suspect_timeout, 5 s by default):
# wait for their new view, and for HAProxy to see an instance up again, then publish while both are down
KILLED_AT=$(date +%s.%N)
until [ "$(status 1 wsrep_cluster_size)" = 2 ]; do sleep 0.2; done
log "the cluster went on with 2 nodes after $(python3 -c "import time; print(round(time.time() - $KILLED_AT, 1))") s"
until curl -sf "localhost:$LB/health" >/dev/null; do sleep 0.2; done
log "publishing a rule version (potential threshold 65) through HAProxy while they are down"
for attempt in 1 2 3; do
  src/bench/publish-during-load.sh $LB $TOKEN 1 "$WORK/publish.txt"
  cat "$WORK/publish.txt"
  PUBLISHED=$(awk '{print $NF}' "$WORK/publish.txt")
  [ "$PUBLISHED" != - ] && break
  sleep 2
done
at $BACK_AT
log "bringing back node 2 (IST) and instance 2"
restart_node 2
start_instance 2
log "node 2 back: cluster of $(status 1 wsrep_cluster_size), node 2 $(status 2 wsrep_local_state_comment)"
wait $LOAD
log "load done"

# ---------------------------------------------------------------- a shared resegmentation, one instance killed in it
job=$(api -f -X POST "localhost:$LB/api/portfolio/resegmentations?asOf=$AS_OF" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
log "resegmentation job $job started; instance 3 killed in 4 s, restarted 5 s later"
sleep 4
kill -9 "$(instance_pid 3)"
sleep 5
start_instance 3
JOB_T0=$(date +%s)
while :; do
  view=$(api -sf "localhost:$LB/api/portfolio/resegmentations/$job" || echo '{}')
  state=$(echo "$view" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("status", "?"))')
  [ "$state" = RUNNING ] || [ "$state" = "?" ] || break
  [ $(( $(date +%s) - JOB_T0 )) -gt 900 ] && { echo "job $job still running after 15 minutes" >&2; exit 1; }
  sleep 2
done
log "job $job: $(echo "$view" | python3 -c 'import json,sys; v=json.load(sys.stdin); print(v["status"], v["done"], "of", v["total"], "clients;", ", ".join("%s: %d chunks" % (w["instance"], w["chunks"]) for w in v["instances"]))')"

# a second one with no fault: how fast the instances decide the portfolio together (on this one machine)
job2=$(api -f -X POST "localhost:$LB/api/portfolio/resegmentations?asOf=$AS_OF" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
JOB2_T0=$(date +%s.%N)
while :; do
  view2=$(api -sf "localhost:$LB/api/portfolio/resegmentations/$job2" || echo '{}')
  state2=$(echo "$view2" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("status", "?"))')
  [ "$state2" = RUNNING ] || [ "$state2" = "?" ] || break
  sleep 1
done
JOB2_SECONDS=$(python3 -c "import time; print(round(time.time() - $JOB2_T0, 1))")
log "job $job2 (no fault): $state2 in $JOB2_SECONDS s, $(echo "$view2" | python3 -c 'import json,sys; v=json.load(sys.stdin); print(", ".join("%s: %d chunks" % (w["instance"][:17], w["chunks"]) for w in v["instances"]))')"

# ---------------------------------------------------------------- checks
FAILED=0
check() { if [ "$1" = ok ]; then echo "  ok    $2"; else echo "  FAIL  $2"; FAILED=1; fi; }
echo
echo "== load through HAProxy"
python3 - "$WORK/load.json" "$FAULT_AT" <<'PY'
import json, sys
summary, fault = json.load(open(sys.argv[1])), int(sys.argv[2])
steady = summary["perSecond"][2:fault]
print("  answers by status:", summary["statuses"])
print("  acknowledged decisions per second before the faults (3 nodes, 3 instances): %.0f" % (sum(steady) / max(1, len(steady))))
print("  per second over the run:", " ".join(str(n) for n in summary["perSecond"]))
for failure in summary["failures"][:5]:
    print("  a 5xx at %ss: %s %s" % tuple(failure))
gaps, run = [], 0
for n in summary["perSecond"][:-1]:
    run = run + 1 if n == 0 else 0
    gaps.append(run)
print("  longest run of seconds without an acknowledged decision: %d" % max(gaps + [0]))
PY
fives=$(python3 -c 'import json,sys; print(sum(n for s, n in json.load(open(sys.argv[1]))["statuses"].items() if s == "500"))' "$WORK/load.json")
check "$([ "$fives" = 0 ] && echo ok)" "no answer was a 500 ($fives)"
acked=$(wc -l < "$WORK/acked.txt")
missing=$(sql 1 --local-infile=1 clientdecisions -e "SET SESSION wsrep_sync_wait = 1;
  CREATE TEMPORARY TABLE acked (decision_id CHAR(36) PRIMARY KEY);
  LOAD DATA LOCAL INFILE '$WORK/acked.txt' IGNORE INTO TABLE acked;
  SELECT COUNT(*) FROM acked a LEFT JOIN decision_audit d ON d.decision_id = a.decision_id WHERE d.decision_id IS NULL;")
check "$([ "$missing" = 0 ] && echo ok)" "every acknowledged decision is in the audit ($acked acknowledged, $missing missing)"

echo "== rule publication during the faults"
for i in 1 2 3; do
  active=$(api -sf "localhost:$((18080 + i))/api/rules" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
  check "$([ "$active" = "$PUBLISHED" ] && echo ok)" "instance $i: active version ${active:0:12} is the one published (${PUBLISHED:0:12})"
done

echo "== resegmentation job $job"
read -r decided distinct < <(sql 1 clientdecisions -e "SELECT COUNT(*), COUNT(DISTINCT client_id) FROM decision_audit WHERE job_id = $job")
total=$(sql 1 clientdecisions -e "SELECT COUNT(*) FROM client")
owners=$(sql 1 clientdecisions -e "SELECT COUNT(DISTINCT owner) FROM resegmentation_chunk WHERE job_id = $job")
check "$([ "$decided" = "$total" ] && [ "$distinct" = "$total" ] && echo ok)" \
  "every client decided once: $decided decisions, $distinct clients, $total in the portfolio"
check "$([ "$owners" -ge 2 ] && echo ok)" "its chunks were decided by $owners instances"
echo "  job $job2, no fault: $total clients in $JOB2_SECONDS s by 3 instances = $(python3 -c "print(round($total / $JOB2_SECONDS))") decisions/s"
sql 1 clientdecisions -e "SELECT id, status, started_by, total, error FROM resegmentation_job ORDER BY id" | sed 's/^/    job: /'


echo "== audit"
checkpoint=$(api -s -o /dev/null -w '%{http_code}' -X POST "localhost:$LB/api/audit/checkpoints")
echo "  checkpoint made: $checkpoint"
for i in 1 2 3; do
  verdict=$(api -sf "localhost:$((18080 + i))/api/audit/verify" | python3 -c 'import json,sys; v=json.load(sys.stdin); print(v["intact"], v["recordsChecked"], v["blocksChecked"], len(v["segments"]), v["problem"])')
  check "$([ "${verdict%% *}" = True ] && echo ok)" "instance $i verifies the audit: intact records blocks segments problem = $verdict"
done

if [ $FAILED = 1 ]; then
  echo "  segments: id, head in audit_segment, blocks, last block; the heads checkpoints signed (checkpoint:head)"
  sql 1 clientdecisions -e "SELECT s.segment_id, s.head_seq, (SELECT COUNT(*) FROM audit_block b WHERE b.segment_id = s.segment_id),
      (SELECT MAX(block_seq) FROM audit_block b WHERE b.segment_id = s.segment_id),
      (SELECT GROUP_CONCAT(CONCAT(c.checkpoint_id, ':', c.head_seq) ORDER BY c.checkpoint_id) FROM audit_checkpoint_segment c WHERE c.segment_id = s.segment_id)
      FROM audit_segment s ORDER BY 1" | sed 's/^/    /'
  sql 1 clientdecisions -e "SELECT checkpoint_id, created_at, created_by FROM audit_checkpoint" | sed 's/^/    /'
fi

echo "== cluster"
for n in 1 2 3; do
  size=$(status "$n" wsrep_cluster_size); state=$(status "$n" wsrep_local_state_comment)
  count=$(sql "$n" clientdecisions -e "SET SESSION wsrep_sync_wait = 1; SELECT COUNT(*) FROM decision_audit")
  echo "  node $n: cluster of $size, $state, $count audited decisions, conflicts $(status "$n" wsrep_local_cert_failures) certification failures, $(status "$n" wsrep_local_bf_aborts) aborted by replication"
  check "$([ "$size" = 3 ] && [ "$state" = Synced ] && [ "$count" = "$(sql 1 clientdecisions -e 'SELECT COUNT(*) FROM decision_audit')" ] && echo ok)" "node $n whole and equal"
done
replicated=0; writesets=0
for n in 1 2 3; do
  replicated=$((replicated + $(status "$n" wsrep_replicated_bytes))); writesets=$((writesets + $(status "$n" wsrep_replicated)))
done
all_decisions=$(sql 1 clientdecisions -e "SELECT COUNT(*) FROM decision_audit")
echo "  replicated: $writesets write sets, $replicated bytes in all = $((replicated / all_decisions)) bytes per audited decision (imports included)"
for i in 1 2 3; do
  retries=$(api -sf "localhost:$((18080 + i))/prometheus" | awk '/^transactions_conflict_retries_total/ {print $2}')
  echo "  instance $i: transactions.conflict.retries ${retries:-0}"
done

echo "== sizes (InnoDB data + indexes, after ANALYZE TABLE)"
sql 1 clientdecisions -e "ANALYZE TABLE decision_audit, decision_document, decision_fired_rule, audit_block, client, customer_order, order_line" >/dev/null 2>&1 || true
sql 1 -e "SELECT table_name, table_rows, data_length + index_length FROM information_schema.TABLES
          WHERE table_schema = 'clientdecisions' AND data_length + index_length > 65536 ORDER BY 3 DESC" |
  awk '{printf "  %-28s %12s rows %14s bytes\n", $1, $2, $3}'
decisions=$(sql 1 clientdecisions -e "SELECT COUNT(*) FROM decision_audit")
sql 1 -e "SELECT ROUND(SUM(IF(table_name NOT IN ('client', 'customer_order', 'order_line', 'payment', 'complaint', 'client_need', 'client_team_member', 'referral', 'survey'), data_length + index_length, 0)) / $decisions),
                 ROUND(SUM(IF(table_name IN ('client', 'customer_order', 'order_line', 'payment', 'complaint', 'client_need', 'client_team_member', 'referral', 'survey'), data_length + index_length, 0)) / $total)
          FROM information_schema.TABLES WHERE table_schema = 'clientdecisions'" |
  awk -v d="$decisions" -v c="$total" '{printf "  all but client facts: %s bytes per audited decision (%s decisions); client facts: %s bytes per client (%s clients)\n", $1, d, $2, c}'
echo
[ $FAILED = 0 ] && log "all checks passed" || { log "some checks FAILED (logs in $WORK)"; exit 1; }
