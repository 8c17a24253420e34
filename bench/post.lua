-- wrk: POST the same answers with a new one-time key each time (BENCH_BODY holds "KEY" where it goes).
local threads = {}
local counter, thread_id, run, prefix, body, path, cookie = 0, 0, 0, "", "", "", ""

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
  -- Eight hex digits drawn once per benchmark: keys stored by an earlier benchmark are never sent again.
  prefix = os.getenv("BENCH_PREFIX")
end

request = function()
  counter = counter + 1
  -- Unique across threads, runs and benchmarks: the same key twice would (rightly) be stored once.
  local key = string.format("%s-%04x-4%03x-8000-%012x", prefix, run, thread_id, counter)
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
  }, (string.gsub(body, "KEY", key)))
end
