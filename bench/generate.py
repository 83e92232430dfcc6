#!/usr/bin/env python3
"""Writes a synthetic content tree of N pages that satisfies the content contract, for the
search and build benchmark. Deterministic: the same N gives byte-identical files.

    python3 bench/generate.py N OUT_DIR [--hugo HUGO_DIR]

With --hugo, also writes the same pages (same titles, summaries and bodies) as a Hugo site
with minimal layouts (a header, the title, the summary, a table of contents and the
content), so that bench/run.sh can time `hugo` on the same corpus and machine.

About 60 % knowledge-base articles (in 24 categories), 25 % FAQs, 10 % policies and 5 %
SIP devices. Text mixes ~300 telephony words with ~20,000 made-up words drawn with a Zipf
distribution, so the vocabulary grows with N roughly as a real site's does.
"""
import argparse
import os
import random
import shutil
import sys

WORDS = """support ticket engineer partner customer call calls caller number numbers line lines trunk
trunks sip alg router firewall nat port ports codec audio one-way voice quality jitter latency
packet loss network switch vlan qos dhcp dns ntp server servers cloud platform handset handsets
phone phones desk mobile app application firmware software version upgrade update release
licence licences licensing device devices approved approval tested testing registration register
inbound outbound transfer hold conference voicemail hunt group queue queues agent agents report
reports recording recordings portal admin administration user users extension extensions
password reset account billing invoice invoices credit charge charges chargeable price prices
rate rates hour hours out-of-hours weekend bank holiday emergency urgent priority priorities
escalation escalate escalated matrix level levels executive response respond target targets
within minutes days working opening closed closure monday friday doa return returns returned
replacement courier swap serial order date faulty fault faults diagnostics diagnose isolate
pstn broadband provider circuit fibre copper multicast ipv6 ipv4 provisioning provision
configure configuration configured settings setting template templates backup restore
installation install installed key keys tollring icall mondago contactq ascom yealink fanvil
grandstream algo paging intercom door entry wifi access point points controller roaming dect
base station headset bluetooth usb power poe supply cable cabling rack engineer site visit
remote session sessions professional services training onboarding documentation guide manual
checklist steps step process procedure policy policies owner review effective section clause
customer's premises on-premises ucp ipecs teams integration integrations crm api webhook
email sms notification notifications alert alerts monitoring outage incident incidents
maintenance window scheduled resolved investigating identified degraded performance status
component components backup failover resilience redundancy disaster recovery continuity""".split()

PRODUCTS = [
    ("ipecs-cloud", "iPECS Cloud"), ("ipecs-ucp", "iPECS UCP"), ("so-wifi", "SO Wi-Fi"),
    ("phone-link", "Phone-Link"), ("ipecs2teams", "iPECS2Teams"), ("ipecs-cloud-mobile", "iPECS Cloud Mobile"),
    ("tollring-icall", "Tollring iCall"), ("mondago", "Mondago"), ("contactq", "ContactQ"),
]
SYLLABLES = "ka to ri mon sel var tek lin dor pha quo zen bri cal nex tor ami sto vel gra pon der lux fin ost".split()


def made_up_words(rng, count):
    words = set()
    while len(words) < count:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Text:
    def __init__(self, rng):
        self.rng = rng
        self.vocabulary = WORDS + made_up_words(rng, 20000)
        # Zipf weights: rank r has weight 1/r; the telephony words come first, so they are common.
        weights = [1.0 / (r + 1) for r in range(len(self.vocabulary))]
        total = sum(weights)
        self.cumulative = []
        acc = 0.0
        for w in weights:
            acc += w / total
            self.cumulative.append(acc)

    def word(self):
        import bisect
        return self.vocabulary[min(len(self.vocabulary) - 1, bisect.bisect_left(self.cumulative, self.rng.random()))]

    def sentence(self, low=6, high=18):
        words = [self.word() for _ in range(self.rng.randint(low, high))]
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def paragraph(self):
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))

    def title(self):
        return " ".join(self.word() for _ in range(self.rng.randint(3, 7))).capitalize()


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def body(text, rng):
    parts = [text.paragraph()]
    for _ in range(rng.randint(2, 7)):
        parts.append("## " + text.title())
        for _ in range(rng.randint(1, 3)):
            parts.append(text.paragraph())
        if rng.random() < 0.3:
            parts.append("\n".join("- " + text.sentence(4, 10) for _ in range(rng.randint(2, 5))))
    return "\n\n".join(parts) + "\n"


def products(rng):
    count = rng.choice([0, 0, 1, 1, 1, 2])
    return sorted(rng.sample([p for p, _ in PRODUCTS], count))


def write(path, content):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(content)


HUGO_CONFIG = """baseURL = "https://bench.example.com/"
title = "Benchmark Resource Centre"
languageCode = "en-GB"
disableKinds = ["taxonomy", "term"]
[markup.tableOfContents]
  startLevel = 2
  endLevel = 3
[[menus.main]]
  name = "Knowledge base"
  url = "/kb/"
[[menus.main]]
  name = "FAQ"
  url = "/faq/"
[[menus.main]]
  name = "Policies"
  url = "/policies/"
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title>{{ with .Params.summary }}<meta name="description" content="{{ . }}">{{ end }}</head>
<body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav><ul>{{ range site.Menus.main }}<li><a href="{{ .URL }}">{{ .Name }}</a></li>{{ end }}</ul></nav></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "_default/single.html": """{{ define "main" }}<h1>{{ .Title }}</h1>{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ with .Params.products }}<ul class="products">{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
{{ .TableOfContents }}{{ .Content }}{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.summary }} {{ . }}{{ end }}</li>{{ end }}</ul>{{ end }}
""",
}


class HugoSite:
    """Writes the Hugo version of each page next to the Switchboard one."""

    def __init__(self, out):
        self.out = out
        if os.path.exists(out):
            shutil.rmtree(out)
        write(os.path.join(out, "hugo.toml"), HUGO_CONFIG)
        for name, text in HUGO_LAYOUTS.items():
            write(os.path.join(out, "layouts", name), text)

    def page(self, path, title, body, summary=None, products=()):
        front = ["title: " + quote(title)]
        if summary:
            front.append("summary: " + quote(summary))
        if products:
            front.append("products: [" + ", ".join(products) + "]")
        write(os.path.join(self.out, "content", path), "---\n" + "\n".join(front) + "\n---\n" + body)


def generate(n, out, hugo_out=None):
    rng = random.Random(20260101)
    hugo = HugoSite(hugo_out) if hugo_out else None
    text = Text(rng)
    if os.path.exists(out):
        shutil.rmtree(out)
    write(os.path.join(out, "site.yml"), """title: Benchmark Resource Centre
