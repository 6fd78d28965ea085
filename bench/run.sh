#!/bin/bash
# Ferric vs. the real OpenStack Ironic 21.4, same machine, same run. Not part of the test command.
#
#   bench/run.sh                 everything: build, start both, workload, cold starts, stop both,
#                                then Ferric alone at 10,000 nodes; prints the table
#   QUICK=1 bench/run.sh         smoke run of the harness (tiny sizes, ~3 min)
#
# Environment (defaults in brackets):
#   FERRIC_TARBALL   use this distribution instead of building one [build from the checkout]
#   WORK             scratch dir: Ferric unpack, Ironic state, results [/tmp/ferric-bench]
#   ROUNDS [3]  COUNT [1000]  PARALLEL [100]  DURATION (wrk s) [10]  GET_REPEAT [2]  LIST_REPEAT [15]
#                    Three rounds, so that the median is one round's figure: round 1 runs on a
#                    JVM that has just started (interpreter and JIT), and table.py shows it on its own.
#   LC1000 [1]       also the 1000-node lifecycle (Ironic needs ~8 min for it)
#   COLD_REPEAT [3]  cold starts per process
#   SCALE [10000]    Ferric-alone targets, comma separated (e.g. 10000,100000); empty: skip
#   JFR [0]          1: record JFR during Ferric's create and GET workloads into $WORK/*.jfr
#   LOCK [/tmp/ferric-mvn.lock]  flock held around each timed step (<= ~5 min each) so that no
#                    Maven build of the shared machine runs during a measurement; empty: no lock
#   NO_INSTALL [0]   1: skip apt for Ironic (packages already installed)
#   IRONIC_PORT [6386]  Ferric keeps 6385, Ironic's API moves aside
#   FERRIC_JAVA_OPTS    extra JVM options for Ferric (Karaf's EXTRA_JAVA_OPTS), e.g. "-Xmx256m -XX:+UseSerialGC"
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
WORK=${WORK:-/tmp/ferric-bench}
PY=/usr/bin/python3
QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then
    ROUNDS=${ROUNDS:-1}; COUNT=${COUNT:-50}; PARALLEL=${PARALLEL:-10}; DURATION=${DURATION:-2}
    GET_REPEAT=${GET_REPEAT:-1}; LIST_REPEAT=${LIST_REPEAT:-3}; LC1000=${LC1000:-0}
    COLD_REPEAT=${COLD_REPEAT:-1}; SCALE=${SCALE-}; IDLE_WAIT=${IDLE_WAIT:-2}
fi
ROUNDS=${ROUNDS:-3}; COUNT=${COUNT:-1000}; PARALLEL=${PARALLEL:-100}; DURATION=${DURATION:-10}
GET_REPEAT=${GET_REPEAT:-2}; LIST_REPEAT=${LIST_REPEAT:-15}; LC1000=${LC1000:-1}
COLD_REPEAT=${COLD_REPEAT:-3}; SCALE=${SCALE-10000}; IDLE_WAIT=${IDLE_WAIT:-20}; JFR=${JFR:-0}
LOCK=${LOCK-/tmp/ferric-mvn.lock}
IRONIC_PORT=${IRONIC_PORT:-6386}
export EXTRA_JAVA_OPTS="${FERRIC_JAVA_OPTS:-}"
FERRIC_PORT=6385
FERRIC_EP=http://127.0.0.1:$FERRIC_PORT
IRONIC_EP=http://127.0.0.1:$IRONIC_PORT
export IRONIC_REF_DIR=$WORK/ironic API_PORT=$IRONIC_PORT
RES=$WORK/results
mkdir -p "$WORK" "$RES"
STAMP=$(date +%Y%m%d-%H%M%S)
F_RES=$RES/ferric-$STAMP.jsonl
I_RES=$RES/ironic-$STAMP.jsonl
S_RES=$RES/scale-$STAMP.jsonl
log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
locked() { if [ -n "$LOCK" ]; then flock "$LOCK" "$@"; else "$@"; fi; }
wl() {  # [-l] system args...: workload.py against one system (-l: holding the lock)
    local lk=""; [ "$1" = -l ] && lk=1 && shift
    local sys=$1; shift
    local ep=$FERRIC_EP out=$F_RES
    [ "$sys" = ironic ] && ep=$IRONIC_EP && out=$I_RES
    if [ -n "$lk" ]; then
        locked $PY "$HERE/workload.py" --endpoint "$ep" --results "$out" "$@" >/dev/null
    else
        $PY "$HERE/workload.py" --endpoint "$ep" --results "$out" "$@" >/dev/null
    fi
}

# ------------------------------------------------------------------ Ferric distribution
if [ -z "${FERRIC_TARBALL:-}" ]; then
    log "building the distribution from $ROOT (tests skipped)"
    (cd "$ROOT" && locked mvn -B -q -o package -Dmaven.test.skip=true -pl '!itests')
    FERRIC_TARBALL=$(ls "$ROOT"/karaf-assembly/target/ferric-assembly-*.tar.gz | head -n1)
fi
rm -rf "$WORK/ferric"; mkdir -p "$WORK/ferric"
tar xzf "$FERRIC_TARBALL" -C "$WORK/ferric"
KH=$(ls -d "$WORK"/ferric/ferric-assembly-* | head -n1)
ferric_pid() { pgrep -f "karaf.home=$KH " | head -n1; }
ferric_up() {  # wait until fake-hardware is listed
    for i in $(seq 1 240); do
        curl -sf -H 'X-OpenStack-Ironic-API-Version: latest' "$FERRIC_EP/v1/drivers" 2>/dev/null \
            | grep -q fake-hardware && return 0
        sleep 0.5
    done
    log "Ferric did not come up; see $KH/data/log/karaf.log"; return 1
}
ferric_stop() {
    "$KH/bin/stop" >/dev/null 2>&1 || true
    for i in $(seq 1 60); do [ -z "$(ferric_pid)" ] && return 0; sleep 0.5; done
    local p; p=$(ferric_pid); [ -n "$p" ] && kill -KILL "$p" || true
}
ironic_stop() { "$HERE/ironic-stop.sh" "$@" >/dev/null 2>&1 || true; }
cleanup() { ferric_stop; ironic_stop; }
trap cleanup EXIT
for ep in "$FERRIC_EP" "$IRONIC_EP"; do
    if curl -s -o /dev/null "$ep/" 2>/dev/null; then
        log "something already answers on $ep; stop it first"; trap - EXIT; exit 1
    fi
