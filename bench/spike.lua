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

function init(args)
  readers = 0
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
  readers = readers + 1
  local ua = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 Spike/" .. run .. "-" .. id .. "-" .. readers .. tool
  return wrk.format("GET", wrk.path, { ["User-Agent"] = ua })
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("readers") end
  -- Before the run, wrk calls request() once on the first thread to check the request
  -- (script_verify_request in wrk.c); that reader is made but never sent.
  io.write(string.format("readers sent: %d\n", total - 1))
end
