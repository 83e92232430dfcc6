"""Runs axe-core in headless Chromium on every page type at 1280 and 375 pixels, in the light
and the dark theme (prefers-color-scheme emulated through the DevTools protocol), and fails on
serious or critical violations, colour contrast among them. Also checks that no page scrolls
sideways on a phone and that the dark theme is in force when the system asks for it.
Prints 'N passed, N failed'.

axe-core comes from PyPI's axe-playwright-python, which bundles axe-core 4.x as a plain
script (Playwright itself is not used or needed): axe-selenium-python bundles axe-core 3.1,
whose rules predate ARIA 1.2 and flag a search input with role=combobox."""
import importlib.util
import json
import os
import sys

from site_server import built_site, chrome


def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None:
        sys.exit("axe-playwright-python is not installed (pip install --no-deps axe-playwright-python)")
    with open(os.path.join(spec.submodule_search_locations[0], "axe.min.js"), encoding="utf-8") as f:
        return f.read()


def run_axe(driver, source):
    driver.execute_script(source)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r)), e => done(JSON.stringify({error: String(e)})));")

PAGES = ["/", "/policies/", "/policies/doa-process/", "/policies/print/", "/policies/changes/", "/kb/", "/kb/diagnostics/", "/kb/diagnostics/disable-sip-alg/",
         "/faq/", "/devices/", "/devices/ascom-i63/", "/devices/yealink-w73p-example/", "/escalation/", "/escalation/ipecs-fault/",
         "/escalation/tollring-icall/", "/support/",
         "/support/rates/", "/support/checklists/doa-return/", "/vendors/", "/vendors/tollring/", "/status/",
         "/status/incidents/2026-11-25-mobile-app-delays/",
         "/status/maintenance/2026-12-10-helpdesk-portal-upgrade/", "/status/history/2026-11/", "/search/?q=doa", "/404.html"]


def main():
    passed = failed = 0
    source = axe_source()
    with built_site(demo=True) as (base, _):
        for width, theme in ((1280, "light"), (1280, "dark"), (375, "light"), (375, "dark")):
            driver = chrome(width)
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": theme}]})
            try:
                for page in PAGES:
                    driver.get(base + page)
                    driver.set_script_timeout(30)
                    results = json.loads(run_axe(driver, source))
                    if "error" in results:
                        raise RuntimeError(results["error"])
                    serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
                    overflow = driver.execute_script(
                        "return document.documentElement.scrollWidth > document.documentElement.clientWidth")
                    problems = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in serious]
                    if overflow and width == 375:
                        problems.append("the page scrolls sideways at 375 px")
                    shown = driver.execute_script("return document.documentElement.getAttribute('data-theme')")
                    if shown != theme:
                        problems.append(f"the {shown} theme shows when the system asks for {theme}")
                    if problems:
                        failed += 1
                        print(f"FAIL {page} at {width}px, {theme} theme:")
                        for problem in problems:
                            print("   ", problem)
                    else:
                        passed += 1
            finally:
                driver.quit()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
