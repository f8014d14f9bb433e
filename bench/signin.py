#!/usr/bin/env python3
"""Signs one reader in through the real form and prints the Cookie header a browser would send.
Usage: bench/signin.py PORT EMAIL PASSWORD. The app's cookies are Secure, which curl and wrk
would not send over plain http, so they are collected here by hand."""
import http.client, re, sys, urllib.parse

port, email, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
jar = {}

def send(method, path, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    for name, value in response.getheaders():
        if name.lower() == "set-cookie":
            key, _, val = value.split(";")[0].partition("=")
            jar[key] = val
    return response.status, response.read().decode("utf-8", "replace")

_, page = send("GET", "/account/sign-in")
form = page[page.index('action="/account/sign-in'):]
token = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="__RequestVerificationToken"', form)
fields = {"Input.Email": email, "Input.Password": password, "returnUrl": "/",
          "__RequestVerificationToken": token.group(1) or token.group(2)}
status, _ = send("POST", "/account/sign-in", urllib.parse.urlencode(fields))
if status != 302:
    sys.exit(f"sign-in answered {status}")
print("; ".join(f"{k}={v}" for k, v in jar.items()))
