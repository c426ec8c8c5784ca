"""Commands over the local store (all through BalanceService):

    ecg-desktop [--data-dir DIR | --database-url URL] list | import FILE.json |
        export ID --format json -o OUT | evidence add ID ASPECT FILE | evidence verify [ID] |
        lock ID | verify-log | backup OUT.ecgz | restore ARCHIVE.ecgz

Bad input prints a located message and exits with 2, leaving the database unchanged;
a check that finds damage (evidence verify, verify-log) exits with 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Any

from ecg_desktop.cli.main import EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK

Handler = Callable[[argparse.Namespace], int]


def _de(options: argparse.Namespace) -> bool:
    return getattr(options, "lang", "en") == "de"


def _guard(handler: Handler) -> Handler:
    """Turn database and file-system failures into a message and exit status 2 (no traceback)."""

    @wraps(handler)
    def run(options: argparse.Namespace) -> int:
        from sqlalchemy.exc import SQLAlchemyError

        try:
            return handler(options)
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            print(("Datenbankfehler: " if _de(options) else "database error: ") + reason, file=sys.stderr)
            return EXIT_BAD_INPUT
        except OSError as exc:
            print(f"{exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_BAD_INPUT

    return run


def _service(options: argparse.Namespace) -> Any:
    from ecg_desktop.services.balance_service import BalanceService

    return BalanceService.open(options.data_dir, options.database_url)


def _error_text(exc: Exception, options: argparse.Namespace) -> str:
    text = getattr(exc, "text", None)
    return text("de" if _de(options) else "en") if callable(text) else str(exc)


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("list", help="list organisations and their balance sheets")
    p.add_argument("--archived", action="store_true", help="include archived organisations")
    p.set_defaults(handler=_guard(cmd_list))

    p = subparsers.add_parser(
        "import",
        help="import a balance JSON file; prints the new balance id on the last line",
        description=(
            "Import a balance JSON file, an official ECG calculator workbook (.xlsx) or a web-calculator JSON "
            "(recognised by content) as a new balance (its organisation is created or matched by name)."
        ),
    )
    p.add_argument("file", help="balance JSON, calculator workbook (.xlsx) or web-calculator JSON")
    p.add_argument("--organisation", type=int, help="add the balance to this organisation id")
    from ecg_desktop.cli.exchange import add_import_options

    add_import_options(p)  # ECG Desktop workbooks (balance or portfolio): cli/exchange.py
    p.set_defaults(handler=_guard(cmd_import))

    from ecg_desktop.services.exporters import available_formats

    p = subparsers.add_parser("export", help="export a stored balance (evidence is verified first)")
    p.add_argument("id", type=int, help="balance id (see `list`)")
    p.add_argument("--format", default="json", choices=available_formats(), help="output format")
    p.add_argument("-o", "--output", required=True, help="output file")
    p.set_defaults(handler=_guard(cmd_export))

    evidence = subparsers.add_parser("evidence", help="attach or verify evidence files")
    sub = evidence.add_subparsers(dest="evidence_command", metavar="ACTION", required=True)
    p = sub.add_parser("add", help="copy a file into the vault and link it to an aspect")
    p.add_argument("id", type=int, help="balance id")
    p.add_argument("aspect", help="aspect code, e.g. A1.1 (several: A1.1,A2.1)")
    p.add_argument("file", help="file to attach")
    p.add_argument("--description", default="", help="what the file shows")
    p.set_defaults(handler=_guard(cmd_evidence_add))
    p = sub.add_parser("verify", help="re-hash evidence files: report missing or changed ones")
    p.add_argument("id", type=int, nargs="?", help="balance id (default: the whole vault)")
    p.set_defaults(handler=_guard(cmd_evidence_verify))

    p = subparsers.add_parser("lock", help="record the audit and lock a balance against changes")
    p.add_argument("id", type=int, help="balance id")
    p.add_argument("--kind", choices=("self", "peer", "external"), help="audit kind (default: as stored)")
    p.add_argument("--auditor", help="auditor name (default: the current user)")
    p.add_argument("--date", help="audit date YYYY-MM-DD (default: today)")
    p.set_defaults(handler=_guard(cmd_lock))

    p = subparsers.add_parser("verify-log", help="recompute the change-log hash chain")
    p.set_defaults(handler=_guard(cmd_verify_log))

    p = subparsers.add_parser("backup", help="write one archive with the database and all evidence")
    p.add_argument("output", help="archive to write, e.g. backup.ecgz")
    p.set_defaults(handler=_guard(cmd_backup))

    p = subparsers.add_parser("restore", help="restore an archive into an empty store (hashes checked first)")
    p.add_argument("archive", help="archive written by `backup`")
    p.set_defaults(handler=_guard(cmd_restore))


def cmd_list(options: argparse.Namespace) -> int:
    de = _de(options)
    with _service(options) as service:
        organisations = service.list_organisations(include_archived=options.archived)
        balances = service.list_balances()
    if not organisations:
        print("Keine Organisationen." if de else "No organisations.")
        return EXIT_OK
    by_org: dict[int, list[Any]] = {}
    for info in balances:
        by_org.setdefault(info.organisation_id, []).append(info)
    status_de = {"draft": "Entwurf", "in_review": "in Prüfung", "audited": "auditiert"}
    for org in organisations:
        suffix = (" (archiviert)" if de else " (archived)") if org.archived else ""
        print(f"{org.id:>5}  {org.name}{suffix}")
        for info in by_org.get(org.id, []):
            period = f"{info.period.start.isoformat()} – {info.period.end.isoformat()}" if info.period else "–"
            status = status_de.get(info.status, info.status) if de else info.status
            lock = " 🔒" if info.locked else ""
            print(
                f"{info.id:>10}  {info.matrix} {info.type:<7}  {period:<23}  {status:<10}"
                f"  rev {info.revision}  v{info.version}{lock}"
            )
    return EXIT_OK


def cmd_import(options: argparse.Namespace) -> int:
    from ecg_desktop.balance.validate import validate_balance
    from ecg_desktop.cli.exchange import import_app_workbook
    from ecg_desktop.exchange.official.detect import read_any

    handled = import_app_workbook(options)  # a workbook exported by ECG Desktop itself
    if handled is not None:
        return handled

    lang = "de" if _de(options) else "en"
    imported = read_any(options.file)  # our balance JSON, an official workbook or a web-calculator JSON
    balance = imported.balance
    if imported.parity is not None:
        for line in imported.parity.text_lines(lang):
            print(line)
    else:
        for note in imported.notes:
            print(("Hinweis: " if lang == "de" else "note: ") + note.text(lang), file=sys.stderr)
    for problem in validate_balance(balance, options.file):
        if problem.severity == "warning":
            print(("Hinweis: " if lang == "de" else "warning: ") + problem.text(lang), file=sys.stderr)
    with _service(options) as service:
        balance_id = service.import_balance(balance, options.organisation)
        info = service.balance_info(balance_id)
    print(
        (f"Importiert: {info.organisation_name}, Matrix {info.matrix} ({info.type}), Bilanz-Nr.:")
        if lang == "de"
        else f"Imported {info.organisation_name}, matrix {info.matrix} ({info.type}) as balance:"
    )
    print(balance_id)
    return EXIT_OK


def _report_checks(checks: list[Any], options: argparse.Namespace) -> None:
    from ecg_desktop.messages import render

    lang = "de" if _de(options) else "en"
    for check in checks:
        if check.status != "ok":
            code = "evidence_missing_file" if check.status == "missing" else "evidence_changed_file"
            print(render(code, {"name": check.name, "sha256": check.sha256}, lang), file=sys.stderr)


def cmd_export(options: argparse.Namespace) -> int:
    with _service(options) as service:
        problems = service.export(options.id, options.format, Path(options.output))
    _report_checks(problems, options)
    print(options.output)
    return EXIT_OK


def cmd_evidence_add(options: argparse.Namespace) -> int:
    codes = [code.strip() for code in options.aspect.split(",") if code.strip()]
    with _service(options) as service:
        ref = service.attach_evidence(options.id, codes, Path(options.file), options.description)
    print(f"{ref.sha256}  {ref.name}  {ref.size}  {','.join(ref.codes)}")
    return EXIT_OK


def cmd_evidence_verify(options: argparse.Namespace) -> int:
    de = _de(options)
    with _service(options) as service:
        checks = service.verify_evidence(options.id)
    labels = {"ok": "in Ordnung", "missing": "FEHLT", "changed": "VERÄNDERT"} if de else {}
    for check in checks:
        used = ",".join(map(str, check.balance_ids)) or "-"
        print(
            f"{labels.get(check.status, check.status.upper() if check.status != 'ok' else 'ok'):<10}  {check.sha256[:16]}  {check.name}  [{used}]"
        )
    bad = [c for c in checks if c.status != "ok"]
    if bad:
        _report_checks(bad, options)
        return EXIT_FAILURE
    print((f"{len(checks)} Dateien geprüft, alle unverändert.") if de else f"{len(checks)} files checked, all intact.")
    return EXIT_OK


def cmd_lock(options: argparse.Namespace) -> int:
    from ecg_desktop.errors import InputError, Location, Problem

    with _service(options) as service:
        if options.date:
            try:
                day = date.fromisoformat(options.date)
            except ValueError as exc:
                raise InputError([Problem("not_a_date", Location(field="--date"), {"found": options.date})]) from exc
            info = service.balance_info(options.id)
            if not info.locked:
                if info.status == "draft":
                    service.submit_for_review(options.id)
                service.record_audit(options.id, options.kind or info.audit_kind, options.auditor or service.user, day)
        else:
            service.lock(options.id, options.kind, options.auditor)
        info = service.balance_info(options.id)
    print(
        f"Bilanz {info.id} ist auditiert und gesperrt." if _de(options) else f"Balance {info.id} is audited and locked."
    )
    return EXIT_OK


def cmd_verify_log(options: argparse.Namespace) -> int:
    de = _de(options)
    with _service(options) as service:
        check = service.verify_log()
    if check.ok:
        print(
            f"Änderungsprotokoll unversehrt: {check.entries} Einträge."
            if de
            else f"Change log intact: {check.entries} entries."
        )
        return EXIT_OK
    from ecg_desktop.messages import render

    reason = check.message.split(": ", 1)[-1]
    print(render("log_broken", {"id": check.first_broken_id, "reason": reason}, "de" if de else "en"), file=sys.stderr)
    return EXIT_FAILURE


def cmd_backup(options: argparse.Namespace) -> int:
    with _service(options) as service:
        service.backup(Path(options.output))
    print(options.output)
    return EXIT_OK


def cmd_restore(options: argparse.Namespace) -> int:
    from ecg_desktop.services.balance_service import BalanceService

    BalanceService.restore(Path(options.archive), options.data_dir, options.database_url)
    print("Wiederhergestellt." if _de(options) else "Restored.")
    return EXIT_OK


__all__ = ["register"]
