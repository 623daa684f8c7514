# Sourced by .ci/run (and usable by hand: `. scripts/test-postgres.sh; start_test_postgres`): a throwaway
# PostgreSQL server for the store tests, on 127.0.0.1 on a free port, its cluster in a temporary directory.
# Installs PostgreSQL from Debian's packages when missing. Runs the server as the `postgres` user (initdb refuses
# root). Exports NORTHSTAR_TEST_POSTGRES_URL; stop_test_postgres stops the server and removes the directory.

start_test_postgres() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "installing PostgreSQL from Debian's packages"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
    # Debian's package starts a cluster of its own; this run uses its own, so that one is left alone.
    local runner=()
    if [ "$(id -u)" = 0 ]; then
        # initdb's shell writes to /dev/null; some sandboxes have it as a plain root-only file.
        if [ ! -c /dev/null ]; then rm -f /dev/null && mknod -m 666 /dev/null c 1 3; fi
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        runner=(runuser -u postgres --)
    fi
    TEST_POSTGRES_DIR=$(mktemp -d /tmp/northstar-postgres.XXXXXX)
    chmod 755 "$TEST_POSTGRES_DIR"
    if [ "$(id -u)" = 0 ]; then chown postgres "$TEST_POSTGRES_DIR"; fi
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "${runner[@]}" "$bin/initdb" -D "$TEST_POSTGRES_DIR/data" -U northstar --auth=trust --no-sync >"$TEST_POSTGRES_DIR/initdb.log"
    "${runner[@]}" "$bin/pg_ctl" -D "$TEST_POSTGRES_DIR/data" -l "$TEST_POSTGRES_DIR/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $TEST_POSTGRES_DIR -c fsync=off" start >/dev/null
    TEST_POSTGRES_BIN=$bin
    TEST_POSTGRES_RUNNER=("${runner[@]}")
    "${runner[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U northstar northstar_test
    export NORTHSTAR_TEST_POSTGRES_URL="postgres://northstar@127.0.0.1:$port/northstar_test?tlsmode=disable"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

stop_test_postgres() {
    if [ -n "${TEST_POSTGRES_DIR:-}" ] && [ -d "$TEST_POSTGRES_DIR/data" ]; then
        "${TEST_POSTGRES_RUNNER[@]}" "$TEST_POSTGRES_BIN/pg_ctl" -D "$TEST_POSTGRES_DIR/data" -m fast -w stop >/dev/null || true
    fi
    if [ -n "${TEST_POSTGRES_DIR:-}" ]; then rm -rf "$TEST_POSTGRES_DIR"; fi
}
