#!/usr/bin/env bash
# Live ingest under load: `POST /api/contacts` with NDJSON batches for a while, then a check that every contact
# is accounted for.
#
#   bash scripts/bench-ingest.sh [SECONDS] [BATCH] [CONNECTIONS]
#
# Defaults: 60 seconds, 100 contacts a request, 8 connections on 2 wrk threads. Builds the release binary, makes a
# new SQLite store with an admin token and the demo charter, serves it on a free port, and runs wrk
# (scripts/bench-ingest.lua; `apt-get install -y wrk` when it is missing). Every request's ids are unique (wrk
# thread, request counter, position), so the store must end with exactly the contacts the server accepted:
#   - the sum of `accepted` over the 200 answers wrk saw,
#   - the sum of the completed import runs' contacts (one run per request, so none is left out),
#   - the store's contact count.
# A request cut off when wrk stops may still be stored (its answer never read): the count may then exceed wrk's
# sum by at most CONNECTIONS × BATCH, and the import runs account for it. Prints contacts per second.
# A benchmark, not a test: run it on an otherwise quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
batch="${2:-100}"
connections="${3:-8}"
. scripts/bench-server-lib.sh
bench_prepare ingest

"$bin" demo --output "$work/demo" --format json >/dev/null
"$bin" charter publish "$work/demo/charter.yaml" --note "bench" --database "$db" >/dev/null 2>&1
token="$("$bin" token create --name bench --role admin --database "$db" 2>/dev/null)"
bench_serve

echo "wrk: ${seconds}s, $connections connections, $batch contacts a request"
result="$(TOKEN="$token" BATCH="$batch" wrk -t2 -c"$connections" -d"${seconds}s" --latency \
    -s scripts/bench-ingest.lua "$base" | tee /dev/stderr | grep '^RESULT')"
accepted=$(sed -E 's/.*accepted=([0-9]+).*/\1/' <<<"$result")
failures=$(sed -E 's/.*failures=([0-9]+).*/\1/' <<<"$result")
elapsed=$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$result")

sleep 2  # let a request cut off by wrk finish, so no run is left unfinished
kill "$server"
wait "$server" 2>/dev/null || true
server=""
read -r stored runs run_contacts running < <(python3 - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
stored = db.execute("SELECT COUNT(*) FROM contacts WHERE source = 'bench'").fetchone()[0]
runs, total = db.execute(
    "SELECT COUNT(*), COALESCE(SUM(contacts), 0) FROM import_runs WHERE status = 'completed' AND files = '[\"api:bench\"]'"
).fetchone()
running = db.execute("SELECT COUNT(*) FROM import_runs WHERE status = 'running'").fetchone()[0]
print(stored, runs, total, running)
PY
)
echo "accepted (wrk's 200 answers): $accepted; non-200 answers: $failures"
echo "stored contacts: $stored; completed import runs: $runs holding $run_contacts contacts; unfinished runs: $running"
status=0
if [ "$failures" != 0 ]; then echo "FAIL: $failures answers were not 200"; status=1; fi
if [ "$stored" != "$run_contacts" ] || [ "$running" != 0 ]; then
    echo "FAIL: the store's contacts and the import runs disagree"
    status=1
fi
in_flight=$((stored - accepted))
if [ "$in_flight" -lt 0 ] || [ "$in_flight" -gt $((connections * batch)) ]; then
    echo "FAIL: $in_flight contacts between wrk's sum and the store (allowed 0…$((connections * batch)))"
    status=1
else
    echo "in flight when wrk stopped (stored, answer unread): $in_flight"
fi
python3 -c "print(f'throughput: {$accepted / $elapsed:,.0f} contacts/s accepted over {$elapsed:.1f} s')"
exit $status
