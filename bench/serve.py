#!/usr/bin/env python3
"""The `serve` benchmark: `switchboard serve` beside `hugo server` on the same pages.

For each server it measures
- start-up: from launching the server to the first 200 answer for an article page;
- save to updated page: an article's title is saved (scratch file renamed over it, as
  editors save) and the page is fetched every 5 ms until the new title is served; the
  median of --edits saves;
- whole site in step: from the same save until the article's category page, a listing that
  shows its title, serves the new title too (fetched every 20 ms once the page has it). The
  next save comes a second after that;
- resident memory (VmRSS) in steady state, two seconds after the last save's category page
  was in step (so no build is running), and the peak (VmHWM).

`switchboard serve` starts twice: first with an empty cache folder (its start-up is printed as
"empty cache"), then again with what the first run left there, as an editor's next session would;
the saves and memory are measured in the second run. Hugo has no such cache.

    python3 bench/serve.py --bin .build/release/switchboard --content bench/out/content-10000 \
        [--templates templates] [--hugo bench/out/hugo-10000] [--label "10000 files"]

Prints one line per server and the ratios. A benchmark, not a test.
"""
import argparse
import os
import re
import socket
import shutil
import statistics
import subprocess
import tempfile
import sys
import time
import urllib.error
import urllib.request


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, socket.timeout):
        return 0, ""


def wait_for(url, needle, timeout, interval):
    """Seconds until `url` answers 200 with `needle` in its body."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        status, body = get(url)
        if status == 200 and needle in body:
            return time.perf_counter() - started
        time.sleep(interval)
    raise SystemExit("timed out waiting for %r at %s" % (needle, url))


def memory(pid):
    fields = {}
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0]) // 1024
    return fields["VmRSS"], fields["VmHWM"]


def save(path, text):
    scratch = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".swp")
    with open(scratch, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(scratch, path)


def first_article(content):
    kb = os.path.join(content, "kb")
    for category in sorted(os.listdir(kb)):
        folder = os.path.join(kb, category)
        if os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                if name.endswith(".md") and not name.startswith("_"):
                    return category, name
    raise SystemExit("no article under %s" % kb)


def run(name, command, cwd, url, listing, article, title, edits):
    """Starts a server, measures it, stops it:
    (start-up s, [save-to-page s], [save-to-site-in-step s], rss MB, peak MB)."""
    original = open(article, encoding="utf-8").read()
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        startup = time.perf_counter() - started + wait_for(url, title, 300, 0.02)
        latencies, in_step = [], []
        for i in range(edits):
            time.sleep(1)
            new_title = "%s edited %d" % (title, i)
            saved = time.perf_counter()
            save(article, original.replace(title, new_title, 1))
            latencies.append(wait_for(url, new_title, 60, 0.005))
            wait_for(listing, new_title, 60, 0.02)
            in_step.append(time.perf_counter() - saved)
        time.sleep(2)
        rss, peak = memory(process.pid)
        return startup, latencies, in_step, rss, peak
    finally:
        process.terminate()
        process.wait(timeout=30)
        save(article, original)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--content", required=True)
    parser.add_argument("--templates", default="templates")
    parser.add_argument("--hugo")
    parser.add_argument("--label", default="")
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()

    category, name = first_article(args.content)
    article = os.path.join(args.content, "kb", category, name)
    title = re.search(r"^title: *\"?(.+?)\"?$", open(article, encoding="utf-8").read(), re.M).group(1)
    path = "/kb/%s/%s/" % (category, name[:-3])
    listing = "/kb/%s/" % category
    results = {}

    cache = tempfile.mkdtemp(prefix="switchboard-serve-cache-")
    try:
        def command(port):
            return [os.path.abspath(args.bin), "serve", "--content", os.path.abspath(args.content), "--cache-dir", cache,
                    "--templates", os.path.abspath(args.templates), "--port", str(port), "--now", "2026-01-01T00:00:00Z"]
        port = free_port()
        cold = run("switchboard", command(port), os.getcwd(), "http://127.0.0.1:%d%s" % (port, path), None, article, title, 0)
        port = free_port()
        results["switchboard serve"] = run("switchboard", command(port), os.getcwd(), "http://127.0.0.1:%d%s" % (port, path),
                                           "http://127.0.0.1:%d%s" % (port, listing), article, title, args.edits)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    if args.hugo:
        hugo_article = os.path.join(args.hugo, "content", "kb", category, name)
        port = free_port()
        command = ["hugo", "server", "--source", os.path.abspath(args.hugo), "--bind", "127.0.0.1", "--port", str(port)]
        results["hugo server"] = run("hugo", command, args.hugo, "http://127.0.0.1:%d%s" % (port, path),
                                     "http://127.0.0.1:%d%s" % (port, listing), hugo_article, title, args.edits)

    print("  switchboard serve%s: start-up %.2f s with an empty cache folder" % (" " + args.label if args.label else "", cold[0]))
    for server, (startup, latencies, in_step, rss, peak) in results.items():
        print("  %s%s: start-up %.2f s; save to updated page %.0f ms median (%s ms); whole site in step %.0f ms median (%s ms); %d MB resident after the edits, %d MB peak"
              % (server, " " + args.label if args.label else "", startup, statistics.median(latencies) * 1000,
                 ", ".join("%.0f" % (l * 1000) for l in latencies), statistics.median(in_step) * 1000,
                 ", ".join("%.0f" % (l * 1000) for l in in_step), rss, peak))
    if "hugo server" in results:
        mine, hugo = results["switchboard serve"], results["hugo server"]
        print("  serve/hugo: start-up %.2f× (%.2f× with an empty cache), save to updated page %.2f× (whole site in step %.2f×), resident memory %.2f× (goals: ≤ 0.5×, ≤ 0.25×, ≤ 0.25×)"
              % (mine[0] / hugo[0], cold[0] / hugo[0], statistics.median(mine[1]) / statistics.median(hugo[1]),
                 statistics.median(mine[2]) / statistics.median(hugo[2]), mine[3] / hugo[3]))


if __name__ == "__main__":
    sys.exit(main())
