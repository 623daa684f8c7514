#!/usr/bin/env bash
# Speed of `northstar check` against DuckDB computing the equivalent weekly table on the same contacts CSV.
#
#   bash scripts/bench-check.sh [SCALE] [COPIES]
#
# SCALE 26 ≈ 1,000,000 contacts (about 130 MB), the default. COPIES (default 1) stacks that many demo
# organisations, each from its own seed with its ids prefixed, into one file: `26 10` ≈ 10,000,000 contacts over
# the same quarter, for the linear-scaling run.
#
# Builds the release binary, generates the data (the same seeds every time), times `northstar check` (wall time
# and peak memory from GNU time) and `scripts/bench-duckdb.py` (needs `pip install duckdb`; skipped when it is
# missing), and prints both times and the ratios. A benchmark, not a test: run it on an otherwise quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-26}"
copies="${2:-1}"
work="$(mktemp -d "${TMPDIR:-/tmp}/northstar-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

swift build -c release --product northstar >/dev/null
bin="$(swift build -c release --show-bin-path)/northstar"

for copy in $(seq 1 "$copies"); do
    "$bin" demo --scale "$scale" --seed "$copy" --output "$work/part" --format json >/dev/null
    if [ "$copy" = 1 ]; then
        cp "$work/part/charter.yaml" "$work/charter.yaml"
        head -1 "$work/part/contacts.csv" >"$work/contacts.csv"
    fi
    # Each copy's ids get their own prefix, so the copies are different contacts.
    tail -n +2 "$work/part/contacts.csv" | sed "s/^NW-/NW$copy-/" >>"$work/contacts.csv"
done
rm -rf "$work/part"
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
    python3 - "$ours_seconds" "$duck_wall" "$duck_seconds" <<'PYTHON'
import sys
ours, wall, inside = map(float, sys.argv[1:])
print(f"ratio (ours / duckdb wall): {ours / wall:.2f}; (ours / duckdb in-process): {ours / inside:.2f}")
PYTHON
else
    echo "duckdb not installed (pip install duckdb): no peer time"
fi
