#!/usr/bin/env python3
"""Backend CPU per SQL statement (user+sys from /proc/PID/stat, so run it as root beside the
cluster): each statement twice to warm, then RUNS times; prints ms per run. Statements on stdin,
separated by lines "----". PRE="SQL" runs first in the same session (e.g. "BEGIN; DROP INDEX x;"
to compare plans without an index, rolled back when psql exits). Issue 17.
Usage: PGHOST=/socket/dir PGPORT=5432 PGDATABASE=bs100k bench/search-pg-cpu.py RUNS < bench/search-pg-page.sql"""
import os, subprocess, sys
runs=int(sys.argv[1]); stmts=[s.strip() for s in sys.stdin.read().split("----") if s.strip()]
psql = subprocess.Popen(["psql","-U","postgres","-X","-q","-A","-t","-v","ON_ERROR_STOP=1"],stdin=subprocess.PIPE,stdout=subprocess.PIPE,text=True,bufsize=1)
def run(sql):
    psql.stdin.write(sql+"\n\\echo __done__\n"); psql.stdin.flush(); out=[]
    while (l:=psql.stdout.readline()) and l.strip()!="__done__": out.append(l.rstrip())
    return out
pid=run("select pg_backend_pid();")[0]
def cpu():
    f=open(f"/proc/{pid}/stat").read().rsplit(")",1)[1].split(); return (int(f[11])+int(f[12]))/os.sysconf("SC_CLK_TCK")
pre=os.environ.get("PRE","")
if pre: run(pre)
for s in stmts:
    r=run(s); run(s); c=cpu()
    for _ in range(runs): run(s)
    print(f"{(cpu()-c)/runs*1000:7.1f} ms  result={r[:1]}  :: {s[:110]!r}")
print(open('/proc/loadavg').read().split()[:3])
