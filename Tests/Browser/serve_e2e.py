#!/usr/bin/env python3
"""End-to-end test of `switchboard serve` in headless Chromium.

Copies content/ and templates/ to a temporary folder, starts `switchboard serve` on them on
a free 127.0.0.1 port, and checks what an editor sees in an open browser tab:

- a KB article is served, with the preview marker and script, and 404s use the site's page;
- saving a changed heading (written to a temporary file and renamed over, as editors do)
  shows the new heading without the test reloading the page;
- breaking the front matter shows the overlay naming the file and line, over the last good page;
- fixing it removes the overlay and shows the page again;
- changing site.css restyles the page without a reload (a value set in the page survives);
- a second server on the same port fails with a message naming --port;
- SIGINT stops the server with exit status 0.

    python3 Tests/Browser/serve_e2e.py

Environment: SWITCHBOARD_BIN (default .build/debug/switchboard). Prints one line per check
and a closing `N passed, N failed`; exits non-zero if any check failed.
"""
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from site_server import BINARY, ROOT, chrome  # noqa: E402

from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

WAIT = 20  # seconds for a rebuild to reach the page on a busy machine


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def save(path, text):
    """Saves like an editor: write a scratch file beside it, then rename it over."""
    scratch = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".swp")
    with open(scratch, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(scratch, path)


class Server:
    """A running `switchboard serve`, its output lines collected on a thread."""

    def __init__(self, work, port):
        self.lines = queue.Queue()
        self.output = []
        self.process = subprocess.Popen(
            [BINARY, "serve", "--content", "content", "--templates", "templates", "--port", str(port),
             # A pinned clock: a minute turning during the test would change pages by itself.
             "--now", "2026-11-26T12:00:00Z"],
            cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.output.append(line.rstrip("\n"))
            self.lines.put(line)

    def wait_for(self, pattern, timeout=120):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                line = self.lines.get(timeout=max(0.1, deadline - time.time()))
            except queue.Empty:
                break
            match = re.search(pattern, line)
            if match:
                return match
        raise AssertionError("serve never printed %r; output:\n%s" % (pattern, "\n".join(self.output[-20:])))


def pick_article(content):
    """The first KB article: (file path relative to the work folder, URL path, title)."""
    kb = os.path.join(content, "kb")
    for category in sorted(os.listdir(kb)):
        folder = os.path.join(kb, category)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(".md"):
                text = open(os.path.join(folder, name), encoding="utf-8").read()
                title = re.search(r"^title: *(.+)$", text, re.M).group(1).strip().strip("\"'")
                return os.path.join("content", "kb", category, name), "/kb/%s/%s/" % (category, name[:-3]), title
    raise AssertionError("no KB article in content/kb")


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def main():
    if not os.path.exists(BINARY):
        print("no switchboard binary at %s: run `swift build` first (or set SWITCHBOARD_BIN)" % BINARY)
        print("0 passed, 1 failed")
        return 1
    work = tempfile.mkdtemp(prefix="switchboard-serve-e2e-")
    shutil.copytree(os.path.join(ROOT, "content"), os.path.join(work, "content"))
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(work, "templates"))
    relative, url_path, title = pick_article(os.path.join(work, "content"))
    article = os.path.join(work, relative)
    original = open(article, encoding="utf-8").read()
    stylesheet = os.path.join(work, "templates", "assets", "site.css")
    port = free_port()
    server = Server(work, port)
    driver = None
    results = []
    state = {}

    def check(name):
        def run(function):
            try:
                detail = function()
                results.append(True)
                print("ok   %s%s" % (name, ": " + detail if detail else ""))
            except Exception as error:  # one failed check must not hide the others
                results.append(False)
                print("FAIL %s" % name)
                print("     " + "".join(traceback.format_exception_only(type(error), error)).strip())
                for line in server.output[-8:]:
                    print("     serve: " + line)
            return function
        return run

    def h1():
        # The page may reload between finding the heading and reading it.
        try:
            return driver.find_element(By.TAG_NAME, "h1").text.strip()
        except (StaleElementReferenceException, NoSuchElementException):
            return None

    def overlay_text():
        found = driver.find_elements(By.ID, "switchboard-overlay")
        return found[0].text if found else None

    try:
        base = "http://127.0.0.1:%s" % server.wait_for(r"Serving http://127\.0\.0\.1:(\d+)/").group(1)
        driver = chrome()

        @check("the article is served with the preview marker; missing paths get the 404 page")
        def _():
            status, page = fetch(base + url_path)
            assert status == 200, status
            assert '<meta name="switchboard-preview" content="1">' in page
            assert page.count("/__switchboard/preview.js") == 1
            status, missing = fetch(base + "/no-such-page/")
            assert status == 404 and "switchboard-preview" in missing, status
            assert fetch(base + "/%2e%2e/%2e%2e/etc/passwd")[0] == 400
            assert fetch(base + "/sw.js")[0] == 404
            driver.get(base + url_path)
            WebDriverWait(driver, WAIT).until(lambda d: h1() == title)
            return "%s (%s)" % (url_path, title)

        new_title = title + " (edited in serve)"

        @check("a saved heading appears without the test reloading")
        def _():
            started = time.time()
            save(article, original.replace("title: " + original.split("title: ", 1)[1].split("\n", 1)[0],
                                           "title: " + new_title, 1))
            WebDriverWait(driver, WAIT).until(lambda d: h1() == new_title)
            seconds = time.time() - started
            # The page was rendered ahead of the build and shown first; the build made it the
            # same, so the page is not reloaded a second time when the build ends.
            driver.execute_script("window.__shownAhead = 1")
            server.wait_for(r"Rebuilt in \d+ ms \(the edited page shown after \d+ ms\)")
            time.sleep(0.5)
            assert driver.execute_script("return window.__shownAhead") == 1, "the page was reloaded again after the build"
            return "%.2f s from save to the new heading in the browser" % seconds

        @check("broken front matter shows the overlay naming the file and line")
        def _():
            lines = open(article, encoding="utf-8").read().split("\n")
            lines.insert(2, "no_such_field: 1")  # line 3 of the file
            save(article, "\n".join(lines))
            WebDriverWait(driver, WAIT).until(lambda d: overlay_text())
            text = overlay_text()
            assert re.search(re.escape(relative) + r":3:\d+", text), text
            assert h1() == new_title, "the last good page is not underneath: %r" % h1()
            server.wait_for(re.escape(relative) + r":3:\d+: error")
            return text.split("\n")[1][:100]

        @check("fixing it removes the overlay and shows the page")
        def _():
            save(article, original.replace(title, new_title + " again", 1))
            WebDriverWait(driver, WAIT).until(lambda d: overlay_text() is None and h1() == new_title + " again")

        @check("a changed site.css restyles the page without a reload")
        def _():
            driver.execute_script("window.__notReloaded = 42")
            with open(stylesheet, "a", encoding="utf-8") as handle:
                handle.write("\nmain h1 { color: rgb(1, 2, 3) !important; }\n")
            WebDriverWait(driver, WAIT).until(
                lambda d: d.execute_script("return getComputedStyle(document.querySelector('h1')).color") == "rgb(1, 2, 3)")
            assert driver.execute_script("return window.__notReloaded") == 42, "the page was reloaded"
            WebDriverWait(driver, WAIT).until(
                lambda d: len(d.find_elements(By.CSS_SELECTOR, 'link[rel="stylesheet"][href*="/assets/site."]')) == 1)

        @check("a second server on the same port names --port")
        def _():
            second = subprocess.run([BINARY, "serve", "--port", str(port)], cwd=work, capture_output=True, text=True, timeout=120)
            assert second.returncode == 1, second.returncode
            assert "--port" in second.stderr and str(port) in second.stderr, second.stderr
            return second.stderr.strip().splitlines()[-1]

        @check("SIGINT stops the server with exit status 0")
        def _():
            server.process.send_signal(signal.SIGINT)
            status = server.process.wait(timeout=15)
            assert status == 0, status
    except Exception:
        results.append(False)
        traceback.print_exc()
    finally:
        if driver is not None:
            driver.quit()
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait()
        shutil.rmtree(work, ignore_errors=True)
    passed = sum(results)
    failed = len(results) - passed
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
