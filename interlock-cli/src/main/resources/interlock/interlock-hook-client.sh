#!/bin/sh
# Interlock's hook in server mode: posts the agent's tool call (stdin) to the Interlock server, which decides and
# answers in the agent's own format. Installed by `interlock install AGENT --server URL`. Not a JVM: a curl call.
# Every failure blocks the tool call (exit 2): no agent, no server URL, no curl, server down, a bad token, a timeout.
agent="${1:-}"
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
data=$(dirname -- "$here")
block() { printf 'interlock: %s; blocking this tool call (fail closed)\n' "$1" >&2; exit 2; }
[ -n "$agent" ] || block "no agent named (usage: interlock-hook-client AGENT)"
url="${INTERLOCK_URL:-}"
[ -n "$url" ] || url=$(cat "$data/hook-url" 2>/dev/null)
[ -n "$url" ] || block "no Interlock server URL (INTERLOCK_URL, or $data/hook-url)"
token="${INTERLOCK_TOKEN:-}"
[ -n "$token" ] || token=$(cat "$data/hook-token" 2>/dev/null)
command -v curl >/dev/null 2>&1 || block "curl is not installed"

umask 077
body=$(mktemp) || block "cannot create a temporary file"
headers=$(mktemp) || { rm -f "$body"; block "cannot create a temporary file"; }
trap 'rm -f "$body" "$headers"' EXIT
# The token goes in a header file, not on curl's command line where other users' ps would show it.
[ -n "$token" ] && printf 'Authorization: Bearer %s\n' "$token" >> "$headers"
printf 'Content-Type: application/json\n' >> "$headers"
# The agent machine's context: the server must never mistake its own host's for it.
for name in HOME AWS_PROFILE AWS_DEFAULT_PROFILE AWS_REGION AWS_DEFAULT_REGION TF_WORKSPACE PULUMI_STACK KUBECONFIG \
    HELM_KUBECONTEXT CLOUDSDK_CORE_PROJECT GOOGLE_CLOUD_PROJECT CLOUDSDK_ACTIVE_CONFIG_NAME AZURE_SUBSCRIPTION_ID \
    ARM_SUBSCRIPTION_ID PGHOST PGDATABASE MYSQL_HOST DATABASE_URL DOCKER_HOST DOCKER_CONTEXT ENVIRONMENT DEPLOY_ENV \
    RAILS_ENV NODE_ENV; do
  eval "value=\${$name:-}"
  [ -n "$value" ] && printf 'X-Interlock-Env: %s=%s\n' "$name" "$(printf '%s' "$value" | tr -d '\r\n')" >> "$headers"
done
kubeconfig="${KUBECONFIG%%:*}"
[ -n "$kubeconfig" ] || kubeconfig="$HOME/.kube/config"
if [ -f "$kubeconfig" ]; then
  context=$(sed -n "s/^current-context:[[:space:]]*[\"']\{0,1\}\([^\"'[:space:]#]*\).*/\1/p" "$kubeconfig" | head -n 1)
  if [ -n "$context" ]; then printf 'X-Interlock-Kubeconfig: current-context=%s\n' "$context" >> "$headers"
  else printf 'X-Interlock-Kubeconfig: present\n' >> "$headers"; fi
elif [ -z "${KUBECONFIG:-}" ] && [ -z "${KUBERNETES_SERVICE_HOST:-}" ]; then
  printf 'X-Interlock-Kubeconfig: absent\n' >> "$headers"
fi

code=$(curl -sS --max-time "${INTERLOCK_HOOK_TIMEOUT:-20}" -o "$body" -w '%{http_code}' -H "@$headers" \
  --data-binary @- "${url%/}/v1/hooks/$agent" 2>&1) || block "cannot reach the Interlock server at $url ($code)"
case "$code" in
  200) cat "$body"; exit 0 ;;
  403) cat "$body" >&2; printf '\n' >&2; exit 2 ;;
  *) block "the Interlock server at $url answered HTTP $code: $(head -c 300 "$body")" ;;
esac
