#!/usr/bin/env bash
# bench/agent.sh — the deploy agent's write throughput against dd, and its peak memory while writing.
# Not part of the test command. Documented in bench/README.md ("Agent write throughput").
#
#   flock /tmp/ferric-mvn.lock bench/agent.sh          # 256 MiB and 1 GiB, 3 runs each (~2-3 min)
#   SIZES=1024 RUNS=5 flock /tmp/ferric-mvn.lock bench/agent.sh
#   ALGO=sha512 SIZES=1024 flock /tmp/ferric-mvn.lock bench/agent.sh   # the agent checks sha512 (or md5)
#   JAR=/tmp/other-ferric-agent.jar …                   # A/B against another build of the agent
#   AGENT_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/a.jfr,settings=profile" bench/agent.sh
#   bench/agent.sh clean                               # delete the cached images in $WORK
#
# Every run starts from the same state: a fresh sparse target file of the image's size + 64 MiB on the
# same filesystem, page cache dropped (sync; echo 3 > /proc/sys/vm/drop_caches) and then the source image
# read back into the cache, so the HTTP server serves it from memory for every contender alike (the image
# server of a real deploy is another machine: its disk is not what we measure); then SETTLE seconds of
# quiet before the timed write, for every contender (the agent's JVM is started before the reset, so its
# start-up is not in that gap). The quiet matters on a VM with a free-page-reporting balloon (this one,
# Firecracker): pages the guest frees are handed back to the host about 2 s later, and writing into them
# again faults on the host, which makes the kernel's copy into the page cache 3x slower; without the
# pause a writer that starts at once (dd) finds warm pages and one that starts 1 s later finds cold ones.
# All writers end with an fsync: dd with conv=fsync, the agent with FileChannel.force(true) before the
# step reports success.
#
# Contenders, interleaved within each run (dd local, dd pipe, agent) so drift of the shared machine hits all:
#   dd (local)  dd if=image of=target bs=1M conv=notrunc,fsync
#   dd (pipe)   curl -s URL | dd of=target bs=1M iflag=fullblock conv=notrunc,fsync   (same server as the agent)
#   agent       java -jar ferric-agent.jar --listen … --disk target; POST deploy.execute_deploy_step write_image
#               ($ALGO checked), timed as the POST ?wait=true (curl's time_total), i.e. the command's duration.
#               Its RSS (/proc/PID/status VmRSS) is sampled every 100 ms during the command; VmHWM is read after.
#               Each agent run is a fresh JVM, checked with cmp against the image afterwards (untimed).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/../bundles/agent/target/ferric-agent.jar}
WORK=${WORK:-/tmp/ferric-agent-bench}
SIZES=${SIZES:-256 1024}            # MiB
RUNS=${RUNS:-3}
IMG_PORT=${IMG_PORT:-18940}
AGENT_PORT=${AGENT_PORT:-18941}
AGENT_JAVA_OPTS=${AGENT_JAVA_OPTS:-}
DROP_CACHES=${DROP_CACHES:-1}
ALGO=${ALGO:-sha256}               # the image_info checksum the agent verifies: sha256, sha512 or md5
SETTLE=${SETTLE:-3}                 # seconds between resetting the state and a measured write (see above)

if [[ ${1:-} == clean ]]; then
    rm -rf "$WORK"
    echo "removed $WORK"
    exit 0
fi

[[ -f $JAR ]] || { echo "no $JAR: flock /tmp/ferric-mvn.lock mvn -o -q -pl bundles/agent install -DskipTests" >&2; exit 1; }
JAR=$(realpath "$JAR")
mkdir -p "$WORK/results"
cd "$WORK"

SERVER= AGENT= SAMPLER=
cleanup() {
    for p in $SAMPLER $AGENT $SERVER; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -f "$WORK/target.img"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Disk space: the largest image + its target (+64 MiB) + the smaller images, with 256 MiB to spare.
need=256
for s in $SIZES; do
    [[ -f image-$s.raw ]] || need=$((need + s))
done
max=0; for s in $SIZES; do (( s > max )) && max=$s; done
need=$((need + max + 64))
free=$(df -Pm "$WORK" | awk 'NR == 2 { print $4 }')
if (( free < need )); then
    echo "only $free MiB free in $WORK, $need MiB needed: use smaller SIZES" >&2
    exit 1
fi

now() { date +%s.%N; }
log() { echo "$*" | tee -a "$WORK/results/log.txt" >&2; }

drop_note=""
fresh_state() { # $1: MiB. Fresh sparse target, clean page cache, the source image cached.
    rm -f target.img
    truncate -s "$(( $1 + 64 ))M" target.img
    if [[ $DROP_CACHES == 1 ]]; then
        sync
        if ! echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; then
            drop_note="page cache NOT dropped (echo 3 > /proc/sys/vm/drop_caches failed)"
        fi
    fi
    cat "image-$1.raw" > /dev/null
    sleep "$SETTLE"
}

# 1. Images (random bytes, so nothing can skip zeros), cached across invocations, and their checksum,
#    hashed once more each invocation (sha256sum, openssl) to show what hashing costs on this machine.
case $ALGO in sha256|sha512|md5) ;; *) echo "ALGO must be sha256, sha512 or md5" >&2; exit 1 ;; esac
for s in $SIZES; do
    if [[ ! -f image-$s.raw ]]; then
        log "creating image-$s.raw ($s MiB from /dev/urandom)"
        rm -f image-"$s".*
        head -c "${s}M" /dev/urandom > "image-$s.raw.tmp"
        mv "image-$s.raw.tmp" "image-$s.raw"
    fi
    [[ -f image-$s.$ALGO ]] || "${ALGO}sum" "image-$s.raw" | cut -d' ' -f1 > "image-$s.$ALGO"
