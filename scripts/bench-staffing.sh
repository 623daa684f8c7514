#!/usr/bin/env bash
# Speed of the staffing core against pyworkforce on the same inputs.
#
#   bash scripts/bench-staffing.sh [REPEAT]
#
# Builds the release binary and runs the hidden `northstar staff bench`, which prints the best of REPEAT runs
# (default 20) of:
#   - Erlang C requirements for 1,000 intervals: interval i offers 1 + (i × 7919 mod 2000) calls in 30 minutes,
#     3 minutes each, 80% within 20 s, occupancy at most 85%, 30% shrinkage (target: under 5 ms);
#   - Erlang A at 1,000 Erlangs: 10,000 calls in 30 minutes, 3 minutes each, patience 5 minutes, 80% within
#     20 s, 30% shrinkage (target: under 10 ms).
# Then, when `python3 -c "import pyworkforce"` works, times pyworkforce on the same inputs (its Erlang A only
# where the installed version has one, and at most 15 minutes). A benchmark, not a test: run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
repeat="${1:-20}"

swift build -c release --product northstar >/dev/null
bin="$(swift build -c release --show-bin-path)/northstar"

echo "Northstar (best of $repeat):"
"$bin" staff bench --repeat "$repeat" | sed 's/^/  /'

if ! python3 -c "import pyworkforce" 2>/dev/null; then
    echo "pyworkforce: not installed (pip install pyworkforce), so no comparison."
    exit 0
fi

echo "pyworkforce $(python3 -c 'import importlib.metadata as m; print(m.version("pyworkforce"))'):"
python3 - <<'PY' | sed 's/^/  /'
import time
from pyworkforce.queuing import ErlangC

def erlang_c():
    total = 0
    for i in range(1000):
        calls = 1 + (i * 7919) % 2000
        result = ErlangC(transactions=calls, aht=3, asa=20 / 60, interval=30, shrinkage=0.3)
        total += result.required_positions(service_level=0.8, max_occupancy=0.85)["positions"]
    return total

best = float("inf")
for _ in range(3):
    start = time.perf_counter()
    total = erlang_c()
    best = min(best, time.perf_counter() - start)
print(f"erlang_c_1000_intervals_ms {best * 1000:.3f} (scheduled total {total})")
PY

if python3 -c "from pyworkforce.queuing import ErlangA" 2>/dev/null; then
    timeout 900 python3 - <<'PY' | sed 's/^/  /' || echo "  erlang_a_1000_erlangs: did not finish within 15 minutes"
import time
from pyworkforce.queuing import ErlangA

start = time.perf_counter()
erlang = ErlangA(transactions=10000, aht=3, patience=5, interval=30, shrinkage=0.3)
result = erlang.required_positions(service_level=0.8, asa=20 / 60)
print(f"erlang_a_1000_erlangs_ms {(time.perf_counter() - start) * 1000:.3f} (agents {result['raw_positions']})")
PY
else
    echo "  erlang_a: this pyworkforce version has no ErlangA (it arrived in 0.5.4)."
fi
