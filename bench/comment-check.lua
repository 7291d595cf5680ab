-- wrk script for serve's /1.1/comment-check (docs/benchmarks.md, "The service"): five kinds of comment, each
-- request's text made unique by a counter so that nothing is answered from a cache of repeated texts.
--   echo benchkey > keys; java -jar target/commentguard.jar serve --port 8080 --api-keys keys --data-dir /tmp/d --access-log none
--   wrk -t2 -c16 -d20s --latency -s bench/comment-check.lua http://127.0.0.1:8080/1.1/comment-check
local texts = {
  "I+disagree+with+the+minister%3A+the+figures+in+the+third+paragraph+do+not+add+up",
  "Call+0300-1234567+for+free+classified+ads%2C+best+online+shopping+in+Pakistan+http%3A%2F%2Fgocheap.example",
  "Thank+you+for+sharing+this+information",
  "Does+anyone+know+when+the+new+bus+timetable+starts%3F+The+article+says+March+but+the+council+site+says+April",
  "Earn+%24500+a+day+working+from+home%2C+WhatsApp+%2B1+555+0100+now",
}
local n = 0
request = function()
  n = n + 1
  local body = "api_key=benchkey&blog=https%3A%2F%2Fnews.example.org&comment_author=Reader&comment_content=" .. texts[n % #texts + 1] .. "+" .. n
  return wrk.format("POST", "/1.1/comment-check", {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status, summary.requests))
end
