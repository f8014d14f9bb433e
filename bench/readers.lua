-- wrk: every request comes from one of READERS distinct browsers (User-Agent), so the app's
-- view counter sees READERS different anonymous readers on one address.
local readers = tonumber(os.getenv("READERS") or "5000")
local i = 0
request = function()
  i = i + 1
  local ua = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 Reader/" .. (i % readers)
  return wrk.format("GET", wrk.path, { ["User-Agent"] = ua })
end
