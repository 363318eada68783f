#!/usr/bin/env bash
# Prints an access token from the platform's identity provider (the embedded default's, or any that has
# the same login form and clients), for curl and friends:
#
#   infra/scripts/token.sh dangwei [password] [issuer]          a user, signed in like a browser
#                                                               (dangjian-cli client, PKCE S256)
#   infra/scripts/token.sh --client renshi-department renshi-secret [issuer]
#                                                               a department (client credentials; that secret is
#                                                               the demo mode's, a deployment has its own)
#   infra/scripts/token.sh --json ...                           the whole token response instead
#
# Defaults: password dangjian, issuer $DANGJIAN_ISSUER or http://localhost:9000.
# Needs bash, curl, sed, grep, openssl, base64. Example:
#   curl -H "Authorization: Bearer $(infra/scripts/token.sh dangwei)" http://localhost:8080/api/...
set -euo pipefail

readonly CLIENT_ID=dangjian-cli
readonly REDIRECT_URI=http://127.0.0.1:8765/callback
readonly MAX_REDIRECTS=10

die() {
  echo "token.sh: $*" >&2
  exit 1
}

usage() {
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

for tool in curl sed grep openssl base64 tr; do
  command -v "$tool" >/dev/null 2>&1 || die "needs '$tool' on the PATH"
done

json=false
if [[ "${1:-}" == "--json" ]]; then
  json=true
  shift
fi
[[ $# -ge 1 ]] || usage
[[ "$1" == "-h" || "$1" == "--help" ]] && usage

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dangjian-token.XXXXXX") || die "cannot create a temporary directory"
trap 'rm -rf "$tmp"' EXIT
jar="$tmp/cookies"
body="$tmp/body"
: >"$jar"

# request STEP CURL_ARGS...: runs curl without following redirects; sets $status and $location (absolute)
request() {
  local step=$1
  shift
  local out
  if ! out=$(curl -sS --max-time 20 -o "$body" -b "$jar" -c "$jar" -w '%{http_code} %{redirect_url}' "$@" 2>"$tmp/curl-error"); then
    die "$step: curl failed: $(cat "$tmp/curl-error")"
  fi
  status=${out%% *}
  location=${out#* }
}

excerpt() {
  tr -s '[:space:]' ' ' <"$body" | cut -c1-300
}

# json_string NAME: the string value of a top-level member of the JSON in $body (tokens hold no quotes)
json_string() {
  tr -d '\n' <"$body" | sed -n 's/.*"'"$1"'"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p'
}

# query_param NAME URL: the (still URL-encoded) value of a query parameter
query_param() {
  printf '%s' "$2" | sed -n 's/.*[?&]'"$1"'=\([^&#]*\).*/\1/p'
}

print_token() {
  if $json; then
    cat "$body"
    echo
  else
    local token
    token=$(json_string access_token)
    [[ -n "$token" ]] || die "$1: no access_token in the answer: $(excerpt)"
    printf '%s\n' "$token"
  fi
}

base64url() {
  base64 | tr '+/' '-_' | tr -d '=\n'
}

if [[ "$1" == "--client" ]]; then
  [[ $# -ge 3 ]] || usage
  client_id=$2
  secret=$3
  issuer=${4:-${DANGJIAN_ISSUER:-http://localhost:9000}}
  issuer=${issuer%/}
  request "client credentials token request" -u "$client_id:$secret" -H 'Accept: application/json' \
    -d grant_type=client_credentials "$issuer/oauth2/token"
  [[ "$status" == 200 ]] || die "the token endpoint refused client '$client_id' (HTTP $status): $(excerpt)"
  print_token "client credentials token request"
  exit 0
fi

username=$1
password=${2:-dangjian}
issuer=${3:-${DANGJIAN_ISSUER:-http://localhost:9000}}
issuer=${issuer%/}

verifier=$(openssl rand 48 | base64url)
challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64url)
state=$(openssl rand -hex 16)
nonce=$(openssl rand -hex 16)
html='Accept: text/html,application/xhtml+xml'

# 1. the authorization request sends a browser that is not signed in to the login page
request "authorization request" -H "$html" -G "$issuer/oauth2/authorize" \
  --data-urlencode response_type=code --data-urlencode "client_id=$CLIENT_ID" \
  --data-urlencode "redirect_uri=$REDIRECT_URI" --data-urlencode 'scope=openid profile' \
  --data-urlencode "state=$state" --data-urlencode "nonce=$nonce" \
  --data-urlencode "code_challenge=$challenge" --data-urlencode code_challenge_method=S256
[[ "$status" == 302 && -n "$location" ]] \
  || die "authorization request: expected a redirect to the login page, got HTTP $status from $issuer/oauth2/authorize: $(excerpt)"

login_page=$location
for ((i = 0; i < MAX_REDIRECTS; i++)); do
  request "login page" -H "$html" "$login_page"
  [[ "$status" == 3* && -n "$location" ]] || break
  login_page=$location
done
[[ "$status" == 200 ]] || die "login page: expected the login form at $login_page, got HTTP $status: $(excerpt)"

# 2. the login form and its CSRF token
page=$(tr '\n' ' ' <"$body")
csrf_input=$(printf '%s' "$page" | grep -o '<input[^>]*name="_csrf"[^>]*>' | head -n1 || true)
csrf=$(printf '%s' "$csrf_input" | sed -n 's/.*value="\([^"]*\)".*/\1/p')
[[ -n "$csrf" ]] || die "login page: no CSRF token (input _csrf) in the form at $login_page: $(excerpt)"
action=$(printf '%s' "$page" | grep -o '<form[^>]*>' | grep -m1 -o 'action="[^"]*"' | sed 's/^action="//; s/"$//' || true)
origin=$(printf '%s' "$login_page" | sed -E 's#^(https?://[^/]+).*#\1#')
case "$action" in
  http://* | https://*) login_url=$action ;;
  /*) login_url="$origin$action" ;;
  "") login_url=$login_page ;;
  *) login_url="${login_page%/*}/$action" ;;
esac

request "submit login form" -H "$html" "$login_url" \
  --data-urlencode "username=$username" --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf"
[[ "$status" == 302 && -n "$location" ]] \
  || die "submit login form: expected a redirect after signing in as '$username', got HTTP $status: $(excerpt)"
if [[ "${location%%\?*}" == "${login_page%%\?*}" ]]; then
  die "submit login form: 用户名或密码错误 / Wrong username or password for '$username' (sent back to $location)"
fi

# 3. back to the authorization request, which now redirects to the client with the code
next=$location
for ((i = 0; i < MAX_REDIRECTS; i++)); do
  [[ "$next" == "$REDIRECT_URI"* ]] && break
  request "authorization response" -H "$html" "$next"
  [[ "$status" == 3* && -n "$location" ]] \
    || die "authorization response: expected a redirect to $REDIRECT_URI after $next, got HTTP $status: $(excerpt)"
  next=$location
done
[[ "$next" == "$REDIRECT_URI"* ]] || die "authorization response: too many redirects, last: $next"

error=$(query_param error "$next")
[[ -z "$error" ]] || die "authorization response: the identity provider answered error '$error': $(query_param error_description "$next")"
[[ "$(query_param state "$next")" == "$state" ]] || die "authorization response: the state in $next is not the one sent"
code=$(query_param code "$next")
[[ -n "$code" ]] || die "authorization response: no code in $next"

# 4. the code (still URL-encoded, so sent with -d as is) and the PKCE verifier for the tokens
request "token request" -H 'Accept: application/json' "$issuer/oauth2/token" \
  -d grant_type=authorization_code -d "code=$code" --data-urlencode "redirect_uri=$REDIRECT_URI" \
  --data-urlencode "client_id=$CLIENT_ID" --data-urlencode "code_verifier=$verifier"
[[ "$status" == 200 ]] || die "token request: the token endpoint refused the code (HTTP $status): $(excerpt)"
print_token "token request"
