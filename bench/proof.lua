-- wrk: inclusion proofs of random positions in the tree of $SIZE entries (the latest checkpoint's), as an auditor
-- asks for them, with the bearer token of $TOKEN, or the API key $KEY when it is set. With $DELAY_MS each connection
-- waits that long after an answer (an auditor's tool asking proofs one after another, not a load test).
local size = tonumber(os.getenv("SIZE"))
local token = os.getenv("TOKEN")
local key = os.getenv("KEY")
math.randomseed(20261203)
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local headers = key and { ["X-API-Key"] = key } or { ["Authorization"] = "Bearer " .. token }

function request()
  return wrk.format("GET", "/api/v1/audit/proofs/inclusion?position=" .. math.random(1, size), headers)
end

function delay()
  return delay_ms
end

dofile("bench/first_failure.lua")
response = report_first_failure(function(status) return status == 200 end)
