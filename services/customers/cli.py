"""`kam customers import|export|reclassify`: the service's own subcommands."""
import json
import sys
from pathlib import Path


def register(subparsers):
    customers = subparsers.add_parser("customers", help="customer files: import, export, reclassify")
    sub = customers.add_subparsers(dest="customers_command", required=True)
    imports = sub.add_parser("import", help="import customers from an .xlsx or .csv file")
    imports.add_argument("file", type=Path)
    imports.add_argument("--owner-id", required=True, help="the user id of the developer who will own them")
    imports.add_argument("--report", type=Path, help="also write the row-by-row report as JSON here")
    imports.set_defaults(func=cmd_import)
    exports = sub.add_parser("export", help="export every customer (never sensitive data) to .xlsx or .csv")
    exports.add_argument("file", type=Path)
    exports.set_defaults(func=cmd_export)
    sub.add_parser("reclassify", help="score every candidate with the current rules").set_defaults(func=cmd_reclassify)
    sub.add_parser("reseal", help="seal every customer's sensitive data again with the first KAM_ENCRYPTION_KEY"
                   ).set_defaults(func=cmd_reseal)


def _store(role, user_id):
    from kam.config import get_settings
    from kam.identity import Actor
    from kam.service import open_store
    from services.customers.models import metadata

    settings = get_settings()
    actor = Actor(user_id, role)
    return settings, actor, open_store("customers", metadata, settings, actor=actor.as_dict())


def cmd_import(args):
    from rich.console import Console
    from rich.progress import Progress
    from rich.table import Table

    from kam.keys import require_keys
    from services.customers.handlers.spreadsheets import import_file
    from services.customers.rules import load_rules
    from services.customers.sealing import Sealer

    settings, actor, store = _store("developer", args.owner_id)
    require_keys(settings)
    try:
        with Progress() as progress, store.unit_of_work() as uow:
            task = progress.add_task(f"导入 {args.file.name}", total=None)
            report = import_file(
                uow, actor, _now(), args.file.name, args.file.read_bytes(), sealer=Sealer(settings),
                rules=load_rules(), progress=lambda done, total: progress.update(task, completed=done, total=total))
            uow.commit()
    finally:
        store.close()
    table = Table(title=f"{args.file.name}: {report['imported']} 行导入, {report['rejected']} 行被拒")
    for column in ("行", "姓名", "结果", "原因"):
        table.add_column(column)
    for row in report["rows"]:
        reasons = "; ".join(f"{field}: {', '.join(map(str, msgs))}" for field, msgs in (row.get("errors") or {}).items())
        table.add_row(str(row["row"]), row.get("name") or "", "导入" if row["status"] == "imported" else "拒绝", reasons)
    Console().print(table)
    if args.report:
        args.report.write_text(json.dumps(report, ensure_ascii=False, indent=1))
    return 0 if report["rejected"] == 0 else 1


def cmd_export(args):
    from services.customers.handlers.spreadsheets import export_file

    fmt = args.file.suffix.lstrip(".").lower()
    if fmt not in ("xlsx", "csv"):
        raise SystemExit("export to a .xlsx or .csv file")
    _, actor, store = _store("manager", "kam-cli")
    try:
        with store.session() as session:
            exported = export_file(session, actor, _now(), fmt, {})
    finally:
        store.close()
    args.file.write_bytes(exported["content"])
    print(f"wrote {args.file}", file=sys.stderr)


def cmd_reclassify(args):
    from services.customers.handlers.classify import reclassify_customers
    from services.customers.rules import load_rules

    _, _, store = _store("manager", "kam-cli")
    try:
        with store.unit_of_work() as uow:
            changed = reclassify_customers(uow, load_rules(), _now())
    finally:
        store.close()
    print(f"{changed} customer(s) changed category")


def cmd_reseal(args):
    """After a new key is put first in KAM_ENCRYPTION_KEY; the old ones may go once this has run."""
    from sqlalchemy import select, update

    from kam.keys import require_keys
    from services.customers.models import customers
    from services.customers.sealing import Sealer

    settings, _, store = _store("manager", "kam-cli")
    sealer = Sealer(require_keys(settings))
    try:
        with store.session() as session:
            rows = session.execute(select(customers.c.id, customers.c.sensitive_sealed)
                                   .where(customers.c.sensitive_sealed.isnot(None))).all()
            for customer_id, sealed in rows:
                session.execute(update(customers).where(customers.c.id == customer_id)
                                .values(sensitive_sealed=sealer.reseal(sealed)))
            session.commit()
    finally:
        store.close()
    print(f"{len(rows)} customer(s) resealed with the first key")


def _now():
    from kam.clock import clock_from_env

    return clock_from_env().now()
