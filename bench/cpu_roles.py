#!/usr/bin/env python3
"""CPU per role and per phase of a bench (issue 23): every second, utime + stime (/proc/PID/stat,
all threads) of every process under the given roots, by role (nginx workers, each app instance,
PostgreSQL, Redis, the readers' client, wrk, the static servers), charged to the phase named in
PHASE_FILE at that moment. Per-second deltas, so processes that come and go (wrk) are counted too.
On SIGTERM prints, per phase, each role's CPU seconds and its share of one core.
Usage: bench/cpu_roles.py PHASE_FILE ROOT_PID[,ROOT_PID...] [PID=ROLE ...] > report"""
import os, signal, sys, time

TCK = os.sysconf("SC_CLK_TCK")
phase_file, roots = sys.argv[1], {int(p) for p in sys.argv[2].split(",") if p}
named = {int(k): v for k, v in (a.split("=", 1) for a in sys.argv[3:])}

def stat(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            rest = f.read().rsplit(")", 1)[1].split()
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
        return int(rest[1]), int(rest[11]) + int(rest[12]), cmd
    except (OSError, IndexError, ValueError):
        return None

def role(pid, cmd):
    if pid in named: return named[pid]
    # Each worker apart: an uneven share of the streams between workers shows here.
    if "nginx: worker" in cmd: return f"nginx worker {pid}"
    for key, name in (("nginx: worker", "nginx workers"), ("nginx: master", "nginx master"),
                      ("LiveReaders.dll", "readers' client"), ("StaticServer.dll", "static servers"),
                      ("Broadsheet.dll", "app (other)"), ("redis-server", "redis"), ("postgres", "postgresql")):
        if key in cmd: return name
    return "wrk" if cmd.startswith("wrk ") else "other"

last, totals, seconds, order, files = {}, {}, {}, [], {}
ticks_seen = 0

def tick():
    procs = {}
    for d in os.listdir("/proc"):
        if d.isdigit() and (s := stat(int(d))): procs[int(d)] = s
    children = {}
    for pid, (ppid, _, _) in procs.items(): children.setdefault(ppid, []).append(pid)
    tree, todo = set(), [r for r in roots if r in procs]
    while todo:
        p = todo.pop()
        if p not in tree: tree.add(p); todo += children.get(p, [])
    try: phase = open(phase_file).read().strip() or "-"
    except OSError: phase = "-"
    if phase not in seconds: seconds[phase] = 0; order.append(phase)
    seconds[phase] += 1
    global ticks_seen
    ticks_seen += 1
    for pid in tree:
        _, ticks, cmd = procs[pid]
        key = (pid, cmd[:60])
        # A process first seen now started within the last second: all its CPU is this phase's.
        delta = ticks - last.get(key, 0)
        last[key] = ticks
        r = role(pid, cmd)
        if r.startswith("nginx worker") and ticks_seen % 5 == 0:
            try: files[r] = max(files.get(r, 0), len(os.listdir(f"/proc/{pid}/fd")))
            except OSError: pass
        totals[(phase, r)] = totals.get((phase, r), 0) + max(delta, 0)

def prime():
    # What ran before the sampler started is not charged to the first phase.
    for d in os.listdir("/proc"):
        if d.isdigit() and (s := stat(int(d))): last[(int(d), s[2][:60])] = s[1]

def report(*_):
    for phase in order:
        secs = seconds[phase]
        rows = sorted(((t, r) for (p, r), t in totals.items() if p == phase and t), reverse=True)
        total = sum(t for t, _ in rows) / TCK
        print(f"CPU phase={phase} seconds={secs} total_cpu_s={total:.1f} cores={total / secs:.2f}")
        for t, r in rows:
            print(f"CPU   {r:<16} {t / TCK:7.1f} s  {t / TCK / secs * 100:5.0f} % of a core")
    for r, n in sorted(files.items()):
        print(f"CPU {r}: up to {n} open files (a held stream is two)")
    sys.stdout.flush(); os._exit(0)

signal.signal(signal.SIGTERM, report)
prime()
while True:
    time.sleep(1)
    tick()
