-- wrk: the response handler every bench script shares. `report_first_failure(ok)` says, once, on stderr, the first
-- answer whose status `ok` refuses, so that a run answering errors is never read as a fast one. Scripts load it with
-- dofile("bench/first_failure.lua"): bench/run starts wrk from the repository's root.
function report_first_failure(ok)
  return function(status, headers, body)
    if not ok(status) and not reported then
      reported = true
      io.stderr:write("wrk: HTTP " .. status .. " " .. body .. "\n")
    end
  end
end
