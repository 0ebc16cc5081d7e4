"""The `second-heart` command line, the only argument parser: build, serve, check, handouts, model.

    second-heart [--project DIR] build [--site-dir DIR] [--no-handouts]
    second-heart [--project DIR] build (--clinic FILE [--out DIR] | --all-clinics)
    second-heart [--project DIR] serve [--dev-addr HOST:PORT]
    second-heart [--project DIR] check [--grades]
    second-heart [--project DIR] handouts [--out DIR] [--site-dir DIR] [--paper fit|a4|letter]
    second-heart model report (--scenario NAME [--compression MMHG] | --all) [--json]

Library code raises; only this module prints and chooses exit codes:
0 success, 1 content or build problem, 2 wrong command-line use (one line on stderr).
Benchmarks are not part of this command: see benchmarks/ and the README.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, cast

from generators.errors import BuildError, SecondHeartError

MODEL_PROG = "second-heart model"


class _UsageError(Exception):
    def __init__(self, prog: str, message: str) -> None:
        super().__init__(message)
        self.prog = prog


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(self.prog, message)


def _parser() -> _Parser:
    parser = _Parser(prog="second-heart", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--project", type=Path, default=None,
                        help="the project folder holding mkdocs.yml and content/ (default: this checkout)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    build = sub.add_parser("build", help="generate the pages and build the whole site into site/")
    build.add_argument("--site-dir", type=Path, default=None, help="where to put the site (default: site/)")
    build.add_argument("--no-handouts", dest="handouts", action="store_false",
                       help="leave the handout PDFs (and the links to them) out: no Chromium needed")
    clinics = build.add_mutually_exclusive_group()
    clinics.add_argument("--clinic", type=Path, default=None, metavar="FILE",
                         help="build a clinic's branded site from its file (clinics/<id>.yml)")
    clinics.add_argument("--all-clinics", action="store_true",
                         help="build every clinics/*.yml, each into site-clinics/<id>/, in parallel")
    build.add_argument("--out", type=Path, default=None, metavar="DIR",
                       help="with --clinic: where to put its site (default: site-clinics/<id>/)")
    serve = sub.add_parser("serve", help="live preview that regenerates when content/ changes")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    check = sub.add_parser("check", help="validate content/ exactly as the build does (fast)")
    check.add_argument("--grades", action="store_true", help="also list every page's reading grade")
    handouts = sub.add_parser(
        "handouts", help="print the handouts to PDF (Chromium) into build/handouts/ and the built site",
        description="Print every page's handout, the exercise log and the plan sheet to PDF with headless "
                    "Chromium, into build/handouts/ (or --out), and copy the PDFs into the built site's "
                    "handouts/ folder. Only handouts whose content changed are printed again.")
    handouts.add_argument("--out", type=Path, default=None,
                          help="where to write the HTML and PDF files (default: build/handouts/)")
    handouts.add_argument("--site-dir", type=Path, default=None,
                          help="the built site to copy the PDFs into (default: site/, when it was built)")
    handouts.add_argument("--paper", choices=("fit", "a4", "letter"), default="fit",
                          help="fit (default): prints on A4 and US Letter at 100%%; or exactly a4 or letter")

    from calf_pump import COMPRESSION_MAX_MMHG, SCENARIO_NAMES

    model = sub.add_parser("model", help="run the calf-pump model's clinical protocols",
                           description="Run the calf-pump model's clinical protocols.")
    model.prog = MODEL_PROG
    model_sub = model.add_subparsers(dest="model_command", required=True, parser_class=_Parser)
    report = model_sub.add_parser(
        "report", help="AVP, APG, walking pressures and venous return for one scenario or all",
        description="AVP, APG, walking pressures and venous return. Units: mmHg, mL, mL/s, mL/min, s.")
    which = report.add_mutually_exclusive_group()
    which.add_argument("--scenario", metavar="NAME", help=f"one of: {', '.join(SCENARIO_NAMES)}")
    which.add_argument("--all", action="store_true", help="every scenario, with the same --compression")
    report.add_argument("--compression", metavar="MMHG", type=float, default=0.0,
                        help=f"stocking pressure at the ankle, 0 to {COMPRESSION_MAX_MMHG:g} mmHg")
    report.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        ns = _parser().parse_args(args)
    except _UsageError as exc:
        if exc.prog.startswith(MODEL_PROG):
            return _usage(MODEL_PROG, f"{exc} (try: {MODEL_PROG} report --scenario healthy --json)")
        return _usage("second-heart", f"{exc} (see: second-heart --help)")
    if ns.command == "model":
        return _model_report(ns)
    try:
        from generators.build import PROJECT

        project = (ns.project or PROJECT).resolve()
        if ns.command == "build" and (ns.clinic or ns.all_clinics or ns.out):
            return _build_clinics(project, ns)
        if ns.command == "build":
            return _build(project, ns.site_dir, ns.handouts)
        if ns.command == "check":
            return _check(project, ns.grades)
        if ns.command == "handouts":
            return _handouts(project, ns.out, ns.site_dir, ns.paper)
        return _serve(project, ns.dev_addr)
    except SecondHeartError as exc:
        print(exc.report(), file=sys.stderr)
        if ns.command == "build":
            site = "site/" if ns.site_dir is None else os.path.abspath(ns.site_dir)
            if ns.clinic is not None:
                from generators.clinic_builds import clinic_out

                site = os.path.abspath(ns.out or clinic_out(project, ns.clinic))
            if ns.all_clinics:
                site = "every clinic's site"
            print(f"Nothing was built; {site} is unchanged.", file=sys.stderr)
        if ns.command == "handouts":
            print("Nothing was replaced; the previous handouts are unchanged.", file=sys.stderr)
        return 1


def _usage(prog: str, message: str) -> int:
    print(f"{prog}: error: {message}", file=sys.stderr)
    return 2


def _show_mkdocs_warnings() -> None:
    """MkDocs reports broken links and the like through logging: show them on stderr."""
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)


def _build(project: Path, site_dir: Path | None, handouts: bool = True) -> int:
    from generators.build import build_site

    _show_mkdocs_warnings()
    report = build_site(project, site_dir=site_dir, handouts=handouts)
    print(f"Built {report.pages} pages into {report.site_dir} in {report.seconds:.1f} s")
    return 0


def _build_clinics(project: Path, ns: argparse.Namespace) -> int:
    """``build --clinic FILE [--out DIR]`` and ``build --all-clinics`` (generators/clinic_builds.py)."""
    from generators.clinic_builds import build_all_clinics, build_clinic

    if ns.site_dir is not None:
        return _usage("second-heart", "--site-dir is for the generic site; a clinic's site goes to --out DIR "
                      "(see: second-heart build --help)")
    if ns.out is not None and ns.clinic is None:
        return _usage("second-heart", "--out goes with --clinic FILE; --all-clinics builds each clinic into "
                      "site-clinics/<id>/ (see: second-heart build --help)")
    if ns.clinic is not None:
        _show_mkdocs_warnings()
        report = build_clinic(project, ns.clinic, ns.out)
        print(f"Built {report.pages} pages into {report.site_dir} in {report.seconds:.1f} s")
        return 0
    results = build_all_clinics(project)
    for result in results:
        if result.ok:
            print(f"{result.clinic.name}: built into {result.site_dir} in {result.seconds:.1f} s")
        else:
            print(f"{result.clinic.name}: FAILED; its site {result.site_dir} is unchanged.\n{result.output}",
                  file=sys.stderr)
    failed = [result.clinic.name for result in results if not result.ok]
    print(f"{len(results) - len(failed)} of {len(results)} clinic sites built"
          + (f"; failed: {', '.join(failed)}" if failed else ""), file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0


def _check(project: Path, show_grades: bool) -> int:
    from generators.build import load_checked
    from generators.content.checks import grades, page_text
    from generators.content.readability import MEASURES, score_es
    from generators.edition import Edition

    ctx = load_checked(project)
    counts = (f"{len(ctx.topics)} topics, {len(ctx.risk_factors)} risk factors, "
              f"{len(ctx.symptoms)} symptoms, {len(ctx.exercises)} exercises, "
              f"{len(ctx.glossary)} glossary terms, {len(ctx.references)} references")
    # Every language: each is checked as its own build would check it (its reading level too).
    languages = [ctx] + [load_checked(project, Edition(lang)) for lang in ctx.languages if lang != ctx.lang]
    several = f", in {len(languages)} languages" if len(languages) > 1 else ""
    print(f"content/ is valid: {counts}{several}.")
    for each in languages:
        measure = MEASURES.get(each.lang)
        measured = grades(each)
        if measure is None or not measured:
            print(f"{each.lang}: no reading-level measure for this language.")
            continue
        values = [g for _, g in measured]
        worst = min(values) if measure.higher_is_easier else max(values)
        label = "Reading grade (Flesch-Kincaid)" if each.lang == "en" else f"{each.lang}: {measure.name}"
        print(f"{label}: {'lowest' if measure.higher_is_easier else 'highest'} {worst:.1f}, "
              f"median {statistics.median(values):.1f} ({len(values)} pages).")
        if each.lang == "es":  # the second Spanish measure, for comparison with published work
            huerta = [score_es(page_text(item)).fernandez_huerta for _kind, item in each.all_pages()]
            print(f"es: Fernández-Huerta: lowest {min(huerta):.1f}, median {statistics.median(huerta):.1f}.")
        if show_grades:
            for name, grade in sorted(measured, key=lambda x: x[1] if measure.higher_is_easier else -x[1]):
                print(f"  {grade:5.1f}  {each.lang}/{name}" if several else f"  {grade:4.1f}  {name}")
    return 0


def _handouts(project: Path, out: Path | None, site_dir: Path | None, paper: str) -> int:
    from generators.build import SITE_MARKER, load_checked
    from generators.handouts import Paper, copy_pdfs, make_handouts, site_look, write_handouts

    site = Path(os.path.abspath(site_dir or project / "site"))
    if site_dir is not None and not (site / SITE_MARKER).is_file():  # checked before anything is printed
        raise BuildError(f"{site} is not a site that second-heart built (it has no {SITE_MARKER}). "
                         f"Fix: build it first with `second-heart build --site-dir {site_dir}`")
    ctx = load_checked(project)
    look = site_look(ctx, project / "node_modules" / "@fontsource" / "atkinson-hyperlegible" / "files",
                     cast(Paper, paper))
    folder = Path(os.path.abspath(out or project / "build" / "handouts"))
    written = write_handouts(make_handouts(ctx, look), folder)
    print(f"Printed {len(written.printed)} handouts to PDF ({len(written.kept)} unchanged, kept) into "
          f"{written.folder} in {written.seconds:.1f} s")
    if (site / SITE_MARKER).is_file():
        copied = copy_pdfs(written.folder, site / "handouts")
        print(f"Copied {len(copied)} PDFs into {site / 'handouts'} (a new build replaces the site: run this "
              "again after `second-heart build`)")
    else:
        print(f"No built site at {site}: the PDFs stay in {written.folder}")
    return 0


def _serve(project: Path, dev_addr: str) -> int:
    from generators.build import load_checked
    from generators.preview import serve

    if not (project / "mkdocs.yml").is_file():
        raise BuildError(f"{project} has no mkdocs.yml: give --project the project folder (the one "
                         "holding mkdocs.yml and content/).")
    load_checked(project)
    (project / "build" / "docs").mkdir(parents=True, exist_ok=True)
    _show_mkdocs_warnings()  # a failed rebuild is reported through MkDocs' log, with file and line
    serve(project, dev_addr)
    return 0


def _model_report(ns: argparse.Namespace) -> int:
    from calf_pump import COMPRESSION_MAX_MMHG, SCENARIO_NAMES
    from calf_pump.parameters import check_range

    from generators.charts.model_table import report, text_table

    valid = f"valid scenarios: {', '.join(SCENARIO_NAMES)}"
    if not ns.all and ns.scenario is None:
        return _usage(MODEL_PROG, f"give --scenario NAME or --all; {valid}")
    if ns.scenario is not None and ns.scenario not in SCENARIO_NAMES:
        return _usage(MODEL_PROG, f"unknown scenario '{ns.scenario}'; {valid}")
    try:
        check_range("compression", ns.compression, 0.0, COMPRESSION_MAX_MMHG, "mmHg")
    except ValueError as exc:
        return _usage(MODEL_PROG, f"{exc}; valid: 0 to {COMPRESSION_MAX_MMHG:g} mmHg at the ankle")
    reps = [report(name, ns.compression) for name in (SCENARIO_NAMES if ns.all else [ns.scenario])]
    if ns.json:
        print(json.dumps(reps if ns.all else reps[0]))
    else:
        print(text_table(reps))
    return 0


if __name__ == "__main__":
    sys.exit(main())
