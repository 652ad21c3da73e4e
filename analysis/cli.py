"""The ``stbrief`` command: docs, facts, timeline and build. Heavy imports stay inside handlers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.config import SEEDS_DIR, InputError

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2


def _warn_skipped(skipped) -> None:
    for item in skipped:
        print(f"stbrief: skipped {item.file}: {item.reason}", file=sys.stderr)


def _write_table(frame, out: Path | None) -> None:
    if out is None:
        import pandas as pd

        with pd.option_context("display.max_rows", 200, "display.width", 160):
            print(frame.to_string(index=False, max_colwidth=60))
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(out, index=False)
    print(f"stbrief: wrote {len(frame)} rows to {out}", file=sys.stderr)


def cmd_docs(args: argparse.Namespace) -> int:
    from analysis import corpus

    result = corpus.load_corpus(args.seeds)
    _warn_skipped(result.skipped)
    _write_table(corpus.documents_table(result), args.out)
    return EXIT_OK


def cmd_facts(args: argparse.Namespace) -> int:
    from analysis import facts

    table, skipped = facts.facts_for_folder(args.seeds, workers=args.workers)
    _warn_skipped(skipped)
    _write_table(table, args.out)
    return EXIT_OK


def cmd_timeline(args: argparse.Namespace) -> int:
    from analysis import corpus, events

    result = corpus.load_corpus(args.seeds)
    _warn_skipped(result.skipped)
    _write_table(events.timeline_table(result), args.out)
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    from analysis import build

    return build.run_from_cli(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stbrief",
        description="Tables and a policy brief on China's S&T diplomacy, from documents.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--seeds", type=Path, default=SEEDS_DIR, help="folder of *.txt documents (seeds/)"
        )

    p = sub.add_parser("docs", help="one row per document: title, publisher, date, duplicates")
    common(p)
    p.add_argument("--out", type=Path, help="CSV file to write (default: print a table)")
    p.set_defaults(func=cmd_docs)

    p = sub.add_parser("facts", help="one row per numeric claim, with provenance")
    common(p)
    p.add_argument("--out", type=Path, help="CSV file to write (default: print a table)")
    p.add_argument("--workers", type=int, default=0, help="processes over documents (0: automatic)")
    p.set_defaults(func=cmd_facts)

    p = sub.add_parser("timeline", help="dated events with their sentences")
    common(p)
    p.add_argument("--out", type=Path, help="CSV file to write (default: print a table)")
    p.set_defaults(func=cmd_timeline)

    p = sub.add_parser("build", help="build the briefs of briefs.toml into reports/")
    common(p)
    p.add_argument("--brief", help="only this brief (a name in briefs.toml)")
    p.add_argument("--from", dest="start_year", type=int, help="first year of the period")
    p.add_argument("--to", dest="end_year", type=int, help="last year of the period")
    p.add_argument("--format", default="html,pdf", help="comma-separated: html, pdf")
    p.add_argument("--out", type=Path, help="output folder (default reports/)")
    p.add_argument("--force", action="store_true", help="rebuild even if inputs are unchanged")
    p.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    p.add_argument(
        "--lock-timeout", type=float, default=600.0, help="seconds to wait for another build"
    )
    p.add_argument("--briefs-file", type=Path, help="briefs.toml to read (default: the repo's)")
    p.set_defaults(func=cmd_build)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``stbrief`` console script."""
    args = _parser().parse_args(argv)
    seeds: Path = args.seeds
    if not seeds.is_dir():
        print(f"stbrief: --seeds {seeds}: not a folder", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return args.func(args)
    except InputError as exc:
        print(f"stbrief: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the CLI reports and exits 1 on internal failures
        print(f"stbrief: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
