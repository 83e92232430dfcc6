#!/usr/bin/env python3
"""End-to-end search test in a real browser.

Builds the bundled site with the switchboard binary into a temporary directory, serves it
with Python's http.server on a free 127.0.0.1 port, and drives headless Chromium through
Selenium:

- the /search/ page: a typed query's first result and its link;
- the header box on an ordinary page: results as you type, Enter goes to /search/?q=…;
- keyboard navigation: ↓ then Enter opens the first result, in the header box and on the
  search page;
- an identifier (an e-mail address), a slip in the first letter and an abbreviation from
  content/search/synonyms.yml each find their page;
- search scripts load only once the header box gets focus, status.js only on status pages;
- with the index unreachable, the page says search is unavailable rather than "no results".

    python3 Tests/Browser/search_e2e.py

Environment: SWITCHBOARD_BIN (default .build/debug/switchboard), CHROMEDRIVER (default
/usr/bin/chromedriver), CHROMIUM (default: let chromedriver find it). Prints one line per
check and a closing `N passed, N failed`; exits non-zero if any check failed.
"""
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import traceback
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("SWITCHBOARD_BIN", os.path.join(ROOT, ".build/debug/switchboard"))
NOW = "2026-11-26T12:00:00Z"
WAIT = 10  # seconds for results to appear: the index is fetched cold on each page load


def build_site(out):
    subprocess.run([BIN, "build", "--output", out, "--now", NOW], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory):
    """Serves directory on a free port of 127.0.0.1; returns (server, base URL)."""
    handler = functools.partial(QuietHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:%d" % server.server_address[1]


def browser():
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900"):
        options.add_argument(arg)
    if os.environ.get("CHROMIUM"):
        options.binary_location = os.environ["CHROMIUM"]
    elif os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def path_of(url):
    parts = urllib.parse.urlsplit(url)
    return parts.path + ("#" + parts.fragment if parts.fragment else "")


def wait(driver, condition):
    return WebDriverWait(driver, WAIT).until(condition)


def first_page_result(driver):
    return wait(driver, EC.visibility_of_element_located((By.CSS_SELECTOR, "#search-results .search-result a.search-title")))


def check_search_page(driver, base):
    """Typing on /search/ shows the DOA return article first, linked to its page."""
    driver.get(base + "/search/")
    box = wait(driver, EC.element_to_be_clickable((By.ID, "search-query")))
    box.send_keys("DOA return")
    wait(driver, lambda d: "DOA" in d.find_element(By.ID, "search-status").text)
    link = first_page_result(driver)
    href = link.get_attribute("href")
    assert href.startswith(base + "/"), href
    assert "doa" in path_of(href).lower(), "first result links to %s" % href
    assert "doa" in link.text.lower(), "first result is %r" % link.text
    assert "q=DOA+return" in driver.current_url or "q=DOA%20return" in driver.current_url, driver.current_url
    # The link works: the page it names exists and has the result's title.
    title = link.text.split(" › ")[0].strip()
    driver.get(href)
    wait(driver, EC.presence_of_element_located((By.TAG_NAME, "h1")))
    assert driver.find_element(By.TAG_NAME, "h1").text.strip() != "", "empty page at %s" % href
    assert "404" not in driver.title, "%s is a 404" % href
    return "first result %r → %s" % (title, path_of(href))


def check_search_page_from_url(driver, base):
    """/search/?q=SIP+ALG shows the SIP ALG article first."""
    driver.get(base + "/search/?q=SIP+ALG")
    link = first_page_result(driver)
    assert "disable-sip-alg" in link.get_attribute("href"), link.get_attribute("href")
    return path_of(link.get_attribute("href"))


def check_header_enter(driver, base):
    """On an ordinary page, typing in the header box then Enter lands on /search/?q=…."""
    driver.get(base + "/support/")
    box = wait(driver, EC.element_to_be_clickable((By.ID, "site-search")))
    box.send_keys("tollring")
    # Results appear as you type…
    wait(driver, EC.visibility_of_element_located((By.CSS_SELECTOR, "#site-search-results [role=option] a")))
    box.send_keys(Keys.ENTER)
    wait(driver, lambda d: urllib.parse.urlsplit(d.current_url).path == "/search/")
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(driver.current_url).query)
    assert query.get("q") == ["tollring"], driver.current_url
    link = first_page_result(driver)
    assert "tollring" in link.get_attribute("href"), link.get_attribute("href")
    return path_of(driver.current_url) + " " + urllib.parse.urlsplit(driver.current_url).query


