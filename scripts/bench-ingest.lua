-- wrk script for scripts/bench-ingest.sh: each request POSTs an NDJSON batch of BATCH contacts with ids unique
-- to the thread and the request, and the `accepted` of every answer is summed, per thread, for the check at the end.
local batch = tonumber(os.getenv("BATCH") or "100")
local token = os.getenv("TOKEN")
local threads = {}
counter = 0
accepted = 0  -- globals: done() reads them from each thread
failures = 0

function setup(thread)
    thread:set("id", #threads + 1)
    table.insert(threads, thread)
end

function init(args)
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/x-ndjson"
    wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
    counter = counter + 1
    local lines = {}
    for i = 1, batch do
        local minute = (counter * batch + i) % 1440
        lines[i] = string.format(
            '{"id":"B%d-%d-%d","channel":"%s","created_at":"2026-05-20T%02d:%02d:00Z",'
                .. '"first_response_at":"2026-05-20T%02d:%02d:30Z","team":"bench","reopens":0}',
            id, counter, i, (i % 2 == 0) and "email" or "chat",
            math.floor(minute / 60), minute % 60, math.floor(minute / 60), minute % 60)
    end
    return wrk.format(nil, "/api/contacts?source=bench", nil, table.concat(lines, "\n"))
end

function response(status, headers, body)
    if status ~= 200 then
        failures = failures + 1
        return
    end
    local n = body:match('"accepted"%s*:%s*(%d+)')
    accepted = accepted + (tonumber(n) or 0)
end

function done(summary, latency, requests)
    local total, bad = 0, 0
    for _, thread in ipairs(threads) do
        total = total + thread:get("accepted")
        bad = bad + thread:get("failures")
    end
    io.write(string.format("RESULT accepted=%d failures=%d seconds=%.3f requests=%d errors=%d\n",
        total, bad, summary.duration / 1e6, summary.requests,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
            + summary.errors.timeout))
end
