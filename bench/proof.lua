-- wrk: inclusion proofs of random positions in the tree of $SIZE entries (the latest checkpoint's), as an auditor
-- asks for them, with the bearer token of $TOKEN, or the API key $KEY when it is set.
local size = tonumber(os.getenv("SIZE"))
local token = os.getenv("TOKEN")
local key = os.getenv("KEY")
math.randomseed(20261203)
local headers = key and { ["X-API-Key"] = key } or { ["Authorization"] = "Bearer " .. token }

function request()
  return wrk.format("GET", "/api/v1/audit/proofs/inclusion?position=" .. math.random(1, size), headers)
end

dofile("bench/first_failure.lua")
response = report_first_failure(function(status) return status == 200 end)
