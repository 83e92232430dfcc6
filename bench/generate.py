#!/usr/bin/env python3
"""Writes a synthetic content tree of N pages that satisfies the content contract, for the
search and build benchmark. Deterministic: the same N gives byte-identical files.

    python3 bench/generate.py N OUT_DIR [--hugo HUGO_DIR]

With --hugo, also writes the same pages (same titles, summaries and bodies) as a Hugo site
with minimal layouts (a header, the title, the summary, a table of contents and the
content), so that bench/run.sh can time `hugo` on the same corpus and machine.

About 60 % knowledge-base articles (in 24 categories), 25 % FAQs, 10 % policies and 5 %
SIP devices. The text model (`Text`) aims at a real resource centre's term frequencies: a
Zipf ranking whose head is plain English and ~300 telephony words, and whose long tail of
made-up words and model names grows with N (3,000 words at 1,000 pages, 28,000 at 30,000);
a few names (iPECS, SIP, Pragma, Cloud) on most pages; each page a topic whose words make
its title and recur in its headings and body; versions, phone numbers, e-mail addresses and
prices in the text, from a small stock of each; firmware tables, configuration blocks and links between articles.
"""
import argparse
import bisect
import os
import random
import shutil
import sys

# The trade's words: the head of the Zipf ranking, so each is on many pages.
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
component components failover resilience redundancy disaster recovery continuity""".split()

# Plain English: function words (mostly stop words, which the index drops but the text has)
# and everyday verbs and nouns, mixed into the ranking so sentences read like prose.
ENGLISH = """the a to of and in for is on that with be if it this you your can as are or not
when from by at will should check then before after all any more new one two three first
make sure use used using set need needs needed see also only each other same every
time way case cases work works working change changes issue issues problem problems
result results information details detail team request requests contact contacts
help page list lists note notes field fields value values option options type types
open close start stop run runs show shows keep keeps find found send sent allow allows
give gives take takes call back again still usually often rather without between about
most some many few several least most once twice while until because""".split()

# Names that appear on most pages of a telephony resource centre, whatever the topic: the
# platform, the protocol, the vendor. Each page says some of them (see `page_terms`).
EVERYWHERE = [("iPECS", 0.8), ("SIP", 0.6), ("Pragma", 0.5), ("Cloud", 0.5), ("firmware", 0.35)]

PRODUCTS = [
    ("ipecs-cloud", "iPECS Cloud"), ("ipecs-ucp", "iPECS UCP"), ("so-wifi", "SO Wi-Fi"),
    ("phone-link", "Phone-Link"), ("ipecs2teams", "iPECS2Teams"), ("ipecs-cloud-mobile", "iPECS Cloud Mobile"),
    ("tollring-icall", "Tollring iCall"), ("mondago", "Mondago"), ("contactq", "ContactQ"),
]
MAKERS = ["Ascom", "Yealink", "Fanvil", "Grandstream", "Algo", "Snom", "Poly", "Gigaset"]
SYLLABLES = "ka to ri mon sel var tek lin dor pha quo zen bri cal nex tor ami sto vel gra pon der lux fin ost".split()


def made_up_words(rng, count):
    words = set()
    while len(words) < count:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Text:
    """Prose with realistic term frequencies: a Zipf ranking whose head is plain English and
    the trade's words, and whose long tail (made-up words, model names) grows with the site
    (Heaps' law), so a larger site has a larger vocabulary. Each page also has a topic: a few
    words that make its title and recur in its headings and body, as on a real page."""

    def __init__(self, rng, n):
        self.rng = rng
        tail = made_up_words(rng, max(3000, int(60 * n ** 0.6)))
        rng.shuffle(tail)
        models = sorted({f"{rng.choice('TWMXGV')}{rng.randint(10, 99)}{rng.choice(['', 'P', 'G', 'W', 'S'])}".lower()
                         for _ in range(max(200, n // 20))})
        rng.shuffle(models)
        # English and trade words interleaved at the head, then the tail with model names among it.
        head, e = [], iter(ENGLISH)
        for w in WORDS:
            head.extend(x for x in (next(e, None), next(e, None)) if x)
            head.append(w)
        head.extend(e)
        rest = []
        for i, w in enumerate(tail):
            rest.append(w)
            if i % 12 == 0 and i // 12 < len(models): rest.append(models[i // 12])
        self.vocabulary = head + rest
        self.models = models
        # Zipf weights 1/r^1.05.
        acc = 0.0
        self.cumulative = []
        for r in range(len(self.vocabulary)):
            acc += 1.0 / (r + 1) ** 1.05
            self.cumulative.append(acc)
        self.total = acc
        self.topic = []
        self.versions = sorted({f"{rng.randint(1, 9)}.{rng.randint(0, 12)}.{rng.randint(0, 40)}" for _ in range(300)})
        self.phones = sorted({f"0{rng.randint(1000, 1999)} {rng.randint(100000, 999999)}" for _ in range(40)})
        self.emails = sorted({f"{rng.choice(['support', 'escalations', 'help', 'noc', 'sales'])}@"
                              f"{rng.choice(['example.com', 'example.co.uk', 'partner.example.net', 'vendor.example.org'])}"
                              for _ in range(20)})

    def pick(self, stock):
        """An item of a small list, the first ones most often (Zipf)."""
        weights = [1.0 / (i + 1) for i in range(len(stock))]
        return self.rng.choices(stock, weights)[0]

    def word(self):
        if self.topic and self.rng.random() < 0.12:
            return self.rng.choice(self.topic)
        x = self.rng.random() * self.total
        return self.vocabulary[min(len(self.vocabulary) - 1, bisect.bisect_left(self.cumulative, x))]

    def new_topic(self):
        """A page's topic: two trade words, a tail word or a model name, and the names most
        pages mention (the platform, SIP, …) with their own frequencies."""
        rng = self.rng
        words = [rng.choice(WORDS[:120]), rng.choice(WORDS)]
        words.append(self.vocabulary[rng.randint(len(ENGLISH) + len(WORDS), len(self.vocabulary) - 1)])
        if rng.random() < 0.3: words.append(rng.choice(self.models))
        self.topic = words + [name for name, p in EVERYWHERE if rng.random() < p]
        return words

    def sentence(self, low=6, high=18):
        rng = self.rng
        words = [self.word() for _ in range(rng.randint(low, high))]
        r = rng.random()
        # Identifiers engineers search for, from a site's small stock of them (a support
        # site has a few dozen numbers and addresses and some hundreds of versions, each
        # repeated on many pages), drawn with the Zipf weights of `pick`.
        if r < 0.04:
            words.insert(rng.randint(0, len(words)), self.pick(self.versions))
        elif r < 0.06:
            words.insert(rng.randint(0, len(words)), self.pick(self.phones))
        elif r < 0.07:
            words.insert(rng.randint(0, len(words)), self.pick(self.emails))
        elif r < 0.08:
            words.insert(rng.randint(0, len(words)), f"£{rng.choice([85, 200, 300, 500, 600, 800, 1000, 1050])}")
        return words[0][:1].upper() + words[0][1:] + " " + " ".join(words[1:]) + "."

    def paragraph(self):
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))

    def title(self, topic=None):
        rng = self.rng
        if topic:
            words = topic[:2] + [self.word() for _ in range(rng.randint(1, 4))]
            if rng.random() < 0.5: words.append(topic[2])
            rng.shuffle(words)
        else:
            words = [self.word() for _ in range(rng.randint(3, 7))]
        return " ".join(words)[:1].upper() + " ".join(words)[1:]

    def table(self):
        rng = self.rng
        rows = ["| Model | Firmware | Status |", "| --- | --- | --- |"]
        for _ in range(rng.randint(2, 6)):
            rows.append(f"| {rng.choice(MAKERS)} {rng.choice(self.models).upper()} | "
                        f"{self.pick(self.versions)} | {rng.choice(['approved', 'testing', 'withdrawn'])} |")
        return "\n".join(rows)

    def code(self):
        rng = self.rng
        lines = [f"sip.server = 10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                 f"sip.port = {rng.choice([5060, 5061, 5080])}", f"codec.priority = {rng.choice(['g722,pcma', 'pcma,pcmu', 'opus,g722'])}",
                 f"{self.word()}.{self.word()} = {rng.choice(['on', 'off', str(rng.randint(1, 300))])}"]
        return "```\n" + "\n".join(lines[:rng.randint(2, 4)]) + "\n```"


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def body(text, rng, links=()):
    """Sections under headings that reuse the topic's words; now and then a list, a firmware
    table, a configuration block, and links to other articles (`links`: (title, path))."""
    parts = [text.paragraph()]
    for _ in range(rng.randint(2, 7)):
        parts.append("## " + text.title(text.topic if rng.random() < 0.4 else None))
        for _ in range(rng.randint(1, 3)):
            parts.append(text.paragraph())
        r = rng.random()
        if r < 0.25:
            parts.append("\n".join("- " + text.sentence(4, 10) for _ in range(rng.randint(2, 5))))
        elif r < 0.35:
            parts.append(text.table())
        elif r < 0.42:
            parts.append(text.code())
    if links:
        parts.append("See also " + ", ".join(f"[{title}]({path})" for title, path in links) + ".")
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
    text = Text(rng, n)
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

    articles = []   # (title, category, file name) of the articles written so far, for links
    for i in range(n_articles):
        cat = categories[i % len(categories)]
        prods = products(rng)
        topic = text.new_topic()
        title, summary = text.title(topic), text.sentence(10, 20)[:190]
        front = [f"title: {quote(title)}", f"summary: {quote(summary)}"]
        if prods:
            front.append(f"products: [{', '.join(prods)}]")
        front.append(f"updated: 2025-{1 + i % 12:02d}-{1 + i % 28:02d}")
        links = []
        if articles and rng.random() < 0.4:
            for t, c, name in rng.sample(articles[-2000:], min(len(articles), rng.randint(1, 3))):
                links.append((t, name if c == cat else f"../{c}/{name}"))
        text_body = body(text, rng, links)
        name = f"article-{i:05d}.md"
        articles.append((title, cat, name))
        write(os.path.join(out, "kb", cat, name), "---\n" + "\n".join(front) + "\n---\n" + text_body)
        if hugo:
            hugo.page(os.path.join("kb", cat, name), title, text_body, summary, prods)

    for i in range(n_faqs):
        prods = products(rng)
        question = text.title(text.new_topic()) + "?"
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
        title, summary = text.title(text.new_topic()), text.sentence(10, 20)[:190]
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
        maker = rng.choice(MAKERS)
        text.new_topic()
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
