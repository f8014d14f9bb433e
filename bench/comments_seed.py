#!/usr/bin/env python3
"""Puts a 500-comment thread under one live article of a Broadsheet SQLite database.

Usage: comments_seed.py DB COMMENTS READER_EMAIL -> prints the article's slug.
The tree is random but repeatable (seeded): about a third top-level, the rest replies to a
recent comment, plus one chain twelve deep, so the depth-6 flattening is exercised. The bench
reader (made by `users create` beforehand) wrote five of the comments and voted on 100.
"""
import math, random, sqlite3, sys, uuid
from datetime import datetime, timedelta, timezone

db_path, total, reader_email = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rng = random.Random(500)
db = sqlite3.connect(db_path)
now = datetime.now(timezone.utc).replace(tzinfo=None)
fmt = lambda d: d.strftime("%Y-%m-%d %H:%M:%S.%f")

slug, article_id = db.execute(
    "SELECT Slug, Id FROM Articles WHERE Status IN ('Published','Scheduled') AND PublishedAt <= ? ORDER BY PublishedAt DESC LIMIT 1",
    (fmt(now),)).fetchone()

users = []
for i in range(60):
    handle = f"bench-commenter-{i}"
    cur = db.execute(
        """INSERT INTO Users (DisplayName, JoinedAt, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed,
           SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, EmailOnReply)
           VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 0, 0, 1, 0, 0)""",
        (f"Commenter {i}", fmt(now - timedelta(days=90)), handle, handle.upper(), f"{handle}@example.test",
         f"{handle}@example.test".upper(), uuid.uuid4().hex, uuid.uuid4().hex))
    users.append(cur.lastrowid)
reader_id = db.execute("SELECT Id FROM Users WHERE NormalizedEmail = ?", (reader_email.upper(),)).fetchone()[0]

words = ("the ferry council timetable harbour sailing commuters morning island bus quay fares winter weekend "
         "service crossing captain delay pier tide route island residents consultation notice").split()

def body():
    sentences = []
    for _ in range(rng.randint(1, 5)):
        s = " ".join(rng.choice(words) for _ in range(rng.randint(6, 18)))
        sentences.append(s.capitalize() + ".")
    text = " ".join(sentences)
    if rng.random() < 0.3: text = text.replace(" ferry ", " *ferry* ", 1)
    if rng.random() < 0.15: text += " See [the notice](https://example.org/notice)."
    html = "<p>" + text.replace("*ferry*", "<em>ferry</em>").replace(
        "[the notice](https://example.org/notice)", '<a href="https://example.org/notice" rel="nofollow ugc noopener">the notice</a>') + "</p>"
    return text, html

def wilson(up, down):
    n = up + down
    if n == 0: return 0.0
    z = 1.959964; p = up / n
    return (p + z * z / (2 * n) - z * math.sqrt((p * (1 - p) + z * z / (4 * n)) / n)) / (1 + z * z / n)

ids = []
start = now - timedelta(days=2)
for i in range(total):
    if 100 <= i < 112:
        parent = ids[-1] if i > 100 else ids[0]          # one chain twelve deep
    elif i < 40 or rng.random() < 0.33 or not ids:
        parent = None
    else:
        parent = rng.choice(ids[-80:])
    author = reader_id if i % 100 == 7 else rng.choice(users)
    up, down = rng.randint(0, 30), rng.randint(0, 8)
    md, html = body()
    cur = db.execute(
        """INSERT INTO Comments (ArticleId, ParentId, UserId, BodyMarkdown, BodyHtml, Status, CreatedAt, Upvotes, Downvotes, Score)
           VALUES (?, ?, ?, ?, ?, 'Visible', ?, ?, ?, ?)""",
        (article_id, parent, author, md, html, fmt(start + timedelta(seconds=i * 300)), up, down, wilson(up, down)))
    ids.append(cur.lastrowid)

for cid in rng.sample(ids, 100):
    db.execute("INSERT INTO CommentVotes (CommentId, UserId, Value, CreatedAt) VALUES (?, ?, ?, ?)",
               (cid, reader_id, rng.choice([1, -1]), fmt(now)))
db.execute("UPDATE Articles SET CommentCount = ? WHERE Id = ?", (total, article_id))
db.commit()
print(slug)
