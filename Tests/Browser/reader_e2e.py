#!/usr/bin/env python3
"""The reader's experience in headless Chromium (issue 15): dark theme, the phone header, offline
reading through the service worker, copy buttons and keyboard keys.

Builds the bundled site (and the status-incidents fixture, whose open incident puts the status
banner on every page), serves each over a free 127.0.0.1 port (a secure context, so the service
worker and the clipboard work) and drives Chromium through Selenium and the DevTools protocol.

    python3 Tests/Browser/reader_e2e.py

Prints one line per check and `N passed, N failed`; exits non-zero when a check failed.
"""
import contextlib
import functools
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
import traceback

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from site_server import BINARY, ROOT, QuietHandler, chrome

NOW = "2026-11-26T12:00:00Z"
WAIT = 15
FIXTURE_WITH_INCIDENT = os.path.join(ROOT, "Tests", "Fixtures", "status-incidents", "content")


class PreviewHandler(QuietHandler):
    """Serves HTML the way `switchboard serve` does: with the preview meta element, and no /sw.js."""

    def send_head(self):
        if self.path.split("?")[0].endswith("/sw.js"):
            self.send_error(404)
            return None
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not path.endswith(".html") or not os.path.exists(path):
            return super().send_head()
        with open(path, "rb") as f:
            body = f.read().replace(b"<head>", b'<head><meta name="switchboard-preview" content="1">', 1)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def served(content=None, handler=QuietHandler):
    """Builds `content` (default: the bundled site) and yields its base URL on a free port."""
    with tempfile.TemporaryDirectory(prefix="switchboard-reader-") as folder:
        output = os.path.join(folder, "public")
        command = [BINARY, "build", "--output", output, "--now", NOW]
        if content:
            command += ["--content", content]
        subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=output))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield "http://127.0.0.1:%d" % server.server_address[1]
        finally:
            server.shutdown()
            server.server_close()


def wait(driver, condition, timeout=WAIT):
    return WebDriverWait(driver, timeout).until(condition)


def scheme(driver, value):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": value}]})


def luminance(driver, script):
    """Relative luminance of a computed rgb() colour returned by `script`."""
    rgb = driver.execute_script(script)
    channels = [int(x) / 255 for x in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3]]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


BACKGROUND = "return getComputedStyle(document.body).backgroundColor === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.documentElement).backgroundColor : getComputedStyle(document.body).backgroundColor"
TEXT = "return getComputedStyle(document.querySelector('main p, main li')).color"


# ---- Dark theme -------------------------------------------------------------------------------

def check_dark_follows_system(driver, base):
    """prefers-color-scheme: dark gives a dark background and light text; light gives the reverse."""
    scheme(driver, "dark")
    driver.get(base + "/escalation/ipecs-fault/")
    assert driver.execute_script("return document.documentElement.dataset.theme") == "dark"
    dark_bg, dark_text = luminance(driver, BACKGROUND), luminance(driver, TEXT)
    assert dark_bg < 0.02, "background luminance %.3f in the dark theme" % dark_bg
    assert dark_text > 0.6, "text luminance %.3f in the dark theme" % dark_text
    scheme(driver, "light")
    driver.get(base + "/escalation/ipecs-fault/")
    light_bg = luminance(driver, BACKGROUND)
    assert light_bg > 0.9, "background luminance %.3f in the light theme" % light_bg
    return "background luminance %.3f dark, %.3f light" % (dark_bg, light_bg)


def check_toggle_is_remembered(driver, base):
    """The header button switches to dark, the choice survives a reload and is applied before
    <body> exists (no flash); switching back to the system's theme forgets the choice."""
    scheme(driver, "light")
    driver.get(base + "/support/")
    driver.execute_script("localStorage.clear()")
    driver.get(base + "/support/")
    toggle = driver.find_element(By.CSS_SELECTOR, ".site-header .theme-toggle")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert driver.execute_script("return document.documentElement.dataset.theme") == "dark"
    assert toggle.get_attribute("aria-pressed") == "true"
    # Record the theme at the moment <body> is inserted, before anything in it can be drawn.
    script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        new MutationObserver(function (records, observer) {
          if (document.body) { window.__themeAtBody = document.documentElement.getAttribute('data-theme'); observer.disconnect(); }
        }).observe(document, {childList: true, subtree: true});"""})
    try:
        driver.get(base + "/faq/")
        at_body = driver.execute_script("return window.__themeAtBody")
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})
    assert at_body == "dark", "theme when <body> was inserted: %r" % at_body
    assert luminance(driver, BACKGROUND) < 0.02
    driver.find_element(By.CSS_SELECTOR, ".site-header .theme-toggle").click()
    assert driver.execute_script("return document.documentElement.dataset.theme") == "light"
    assert driver.execute_script("return localStorage.getItem('switchboard-theme')") is None
    return "dark when <body> appeared after reload; back to following the system"


# ---- Phone header ------------------------------------------------------------------------------

CONTENT_TOP = """
  var main = document.getElementById('main');
  var first = main.querySelector('.breadcrumbs, h1');
  return [main.getBoundingClientRect().top, first.getBoundingClientRect().top,
          document.querySelector('.status-alert') ? document.querySelector('.status-alert').getBoundingClientRect().height : 0];
