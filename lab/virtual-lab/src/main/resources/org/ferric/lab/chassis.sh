#!/bin/bash
# The chassis of a virtual-lab node. ipmi_sim runs it as its chassis_control program (ipmi_sim_cmd(5)),
# synchronously, once per IPMI request:
#   chassis.sh NODEDIR get PARAM...          prints PARAM:VALUE, for power (0|1) and boot
#   chassis.sh NODEDIR set PARAM VALUE...    power 0|1, reset 1, shutdown 1 (soft off), boot none|pxe|default|cdrom|bios
#   chassis.sh NODEDIR check PARAM VALUE...  accepts everything
# It runs itself, detached, as the node's "ramdisk":
#   chassis.sh NODEDIR run                   runs NODEDIR/agent.sh; when the agent exits by itself (standby.power_off,
#                                            standby.reboot = exit code 10) the chassis powers off, or reboots
#
# A power-on boots by the boot device: none (never set) or pxe is a network boot, the deploy ramdisk: the
# agent starts. "default" is what `ipmitool chassis bootdev disk` sets (ipmi_sim's name for "force boot from
# the default hard drive"): the instance on the disk boots, no agent, a line in console.log. cdrom and bios
# boot nothing. Power-off, soft-off and reset kill the ramdisk's process group (a power cut: SIGKILL).
# State lives in NODEDIR: power, boot, agent.pid (the ramdisk's pid = its process group), events.log (a line
# per set), console.log. While ../stopped exists (the lab is closing) nothing boots.
dir=$1
op=$2
shift 2
cd "$dir" || exit 1

console() { echo "$(date '+%F %T') $*" >> console.log; }
power() { cat power 2>/dev/null || echo 0; }
bootdev() { cat boot 2>/dev/null || echo none; }

halt() {
    local pid
    pid=$(cat agent.pid 2>/dev/null)
    if [ -n "$pid" ]; then
        kill -KILL -- "-$pid" 2>/dev/null
    fi
    rm -f agent.pid
}

boot() {
    local dev
    dev=$(bootdev)
    if [ -e ../stopped ]; then
        return
    fi
    case $dev in
    none|pxe)
        console "boot: network ($dev), the deploy ramdisk starts the agent (agent.log)"
        # setsid: the ramdisk leads a session and process group of its own, outside ipmi_sim's. Nothing of
        # ipmi_sim's pipe or of the lock reaches it, so this returns at once. This shell leads no group, so
        # setsid does not fork: $! is the ramdisk's pid.
        setsid "$0" "$dir" run </dev/null >/dev/null 2>&1 9>&- &
        echo $! > agent.pid
        ;;
    default)
        console "boot: disk, the instance on $PWD/disk.img boots (no agent)";;
    *)
        console "boot: $dev, nothing to boot there (no agent)";;
    esac
}

case $op in
get)
    for p in "$@"; do
        case $p in
        power) echo "power:$(power)";;
        boot) echo "boot:$(bootdev)";;
        *) exit 1;;
        esac
    done;;
check)
    ;;
set)
    # One change at a time per node: ipmi_sim's requests and the ramdisk's own end.
    exec 9>>chassis.lock
    flock 9
    while [ $# -gt 1 ]; do
        echo "$(date +%s) $1 $2" >> events.log
        case $1 in
        power)
            if [ "$2" = 1 ]; then
                if [ "$(power)" != 1 ]; then
                    echo 1 > power
                    boot
                fi
            else
                halt
                if [ "$(power)" = 1 ]; then
                    echo 0 > power
                    console "power off"
                fi
            fi;;
        reset)
            if [ "$(power)" = 1 ]; then
                halt
                console "reset"
                boot
            fi;;
        shutdown)
            halt
            if [ "$(power)" = 1 ]; then
                echo 0 > power
                console "soft power off"
            fi;;
        boot)
            echo "$2" > boot;;
        esac
        shift 2
    done;;
run)
    # The agent replaces a subshell that closed every descriptor but 0-2: ipmi_sim's sockets and pipes leak
    # into its chassis program, and the agent must hold none of them.
    (
        for fd in /proc/$BASHPID/fd/*; do
            n=${fd##*/}
            if [ "$n" -gt 2 ] && [ -L "$fd" ]; then
                eval "exec $n>&-"
            fi
        done
        exec ./agent.sh
    )
    code=$?
    exec 9>>chassis.lock
    flock 9
    # Still this node's ramdisk (not killed meanwhile): the machine goes where the agent took it.
    if [ "$(cat agent.pid 2>/dev/null)" = "$$" ]; then
        rm -f agent.pid
        if [ "$code" = 10 ]; then
            console "the agent rebooted the machine"
            boot
        else
            echo 0 > power
            console "the agent exited with code $code: power off"
        fi
    fi;;
esac
exit 0
