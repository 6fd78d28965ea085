#!/usr/bin/env python3
"""Re-runnable Bare Metal API workload (standard library only; wrk optional).

Point it at any implementation of the Ironic v1 API by changing --endpoint.
Each sub-command prints a JSON result line and appends it to --results.

  workload.py create     --count 1000           sequential POST /v1/nodes (req/s)
  workload.py list       --repeat 15            GET /v1/nodes?detail=True latency (+ plain list)
  workload.py get        --concurrency 1,4,16   GET /v1/nodes/{uuid} throughput (wrk if present)
  workload.py lifecycle  --count 1 / 100        manage -> provide -> deploy (active) wall time
  workload.py rss        --pidfile F [...]      RSS / PSS of processes (+ their children)
  workload.py coldstart  --start-cmd "..."      exec -> first 200 on the probe path
  workload.py delete                            delete all nodes named <prefix>*
  workload.py all                               create, list, get, lifecycle 1 + 100,
                                                 delete, repeated --rounds times

The API version header sent is --api-version (default "latest").
Only loopback endpoints are meant to be used; every loop is bounded.
"""
import argparse
import http.client
import json
import os
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ARGS = None


def now():
    return time.perf_counter()


class Client:
    """One persistent HTTP/1.1 connection (re-opened on failure)."""

    def __init__(self, endpoint, version):
        u = urllib.parse.urlsplit(endpoint)
        self.host, self.port = u.hostname, u.port or 80
        self.prefix = u.path.rstrip("/")
        self.version = version
        self.conn = None

    def req(self, method, path, body=None, retries=2):
        h = {"Accept": "application/json"}
        if self.version:
            h["X-OpenStack-Ironic-API-Version"] = self.version
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        for attempt in range(retries + 1):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
                self.conn.request(method, self.prefix + path, body=data, headers=h)
                r = self.conn.getresponse()
                raw = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return r.status, raw
            except (http.client.HTTPException, OSError):
                if self.conn:
                    self.conn.close()
                self.conn = None
                if attempt == retries:
                    raise
                time.sleep(0.05)

    def json(self, method, path, body=None):
        st, raw = self.req(method, path, body)
        return st, (json.loads(raw) if raw else None)


def client():
    return Client(ARGS.endpoint, ARGS.api_version)


def pct(values, p):
    if not values:
        return None
    v = sorted(values)
    k = max(0, min(len(v) - 1, int(round(p / 100.0 * (len(v) - 1)))))
    return v[k]


def emit(result):
    result.setdefault("endpoint", ARGS.endpoint)
    result.setdefault("ts", time.strftime("%Y-%m-%dT%H:%M:%S"))
    line = json.dumps(result)
    print(line, flush=True)
    if ARGS.results:
        with open(ARGS.results, "a") as f:
            f.write(line + "\n")
    return result


def list_nodes(c, fields="uuid,name", query=""):
    """All nodes, following 'next' links."""
    out = []
    path = "/v1/nodes?fields=%s&limit=1000%s" % (fields, query)
    for _ in range(10000):
        st, body = c.json("GET", path)
        if st != 200:
            raise RuntimeError("list failed %s %s" % (st, body))
        out.extend(body["nodes"])
        nxt = body.get("next")
        if not nxt or not body["nodes"]:
            break
        p = urllib.parse.urlsplit(nxt)
        path = p.path[len(c.prefix):] + "?" + p.query
    return out


def bench_nodes(c):
    return [n for n in list_nodes(c) if (n.get("name") or "").startswith(ARGS.prefix)]


# ----------------------------------------------------------------- create
def cmd_create(count=None):
    count = count or ARGS.count
    c = client()
    base = len(bench_nodes(c))
    lat = []
    errors = 0
    t0 = now()
    for i in range(count):
        body = {"driver": "fake-hardware", "name": "%s%06d" % (ARGS.prefix, base + i),
                "properties": {"cpus": 4, "memory_mb": 8192, "local_gb": 100,
                               "cpu_arch": "x86_64"},
                "extra": {"bench": True}}
        s = now()
        st, raw = c.req("POST", "/v1/nodes", body)
        lat.append(now() - s)
        if st != 201:
            errors += 1
            if errors < 5:
                sys.stderr.write("create %d: %s %s\n" % (i, st, raw[:300]))
    wall = now() - t0
    return emit({"test": "create_sequential", "count": count, "errors": errors,
                 "wall_s": round(wall, 3), "req_per_s": round(count / wall, 1),
                 "lat_ms_p50": round(pct(lat, 50) * 1000, 2),
                 "lat_ms_p90": round(pct(lat, 90) * 1000, 2),
                 "lat_ms_p99": round(pct(lat, 99) * 1000, 2)})


