#!/usr/bin/env bash
# Times `import wordpress` on a generated WXR 1.2 export of POSTS posts and COMMENTS comments
# (default 1,000 and 5,000; replies thread under earlier comments, 20 categories, 200 tags),
# into a fresh SQLite database, from a Release publish. Usage: bench/import.sh [POSTS] [COMMENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
posts=${1:-1000}; comments=${2:-5000}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
publish_app "$work/app"
python3 - "$posts" "$comments" > "$work/export.xml" <<'PY'
import random, sys
from xml.sax.saxutils import escape
posts, comments = int(sys.argv[1]), int(sys.argv[2])
random.seed(7)
words = "harbour council ferry quay market tide lifeboat budget school road bridge storm island festival".split()
def para(n): return " ".join(random.choice(words) for _ in range(n)).capitalize() + "."
print('<?xml version="1.0" encoding="UTF-8" ?>')
print('<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>')
print('<title>Bench Gazette</title><link>https://bench.example</link><wp:wxr_version>1.2</wp:wxr_version>')
for a in range(1, 6):
    print(f'<wp:author><wp:author_id>{a}</wp:author_id><wp:author_login>writer{a}</wp:author_login><wp:author_email>writer{a}@bench.example</wp:author_email><wp:author_display_name>Writer {a}</wp:author_display_name></wp:author>')
for c in range(1, 21): print(f'<wp:category><wp:term_id>{c}</wp:term_id><wp:category_nicename>section-{c}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>Section {c}</wp:cat_name></wp:category>')
for t in range(1, 201): print(f'<wp:tag><wp:term_id>{100+t}</wp:term_id><wp:tag_slug>topic-{t}</wp:tag_slug><wp:tag_name>Topic {t}</wp:tag_name></wp:tag>')
cid = 0
per = [comments // posts + (1 if i < comments % posts else 0) for i in range(posts)]
for p in range(posts):
    body = "\n\n".join(para(40) for _ in range(6)) + "\n\n[caption caption=\"A picture\"]<img src=\"https://bench.example/wp-content/uploads/2024/01/p.jpg\" alt=\"\">[/caption]\n\nhttps://www.youtube.com/watch?v=bench" + str(p)
    print(f'<item><title>{escape(para(8))} {p}</title><link>https://bench.example/{p}/</link><dc:creator>writer{p % 5 + 1}</dc:creator>')
    print(f'<content:encoded><![CDATA[{body}]]></content:encoded><excerpt:encoded><![CDATA[{para(20)}]]></excerpt:encoded>')
    print(f'<wp:post_id>{p+1}</wp:post_id><wp:post_date_gmt>2024-01-01 08:00:00</wp:post_date_gmt><wp:post_name>story-{p}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>')
    print(f'<category domain="category" nicename="section-{p % 20 + 1}">Section</category><category domain="post_tag" nicename="topic-{p % 200 + 1}">Topic</category>')
    first = cid + 1
    for k in range(per[p]):
        cid += 1
        parent = first + random.randrange(k) if k > 0 and random.random() < 0.5 else 0
        print(f'<wp:comment><wp:comment_id>{cid}</wp:comment_id><wp:comment_author>Reader {cid % 97}</wp:comment_author><wp:comment_date_gmt>2024-01-02 09:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[{para(25)}]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>{parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>')
    print('</item>')
print('</channel></rss>')
PY
echo "load before: $(uptime)"
start=$(date +%s.%N)
(cd "$work" && Database__Provider=Sqlite ConnectionStrings__Broadsheet="Data Source=$work/bench.db" Media__Directory="$work/media" \
  Logging__LogLevel__Default=Warning dotnet app/Broadsheet.dll import wordpress "$work/export.xml" > "$work/out.txt")
end=$(date +%s.%N)
grep -E "^  (posts|comments) " "$work/out.txt"
printf 'import of %s posts and %s comments: %.1f s (includes start-up and migrations of a new database)\n' "$posts" "$comments" "$(echo "$end - $start" | bc)"
