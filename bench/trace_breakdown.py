#!/usr/bin/env python3
"""Where a traced run's time goes: reads a dotnet-trace Speedscope file and prints, for a few
stages of a signed-in hit, the share of request thread time (stacks under Kestrel's
ProcessRequests; a sampled trace marks CPU_TIME and UNMANAGED_CODE_TIME at the leaves, and an
awaiting request holds no thread) whose stack passes through them (inclusive, so stages nest
and do not add up to 100 %). Usage: bench/trace_breakdown.py FILE.speedscope.json"""
import json, re, sys

STAGES = [
    ("cookie authentication (ticket decryption)", r"CookieAuthenticationHandler"),
    ("security stamp check", r"SecurityStampValidator"),
    ("hole splicing (all of it)", r"HoleSplicing"),
    ("output cache middleware", r"OutputCacheMiddleware"),
    ("marker scan (HoleSplicing.Find)", r"HoleSplicing\.Find"),
    ("account hole fill", r"AccountHole\.FillAsync|AccountHole.*Fill"),
    ("vote hole fill", r"VoteHole\.FillAsync|VoteHole.*Fill"),
    ("follow hole fill", r"FollowHole\.FillAsync|FollowHole.*Fill"),
    ("Razor view engine (partials)", r"RazorView\.|PartialRenderer"),
    ("antiforgery tokens", r"DefaultAntiforgery"),
    ("EF Core queries", r"EntityFrameworkCore\.Query|RelationalCommand"),
    ("SQLite native", r"SQLitePCL|Microsoft\.Data\.Sqlite"),
    ("authorization policies", r"DefaultAuthorizationService"),
    ("socket / Kestrel I/O", r"SocketConnection|SocketSender|SocketReceiver|Pipelines"),
]
REQUEST = re.compile(r"HttpProtocol\+<ProcessRequests>")

def main(path):
    doc = json.load(open(path))
    frames = [f["name"] for f in doc["shared"]["frames"]]
    compiled = [(name, re.compile(p)) for name, p in STAGES]
    hits = {i: {n for n, rx in compiled if rx.search(f)} for i, f in enumerate(frames)}
    request = {i for i, f in enumerate(frames) if REQUEST.search(f)}
    busy = 0.0
    share = {n: 0.0 for n, _ in STAGES}

    def account(stack, dt):
        nonlocal busy
        if not stack or dt <= 0 or not any(fr in request for fr in stack): return
        busy += dt
        seen = set()
        for fr in stack: seen |= hits[fr]
        for n in seen: share[n] += dt

    for prof in doc["profiles"]:
        if prof["type"] == "evented":
            stack, last = [], prof.get("startValue", 0)
            for ev in prof["events"]:
                account(stack, ev["at"] - last); last = ev["at"]
                if ev["type"] == "O": stack.append(ev["frame"])
                elif stack: stack.pop()
        else:
            for s, w in zip(prof["samples"], prof["weights"]): account(s, w)
    print(f"request thread time in the trace: {busy:.0f} (trace units)")
    for n, _ in STAGES:
        print(f"  {n:45s} {100 * share[n] / busy if busy else 0:5.1f} %")

main(sys.argv[1])
