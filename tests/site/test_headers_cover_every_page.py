"""Every built page, in every language, is covered by a rule of the one _headers file that
hosts read (the Spanish pages too: they are built after the English site is finished)."""

from __future__ import annotations

from pathlib import Path


def _rules(site_dir: Path) -> dict[str, str]:
    rules: dict[str, str] = {}
    path = ""
    for line in (site_dir / "_headers").read_text(encoding="utf-8").splitlines():
        if line.startswith("/"):
            path = line.strip()
        elif line.strip().startswith("Content-Security-Policy:") and path:
            rules[path] = line.split(":", 1)[1].strip()
    return rules


def _policy_for(rules: dict[str, str], url: str) -> str | None:
    if url in rules:
        return rules[url]
    prefixes = [path for path in rules if path.endswith("/*") and url.startswith(path[:-1])]
    return rules[max(prefixes, key=len)] if prefixes else None


def test_every_page_of_every_language_has_exactly_the_policy_its_folder_needs(site_dir: Path) -> None:
    rules = _rules(site_dir)
    uncovered, wrong = [], []
    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir).as_posix()
        url = "/" + (rel.removesuffix("index.html") if rel.endswith("index.html") else rel)
        policy = _policy_for(rules, url)
        if policy is None:
            uncovered.append(url)
        elif ("/embed/" in url) != policy.endswith("frame-ancestors https:"):
            wrong.append(url)
    assert uncovered == []
    assert wrong == []  # embed views may be framed by other sites; no other page may


def test_translations_publish_no_header_files_of_their_own(site_dir: Path) -> None:
    assert [p.relative_to(site_dir).as_posix() for p in site_dir.glob("*/_headers")] == []
    assert [p.relative_to(site_dir).as_posix() for p in site_dir.glob("*/nginx-csp.conf")] == []
