#!/usr/bin/env bash
# The overview page under load with a million contacts stored: latency percentiles from wrk.
#
#   bash scripts/bench-overview.sh [SCALE] [SECONDS] [CONNECTIONS]
#
# SCALE 26 ≈ 1,000,000 contacts (the default), SECONDS 30, CONNECTIONS 4 on 2 wrk threads. Builds the release
# binary, generates the demo organisation at that scale, imports it into a new SQLite store, publishes the charter,
# adds a manager, serves the store on a free port, signs in through the login form (CSRF token and all) with curl,
# asks for the overview once (the report is computed then, and the time is printed), and runs wrk on `GET /` with
# the session cookie. The target: under 100 ms at the 99th percentile. A benchmark, not a test: run it on an
# otherwise quiet machine (`apt-get install -y wrk` when wrk is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-26}"
seconds="${2:-30}"
connections="${3:-4}"
. scripts/bench-server-lib.sh
bench_prepare overview

"$bin" demo --scale "$scale" --output "$work/demo" --format json >/dev/null
start=$(date +%s.%N)
stored=$("$bin" import "$work/demo/contacts.csv" --database "$db" --format json |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["storedContacts"])')
echo "import: $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s"
"$bin" charter publish "$work/demo/charter.yaml" --note bench --database "$db" >/dev/null 2>&1
password="bench-password-$RANDOM$RANDOM"
echo "$password" | "$bin" user add bench --role manager --database "$db" >/dev/null 2>&1
echo "contacts stored: $stored"

bench_serve
jar="$work/cookies"
csrf=$(curl -fs -c "$jar" "$base/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf_token=$csrf" --data-urlencode "name=bench" \
    --data-urlencode "password=$password" --data-urlencode "next=/" "$base/login"
session=$(awk '$6 == "northstar_session" { print $7 }' "$jar")
[ -n "$session" ] || { echo "sign-in failed"; cat "$work/server.log"; exit 1; }

first=$(curl -fs -o /dev/null -w '%{time_total}' -H "Cookie: northstar_session=$session" "$base/")
echo "first overview (computes the report over the store): ${first} s"
check=$(curl -fs -H "Cookie: northstar_session=$session" "$base/" | grep -o 'class="card"' | wc -l)
echo "promise cards on the page: $check"

echo "wrk: ${seconds}s, $connections connections, GET /"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: northstar_session=$session" "$base/" | tee "$work/wrk.txt"
p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
echo "overview p99 with $stored contacts: $p99 (target: under 100 ms)"
