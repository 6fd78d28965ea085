#!/usr/bin/env python3
"""The comparison table from workload.py result files: Ferric | Ironic | ratio (medians).

    table.py --ferric f.jsonl [f2.jsonl..] --ironic i.jsonl [..] [--scale s.jsonl] [--markdown]

"ratio" is always how many times better Ferric is (>1: Ferric better): Ferric/Ironic for rates,
Ironic/Ferric for times and memory.
"""
import argparse
import json
import statistics


def load(paths):
    rows = []
    for k, p in enumerate(paths or []):
        with open(p) as f:
            rows += [dict(json.loads(x), _run=k) for x in f if x.strip()]
    return rows


def firsts(rows):
    """the first of each run's rows (one result file is one run)"""
    seen = {}
    for r in rows:
        seen.setdefault(r["_run"], r)
    return list(seen.values())


RANGES = {}


def med(xs, key=None):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def rng(m, key, xs):
    """records the min..max of a metric's samples next to its median"""
    xs = [x for x in xs if x is not None]
    if len(xs) > 1:
        m.setdefault("_range", {})[key] = (min(xs), max(xs))


def metrics(rows, count):
    by = {}
    for r in rows:
        by.setdefault(r["test"], []).append(r)
    m = {}
    c = [r for r in by.get("create_sequential", []) if r["count"] >= count]
    m["create"] = med([r["req_per_s"] for r in c])
    rng(m, "create", [r["req_per_s"] for r in c])
    m["create_p50"] = med([r["lat_ms_p50"] for r in c])
    # Round 1 runs on a JVM that has just started: reported beside the median, not hidden in it.
    m["create_first"] = med([r["req_per_s"] for r in firsts(c)])
    li = [r for r in by.get("list_latency", []) if r["nodes_in_db"] >= count]
    m["detail"] = med([r["detail"]["ms_median"] for r in li])
    m["plain"] = med([r["plain"]["ms_median"] for r in li])
    rng(m, "detail", [r["detail"]["ms_median"] for r in li])
    rng(m, "plain", [r["plain"]["ms_median"] for r in li])
    m["detail_first"] = med([r["detail"]["ms_median"] for r in firsts(li)])
    for k in ("c1", "c4", "c16"):
        xs = [s.get("req_per_s") for r in by.get("get_node_throughput", [])
              if k in r["runs"] for s in r["runs"][k]["samples"]]
        m["get_" + k] = med(xs)
        rng(m, "get_" + k, xs)
        m["get_p50_" + k] = med([_ms(s.get("lat_p50")) for r in by.get("get_node_throughput", [])
                                 if k in r["runs"] for s in r["runs"][k]["samples"]])
    for n in sorted({r["nodes"] for r in by.get("lifecycle_to_active", [])}):
        lc = [r for r in by.get("lifecycle_to_active", []) if r["nodes"] == n]
        m["lc%d" % n] = med([r["wall_s"] for r in lc])
        rng(m, "lc%d" % n, [r["wall_s"] for r in lc])
    mem = by.get("memory", [])
    m["rss"] = med([sum(p["rss_mib_total"] for p in r["processes"].values()) for r in mem])
    rng(m, "rss", [sum(p["rss_mib_total"] for p in r["processes"].values()) for r in mem])
    m["pss"] = med([sum(p["pss_mib_total"] for p in r["processes"].values()) for r in mem])
    for r in by.get("coldstart", []):
        key = "cold_" + r["probe"].strip("/").replace("/", "_")
        if "conductor" in r["start_cmd"]:
            key = "cold_conductor"
        m.setdefault(key, []).extend(x for x in r["seconds"] if x is not None)
    for k in list(m):
        if k.startswith("cold_"):
            rng(m, k, m[k])
            m[k] = med(m[k])
    return m


def _ms(s):
    """wrk latency '1.23ms' / '950.00us' / '1.10s' -> ms"""
    if not s:
        return None
    for suf, f in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if s.endswith(suf):
            return float(s[:-len(suf)]) * f
    return None


def num(v):
    if isinstance(v, float):
        return ("%.3g" % v) if v < 100 else ("%.0f" % v)
    return str(v)


