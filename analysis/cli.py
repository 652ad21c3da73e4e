"""The ``stbrief`` command: docs, facts, timeline and build. Heavy imports stay inside handlers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis import config
from analysis.config import InputError

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2
_READS_SEEDS = ("docs", "facts", "timeline", "build")
_EPILOG = """\
The project: stbrief works in the nearest folder upward from the current one that holds
briefs.toml (as git finds its repository), or in the folder given with --project DIR. Its
briefs.toml, seeds/, notebooks/ and reports/ are the defaults of --briefs-file, --seeds and
--out; the folder stbrief was installed from plays no part.

Exit codes: 0 success, 2 bad input (the message names the file or option), 1 an internal
failure (a brief failed: its executed notebook is kept under reports/failed/)."""


def _warn_skipped(skipped) -> None:
    for item in skipped:
        print(f"stbrief: skipped {item.file}: {item.reason}", file=sys.stderr)


def _write_table(frame, out: Path | None) -> None:
    if out is None:
        import pandas as pd

        with pd.option_context("display.max_rows", 200, "display.width", 160):
            print(frame.to_string(index=False, max_colwidth=60))
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        config.write_csv(frame, out)
    except OSError as exc:
        raise InputError(f"--out {out}: cannot be written: {exc.strerror or exc}") from exc
    print(f"stbrief: wrote {len(frame)} rows to {out}", file=sys.stderr)


def cmd_docs(args: argparse.Namespace) -> int:
    from analysis import corpus

    result = corpus.load_corpus(args.seeds)
    _warn_skipped(result.skipped)
    _write_table(corpus.documents_table(result), args.out)
    return EXIT_OK


def cmd_facts(args: argparse.Namespace) -> int:
    from analysis import cache

    if args.out is not None:  # the rows kept as CSV text, joined: no table made
        try:
            args.out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"--out {args.out}: cannot be written: {exc.strerror or exc}") from exc
        done = cache.write_facts_csv(
            args.seeds, args.out, workers=args.workers, engine=args.engine,
            scheduler=args.scheduler,
        )  # fmt: skip
        if done is not None:
            rows, skipped = done
            _warn_skipped(skipped)
            print(f"stbrief: wrote {rows} rows to {args.out}", file=sys.stderr)
            return EXIT_OK
    table, skipped = cache.facts_for_folder(
        args.seeds, workers=args.workers, engine=args.engine, scheduler=args.scheduler
    )
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


def cmd_changes(args: argparse.Namespace) -> int:
    from analysis import changelog, config, editions

    out = Path(args.out) if args.out else config.REPORTS_DIR
    if args.brief is not None and editions.base_edition(out, args.brief) is None:
        raise InputError(f"--brief {args.brief!r}: no published edition in {out / 'editions'}")
    text, _found = changelog.run_changes(out, args.brief)
    print(text)
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stbrief",
        description="Tables and a policy brief on China's S&T diplomacy, from documents.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--seeds", type=Path, help="folder of *.txt documents (default: the project's seeds/)"
        )
        p.add_argument(
            "--project",
            type=Path,
            help="the project folder (default: the nearest folder upward holding briefs.toml)",
        )

    p = sub.add_parser("docs", help="one row per document: title, publisher, date, duplicates")
    common(p)
    p.add_argument("--out", type=Path, help="CSV file to write (default: print a table)")
    p.set_defaults(func=cmd_docs)

    p = sub.add_parser("facts", help="one row per numeric claim, with provenance")
    common(p)
    p.add_argument("--out", type=Path, help="CSV file to write (default: print a table)")
    p.add_argument("--workers", type=int, default=0, help="processes over documents (0: automatic)")
    p.add_argument(
        "--engine",
        choices=("local", "dask"),
        help="where the per-document work runs (default: dask if $STBRIEF_SCHEDULER is set)",
    )
    p.add_argument(
        "--scheduler", help="Dask scheduler address for --engine dask (default $STBRIEF_SCHEDULER)"
    )
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
    p.add_argument("--out", type=Path, help="output folder (default: the project's reports/)")
    p.add_argument(
        "--force-out",
        action="store_true",
        help="write into --out even if it is a non-empty folder holding no stbrief manifest",
    )
    p.add_argument("--force", action="store_true", help="rebuild even if inputs are unchanged")
    p.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    p.add_argument(
        "--lock-timeout", type=float, default=600.0, help="seconds to wait for another build"
    )
    p.add_argument(
        "--keep-editions",
        type=int,
        help="editions kept per brief (default: keep_editions of briefs.toml, else 10)",
    )
    p.add_argument("--briefs-file", type=Path, help="briefs.toml to read (default: the project's)")
    p.add_argument(
        "--jobs", type=int, help="briefs built side by side (default: the number of cores)"
    )
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("changes", help="what changed in each brief since its previous edition")
    p.add_argument(
        "--project",
        type=Path,
        help="the project folder (default: the nearest folder upward holding briefs.toml)",
    )
    p.add_argument("--brief", help="only this brief (a name in briefs.toml)")
    p.add_argument("--out", type=Path, help="reports folder (default reports/)")
    p.set_defaults(func=cmd_changes)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``stbrief`` console script."""
    args = _parser().parse_args(argv)
    try:
        config.use_project(args.project)
        if args.command in _READS_SEEDS:
            if args.seeds is None:
                args.seeds = config.SEEDS_DIR
            if not args.seeds.is_dir():
                raise InputError(f"--seeds {args.seeds}: not a folder")
            if args.command != "build":  # build checks them once it has work to do
                from analysis import briefs

                for warning in briefs.check_seeds(args.seeds):
                    print(f"stbrief: warning: {warning}", file=sys.stderr)
        return args.func(args)
    except InputError as exc:
        print(f"stbrief: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the CLI reports and exits 1 on internal failures
        print(f"stbrief: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        config.use_project(None)


if __name__ == "__main__":
    sys.exit(main())
