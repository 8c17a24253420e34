-- wrk: POST the same answers with a new one-time key each time (BENCH_BODY holds "KEY" where it goes).
local threads = {}
local counter, thread_id, run, body, path, cookie = 0, 0, 0, "", "", ""

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  thread_id = id
  body = os.getenv("BENCH_BODY")
  path = os.getenv("BENCH_PATH")
  cookie = os.getenv("BENCH_COOKIE")
  run = tonumber(os.getenv("BENCH_RUN"))
end

request = function()
  counter = counter + 1
  -- Unique across threads and runs: the same key twice would (rightly) be stored once.
  local key = string.format("%08x-%04x-4000-8000-%012x", thread_id + 1, run, counter)
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
  }, (string.gsub(body, "KEY", key)))
end
