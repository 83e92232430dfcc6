"""Builds the bundled site with the switchboard binary and serves it on 127.0.0.1 for browser tests."""
import contextlib
import functools
import http.server
import os
import subprocess
import tempfile
import threading

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("SWITCHBOARD_BIN", os.path.join(ROOT, ".build", "debug", "switchboard"))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def demo_content(folder):
    """Assembles the demo tree (content/ plus examples/demo/) in `folder` and returns its path."""
    path = os.path.join(folder, "demo-content")
    subprocess.run([os.path.join(ROOT, "scripts", "demo-content.sh"), path], check=True, stdout=subprocess.DEVNULL)
    return path


@contextlib.contextmanager
def built_site(now="2026-11-26T12:00:00Z", demo=False):
    """Yields (base URL, output folder) of a fresh build served on a free loopback port: the
    bundled content, or with demo=True the demo tree, which shows every feature (an open
    incident, maintenance, uptime bars, devices in every state)."""
    with tempfile.TemporaryDirectory(prefix="switchboard-browser-") as folder:
        output = os.path.join(folder, "public")
        content = ["--content", demo_content(folder)] if demo else []
        subprocess.run([BINARY, "build", "--output", output, "--now", now] + content, cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        handler = functools.partial(QuietHandler, directory=output)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}", output
        finally:
            server.shutdown()


def chrome(width=1280, height=900):
    """Headless Chromium through Debian's chromium-driver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
