#!/usr/bin/env bash
# Issue 17's acceptance against the real thing: caselens-cli through a real
# nginx (TLS, a private company CA, an expired certificate) and a real
# tinyproxy (down, needing credentials, rejecting them). The unit tests do
# the same against servers the tests start; this shows the messages hold
# against what agents meet in companies. Needs a build (build/ci by default).
#
#   scripts/real-network.sh [path/to/caselens-cli]
#
# Installs nginx-light, tinyproxy and openssl when missing (apt, without
# starting their system services), runs everything on 127.0.0.1 from a
# temporary directory as the current user, and stops it all at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

cli=${1:-build/ci/src/cli/caselens-cli}
[[ -x $cli ]] || { echo "real-network: no $cli (build first)" >&2; exit 1; }
cli=$(realpath "$cli")

need=()
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || need+=(nginx-light)
command -v tinyproxy >/dev/null || need+=(tinyproxy)
command -v openssl >/dev/null || need+=(openssl)
if ((${#need[@]})); then
    sudo=()
    [[ $(id -u) -ne 0 ]] && sudo=(sudo)
    # Packages must not start their system-wide services (port 80, 8888).
    policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
    "${sudo[@]}" chmod +x "$policy"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -q >/dev/null
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
    "${sudo[@]}" rm -f "$policy"
fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)

# The API's name for this check. It must not look like loopback: libproxy
# (Qt's system proxy on Debian) never sends 127.0.0.1 or localhost through a
# proxy, as a company network would not. /etc/hosts maps it for the run.
host=api.caselens-check.test
hosts_line="127.0.0.1 $host # scripts/real-network.sh"
root=()
[[ $(id -u) -ne 0 ]] && root=(sudo)

work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
    "${root[@]}" sed -i "/# scripts\/real-network.sh$/d" /etc/hosts
}
trap cleanup EXIT
cd "$work"
grep -qF "$hosts_line" /etc/hosts || echo "$hosts_line" | "${root[@]}" tee -a /etc/hosts >/dev/null

taken=" "
pick_port() { # sets $1 to a port nothing listens on, not handed out before
    local p
    while :; do
        p=$((20000 + RANDOM % 40000))
        [[ $taken == *" $p "* ]] && continue
        (exec 3<>/dev/tcp/127.0.0.1/"$p") 2>/dev/null && continue
        taken+="$p "
        printf -v "$1" '%s' "$p"
        return
    done
}
for v in good_port expired_port proxy_port auth_proxy_port down_port; do pick_port $v; done

# --- Certificates: a company CA, a valid and an expired server certificate.
cat >ca.cnf <<EOF
[ca]
default_ca = ca_section
[ca_section]
dir = .
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
unique_subject = no
policy = policy_any
copy_extensions = copy
[policy_any]
commonName = supplied
[req]
distinguished_name = dn
prompt = no
[dn]
CN = api.caselens-check.test
[server_ext]
subjectAltName = DNS:api.caselens-check.test
EOF
: >index.txt
echo 1000 >serial
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -keyout ca.key -out ca.pem \
    -subj "/O=Example Corp/CN=Example Corp Inspection CA" 2>/dev/null
for name in good expired; do
    openssl req -newkey rsa:2048 -nodes -keyout $name.key -out $name.csr -config ca.cnf 2>/dev/null
done
openssl ca -batch -config ca.cnf -cert ca.pem -keyfile ca.key -in good.csr -out good.pem \
    -days 30 -extfile ca.cnf -extensions server_ext 2>/dev/null
openssl ca -batch -config ca.cnf -cert ca.pem -keyfile ca.key -in expired.csr -out expired.pem \
    -startdate 20200101000000Z -enddate 20210301000000Z -extfile ca.cnf -extensions server_ext 2>/dev/null

# --- nginx: answers every POST with one small ticket.
ticket='{"Response":true,"Data":{"CaseNumber":"HYXTNJV","Subject":"Reached through the company network","Status":false,"Priority":2,"Notes":[],"Statistics":[]}}'
mkdir -p nginx/logs
cat >nginx/nginx.conf <<EOF
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events {}
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    server {
        listen 127.0.0.1:$good_port ssl;
        ssl_certificate $work/good.pem;
        ssl_certificate_key $work/good.key;
        location / { default_type application/json; return 200 '$ticket'; }
    }
    server {
        listen 127.0.0.1:$expired_port ssl;
        ssl_certificate $work/expired.pem;
        ssl_certificate_key $work/expired.key;
        location / { default_type application/json; return 200 '$ticket'; }
    }
}
EOF
"$nginx" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
pids+=($!)