"""


def header_heights(driver, base, pages):
    """[(page, main top, first content top, banner height)] at the driver's width."""
    rows = []
    for page in pages:
        driver.get(base + page)
        rows.append((page,) + tuple(round(x) for x in driver.execute_script(CONTENT_TOP)))
    return rows


def check_phone_header_height(phone, base, incident_base):
    """At 375 px the page's content starts within 160 px of the top, with the status banner shown."""
    rows = header_heights(phone, base, ["/", "/escalation/ipecs-fault/", "/status/", "/kb/diagnostics/disable-sip-alg/"])
    rows += header_heights(phone, incident_base, ["/status/", "/"])
    with_banner = [row for row in rows if row[3] > 0]
    assert with_banner, "no page showed the status banner"
    for page, main_top, content_top, banner in rows:
        assert content_top <= 160, "%s: content starts at %d px" % (page, content_top)
    assert phone.execute_script("return document.documentElement.clientWidth") == 375
    worst = max(rows, key=lambda r: r[2])
    return "worst: %s main at %d px, content at %d px (banner %d px)" % (worst[0], worst[1], worst[2], worst[3])


def check_phone_menu_and_search(phone, base):
    """At 375 px the menu is a <details> that opens without JavaScript's help, and the search icon opens the box."""
    phone.get(base + "/devices/")
    assert not phone.find_element(By.CSS_SELECTOR, ".site-nav").is_displayed()
    menu = phone.find_element(By.CSS_SELECTOR, "details.nav-menu")
    link = menu.find_element(By.CSS_SELECTOR, "a[href$='/escalation/']")
    assert not link.is_displayed()
    menu.find_element(By.TAG_NAME, "summary").click()
    assert link.is_displayed()
    current = menu.find_element(By.CSS_SELECTOR, "a[aria-current=page]")
    assert current.text == "Devices", current.text
    phone.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    assert menu.get_attribute("open") is None, "Esc left the menu open"
    menu.find_element(By.TAG_NAME, "summary").click()
    phone.find_element(By.CSS_SELECTOR, ".site-footer h2").click()
    assert menu.get_attribute("open") is None, "a tap elsewhere left the menu open"
    box = phone.find_element(By.ID, "site-search")
    collapsed = box.size["width"]
    box.click()
    wait(phone, lambda d: box.size["width"] > 200)
    assert phone.find_element(By.CSS_SELECTOR, ".header-search button[type=submit]").is_displayed()
    return "search box %d px collapsed, %d px open" % (collapsed, box.size["width"])


# ---- Keyboard ----------------------------------------------------------------------------------

def check_keyboard(driver, base):
    """/ focuses the search box, Esc leaves it, and the first Tab reaches a visible skip link."""
    driver.get(base + "/policies/doa-process/")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    skip = driver.switch_to.active_element
    assert skip.get_attribute("class") == "skip-link" and skip.get_attribute("href").endswith("#main")
    assert skip.location["y"] >= 0 and skip.is_displayed()
    skip.send_keys(Keys.ENTER)
    assert driver.switch_to.active_element.get_attribute("id") == "main"
    driver.switch_to.active_element.send_keys("/")
    assert driver.switch_to.active_element.get_attribute("id") == "site-search"
    assert driver.switch_to.active_element.get_attribute("value") == "", "the / was typed into the box"
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert driver.switch_to.active_element.get_attribute("id") != "site-search"
    driver.get(base + "/search/?q=doa")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a"))
    driver.find_element(By.CSS_SELECTOR, "#search-results a").send_keys("/")
    assert driver.switch_to.active_element.get_attribute("id") == "search-query"
    assert "Esc" in driver.find_element(By.ID, "search-keys-title").find_element(By.XPATH, "..").text
    return "Tab → skip link, / → #site-search, Esc leaves; on /search/ / → #search-query"


