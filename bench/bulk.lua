-- wrk: bulk OFREP evaluations with an API key: every flag of the key's environment for one context per request,
-- ever new targeting keys (so every rollout bucket is hashed afresh), answered from the environment's snapshot.
local counter = 0
local key = os.getenv("API_KEY")

function request()
  counter = counter + 1
  return wrk.format("POST", "/ofrep/v1/evaluate/flags",
    { ["Content-Type"] = "application/json", ["X-API-Key"] = key },
    '{"context":{"targetingKey":"user-' .. counter .. '","plan":"pro"}}')
end

dofile("bench/first_failure.lua")
response = report_first_failure(function(status) return status == 200 end)
