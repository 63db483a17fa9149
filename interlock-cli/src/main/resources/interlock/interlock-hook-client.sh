#!/bin/sh
# Interlock's hook in server mode: posts the agent's tool call (stdin) to the Interlock server, which decides and
# answers in the agent's own format. Installed by `interlock install AGENT --server URL`. Not a JVM: one curl call,
# and nothing else started (shell builtins only), because it runs before every tool call.
# Every failure blocks the tool call (exit 2): no agent, no server URL, no curl, server down, a bad token, a timeout.
# The launcher also runs it against the local decider (INTERLOCK_SOCKET): that decider only saves time, so there any
# answer short of a decision exits 75 and the launcher decides in its own process instead.
agent="${1:-}"
case "$0" in */*) data="${0%/*}/.." ;; *) data=".." ;; esac
sock="${INTERLOCK_SOCKET:-}"
block() { [ -n "$sock" ] && exit 75; printf 'interlock: %s; blocking this tool call (fail closed)\n' "$1" >&2; exit 2; }
[ -n "$agent" ] || block "no agent named (usage: interlock-hook-client AGENT)"
command -v curl >/dev/null 2>&1 || block "curl is not installed"
set -- -H 'Content-Type: application/json'
if [ -n "$sock" ]; then
  url="http://localhost"
  token=""
  set -- "$@" --unix-socket "$sock" -H "X-Interlock-Policy: ${INTERLOCK_SOCKET_POLICY:-}" \
    -H "X-Interlock-Inventory: ${INTERLOCK_SOCKET_INVENTORY:-}"
  # The decider reads this caller's kubeconfig and gcloud files itself, from where these say they are.
  extra="CLOUDSDK_CONFIG KUBERNETES_SERVICE_HOST INTERLOCK_PRINCIPAL USER"
else
  url="${INTERLOCK_URL:-}"
  [ -n "$url" ] || { [ -r "$data/hook-url" ] && read -r url < "$data/hook-url"; }
  [ -n "$url" ] || block "no Interlock server URL (INTERLOCK_URL, or $data/hook-url)"
  token="${INTERLOCK_TOKEN:-}"
  [ -n "$token" ] || { [ -r "$data/hook-token" ] && read -r token < "$data/hook-token"; }
  extra=""
fi
# The agent machine's context: the server must never mistake its own host's for it.
for name in HOME AWS_PROFILE AWS_DEFAULT_PROFILE AWS_REGION AWS_DEFAULT_REGION TF_WORKSPACE PULUMI_STACK KUBECONFIG \
    HELM_KUBECONTEXT CLOUDSDK_CORE_PROJECT GOOGLE_CLOUD_PROJECT CLOUDSDK_ACTIVE_CONFIG_NAME AZURE_SUBSCRIPTION_ID \
    ARM_SUBSCRIPTION_ID PGHOST PGDATABASE MYSQL_HOST DATABASE_URL DOCKER_HOST DOCKER_CONTEXT ENVIRONMENT DEPLOY_ENV \
    RAILS_ENV NODE_ENV $extra; do
  eval "value=\${$name:-}"
  [ -n "$value" ] && set -- "$@" -H "X-Interlock-Env: $name=$value"
done
if [ -z "$sock" ]; then
  kubeconfig="${KUBECONFIG%%:*}"
  [ -n "$kubeconfig" ] || kubeconfig="$HOME/.kube/config"
  if [ -f "$kubeconfig" ]; then
    kube=present
    while IFS= read -r line; do
      case "$line" in
        current-context:*)
          context="${line#current-context:}"; context="${context#"${context%%[! ]*}"}"
          context="${context#[\"\']}"; context="${context%%[\"\' #]*}"
          [ -n "$context" ] && kube="current-context=$context"; break ;;
      esac
    done < "$kubeconfig"
    set -- "$@" -H "X-Interlock-Kubeconfig: $kube"
  elif [ -z "${KUBECONFIG:-}" ] && [ -z "${KUBERNETES_SERVICE_HOST:-}" ]; then
    set -- "$@" -H "X-Interlock-Kubeconfig: absent"
  fi
fi

nl='
'
# The token reaches curl as configuration on a file descriptor: never on a command line that ps would show.
answer=$(curl -sS --max-time "${INTERLOCK_SOCKET_TIMEOUT:-${INTERLOCK_HOOK_TIMEOUT:-20}}" -w "$nl%{http_code}" -K /dev/fd/3 "$@" --data-binary @- \
  "${url%/}/v1/hooks/$agent" 2>&1 3<<CONFIG
${token:+header = \"Authorization: Bearer $token\"}
CONFIG
) || block "cannot reach the Interlock server at $url (${answer##*"$nl"})"
code="${answer##*"$nl"}"
body="${answer%"$nl"*}"
case "$code" in
  200) body="${body%"$nl"}"; [ -n "$body" ] && printf '%s\n' "$body"; exit 0 ;;
  403) printf '%s\n' "${body%"$nl"}" >&2; exit 2 ;;
  *) block "the Interlock server at $url answered HTTP $code: $(printf '%.300s' "$body")" ;;
esac
