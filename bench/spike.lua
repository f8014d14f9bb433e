-- wrk: every request is a new reader (its own browser User-Agent), as in a breaking-news spike
-- where nearly every visitor is someone new. Threads number themselves so no two share a reader;
-- done() prints how many requests (= distinct readers) were sent, for the exact-count check.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  sent = 0
end

request = function()
  sent = sent + 1
  local ua = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 Spike/" .. id .. "-" .. sent
  return wrk.format("GET", wrk.path, { ["User-Agent"] = ua })
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("sent") end
  io.write(string.format("readers sent: %d\n", total))
end