# ---- Copy buttons -------------------------------------------------------------------------------

def clipboard(driver):
    return driver.execute_async_script(
        "var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('ERROR ' + e); });")


def click_copy(driver, selector):
    driver.execute_async_script("navigator.clipboard.writeText('').then(arguments[0])")
    button = driver.find_element(By.CSS_SELECTOR, selector)
    button.click()
    wait(driver, lambda d: button.text == "Copied")
    return clipboard(driver)


LEVEL_THREE = """4. Level three executive level (allow 4 hours for a response)
Grace Lawless, Executive: grace.lawless@wearepragma.co.uk
Will Morey, Executive: will.morey@wearepragma.co.uk"""


def check_copy_buttons(driver, base):
    """Copy buttons put the address, the number, a whole level and the checklist summary on the clipboard."""
    origin = base
    driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": origin,
                                                       "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    driver.get(base + "/escalation/ipecs-fault/")
    got = click_copy(driver, "button[aria-label='Copy email address escalations@wearepragma.co.uk']")
    assert got == "escalations@wearepragma.co.uk", repr(got)
    got = click_copy(driver, "main button[aria-label='Copy phone number 01903 927100']")
    assert got == "01903 927100", repr(got)
    # The tel: and mailto: links are still there, before their buttons.
    assert driver.find_element(By.CSS_SELECTOR, "main a[href='tel:01903927100'] + .copy-button")
    got = click_copy(driver, ".escalation-level:nth-child(4) .level-copy button")
    assert got == LEVEL_THREE, repr(got)
    driver.get(base + "/support/checklists/doa-return/")
    driver.find_element(By.CSS_SELECTOR, ".checklist label[for]").click()
    got = click_copy(driver, "[data-copy-from=checklist-text]")
    assert got.startswith("DOA return:\n[x] The product failed out of the box within 30 days of purchase\n[ ] Serial number to hand"), repr(got)
    assert driver.find_element(By.ID, "checklist-text").get_attribute("value") == got
    return "email, phone, level 4 (%d lines), checklist summary" % len(LEVEL_THREE.splitlines())


# ---- Offline ------------------------------------------------------------------------------------

SW_READY = """
var done = arguments[0];
navigator.serviceWorker.ready.then(function () {
  (function poll(n) {
    // Opening a cache by name creates it: list the names, and open only this build's cache.
    caches.keys().then(function (keys) {
      var current = keys.filter(function (k) { return k !== 'switchboard::0123456789ab'; });
      return Promise.all(current.map(function (k) { return caches.open(k).then(function (c) { return c.keys(); }); }))
        .then(function (lists) { return [keys, lists]; });
    }).then(function (found) {
      var urls = [].concat.apply([], found[1]).map(function (r) { return new URL(r.url).pathname; });
      var settled = urls.indexOf('/escalation/ipecs-fault/') >= 0 && navigator.serviceWorker.controller && found[0].length === 1;
      if (settled || n > 100) caches.keys().then(function (keys) { done([keys, urls]); });
      else setTimeout(function () { poll(n + 1); }, 100);
    });
  })(0);
});
"""


