# CPU of SqliteSearchIndex's SQL per request at 100k articles, before and after issue 17's second SQLite round:
# before = the best 500 of the newest 1,000 title matches by a title-only bm25, scored again over the whole match;
# after  = the newest 500 matches and newest 500 title matches scored once, the walk bounded by the oldest candidate,
#          and the overlay's 100 + 100 candidates, count to 101, no snippets.
# Count + page + snippets, as the process's CPU time (Python's sqlite3), median of 5 rounds of 10.
# Usage: python3 bench/search-sqlite-cpu.py FILE.db   (a file from `seed --articles 100000`; opened as is, only read)
import datetime, sqlite3, time, sys, statistics
db = sqlite3.connect(sys.argv[1])
now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
NOW = "'" + now.strftime('%Y-%m-%d %H:%M:%S') + "'"
SEC = int(now.replace(tzinfo=datetime.timezone.utc).timestamp())
SK, DK = SEC << 31, (SEC + 1) << 31
POL = db.execute("SELECT \"Id\" FROM \"Categories\" WHERE \"Slug\" = 'politics'").fetchone()[0]
SCORE = f'''(-bm25("ArticleSearch", 10.0, 4.0, 1.0, 3.0, 2.0, 2.0, 0.0)) / (1.0 + ({SEC} - (rowid >> 31)) / 86400.0 / 30)'''
DUE = f'''AND rowid < {DK} AND (rowid < {SK} OR EXISTS (SELECT 1 FROM "ArticleSearchKeys" k WHERE k."Key" = "ArticleSearch".rowid AND k."PublishedAt" <= {NOW}))'''
def run(sqls):
    keys = None
    for s in sqls:
        s = s.replace("@keys", keys or "0")
        r = db.execute(s).fetchall()
        if r and len(r[0]) == 2: keys = ",".join(str(x[0]) for x in r)
def cpu(sqls):
    run(sqls); out = []
    for _ in range(5):
        c0 = time.process_time()
        for _ in range(10): run(sqls)
        out.append(100 * (time.process_time() - c0))
    return statistics.median(out)
def snip(q): return f'''SELECT rowid, snippet("ArticleSearch", 2, '[', ']', '…', 28) FROM "ArticleSearch" WHERE "ArticleSearch" MATCH '{q}' AND rowid IN (@keys)'''
for name, m, f in [("selective (lighthouse)","lighthouse",""),("common (council)","council",""),("phrase (\"chief executive\")",'"chief executive"',""),("council + politics","council",' AND {Filters} : "c' + str(POL) + '"')]:
    q = f"{{Title Standfirst BodyText Tags Category Author}} : ({m}){f}"; hl = f"{{Title}} : ({m}){f}"
    where = f'''FROM "ArticleSearch" WHERE "ArticleSearch" MATCH '{q}' {DUE}'''
    count = lambda cap: f"SELECT COUNT(*) FROM (SELECT 1 {where} LIMIT {cap+1})"
    before = [count(10000), f'''WITH candidates("Key") AS (SELECT "Key" FROM (SELECT rowid AS "Key" {where} ORDER BY rowid DESC LIMIT 500) UNION
      SELECT "Key" FROM (SELECT "Key" FROM (SELECT rowid AS "Key", {SCORE} AS s FROM "ArticleSearch" WHERE "ArticleSearch" MATCH '{hl}' {DUE} ORDER BY rowid DESC LIMIT 1000) ORDER BY s DESC LIMIT 500))
      SELECT rowid, {SCORE} AS score {where} AND +rowid IN (SELECT "Key" FROM candidates) ORDER BY score DESC, (rowid & 2147483647) DESC LIMIT 20''', snip(q)]
    def after(n, take, cap, snippets):
        s = [count(cap), f'''WITH candidates("Key") AS (SELECT "Key" FROM (SELECT rowid AS "Key" {where} ORDER BY rowid DESC LIMIT {n}) UNION
      SELECT "Key" FROM (SELECT rowid AS "Key" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH '{hl}' {DUE} ORDER BY rowid DESC LIMIT {n}))
      SELECT rowid, {SCORE} AS score {where} AND rowid >= (SELECT min("Key") FROM candidates) AND +rowid IN (SELECT "Key" FROM candidates) ORDER BY score DESC, (rowid & 2147483647) DESC LIMIT {take}''']
        return s + ([snip(q)] if snippets else [])
    sug_before = [x.replace("LIMIT 20", "LIMIT 5") for x in before]
    b, a = cpu(before), cpu(after(500, 20, 10000, True))
    print(f"| {name} | page | {b:.2f} ms | {a:.2f} ms | {b/a:.1f}× |")
    if name.startswith("common"):
        b, a = cpu(sug_before), cpu(after(100, 5, 100, False))
        print(f"| {name} | suggest | {b:.2f} ms | {a:.2f} ms | {b/a:.1f}× |")
