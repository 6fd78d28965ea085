#!/bin/bash
# Stops only the reference Ironic processes started by ironic-setup.sh (pid files).
# Each was started with setsid, so its pid is also its process group id; the
# group is signalled so ironic-api's forked workers go too.
#   ./ironic-stop.sh              both
#   ./ironic-stop.sh api          only ironic-api (e.g. to time a cold start)
DIR=${IRONIC_REF_DIR:-/tmp/ironic-ref}
WHICH=${*:-api conductor}
for name in $WHICH; do
    pidf=$DIR/$name.pid
    [ -f "$pidf" ] || continue
    pid=$(cat "$pidf")
    if kill -0 "$pid" 2>/dev/null; then
        # only act if it really is an ironic process
        if grep -q ironic "/proc/$pid/cmdline" 2>/dev/null; then
            kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
            for i in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
            kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null
            echo "[stop] stopped ironic-$name (pid $pid)"
        fi
    fi
    rm -f "$pidf"
done
