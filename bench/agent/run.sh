#!/bin/sh
# Agent write throughput against dd, and the agent's peak memory while writing. Not run by CI.
# Usage: bench/agent/run.sh [size-in-MiB]   (default 1024); needs bundles/agent built, python3, curl.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
JAR="$HERE/../../bundles/agent/target/ferric-agent.jar"
MIB=${1:-1024}
WORK=${WORK:-$(mktemp -d /var/tmp/ferric-agent-bench.XXXXXX)}
IMG_PORT=18930; AGENT_PORT=18931
trap 'kill $SERVER $AGENT 2>/dev/null || true; rm -rf "$WORK"' EXIT INT TERM
cd "$WORK"

# Random bytes, so neither side can skip zeros; the image is in the page cache for every run alike.
head -c "${MIB}M" /dev/urandom > image.raw
SHA512=$(sha512sum image.raw | cut -d' ' -f1)
SHA256=$(sha256sum image.raw | cut -d' ' -f1)
python3 -m http.server "$IMG_PORT" --bind 127.0.0.1 >/dev/null 2>&1 & SERVER=$!
truncate -s "$((MIB + 64))M" disk.img
sleep 1

now() { date +%s.%N; }
rate() { echo "$MIB $1 $2" | awk '{ printf "%.0f MiB/s (%.2f s)", $1 / ($3 - $2), $3 - $2 }'; }

t0=$(now); dd if=image.raw of=disk.img bs=1M conv=notrunc,fsync status=none; t1=$(now)
echo "dd, file to file, fsync:              $(rate "$t0" "$t1")"
t0=$(now); curl -s "http://127.0.0.1:$IMG_PORT/image.raw" | dd of=disk.img bs=1M iflag=fullblock conv=notrunc,fsync status=none; t1=$(now)
echo "curl | dd over HTTP, fsync:           $(rate "$t0" "$t1")"

run_agent() { # $1: extra JVM options, $2: algo, $3: hash
  java $1 -jar "$JAR" --listen "127.0.0.1:$AGENT_PORT" --disk disk.img >agent.log 2>&1 & AGENT=$!
  until curl -sf "http://127.0.0.1:$AGENT_PORT/v1/status" >/dev/null; do sleep 0.2; done
  before=$(awk '/VmHWM/ {print $2}' "/proc/$AGENT/status")
  body='{"name": "deploy.execute_deploy_step", "params": {"node": {}, "ports": [], "step": {"step": "write_image", "interface": "deploy", "priority": 80,
         "args": {"image_info": {"id": "bench", "urls": ["http://127.0.0.1:'$IMG_PORT'/image.raw"], "disk_format": "raw", "os_hash_algo": "'$2'", "os_hash_value": "'$3'"}}}}}'
  t0=$(now)
  status=$(curl -s -XPOST -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$AGENT_PORT/v1/commands/?wait=true" \
           | python3 -c 'import json,sys; print(json.load(sys.stdin)["command_status"])')
  t1=$(now)
  after=$(awk '/VmHWM/ {print $2}' "/proc/$AGENT/status")
  kill $AGENT; wait $AGENT 2>/dev/null || true
  cmp -n "$((MIB * 1048576))" image.raw disk.img
  echo "agent ${1:-default heap}, $2: $status, $(rate "$t0" "$t1"); peak RSS $((before / 1024)) MiB at start, $((after / 1024)) MiB after the write"
}
run_agent "" sha256 "$SHA256"
run_agent "" sha512 "$SHA512"
run_agent "-Xmx64m" sha256 "$SHA256"