done
declare -A HASH_S OSSL_S
for s in $SIZES; do
    cat "image-$s.raw" > /dev/null
    t0=$(now); sha256sum "image-$s.raw" > /dev/null; t1=$(now)
    HASH_S[$s]=$(echo "$t0 $t1" | awk '{ printf "%.3f", $2 - $1 }')
    OSSL_S[$s]=0
    if command -v openssl >/dev/null; then   # uses SHA-NI where the CPU has it, as the JDK's intrinsic does
        t0=$(now); openssl dgst -sha256 "image-$s.raw" > /dev/null; t1=$(now)
        OSSL_S[$s]=$(echo "$t0 $t1" | awk '{ printf "%.3f", $2 - $1 }')
    fi
done

# 2. One HTTP server for dd and the agent alike.
python3 -m http.server "$IMG_PORT" --bind 127.0.0.1 --directory "$WORK" >"$WORK/results/http.log" 2>&1 &
SERVER=$!
for _ in $(seq 50); do curl -sf -o /dev/null -r 0-0 "http://127.0.0.1:$IMG_PORT/image-${max}.raw" && break; sleep 0.1; done

run_dd_local() { # $1 MiB -> seconds
    local t0 t1
    t0=$(now); dd if="image-$1.raw" of=target.img bs=1M conv=notrunc,fsync status=none; t1=$(now)
    echo "$t0 $t1" | awk '{ printf "%.3f", $2 - $1 }'
}

run_dd_pipe() {
    local t0 t1
    t0=$(now)
    curl -sSf "http://127.0.0.1:$IMG_PORT/image-$1.raw" | dd of=target.img bs=1M iflag=fullblock conv=notrunc,fsync status=none
    t1=$(now)
    echo "$t0 $t1" | awk '{ printf "%.3f", $2 - $1 }'
}

# Sets AG_SECS, AG_PEAK (KiB), AG_HWM (KiB), AG_FSYNC (s, from the agent log when it says).
# Runs in the main shell so the EXIT trap knows its processes.
run_agent() {
    local s=$1 body out secs status peak hwm
    truncate -s "$(( s + 64 ))M" target.img   # --disk must exist; fresh_state makes it anew after the start
    # shellcheck disable=SC2086
    java $AGENT_JAVA_OPTS -jar "$JAR" --listen "127.0.0.1:$AGENT_PORT" --disk "$WORK/target.img" \
        >"$WORK/results/agent-$s.log" 2>&1 &
    AGENT=$!
    for _ in $(seq 300); do curl -sf -o /dev/null "http://127.0.0.1:$AGENT_PORT/v1/status" && break; sleep 0.1; done
    curl -sf -o /dev/null "http://127.0.0.1:$AGENT_PORT/v1/status" || { log "the agent did not start: $WORK/results/agent-$s.log"; exit 1; }
    fresh_state "$s"
    ( peak=0
      while rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$AGENT/status" 2>/dev/null) && [[ -n $rss ]]; do
          (( rss > peak )) && peak=$rss && echo "$peak" > "$WORK/rss.peak"
          sleep 0.1
      done ) &
    SAMPLER=$!
    body='{"name": "deploy.execute_deploy_step", "params": {"node": {"uuid": "bench"}, "ports": [],
           "step": {"interface": "deploy", "step": "write_image", "priority": 80, "args": {"image_info": {
             "id": "bench", "urls": ["http://127.0.0.1:'$IMG_PORT'/image-'$s'.raw"], "disk_format": "raw",
             "os_hash_algo": "'$ALGO'", "os_hash_value": "'"$(cat "image-$s.$ALGO")"'"}}}}}'
    out=$(curl -sS -XPOST -H 'Content-Type: application/json' -d "$body" -w '\n%{time_total}' \
          "http://127.0.0.1:$AGENT_PORT/v1/commands/?wait=true")
    secs=$(tail -n1 <<<"$out")
    status=$(head -n -1 <<<"$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["command_status"], d["command_error"] or "")')
    kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=
    hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$AGENT/status")
    peak=$(cat "$WORK/rss.peak" 2>/dev/null || echo 0); rm -f "$WORK/rss.peak"
    kill "$AGENT"; wait "$AGENT" 2>/dev/null || true; AGENT=
    if [[ $status != SUCCEEDED* ]]; then
        log "agent write failed: $status"; exit 1
    fi
    cmp -n "$(( s * 1048576 ))" "image-$s.raw" target.img || { log "agent wrote other bytes than the image"; exit 1; }
    AG_FSYNC=$(sed -n 's/.*of which \([0-9.]*\) s in the final fsync.*/\1/p' "$WORK/results/agent-$s.log" | tail -n1)
    AG_SECS=$secs AG_PEAK=$peak AG_HWM=$hwm
}

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
rate() { awk -v m="$1" -v s="$2" 'BEGIN { printf "%.0f", m / s }'; }

