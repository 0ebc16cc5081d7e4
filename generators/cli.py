"""The `second-heart` command line: build, serve, check, model and bench.

Library code raises; only this module prints and chooses exit codes:
0 success, 1 content or build problem, 2 wrong command-line use.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

from generators.errors import BuildError, ContentErrors


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # `model` and `bench` own their argument parsing; hand them the rest of the line.
    if args and args[0] == "model":
        from generators.model_cli import main as model_main

        return model_main(args[1:])
    if args and args[0] == "bench":
        from generators.bench import main as bench_main

        return bench_main(args[1:])

    parser = argparse.ArgumentParser(prog="second-heart", description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=None,
                        help="the project folder holding mkdocs.yml and content/ (default: this checkout)")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="generate the pages and build the whole site into site/")
    build.add_argument("--site-dir", type=Path, default=None, help="where to put the site (default: site/)")
    serve = sub.add_parser("serve", help="live preview that regenerates when content/ changes")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    check = sub.add_parser("check", help="validate content/ only (fast), with the build's error messages")
    check.add_argument("--grades", action="store_true", help="also list every page's reading grade")
    sub.add_parser("model", help="run the calf-pump model: `second-heart model report --help`")
    sub.add_parser("bench", help="benchmarks: `second-heart bench --help`")
    ns = parser.parse_args(args)

    try:
        from generators.build import PROJECT

        project = (ns.project or PROJECT).resolve()
        if ns.command == "build":
            return _build(project, ns.site_dir)
        if ns.command == "check":
            return _check(project, ns.grades)
        if ns.command == "serve":
            return _serve(project, ns.dev_addr)
    except (ContentErrors, BuildError) as exc:
        text = exc.report() if isinstance(exc, ContentErrors) else f"second-heart: {exc}"
        print(text, file=sys.stderr)
        if ns.command == "build":
            print("Nothing was built; site/ is unchanged.", file=sys.stderr)
        return 1
    return 2


def _show_mkdocs_warnings() -> None:
    """MkDocs reports broken links and the like through logging: show them on stderr."""
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)


def _build(project: Path, site_dir: Path | None) -> int:
    from generators.build import build_site

    _show_mkdocs_warnings()
    report = build_site(project, site_dir=site_dir)
    print(f"Built {report.pages} pages into {report.site_dir} in {report.seconds:.1f} s")
    return 0


def _check(project: Path, show_grades: bool) -> int:
    from generators.build import load_checked
    from generators.content_checks import grades

    ctx = load_checked(project)
    counts = (f"{len(ctx.topics)} topics, {len(ctx.risk_factors)} risk factors, "
              f"{len(ctx.symptoms)} symptoms, {len(ctx.exercises)} exercises, "
              f"{len(ctx.glossary)} glossary terms, {len(ctx.references)} references")
    measured = grades(ctx)
    values = [g for _, g in measured]
    print(f"content/ is valid: {counts}.")
    print(f"Reading grade (Flesch-Kincaid): highest {max(values):.1f}, "
          f"median {statistics.median(values):.1f}.")
    if show_grades:
        for name, grade in sorted(measured, key=lambda x: -x[1]):
            print(f"  {grade:4.1f}  {name}")
    return 0


def _serve(project: Path, dev_addr: str) -> int:
    from mkdocs.commands.serve import serve

    from generators.build import load_checked

    load_checked(project)
    (project / "build" / "docs").mkdir(parents=True, exist_ok=True)
    serve(config_file=str(project / "mkdocs.yml"), dev_addr=dev_addr, livereload=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