description: A synthetic site for the search and build benchmark.
base_url: https://bench.example.com/
language: en-GB
time_zone: Europe/London
organisation: Bench
nav:
  - {title: Knowledge base, url: /kb/}
  - {title: FAQ, url: /faq/}
  - {title: Policies, url: /policies/}
support:
  phone: "01903 927100"
  email: support@example.com
""")
    write(os.path.join(out, "products.yml"), "".join(
        f"- id: {pid}\n  name: {name}\n  summary: {quote(name + ' for the benchmark.')}\n" for pid, name in PRODUCTS))

    n_policies = max(1, n // 10)
    n_faqs = max(1, n // 4)
    n_devices = max(1, n // 20)
    n_articles = max(1, n - n_policies - n_faqs - n_devices)
    categories = [f"category-{i:02d}" for i in range(24)]
    for i, cat in enumerate(categories):
        title, summary = text.title(), text.sentence(8, 16)
        write(os.path.join(out, "kb", cat, "_category.yml"),
              f"title: {quote(title)}\nsummary: {quote(summary)}\norder: {i + 1}\n")
        if hugo:
            hugo.page(os.path.join("kb", cat, "_index.md"), title, "", summary)

    for i in range(n_articles):
        cat = categories[i % len(categories)]
        prods = products(rng)
        title, summary = text.title(), text.sentence(10, 20)[:190]
        front = [f"title: {quote(title)}", f"summary: {quote(summary)}"]
        if prods:
            front.append(f"products: [{', '.join(prods)}]")
        front.append(f"updated: 2025-{1 + i % 12:02d}-{1 + i % 28:02d}")
        text_body = body(text, rng)
        write(os.path.join(out, "kb", cat, f"article-{i:05d}.md"), "---\n" + "\n".join(front) + "\n---\n" + text_body)
        if hugo:
            hugo.page(os.path.join("kb", cat, f"article-{i:05d}.md"), title, text_body, summary, prods)

    for i in range(n_faqs):
        prods = products(rng)
        question = text.title() + "?"
        front = [f"question: {quote(question)}", f"category: {quote('Group ' + str(i % 12))}"]
        if prods:
            front.append(f"products: [{', '.join(prods)}]")
        answer = text.paragraph() + "\n\n" + text.paragraph() + "\n"
        write(os.path.join(out, "faq", f"faq-{i:05d}.md"), "---\n" + "\n".join(front) + "\n---\n" + answer)
        if hugo:
            # Switchboard puts every answer on /faq/; Hugo gets a page per question, the
            # usual way to do FAQs there.
            hugo.page(os.path.join("faq", f"faq-{i:05d}.md"), question, answer, None, prods)

    for i in range(n_policies):
        title, summary = text.title(), text.sentence(10, 20)[:190]
        front = [f"title: {quote(title)}", f"summary: {quote(summary)}",
                 f'version: "1.{i % 9}"', "effective: 2024-03-01", f"order: {i + 1}"]
        prods = products(rng)
        if prods:
            front.append(f"products: [{', '.join(prods)}]")
        text_body = body(text, rng)
        write(os.path.join(out, "policies", f"policy-{i:05d}.md"), "---\n" + "\n".join(front) + "\n---\n" + text_body)
        if hugo:
            hugo.page(os.path.join("policies", f"policy-{i:05d}.md"), title, text_body, summary, prods)

    for i in range(n_devices):
        maker = rng.choice(['Ascom', 'Yealink', 'Fanvil', 'Grandstream', 'Algo'])
        notes = text.paragraph()
        if hugo:
            hugo.page(os.path.join("devices", f"device-{i:05d}.md"), f"{maker} M{100 + i}",
                      f"Firmware {1 + i % 9}.{i % 17}.{i % 31}, approved 2024-01-15.\n\n{notes}\n", None,
                      ["ipecs-cloud", "ipecs-ucp"])
        write(os.path.join(out, "devices", f"device-{i:05d}.yml"), "\n".join([
            f"manufacturer: {maker}",
            f"model: {quote('M' + str(100 + i))}",
            f'firmware: "{1 + i % 9}.{i % 17}.{i % 31}"',
            "platforms: [ipecs-cloud, ipecs-ucp]",
            "status: approved",
            "approved: 2024-01-15",
            f"licence_id: BENCH-{i:05d}",
            "tested: [registration, inbound-calls, outbound-calls]",
            "notes: |",
            "  " + notes,
        ]) + "\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Synthetic content for the benchmark.")
    parser.add_argument("n", type=int, help="number of pages")
    parser.add_argument("out", help="Switchboard content directory to write")
    parser.add_argument("--hugo", metavar="HUGO_DIR", help="also write the same pages as a Hugo site here")
    args = parser.parse_args()
    generate(args.n, args.out, args.hugo)
