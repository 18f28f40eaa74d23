-- wrk script for bench/run.sh: requests the paths listed in the file named by WRK_PATHS (one per line, picked
-- round-robin per thread from a random start), with the API key in WRK_KEY. When WRK_RATE is set, each
-- connection waits so that all connections together send about WRK_RATE requests per second (wrk is closed-loop:
-- the rate is a target, the printed requests/s is what was achieved). Prints p50/p95/p99 latency in ms.
local paths = {}
local key = os.getenv("WRK_KEY") or ""
local rate = tonumber(os.getenv("WRK_RATE") or "")
local conns = tonumber(os.getenv("WRK_CONNECTIONS") or "1")
local counter = 0

function init(args)
  for line in io.lines(os.getenv("WRK_PATHS")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter], { ["X-Api-Key"] = key, ["Accept"] = "application/json" })
end

if rate then
  function delay()
    -- every connection sends one request per conns/rate seconds
    return math.floor(1000 * conns / rate)
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors, summary.errors.status))
end
