#!/usr/bin/env bash
# Speed of `northstar check` against DuckDB computing the equivalent weekly table on the same contacts CSV.
#
#   bash scripts/bench-check.sh [SCALE]        # SCALE 26 ≈ 1,000,000 contacts (about 140 MB); default 26
#
# Builds the release binary, generates the demo organisation at the given scale (the same seed every time),
# times `northstar check` (peak memory from GNU time) and `scripts/bench-duckdb.py` (needs `pip install
# duckdb`; skipped when it is missing), and prints both times and the ratio. A benchmark, not a test: run it
# on an otherwise quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-26}"
work="$(mktemp -d "${TMPDIR:-/tmp}/northstar-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

swift build -c release --product northstar >/dev/null
bin="$(swift build -c release --show-bin-path)/northstar"

"$bin" demo --scale "$scale" --output "$work" --format json >/dev/null
contacts=$(($(wc -l <"$work/contacts.csv") - 1))
size=$(du -m "$work/contacts.csv" | cut -f1)
echo "contacts: $contacts ($size MB)"

measure() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
read -r ours_seconds ours_kb < <(measure "$bin" check --charter "$work/charter.yaml" "$work/contacts.csv" \
    --to 2026-06-29 --format json)
echo "northstar check: ${ours_seconds}s, peak memory $((ours_kb / 1024)) MB"

if python3 -c "import duckdb" 2>/dev/null; then
    read -r duck_seconds _ < <(python3 scripts/bench-duckdb.py "$work/contacts.csv")
    read -r duck_wall duck_kb < <(measure python3 scripts/bench-duckdb.py "$work/contacts.csv")
    echo "duckdb $(python3 -c 'import duckdb; print(duckdb.__version__)'): ${duck_seconds}s in-process" \
        "(${duck_wall}s with interpreter start), peak memory $((duck_kb / 1024)) MB"
    python3 -c "print(f'ratio (ours / duckdb wall): {float(\"$ours_seconds\") / float(\"$duck_wall\"):.2f}')"
else
    echo "duckdb not installed (pip install duckdb): no peer time"
fi
