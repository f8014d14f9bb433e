#!/usr/bin/env bash
# RSS of a Release publish (APP_DIR, argument 1) on the 100,000-article SQLite file: after /health, after
# the first article, then after 5 s of wrk (2 threads, 100 connections) on each of four pages (issue 15).
#   bench/rss.sh /path/to/publish
app=$1; db=/tmp/broadsheet-bench/articles-100000.db
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
data=$(mktemp -d)
slug=$(python3 -c "import sqlite3,sys; c=sqlite3.connect('file:'+sys.argv[1]+'?mode=ro',uri=True); print(c.execute(\"select Slug from Articles where Status='Published' and PublishedAt <= strftime('%Y-%m-%d %H:%M:%f','now') order by PublishedAt desc limit 1\").fetchone()[0])" "$db")
(cd "$app" && exec env ASPNETCORE_ENVIRONMENT=Production "Site__BaseUrl=http://127.0.0.1:$port" "ConnectionStrings__Broadsheet=Data Source=$db" \
  Media__Directory="$data/media" Accounts__AnnounceSetup=false Logging__LogLevel__Default=Warning dotnet Broadsheet.dll --urls "http://127.0.0.1:$port") >"$data/log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.05; done
rss() { awk '/VmRSS|VmHWM/{printf "%s %d MB  ", $1, $2/1024} END{print ""}' /proc/$pid/status; }
echo -n "after /health: "; rss
curl -fs -o /dev/null "http://127.0.0.1:$port/articles/$slug"; echo -n "after first article: "; rss
for path in "/articles/$slug" "/" "/latest" "/latest?page=2"; do
  wrk -t2 -c100 -d5s "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Non-2xx" | tr '\n' ' '; echo " $path"
done
echo -n "after wrk: "; rss
kill $pid; wait $pid 2>/dev/null; rm -rf "$data"