# ----------------------------------------------------------------- delete
def cmd_delete():
    c = client()
    nodes = bench_nodes(c)
    t0 = now()
    errors = 0
    for n in nodes:
        st, raw = c.req("DELETE", "/v1/nodes/%s" % n["uuid"])
        if st == 409:  # e.g. active: undeploy not attempted here, use maintenance
            c.req("PUT", "/v1/nodes/%s/maintenance" % n["uuid"], {"reason": "bench cleanup"})
            st, raw = c.req("DELETE", "/v1/nodes/%s" % n["uuid"])
        if st != 204:
            errors += 1
    wall = now() - t0
    return emit({"test": "delete_sequential", "count": len(nodes), "errors": errors,
                 "wall_s": round(wall, 3),
                 "req_per_s": round(len(nodes) / wall, 1) if nodes else None})


# ----------------------------------------------------------------- list
def cmd_list():
    c = client()
    total = len(list_nodes(c, fields="uuid"))
    res = {"test": "list_latency", "nodes_in_db": total, "repeat": ARGS.repeat}
    for label, path in (("detail", "/v1/nodes?detail=True"),
                        ("plain", "/v1/nodes")):
        c.req("GET", path)  # warm-up
        lat, size, n = [], 0, 0
        for _ in range(ARGS.repeat):
            s = now()
            st, raw = c.req("GET", path)
            lat.append(now() - s)
            size = len(raw)
            n = len(json.loads(raw)["nodes"])
        res[label] = {"path": path, "returned": n, "bytes": size,
                      "ms_median": round(statistics.median(lat) * 1000, 1),
                      "ms_min": round(min(lat) * 1000, 1),
                      "ms_max": round(max(lat) * 1000, 1)}
    return emit(res)


# ----------------------------------------------------------------- get
def _py_get_load(path, conc, duration):
    stop = time.time() + duration
    counts, lats, errs = [0] * conc, [[] for _ in range(conc)], [0] * conc

    def worker(i):
        c = client()
        while time.time() < stop:
            s = now()
            st, _ = c.req("GET", path)
            lats[i].append(now() - s)
            if st == 200:
                counts[i] += 1
            else:
                errs[i] += 1
    ts = [threading.Thread(target=worker, args=(i,)) for i in range(conc)]
    t0 = now()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    wall = now() - t0
    all_l = [x for l in lats for x in l]
    return {"tool": "python-threads", "req_per_s": round(sum(counts) / wall, 1),
            "errors": sum(errs), "lat_ms_p50": round(pct(all_l, 50) * 1000, 2),
            "lat_ms_p99": round(pct(all_l, 99) * 1000, 2)}


def _wrk_get_load(path, conc, duration):
    u = urllib.parse.urlsplit(ARGS.endpoint)
    url = "%s://%s%s%s" % (u.scheme, u.netloc, u.path.rstrip("/"), path)
    threads = max(1, min(conc, 2))
    cmd = ["wrk", "-t%d" % threads, "-c%d" % conc, "-d%ds" % duration, "--latency",
           "--timeout", "10s", "-H", "X-OpenStack-Ironic-API-Version: %s" % ARGS.api_version,
           "-H", "Accept: application/json", url]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 30).stdout
    r = {"tool": "wrk"}
    for line in out.splitlines():
        parts = line.split()
        if line.startswith("Requests/sec:"):
            r["req_per_s"] = float(parts[1])
        elif line.strip().startswith("50%"):
            r["lat_p50"] = parts[1]
        elif line.strip().startswith("99%"):
            r["lat_p99"] = parts[1]
        elif "Non-2xx" in line:
            r["non_2xx"] = int(parts[-1])
        elif "Socket errors" in line:
            r["socket_errors"] = line.strip()
    return r