stamp=$(date -u +%Y%m%dT%H%M%SZ)
RES="$WORK/results/$stamp.tsv"
printf 'size_mib\trun\twhat\tseconds\tmib_s\tpeak_rss_kib\tvmhwm_kib\tfinal_fsync_s\n' > "$RES"
log "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for s in $SIZES; do
    for r in $(seq "$RUNS"); do
        fresh_state "$s"; t=$(run_dd_local "$s")
        printf '%s\t%s\tdd_local\t%s\t%s\t\t\t\n' "$s" "$r" "$t" "$(rate "$s" "$t")" >> "$RES"
        fresh_state "$s"; t=$(run_dd_pipe "$s")
        printf '%s\t%s\tdd_pipe\t%s\t%s\t\t\t\n' "$s" "$r" "$t" "$(rate "$s" "$t")" >> "$RES"
        run_agent "$s"
        printf '%s\t%s\tagent\t%s\t%s\t%s\t%s\t%s\n' "$s" "$r" "$AG_SECS" "$(rate "$s" "$AG_SECS")" "$AG_PEAK" "$AG_HWM" "$AG_FSYNC" >> "$RES"
        log "$s MiB run $r: $(awk -F'\t' -v s="$s" -v r="$r" '$1 == s && $2 == r { printf "%s %s MiB/s  ", $3, $5 }' "$RES")${AG_FSYNC:+(agent final fsync $AG_FSYNC s)}"
    done
done
rm -f target.img
log "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

# 3. The table: medians of RUNS.
col() { awk -F'\t' -v s="$1" -v w="$2" -v c="$3" '$1 == s && $3 == w { print $c }' "$RES" | median; }
{
echo
echo "Agent write throughput — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)),"
echo "target $WORK on $(findmnt -no FSTYPE -T "$WORK") ($(findmnt -no SOURCE -T "$WORK")), median of $RUNS runs, ${SETTLE} s settle${drop_note:+; $drop_note}"
echo "agent checks $ALGO; raw results: $RES"
echo
echo "| image | sha256sum / openssl sha256 (s) | dd local (MiB/s) | dd pipe (MiB/s) | agent (MiB/s) | agent / dd pipe | agent / dd local | agent peak RSS during write (MiB) | VmHWM (MiB) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for s in $SIZES; do
    dl=$(col "$s" dd_local 4); dp=$(col "$s" dd_pipe 4); ag=$(col "$s" agent 4)
    pk=$(awk -F'\t' -v s="$s" '$1 == s && $3 == "agent" && $6 > m { m = $6 } END { printf "%.0f", m / 1024 }' "$RES")
    hw=$(awk -F'\t' -v s="$s" '$1 == s && $3 == "agent" && $7 > m { m = $7 } END { printf "%.0f", m / 1024 }' "$RES")
    awk -v s="$s" -v h="${HASH_S[$s]}" -v o="${OSSL_S[$s]}" -v dl="$dl" -v dp="$dp" -v ag="$ag" -v pk="$pk" -v hw="$hw" 'BEGIN {
        printf "| %d MiB | %.2f / %.2f (%.0f / %.0f MiB/s) | %.0f | %.0f | %.0f | %.2f | %.2f | %d | %d |\n",
            s, h, o, s / h, (o > 0 ? s / o : 0), s / dl, s / dp, s / ag, dp / ag, dl / ag, pk, hw }'
done
echo
echo "(throughputs are size / median seconds; peak RSS and VmHWM are the maxima over the runs)"
} | tee -a "$WORK/results/log.txt"
