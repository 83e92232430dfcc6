#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, from content/ and Tests/Fixtures/invalid/.

loader: each YAML or Markdown file, prefixed by the byte that makes the target read it
as a file of its collection (FuzzTargets.loaderPaths); markdown: each Markdown body;
search: each Markdown file as text."""
import pathlib, re, shutil, sys

# Must match FuzzTargets.loaderPaths in Sources/SwitchboardFuzz/FuzzTargets.swift.
LOADER_PATHS = ["faq/q.md", "policies/p.md", "kb/c/a.md", "devices/d.yml", "escalation/e.yml", "vendors/v.md",
                "support/hours.yml", "support/rates.yml", "support/checklists/c.yml", "status/components.yml",
                "status/incidents/i.md", "status/maintenance/m.md", "site.yml", "products.yml", "kb/c/_category.yml"]


def selector(relative: str):
    parts = relative.split("/")
    name = parts[-1]
    if relative in ("site.yml", "products.yml", "support/hours.yml", "support/rates.yml", "status/components.yml"):
        return LOADER_PATHS.index(relative)
    if name == "_category.yml":
        return LOADER_PATHS.index("kb/c/_category.yml")
    folder = "/".join(parts[:-1])
    for index, path in enumerate(LOADER_PATHS):
        if path.rsplit("/", 1)[0] == folder or (folder.startswith("kb/") and path == "kb/c/a.md"):
            if path.endswith(pathlib.Path(name).suffix):
                return index
    return None


def main(out: str):
    out = pathlib.Path(out)
    shutil.rmtree(out, ignore_errors=True)
    for target in ("loader", "markdown", "search"):
        (out / target).mkdir(parents=True)
    roots = [pathlib.Path("content")] + sorted(pathlib.Path("Tests/Fixtures/invalid").glob("*/content"))
    count = 0
    for root in roots:
        for file in sorted(root.rglob("*")):
            if not file.is_file():
                continue
            data = file.read_bytes()
            name = f"{count:04d}-{file.name}"
            index = selector(file.relative_to(root).as_posix())
            if index is not None:
                (out / "loader" / name).write_bytes(bytes([index]) + data)
            if file.suffix == ".md":
                body = re.split(rb"\n---\n", data, maxsplit=2)[-1]
                (out / "markdown" / name).write_bytes(bytes([0]) + body)
                (out / "search" / name).write_bytes(data)
            count += 1
    print(f"seeds: {', '.join(f'{t} {len(list((out / t).iterdir()))}' for t in ('loader', 'markdown', 'search'))}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".build-fuzz/seeds")
