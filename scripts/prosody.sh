#!/usr/bin/env bash
# Two Prosody instances, side A and side B, standing in for the Openfire beside each Finesse node, for the
# integration tests (mvn -Pprosody verify) and for trying the simulator's external mode by hand.
#
#   scripts/prosody.sh start [a|b]   start both instances (or one), installing Prosody with apt-get when missing
#   scripts/prosody.sh stop [a|b]    stop them (an instance already gone is fine)
#   scripts/prosody.sh status        what runs
#
# Everything lives in one project-owned folder (PROSODY_DIR, default target/prosody): a configuration file, data,
# pid file and log per instance, a self-signed certificate for localhost, 127.0.0.1 and the XMPP domain with a PKCS12
# trust store of it, and servers.properties, which tells the tests where everything is. The instances listen on
# loopback only, on ports of their own, so that they clash neither with a system-wide Prosody (which this script never
# touches, nor /etc/prosody) nor with the sandbox's simulator on 5222/5322.
#
# Environment (all optional):
#   PROSODY_DIR                      the folder above
#   PROSODY_SETUP_FILE               the simulator setup whose users become accounts (samples/simulator-setup.json)
#   PROSODY_A_PORT, PROSODY_A_TLS_PORT   side A: STARTTLS port (15222) and direct TLS port (15223)
#   PROSODY_B_PORT, PROSODY_B_TLS_PORT   side B: 15322 and 15323
#   PROSODY_PUBLISHER_PASSWORD       the publisher account's password (generated once otherwise)
#   PROSODY_TRUST_STORE_PASSWORD     the trust store's password (generated once otherwise)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${PROSODY_DIR:-$ROOT/target/prosody}"
SETUP_FILE="${PROSODY_SETUP_FILE:-$ROOT/samples/simulator-setup.json}"
HOST=127.0.0.1
# the admin account the simulator publishes with: only admins may create pubsub nodes on Prosody
PUBLISHER=finesse-notifications
SERVERS="$DIR/servers.properties"
# generated secrets survive a restart of one instance: the other still uses them
SECRETS="$DIR/secrets.properties"
# seconds to wait for an instance to accept connections, or to go away
WAIT_SECONDS=30

port_of() { # side, kind (starttls|tls)
    case "$1-$2" in
        a-starttls) echo "${PROSODY_A_PORT:-15222}" ;;
        a-tls) echo "${PROSODY_A_TLS_PORT:-15223}" ;;
        b-starttls) echo "${PROSODY_B_PORT:-15322}" ;;
        b-tls) echo "${PROSODY_B_TLS_PORT:-15323}" ;;
    esac
}

fail() {
    echo "prosody.sh: $*" >&2
    exit 1
}

