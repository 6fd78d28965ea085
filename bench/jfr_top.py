#!/usr/bin/env python3
"""Hot frames of a JFR recording (uses the JDK's `jfr print --json`, full stacks).

    jfr_top.py rec.jfr [--event jdk.ExecutionSample] [--thread qtp] [--top 30] [--match ferric,derby]

Prints the top self frames, and the top inclusive frames (each frame counted once per sample),
optionally only frames whose method name contains one of --match.
"""
import argparse
import collections
import json
import subprocess


def frames_of(ev):
    st = ev["values"].get("stackTrace") or {}
    out = []
    for f in st.get("frames", []):
        m = f.get("method", {})
        t = m.get("type", {}).get("name", "?")
        out.append("%s.%s" % (t, m.get("name", "?")))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("jfr")
    ap.add_argument("--event", default="jdk.ExecutionSample")
    ap.add_argument("--thread", default="", help="substring of the sampled thread's name")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--match", default="")
    a = ap.parse_args()
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "300", "--events", a.event, a.jfr],
                         capture_output=True, text=True, check=True).stdout
    events = json.loads(raw)["recording"]["events"]
    selfc, incl, threads = collections.Counter(), collections.Counter(), collections.Counter()
    n = 0
    for ev in events:
        th = (ev["values"].get("sampledThread") or ev["values"].get("eventThread") or {})
        name = th.get("javaName") or th.get("osName") or "?"
        threads[name.rstrip("0123456789-")] += 1
        if a.thread and a.thread not in name:
            continue
        fr = frames_of(ev)
        if not fr:
            continue
        n += 1
        selfc[fr[0]] += 1
        for f in set(fr):
            incl[f] += 1
    match = [m for m in a.match.split(",") if m]
    print("%s: %d events, %d selected; threads: %s" % (a.event, len(events), n, threads.most_common(6)))
    print("-- self")
    for f, c in selfc.most_common(a.top):
        print("%5d %5.1f%%  %s" % (c, 100.0 * c / max(n, 1), f))
    print("-- inclusive" + (" (matching %s)" % match if match else ""))
    k = 0
    for f, c in incl.most_common():
        if match and not any(m in f for m in match):
            continue
        print("%5d %5.1f%%  %s" % (c, 100.0 * c / max(n, 1), f))
        k += 1
        if k >= a.top:
            break


if __name__ == "__main__":
    main()
