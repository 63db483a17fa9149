-- wrk script: POST /v1/decisions with a realistic mix of agent commands across 200 sessions.
-- Usage: TOKEN=il_… wrk -t2 -c64 -d30s -s bench/load/decisions.lua http://127.0.0.1:8470
local commands = {
  "kubectl --context prod-eu-1 -n payments get pods",
  "git status && git diff --stat",
  "mvn -q test",
  "rm -rf ./target",
  "kubectl --context dev-1 -n scratch rollout restart deployment/api",
  "terraform -chdir=envs/dev plan",
  "aws s3 ls s3://logs-dev --profile dev",
  "psql postgres://db.dev.internal/app -c 'select count(*) from orders'",
  "kubectl --context prod-eu-1 -n payments delete namespace payments",
  "cat README.md | grep -n interlock",
}
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "")

request = function()
  n = n + 1
  local command = commands[(n % #commands) + 1]:gsub('"', '\\"')
  local body = '{"kind":"shell","command":"' .. command .. '","context":{"cwd":"/srv/app"},"actor":{"session":"load-' .. (n % 200) .. '"}}'
  return wrk.format(nil, "/v1/decisions", nil, body)
end

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
