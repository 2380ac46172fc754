#!/usr/bin/env bash
# Publishes new rule versions while a load test runs (started by loadtest.sh when PUBLISH=N > 0):
# each round validates a candidate (the rules folder with a note of its own, so the version is new),
# then publishes it and times the publication; rounds alternate the potential threshold 60 and 65.
#   src/bench/publish-during-load.sh PORT TOKEN ROUNDS OUT_FILE
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=$1; TOKEN=$2; ROUNDS=$3; OUT=$4
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
: > "$OUT"
for round in $(seq 1 "$ROUNDS"); do
  threshold=$(( round % 2 == 0 ? 60 : 65 ))
  python3 - "$WORK/candidate.zip" "$round" "$threshold" <<'PY'
import os, sys, zipfile
out, note, threshold = sys.argv[1], sys.argv[2], sys.argv[3]
with zipfile.ZipFile(out, 'w') as z:
    for root, _, files in os.walk('rules'):
        for name in files:
            path = os.path.join(root, name)
            if os.path.relpath(path, 'rules').startswith('invariants'):
                continue  # the policy invariants are not part of a candidate (only COMPLIANCE changes them)
            text = open(path, encoding='utf-8').read()
            if path.endswith('clusters/potential-level.csv'):
                text = (text.replace('rated 60 or more is high,60', f'rated {threshold} or more is high,{threshold}')
                            .replace('rated below 60 is low,,60', f'rated below {threshold} is low,,{threshold}')
                            .replace('Change the thresholds in the rows below.', f'Change the thresholds in the rows below. Load-test round {note}.'))
            if path.endswith('tests/clusters.csv'):
                text = (text.replace('potential 60 and class A make a key client,60,', f'potential {threshold} and class A make a key client,{threshold},')
                            .replace('potential 60 and class B make a client to develop,60,', f'potential {threshold} and class B make a client to develop,{threshold},'))
            z.writestr(os.path.relpath(path, 'rules'), text)
PY
  validate=$(curl -s -o "$WORK/validation.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/zip' --data-binary "@$WORK/candidate.zip" "localhost:$PORT/api/rules/validate")
  publish=$(curl -s -o "$WORK/published.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/zip' --data-binary "@$WORK/candidate.zip" "localhost:$PORT/api/rules/versions?comment=load-test-$round")
  version=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("version", "-"))' "$WORK/published.json" 2>/dev/null || echo -)
  echo "round $round threshold $threshold validate(status s) $validate publish(status s) $publish version $version" >> "$OUT"
  # a refused candidate: say why (the problem's detail and its first errors)
  [ "${validate%% *}" = 200 ] || python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); print("  refused:", p.get("detail"), json.dumps(p.get("errors", [])[:3]))' \
    "$WORK/validation.json" >> "$OUT" 2>/dev/null || true
  sleep 2
done