def set_offline(driver, value, sessions=None):
    """Network.emulateNetworkConditions on the page and on each service worker, which makes the
    page's requests (the page's own emulation does not reach the worker's fetches). Returns the
    worker sessions, to be handed back when going online again."""
    conditions = {"offline": value, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", conditions)
    if sessions is None:
        workers = [t for t in driver.execute_cdp_cmd("Target.getTargets", {})["targetInfos"] if t["type"] == "service_worker"]
        assert workers, "no service worker to take offline"
        sessions = [driver.execute_cdp_cmd("Target.attachToTarget", {"targetId": w["targetId"], "flatten": False})["sessionId"]
                    for w in workers]
    for session in sessions:
        for number, (method, params) in enumerate((("Network.enable", {}), ("Network.emulateNetworkConditions", conditions)), 1):
            driver.execute_cdp_cmd("Target.sendMessageToTarget", {"sessionId": session, "message": json.dumps(
                {"id": number, "method": method, "params": params})})
    # The worker applies the conditions when it reads the message: wait until its fetches fail
    # (or succeed again), probing with a file no page keeps.
    wait(driver, lambda d: d.execute_async_script("""
        var done = arguments[0];
        fetch('/robots.txt?probe=' + Date.now()).then(function () { done('online'); }, function () { done('offline'); });""")
         == ("offline" if value else "online"), timeout=5)
    return sessions


def check_offline(driver, base):
    """Visit home, go offline: the escalation page opens as a saved copy with a notice; an unsaved page
    says so; online again, the page comes from the network; an earlier build's cache is removed."""
    # An earlier build's cache, made from a file that registers no worker.
    driver.get(base + "/robots.txt")
    driver.execute_async_script("var done = arguments[0]; caches.open('switchboard::0123456789ab').then(function () { done(); });")
    driver.get(base + "/")
    keys, urls = driver.execute_async_script(SW_READY)
    assert "/escalation/ipecs-fault/" in urls, "escalation page not saved: %s" % urls
    assert "switchboard::0123456789ab" not in keys, "old cache kept: %s (%s)" % (keys, driver.execute_async_script("""
        var done = arguments[0]; navigator.serviceWorker.getRegistration().then(function (r) {
          done([!!navigator.serviceWorker.controller, r && r.active && r.active.state, r && r.installing && 1, r && r.waiting && 1]); });"""))
    assert len(keys) == 1 and keys[0].startswith("switchboard::"), keys
    sessions = set_offline(driver, True)
    try:
        driver.get(base + "/escalation/ipecs-fault/")
        notice = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "main .offline-notice"))[0].text
        assert "saved copy" in notice, notice
        assert "Fault Escalation Matrix" in driver.find_element(By.TAG_NAME, "h1").text
        header = driver.execute_script("return getComputedStyle(document.querySelector('.site-header')).backgroundColor")
        assert header != "rgba(0, 0, 0, 0)", "the saved copy has no stylesheet"
        driver.get(base + "/kb/tickets/")
        assert "You are offline" in driver.find_element(By.TAG_NAME, "h1").text
    finally:
        set_offline(driver, False, sessions)
        for session in sessions:
            driver.execute_cdp_cmd("Target.detachFromTarget", {"sessionId": session})
    driver.get(base + "/escalation/ipecs-fault/")
    assert not driver.find_elements(By.CSS_SELECTOR, ".offline-notice"), "online, the saved copy was shown"
    return "%s; notice: %r" % (keys[0], notice)


def check_no_worker_under_serve(driver, preview_base):
    """With serve's preview meta element, no service worker is registered."""
    driver.get(preview_base + "/")
    driver.get(preview_base + "/escalation/")
    count = driver.execute_async_script("""
        var done = arguments[0];
        setTimeout(function () { navigator.serviceWorker.getRegistrations().then(function (r) { done(r.length); }); }, 1500);""")
    assert count == 0, "%d service workers registered under serve" % count
    return "none registered"


def main():
    passed = failed = 0
    results = []

    def run(check, *args):
        nonlocal passed, failed
        try:
            detail = check(*args)
            passed += 1
            print("ok   %s: %s" % (check.__name__, detail))
        except Exception as error:  # one failed check must not hide the others
            failed += 1
            print("FAIL %s: %s" % (check.__name__, (check.__doc__ or "").strip().splitlines()[0]))
            print("     " + "".join(traceback.format_exception_only(type(error), error)).strip())

    try:
        # The offline check gets its own address, so that no earlier check has registered the worker there.
        with served() as base, served() as offline_base, served(FIXTURE_WITH_INCIDENT) as incident_base, \
                served(handler=PreviewHandler) as preview_base:
            desktop = chrome(1280)
            try:
                for check in (check_dark_follows_system, check_toggle_is_remembered, check_keyboard, check_copy_buttons):
                    run(check, desktop, base)
                run(check_no_worker_under_serve, desktop, preview_base)
            finally:
                desktop.quit()
            fresh = chrome(1280)  # a new profile: no worker or cache from the checks above
            try:
                run(check_offline, fresh, offline_base)
            finally:
                fresh.quit()
            phone = chrome(375, 740)
            phone.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 375, "height": 740, "deviceScaleFactor": 1, "mobile": True})
            try:
                run(check_phone_header_height, phone, base, incident_base)
                run(check_phone_menu_and_search, phone, base)
            finally:
                phone.quit()
    except Exception:
        failed += 1
        traceback.print_exc()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