def check_header_arrow_enter(driver, base):
    """In the header box, ↓ selects the first result and Enter opens it."""
    driver.get(base + "/devices/")
    box = wait(driver, EC.element_to_be_clickable((By.ID, "site-search")))
    box.send_keys("SIP ALG")
    first = wait(driver, EC.visibility_of_element_located((By.CSS_SELECTOR, "#site-search-option-0 a")))
    expected = first.get_attribute("href")
    box.send_keys(Keys.ARROW_DOWN)
    wait(driver, lambda d: d.find_element(By.ID, "site-search-option-0").get_attribute("aria-selected") == "true")
    assert box.get_attribute("aria-activedescendant") == "site-search-option-0"
    box.send_keys(Keys.ENTER)
    wait(driver, lambda d: d.current_url == expected)
    assert "disable-sip-alg" in expected, expected
    return path_of(expected)


def check_page_arrow_enter(driver, base):
    """On /search/, ↓ moves from the box to the first result and Enter opens it."""
    driver.get(base + "/search/")
    box = wait(driver, EC.element_to_be_clickable((By.ID, "search-query")))
    box.send_keys("Ascom firmware")
    link = first_page_result(driver)
    expected = link.get_attribute("href")
    box.send_keys(Keys.ARROW_DOWN)
    wait(driver, lambda d: d.switch_to.active_element.get_attribute("href") == expected)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait(driver, lambda d: d.current_url == expected)
    assert "ascom" in expected, expected
    return path_of(expected)


def first_result_for(driver, base, query):
    driver.get(base + "/search/?q=" + urllib.parse.quote(query))
    return first_page_result(driver).get_attribute("href")


def check_identifier(driver, base):
    """An e-mail address pasted whole finds the escalation matrix that lists it."""
    href = first_result_for(driver, base, "escalations@wearepragma.co.uk")
    assert "escalation" in href, href
    return path_of(href)


def check_first_letter_typo(driver, base):
    """`rollring` (a slip in the first letter) finds Tollring."""
    href = first_result_for(driver, base, "rollring")
    assert "tollring" in href, href
    return path_of(href)


def check_synonym(driver, base):
    """`RMA`, not in any page, finds the DOA pages through the synonyms file."""
    href = first_result_for(driver, base, "RMA")
    assert "doa" in href, href
    return path_of(href)


def scripts(driver):
    return [s.get_attribute("src") or "" for s in driver.find_elements(By.TAG_NAME, "script")]


def check_scripts_load_when_needed(driver, base):
    """An ordinary page has no search code until the header box gets focus; status.js is only on status pages."""
    driver.get(base + "/support/")
    wait(driver, EC.presence_of_element_located((By.ID, "site-search")))
    assert not any("search-core" in s for s in scripts(driver)), scripts(driver)
    assert not any("/status." in s for s in scripts(driver)), scripts(driver)
    driver.find_element(By.ID, "site-search").click()
    wait(driver, lambda d: d.execute_script("return !!window.SwitchboardSearch"))
    driver.get(base + "/status/")
    wait(driver, EC.presence_of_element_located((By.TAG_NAME, "h1")))
    assert any("/status." in s for s in scripts(driver)), scripts(driver)
    return "search code on focus, status.js on /status/"


def check_unavailable(driver, base, public):
    """With the index unreachable, the search page says so instead of "no results"."""
    index = os.path.join(public, "search", "index.json")
    os.rename(index, index + ".away")
    try:
        driver.execute_cdp_cmd("Network.clearBrowserCache", {})   # earlier checks fetched it
        driver.get(base + "/search/?q=doa")
        wait(driver, lambda d: "unavailable" in d.find_element(By.ID, "search-status").text)
        text = driver.find_element(By.ID, "search-status").text
        assert "No results" not in text, text
    finally:
        os.rename(index + ".away", index)
    return text


CHECKS = [check_search_page, check_search_page_from_url, check_header_enter,
          check_header_arrow_enter, check_page_arrow_enter, check_identifier, check_first_letter_typo,
          check_synonym, check_scripts_load_when_needed]


def main():
    if not os.path.exists(BIN):
        print("no switchboard binary at %s: run `swift build` first (or set SWITCHBOARD_BIN)" % BIN)
        print("0 passed, 1 failed")
        return 1
    work = tempfile.mkdtemp(prefix="switchboard-e2e-")
    server = driver = None
    passed = failed = 0
    try:
        out = os.path.join(work, "public")
        build_site(out)
        server, base = serve(out)
        driver = browser()
        for check in CHECKS + [check_unavailable]:
            try:
                detail = check(driver, base, out) if check is check_unavailable else check(driver, base)
                passed += 1
                print("ok   %s: %s" % (check.__name__, detail))
            except Exception as error:  # one failed check must not hide the others
                failed += 1
                print("FAIL %s: %s" % (check.__name__, (check.__doc__ or "").strip()))
                print("     " + "".join(traceback.format_exception_only(type(error), error)).strip())
                console = []
                try:
                    console = [e["message"] for e in driver.get_log("browser")]
                except Exception:
                    pass
                for line in console[-5:]:
                    print("     console: " + line)
    except Exception:
        failed += 1
        traceback.print_exc()
    finally:
        if driver is not None:
            driver.quit()
        if server is not None:
            server.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
