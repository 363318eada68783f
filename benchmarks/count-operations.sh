#!/usr/bin/env bash
# Counts what one establishment (followed by its read-back with minSequence, as the web client does) costs in MongoDB
# commands and Kafka calls, from every service's own metrics (the organisation service that takes the command, and
# the other services whose consumers read its topic: members, discipline, activities, the audit's witness), over N
# establishments sent one at a time through the gateway (no batching across commands: the worst case). Needs a
# platform started by ./run.sh (demo mode):
#   benchmarks/count-operations.sh [N=100]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100}
GATEWAY=http://127.0.0.1:${DANGJIAN_GATEWAY_PORT:-8080}
SERVICES="organisation=${DANGJIAN_ORGANISATION_PORT:-8081} members=${DANGJIAN_MEMBERS_PORT:-8082} discipline=${DANGJIAN_DISCIPLINE_PORT:-8083} activities=${DANGJIAN_ACTIVITIES_PORT:-8084} audit=${DANGJIAN_AUDIT_PORT:-8085}"
before=$(mktemp) after=$(mktemp)
trap 'rm -f "$before" "$after"' EXIT
STAFF=$(infra/scripts/token.sh dangwei)
OPS=$(infra/scripts/token.sh yunwei)
scrape() {
  for entry in $SERVICES; do
    curl -s "http://127.0.0.1:${entry#*=}/actuator/prometheus" -H "Authorization: Bearer $OPS" \
      | grep -E '^(mongodb_driver_commands_seconds_count|dangjian_relay_batches_total|dangjian_readmodel_commits_total|dangjian_events_published_total)' \
      | sed "s/^/${entry%%=*} /"
  done
}
PARENT=$(curl -s -X POST $GATEWAY/api/organisation/units -H "Authorization: Bearer $STAFF" -H 'Content-Type: application/json' \
  -d '{"kind":"COMMITTEE","name":"计数党委","reason":"计数"}' | sed 's/.*"id":"\([^"]*\)".*/\1/')
sleep 2
scrape > "$before"
for i in $(seq 1 $N); do
  R=$(curl -s -X POST $GATEWAY/api/organisation/units -H "Authorization: Bearer $STAFF" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: count-$i-$RANDOM" -d "{\"kind\":\"BRANCH\",\"name\":\"计数支部$i\",\"parentId\":\"$PARENT\",\"reason\":\"计数\"}")
  ID=$(echo "$R" | sed 's/.*"id":"\([^"]*\)".*/\1/'); SEQ=$(echo "$R" | sed 's/.*"sequence":\([0-9]*\).*/\1/')
  curl -s -o /dev/null "$GATEWAY/api/organisation/units/$ID?minSequence=$SEQ" -H "Authorization: Bearer $STAFF"
done
sleep 7   # the relay's sweep (every 5 s) settles the commits
scrape > "$after"
python3 - "$N" "$before" "$after" <<'PY'
import sys,re,collections
n=int(sys.argv[1])
def load(p):
    d={}
    for l in open(p):
        k,v=l.rsplit(' ',1); d[k]=float(v)
    return d
def service(k): return k.split(' ',1)[0]
b,a=load(sys.argv[2]),load(sys.argv[3])
rows=collections.Counter()
for k,v in a.items():
    delta=v-b.get(k,0)
    if delta<=0: continue
    metric=k.split(' ',1)[1]
    if metric.startswith('mongodb'):
        coll=re.search(r'collection="([^"]*)"',metric).group(1); cmd=re.search(r'command="([^"]*)"',metric).group(1)
        rows[(service(k),'mongo',cmd,coll)]+=delta
    else:
        rows[(service(k),'kafka/other',metric.split('{')[0],re.search(r'model="([^"]*)"',metric).group(1) if 'model=' in metric else '')]+=delta
tot=sum(v for k,v in rows.items() if k[1]=='mongo')
print(f"per establishment with its read-back ({n} of them): Mongo commands {tot/n:.2f} across the platform")
for svc in sorted({k[0] for k in rows}):
    mongo=sum(v for k,v in rows.items() if k[0]==svc and k[1]=='mongo')
    commits=sum(v for k,v in rows.items() if k[0]==svc and k[2]=='dangjian_readmodel_commits_total')
    print(f"  {svc}: Mongo commands {mongo/n:.2f}, consumer checkpoints (offset commits) {commits/n:.2f}")
for k,v in sorted(rows.items(), key=lambda x:-x[1]): print(f"  {v/n:6.2f}  {k[0]} {k[1]} {k[2]} {k[3]}")
PY
