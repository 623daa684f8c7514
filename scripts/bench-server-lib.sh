# Sourced by bench-ingest.sh and bench-overview.sh: what both need around the server they load.
#
#   bench_prepare NAME   a work folder (removed on exit, with the server stopped), wrk, the release binary:
#                        sets work, bin and db (a new SQLite store in the work folder)
#   bench_serve          `northstar serve` over db on a free port, waiting for /health: sets port, base, server

bench_prepare() {
    work="$(mktemp -d "${TMPDIR:-/tmp}/northstar-bench-$1.XXXXXX")"
    server=""
    trap bench_cleanup EXIT
    if ! command -v wrk >/dev/null; then
        echo "installing wrk"
        apt-get install -y -qq wrk >/dev/null
    fi
    swift build -c release --product northstar >/dev/null
    bin="$(swift build -c release --show-bin-path)/northstar"
    db="$work/northstar.db"
}

bench_cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}

bench_serve() {
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    base="http://127.0.0.1:$port"
    "$bin" serve --port "$port" --database "$db" >"$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 100); do
        if curl -fs "$base/health" >/dev/null; then return 0; fi
        sleep 0.1
    done
    cat "$work/server.log"
    exit 1
}
