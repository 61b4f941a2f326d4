-- wrk script of the ranked-search benchmark: each connection POSTs the benchmark briefs in turn to the
-- search endpoint (the URL given to wrk), and done() prints one line that bench/search_floor.py reads.
--
--   wrk -t2 -c4 -d30s --latency -s bench/search.lua http://localhost:18081/api/v1/discovery/searches -- BRIEFS_NDJSON API_KEY

local threads = {}

function setup(thread)
   thread:set("number", #threads)
   table.insert(threads, thread)
end

function init(args)
   local briefs, key = args[1], args[2]
   local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json", ["X-API-Key"] = key }
   prepared = {}
   for line in io.lines(briefs) do
      if line ~= "" then
         prepared[#prepared + 1] = wrk.format("POST", nil, headers, line)
      end
   end
   -- Threads start at different briefs, so the briefs in flight at once differ.
   current = (number * 7) % #prepared
end

function request()
   current = current % #prepared + 1
   return prepared[current]
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format("search.lua requests=%d seconds=%.3f errors=%d non2xx=%d p50=%d p95=%d p99=%d mean=%d max=%d\n",
      summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.status + e.timeout, e.status,
      latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean, latency.max))
end
