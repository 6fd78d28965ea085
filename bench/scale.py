#!/usr/bin/env python3
"""Ferric alone at scale (10,000 / 100,000 nodes): create, list, filtered list, get; p50/p99; memory.

Standard library only (+ wrk for GET one node). Grows the node count to each --target in turn
(sequential POST /v1/nodes on one keep-alive connection, as workload.py create), then measures at
that size. Results are JSON lines (test "scale") on stdout and appended to --results.

    scale.py --endpoint http://127.0.0.1:6385 --targets 10000,100000 --pid <ferric pid> --results r.jsonl

Reuses workload.py's Client; nodes are named <prefix>NNNNNN like workload.py create, so
`workload.py delete` removes them.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workload  # noqa: E402


def pct(v, p):
    return workload.pct(v, p)


def ms(x):
    return round(x * 1000, 2) if x is not None else None


def timed(c, path, repeat):
    lat, size, n, st = [], 0, 0, None
    c.req("GET", path)  # warm-up
    for _ in range(repeat):
        s = time.perf_counter()
        st, raw = c.req("GET", path)
        lat.append(time.perf_counter() - s)
        size = len(raw)
    try:
        n = len(json.loads(raw).get("nodes", []))
    except Exception:
        n = None
    return {"path": path, "status": st, "returned": n, "bytes": size,
            "ms_p50": ms(pct(lat, 50)), "ms_p99": ms(pct(lat, 99)), "ms_max": ms(max(lat)),
            "repeat": repeat}


def rss_mib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)


def count_nodes(c):
    return len(workload.list_nodes(c, fields="uuid"))


def grow(c, target, prefix, sample_every=1):
    have = count_nodes(c)
    lat = []
    t0 = time.perf_counter()
    errors = 0
    for i in range(have, target):
        body = {"driver": "fake-hardware", "name": "%s%06d" % (prefix, i),
                "properties": {"cpus": 4, "memory_mb": 8192, "local_gb": 100,
                               "cpu_arch": "x86_64"},
                "extra": {"bench": True}}
        s = time.perf_counter()
        st, raw = c.req("POST", "/v1/nodes", body)
        lat.append(time.perf_counter() - s)
        if st != 201:
            errors += 1
            if errors < 5:
                sys.stderr.write("create %d: %s %s\n" % (i, st, raw[:300]))
        if (i - have) % 5000 == 4999:
            sys.stderr.write("  created %d/%d (%.0f/s)\n" % (i + 1, target,
                                                           (i - have + 1) / (time.perf_counter() - t0)))
    wall = time.perf_counter() - t0
    made = target - have
    return {"created": made, "errors": errors, "wall_s": round(wall, 1),
            "req_per_s": round(made / wall, 1) if made else None,
            "ms_p50": ms(pct(lat, 50)), "ms_p99": ms(pct(lat, 99))}


def wrk_get(endpoint, path, conc, duration, version):
    u = urllib.parse.urlsplit(endpoint)
    url = "%s://%s%s" % (u.scheme, u.netloc, path)
    cmd = ["wrk", "-t%d" % max(1, min(conc, 2)), "-c%d" % conc, "-d%ds" % duration, "--latency",
           "--timeout", "10s", "-H", "X-OpenStack-Ironic-API-Version: %s" % version, url]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 30).stdout
    r = {}
    for line in out.splitlines():
        p = line.split()
        if line.startswith("Requests/sec:"):
            r["req_per_s"] = float(p[1])
        elif line.strip().startswith("50%"):
            r["p50"] = p[1]
        elif line.strip().startswith("99%"):
            r["p99"] = p[1]
        elif "Non-2xx" in line:
            r["non_2xx"] = int(p[-1])
    return r


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--endpoint", default="http://127.0.0.1:6385")
    ap.add_argument("--api-version", default="latest")
    ap.add_argument("--prefix", default="bench-")
    ap.add_argument("--targets", default="10000")
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--pid", type=int)
    ap.add_argument("--results")
    ap.add_argument("--skip-grow", action="store_true")
    ap.add_argument("--lock", default="", help="flock file held around each measurement")
    args = ap.parse_args()
    workload.ARGS = argparse.Namespace(endpoint=args.endpoint, api_version=args.api_version,
                                       prefix=args.prefix, results=None)
    c = workload.client()
    for target in [int(x) for x in args.targets.split(",")]:
        res = {"test": "scale", "target": target, "ts": time.strftime("%Y-%m-%dT%H:%M:%S")}
        if not args.skip_grow:
            sys.stderr.write("scale: growing to %d nodes\n" % target)
            res["create"] = grow(c, target, args.prefix)
        nodes = workload.list_nodes(c, fields="uuid,name")
        res["nodes_in_db"] = len(nodes)
        # a few nodes in a distinct state, for a selective filter
        few = [n["uuid"] for n in nodes[:: max(1, len(nodes) // 10)]][:10]
        for u in few:
            c.req("PUT", "/v1/nodes/%s/states/provision" % u, {"target": "manage"})
        time.sleep(2)
        res["list"] = {
            # default page: Ironic's max_limit is 1000, so these return the first 1000
            "plain_page": timed(c, "/v1/nodes", args.repeat),
            "detail_page": timed(c, "/v1/nodes?detail=True", max(5, args.repeat // 3)),
            "plain_last_page": timed(c, "/v1/nodes?marker=%s" % nodes[-1001]["uuid"]
                                     if len(nodes) > 1001 else "/v1/nodes", args.repeat),
            "filter_provision_state_10": timed(c, "/v1/nodes?provision_state=manageable",
                                               args.repeat),
            "filter_driver_limit100": timed(c, "/v1/nodes?driver=fake-hardware&limit=100",
                                            args.repeat),
            "sorted_by_name_limit50": timed(c, "/v1/nodes?fields=uuid,name"
                                          "&limit=50&sort_key=name&sort_dir=desc",
                                          args.repeat),
        }
        s = time.perf_counter()
        workload.list_nodes(c, fields="uuid,name,provision_state")
        res["list"]["all_pages_s"] = round(time.perf_counter() - s, 2)
        uuid = nodes[len(nodes) // 2]["uuid"]
        # sequential GET one node from Python (exact p50/p99 over 2000 requests)
        lat = []
        for _ in range(2000):
            s = time.perf_counter()
            c.req("GET", "/v1/nodes/%s" % uuid)
            lat.append(time.perf_counter() - s)
        res["get_python_seq"] = {"ms_p50": ms(pct(lat, 50)), "ms_p99": ms(pct(lat, 99)),
                                 "req_per_s": round(len(lat) / sum(lat), 1)}
        if shutil.which("wrk"):
            res["get_wrk"] = {"c%d" % k: wrk_get(args.endpoint, "/v1/nodes/%s" % uuid, k,
                                                 args.duration, args.api_version)
                              for k in (1, 16)}
        for u in few:
            c.req("PUT", "/v1/nodes/%s/states/provision" % u, {"target": "provide"})
        if args.pid:
            time.sleep(5)
            res["rss_mib"] = rss_mib(args.pid)
        line = json.dumps(res)
        print(line, flush=True)
        if args.results:
            with open(args.results, "a") as f:
                f.write(line + "\n")


if __name__ == "__main__":
    main()
