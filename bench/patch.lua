-- wrk: audited feature changes. Each request PATCHes one of $BENCH_FEATURES features (bench-0 …), round robin,
-- to a rollout that differs from the last one, so every request is a real, audited change.
local counter = 0
local features = tonumber(os.getenv("BENCH_FEATURES") or "64")
local token = os.getenv("TOKEN")

function setup(thread)
  thread:set("offset", math.random(0, 1000000))
end

function request()
  counter = counter + 1
  local n = counter + offset
  return wrk.format("PATCH", "/api/v1/features/bench-" .. (n % features),
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token },
    '{"rolloutPercentage":' .. (n % 100) .. '}')
end

-- Reports the first failure of each thread, so that a failing run says why.
dofile("bench/first_failure.lua")
response = report_first_failure(function(status) return status < 300 end)