def fmt(v, unit="", r=None):
    if v is None:
        return "-"
    s = num(v) + unit
    if r:
        s += " [%s-%s]" % (num(r[0]), num(r[1]))
    return s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ferric", required=True, nargs="+")
    ap.add_argument("--ironic", required=True, nargs="+")
    ap.add_argument("--scale", nargs="+")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args()
    f, i = metrics(load(a.ferric), a.count), metrics(load(a.ironic), a.count)
    n = a.count
    rows = [  # label, key-ferric, key-ironic, unit, higher-is-better
        ("create %d nodes, sequential (req/s)" % n, "create", "create", "", True),
        ("  round 1 only (first requests after a start)", "create_first", "create_first", "", True),
        ("GET /v1/nodes?detail=True, %d nodes (ms)" % n, "detail", "detail", "", False),
        ("  round 1 only (first requests after a start)", "detail_first", "detail_first", "", False),
        ("GET /v1/nodes plain, %d nodes (ms)" % n, "plain", "plain", "", False),
        ("GET /v1/nodes/{uuid}, 1 conn (req/s)", "get_c1", "get_c1", "", True),
        ("GET /v1/nodes/{uuid}, 4 conns (req/s)", "get_c4", "get_c4", "", True),
        ("GET /v1/nodes/{uuid}, 16 conns (req/s)", "get_c16", "get_c16", "", True),
    ] + [
        ("lifecycle %d node%s manage->provide->active (s)" % (k, "" if k == 1 else "s"),
         "lc%d" % k, "lc%d" % k, "", False)
        for k in sorted({int(x[2:]) for x in list(f) + list(i) if x.startswith("lc")})
    ] + [
        ("idle RSS, %d nodes (MiB; Ironic = API+conductor)" % n, "rss", "rss", "", False),
        ("idle PSS, %d nodes (MiB)" % n, "pss", "pss", "", False),
        ("cold start -> 200 on /v1/nodes (s; Ironic: ironic-api)", "cold_v1_nodes",
         "cold_v1_nodes", "", False),
        ("cold start -> fake-hardware in /v1/drivers (s; Ironic: conductor)", "cold_v1_drivers",
         "cold_conductor", "", False),
    ]
    out = [("metric", "Ferric", "Ironic", "ratio of medians (x better)")]
    for label, kf, ki, unit, hib in rows:
        vf, vi = f.get(kf), i.get(ki)
        ratio = None
        if vf and vi:
            ratio = vf / vi if hib else vi / vf
        out.append((label, fmt(vf, unit, f.get("_range", {}).get(kf)),
                    fmt(vi, unit, i.get("_range", {}).get(ki)), fmt(ratio) if ratio else "-"))
    if a.markdown:
        print("| " + " | ".join(out[0]) + " |")
        print("|---|---:|---:|---:|")
        for r in out[1:]:
            print("| " + " | ".join(r) + " |")
    else:
        w = [max(len(r[k]) for r in out) for k in range(4)]
        for r in out:
            print("  ".join(r[k].ljust(w[k]) if k == 0 else r[k].rjust(w[k]) for k in range(4)))
    for s in load(a.scale):
        print()
        print("Ferric alone, %d nodes in the database:" % s["nodes_in_db"])
        if "create" in s:
            c = s["create"]
            print("  create (growing to %d): %s req/s, p50 %s ms, p99 %s ms"
                  % (s["target"], c["req_per_s"], c["ms_p50"], c["ms_p99"]))
        for k, v in s["list"].items():
            if isinstance(v, dict):
                print("  %-28s %-58s returned %5s  p50 %7s ms  p99 %7s ms"
                      % (k, v["path"][:58], v["returned"], v["ms_p50"], v["ms_p99"]))
        print("  all pages (fields=uuid,name,provision_state, limit=1000): %s s"
              % s["list"]["all_pages_s"])
        g = s["get_python_seq"]
        print("  GET one node, sequential python client: p50 %s ms, p99 %s ms"
              % (g["ms_p50"], g["ms_p99"]))
        for k, v in s.get("get_wrk", {}).items():
            print("  GET one node, wrk %s: %s req/s, p50 %s, p99 %s"
                  % (k, v.get("req_per_s"), v.get("p50"), v.get("p99")))
        print("  RSS: %s MiB" % s.get("rss_mib"))


if __name__ == "__main__":
    main()
