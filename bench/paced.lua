-- wrk: GETs of the URL given, each connection waiting $DELAY_MS after an answer (the paced runs' trivial baseline).
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")

function delay()
  return delay_ms
end
