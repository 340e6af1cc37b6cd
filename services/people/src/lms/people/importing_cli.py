"""`python -m lms.people import FILE [--dry-run]`: people from a CSV, all or nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from lms.kit.config import Settings
from lms.kit.db import make_engine, make_session_factory
from lms.kit.outbox import Outbox
from lms.people.domain.people_csv import BadFile, read_people
from lms.people.service.context import Context
from lms.people.service.importing import ImportReport, import_people


def import_command(settings: Settings, argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m lms.people import", description=__doc__)
    parser.add_argument("file", type=Path, help="CSV with userName,name,email,manager,team,department")
    parser.add_argument("--dry-run", action="store_true", help="check and count, change nothing")
    args = parser.parse_args(argv)
    try:
        with args.file.open(newline="", encoding="utf-8-sig") as lines:
            rows, bad = read_people(lines)
    except (OSError, UnicodeDecodeError, BadFile) as exc:
        print(f"import: {exc}", file=sys.stderr)
        return 2
    engine = make_engine(settings.database_url)
    ctx = Context(make_session_factory(engine), Outbox(source="/people", topic=settings.topic))
    with tqdm(total=len(rows), unit="person", file=sys.stderr) as bar:
        report = import_people(ctx, rows, dry_run=args.dry_run, bad=bad, progress=bar.update)
    engine.dispose()
    return _refuse(report.bad) if report.bad else _summary(report, args.dry_run)


def _refuse(bad: list) -> int:
    for row in bad:
        print(f"line {row.line}: {row.reason}", file=sys.stderr)
    print(f"import: {len(bad)} bad row(s); nothing was changed", file=sys.stderr)
    return 1


def _summary(report: ImportReport, dry_run: bool) -> int:
    verb = "would be" if dry_run else "were"
    print(
        f"{report.created} people {verb} created, {report.updated} updated, {report.unchanged} unchanged; "
        f"{report.teams_created} teams {verb} created, {report.memberships_added} memberships added"
    )
    return 0
