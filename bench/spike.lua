-- wrk: every request is a new reader (its own browser User-Agent), as in a breaking-news spike
-- where nearly every visitor is someone new. Threads number themselves so no two share a reader.
--
-- For an exact count, no reader may be cut off: wrk abandons the requests in flight when its time
-- is up, and the app may or may not have read those. So for the last 2 seconds (SPIKE_SECONDS
-- is the run's length) the same page is asked for without a User-Agent, which the app serves the
-- same way but never counts as a view. Every reader sent is then answered before the end, and
-- done() prints their number: the views the app must count.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

-- SPIKE_COOKIES=file (the mixed spike): every second request carries the Cookie header of a
-- signed-in reader from the file, one line a reader. A signed-in reader's view counts once a
-- day whatever their User-Agent, so what the app must count is the anonymous readers sent plus
-- the distinct signed-in readers who asked. Each thread takes its own share of the lines
-- (SPIKE_THREADS, wrk's -t), so the threads' distinct readers add up.
function init(args)
  readers = 0
  signed_requests = 0
  signed_readers = 0
  mine, seen = {}, {}
  local file = os.getenv("SPIKE_COOKIES")
  if file then
    local threads = tonumber(os.getenv("SPIKE_THREADS") or "2")
    local i = 0
    for line in io.lines(file) do
      if line ~= "" and i % threads == id then table.insert(mine, line) end
      i = i + 1
    end
  end
  asked = 0
  stop_at = os.time() + tonumber(os.getenv("SPIKE_SECONDS") or "30") - 2
  plain = wrk.format("GET", wrk.path)
  -- A reader counts once a day: a second run on the same data needs readers of its own.
  run = os.getenv("SPIKE_RUN") or tostring(os.time())
  -- SPIKE_UNCOUNTED=1: the same requests, each still built here, but named as a load generator
  -- ("wrk"), which the app never counts: the difference to a counted run is what counting costs.
  tool = os.getenv("SPIKE_UNCOUNTED") and " wrk" or ""
end

request = function()
  if os.time() >= stop_at then return plain end
  asked = asked + 1
  if #mine > 0 and asked % 2 == 0 then
    local j = (asked / 2) % #mine + 1
    if not seen[j] then seen[j] = true; signed_readers = signed_readers + 1 end
    signed_requests = signed_requests + 1
    local ua = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 Spike/" .. run .. "-signed-" .. id .. "-" .. j .. tool
    return wrk.format("GET", wrk.path, { ["User-Agent"] = ua, ["Cookie"] = mine[j] })
  end
  readers = readers + 1
  local ua = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 Spike/" .. run .. "-" .. id .. "-" .. readers .. tool
  return wrk.format("GET", wrk.path, { ["User-Agent"] = ua })
end

function done(summary, latency, requests)
  local total, signed, distinct = 0, 0, 0
  for _, t in ipairs(threads) do
    total = total + t:get("readers")
    signed = signed + t:get("signed_requests")
    distinct = distinct + t:get("signed_readers")
  end
  -- Before the run, wrk calls request() once on the first thread to check the request
  -- (script_verify_request in wrk.c); that reader (anonymous: the first request is) is made but never sent.
  io.write(string.format("readers sent: %d\n", total - 1 + distinct))
  io.write(string.format("signed-in requests: %d, distinct signed-in readers: %d\n", signed, distinct))
end
