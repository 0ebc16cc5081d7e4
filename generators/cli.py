"""The `second-heart` command line: build, serve, check, model and bench.

Library code raises; only this module prints and chooses exit codes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # `model` and `bench` own their argument parsing; hand them the rest of the line.
    if args and args[0] == "model":
        from generators.model_cli import main as model_main

        return model_main(args[1:])
    if args and args[0] == "bench":
        from generators.bench import main as bench_main

        return bench_main(args[1:])

    parser = argparse.ArgumentParser(prog="second-heart", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("build", help="generate the pages and build the whole site into site/")
    sub.add_parser("serve", help="live preview that regenerates when content/ changes")
    sub.add_parser("check", help="validate content/ only (fast), with the build's error messages")
    sub.add_parser("model", help="run the calf-pump model: `second-heart model report --help`")
    sub.add_parser("bench", help="benchmarks: `second-heart bench --help`")
    ns = parser.parse_args(args)
    raise SystemExit(f"second-heart: '{ns.command}' is not implemented yet")


if __name__ == "__main__":
    sys.exit(main())
