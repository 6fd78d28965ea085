#!/bin/bash
# Copied from the reference Ironic scripts; API_PORT defaults to 6385 but bench/run.sh sets 6386 so Ferric keeps 6385.
# Reference OpenStack Ironic (Debian 12 packages, 21.4.4 / API 1.82), standalone:
# noauth, json-rpc, sqlite, fake/ipmi/redfish hardware types, no Glance/Neutron/Swift.
#
# Idempotent: installs the packages if missing, writes the config, creates or
# upgrades the sqlite schema, starts ironic-conductor and ironic-api in the
# background (loopback only) unless they already run (pid files), and waits for
# the API to answer.
#
#   RESET=1 ./setup.sh     wipe the database and state first (stops running services)
#   NO_INSTALL=1 ./setup.sh   skip the apt step
#   IRONIC_REF_DIR=/tmp/ironic-ref (default) scratch folder for config, db, logs, pids
#   API_WORKERS=2 (default) ironic-api worker processes
set -euo pipefail

DIR=${IRONIC_REF_DIR:-/tmp/ironic-ref}
API_PORT=${API_PORT:-6385}
RPC_PORT=${RPC_PORT:-8089}
API_WORKERS=${API_WORKERS:-2}
CONF=$DIR/ironic.conf
HERE=$(cd "$(dirname "$0")" && pwd)

log() { echo "[setup] $*" >&2; }

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

if [ "${RESET:-0}" = 1 ]; then
    log "RESET=1: stopping services and wiping $DIR state"
    IRONIC_REF_DIR=$DIR "$HERE/ironic-stop.sh" || true
    rm -rf "$DIR/ironic.sqlite" "$DIR/state" "$DIR/locks" "$DIR"/*.log
fi

# ---------------------------------------------------------------- 1. packages
PKGS="ironic-api ironic-conductor python3-ironicclient python3-openstacksdk wrk curl"
if [ "${NO_INSTALL:-0}" != 1 ]; then
    missing=""
    for p in $PKGS; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
    done
    if [ -n "$missing" ]; then
        log "installing:$missing"
        export DEBIAN_FRONTEND=noninteractive
        # ironic-common/ironic-api ask (debconf) for db/rabbit/keystone setup; answer no.
        debconf-set-selections <<'EOF'
ironic-common ironic/configure_db boolean false
ironic-common ironic/configure_rabbit boolean false
ironic-common ironic/configure_ksat boolean false
ironic-api ironic/configure_api-endpoint boolean false
dbconfig-common dbconfig-common/dbconfig-install boolean false
EOF
        ls /var/lib/apt/lists/ 2>/dev/null | grep -q Packages || apt-get update
        # Service start failures in the postinst are expected without systemd
        # (policy-rc.d / invoke-rc.d refuse); the packages still configure fine.
        apt-get install -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold $missing \
            || { apt-get update && apt-get install -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold $missing; }
    fi
fi

# ---------------------------------------------------------------- 2. config
mkdir -p "$DIR"/{state,locks,httpboot,tftpboot/master_images,images,master_images}
cat > "$CONF" <<EOF
[DEFAULT]
auth_strategy = noauth
rpc_transport = json-rpc
# The API reaches the conductor over JSON-RPC at http://<conductor host>:<json_rpc port>,
# so [DEFAULT]host must be an address, not a free-form name.
host = 127.0.0.1
debug = ${IRONIC_DEBUG:-false}
log_dir = $DIR
state_path = $DIR/state
use_stderr = false
enabled_hardware_types = fake-hardware,ipmi,redfish
enabled_bios_interfaces = fake,no-bios,redfish
enabled_boot_interfaces = fake,ipxe,pxe,redfish-virtual-media
enabled_console_interfaces = fake,no-console
enabled_deploy_interfaces = fake,direct,ramdisk
enabled_inspect_interfaces = fake,no-inspect,redfish
enabled_management_interfaces = fake,ipmitool,redfish,noop
enabled_network_interfaces = noop
enabled_power_interfaces = fake,ipmitool,redfish
enabled_raid_interfaces = fake,no-raid,agent,redfish
enabled_rescue_interfaces = fake,no-rescue
enabled_storage_interfaces = fake,noop
enabled_vendor_interfaces = fake,no-vendor,ipmitool,redfish
default_network_interface = noop
# NB: do NOT set default_deploy_interface=fake globally: the conductor then
# refuses to start ("For hardware type 'ipmi', no default value found for
# deploy interface"). fake-hardware picks fake for every interface by itself
# because fake is first in its supported lists.

[api]
host_ip = 127.0.0.1
port = $API_PORT
api_workers = $API_WORKERS

[conductor]
automated_clean = true
heartbeat_interval = 10

[database]
connection = sqlite:///$DIR/ironic.sqlite

[dhcp]
dhcp_provider = none

[json_rpc]
auth_strategy = noauth
host_ip = 127.0.0.1
port = $RPC_PORT

[oslo_concurrency]
lock_path = $DIR/locks

[deploy]
http_url = http://127.0.0.1:8080
http_root = $DIR/httpboot

[pxe]
tftp_root = $DIR/tftpboot
tftp_master_path = $DIR/tftpboot/master_images
images_path = $DIR/images
instance_master_path = $DIR/master_images
EOF
log "config written: $CONF"

# ---------------------------------------------------------------- 3. schema
if [ ! -s "$DIR/ironic.sqlite" ]; then
    log "creating schema"
    ironic-dbsync --config-file "$CONF" create_schema >"$DIR/dbsync.out" 2>&1
else
    ironic-dbsync --config-file "$CONF" upgrade >"$DIR/dbsync.out" 2>&1
fi

# ---------------------------------------------------------------- 4. services
start() {  # name pidfile cmd...
    local name=$1 pidf=$2; shift 2
    if alive "$pidf"; then log "$name already running (pid $(cat "$pidf"))"; return; fi
    # setsid: own process group so ironic-stop.sh can stop the API workers too.
    setsid nohup "$@" >"$DIR/$name.stdout" 2>&1 </dev/null &
    echo $! >"$pidf"
    log "started $name pid $(cat "$pidf")"
}
start ironic-conductor "$DIR/conductor.pid" /usr/bin/ironic-conductor --config-file "$CONF"
start ironic-api "$DIR/api.pid" /usr/bin/ironic-api --config-file "$CONF"

# wait for the API and for the conductor to register (drivers appear)
for i in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$API_PORT/v1/drivers" 2>/dev/null | grep -q fake-hardware; then
        log "ironic ready on http://127.0.0.1:$API_PORT (conductor registered)"
        exit 0
    fi
    alive "$DIR/conductor.pid" || { log "conductor died, see $DIR/ironic-conductor.log"; tail -5 "$DIR/ironic-conductor.log" >&2; exit 1; }
    alive "$DIR/api.pid" || { log "api died, see $DIR/ironic-api.log"; tail -5 "$DIR/ironic-api.log" >&2; exit 1; }
    sleep 1
done
log "timed out waiting for ironic"; exit 1