# Prosody from the distribution when it is missing, and the tools this script needs (openssl; jq unless python3 is
# there to read the setup file); only root can install them. keytool comes with the JDK the build runs on.
ensure_tools() {
    local missing=()
    command -v prosody >/dev/null 2>&1 && command -v prosodyctl >/dev/null 2>&1 || missing+=(prosody)
    command -v openssl >/dev/null 2>&1 || missing+=(openssl)
    command -v jq >/dev/null 2>&1 || command -v python3 >/dev/null 2>&1 || missing+=(jq)
    command -v keytool >/dev/null 2>&1 || fail "keytool is needed: it comes with the JDK (put its bin/ on the PATH)"
    if [ ${#missing[@]} -eq 0 ]; then
        return
    fi
    if [ "$(id -u)" -ne 0 ]; then
        fail "${missing[*]} missing, and only root can install them: run 'apt-get install ${missing[*]}' as root," \
            "then this again"
    fi
    echo "Installing ${missing[*]} with apt-get ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q "${missing[@]}"
    if [ -f /run/prosody/prosody.pid ] && kill -0 "$(cat /run/prosody/prosody.pid)" 2>/dev/null; then
        echo "Note: the package started a system-wide Prosody (/etc/prosody, port 5222 on every interface); it is not" \
            "ours and is left alone, but it takes the port the sandbox's simulator uses for side A."
    fi
}

# Reads "id<TAB>password" lines of every user in the setup file, with whichever JSON reader this machine has.
setup_users() {
    if command -v jq >/dev/null 2>&1; then
        jq -r '.users[] | [.id, .password] | @tsv' "$SETUP_FILE"
    elif command -v python3 >/dev/null 2>&1; then
        python3 -c 'import json,sys
for u in json.load(open(sys.argv[1]))["users"]: print(u["id"] + "\t" + u["password"])' "$SETUP_FILE"
    else
        fail "reading $SETUP_FILE needs jq or python3 (apt-get install jq)"
    fi
}

setup_domain() {
    local domain
    if command -v jq >/dev/null 2>&1; then
        domain="$(jq -r '.xmppDomain // empty' "$SETUP_FILE")"
    elif command -v python3 >/dev/null 2>&1; then
        domain="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("xmppDomain") or "")' "$SETUP_FILE")"
    else
        fail "reading $SETUP_FILE needs jq or python3 (apt-get install jq)"
    fi
    echo "${domain:-finesse.example.com}"
}

# A value of secrets.properties, made (random) the first time it is asked for, unless the environment gives it.
secret() { # key, environment value
    local key="$1" given="$2" value=""
    if [ -n "$given" ]; then
        echo "$given"
        return
    fi
    if [ -f "$SECRETS" ]; then
        value="$(sed -n "s/^$key=//p" "$SECRETS")"
    fi
    if [ -z "$value" ]; then
        value="$(openssl rand -hex 16)"
        echo "$key=$value" >> "$SECRETS"
        chmod 600 "$SECRETS"
    fi
    echo "$value"
}

# The certificate both instances present, made once (kept while any instance may still use it), and its trust store.
ensure_certificate() {
    local domain="$1" store_password="$2" certs="$DIR/certs"
    mkdir -p "$certs"
    if [ ! -f "$certs/server.crt" ] || ! openssl x509 -checkend 86400 -noout -in "$certs/server.crt" >/dev/null; then
        openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=$domain/O=finesse-signout integration tests" \
            -addext "subjectAltName=DNS:localhost,IP:127.0.0.1,DNS:$domain,DNS:pubsub.$domain" \
            -keyout "$certs/server.key" -out "$certs/server.crt" 2>/dev/null
        chmod 600 "$certs/server.key"
        rm -f "$certs/truststore.p12"
    fi
    if [ ! -f "$certs/truststore.p12" ]; then
        keytool -importcert -noprompt -alias prosody -file "$certs/server.crt" -storetype PKCS12 \
            -keystore "$certs/truststore.p12" -storepass "$store_password" >/dev/null 2>&1
    fi
}

# One instance's configuration: loopback only, TLS required on both ports, pubsub in memory, no s2s, no HTTP.
write_config() { # side, domain
    local side="$1" domain="$2" home="$DIR/$1"
    mkdir -p "$home/data"
    cat > "$home/prosody.cfg.lua" <<EOF
-- Side ${side^^} of the finesse-signout integration tests; written by scripts/prosody.sh at each start.
pidfile = "$home/prosody.pid"
data_path = "$home/data"
log = { info = "$home/prosody.log" }
daemonize = true
-- run as whoever starts it: as root it would switch to the package's prosody user, who may not reach this folder
run_as_root = $([ "$(id -u)" -eq 0 ] && echo true || echo false)
interfaces = { "$HOST" }
c2s_ports = { $(port_of "$side" starttls) }
c2s_direct_tls_ports = { $(port_of "$side" tls) }
s2s_ports = { }
component_ports = { }
c2s_require_encryption = true
certificates = "$DIR/certs"
ssl = { certificate = "$DIR/certs/server.crt"; key = "$DIR/certs/server.key" }
authentication = "internal_hashed"
admins = { "$PUBLISHER@$domain" }
modules_enabled = { "disco"; "roster"; "saslauth"; "tls"; "ping"; "posix" }
modules_disabled = { "s2s"; "offline" }

VirtualHost "$domain"

-- Finesse's pubsub service; in memory, as publishing through file storage is five times slower
Component "pubsub.$domain" "pubsub"
    storage = "memory"
EOF
}

prosodyctl_for() { # side, arguments...
    local side="$1"
    shift
    prosodyctl --config "$DIR/$side/prosody.cfg.lua" "$@"
}

# The pid of a running instance, or nothing.
running_pid() {
    local pidfile="$DIR/$1/prosody.pid" pid
    [ -f "$pidfile" ] || return 0
    pid="$(cat "$pidfile")"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        echo "$pid"
    fi
}

accepts() { # port
    (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null
}

await_accepting() { # side
    local side="$1" i
    for ((i = 0; i < WAIT_SECONDS * 10; i++)); do
        if accepts "$(port_of "$side" starttls)" && accepts "$(port_of "$side" tls)"; then
            return
        fi
        sleep 0.1
    done
    fail "side ${side^^} does not accept connections after ${WAIT_SECONDS}s; see $DIR/$side/prosody.log"
}

start_side() { # side, domain, publisher password
    local side="$1" domain="$2" publisher_password="$3"
    if [ -n "$(running_pid "$side")" ]; then
        echo "side ${side^^} already runs (pid $(running_pid "$side"))"
        return
    fi
    # another program on our ports (another checkout's instance, say) would answer in our place, with its own
    # certificate and accounts: refuse to start rather than let the tests talk to it
    local kind
    for kind in starttls tls; do
        if accepts "$(port_of "$side" "$kind")"; then
            fail "port $(port_of "$side" "$kind") of side ${side^^} is in use by another program; stop it, or choose" \
                "other ports (PROSODY_${side^^}_PORT, PROSODY_${side^^}_TLS_PORT)"
        fi
    done
    write_config "$side" "$domain"
    # a fresh start: accounts are made again from the setup file, nothing is left of an earlier run
    rm -rf "$DIR/$side/data" "$DIR/$side/prosody.pid"
    mkdir -p "$DIR/$side/data"
    while IFS=$'\t' read -r user password; do
        prosodyctl_for "$side" register "$user" "$domain" "$password" >/dev/null
    done < <(setup_users)
    prosodyctl_for "$side" register "$PUBLISHER" "$domain" "$publisher_password" >/dev/null
    prosodyctl_for "$side" start >/dev/null
}

stop_side() { # side
    local side="$1" pid i
    pid="$(running_pid "$side")"
    if [ -z "$pid" ]; then
        return # never started, or killed (a test does that): nothing to do
    fi
    prosodyctl_for "$side" stop >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
    for ((i = 0; i < WAIT_SECONDS * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
}

write_servers() { # domain, publisher password, trust store password
    cat > "$SERVERS" <<EOF
# Written by scripts/prosody.sh start: where the integration tests find the Prosody instances.
host=$HOST
domain=$1
a.starttls-port=$(port_of a starttls)
a.direct-tls-port=$(port_of a tls)
a.pid-file=$DIR/a/prosody.pid
b.starttls-port=$(port_of b starttls)
b.direct-tls-port=$(port_of b tls)
b.pid-file=$DIR/b/prosody.pid
publisher=$PUBLISHER
publisher-password=$2
trust-store=$DIR/certs/truststore.p12
trust-store-password=$3
setup-file=$SETUP_FILE
script=$ROOT/scripts/prosody.sh
EOF
    chmod 600 "$SERVERS"
}

sides_of() { # the optional a|b argument
    case "${1:-}" in
        "") echo "a b" ;;
        a | A) echo a ;;
        b | B) echo b ;;
        *) fail "no side '$1': a or b" ;;
    esac
}

command_start() {
    ensure_tools
    mkdir -p "$DIR"
    local domain publisher_password store_password side
    domain="$(setup_domain)"
    publisher_password="$(secret publisher-password "${PROSODY_PUBLISHER_PASSWORD:-}")"
    store_password="$(secret trust-store-password "${PROSODY_TRUST_STORE_PASSWORD:-}")"
    ensure_certificate "$domain" "$store_password"
    write_servers "$domain" "$publisher_password" "$store_password"
    for side in $(sides_of "${1:-}"); do
        start_side "$side" "$domain" "$publisher_password"
    done
    for side in $(sides_of "${1:-}"); do
        await_accepting "$side"
        [ -n "$(running_pid "$side")" ] || fail "side ${side^^} did not start; see $DIR/$side/prosody.log"
        echo "side ${side^^}: $HOST:$(port_of "$side" starttls) (STARTTLS), $HOST:$(port_of "$side" tls) (direct TLS)," \
            "pid $(running_pid "$side")"
    done
    echo "servers: $SERVERS"
}

command_stop() {
    local side
    for side in $(sides_of "${1:-}"); do
        stop_side "$side"
        echo "side ${side^^} stopped"
    done
}

command_status() {
    local side pid
    for side in a b; do
        pid="$(running_pid "$side")"
        if [ -n "$pid" ]; then
            echo "side ${side^^}: runs, pid $pid, $HOST:$(port_of "$side" starttls) (STARTTLS)," \
                "$HOST:$(port_of "$side" tls) (direct TLS)"
        else
            echo "side ${side^^}: not running"
        fi
    done
}

case "${1:-}" in
    start) command_start "${2:-}" ;;
    stop) command_stop "${2:-}" ;;
    status) command_status ;;
    *)
        echo "usage: $0 start|stop [a|b] | status" >&2
        exit 2
        ;;
esac