def cmd_get():
    c = client()
    nodes = bench_nodes(c) or list_nodes(c)
    if not nodes:
        raise SystemExit("no nodes to GET; run create first")
    uuid = nodes[len(nodes) // 2]["uuid"]
    path = "/v1/nodes/%s" % uuid
    res = {"test": "get_node_throughput", "duration_s": ARGS.duration, "runs": {}}
    use_wrk = shutil.which("wrk") and not ARGS.no_wrk
    for conc in [int(x) for x in ARGS.concurrency.split(",")]:
        runs = []
        for _ in range(ARGS.get_repeat):
            runs.append(_wrk_get_load(path, conc, ARGS.duration) if use_wrk
                        else _py_get_load(path, conc, ARGS.duration))
        med = statistics.median([r.get("req_per_s", 0) for r in runs])
        res["runs"]["c%d" % conc] = {"req_per_s_median": med, "samples": runs}
    return emit(res)


# ----------------------------------------------------------------- lifecycle
def _action_all(uuids, target, threads=None):
    """PUT provision target for every node; retries 409 (NodeLocked)."""
    retries = [0]
    errors = []
    lock = threading.Lock()
    it = iter(uuids)

    def worker():
        c = client()
        while True:
            with lock:
                u = next(it, None)
            if u is None:
                return
            for attempt in range(200):
                st, raw = c.req("PUT", "/v1/nodes/%s/states/provision" % u, {"target": target})
                if st == 202:
                    break
                if st in (409, 503):
                    with lock:
                        retries[0] += 1
                    time.sleep(0.1)
                    continue
                with lock:
                    errors.append((u, st, raw[:200]))
                break
    threads = threads or ARGS.action_threads
    ts = [threading.Thread(target=worker) for _ in range(min(threads, len(uuids)))]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return retries[0], errors


def _wait_all(c, uuids, want, timeout):
    pending = set(uuids)
    t0 = now()
    interval = 0.05 if len(uuids) == 1 else 0.5
    while pending and now() - t0 < timeout:
        if len(pending) == 1:
            u = next(iter(pending))
            st, n = c.json("GET", "/v1/nodes/%s?fields=uuid,provision_state,"
                                  "target_provision_state,reservation" % u)
            nodes = [n]
        else:
            nodes = list_nodes(c, fields="uuid,provision_state,target_provision_state,"
                                         "reservation", query="&provision_state=%s" % want)
        for n in nodes:
            if n["uuid"] in pending:
                ps = n.get("provision_state") or ""
                if ps == want and not n.get("target_provision_state") and not n.get("reservation"):
                    pending.discard(n["uuid"])
                elif ps.endswith("failed"):
                    raise RuntimeError("node %s -> %s" % (n["uuid"], ps))
        if pending:
            time.sleep(interval)
    if pending:
        raise RuntimeError("%d nodes did not reach %s in %ss" % (len(pending), want, timeout))
    return now() - t0


def cmd_lifecycle(count=None):
    count = count or ARGS.count
    c = client()
    uuids = []
    tag = "%slc%d-%d-" % (ARGS.prefix, count, int(time.time()))
    for i in range(count):
        st, n = c.json("POST", "/v1/nodes", {"driver": "fake-hardware", "name": "%s%d" % (tag, i)})
        assert st == 201, (st, n)
        uuids.append(n["uuid"])
    phases = {}
    total_retries = 0
    t0 = now()
    for target, want in (("manage", "manageable"), ("provide", "available"),
                         ("active", "active")):
        s = now()
        r, errs = _action_all(uuids, target)
        if errs:
            raise RuntimeError("%s errors: %s" % (target, errs[:3]))
        total_retries += r
        _wait_all(c, uuids, want, timeout=ARGS.timeout)
        phases[target] = round(now() - s, 3)
    wall = now() - t0
    res = {"test": "lifecycle_to_active", "nodes": count, "wall_s": round(wall, 3),
           "phases_s": phases, "retries_409": total_retries,
           "nodes_per_s": round(count / wall, 2)}
    # undeploy and remove (not timed into wall_s)
    s = now()
    _action_all(uuids, "deleted")
    _wait_all(c, uuids, "available", timeout=ARGS.timeout)
    res["undeploy_s"] = round(now() - s, 3)
    for u in uuids:
        c.req("DELETE", "/v1/nodes/%s" % u)
    return emit(res)


# ----------------------------------------------------------------- rss
def _children(pid):
    kids = []
    try:
        for t in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/children" % (pid, t)) as f:
                kids += [int(x) for x in f.read().split()]
    except OSError:
        pass
    out = []
    for k in kids:
        out.append(k)
        out += _children(k)
    return out


def _mem(pid):
    rss = pss = 0
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def cmd_rss():
    res = {"test": "memory", "processes": {}}
    specs = [(os.path.basename(p).replace(".pid", ""), int(open(p).read().strip()))
             for p in ARGS.pidfile] + [("pid%d" % p, p) for p in ARGS.pid]
    try:
        res["nodes_in_db"] = len(list_nodes(client(), fields="uuid"))
    except Exception:
        pass
    for name, pid in specs:
        pids = [pid] + _children(pid)
        mems = [_mem(p) for p in pids]
        res["processes"][name] = {
            "pids": pids,
            "rss_mib_each": [round(m[0] / 1024, 1) for m in mems],
            "rss_mib_total": round(sum(m[0] for m in mems) / 1024, 1),
            "pss_mib_total": round(sum(m[1] for m in mems) / 1024, 1)}
    return emit(res)


# ----------------------------------------------------------------- coldstart
def cmd_coldstart():
    u = urllib.parse.urlsplit(ARGS.endpoint)
    times = []
    for i in range(ARGS.repeat):
        # refuse to start if something already answers on the endpoint
        # (--allow-running: the probe goes through an already running API,
        # e.g. to time a conductor until /v1/drivers lists its drivers)
        if not ARGS.allow_running:
            try:
                http.client.HTTPConnection(u.hostname, u.port, timeout=1).request("GET", "/")
                raise SystemExit("endpoint already answering; stop the API first")
            except OSError:
                pass
        log = tempfile.TemporaryFile()
        t0 = now()
        p = subprocess.Popen(shlex.split(ARGS.start_cmd), stdout=log, stderr=log,
                             start_new_session=True)
        first = None
        try:
            while now() - t0 < ARGS.timeout:
                try:
                    c = http.client.HTTPConnection(u.hostname, u.port, timeout=5)
                    h = {"X-OpenStack-Ironic-API-Version": ARGS.api_version}
                    c.request("GET", u.path.rstrip("/") + ARGS.probe_path, headers=h)
                    r = c.getresponse()
                    body = r.read().decode("utf-8", "replace")
                    c.close()
                    if r.status == 200 and (not ARGS.expect or ARGS.expect in body):
                        first = now() - t0
                        break
                except OSError:
                    pass
                if p.poll() is not None:
                    log.seek(0)
                    raise SystemExit("start command exited: %s" % log.read()[-2000:])
                time.sleep(0.01)
        finally:
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
            # (bench) wait until the whole process group is gone, not only the start
            # command: a JVM started by a shell script may still be shutting down
            for _ in range(600):
                try:
                    os.killpg(p.pid, 0)
                    time.sleep(0.05)
                except ProcessLookupError:
                    break
                except PermissionError:
                    break
            # wait for the port to be free again
            for _ in range(0 if ARGS.allow_running else 200):
                try:
                    http.client.HTTPConnection(u.hostname, u.port, timeout=1).request("GET", "/")
                    time.sleep(0.05)
                except OSError:
                    break
            # with --allow-running, wait until the probe fails again (e.g. the
            # conductor has unregistered) so the next round starts clean
            if ARGS.allow_running and ARGS.expect:
                for _ in range(600):
                    try:
                        c = http.client.HTTPConnection(u.hostname, u.port, timeout=5)
                        c.request("GET", u.path.rstrip("/") + ARGS.probe_path,
                                  headers={"X-OpenStack-Ironic-API-Version": ARGS.api_version})
                        r = c.getresponse()
                        body = r.read().decode("utf-8", "replace")
                        c.close()
                        if ARGS.expect not in body:
                            break
                    except OSError:
                        break
                    time.sleep(0.1)
        times.append(first)
        time.sleep(0.5)
    ok = [t for t in times if t is not None]
    return emit({"test": "coldstart", "probe": ARGS.probe_path, "start_cmd": ARGS.start_cmd,
                 "seconds": [round(t, 3) if t else None for t in times],
                 "median_s": round(statistics.median(ok), 3) if ok else None})


# ----------------------------------------------------------------- all
def cmd_all():
    cmd_delete()
    for r in range(ARGS.rounds):
        sys.stderr.write("round %d/%d\n" % (r + 1, ARGS.rounds))
        cmd_create(ARGS.count)
        cmd_list()
        cmd_get()
        if ARGS.pidfile or ARGS.pid:
            time.sleep(ARGS.idle_wait)  # let it settle: "idle with N nodes"
            cmd_rss()
        cmd_lifecycle(1)
        cmd_lifecycle(ARGS.parallel)
        cmd_delete()


def main():
    global ARGS
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cmd", choices=["create", "delete", "list", "get", "lifecycle", "rss",
                                    "coldstart", "all"])
    ap.add_argument("--endpoint", default=os.environ.get("OS_ENDPOINT", "http://127.0.0.1:6385"))
    ap.add_argument("--api-version", default="latest")
    ap.add_argument("--prefix", default="bench-")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--parallel", type=int, default=100, help="nodes for the parallel lifecycle")
    ap.add_argument("--action-threads", type=int, default=8,
                    help="client threads sending provision actions in lifecycle")
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--concurrency", default="1,4,16")
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--get-repeat", type=int, default=3)
    ap.add_argument("--no-wrk", action="store_true")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--pidfile", action="append", default=[],
                    help="pid file of a server process (children are included)")
    ap.add_argument("--idle-wait", type=float, default=20)
    ap.add_argument("--pid", action="append", type=int, default=[])
    ap.add_argument("--start-cmd")
    ap.add_argument("--probe-path", default="/")
    ap.add_argument("--expect", default="", help="coldstart: substring the probe body must hold")
    ap.add_argument("--allow-running", action="store_true",
                    help="coldstart: endpoint is served by another, running process")
    ap.add_argument("--results", default=None, help="append JSON lines here")
    ARGS = ap.parse_args()
    {"create": cmd_create, "delete": cmd_delete, "list": cmd_list, "get": cmd_get,
     "lifecycle": cmd_lifecycle, "rss": cmd_rss, "coldstart": cmd_coldstart,
     "all": cmd_all}[ARGS.cmd]()


if __name__ == "__main__":
    main()