# --- tinyproxy: one open, one that needs a user name and password.
for kind in open auth; do
    port=$proxy_port
    [[ $kind == auth ]] && port=$auth_proxy_port
    {
        echo "Port $port"
        echo "Listen 127.0.0.1"
        echo "Allow 127.0.0.1"
        echo "ConnectPort $good_port"
        echo "LogLevel Warning"
        echo "LogFile \"$work/tinyproxy-$kind.log\""
        echo "MaxClients 10"
        [[ $kind == auth ]] && echo "BasicAuth agent s3cret"
    } >tinyproxy-$kind.conf
    tinyproxy -d -c "$work/tinyproxy-$kind.conf" &
    pids+=($!)
done

wait_port() {
    for _ in $(seq 100); do
        (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "real-network: nothing listens on $1" >&2
    exit 1
}
for p in $good_port $expired_port $proxy_port $auth_proxy_port; do wait_port "$p"; done

# --- The checks.
failures=0
export CASELENS_API_KEY=real-network-check-key
unset CASELENS_BASE_URL CASELENS_CA_FILE http_proxy HTTP_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY
export QT_QPA_PLATFORM=offscreen

# check NAME EXPECTED_EXIT "text the output must contain" -- command...
check() {
    local name=$1 want_exit=$2 want_text=$3
    shift 4
    local out rc=0
    out=$("$@" 2>&1) || rc=$?
    if [[ $rc -ne $want_exit ]] || ! grep -qF -- "$want_text" <<<"$out"; then
        printf 'FAIL %s: exit %d (want %d), output lacks "%s":\n%s\n\n' "$name" "$rc" "$want_exit" "$want_text" "$out"
        failures=$((failures + 1))
    else
        printf 'ok   %s (exit %d)\n     %s\n' "$name" "$rc" "$(grep -F -- "$want_text" <<<"$out" | head -1)"
    fi
}
good=https://$host:$good_port
expired=https://$host:$expired_port

check "untrusted certificate names its issuer" 5 "Example Corp Inspection CA" -- \
    "$cli" fetch HYXTNJV --base-url "$good"
check "expired certificate names its end date" 5 "2021" -- \
    "$cli" fetch HYXTNJV --base-url "$expired" --ca-file ca.pem
check "--ca-file makes the company CA work" 0 "Reached through the company network" -- \
    "$cli" fetch HYXTNJV --base-url "$good" --ca-file ca.pem
check "CASELENS_CA_FILE makes the company CA work" 0 "Reached through the company network" -- \
    env CASELENS_CA_FILE=ca.pem "$cli" fetch HYXTNJV --base-url "$good"
check "through tinyproxy" 0 "Reached through the company network" -- \
    env https_proxy=http://127.0.0.1:$proxy_port "$cli" fetch HYXTNJV --base-url "$good" --ca-file ca.pem
check "proxy down is named" 5 "Could not connect to the proxy at 127.0.0.1:$down_port" -- \
    env https_proxy=http://127.0.0.1:$down_port "$cli" fetch HYXTNJV --base-url "$good" --ca-file ca.pem
check "proxy needs credentials" 5 "needs a user name and password" -- \
    env https_proxy=http://127.0.0.1:$auth_proxy_port "$cli" fetch HYXTNJV --base-url "$good" --ca-file ca.pem
check "proxy rejects credentials" 5 "rejected the user name or password" -- \
    env https_proxy=http://agent:wrong@127.0.0.1:$auth_proxy_port "$cli" fetch HYXTNJV --base-url "$good" --ca-file ca.pem
check "proxy credentials in https_proxy" 0 "Reached through the company network" -- \
    env https_proxy=http://agent:s3cret@127.0.0.1:$auth_proxy_port "$cli" fetch HYXTNJV --base-url "$good" --ca-file ca.pem

if ((failures)); then
    echo "real-network: $failures check(s) failed" >&2
    exit 1
fi
echo "real-network: every check passed"
