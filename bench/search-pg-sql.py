#!/usr/bin/env python3
"""CPU time of the PostgreSQL search SQL (issue 17) on a seeded database, before and after the
narrow search table (SearchLiveTable migration), plus EXPLAIN (ANALYZE, BUFFERS) of each.
"before" is the SQL PostgresSearchIndex ran until then, over "Articles" with its two GIN indexes
(created here for the run and dropped after: the migration removed them).
CPU is the backend's own user+sys time (/proc/PID/stat), summed over RUNS runs of the count plus
the first page; on a loaded machine it moves far less than wall time.
Usage (as root, beside the cluster): bench/search-pg-sql.py PORT DATABASE [RUNS=20]
BENCH_PLANS=1 prints the plans; BENCH_SKIP_BEFORE=1 measures "after" only."""
import os, subprocess, sys, time

port, database = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 20
psql = subprocess.Popen(["psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", database, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"],
                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
def run(sql):
    """Sends sql, waits for its end; returns its output lines."""
    psql.stdin.write(sql + "\n\\echo __done__\n"); psql.stdin.flush()
    out = []
    while (line := psql.stdout.readline()) and line.strip() != "__done__":
        if not line: raise SystemExit("psql ended")
        out.append(line.rstrip("\n"))
    return out
pid = run("SELECT pg_backend_pid();")[0].strip()
def cpu():
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")

politics = run("""SELECT "Id" FROM "Categories" WHERE "Slug" = 'politics';""")[0].strip()
NOW = "now()"
Q = "websearch_to_tsquery(broadsheet_search_language(), '{m}') query"
HEAD = "'StartSel=<, StopSel=>, MaxWords=32, MinWords=16, MaxFragments=1, FragmentDelimiter=…'"

def before(m, cat, newest):
    live = f"""AND a."Status" IN ('Published', 'Scheduled') AND a."PublishedAt" IS NOT NULL AND a."PublishedAt" <= {NOW}"""
    if cat: live += f""" AND a."CategoryId" = {politics}"""
    where = f"""FROM "Articles" a, {Q.format(m=m)} WHERE a."SearchVector" @@ query {live}"""
    score = f"""(ts_rank_cd(a."HeadlineVector", query) + 0.1) / (1.0 + extract(epoch FROM ({NOW} - a."PublishedAt")) / 86400.0 / 30)"""
    count = f"SELECT COUNT(*) FROM (SELECT 1 {where} LIMIT 10001) capped;"
    if newest:
        ranked = f"""SELECT a."Id", a."BodyText", query, 0.0::float8 AS score, a."PublishedAt" {where} ORDER BY a."PublishedAt" DESC, a."Id" DESC LIMIT 20"""
    else:
        ranked = f"""WITH candidates AS (
            (SELECT a."Id" {where} ORDER BY a."PublishedAt" DESC, a."Id" DESC LIMIT 500)
            UNION
            (SELECT a."Id" {where} AND a."HeadlineVector" @@ query ORDER BY {score} DESC LIMIT 500))
          SELECT a."Id", a."BodyText", query, {score} AS score, a."PublishedAt"
          FROM "Articles" a, {Q.format(m=m)} WHERE a."Id" IN (SELECT "Id" FROM candidates) ORDER BY score DESC, a."Id" DESC LIMIT 20"""
    order = 'a."PublishedAt" DESC, a."Id" DESC' if newest else 'score DESC, a."Id" DESC'
    page = f"""WITH ranked AS ({ranked}) SELECT a."Id", a.score, ts_headline(broadsheet_search_language(), a."BodyText", a.query, {HEAD}) FROM ranked a ORDER BY {order};"""
    return [count, page]

def after(m, cat, newest):
    due = f"""AND s."PublishedAt" <= {NOW}"""
    if cat: due += f""" AND s."Filters" @@ 'c{politics}'::tsquery"""
    where = f"""FROM "ArticleSearchLive" s, {Q.format(m=m)} WHERE s."SearchVector" @@ query {due}"""
    score = f"""(ts_rank_cd(s."HeadlineVector", query) + 0.1) / (1.0 + extract(epoch FROM ({NOW} - s."PublishedAt")) / 86400.0 / 30)"""
    count = f"SELECT COUNT(*) FROM (SELECT 1 {where} LIMIT 10001) capped;"
    if newest:
        ranked = f"""SELECT s."ArticleId" AS "Id", query, 0.0::float8 AS score, s."PublishedAt" {where} ORDER BY s."PublishedAt" DESC, s."ArticleId" DESC LIMIT 20"""
    else:
        ranked = f"""WITH candidates AS (
            (SELECT s."ArticleId" {where} ORDER BY s."PublishedAt" DESC, s."ArticleId" DESC LIMIT 500)
            UNION
            (SELECT t."ArticleId" FROM (SELECT s."ArticleId", {score} AS score {where} AND s."TitleVector" @@ query
                ORDER BY s."PublishedAt" DESC, s."ArticleId" DESC LIMIT 1000) t ORDER BY t.score DESC LIMIT 500))
          SELECT s."ArticleId" AS "Id", query, {score} AS score, s."PublishedAt"
          FROM "ArticleSearchLive" s, {Q.format(m=m)} WHERE s."ArticleId" IN (SELECT "ArticleId" FROM candidates) ORDER BY score DESC, s."ArticleId" DESC LIMIT 20"""
    order = 'r."PublishedAt" DESC, r."Id" DESC' if newest else 'r.score DESC, r."Id" DESC'
    page = f"""WITH ranked AS ({ranked}) SELECT r."Id", r.score, ts_headline(broadsheet_search_language(), a."BodyText", r.query, {HEAD})
        FROM ranked r JOIN "Articles" a ON a."Id" = r."Id" ORDER BY {order};"""
    return [count, page]

selective = run("""SELECT w FROM (SELECT regexp_split_to_table("Title", '[^A-Za-z]+') w FROM "Articles" WHERE "Status" = 'Published'
    ORDER BY "PublishedAt" DESC OFFSET 5000 LIMIT 1) x WHERE length(w) > 6 LIMIT 1;""")
selective = selective[0].strip() if selective else "Lighthouse"
cases = [(f"selective ({selective})", selective, False, False), ("common (council)", "council", False, False),
         ('phrase ("chief executive")', '"chief executive"', False, False), ("common + category", "council", True, False),
         ("sort=newest (council)", "council", False, True)]

def measure(build):
    results = []
    for label, m, cat, newest in cases:
        sqls = build(m, cat, newest)
        for s in sqls: run(s)   # warm the cache
        start = cpu()
        for _ in range(runs):
            for s in sqls: run(s)
        per = (cpu() - start) / runs * 1000
        plan = run("EXPLAIN (ANALYZE, BUFFERS) " + sqls[1]) if os.environ.get("BENCH_PLANS") else []
        count = run(sqls[0])[0].strip()
        results.append((label, per, plan, count))
    return results

out = {}
if not os.environ.get("BENCH_SKIP_BEFORE"):
    run("""SET maintenance_work_mem = '256MB';
        CREATE INDEX IF NOT EXISTS "IX_Articles_SearchVector" ON "Articles" USING GIN ("SearchVector");
        CREATE INDEX IF NOT EXISTS "IX_Articles_HeadlineVector" ON "Articles" USING GIN ("HeadlineVector");
        ANALYZE "Articles";""")
    out["before"] = measure(before)
    run("""DROP INDEX "IX_Articles_SearchVector"; DROP INDEX "IX_Articles_HeadlineVector"; ANALYZE "Articles";""")
if os.environ.get("BENCH_SETTINGS"): run(os.environ["BENCH_SETTINGS"])   # e.g. "SET enable_seqscan = off;"
out["after"] = measure(after)

for name, results in out.items():
    for label, per, plan, count in results:
        if plan: print(f"--- plan of the page query, {label}, {name}:\n" + "\n".join("    " + l for l in plan))
print("| query | matches (capped) | " + " | ".join(f"{n} CPU/query" for n in out) + " |")
print("| --- | ---: | " + " | ".join("---:" for _ in out) + " |")
for i, (label, *_ ) in enumerate(out["after"]):
    print(f"| {label} | {out['after'][i][3]} | " + " | ".join(f"{out[n][i][1]:.1f} ms" for n in out) + " |")
print(f"RESULT pg-search-sql runs={runs} " + " ".join(f"{n}_{c[1].split()[0]}={out[n][i][1]:.1f}ms" for n in out for i, c in enumerate(cases)))
print(f"[{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {os.cpu_count()} cores, load {open('/proc/loadavg').read().split()[:3]}]")
