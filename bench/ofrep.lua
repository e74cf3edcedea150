-- wrk: single-flag OFREP evaluations with an API key, over $BENCH_FEATURES features (bench-0 …) and ever new
-- targeting keys, so every request hashes a fresh bucket. With $DELAY_MS each connection waits that long after an
-- answer before its next request (wrk counts delays in whole milliseconds, so pacing is done with more connections,
-- not shorter delays); without it wrk goes as fast as it can.
local counter = 0
local features = tonumber(os.getenv("BENCH_FEATURES") or "64")
local key = os.getenv("API_KEY")
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")

function request()
  counter = counter + 1
  return wrk.format("POST", "/ofrep/v1/evaluate/flags/bench-" .. (counter % features),
    { ["Content-Type"] = "application/json", ["X-API-Key"] = key },
    '{"context":{"targetingKey":"user-' .. counter .. '","plan":"pro"}}')
end

function delay()
  return delay_ms
end

dofile("bench/first_failure.lua")
response = report_first_failure(function(status) return status == 200 end)