done

# ------------------------------------------------------------------ start both
log "starting Ironic (API on :$IRONIC_PORT, sqlite, state in $IRONIC_REF_DIR)"
RESET=1 NO_INSTALL=${NO_INSTALL:-0} "$HERE/ironic-setup.sh"
# An installed Ferric has been stopped once: its first clean stop writes the class archive
# (data/cds, bin/setenv) that every later start maps. Measure that state, not the first run.
# FERRIC_CDS=off bench/run.sh measures without the archive.
log "first start and stop of Ferric (writes data/cds unless FERRIC_CDS=off)"
"$KH/bin/start"; ferric_up; ferric_stop
log "starting Ferric from $KH"
"$KH/bin/start"
ferric_up
log "Ferric pid $(ferric_pid); load: $(uptime)"

# ------------------------------------------------------------------ the paired workload
GETARGS="--duration $DURATION --get-repeat $GET_REPEAT --concurrency 1,4,16"
jfr() {  # name: start a 60 s recording on Ferric
    [ "$JFR" = 1 ] || return 0
    jcmd "$(ferric_pid)" JFR.start name="$1" duration=60s settings=profile filename="$WORK/$1.jfr" >/dev/null
}
for r in $(seq 1 "$ROUNDS"); do
    for sys in ironic ferric; do
        log "round $r/$ROUNDS: $sys"
        wl $sys delete
        [ $sys = ferric ] && [ "$r" = 1 ] && jfr create
        wl -l $sys create --count "$COUNT"
        wl -l $sys list --repeat "$LIST_REPEAT"
        [ $sys = ferric ] && [ "$r" = 1 ] && jfr get
        wl -l $sys get $GETARGS
        sleep "$IDLE_WAIT"
        if [ $sys = ironic ]; then
            wl ironic rss --pidfile "$IRONIC_REF_DIR/api.pid" --pidfile "$IRONIC_REF_DIR/conductor.pid"
        else
            wl ferric rss --pid "$(ferric_pid)"
        fi
        wl -l $sys lifecycle --count 1
        wl -l $sys lifecycle --count "$PARALLEL"
        wl $sys delete
    done
done
if [ "$LC1000" = 1 ]; then
    for sys in ironic ferric; do
        # Ironic needs ~8 min here (manage+provide+deploy+undeploy): longer than the lock may be held
        log "lifecycle 1000: $sys"
        wl $sys lifecycle --count 1000 --timeout 1200
    done
fi

# ------------------------------------------------------------------ cold starts
log "cold start: ironic-api (stopped, started again by the probe)"
ironic_stop api
locked $PY "$HERE/workload.py" coldstart --endpoint "$IRONIC_EP" --results "$I_RES" --repeat "$COLD_REPEAT" \
    --probe-path /v1/nodes --start-cmd "/usr/bin/ironic-api --config-file $IRONIC_REF_DIR/ironic.conf" >/dev/null
NO_INSTALL=1 "$HERE/ironic-setup.sh" 2>/dev/null
log "cold start: ironic-conductor (until the running API lists fake-hardware)"
ironic_stop conductor
for i in $(seq 1 120); do  # until the API no longer lists the conductor's drivers
    curl -s "$IRONIC_EP/v1/drivers" | grep -q fake-hardware || break; sleep 1
done
locked $PY "$HERE/workload.py" coldstart --endpoint "$IRONIC_EP" --results "$I_RES" --repeat "$COLD_REPEAT" \
    --allow-running --probe-path /v1/drivers --expect fake-hardware \
    --start-cmd "/usr/bin/ironic-conductor --config-file $IRONIC_REF_DIR/ironic.conf" >/dev/null
ironic_stop
log "cold start: Ferric (bin/karaf server, data kept; Ironic stopped)"
ferric_stop
locked $PY "$HERE/workload.py" coldstart --endpoint "$FERRIC_EP" --results "$F_RES" --repeat "$COLD_REPEAT" \
    --probe-path /v1/nodes --start-cmd "$KH/bin/karaf server" >/dev/null
locked $PY "$HERE/workload.py" coldstart --endpoint "$FERRIC_EP" --results "$F_RES" --repeat "$COLD_REPEAT" \
    --probe-path /v1/drivers --expect fake-hardware --start-cmd "$KH/bin/karaf server" >/dev/null

# ------------------------------------------------------------------ Ferric alone at scale
if [ -n "$SCALE" ]; then
    "$KH/bin/start"; ferric_up
    log "Ferric alone: $SCALE nodes"
    # growing is long (not locked); the measurements at each size take ~1 min
    $PY "$HERE/scale.py" --endpoint "$FERRIC_EP" --targets "$SCALE" --pid "$(ferric_pid)" \
        --duration "$DURATION" --results "$S_RES" >/dev/null
fi
ferric_stop
trap - EXIT

echo
echo "Results: $F_RES $I_RES ${SCALE:+$S_RES}"
$PY "$HERE/table.py" --count "$COUNT" --ferric "$F_RES" --ironic "$I_RES" ${SCALE:+--scale "$S_RES"}
